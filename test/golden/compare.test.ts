import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../lambdas/core/render/outputFormats';
import { COMPARE_FIXTURE } from '../helpers/fixtures';
import { body, renderDataFolder } from '../helpers/site';

/**
 * Golden files of the comparison fixture (provinces, a city, a district), readable in
 * test/golden/compare/. Regenerate deliberately with `npx vitest run test/golden -u` and read the diff.
 */
const GOLDEN = ['en/targets/2026/index.html', 'zh/targets/2026/index.html', 'data/compare/gdp-2026.csv'];

let site: Map<string, OutputFile<string>>;
beforeAll(async () => {
  site = await renderDataFolder(COMPARE_FIXTURE);
});

describe('golden files of the comparison fixture', () => {
  it.each(GOLDEN)('%s', async (path) => {
    await expect(body(site, path)).toMatchFileSnapshot(`compare/${path}`);
  });
});
