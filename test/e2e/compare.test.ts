import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowsedSite, browseBuiltSite, overflows, VIEWPORTS } from '../helpers/browser';
import { COMPARE_FIXTURE } from '../helpers/fixtures';

let site: BrowsedSite;

beforeAll(async () => {
  site = await browseBuiltSite(COMPARE_FIXTURE);
});

afterAll(() => site?.close());

describe('comparison pages in a real browser (Chromium)', () => {
  it.each(['en/targets/2026/', 'zh/targets/2026/'])('%s: the targets table fits a phone, each region a card', async (path) => {
    const page = await site.open(path);
    expect(await overflows(page)).toBe(false);
    const row = page.locator('#r-sichuan');
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    const box = await row.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await page.close();
  });

  it('keeps the targets table a table on a desktop screen, without sideways scrolling', async () => {
    const page = await site.open('en/targets/2026/', VIEWPORTS.desktop);
    expect(await page.locator('#r-sichuan').evaluate((el) => getComputedStyle(el).display)).toBe('table-row');
    expect(await overflows(page)).toBe(false);
    await page.close();
  });

  it.each(['en/compare/gdp/2026/', 'zh/compare/gdp/2026/'])('%s: chart and ranking fit a phone', async (path) => {
    const page = await site.open(path);
    expect(await overflows(page)).toBe(false);
    const chart = page.locator('#level-province figure.chart svg');
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    expect(await page.locator('#level-province figure.chart rect.range').count()).toBe(1);
    await page.close();
  });

  it.each(['en/compare/', 'zh/regions/', 'en/regions/sichuan/'])('%s fits a phone', async (path) => {
    const page = await site.open(path);
    expect(await overflows(page)).toBe(false);
    await page.close();
  });

  it('goes from a targets cell to its source quote on the briefing page', async () => {
    const page = await site.open('en/targets/2026/');
    await page.click('#r-anhui td >> nth=0 >> a');
    await page.waitForURL(`${site.base}en/briefings/anhui-2026-fixture/#i-gdp-growth-2026`);
    expect(await page.locator('#i-gdp-growth-2026 q').textContent()).toBe('全省生产总值增长5%—5.5%');
    await page.close();
  });
});
