import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../lambdas/core/render/outputFormats';
import { assertWellFormed, parseFeed, parseWithFeedparser } from '../helpers/feeds';
import { TEST_BASE_URL, body, renderFixtureSite } from '../helpers/site';

let site: Map<string, OutputFile<string>>;
beforeAll(async () => {
  site = await renderFixtureSite();
});

const files = (predicate: (f: OutputFile<string>) => boolean) => [...site.values()].filter(predicate);
const html = () => files((f) => f.contentType.startsWith('text/html'));
const xml = () => files((f) => /xml/.test(f.contentType));
const PUBLISHED = ['sample-city-2026', 'sample-district-2024'];
const FEEDS = ['en/feed.xml', 'en/atom.xml', 'zh/feed.xml', 'zh/atom.xml', 'en/topics/economy/feed.xml', 'zh/regions/qingbaijiang/atom.xml'];

describe('site layout', () => {
  it('has the contract paths for every language', () => {
    for (const lang of ['zh', 'en']) {
      for (const path of [
        'index.html',
        'feed.xml',
        'atom.xml',
        'feed.json',
        'topics/economy/index.html',
        'topics/economy/feed.xml',
        'regions/chengdu/index.html',
        'regions/chengdu/atom.xml',
        'indicators/gdp/index.html',
      ]) {
        expect(site.has(`${lang}/${path}`), `${lang}/${path}`).toBe(true);
      }
      for (const id of PUBLISHED) expect(site.has(`${lang}/briefings/${id}/index.html`)).toBe(true);
    }
    for (const path of ['index.html', 'sitemap.xml', 'robots.txt', '404.html']) expect(site.has(path), path).toBe(true);
  });

  it('leaves drafts and briefings scheduled for later out of pages, indexes, feeds and the sitemap', () => {
    for (const file of site.values()) {
      expect(file.path).not.toMatch(/sample-(draft|scheduled)/);
      expect(file.body, file.path).not.toMatch(/sample-(draft|scheduled)-2026|A scheduled briefing|A draft/);
    }
  });

  it('gives every file the content type of its format', () => {
    expect(site.get('en/feed.xml')?.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(site.get('en/atom.xml')?.contentType).toBe('application/atom+xml; charset=utf-8');
    expect(site.get('en/feed.json')?.contentType).toBe('application/feed+json; charset=utf-8');
    expect(site.get('sitemap.xml')?.contentType).toBe('application/xml; charset=utf-8');
    expect(site.get('en/index.html')?.contentType).toBe('text/html; charset=utf-8');
  });
});

describe('every HTML page', () => {
  it('is valid HTML5 (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const failures: string[] = [];
    for (const file of html()) {
      const report = await validator.validateString(file.body, file.path);
      for (const result of report.results) for (const m of result.messages) failures.push(`${file.path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('declares its language, links its twin and the other language with hreflang', () => {
    for (const file of html().filter((f) => /^(en|zh)\//.test(f.path))) {
      const [lang, ...rest] = file.path.split('/');
      const other = lang === 'en' ? 'zh' : 'en';
      const tag = lang === 'en' ? 'en' : 'zh-CN';
      const twinRoute = `/${other}/${rest.join('/').replace(/index\.html$/, '')}`;
      expect(file.body, file.path).toContain(`<html lang="${tag}">`);
      expect(file.body, file.path).toContain(
        `<link rel="alternate" hreflang="${lang === 'en' ? 'zh-CN' : 'en'}" href="${TEST_BASE_URL.slice(0, -1)}${twinRoute}">`,
      );
      expect(file.body, file.path).toMatch(new RegExp(`<a class="switch" href="${twinRoute}" hreflang="${other === 'en' ? 'en' : 'zh-CN'}"`));
      expect(site.has(`${twinRoute.slice(1)}index.html`), `twin of ${file.path}`).toBe(true);
    }
  });

  it('advertises the feeds of its language for autodiscovery', () => {
    for (const file of html().filter((f) => /^(en|zh)\//.test(f.path))) {
      const lang = file.path.slice(0, 2);
      // An indicator page advertises its series, and a series is published as RSS only.
      const series = /^(en|zh)\/indicators\/[^/]+\/index\.html$/.test(file.path);
      const formats = [
        ['application/rss+xml', 'feed.xml'],
        ['application/atom+xml', 'atom.xml'],
        ['application/feed+json', 'feed.json'],
      ] as const;
      if (series) expect(file.body, file.path).not.toMatch(/type="application\/(?:atom\+xml|feed\+json)"/);
      for (const [type, name] of series ? formats.slice(0, 1) : formats) {
        expect(file.body, file.path).toMatch(
          new RegExp(
            `<link rel="alternate" type="${type.replace('+', '\\+')}" title="[^"]+" href="/${lang}/([a-z-]+/[a-z0-9_-]+/([a-z0-9_-]+/){0,2})?${name.replace('.', '\\.')}">`,
          ),
        );
      }
    }
  });

  it('loads nothing from another origin (no CDNs, fonts or scripts), and a script only on the search pages, from the site', () => {
    for (const file of html()) {
      expect(withoutSearchScript(file), file.path).not.toMatch(
        /<script|@import|fonts\.googleapis|<link[^>]+href="https?:\/\/(?!briefings\.example\.org)[^"]*"[^>]*rel="stylesheet"/,
      );
      expect(file.body, file.path).toMatch(/<link rel="stylesheet" href="\/assets\/style\.[0-9a-f]{10}\.css">/);
    }
  });

  it('links only to pages and files that exist', () => {
    const missing: string[] = [];
    for (const file of html()) {
      for (const [, href] of file.body.matchAll(/(?:href|src)="(\/[^"#]*)/g)) {
        const path = href!.slice(1);
        const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
        if (!site.has(target)) missing.push(`${file.path} → ${href}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('what search indexes', () => {
  const tablesAndCharts = (page: string) => [...page.matchAll(/<(?:table class="indicators"|figure class="chart")[^>]*>/g)].map((m) => m[0]);

  it('leaves out the tables and charts that restate briefings (one search result per fact: its briefing)', () => {
    for (const path of ['en/indicators/gdp/index.html', 'zh/topics/economy/index.html', 'en/regions/chengdu/index.html']) {
      const page = body(site, path);
      expect(page, path).toContain('data-pagefind-body');
      expect(tablesAndCharts(page).length, path).toBeGreaterThan(0);
      for (const tag of tablesAndCharts(page)) expect(tag, path).toContain('data-pagefind-ignore');
    }
  });

  it('indexes the table of the briefing that states the figures', () => {
    const page = body(site, 'zh/briefings/sample-city-2026/index.html');
    expect(tablesAndCharts(page).length).toBeGreaterThan(0);
    for (const tag of tablesAndCharts(page)) expect(tag).not.toContain('data-pagefind-ignore');
  });
});

describe('escaping and sanitising', () => {
  it('never lets markup from data through', () => {
    for (const file of [...html(), ...xml()]) {
      expect(withoutSearchScript(file), file.path).not.toMatch(/<script|<img|onerror=|javascript:/i);
    }
    const page = body(site, 'en/briefings/sample-city-2026/index.html');
    expect(page).toContain('<h1>Sample City 2026 work report &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; 📊</h1>');
    expect(page).toContain('<strong>2.2 trillion yuan</strong> &amp; jobs grew;');
    expect(page).toContain('Corrected the jobs figure &lt;b&gt;&amp;amp;&lt;/b&gt;.');
  });

  it('drops control characters that XML forbids, keeps emoji', () => {
    for (const file of [...html(), ...xml()]) expect(file.body, file.path).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(body(site, 'en/feed.xml')).toContain('📊');
  });

  it('keeps every XML file well-formed', () => {
    for (const file of xml()) assertWellFormed(file.body, file.path);
  });

  it('escapes for JSON in JSON Feed', () => {
    const feed = JSON.parse(body(site, 'en/feed.json'));
    expect(feed.items[0].title).toBe('Sample City 2026 work report <script>alert(1)</script> & "quotes" 📊');
    expect(feed.items[0].content_html).not.toMatch(/<script/);
  });
});

describe('feeds', () => {
  it.each(FEEDS)('%s parses in node-feedparser (strict) with every item', async (path) => {
    const { meta, items } = await parseWithFeedparser(body(site, path));
    expect(meta.title).toBeTruthy();
    const expected = path.includes('qingbaijiang') ? ['sample-district-2024'] : path.includes('economy') ? PUBLISHED : PUBLISHED;
    expect(items.map((i) => i.link)).toEqual(expected.map((id) => `${TEST_BASE_URL}${path.slice(0, 2)}/briefings/${id}/`));
    for (const item of items) {
      expect(item.guid).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(item.date?.getTime()).not.toBeNaN();
    }
  });

  it.each(FEEDS)('%s parses in @rowanmanning/feed-parser with language and items', (path) => {
    const feed = parseFeed(body(site, path));
    expect(feed.language).toBe(path.startsWith('en') ? 'en' : 'zh-CN');
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.url).toMatch(/^https:\/\/briefings\.example\.org\/(en|zh)\/briefings\/[a-z0-9-]+\/$/);
      expect(item.title).toBeTruthy();
    }
  });

  it('honours `updated` and corrections: the entry is updated, its id and publication date unchanged', () => {
    const feed = parseFeed(body(site, 'en/atom.xml'));
    const entry = feed.items.find((i) => i.url?.includes('sample-city-2026'));
    expect(entry?.published?.toISOString()).toBe('2026-01-27T16:00:00.000Z');
    expect(entry?.updated?.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(entry?.content).toContain('Corrected the jobs figure');
    expect(feed.updated?.toISOString()).toBe('2026-01-31T16:00:00.000Z');
  });

  it('keeps item ids when the base URL changes, and puts the base URL in every link', async () => {
    const moved = await renderFixtureSite({ baseUrl: 'https://mirror.example.net/briefings/' });
    const before = parseFeed(body(site, 'en/feed.xml'));
    const after = parseFeed(body(moved, 'en/feed.xml'));
    expect(after.items.map((i) => i.id)).toEqual(before.items.map((i) => i.id));
    expect(after.items[0]?.url).toBe('https://mirror.example.net/briefings/en/briefings/sample-city-2026/');
    expect(body(moved, 'en/index.html')).toContain('href="/briefings/en/briefings/sample-city-2026/"');
    expect(body(moved, 'robots.txt')).toContain('Sitemap: https://mirror.example.net/briefings/sitemap.xml');
  });

  it('gives the same briefing different ids per language and the same id in every feed of a language', () => {
    const ids = (path: string) => parseFeed(body(site, path)).items.map((i) => i.id);
    expect(ids('en/topics/economy/feed.xml')).toEqual(ids('en/feed.xml'));
    expect(ids('en/feed.xml')).not.toEqual(expect.arrayContaining(ids('zh/feed.xml')));
  });

  it('writes JSON Feed 1.1 with the required fields', () => {
    for (const lang of ['en', 'zh']) {
      const feed = JSON.parse(body(site, `${lang}/feed.json`));
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`${TEST_BASE_URL}${lang}/feed.json`);
      expect(feed.language).toBe(lang === 'en' ? 'en' : 'zh-CN');
      expect(feed.items.map((i: { url: string }) => i.url)).toEqual(PUBLISHED.map((id) => `${TEST_BASE_URL}${lang}/briefings/${id}/`));
      for (const item of feed.items) {
        expect(item.id).toMatch(/^urn:uuid:/);
        expect(Date.parse(item.date_published)).not.toBeNaN();
        expect(item.content_html).toBeTruthy();
      }
    }
  });
});

describe('sitemap', () => {
  it('lists every language page once, with its alternates', () => {
    const sitemap = body(site, 'sitemap.xml');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pages = html()
      .filter((f) => /^(en|zh)\//.test(f.path))
      .map((f) => `${TEST_BASE_URL}${f.path.replace(/index\.html$/, '')}`);
    expect([...locs].sort()).toEqual([...pages].sort());
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="zh-CN" href="${TEST_BASE_URL}zh/briefings/sample-city-2026/"/>`);
  });
});

describe('policy terms', () => {
  it('marks a term in a Chinese quote with the explanation in the page language, linked to the glossary', () => {
    const en = body(site, 'en/briefings/sample-city-2026/index.html');
    expect(en).toMatch(
      /<q lang="zh-CN">加快建设<a class="term" href="\/en\/glossary\/#term-sancheng_sandu"><abbr title="Three Cities, Three Capitals: [^"]+">三城三都<\/abbr><\/a>，文创产业<a class="term" href="\/en\/glossary\/#term-value_added"><abbr title="Value added: [^"]+">增加值<\/abbr><\/a>增长8%<\/q>/,
    );
    const zh = body(site, 'zh/briefings/sample-city-2026/index.html');
    expect(zh).toMatch(/<a class="term" href="\/zh\/glossary\/#term-sancheng_sandu"><abbr title="建设世界文化名城[^"]*">三城三都<\/abbr><\/a>/);
  });

  it('marks terms in summaries, but not inside an existing link', () => {
    const en = body(site, 'en/briefings/sample-city-2026/index.html');
    expect(en).toContain('the <a class="term" href="/en/glossary/#term-sancheng_sandu"><abbr title="');
    expect(en).toContain('<a href="https://example.org/ccc">Three Cities, Three Capitals</a>');
    expect(body(site, 'en/feed.xml')).not.toContain('class=&quot;term&quot;');
  });

  it('lists every term on a glossary page per language, with the other language beside it', () => {
    const en = body(site, 'en/glossary/index.html');
    expect(en).toMatch(
      /<div id="term-sancheng_sandu">\n<dt>Three Cities, Three Capitals <span class="other" lang="zh-CN">三城三都<\/span> <span class="pinyin" lang="zh-Latn-pinyin">sān chéng sān dū<\/span><\/dt>/,
    );
    expect(body(site, 'zh/glossary/index.html')).toMatch(
      /<dt>三城三都 <span class="other" lang="en">Three Cities, Three Capitals<\/span> <span class="pinyin" lang="zh-Latn-pinyin">sān chéng sān dū<\/span><\/dt>/,
    );
  });
});

describe('indicator charts', () => {
  const section = (page: string, region: string) =>
    page.slice(page.indexOf(`<section id="region-${region}">`), page.indexOf('</section>', page.indexOf(`<section id="region-${region}">`)));

  it('charts each region on its own, never one region beside another as one series', () => {
    const en = body(site, 'en/indicators/gdp/index.html');
    const chengdu = section(en, 'chengdu');
    const district = section(en, 'qingbaijiang');
    expect(chengdu).toContain('more than 2.2 trillion yuan');
    expect(chengdu).not.toContain('65.07 billion yuan');
    expect(district).toContain('65.07 billion yuan');
    expect(district).not.toContain('2.2 trillion');
  });

  it('draws targets beside stated figures, with units and qualifiers, from a zero baseline, at a legible size', () => {
    const chengdu = section(body(site, 'en/indicators/gdp/index.html'), 'chengdu');
    expect(chengdu).toContain('<title id="chart-gdp-chengdu-growth-percent-title">Chengdu: Gross regional product, growth by year</title>');
    expect(chengdu).toMatch(/<desc id="chart-gdp-chengdu-growth-percent-desc">[^<]*2025: up 6%; 2026 target: up about 5\.5%<\/desc>/);
    expect(chengdu).toMatch(/<rect class="target" x="[\d.]+"/);
    const sizes = [...chengdu.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    const zero = chengdu.match(/<line x1="([\d.]+)"/)?.[1];
    for (const [, x] of chengdu.matchAll(/<rect class="[a-z]+" x="([\d.]+)"/g)) expect(Number(x)).toBeGreaterThanOrEqual(Number(zero));
    expect(body(site, 'zh/indicators/gdp/index.html')).toContain('2026年目标</tspan> 增长5.5%左右');
  });
});

/** The search pages alone load a script: the site's own, fingerprinted, from /assets/. */
function withoutSearchScript(file: { path: string; body: string }): string {
  if (!/^(en|zh)\/search\/index\.html$/.test(file.path)) return file.body;
  const tag = /<script type="module" src="\/assets\/search\.[0-9a-f]{10}\.js"><\/script>/;
  expect(file.body).toMatch(tag);
  return file.body.replace(tag, '');
}
