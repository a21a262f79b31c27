/**
 * The eight probes of issue 11, each as the test that would have caught it (local folders and
 * memory; the S3 ones are in probesS3.test.ts). Named after the probe they replay.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../lambdas/adapters/fs/staticServer';
import { loadProject } from '../../lambdas/adapters/fs/loadProject';
import { loadTheme } from '../../lambdas/adapters/fs/loadTheme';
import { MemoryDraftStore, MemoryReportSource } from '../../lambdas/adapters/memory/memoryStores';
import { runBuild } from '../../lambdas/core/build/runBuild';
import { buildSiteModel } from '../../lambdas/core/model/site';
import { RenderContext } from '../../lambdas/core/render/context';
import { Theme } from '../../lambdas/core/render/theme';
import { regionCharts } from '../../lambdas/core/render/views/chart';
import { handleReportEvent } from '../../lambdas/handlers/drafter';
import { type Log, handlePublishBatch } from '../../lambdas/handlers/publisher';
import { sortMessages } from '../../lambdas/handlers/triggers';
import { runCli } from '../helpers/cli';
import { eventBody, sqsEvent } from '../helpers/events';
import { gb18030 } from '../helpers/encodings';
import { FIXTURE_SITE, cityData, minimalBriefing, sampleBriefing } from '../helpers/fixtures';
import { PROJECT_ROOT } from '../helpers/lexicons';
import { buildInMemory, memoryRig } from '../helpers/memorySite';
import { TEST_BASE_URL, TEST_NOW } from '../helpers/site';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'probes-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy of the bundled city data (cityData) and a site built from it. */
async function builtSite(name: string): Promise<{ data: string; site: string; build: (...args: string[]) => ReturnType<typeof runCli> }> {
  const data = join(work, name, 'data');
  const site = join(work, name, 'site');
  cpSync(cityData(), data, { recursive: true });
  const build = (...args: string[]) => runCli(['build', '--data', data, '--out', site, '--base-url', 'https://briefings.example.org/', '--wait', '0', ...args]);
  const first = await build();
  expect(first.code).toBe(0);
  return { data, site, build };
}

/** Every file under a folder with its bytes, dot-folders included. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'latin1')]));
}

const bad = (run: { err: string[] }) => run.err.filter((l) => !l.includes(': warning: '));

describe('probe 1: an empty data folder wipes the site with exit 0', () => {
  it('refuses with exit 1, says why and what to pass, and writes nothing', async () => {
    const { data, site, build } = await builtSite('p1');
    const before = snapshot(site);
    for (const name of readdirSync(join(data, 'briefings'))) rmSync(join(data, 'briefings', name));
    const run = await build();
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(
      /the source lists 0 briefings but \d+ were published \(wrong or emptied data folder\?\); nothing was written\. If the removal is deliberate, pass --allow-shrink/,
    );
    expect(run.err.join('\n')).toMatch(/refusing to delete \d+ files \(limit 100\)/);
    expect(snapshot(site)).toEqual(before);
  });
});

describe('probe 2: the max-deletes guard trips after the damage', () => {
  it('a source that lost 2 of 3 briefings is refused before the first write, even with --max-deletes', async () => {
    const { data, site, build } = await builtSite('p2');
    const before = snapshot(site);
    for (const name of readdirSync(join(data, 'briefings')).slice(1)) rmSync(join(data, 'briefings', name));
    for (const args of [
      ['--max-deletes', '1000'],
      ['--allow-shrink', '--max-deletes', '5'],
    ]) {
      const run = await build(...args);
      expect(run.code).toBe(1);
      expect(run.err.join('\n')).toContain('nothing was written');
      expect(snapshot(site)).toEqual(before);
    }
    const deliberate = await build('--allow-shrink', '--max-deletes', '100000');
    expect(deliberate.code).toBe(0);
    expect(deliberate.out.join('\n')).toMatch(/1 briefings published/);
  });
});

describe('probe 3: one valid-looking file stops all publishing', () => {
  it('1e308 mu_1e4 is an error naming the file and JSON path, and the rest publishes', async () => {
    const rig = memoryRig();
    await buildInMemory(rig);
    const good = rig.state.lastGood.get('sample-city-2026');
    const doc = sampleBriefing();
    doc.indicators[1] = { ...doc.indicators[1], value: 1e308, unit: 'mu_1e4' };
    rig.source.files.set('briefings/sample-city-2026.json', JSON.stringify(doc));
    const district = JSON.parse(rig.source.files.get('briefings/sample-district-2024.json')!);
    district.title.en = 'Sample district, revised';
    rig.source.files.set('briefings/sample-district-2024.json', JSON.stringify(district));
    const report = await buildInMemory(rig);
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}: ${p.path}: ${p.message}`);
    expect(errors).toEqual([
      expect.stringMatching(/^memory:briefings\/sample-city-2026\.json: \$\.indicators\[1\]\.value: 1e\+308 × 10\^4 \(mu_1e4\) is beyond any figure/),
    ]);
    expect(report.stale).toEqual(['sample-city-2026']);
    expect(rig.store.files.get('en/briefings/sample-district-2024/index.html')?.body).toContain('Sample district, revised');
    expect(rig.state.lastGood.get('sample-city-2026')).toBe(good);
  });

  it('a document that still fails to render is reported and published from its last good copy, which is never the failing text', async () => {
    const project = await loadProject();
    const sources = await loadTheme(join(PROJECT_ROOT, 'templates'));
    // A real theme whose briefing page cannot render a briefing with corrections (a partial that does not exist).
    const fragile = new Theme(
      {
        ...sources,
        templates: { ...sources.templates, 'pages/briefing': `{{#if corrections.length}}{{> no-such-partial}}{{/if}}${sources.templates['pages/briefing']}` },
      },
      project.localisation.lexicons,
    );
    const rig = memoryRig();
    const deps = { ...rig, ...project };
    const options = { baseUrl: new URL(TEST_BASE_URL), now: TEST_NOW };
    await runBuild(deps, options);
    const lastGood = rig.state.lastGood.get('sample-district-2024');
    const page = rig.store.files.get('en/briefings/sample-district-2024/index.html')?.body;
    const district = JSON.parse(rig.source.files.get('briefings/sample-district-2024.json')!);
    district.corrections = [{ date: '2026-02-02', note: { zh: '更正。', en: 'Corrected.' } }];
    rig.source.files.set('briefings/sample-district-2024.json', JSON.stringify(district));
    const report = await runBuild({ ...deps, theme: fragile }, options);
    expect(report.problems.map((p) => p.message).join('\n')).toMatch(
      /(en|zh)\/briefings\/sample-district-2024\/index\.html: cannot render: .*no-such-partial.*; published from its last good copy/,
    );
    expect(report.stale).toEqual(['sample-district-2024']);
    expect(rig.store.files.get('en/briefings/sample-district-2024/index.html')?.body).toBe(page);
    expect(rig.state.lastGood.get('sample-district-2024')).toBe(lastGood);
    // The same text, once it renders (the theme fixed), replaces the old pages: they were not taken for its own.
    const fixedTheme = await runBuild(deps, options);
    expect(fixedTheme.stale).toEqual([]);
    expect(rig.store.files.get('en/briefings/sample-district-2024/index.html')?.body).toContain('Corrected.');
    // Fixed data: the new text renders, and becomes the last good copy at once.
    district.corrections = undefined;
    district.title.en = 'Sample district, fixed';
    rig.source.files.set('briefings/sample-district-2024.json', JSON.stringify(district));
    await runBuild({ ...deps, theme: fragile }, options);
    expect(rig.state.lastGood.get('sample-district-2024')).toContain('Sample district, fixed');
    expect(rig.store.files.get('en/briefings/sample-district-2024/index.html')?.body).toContain('Sample district, fixed');
  });

  it('a last good copy saved by a run that failed (older versions did) is never published', async () => {
    const rig = memoryRig();
    await buildInMemory(rig);
    const page = rig.store.files.get('en/briefings/sample-city-2026/index.html')?.body;
    const poisoned = sampleBriefing();
    poisoned.title.en = 'Poisoned copy';
    rig.state.lastGood.set('sample-city-2026', JSON.stringify(poisoned));
    rig.source.files.set('briefings/sample-city-2026.json', 'broken');
    const report = await buildInMemory(rig);
    expect(report.problems.map((p) => p.message)).toContain(
      'the last good copy is not the text last published (saved by a run that failed?); not used: its pages stay as they are',
    );
    expect(report.stale).toEqual([]);
    expect(rig.store.files.get('en/briefings/sample-city-2026/index.html')?.body).toBe(page);
    expect([...rig.store.files.values()].some((f) => String(f.body).includes('Poisoned copy'))).toBe(false);
  });

  it('100,000 nested arrays with a control character: a clear error, no stack overflow', async () => {
    const file = join(work, 'deep.json');
    writeFileSync(file, `{"id": "deep", "x": ${'['.repeat(100_000)}"\u0007"${']'.repeat(100_000)}}`);
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([`${file}: $: nested deeper than 32 levels (at character 51)`]);
  });
});

describe('probe 5: character references break feeds silently', () => {
  it('&#1; &#x0B; &#xFFFE; &#xFFFF; in a summary are removed with a warning, and every feed is well-formed XML', async () => {
    const rig = memoryRig();
    const doc = sampleBriefing();
    doc.summary = { en: 'Bell &#1; tab &#x0B; nonchars &#xFFFE;&#xFFFF; and a fine &#x4E2D; and &amp;.', zh: '控制&#7;字符' };
    rig.source.files.set('briefings/sample-city-2026.json', JSON.stringify(doc));
    const report = await buildInMemory(rig);
    expect(report.problems.map((p) => `${p.path} ${p.message}`)).toEqual(
      expect.arrayContaining(['$.summary.en removed control characters that HTML and XML cannot carry']),
    );
    const feeds = [...rig.store.files.values()].filter((f) => f.path.endsWith('.xml'));
    expect(feeds.length).toBeGreaterThan(10);
    for (const feed of feeds) expect(XMLValidator.validate(String(feed.body)), feed.path).toBe(true);
    expect(rig.store.files.get('en/feed.xml')?.body).toContain('中');
  });
});

describe('probe 6: wrong encoding publishes mojibake', () => {
  it('a GB18030 data file is an error ("not UTF-8"), never a garbled page', async () => {
    const { data, site, build } = await builtSite('p6');
    const doc = minimalBriefing({ id: 'gb-2025', title: { zh: '成都简报', en: 'Chengdu briefing' } });
    writeFileSync(join(data, 'briefings/gb-2025.json'), gb18030(JSON.stringify(doc)));
    const run = await build();
    expect(run.code).toBe(1);
    expect(bad(run)).toEqual([`${data}/briefings/gb-2025.json: $: cannot read: not UTF-8 text (saved as GB18030 or another encoding?); save it as UTF-8`]);
    expect(existsSync(join(site, 'zh/briefings/gb-2025/index.html'))).toBe(false);
  });
});

describe('probe 7: figures are not checked against their quotes', () => {
  it('999 yuan_1e12 beside "…650.7亿元" is an error; the right figure in another multiplier is not', async () => {
    const dir = join(work, 'p7/briefings');
    cpSync(join(FIXTURE_SITE, 'briefings'), dir, { recursive: true });
    cpSync(join(FIXTURE_SITE, 'sources'), join(work, 'p7/sources'), { recursive: true });
    const doc = JSON.parse(readFileSync(join(dir, 'sample-district-2024.json'), 'utf8'));
    doc.indicators[0] = { ...doc.indicators[0], value: 999, unit: 'yuan_1e12' };
    writeFileSync(join(dir, 'sample-district-2024.json'), JSON.stringify(doc));
    const run = await runCli(['validate', join(dir, 'sample-district-2024.json')]);
    expect(run.err).toEqual([
      `${dir}/sample-district-2024.json: $.indicators[0].value: 999 yuan_1e12 (999,000,000,000,000) is not the figure the quote states ("650.7亿元"); check the value and the unit's multiplier`,
    ]);
    doc.indicators[0] = { ...doc.indicators[0], value: 0.06507, unit: 'yuan_1e12' };
    writeFileSync(join(dir, 'sample-district-2024.json'), JSON.stringify(doc));
    expect((await runCli(['validate', join(dir, 'sample-district-2024.json')])).code).toBe(0);
  });

  it('-0 is read as 0, and a chart never gets y="NaN"', async () => {
    const rig = memoryRig();
    const doc = sampleBriefing();
    doc.indicators[0].change = { value: 0, unit: 'percent' };
    rig.source.files.set('briefings/sample-city-2026.json', JSON.stringify(doc).replace('"change":{"value":0', '"change":{"value":-0'));
    const report = await buildInMemory(rig);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const page = rig.store.files.get('en/briefings/sample-city-2026/index.html')?.body ?? '';
    expect(page).not.toMatch(/-0(?![\d.])|down 0/);
    const project = await loadProject();
    // Past validation (which refuses them), figures floats cannot place draw no chart rather than NaN bars.
    const huge = {
      ...minimalBriefing(),
      indicators: [2024, 2025].map((period) => ({ ...minimalBriefing().indicators[0], id: `g-${period}`, period, value: 1e308, unit: 'yuan_1e12' })),
    };
    const model = buildSiteModel([huge as never], { now: TEST_NOW });
    const ctx = new RenderContext(model, project.theme, project.localisation, { baseUrl: new URL(TEST_BASE_URL) });
    const region = model.briefings[0]?.input.region ?? '';
    for (const chart of regionCharts('gdp', region, model.metrics.get('gdp') ?? [], ctx, 'en')) expect(JSON.stringify(chart)).not.toContain('NaN');
    for (const file of rig.store.files.values()) expect(file.body).not.toContain('NaN');
  });
});

describe('probe 8: edges', () => {
  it('no size limit: a 60 MB note (or any string over 100,000 characters, any document over 4 MB) is refused', async () => {
    const dir = join(work, 'p8-size/briefings');
    cpSync(join(FIXTURE_SITE, 'briefings'), dir, { recursive: true });
    const doc = minimalBriefing({ id: 'big-2025' });
    doc.indicators[0].note = { en: 'x'.repeat(200_000) };
    writeFileSync(join(dir, 'big-2025.json'), JSON.stringify(doc));
    doc.indicators[0].note = { en: 'x'.repeat(60 * 1024 * 1024) };
    writeFileSync(join(dir, 'huge-2025.json'), JSON.stringify(doc));
    const run = await runCli(['validate', join(dir, 'big-2025.json'), join(dir, 'huge-2025.json')]);
    expect(run.err).toEqual([
      `${dir}/big-2025.json: $.indicators[0].note.en: 200000 characters is too long (at most 100000)`,
      expect.stringMatching(/huge-2025\.json: \$: cannot read: \d+ bytes is too large \(at most 16777216\)$/),
    ]);
  });

  it('symlinks are refused without following them (nothing of the target is echoed); a FIFO neither hangs nor passes', async () => {
    const { data, build } = await builtSite('p8-links');
    const secret = join(work, 'secret.txt');
    writeFileSync(secret, 'root:x:0:0:the secret');
    symlinkSync(secret, join(data, 'briefings/linked.json'));
    execFileSync('mkfifo', [join(data, 'briefings/pipe.json')]);
    const run = await build();
    expect(run.code).toBe(1);
    expect(bad(run).sort()).toEqual([
      `${data}/briefings/linked.json: $: cannot read: a symbolic link; data files must be regular files`,
      `${data}/briefings/pipe.json: $: cannot read: not a regular file (a FIFO)`,
    ]);
    expect(run.err.join('\n')).not.toContain('secret');
  });

  it('a file name with a newline cannot forge a problem line', async () => {
    const { data, build } = await builtSite('p8-names');
    writeFileSync(join(data, 'briefings', 'x.json\nfake.json: $: forged line.json'), '{');
    const run = await build();
    expect(run.code).toBe(1);
    expect(bad(run)).toHaveLength(1);
    expect(bad(run)[0]).toMatch(/^".*\/briefings\/x\.json\\nfake\.json: \$: forged line\.json": \$: not valid JSON/);
  });

  it('a tampered manifest entry ../victim.txt is refused (the victim survives), and --verify heals the manifest', async () => {
    const { site, build } = await builtSite('p8-manifest');
    const victim = join(work, 'p8-manifest', 'victim.txt');
    writeFileSync(victim, 'keep me');
    const manifestFile = join(site, '.briefings-state/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.files['../victim.txt'] = { hash: '0', contentType: 'text/plain', role: 'page' };
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const run = await build();
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toContain('the manifest lists a path outside the site: "../victim.txt" (state tampered with?); rebuild it with --verify');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    const healed = await build('--verify');
    expect(healed.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(Object.keys(JSON.parse(readFileSync(manifestFile, 'utf8')).files)).not.toContain('../victim.txt');
  });

  it('the preview server answers GET /%E0%A4%A with 400 and keeps serving', async () => {
    const server = createStaticServer(join(PROJECT_ROOT, 'test/golden/sample'));
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
      expect((await fetch(`${base}/`)).status).toBeLessThan(500);
    } finally {
      server.close();
    }
  });

  it('the drafter does not throw URIError on a malformed key encoding', async () => {
    const project = await loadProject();
    const drafts = new MemoryDraftStore();
    const reports = new MemoryReportSource(new Map([['reports/ok.txt', new TextEncoder().encode('成都市2024年地区生产总值增长5.7%。')]]));
    const event = JSON.parse(
      eventBody('s3/report-created', (b) => b.Records.unshift({ ...b.Records[0], s3: { ...b.Records[0].s3, object: { key: 'reports/%E0%A4%A.txt' } } })),
    );
    event.Records[1].s3.object.key = 'reports/ok.txt';
    const warnings: string[] = [];
    const log: Log = { info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined };
    await handleReportEvent(event, { config: { dataBucket: event.Records[1].s3.bucket.name }, reports, drafts, localisation: project.localisation }, log);
    expect(warnings).toEqual(['report key is not URL-encoded; ignored']);
    expect([...drafts.drafts.keys()]).toEqual([expect.stringMatching(/^report-[0-9a-f]{8}\.json$/)]);
  });

  it('one bad record inside an SQS message does not drop the valid trigger beside it', () => {
    const body = eventBody('s3/briefing-created', (b) =>
      b.Records.push({ eventName: 'ObjectCreated:Put', s3: { object: { key: 'briefings/%E0%A4%A.json' } } }, { eventName: 'Oops' }),
    );
    const { triggers, invalid, skipped } = sortMessages(sqsEvent(body), '');
    expect(triggers.map((t) => (t.kind === 'data' ? t.key : t.kind))).toEqual(['briefings/chengdu-2026-work-report.json']);
    expect(invalid).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual([
      'record 1: key is not URL-encoded: "briefings/%E0%A4%A.json"',
      'record 2: S3 record without an ObjectCreated/ObjectRemoved event and key (eventName: Oops)',
    ]);
  });

  it('one log entry does not list 10,000 triggers', async () => {
    const bodies = Array.from({ length: 1000 }, (_, n) =>
      eventBody(
        's3/briefing-created',
        (b) =>
          (b.Records = Array.from({ length: 10 }, (_, i) => ({ ...b.Records[0], s3: { ...b.Records[0].s3, object: { key: `briefings/b-${n}-${i}.json` } } }))),
      ),
    );
    const entries: Array<Record<string, unknown>> = [];
    const log: Log = { info: (m, ...extra) => entries.push({ m, ...Object.assign({}, ...extra) }), warn: () => undefined, error: () => undefined };
    const rig = memoryRig();
    const project = await loadProject();
    const publisher = { config: { dataPrefix: '', maxDeletes: 100, baseUrl: new URL(TEST_BASE_URL) } as never, deps: { ...rig, ...project } };
    await handlePublishBatch(sqsEvent(...bodies), publisher, log, () => TEST_NOW);
    const publishing = entries.find((e) => e.m === 'publishing')!;
    expect(publishing.triggers).toMatchObject({ count: 10_000, more: 9_990 });
    expect(JSON.stringify(publishing).length).toBeLessThan(2_000);
  });
});
