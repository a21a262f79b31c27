import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowsedSite, browseBuiltSite, errorsOf, VIEWPORTS, visit } from '../helpers/browser';
import { BUNDLED_DATA } from '../helpers/builtSite';

/**
 * Search over the bundled data as readers use it, in Debian's Chromium: Chinese and English words, a
 * shared link, no JavaScript. Screenshots and axe-core of every page type are audit.test.ts.
 */
let site: BrowsedSite;
let tab: Page;

beforeAll(async () => {
  site = await browseBuiltSite(BUNDLED_DATA);
  tab = await site.browser.newPage({ viewport: VIEWPORTS.desktop });
});

afterAll(() => site?.close());

describe('search without a server', () => {
  async function search(lang: 'en' | 'zh', query: string): Promise<Array<{ href: string; text: string }>> {
    await tab.setViewportSize(VIEWPORTS.phone);
    await visit(tab, new URL(`${lang}/search/`, site.base).href);
    await tab.fill('#search-query', query);
    await tab.press('#search-query', 'Enter');
    await tab.locator('.search-results li').first().waitFor({ timeout: 15_000 });
    expect(errorsOf(tab), 'search logged errors').toEqual([]);
    return tab.$$eval('.search-results li a', (links) => links.map((a) => ({ href: (a as HTMLAnchorElement).pathname, text: a.textContent ?? '' })));
  }

  it('finds an English term on English pages only', async () => {
    const results = await search('en', 'investment');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.href.startsWith('/en/'))).toBe(true);
    expect(await tab.locator('.search-results mark').first().textContent()).toMatch(/^investment/i);
    expect(new URL(tab.url()).searchParams.get('q')).toBe('investment');
  });

  it('finds a Chinese term (no spaces between words) on Chinese pages only', async () => {
    const results = await search('zh', '地区生产总值');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.href.startsWith('/zh/'))).toBe(true);
    expect(results.some((r) => r.href.startsWith('/zh/indicators/gdp/'))).toBe(true);
  });

  it('says so when nothing matches, and a shared ?q= link runs the search', async () => {
    await visit(tab, new URL('en/search/?q=zzzyxwv', site.base).href);
    await expect.poll(() => tab.textContent('.search-status')).toContain('zzzyxwv');
    expect(await tab.locator('.search-results li').count()).toBe(0);
  });

  it('is a plain list of the indexes without JavaScript, the box hidden', async () => {
    const plain = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await plain.newPage();
    await page.goto(new URL('zh/search/', site.base).href);
    expect(await page.locator('form.search').isVisible()).toBe(false);
    const links = await page.$$eval('.browse-links a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links).toEqual(expect.arrayContaining(['/zh/briefings/', '/zh/indicators/']));
    await plain.close();
  });

  it('is the only page allowed to run scripts', async () => {
    const strict = await tab.request.get(new URL('en/', site.base).href);
    const searching = await tab.request.get(new URL('en/search/', site.base).href);
    expect(strict.headers()['content-security-policy']).not.toContain('script-src');
    expect(searching.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});
