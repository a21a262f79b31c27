import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../lambdas/adapters/fs/staticServer';
import { launchChromium } from '../helpers/browser';
import { runCli } from '../helpers/cli';
import { PROJECT_ROOT } from '../helpers/lexicons';

/**
 * The site built from the bundled data, audited as readers meet it: screenshots of every page type
 * (test-results/screenshots/) and axe-core. The Nu HTML Checker and the crawl of every link and
 * anchor run in test/site/builtSite.test.ts.
 */
let work: string;
let root: string;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'briefings-audit-'));
  root = join(work, 'site');
  server = createStaticServer(root);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const build = await runCli(['build', '--data', join(PROJECT_ROOT, 'data'), '--out', root, '--base-url', base]);
  if (build.code !== 0) throw new Error(build.err.join('\n'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

const PAGE_TYPES: Record<string, (lang: string) => string> = {
  home: (l) => `${l}/`,
  briefing: (l) => `${l}/briefings/chengdu-2026-work-report/`,
  briefings: (l) => `${l}/briefings/`,
  topics: (l) => `${l}/topics/`,
  topic: (l) => `${l}/topics/economy/`,
  regions: (l) => `${l}/regions/`,
  region: (l) => `${l}/regions/qingbaijiang/`,
  indicators: (l) => `${l}/indicators/`,
  indicator: (l) => `${l}/indicators/gdp/`,
  targets: (l) => `${l}/targets/`,
  glossary: (l) => `${l}/glossary/`,
  search: (l) => `${l}/search/`,
};
const PAGES = [
  { type: 'chooser', lang: 'both', path: '' },
  { type: 'not-found', lang: 'both', path: 'no-such-page/' },
  ...Object.entries(PAGE_TYPES).flatMap(([type, path]) => ['en', 'zh'].map((lang) => ({ type, lang, path: path(lang) }))),
];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const SHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');

describe('every page type, in both languages, at desktop and phone width', () => {
  it('is photographed for review, never wider than the screen', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const overflowing: string[] = [];
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport });
      for (const { type, lang, path } of PAGES) {
        const page = await context.newPage();
        await page.goto(base + path);
        // The top of long pages is what a reviewer compares; whole 200-row tables only slow the run.
        const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 3000);
        await page.screenshot({ path: join(SHOTS, `${type}-${lang}-${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
        if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)) overflowing.push(`${path} at ${name}`);
        await page.close();
      }
      await context.close();
    }
    expect(overflowing).toEqual([]);
  }, 300_000);

  it('has no serious or critical axe-core violation', async () => {
    const axe = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    // The site's CSP forbids every script; the audit's own script is let in for this context only.
    const context = await browser.newContext({ bypassCSP: true, viewport: VIEWPORTS.desktop });
    const found: string[] = [];
    for (const { lang, path } of PAGES) {
      const page = await context.newPage();
      await page.goto(base + path);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> };
          }
        ).axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          );
      });
      for (const v of violations) found.push(`${path || '/'} [${lang}] ${v}`);
      await page.close();
    }
    await context.close();
    expect(found).toEqual([]);
  }, 300_000);
});
