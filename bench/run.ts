/**
 * `npm run bench [-- N... [--runs R] [--quick] [--out-root DIR]]`: our build against Hugo and
 * Eleventy (11ty.js templates) on the same synthetic briefings, in one run.
 *
 *   full        build into a new, empty folder
 *   no-op       build again into the previous output, nothing changed
 *   one-change  one briefing's title edited, then built again into the previous output
 *
 * Runs alternate between the tools (A B C A B C), one warm-up then R counted runs each; medians of
 * wall (whole process, timed from outside), CPU (user + sys) and peak RSS (GNU time, per process).
 * "pages" counts as the peers do: 2N briefing pages + 2 language indexes; we build more besides
 * (topic, region and indicator pages, feeds per topic and region), which the peers do not.
 * Then the publish figures against a local S3 server, and the publisher bundle's size and cold
 * import. Prints tables (ratios are us / peer) and writes bench/results/latest.json.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProject } from '../lambdas/adapters/fs/loadProject';
import { generate } from './gen-data';
import { type Sample, type Summary, measure, summarise } from './measure';
import { type PeerBriefing, peerData, writeEleventyData, writeEleventySite, writeHugoBriefing, writeHugoSite } from './peers/convert';
import { publishFigures } from './publishFigures';
import { publisherBundle } from './publisherBundle';
import { BENCH_DIR, ELEVENTY_CMD, ensurePeers } from './setup';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const QUICK = args.includes('--quick');
const RUNS = Number(option('--runs') ?? (QUICK ? 2 : 5));
const named = args.filter((a, i) => !a.startsWith('--') && !['--runs', '--out-root'].includes(args[i - 1] ?? '')).map(Number);
const SIZES = named.length > 0 ? named : QUICK ? [200] : [1000, 5000];
const WORK = resolve('.bench');
const OUT_ROOT = resolve(option('--out-root') ?? WORK);
const CLI = resolve('dist/cli/briefings.mjs');
const BASE_URL = 'https://example.org/';
const CHANGED = 'synthetic-00000';
const REVISED = ' (revised)';

const MODES = ['full', 'no-op', 'one-change'] as const;
type Mode = (typeof MODES)[number];
const TOOLS = ['us', 'hugo', 'eleventy'] as const;
type Tool = (typeof TOOLS)[number];

interface Site {
  readonly n: number;
  readonly data: string;
  readonly hugo: string;
  readonly eleventy: string;
  readonly peers: PeerBriefing[];
}

const peerLabel: Record<Tool, string> = { us: 'us (briefings build)', hugo: 'Hugo', eleventy: 'Eleventy 11ty.js' };

function build(tool: Tool, site: Site, out: string): Sample {
  if (tool === 'us') return measure(process.execPath, [CLI, 'build', '--data', site.data, '--out', out, '--base-url', BASE_URL]);
  if (tool === 'hugo') return measure('hugo', ['--quiet', '-s', site.hugo, '-d', out]);
  return measure(process.execPath, [ELEVENTY_CMD, '--quiet', `--output=${out}`], site.eleventy);
}

/** Variant 0 is the generated data; variant 1 has one briefing's English title edited, in every tool's input. */
function setVariant(site: Site, variant: 0 | 1): void {
  const file = join(site.data, 'briefings', `${CHANGED}.json`);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const base = String(doc.title.en).replace(REVISED, '');
  doc.title.en = variant ? base + REVISED : base;
  writeFileSync(file, JSON.stringify(doc));
  const peer = site.peers.find((b) => b.id === CHANGED);
  if (!peer) return;
  const revised = { ...peer, en: { ...peer.en, title: doc.title.en } };
  site.peers[site.peers.indexOf(peer)] = revised;
  writeHugoBriefing(revised, site.hugo);
  writeEleventyData(site.peers, site.eleventy);
}

async function prepare(n: number): Promise<Site> {
  const data = join(WORK, `data-${n}`);
  const { localisation } = await loadProject();
  // The generator draws from the glossary: new vocabulary means new data.
  const vocabulary = createHash('sha256')
    .update(JSON.stringify(['metric', 'topic', 'region'].map((k) => localisation.glossary.list(k as 'metric'))))
    .digest('hex');
  const marker = join(WORK, `data-${n}.vocabulary`);
  const stale =
    !existsSync(join(data, 'briefings')) ||
    readdirSync(join(data, 'briefings')).length !== n ||
    !existsSync(marker) ||
    readFileSync(marker, 'utf8') !== vocabulary;
  if (stale) {
    await generate(n, data);
    writeFileSync(marker, vocabulary);
  }
  const site: Site = { n, data, hugo: join(WORK, `peers-${n}`, 'hugo'), eleventy: join(WORK, `peers-${n}`, 'eleventy'), peers: [] };
  setVariant(site, 0);
  site.peers.push(...peerData(data, localisation));
  writeHugoSite(site.peers, site.hugo);
  writeEleventySite(site.peers, site.eleventy);
  return site;
}

interface Row {
  readonly n: number;
  readonly mode: Mode;
  readonly tool: Tool;
  readonly pages: number;
  readonly pagesPerSecond: number;
  readonly summary: Summary;
  /** Files our build wrote (its own report); the peers rewrite everything every time. */
  readonly written?: number;
}

function benchSize(site: Site): Row[] {
  const pages = 2 * site.n + 2;
  const rows: Row[] = [];
  for (const mode of MODES) {
    const kept = Object.fromEntries(TOOLS.map((t) => [t, mkdtempSync(join(OUT_ROOT, `out-${t}-`))])) as Record<Tool, string>;
    if (mode !== 'full') for (const tool of TOOLS) build(tool, site, kept[tool]);
    const samples = Object.fromEntries(TOOLS.map((t) => [t, [] as Sample[]])) as Record<Tool, Sample[]>;
    for (let i = 0; i <= RUNS; i++) {
      if (mode === 'one-change') setVariant(site, (i % 2 === 0 ? 1 : 0) as 0 | 1);
      for (const tool of TOOLS) {
        const out = mode === 'full' ? mkdtempSync(join(OUT_ROOT, `out-${tool}-`)) : kept[tool];
        const sample = build(tool, site, out);
        if (mode === 'full') rmSync(out, { recursive: true, force: true });
        if (i > 0) samples[tool].push(sample);
      }
    }
    setVariant(site, 0);
    for (const tool of TOOLS) rmSync(kept[tool], { recursive: true, force: true });
    for (const tool of TOOLS) {
      const summary = summarise(samples[tool]);
      const written = tool === 'us' ? Number(samples[tool][0]?.stdout.match(/wrote (\d+) files/)?.[1]) : undefined;
      const row: Row = { n: site.n, mode, tool, pages, pagesPerSecond: pages / summary.wall, summary, ...(written !== undefined && { written }) };
      rows.push(row);
      printRow(row, rows);
    }
  }
  return rows;
}

const f2 = (x: number) => x.toFixed(2);
let headerPrinted = false;
function printRow(row: Row, rows: readonly Row[]): void {
  if (!headerPrinted) {
    console.log('| N | mode | tool | pages | wall median s (min–max) | pages/s | cpu median s | peak RSS MiB | us/peer pages/s | us/peer cpu |');
    console.log('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|');
    headerPrinted = true;
  }
  const us = rows.find((r) => r.n === row.n && r.mode === row.mode && r.tool === 'us');
  const ratio = row.tool === 'us' || !us ? '' : `${f2(us.pagesPerSecond / row.pagesPerSecond)}x`;
  const cpuRatio = row.tool === 'us' || !us ? '' : `${f2(us.summary.cpu / row.summary.cpu)}x`;
  const s = row.summary;
  const label = peerLabel[row.tool] + (row.written !== undefined ? ` (${row.written} files written)` : '');
  console.log(
    `| ${row.n} | ${row.mode} | ${label} | ${row.pages} | ${f2(s.wall)} (${f2(s.wallMin)}–${f2(s.wallMax)}) | ${Math.round(row.pagesPerSecond)} | ${f2(s.cpu)} | ${s.rssMiB.toFixed(0)} | ${ratio} | ${cpuRatio} |`,
  );
}

/** Fixed start-up: a full build of no briefings at all. */
function startUp(): Summary {
  const data = join(WORK, 'data-0');
  mkdirSync(join(data, 'briefings'), { recursive: true });
  const samples: Sample[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const out = mkdtempSync(join(OUT_ROOT, 'out-empty-'));
    const sample = measure(process.execPath, [CLI, 'build', '--data', data, '--out', out, '--base-url', BASE_URL]);
    rmSync(out, { recursive: true, force: true });
    if (i > 0) samples.push(sample);
  }
  return summarise(samples);
}

mkdirSync(OUT_ROOT, { recursive: true });
const versions = ensurePeers();
console.log(
  `node ${process.version}; ${versions.hugo}; Eleventy ${JSON.parse(readFileSync(join(BENCH_DIR, 'node_modules/@11ty/eleventy/package.json'), 'utf8')).version}`,
);
console.log(`runs: 1 warm-up + ${RUNS} counted per tool, alternating; outputs under ${OUT_ROOT}${QUICK ? '; --quick (a smoke run, not for quoting)' : ''}\n`);

const rows: Row[] = [];
const sites: Site[] = [];
for (const n of SIZES) {
  const site = await prepare(n);
  sites.push(site);
  rows.push(...benchSize(site));
}
const startup = startUp();
const smallest = sites[0] as Site;
const publish = await publishFigures(smallest.data, () => setVariant(smallest, 1));
setVariant(smallest, 0);
const bundle = await publisherBundle(join(WORK, 'publisher'), RUNS);

console.log(`\nstart-up (full build of 0 briefings): ${f2(startup.wall)} s wall, ${f2(startup.cpu)} s cpu, ${startup.rssMiB.toFixed(0)} MiB`);
console.log(`\npublish to a local S3 server, N = ${smallest.n}:\n| publish | PUT | DELETE | invalidation paths | wall s |\n|---|---:|---:|---:|---:|`);
for (const [name, p] of Object.entries(publish)) console.log(`| ${name} | ${p.puts} | ${p.deletes} | ${p.invalidationPaths} | ${f2(p.wall)} |`);
console.log(`\npublisher bundle: ${(bundle.bytes / 1e6).toFixed(2)} MB minified; cold import ${bundle.coldImportMs.toFixed(0)} ms (median)`);

// Targets (issue 10), judged on the sizes this run measured.
const find = (n: number, mode: Mode, tool: Tool) => rows.find((r) => r.n === n && r.mode === mode && r.tool === tool);
const near = (n: number) => sites.reduce((best, s) => (Math.abs(s.n - n) < Math.abs(best.n - n) ? s : best), smallest).n;
const ratio = (n: number, peer: Tool) => {
  const us = find(n, 'full', 'us');
  const them = find(n, 'full', peer);
  return us && them ? us.pagesPerSecond / them.pagesPerSecond : NaN;
};
const n1 = near(1000);
const n5 = near(5000);
const targets = [
  { target: `full build pages/s >= 2x Hugo (N=${n1})`, value: ratio(n1, 'hugo'), goal: 2, higher: true, unit: 'x' },
  { target: `full build pages/s >= 2x Eleventy 11ty.js (N=${n5})`, value: ratio(n5, 'eleventy'), goal: 2, higher: true, unit: 'x' },
  { target: `peak RSS <= 512 MiB (N=${n5}, full)`, value: find(n5, 'full', 'us')?.summary.rssMiB ?? NaN, goal: 512, higher: false, unit: ' MiB' },
  { target: 'fixed start-up <= 0.3 s', value: startup.wall, goal: 0.3, higher: false, unit: ' s' },
  {
    target: 'no-op republish: 0 PUT, 0 DELETE, 0 invalidation paths',
    value: publish.noop.puts + publish.noop.deletes + publish.noop.invalidationPaths,
    goal: 0,
    higher: false,
    unit: '',
  },
  { target: 'publisher bundle <= 1 MB', value: bundle.bytes / 1e6, goal: 1, higher: false, unit: ' MB' },
  { target: 'publisher cold import <= 150 ms', value: bundle.coldImportMs, goal: 150, higher: false, unit: ' ms' },
].map((t) => ({ ...t, met: t.higher ? t.value >= t.goal : t.value <= t.goal }));
console.log('\n| target | measured | met |\n|---|---:|---|');
for (const t of targets) console.log(`| ${t.target} | ${f2(t.value)}${t.unit} | ${t.met ? 'yes' : 'no'} |`);

const results = join(BENCH_DIR, 'results');
mkdirSync(results, { recursive: true });
const report = {
  when: new Date().toISOString(),
  node: process.version,
  hugo: versions.hugo,
  quick: QUICK,
  runs: RUNS,
  outRoot: OUT_ROOT,
  rows,
  startup,
  publish: { n: smallest.n, ...publish },
  bundle,
  targets,
};
writeFileSync(join(results, 'latest.json'), `${JSON.stringify(report, null, 1)}\n`);
console.log(`\nwrote ${join(results, 'latest.json')}`);
