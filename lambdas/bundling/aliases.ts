import { fileURLToPath } from 'node:url';

/**
 * Packages a bundle replaces with a stub (esbuild `alias`): dependencies of our dependencies that
 * our code never reaches. Shared by the Lambda bundles (infra), the CLI bundle and the bench.
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  postcss: fileURLToPath(new URL('./postcss.cjs', import.meta.url)),
  'source-map': fileURLToPath(new URL('./source-map.cjs', import.meta.url)),
  domutils: fileURLToPath(new URL('./domutils.cjs', import.meta.url)),
};
