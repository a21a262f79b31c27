import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../lambdas/adapters/fs/loadProject';
import { pagefindIndexer } from '../../lambdas/adapters/search/pagefindIndexer';
import { runBuild } from '../../lambdas/core/build/runBuild';
import { type SearchIndexer, searchableHtml } from '../../lambdas/core/search/searchIndex';
import { buildToTemp, siteFiles } from '../helpers/builtSite';
import { runCli } from '../helpers/cli';
import { FIXTURE_SITE } from '../helpers/fixtures';
import { type MemoryRig, memoryRig } from '../helpers/memorySite';
import { S3Sandbox, allKeys } from '../helpers/s3';
import { TEST_BASE_URL, TEST_NOW } from '../helpers/site';

/** Pagefind (the real binary from npm) behind the build, counting how often it is asked to index. */
function countingIndexer(): SearchIndexer & { builds: number } {
  const real = pagefindIndexer();
  const counting = {
    version: real.version,
    builds: 0,
    build: (pages: Parameters<SearchIndexer['build']>[0]) => {
      counting.builds++;
      return real.build(pages);
    },
  };
  return counting;
}

async function build(rig: MemoryRig, search: SearchIndexer) {
  return runBuild({ ...rig, ...(await loadProject()), search, signature: 'test' }, { baseUrl: new URL(TEST_BASE_URL), now: TEST_NOW });
}

const indexPaths = (rig: MemoryRig) => [...rig.store.files.keys()].filter((p) => p.startsWith('pagefind/')).sort();

describe('the search index, planned and published like any other file', () => {
  it('goes out after every page, in both languages, as bytes', async () => {
    const rig = memoryRig();
    const search = countingIndexer();
    await build(rig, search);
    const log = rig.store.log;
    const firstIndex = log.findIndex((l) => l.includes(' pagefind/'));
    expect(firstIndex).toBeGreaterThan(log.findLastIndex((l) => l.endsWith('.html')));
    const entry = JSON.parse(String(rig.store.files.get('pagefind/pagefind-entry.json')?.body)) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    expect(entry.languages.en!.page_count).toBeGreaterThan(3);
    const shard = indexPaths(rig).find((p) => p.endsWith('.pf_fragment'))!;
    expect(rig.store.files.get(shard)?.body).toBeInstanceOf(Uint8Array);
    expect(rig.store.files.get(shard)?.contentType).toBe('application/octet-stream');
    expect(indexPaths(rig).some((p) => /pagefind-ui/.test(p))).toBe(false);
  });

  it('is not rebuilt when no page changed, rebuilt and pruned when one did', async () => {
    const rig = memoryRig();
    const search = countingIndexer();
    await build(rig, search);
    const before = indexPaths(rig);
    const again = await build(rig, search);
    expect(search.builds).toBe(1);
    expect(again.publish.uploads).toEqual([]);
    expect(indexPaths(rig)).toEqual(before);

    const key = 'briefings/sample-city-2026.json';
    const doc = JSON.parse(rig.source.files.get(key)!);
    doc.title.en = 'Sample City 2026 report on quokka farming';
    rig.source.files.set(key, JSON.stringify(doc));
    const edited = await build(rig, search);
    expect(search.builds).toBe(2);
    expect(edited.publish.uploads.some((u) => u.path.startsWith('pagefind/'))).toBe(true);
    // Shards of the old index are deleted (last), those of the new one are all there.
    const fresh = memoryRig();
    fresh.source.files.clear();
    for (const [k, v] of rig.source.files) fresh.source.files.set(k, v);
    await build(fresh, countingIndexer());
    expect(indexPaths(rig)).toEqual(indexPaths(fresh));
    for (const path of indexPaths(fresh))
      expect(Buffer.from(rig.store.files.get(path)!.body as Uint8Array)).toEqual(Buffer.from(fresh.store.files.get(path)!.body as Uint8Array));
  });
});

describe('the same index in a folder and in a bucket', () => {
  let s3: S3Sandbox;
  let folder: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    s3 = await S3Sandbox.start(['site', 'data']);
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' });
    folder = await buildToTemp(FIXTURE_SITE, 'https://example.org/');
  });

  afterAll(async () => {
    process.env = saved;
    await s3?.close();
    if (folder) rmSync(dirname(folder), { recursive: true, force: true });
  });

  it('uploads byte-identical index files with their media types', async () => {
    const run = await runCli([
      'publish',
      '--endpoint',
      s3.endpoint,
      '--base-url',
      'https://example.org/',
      '--data',
      FIXTURE_SITE,
      '--out',
      's3://site',
      '--state',
      's3://data/state/',
    ]);
    expect(run.code, run.err.join('\n')).toBe(0);
    const client = s3.client();
    const inBucket = (await allKeys(client, 'site', 'pagefind/')).sort();
    const inFolder = siteFiles(folder).filter((p) => p.startsWith('pagefind/'));
    expect(inBucket).toEqual(inFolder);
    for (const key of inBucket.filter((k) => /pagefind\.js$|\.pf_meta$|pagefind-entry\.json$/.test(k))) {
      const object = await client.send(new GetObjectCommand({ Bucket: 'site', Key: key }));
      expect(Buffer.from(await object.Body!.transformToByteArray()), key).toEqual(readFileSync(join(folder, key)));
      expect(object.ContentType, key).toMatch(
        key.endsWith('.js') ? /^text\/javascript/ : key.endsWith('.json') ? /^application\/json/ : /^application\/octet-stream/,
      );
    }
  });
});

describe('what the index holds', () => {
  /** The text Pagefind stored for each page (a fragment is gzipped `pagefind_dcd` + JSON), without the zero-width spaces it puts between Chinese words. */
  function indexedText(rig: MemoryRig): Map<string, string> {
    const text = new Map<string, string>();
    for (const path of indexPaths(rig).filter((p) => p.endsWith('.pf_fragment'))) {
      const raw = gunzipSync(rig.store.files.get(path)?.body as Uint8Array).toString('utf8');
      const fragment = JSON.parse(raw.replace(/^pagefind_dcd/, '')) as { url: string; content: string };
      text.set(fragment.url, fragment.content.replace(/[\u200b ]/g, ''));
    }
    return text;
  }

  it('holds a quote on the briefing that states it, not on the indicator, topic and region pages that restate it', async () => {
    const rig = memoryRig();
    await build(rig, pagefindIndexer());
    const text = indexedText(rig);
    const briefing = text.get('/zh/briefings/sample-city-2026/');
    const indicator = text.get('/zh/indicators/gdp/');
    expect(briefing).toContain('地区生产总值');
    expect(indicator).toContain('地区生产总值'); // found by its own name
    const quote = '全市地区生产总值超2.2万亿元、增长6%';
    expect(briefing).toContain(quote);
    for (const [url, content] of text) if (!url.includes('/briefings/')) expect(content, url).not.toContain(quote);
  });
});

describe('what the indexer reads of a page', () => {
  it('is its language and its marked body only, and Pagefind builds the very same index from it', async () => {
    const rig = memoryRig();
    await build(rig, countingIndexer());
    const pages = [...rig.store.files]
      .filter(([path]) => path.endsWith('.html'))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, file]) => ({ url: `/${path}`, html: String(file.body) }));
    const marked = pages.filter((p) => p.html.includes('data-pagefind-body'));
    expect(marked.length).toBeGreaterThan(3);
    expect(marked.length).toBeLessThan(pages.length); // some pages (the 404, the search page) are not indexed
    const trimmed = pages.map((p) => ({ ...p, html: searchableHtml(p.html) }));
    const sample = trimmed.find((p) => p.html.includes('data-pagefind-body'))!;
    expect(sample.html).toMatch(/^<!DOCTYPE html><html lang="[^"]+"><body><main [^>]*data-pagefind-body[^>]*>[\s\S]*<\/main><\/body><\/html>$/);
    expect(trimmed.reduce((n, p) => n + p.html.length, 0)).toBeLessThan(0.8 * pages.reduce((n, p) => n + p.html.length, 0));
    const from = async (input: typeof pages) =>
      (
        await pagefindIndexer().build(
          (async function* () {
            yield* input;
          })(),
        )
      ).map((f) => [f.path, Buffer.from(f.bytes).toString('base64')]);
    expect(await from(trimmed)).toEqual(await from(pages));
  });

  it('leaves a page it cannot read as it is, and sends a page with no marked body empty', () => {
    expect(searchableHtml('<p>no frame</p>')).toBe('<p>no frame</p>');
    expect(searchableHtml('<!DOCTYPE html>\n<html lang="en">\n<head></head><body><main id="main">x</main></body></html>')).toBe(
      '<!DOCTYPE html><html lang="en"><body></body></html>',
    );
  });
});
