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
import { COMPARE_FIXTURE } from '../helpers/fixtures';

let work: string;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'briefings-e2e-compare-'));
  server = createStaticServer(join(work, 'site'));
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const build = await runCli(['build', '--data', COMPARE_FIXTURE, '--out', join(work, 'site'), '--base-url', base]);
  if (build.code !== 0) throw new Error(build.err.join('\n'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

const PHONE = { width: 390, height: 844 };

/** Opens a page, failing on any console error (CSP violations included) or page error. */
async function open(path: string, viewport = PHONE): Promise<Page> {
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

describe('comparison pages in a real browser (Chromium)', () => {
  it.each(['en/targets/2026/', 'zh/targets/2026/'])('%s: the targets table fits a phone, each region a card', async (path) => {
    const page = await open(path);
    expect(await overflows(page)).toBe(false);
    const row = page.locator('#r-sichuan');
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    const box = await row.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('keeps the targets table a table on a desktop screen, without sideways scrolling', async () => {
    const page = await open('en/targets/2026/', { width: 1280, height: 800 });
    expect(await page.locator('#r-sichuan').evaluate((el) => getComputedStyle(el).display)).toBe('table-row');
    expect(await overflows(page)).toBe(false);
    await page.close();
  });

  it.each(['en/compare/gdp/2026/', 'zh/compare/gdp/2026/'])('%s: chart and ranking fit a phone', async (path) => {
    const page = await open(path);
    expect(await overflows(page)).toBe(false);
    const chart = page.locator('#level-province figure.chart svg');
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('#level-province figure.chart rect.range').count()).toBe(1);
    await page.close();
  });

  it.each(['en/compare/', 'zh/regions/', 'en/regions/sichuan/'])('%s fits a phone', async (path) => {
    const page = await open(path);
    expect(await overflows(page)).toBe(false);
    await page.close();
  });

  it('goes from a targets cell to its source quote on the briefing page', async () => {
    const page = await open('en/targets/2026/');
    await page.click('#r-anhui td >> nth=0 >> a');
    await page.waitForURL(`${base}en/briefings/anhui-2026-fixture/#i-gdp-growth-2026`);
    expect(await page.locator('#i-gdp-growth-2026 q').textContent()).toBe('全省生产总值增长5%—5.5%');
    await page.close();
  });
});
