import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../lambdas/core/render/outputFormats';
import { body, renderFixtureSite } from '../helpers/site';

/**
 * Golden files: the sample briefing rendered, byte for byte, readable in test/golden/sample/.
 * A change to templates, locales or the renderer shows up here as a diff to review;
 * regenerate deliberately with `npx vitest run test/golden -u`.
 */
const GOLDEN = [
  'en/briefings/sample-city-2026/index.html',
  'zh/briefings/sample-city-2026/index.html',
  'en/index.html',
  'en/indicators/gdp/index.html',
  'en/indicators/index.html',
  'en/topics/economy/index.html',
  'en/regions/chengdu/index.html',
  'en/targets/index.html',
  'en/indicators/gdp/chengdu/feed.xml',
  'data/briefings/sample-city-2026.csv',
  'index.html',
  'en/feed.xml',
  'en/atom.xml',
  'en/feed.json',
  'zh/feed.xml',
  'zh/atom.xml',
  'zh/feed.json',
  'sitemap.xml',
  'robots.txt',
];

let site: Map<string, OutputFile<string>>;
beforeAll(async () => {
  site = await renderFixtureSite();
});

describe('golden files of the sample site', () => {
  it.each(GOLDEN)('%s', async (path) => {
    await expect(body(site, path)).toMatchFileSnapshot(`sample/${path}`);
  });

  it('renders the same bytes twice (deterministic output)', async () => {
    const again = await renderFixtureSite();
    expect([...again.keys()]).toEqual([...site.keys()]);
    for (const [path, file] of again) expect(file.body, path).toBe(site.get(path)?.body);
  });
});
