import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowsedSite, browseBuiltSite, overflows, VIEWPORTS } from '../helpers/browser';
import { FIXTURE_SITE } from '../helpers/fixtures';

let site: BrowsedSite;

beforeAll(async () => {
  site = await browseBuiltSite(FIXTURE_SITE);
});

afterAll(() => site?.close());

describe('in a real browser (Chromium)', () => {
  it('shows an English briefing readable on a phone, with escaped data and the stylesheet applied', async () => {
    const page = await site.open('en/briefings/sample-city-2026/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Sample City 2026 work report <script>alert(1)</script> & "quotes" 📊');
    expect(await overflows(page)).toBe(false);
    const row = page.locator('#i-gdp-2025');
    expect(await row.locator('.figure').textContent()).toBe('more than 2.2 trillion yuan');
    expect(await row.locator('q').getAttribute('lang')).toBe('zh-CN');
    // phone layout: table rows become blocks with their labels
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    await page.close();
  });

  it('keeps the table a table on a desktop screen', async () => {
    const page = await site.open('en/briefings/sample-city-2026/', VIEWPORTS.desktop);
    expect(await page.locator('#i-gdp-2025').evaluate((el) => getComputedStyle(el).display)).toBe('table-row');
    expect(await overflows(page)).toBe(false);
    await page.close();
  });

  it('switches to the Chinese twin and back', async () => {
    const page = await site.open('en/briefings/sample-city-2026/');
    await page.click('a.switch');
    await page.waitForURL(`${site.base}zh/briefings/sample-city-2026/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('#i-gdp-2025 .figure').textContent()).toBe('超2.2万亿元');
    await page.click('a.switch');
    await page.waitForURL(`${site.base}en/briefings/sample-city-2026/`);
    await page.close();
  });

  it('lets a reader go from the language chooser to a briefing by clicking', async () => {
    const page = await site.open('');
    await page.click('a[hreflang="en"]');
    await page.waitForURL(`${site.base}en/`);
    await page.click('text=Sample district: 2023 economy');
    await page.waitForURL(`${site.base}en/briefings/sample-district-2024/`);
    expect(await page.textContent('#i-gdp-2023 .figure')).toBe('65.07 billion yuan');
    expect(await overflows(page)).toBe(false);
    await page.close();
  });

  it('draws the indicator chart inline, within the content security policy', async () => {
    const page = await site.open('en/indicators/gdp/');
    const bars = page.locator('figure.chart rect');
    expect(await bars.count()).toBe(2);
    const box = await page.locator('figure.chart svg').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(await overflows(page)).toBe(false);
    await page.close();
  });

  it('searches without a server: an English and a Chinese term find their pages, within the CSP', async () => {
    for (const [lang, term, expected] of [
      ['en', 'Qingbaijiang', `/en/briefings/sample-district-2024/`],
      ['zh', '地区生产总值', `/zh/indicators/gdp/`],
    ] as const) {
      const page = await site.open(`${lang}/search/`, VIEWPORTS.desktop);
      await page.locator('#search-query').waitFor({ state: 'visible' });
      await page.fill('#search-query', term);
      await page.press('#search-query', 'Enter');
      await page.locator('.search-results a').first().waitFor();
      const hrefs = await page.$$eval('.search-results a', (links) => links.map((a) => new URL(a.getAttribute('href')!, location.href).pathname));
      expect(hrefs, `${lang}: ${term}`).toContain(expected);
      await page.close();
    }
  });

  it('keeps the search page a plain list of links without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.base}en/search/`);
    expect(await page.locator('form.search').isHidden()).toBe(true);
    expect(await page.locator('.browse-links a[href="/en/indicators/"]').count()).toBe(1);
    await context.close();
  });

  it('answers an unknown path with the bilingual 404 page', async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(`${site.base}en/briefings/no-such-briefing/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('section[lang="en"] h1').textContent()).toBe('Page not found');
    expect(await page.locator('section[lang="zh-CN"] h1').textContent()).toBe('页面不存在');
    await page.close();
  });

  it('finds the feeds by autodiscovery and they are served with feed media types', async () => {
    const page = await site.open('en/');
    const hrefs = await page.$$eval('link[rel="alternate"][type]', (links) => links.map((l) => [l.getAttribute('type'), (l as HTMLLinkElement).href]));
    expect(hrefs).toEqual([
      ['application/rss+xml', `${site.base}en/feed.xml`],
      ['application/atom+xml', `${site.base}en/atom.xml`],
      ['application/feed+json', `${site.base}en/feed.json`],
    ]);
    for (const [type, href] of hrefs) {
      const response = await page.request.get(href!);
      expect(response.headers()['content-type']).toBe(`${type}; charset=utf-8`);
    }
    await page.close();
  });
});
