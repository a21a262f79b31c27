import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowsedSite, browseBuiltSite, overflowPx, VIEWPORTS, visit } from '../helpers/browser';
import { BUNDLED_DATA, pageTypes } from '../helpers/builtSite';
import { PROJECT_ROOT } from '../helpers/lexicons';

/**
 * The site built from the bundled data, audited as readers meet it in Debian's Chromium: every page
 * type in both languages at desktop and phone width, each with a screenshot (test-results/screens/,
 * for people to look at), axe-core, no sideways scrolling and no console error. Search is
 * readers.test.ts; the Nu HTML Checker and the crawl of every link and anchor are test/site/builtSite.test.ts.
 */
const SCREENS = join(PROJECT_ROOT, 'test-results/screens');
const AXE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
/** Beside the first page of each type, the fullest ones: a city's report, a region's own page, GDP across regions, a topic. */
const FULLEST = ['briefings/chengdu-2026-work-report/', 'regions/qingbaijiang/', 'indicators/gdp/', 'topics/economy/'];

let site: BrowsedSite;
let tab: Page;

beforeAll(async () => {
  site = await browseBuiltSite(BUNDLED_DATA);
  tab = await site.browser.newPage({ viewport: VIEWPORTS.desktop });
  rmSync(SCREENS, { recursive: true, force: true });
  mkdirSync(SCREENS, { recursive: true });
});

afterAll(() => site?.close());

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
  it('is free of serious and critical axe-core violations, never wider than the screen, and leaves a screenshot at each width', {
    timeout: 600_000,
  }, async () => {
    const types = pageTypes(site.root);
    expect(types.map((t) => t.name)).toEqual(
      expect.arrayContaining(['chooser', 'not-found', 'en-home', 'zh-home', 'en-briefings-page', 'zh-indicators-page', 'en-search']),
    );
    const fullest = FULLEST.flatMap((path) =>
      ['en', 'zh'].map((lang) => ({ name: `${lang}-${path.slice(0, -1).replace('/', '-')}`, route: `/${lang}/${path}` })),
    );
    const problems: string[] = [];
    for (const { name, route } of [...types, ...fullest]) {
      await tab.setViewportSize(VIEWPORTS.desktop);
      await visit(tab, new URL(route, site.base).href, route === '/no-such-page/' ? 404 : 200);
      problems.push(...(await axeViolations()).map((v) => `${route}: ${v}`));
      for (const [width, viewport] of Object.entries(VIEWPORTS)) {
        await tab.setViewportSize(viewport);
        // The first 4,000 px of a page: enough to look at, and a long index does not stall the browser.
        const height = Math.min(4000, await tab.evaluate(() => document.documentElement.scrollHeight));
        await tab.screenshot({ path: join(SCREENS, `${name}-${width}.png`), fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
        const overflow = await overflowPx(tab);
        if (overflow > 1) problems.push(`${route}: ${overflow}px wider than the ${width} screen`);
      }
    }
    expect(problems).toEqual([]);
  });
});
