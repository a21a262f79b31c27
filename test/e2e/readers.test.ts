import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../lambdas/adapters/fs/staticServer';
import { launchChromium } from '../helpers/browser';
import { BUNDLED_DATA, buildToTemp, pageTypes } from '../helpers/builtSite';
import { PROJECT_ROOT } from '../helpers/lexicons';

/**
 * The bundled data as readers get it, in Debian's Chromium: every page type in both languages at
 * desktop and phone width (screenshots in test-results/screens/, for people to look at), axe-core
 * on each, and search finding Chinese and English words. One browser, one tab reused.
 */
const SCREENS = join(PROJECT_ROOT, 'test-results/screens');
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const AXE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');

let site: string;
let server: Server;
let base: string;
let browser: Browser;
let context: BrowserContext;
let tab: Page;
let errors: string[] = [];

beforeAll(async () => {
  server = createStaticServer('/nonexistent');
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  server.close();
  site = await buildToTemp(BUNDLED_DATA, base);
  server = createStaticServer(site);
  await new Promise<void>((ready) => server.listen(Number(new URL(base).port), '127.0.0.1', ready));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: WIDTHS.desktop });
  tab = await context.newPage();
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('pageerror', (e) => errors.push(e.message));
  rmSync(SCREENS, { recursive: true, force: true });
  mkdirSync(SCREENS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

/** Opens a route in the shared tab; any console error (a CSP violation included) fails the test. */
async function visit(route: string): Promise<void> {
  errors = [];
  const response = await tab.goto(new URL(route.slice(1), base).href);
  const missing = route === '/no-such-page/';
  expect(response?.status(), route).toBe(missing ? 404 : 200);
  // The 404 page's own status is the one console error it may show.
  expect(
    errors.filter((e) => !(missing && e.includes('404'))),
    `${route} logged errors`,
  ).toEqual([]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core, evaluated in the page (not as a <script>, which the CSP rightly refuses). */
async function axeViolations(): Promise<string[]> {
  await tab.evaluate(AXE);
  const violations = await tab.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

describe('every page type, both languages, desktop and phone (Chromium)', () => {
  it('is free of serious and critical axe-core violations, and leaves a screenshot at each width', { timeout: 300_000 }, async () => {
    const types = pageTypes(site);
    expect(types.map((t) => t.name)).toEqual(
      expect.arrayContaining(['chooser', 'not-found', 'en-home', 'zh-home', 'en-briefings-page', 'zh-indicators-page', 'en-search']),
    );
    const problems: string[] = [];
    for (const { name, route } of types) {
      await tab.setViewportSize(WIDTHS.desktop);
      await visit(route);
      problems.push(...(await axeViolations()).map((v) => `${route}: ${v}`));
      for (const [width, viewport] of Object.entries(WIDTHS)) {
        await tab.setViewportSize(viewport);
        // The first 4,000 px of a page: enough to look at, and a long index does not stall the browser.
        const height = Math.min(4000, await tab.evaluate(() => document.documentElement.scrollHeight));
        await tab.screenshot({ path: join(SCREENS, `${name}-${width}.png`), fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
        if (width === 'phone') {
          const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 1) problems.push(`${route}: ${overflow}px wider than a phone`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('search without a server', () => {
  async function search(lang: 'en' | 'zh', query: string): Promise<Array<{ href: string; text: string }>> {
    await tab.setViewportSize(WIDTHS.phone);
    await visit(`/${lang}/search/`);
    await tab.fill('#search-query', query);
    await tab.press('#search-query', 'Enter');
    await tab.locator('.search-results li').first().waitFor({ timeout: 15_000 });
    expect(errors, 'search logged errors').toEqual([]);
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
    await visit('/en/search/?q=zzzyxwv');
    await expect.poll(() => tab.textContent('.search-status')).toContain('zzzyxwv');
    expect(await tab.locator('.search-results li').count()).toBe(0);
  });

  it('is a plain list of the indexes without JavaScript, the box hidden', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const page = await plain.newPage();
    await page.goto(new URL('zh/search/', base).href);
    expect(await page.locator('form.search').isVisible()).toBe(false);
    const links = await page.$$eval('.browse-links a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links).toEqual(expect.arrayContaining(['/zh/briefings/', '/zh/indicators/']));
    await plain.close();
  });

  it('is the only page allowed to run scripts', async () => {
    const strict = await tab.request.get(new URL('en/', base).href);
    const searching = await tab.request.get(new URL('en/search/', base).href);
    expect(strict.headers()['content-security-policy']).not.toContain('script-src');
    expect(searching.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});
