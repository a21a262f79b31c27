#!/usr/bin/env node
// The `briefings` command for development: runs the TypeScript sources through tsx (no build step).
// `npm start` and the benchmarks run the esbuild bundle instead (dist/cli/briefings.mjs, `npm run bundle`).
import { register } from 'tsx/esm/api';

register();
await import('../lambdas/cli/bin.ts');
