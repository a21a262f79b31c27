/**
 * How well `briefings extract` reads labelled reports (rules and scoring in
 * test/fixtures/extract/README.md), and what it makes of every provincial report:
 *
 *     npm run extract:report [-- --verbose] [-- --all]
 *
 * Four sets, each with its own totals, never pooled: the seeds (data/sources/<seed>.txt), the seed
 * held-out texts (heldout/), the provincial development set (provinces/*.labels.json) and the
 * provincial held-out set (provinces/heldout/*.labels.json).
 *
 * "statements": every quantitative statement read, indicators and unmatched[] alike: right when
 * value, upper bound, unit and kind agree. "indicators": those that became indicators (a glossary
 * or proposed metric and a glossary unit): right when metric, qualifier and period agree too.
 * Each set ends with its missed indicators counted by what was wrong (no agreeing statement, metric, period,
 * qualifier): totals only, so the held-out sets are counted too.
 * --verbose lists misses (not for the held-out sets: only their numbers are printed).
 * --all prints, for each of the 26 provincial reports, region, periods, statements, indicators, proposed
 * metrics and those with no drafted English, the share left without an indicator, time and peak memory (each
 * report in a process of its own).
 * --reviewed measures, on the 20 reviewed provincial reports that are neither development nor held-out
 * labels, how many of the indicators the editor kept (data/briefings/) today's extractor reproduces
 * exactly: quote overlap, value, upper bound, unit, kind, qualifier, period, and the kept key's metric.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, loadProject } from '../lambdas/adapters/fs/loadProject';
import { draftReport } from '../lambdas/core/extract/draftReport';
import { type ExtractResult, extractDraft } from '../lambdas/core/extract/extractDraft';
import { UNTRANSLATED } from '../lambdas/core/extract/propose';
import { type Labelled, type Scored, missReasons, score, scoreIndicators } from '../lambdas/core/extract/score';
import { scoringVocabulary } from '../lambdas/core/extract/scoringVocabulary';

const args = process.argv.slice(2);
const fixtures = join(PROJECT_ROOT, 'test/fixtures/extract');
const sources = join(PROJECT_ROOT, 'data/sources');

if (args[0] === '--one') {
  // A child of --all: one report, from bytes to a validated draft, measured in this process alone.
  const { localisation } = await loadProject();
  const file = args[1] as string;
  const bytes = readFileSync(file);
  const started = process.hrtime.bigint();
  const result = draftReport(bytes, { localisation, file, fallbackYear: 2026 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ ...summary(result), ms, peakMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const { localisation } = await loadProject();
const vocabulary = scoringVocabulary(localisation);
const verbose = args.includes('--verbose');

interface LabelSet {
  readonly name: string;
  readonly labels: string;
  readonly sources: string;
  readonly heldOut: boolean;
  /** The seed held-out texts name no region of the glossary. */
  readonly region?: string;
}

const SETS: readonly LabelSet[] = [
  { name: 'seeds', labels: fixtures, sources, heldOut: false },
  { name: 'seed held-out texts', labels: join(fixtures, 'heldout'), sources: join(fixtures, 'heldout'), heldOut: true, region: 'qingbaijiang' },
  { name: 'provinces: development', labels: join(fixtures, 'provinces'), sources, heldOut: false },
  { name: 'provinces: held-out', labels: join(fixtures, 'provinces/heldout'), sources, heldOut: true },
];

const pct = (x: number) => x.toFixed(3);
const header = ['report', 'labelled', 'read', 'right', 'precision', 'recall', '|', 'indicators', 'right', 'precision', 'recall'];

for (const set of SETS) {
  if (!existsSync(set.labels)) continue;
  const rows: string[][] = [header];
  const totals = { labelled: 0, read: 0, right: 0, indicators: 0, indicatorsRight: 0 };
  const why = new Map<string, number>();
  for (const stem of readdirSync(set.labels)
    .filter((f) => f.endsWith('.labels.json'))
    .map((f) => f.replace('.labels.json', ''))
    .sort()) {
    const file = [join(set.sources, `${stem}.txt`), join(set.sources, `${stem}-2026-work-report.txt`)].find(existsSync);
    if (!file) continue;
    const labels = JSON.parse(readFileSync(join(set.labels, `${stem}.labels.json`), 'utf8')) as Labelled[];
    const result = extractDraft(readFileSync(file, 'utf8'), {
      localisation,
      sourceFile: file.split('/').pop() as string,
      fallbackYear: 2026,
      ...(set.region && { region: set.region }),
    });
    const statements = score(labels, result.statements, vocabulary);
    const read = result.statements.filter((s) => s.reason === undefined);
    const indicators = scoreIndicators(labels, read, vocabulary);
    tally(why, indicators.missed, read);
    rows.push([
      stem,
      String(labels.length),
      String(statements.extracted),
      String(statements.right),
      pct(statements.precision),
      pct(statements.recall),
      '|',
      String(indicators.extracted),
      String(indicators.right),
      pct(indicators.precision),
      pct(indicators.recall),
    ]);
    totals.labelled += labels.length;
    totals.read += statements.extracted;
    totals.right += statements.right;
    totals.indicators += indicators.extracted;
    totals.indicatorsRight += indicators.right;
    if (verbose && !set.heldOut) explain(stem, statements, indicators);
  }
  if (rows.length === 1) continue;
  const ratio = (a: number, b: number) => pct(b === 0 ? 1 : a / b);
  rows.push([
    'all',
    String(totals.labelled),
    String(totals.read),
    String(totals.right),
    ratio(totals.right, totals.read),
    ratio(totals.right, totals.labelled),
    '|',
    String(totals.indicators),
    String(totals.indicatorsRight),
    ratio(totals.indicatorsRight, totals.indicators),
    ratio(totals.indicatorsRight, totals.labelled),
  ]);
  console.log(`\n${set.name}`);
  table(rows);
  // Totals only, held-out sets included: which field a missed indicator got wrong, never which indicator.
  printReasons(why);
}

if (args.includes('--reviewed')) reviewed();

if (args.includes('--all')) {
  const rows: string[][] = [['report', 'region', 'periods', 'statements', 'indicators', 'proposed', 'no English', 'unmatched', 'left', 'ms', 'peak MB']];
  const untranslated = { proposed: 0, missing: 0 };
  for (const file of readdirSync(sources)
    .filter((f) => /-\d{4}-work-report\.txt$/.test(f))
    .sort()) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'bench/extract-report.ts'), '--one', join(sources, file)], {
      encoding: 'utf8',
    });
    const r = JSON.parse(out) as ReturnType<typeof summary> & { ms: number; peakMb: number };
    rows.push([
      file.replace(/-\d{4}-work-report\.txt$/, ''),
      r.region,
      r.periods,
      String(r.statements),
      String(r.indicators),
      String(r.proposed),
      String(r.untranslated),
      String(r.unmatched),
      `${(100 * r.left).toFixed(1)}%`,
      r.ms.toFixed(0),
      r.peakMb.toFixed(0),
    ]);
    untranslated.proposed += r.proposed;
    untranslated.missing += r.untranslated;
  }
  console.log('\nevery provincial report (bytes → validated draft; peak MB is the whole process)');
  table(rows);
  const share = untranslated.proposed === 0 ? 0 : (100 * untranslated.missing) / untranslated.proposed;
  console.log(`proposed metrics with no drafted English ("${UNTRANSLATED}"): ${untranslated.missing} of ${untranslated.proposed} (${share.toFixed(1)}%)`);
}

/** Reports that are labelled (development or held-out) and so never part of the reviewed sample. */
function labelledReports(): Set<string> {
  const stems = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.labels.json')) : []).map((f) => f.replace('.labels.json', ''));
  return new Set([...stems(join(fixtures, 'provinces')), ...stems(join(fixtures, 'provinces/heldout'))]);
}

/** The editor's kept indicators of the reviewed reports, as labels: the metric by its glossary Chinese name. */
function reviewed(): void {
  const briefings = join(PROJECT_ROOT, 'data/briefings');
  const metricNames = localisation.lexicons.zh.namespace('metrics') as Record<string, unknown>;
  const skip = labelledReports();
  const rows: string[][] = [['report', 'kept', 'read', 'right', 'recall']];
  const totals = { kept: 0, read: 0, right: 0 };
  const why = new Map<string, number>();
  for (const file of readdirSync(briefings)
    .filter((f) => /^[a-z-]+-2026-work-report\.json$/.test(f))
    .sort()) {
    const stem = file.replace('-2026-work-report.json', '');
    const source = join(sources, `${stem}-2026-work-report.txt`);
    if (skip.has(stem) || !existsSync(source)) continue;
    const briefing = JSON.parse(readFileSync(join(briefings, file), 'utf8')) as { indicators: Array<Labelled & { metric: string }> };
    const labels: Labelled[] = briefing.indicators.map((i) => {
      const zh = metricNames[i.metric];
      const { quote, offset, value, upper, unit, kind, qualifier, period } = i;
      return {
        quote,
        offset,
        value,
        ...(upper !== undefined && { upper }),
        unit,
        kind,
        qualifier,
        period,
        ...(typeof zh === 'string' ? { metricZh: zh } : { metric: i.metric }),
      };
    });
    const result = extractDraft(readFileSync(source, 'utf8'), { localisation, sourceFile: `${stem}-2026-work-report.txt`, fallbackYear: 2026 });
    const indicators = result.statements.filter((s) => s.reason === undefined);
    const scored = scoreIndicators(labels, indicators, vocabulary);
    rows.push([stem, String(labels.length), String(indicators.length), String(scored.right), pct(scored.recall)]);
    if (verbose) explain(stem, score(labels, indicators, vocabulary), scored);
    tally(why, scored.missed, indicators);
    totals.kept += labels.length;
    totals.read += indicators.length;
    totals.right += scored.right;
  }
  rows.push(['all', String(totals.kept), String(totals.read), String(totals.right), pct(totals.kept === 0 ? 1 : totals.right / totals.kept)]);
  console.log("\nreviewed-20: the editor's kept indicators reproduced exactly (data/briefings/)");
  table(rows);
  printReasons(why);
}

/** Adds what each missed indicator label got wrong (`missReasons`) to a set's counts. */
function tally(why: Map<string, number>, missed: readonly Labelled[], read: readonly Labelled[]): void {
  for (const [reason, n] of missReasons(missed, read, vocabulary)) why.set(reason, (why.get(reason) ?? 0) + n);
}

function printReasons(why: ReadonlyMap<string, number>): void {
  const reasons = [...why].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (reasons.length > 0) console.log(`indicators missed, by what was wrong: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}`);
}

function summary(result: ExtractResult) {
  const { draft } = result;
  const periods = new Map<string, number>();
  for (const s of result.statements) {
    const key = typeof s.period === 'number' ? String(s.period) : `${s.period.from}-${s.period.to}`;
    periods.set(key, (periods.get(key) ?? 0) + 1);
  }
  return {
    region: `${draft.region}${draft.proposedRegion ? ' (proposed)' : ''}`,
    periods: [...periods]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([p, n]) => `${p}:${n}`)
      .join(' '),
    statements: result.statements.length,
    indicators: draft.indicators.length,
    proposed: draft.indicators.filter((i) => i.proposed).length,
    untranslated: draft.indicators.filter((i) => i.proposed?.en.startsWith(UNTRANSLATED)).length,
    unmatched: result.unmatched.length,
    left: result.statements.length === 0 ? 0 : result.unmatched.length / result.statements.length,
  };
}

function explain(stem: string, statements: Scored, indicators: Scored): void {
  const show = (l: Labelled) =>
    `${JSON.stringify(l.quote)} ${l.value}${l.upper !== undefined ? `–${l.upper}` : ''} ${l.unit ?? `?${l.unitWord}`} ${l.kind} ${l.qualifier ?? ''} ${JSON.stringify(l.period ?? '')} ${l.metricZh ?? l.metric ?? ''}${l.proposed ? ` (proposed ${l.proposed.zh})` : ''}`;
  for (const m of statements.missed) console.log(`${stem} MISSED ${show(m)}`);
  for (const w of statements.wrong) console.log(`${stem} WRONG  ${show(w)}`);
  const rightStatements = new Set(statements.pairs.map(([label]) => label));
  for (const m of indicators.missed) {
    if (!rightStatements.has(m)) continue;
    const read = statements.pairs.find(([label]) => label === m)?.[1];
    console.log(
      `${stem} INDICATOR ${show(m)}\n${' '.repeat(stem.length)}   read as ${read ? show(read) : '-'}${read && (read as { reason?: string }).reason ? ` [${(read as { reason?: string }).reason}]` : ''}`,
    );
  }
}

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => (c <= 2 && rows[0]![1] === 'region' ? cell.padEnd(widths[c]!) : c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    );
}
