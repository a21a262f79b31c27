import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../lambdas/adapters/fs/staticServer';
import { launchChromium } from '../helpers/browser';
import { runCli } from '../helpers/cli';
import { FIXTURE_SITE } from '../helpers/fixtures';

let work: string;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'briefings-e2e-'));
  server = createStaticServer(join(work, 'site'));
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const build = await runCli(['build', '--data', FIXTURE_SITE, '--out', join(work, 'site'), '--base-url', base]);
  if (build.code !== 0) throw new Error(build.err.join('\n'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens a page, failing the test on any console error (CSP violations included) or page error. */
async function open(path: string, viewport = { width: 390, height: 844 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(base + path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState('load');
  expect(errors, `${path} logged errors`).toEqual([]);
  return page;
}

const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe('in a real browser (Chromium)', () => {
  it('shows an English briefing readable on a phone, with escaped data and the stylesheet applied', async () => {
    const page = await open('en/briefings/sample-city-2026/');
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
    const page = await open('en/briefings/sample-city-2026/', { width: 1280, height: 800 });
    expect(await page.locator('#i-gdp-2025').evaluate((el) => getComputedStyle(el).display)).toBe('table-row');
    expect(await overflows(page)).toBe(false);
    await page.close();
  });

  it('switches to the Chinese twin and back', async () => {
    const page = await open('en/briefings/sample-city-2026/');
    await page.click('a.switch');
    await page.waitForURL(`${base}zh/briefings/sample-city-2026/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('#i-gdp-2025 .figure').textContent()).toBe('超2.2万亿元');
    await page.click('a.switch');
    await page.waitForURL(`${base}en/briefings/sample-city-2026/`);
    await page.close();
  });

  it('lets a reader go from the language chooser to a briefing by clicking', async () => {
    const page = await open('');
    await page.click('a[hreflang="en"]');
    await page.waitForURL(`${base}en/`);
    await page.click('text=Sample district: 2023 economy');
    await page.waitForURL(`${base}en/briefings/sample-district-2024/`);
    expect(await page.textContent('#i-gdp-2023 .figure')).toBe('65.07 billion yuan');
    expect(await overflows(page)).toBe(false);
    await page.close();
  });

  it('draws the indicator chart inline, within the content security policy', async () => {
    const page = await open('en/indicators/gdp/');
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
      const page = await open(`${lang}/search/`, { width: 1280, height: 800 });
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
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}en/search/`);
    expect(await page.locator('form.search').isHidden()).toBe(true);
    expect(await page.locator('.browse-links a[href="/en/indicators/"]').count()).toBe(1);
    await context.close();
  });

  it('answers an unknown path with the bilingual 404 page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${base}en/briefings/no-such-briefing/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('section[lang="en"] h1').textContent()).toBe('Page not found');
    expect(await page.locator('section[lang="zh-CN"] h1').textContent()).toBe('页面不存在');
    await page.close();
  });

  it('finds the feeds by autodiscovery and they are served with feed media types', async () => {
    const page = await open('en/');
    const hrefs = await page.$$eval('link[rel="alternate"][type]', (links) => links.map((l) => [l.getAttribute('type'), (l as HTMLLinkElement).href]));
    expect(hrefs).toEqual([
      ['application/rss+xml', `${base}en/feed.xml`],
      ['application/atom+xml', `${base}en/atom.xml`],
      ['application/feed+json', `${base}en/feed.json`],
    ]);
    for (const [type, href] of hrefs) {
      const response = await page.request.get(href!);
      expect(response.headers()['content-type']).toBe(`${type}; charset=utf-8`);
    }
    await page.close();
  });
});
