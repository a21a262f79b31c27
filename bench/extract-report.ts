/**
 * Precision and recall of `briefings extract` on the labelled development set
 * (test/fixtures/extract/, rules in its README):
 *
 *     node --import tsx bench/extract-report.ts [--verbose]
 *
 * "statements": every quantitative statement read, indicators and unmatched[] alike (the rules);
 * "indicators": those that became indicators (needs the metric, unit and peers in the glossary);
 * "metric agrees": of the right statements whose label names a glossary metric, how many got it.
 * --verbose lists what was missed and what was read wrongly.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, loadProject } from '../lambdas/adapters/fs/loadProject';
import { extractDraft } from '../lambdas/core/extract/extractDraft';
import { type Labelled, score } from '../lambdas/core/extract/score';

const verbose = process.argv.includes('--verbose');
const fixtures = join(PROJECT_ROOT, 'test/fixtures/extract');
const { localisation } = await loadProject();

const sets = [
  ...readdirSync(fixtures).filter((f) => f.endsWith('.labels.json')).map((f) => ({ dir: fixtures, stem: f.replace('.labels.json', ''), source: join(PROJECT_ROOT, 'data/sources') })),
  ...readdirSync(join(fixtures, 'heldout')).filter((f) => f.endsWith('.labels.json')).map((f) => ({ dir: join(fixtures, 'heldout'), stem: f.replace('.labels.json', ''), source: join(fixtures, 'heldout') })),
];

const rows: string[][] = [['report', 'labelled', 'read', 'right', 'precision', 'recall', '|', 'indicators', 'right', 'precision', 'recall', '|', 'metric agrees']];
const pct = (x: number) => x.toFixed(3);
for (const { dir, stem, source } of sets.sort((a, b) => a.dir.length - b.dir.length || a.stem.localeCompare(b.stem))) {
  const labels = JSON.parse(readFileSync(join(dir, `${stem}.labels.json`), 'utf8')) as Labelled[];
  const file = join(source, `${stem}.txt`);
  if (!existsSync(file)) continue;
  const heldOut = dir !== fixtures;
  const result = extractDraft(readFileSync(file, 'utf8'), { localisation, sourceFile: `${stem}.txt`, fallbackYear: 2026, ...(heldOut && { region: 'qingbaijiang' }) });
  const all = score(labels, result.statements);
  const indicators = score(labels, result.statements.filter((s) => s.reason === undefined));
  const named = all.pairs.filter(([label]) => label.metric !== undefined);
  const agreeing = named.filter(([label, read]) => label.metric === read.metric).length;
  const name = heldOut ? `heldout/${stem}` : stem;
  rows.push([name, String(all.labelled), String(all.extracted), String(all.right), pct(all.precision), pct(all.recall), '|', String(indicators.extracted), String(indicators.right), pct(indicators.precision), pct(indicators.recall), '|', named.length > 0 ? `${agreeing}/${named.length}` : '-']);
  if (verbose) {
    for (const m of all.missed) console.log(`${name} MISSED ${JSON.stringify(m.quote)} ${m.value} ${m.unit ?? `?${m.unitWord}`} ${m.kind}`);
    for (const w of all.wrong) console.log(`${name} WRONG  ${JSON.stringify(w.quote)} ${w.value} ${w.unit ?? `?${w.unitWord}`} ${w.kind}`);
    for (const [label, read] of named) if (label.metric !== read.metric) console.log(`${name} METRIC ${label.metric} ≠ ${read.metric ?? '(none)'} ${JSON.stringify(read.quote)}`);
  }
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
