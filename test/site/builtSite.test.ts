import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA, buildToTemp, htmlFiles, readText, routeOfFile, siteFiles } from '../helpers/builtSite';
import { assertWellFormed } from '../helpers/feeds';

/** The bundled data built by the CLI as `npm start` builds it, then checked file by file. */
const BASE = 'https://briefings.example.org/';
const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');

let site: string;
let files: string[];
let pages: string[];

beforeAll(async () => {
  site = await buildToTemp(BUNDLED_DATA, BASE);
  files = siteFiles(site);
  pages = htmlFiles(site);
});

afterAll(() => {
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

describe('the W3C Nu HTML Checker (vnu-jar), once over the whole site', () => {
  it('finds no error on any page', { timeout: 180_000 }, () => {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error) throw new Error("no java on PATH: install Debian's default-jre-headless (`.ci/run` does)");
    const run = spawnSync('java', ['-Xss1m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', '--skip-non-html', site], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    // vnu writes its report to stderr, and exits 1 when it found errors.
    const report = JSON.parse(run.stderr) as { messages: Array<{ type: string; url: string; firstLine?: number; message: string }> };
    const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    expect(errors.map((m) => `${m.url.replace(`file:${site}/`, '')}:${m.firstLine ?? ''}: ${m.message}`)).toEqual([]);
    expect(run.status).toBe(0);
    expect(pages.length).toBeGreaterThan(100);
  });
});

/** href/src values and ids, read from our own HTML (always double-quoted attributes, checked by vnu above). */
const attributes = (html: string, name: string) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => decodeEntities(m[1]!));
const decodeEntities = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

describe('a crawl of every page', () => {
  it('finds no broken internal link or fragment anchor', () => {
    const served = new Set(files.map(routeOfFile).concat(files.map((f) => `/${f}`)));
    const idsOf = new Map<string, Set<string>>();
    const ids = (route: string) => {
      let known = idsOf.get(route);
      if (!known) {
        const file = route.endsWith('/') ? `${route.slice(1)}index.html` : route.slice(1);
        known = new Set(file.endsWith('.html') ? attributes(readText(site, file), 'id') : []);
        idsOf.set(route, known);
      }
      return known;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = readText(site, page);
      const here = new URL(routeOfFile(page).slice(1), BASE);
      for (const link of [...attributes(html, 'href'), ...attributes(html, 'src')]) {
        const target = new URL(link, here);
        if (target.origin !== here.origin) continue;
        checked++;
        const route = decodeURIComponent(target.pathname);
        if (!served.has(route)) broken.push(`${page}: ${link} (no such file)`);
        else if (target.hash && !ids(route).has(decodeURIComponent(target.hash.slice(1)))) broken.push(`${page}: ${link} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  it('lists in the sitemap only pages that exist', () => {
    const xml = readText(site, 'sitemap.xml');
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(decodeEntities(m[1]!)).pathname);
    const served = new Set(pages.map(routeOfFile));
    expect(locs.filter((l) => !served.has(l))).toEqual([]);
    expect(locs.length).toBeGreaterThan(0);
  });
});

/**
 * What the W3C Feed Validator checks that a strict local check can: it is not on the npm registry
 * or in Debian, so it does not run here. Well-formed XML, RFC 822 dates with four-digit years in RSS,
 * RFC 3339 in Atom, a self link equal to the feed's own URL, guids that are URLs when they say they
 * are permalinks, unique ids, and HTML in descriptions whose every `&` starts an entity.
 */
describe('every feed, strictly', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: false,
    isArray: (name, jpath) => ['item', 'entry', 'category', 'atom:link'].includes(name) || (name === 'link' && String(jpath).startsWith('feed')),
  });
  const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
  const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  const BARE_AMPERSAND = /&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);)/;
  const text = (value: unknown) =>
    typeof value === 'object' && value !== null ? String((value as Record<string, unknown>)['#text'] ?? '') : String(value ?? '');

  it('RSS 2.0', () => {
    const feeds = files.filter((f) => f.endsWith('feed.xml'));
    expect(feeds.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const path of feeds) {
      const xml = readText(site, path);
      assertWellFormed(xml, path);
      const channel = parser.parse(xml).rss.channel;
      const self = (channel['atom:link'] ?? []).find((l: Record<string, string>) => l['@rel'] === 'self');
      if (self?.['@href'] !== BASE + path) problems.push(`${path}: atom:link rel=self is ${self?.['@href']}`);
      if (!RFC822.test(text(channel.lastBuildDate))) problems.push(`${path}: lastBuildDate ${text(channel.lastBuildDate)}`);
      const guids = new Set<string>();
      for (const item of channel.item ?? []) {
        const guid = item.guid;
        const id = text(guid);
        if (guids.has(id)) problems.push(`${path}: guid ${id} twice`);
        guids.add(id);
        const permalink = typeof guid === 'object' ? guid['@isPermaLink'] !== 'false' : true;
        if (permalink && !/^https?:\/\//.test(id)) problems.push(`${path}: guid ${id} is a permalink but not a URL`);
        if (!RFC822.test(text(item.pubDate))) problems.push(`${path}: pubDate ${text(item.pubDate)}`);
        for (const field of ['description', 'content:encoded']) {
          if (BARE_AMPERSAND.test(text(item[field]))) problems.push(`${path}: ${id}: unescaped & in ${field}`);
        }
        if (!text(item.title) || !/^https?:\/\//.test(text(item.link))) problems.push(`${path}: ${id}: title or link missing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('Atom 1.0', () => {
    const feeds = files.filter((f) => f.endsWith('atom.xml'));
    expect(feeds.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const path of feeds) {
      const xml = readText(site, path);
      assertWellFormed(xml, path);
      const feed = parser.parse(xml).feed;
      if (feed['@xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push(`${path}: not in the Atom namespace`);
      const self = (feed.link ?? []).find((l: Record<string, string>) => l['@rel'] === 'self');
      if (self?.['@href'] !== BASE + path) problems.push(`${path}: link rel=self is ${self?.['@href']}`);
      if (!text(feed.id) || !RFC3339.test(text(feed.updated))) problems.push(`${path}: feed id or updated`);
      const hasAuthor = Boolean(feed.author);
      const ids = new Set<string>();
      for (const entry of feed.entry ?? []) {
        const id = text(entry.id);
        if (ids.has(id)) problems.push(`${path}: id ${id} twice`);
        ids.add(id);
        if (!RFC3339.test(text(entry.updated)) || (entry.published && !RFC3339.test(text(entry.published)))) problems.push(`${path}: ${id}: dates`);
        if (!hasAuthor && !entry.author) problems.push(`${path}: ${id}: no author`);
        if (!(entry.link ?? []).some((l: Record<string, string>) => (l['@rel'] ?? 'alternate') === 'alternate'))
          problems.push(`${path}: ${id}: no alternate link`);
        if (BARE_AMPERSAND.test(text(entry.content))) problems.push(`${path}: ${id}: unescaped & in content`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('JSON Feed 1.1', () => {
    const feeds = files.filter((f) => f.endsWith('feed.json'));
    expect(feeds.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const path of feeds) {
      const feed = JSON.parse(readText(site, path));
      if (feed.version !== 'https://jsonfeed.org/version/1.1') problems.push(`${path}: version ${feed.version}`);
      if (feed.feed_url !== BASE + path) problems.push(`${path}: feed_url ${feed.feed_url}`);
      const ids = new Set<string>();
      for (const item of feed.items) {
        if (typeof item.id !== 'string' || ids.has(item.id)) problems.push(`${path}: item id ${item.id}`);
        ids.add(item.id);
        if (item.date_published && !RFC3339.test(item.date_published)) problems.push(`${path}: ${item.id}: date_published ${item.date_published}`);
        if (!item.content_html && !item.content_text) problems.push(`${path}: ${item.id}: no content`);
      }
    }
    expect(problems).toEqual([]);
  });
});

it('has a search index for both languages next to the pages', () => {
  const entry = JSON.parse(readText(site, 'pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
  expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
  expect(entry.languages.en!.page_count).toBe(entry.languages['zh-cn']!.page_count);
  expect(existsSync(join(site, 'pagefind/pagefind.js'))).toBe(true);
});
