import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createStaticServer } from '../../lambdas/adapters/fs/staticServer';
import { buildInto } from './builtSite';

/** Debian's Chromium; tests never download a browser. `.ci/run` installs it (`apt-get install chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // Offline machine: keep Chromium from reaching for Google services at start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A data folder built with the real CLI, served as the preview server serves it, and a browser to read it with. */
export interface BrowsedSite {
  /** `http://127.0.0.1:<port>/`, also the build's base URL. */
  readonly base: string;
  /** The built site's folder. */
  readonly root: string;
  readonly browser: Browser;
  /** A new page at `path` (`en/briefings/`, `/en/`, `''`), checked by `visit`. */
  open(path: string, viewport?: { width: number; height: number }, status?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function browseBuiltSite(data: string): Promise<BrowsedSite> {
  const work = mkdtempSync(join(tmpdir(), 'briefings-e2e-'));
  const root = join(work, 'site');
  const server = createStaticServer(root);
  const stop = () => {
    server.close();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await buildInto(data, root, base);
    const browser = await launchChromium();
    return {
      base,
      root,
      browser,
      async open(path, viewport = VIEWPORTS.phone, status = 200) {
        const page = await browser.newPage({ viewport });
        await visit(page, new URL(path, base).href, status);
        return page;
      },
      async close() {
        await browser.close();
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

const ERRORS = new WeakMap<Page, string[]>();

/** The console errors and uncaught exceptions of a page (a CSP violation is a console error) since its last `visit`. */
export function errorsOf(page: Page): string[] {
  let errors = ERRORS.get(page);
  if (!errors) {
    const found: string[] = [];
    page.on('console', (m) => m.type() === 'error' && found.push(m.text()));
    page.on('pageerror', (e) => found.push(e.message));
    ERRORS.set(page, found);
    errors = found;
  }
  return errors;
}

/** Goes to `url`; fails the test on another status than `status` or on any error the page logs (a 404 page may log its own status). */
export async function visit(page: Page, url: string, status = 200): Promise<void> {
  const errors = errorsOf(page);
  errors.length = 0;
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(status);
  await page.waitForLoadState('load');
  expect(
    errors.filter((e) => !(status === 404 && e.includes('404'))),
    `${url} logged errors`,
  ).toEqual([]);
}

/** How many pixels the page is wider than the window (sideways scrolling); 1 px is rounding. */
export const overflowPx = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

export const overflows = async (page: Page): Promise<boolean> => (await overflowPx(page)) > 1;
