import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDraft } from '../../lambdas/core/extract/extractDraft';
import { metricAliases, subjectAliases } from '../../lambdas/core/extract/metrics';
import { type Labelled, score } from '../../lambdas/core/extract/score';
import type { Localisation } from '../../lambdas/core/i18n/localisation';
import { formatProblem } from '../../lambdas/core/model/problem';
import { validateBriefing } from '../../lambdas/core/model/validate';
import { parseUnitKey } from '../../lambdas/core/quantity/unit';
import { PROJECT_ROOT, projectLocalisation } from '../helpers/lexicons';

/**
 * Precision and recall of `briefings extract` on the hand-labelled development set
 * (test/fixtures/extract/README.md says what counts as a statement). Print the table with
 * `node --import tsx bench/extract-report.ts`.
 */

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/extract');
const SEEDS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.labels.json'))
  .map((f) => f.replace('.labels.json', ''))
  .sort();
const HELD_OUT = readdirSync(join(FIXTURES, 'heldout'))
  .filter((f) => f.endsWith('.labels.json'))
  .map((f) => f.replace('.labels.json', ''))
  .sort();

interface Case {
  readonly name: string;
  readonly text: string;
  readonly labels: readonly Labelled[];
  readonly region?: string;
}

const cases: Case[] = [
  ...SEEDS.map((stem) => ({
    name: stem,
    text: readFileSync(join(PROJECT_ROOT, 'data/sources', `${stem}.txt`), 'utf8'),
    labels: JSON.parse(readFileSync(join(FIXTURES, `${stem}.labels.json`), 'utf8')) as Labelled[],
  })),
  ...HELD_OUT.map((name) => ({
    name: `heldout/${name}`,
    text: readFileSync(join(FIXTURES, 'heldout', `${name}.txt`), 'utf8'),
    labels: JSON.parse(readFileSync(join(FIXTURES, 'heldout', `${name}.labels.json`), 'utf8')) as Labelled[],
    region: 'qingbaijiang',
  })),
];

let localisation: Localisation;
beforeAll(async () => {
  localisation = await projectLocalisation();
});

const run = (c: Case) =>
  extractDraft(c.text, { localisation, sourceFile: `${c.name.replace('heldout/', '')}.txt`, fallbackYear: 2026, ...(c.region && { region: c.region }) });

it('labels every seed report', () => {
  expect(SEEDS).toEqual(['000_280e1725c7af3b31', '001_5f259a37d2f73165', '002_97555f4808f51832', '003_4a09d1ca12ba0be9', '004_b6fedf8a98c80540']);
});

describe.each(cases)('$name', (c) => {
  it('labels are consistent: each quote is at its offset, each unit a glossary unit or null with what was written', () => {
    const points = [...c.text];
    for (const label of c.labels) {
      expect(points.slice(label.offset, label.offset + [...label.quote].length).join(''), label.quote).toBe(label.quote);
      if (label.unit === null) expect(typeof label.unitWord).toBe('string');
      else expect(localisation.glossary.has('unit', parseUnitKey(label.unit)?.base ?? ''), label.unit).toBe(true);
    }
  });

  it('reads its quantitative statements with precision and recall of at least 0.9', () => {
    const scored = score(c.labels, run(c).statements);
    const detail = { missed: scored.missed.map((m) => m.quote), wrong: scored.wrong.map((w) => `${w.quote} → ${w.value} ${w.unit} ${w.kind}`) };
    expect(scored.precision, JSON.stringify(detail)).toBeGreaterThanOrEqual(0.9);
    expect(scored.recall, JSON.stringify(detail)).toBeGreaterThanOrEqual(0.9);
  });

  it('makes indicators only of statements it read right, mostly with the metric a reader would pick', () => {
    const result = run(c);
    const indicators = score(
      c.labels,
      result.statements.filter((s) => s.reason === undefined),
    );
    expect(indicators.precision, JSON.stringify(indicators.wrong.map((w) => w.quote))).toBeGreaterThanOrEqual(0.9);
    const named = score(c.labels, result.statements).pairs.filter(([label]) => label.metric !== undefined);
    const agreeing = named.filter(([label, read]) => label.metric === read.metric);
    if (named.length > 0) expect(agreeing.length / named.length).toBeGreaterThanOrEqual(0.85);
  });

  it('writes a draft that validates with zero errors, every quote at its offset in the source', () => {
    const { draft, unmatched } = run(c);
    const errors = validateBriefing(draft, { file: c.name, localisation, sourceText: c.text }).problems.filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([]);
    expect(draft.status).toBe('draft');
    expect(draft.unmatched).toHaveLength(unmatched.length);
    const points = [...c.text];
    for (const u of draft.unmatched ?? []) expect(points.slice(u.offset, u.offset + [...u.quote].length).join('')).toBe(u.quote);
  });
});

describe.each([
  ['metricAliases.json', metricAliases],
  ['subjectAliases.json', subjectAliases],
])('%s', (_file, aliasesOf) => {
  it('names only glossary metrics, with non-empty Chinese phrases', () => {
    const aliases = aliasesOf();
    expect(Object.keys(aliases).length).toBeGreaterThan(0);
    for (const [key, phrases] of Object.entries(aliases)) {
      expect(localisation.glossary.has('metric', key), `${key} is not in locales/*/metrics.json`).toBe(true);
      expect(phrases.length).toBeGreaterThan(0);
      for (const phrase of phrases) expect(phrase).toMatch(/^\S{2,}$/);
    }
  });
});
