/**
 * The publisher Lambda's bundle as CDK builds it (esbuild, ESM, minified), its size, and how long a
 * cold `import()` of it takes in a fresh Node.js process (the part of a Lambda cold start we control).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_ALIASES } from '../lambdas/bundling/aliases';
import { median } from './measure';

export interface BundleFigures {
  readonly bytes: number;
  readonly coldImportMs: number;
}

export async function publisherBundle(outDir: string, runs: number): Promise<BundleFigures> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'index.mjs');
  await build({
    entryPoints: ['lambdas/handlers/publish.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    alias: { ...BUNDLE_ALIASES },
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const probe = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const ms = Number(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }));
    if (i > 0) times.push(ms);
  }
  return { bytes: statSync(outfile).size, coldImportMs: median(times) };
}
