/**
 * What the editors' review changed in the extractor's drafts: the extractor's real error rate.
 *
 *     npm run -s review:report [-- --verbose]
 *
 * For every reviewed briefing in data/briefings/ whose unedited draft is kept in data/drafts/ (the
 * same file name), each reviewed indicator is matched to the draft indicator with the same quote at
 * the same offset (else the one whose quote overlaps it most), and every field an editor can fix is
 * compared. A reviewed indicator no draft indicator overlaps was added by hand. Nothing here is
 * tuned: it reads what the editors committed.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PROJECT_ROOT } from '../lambdas/adapters/fs/loadProject';

interface Indicator {
  readonly id: string;
  readonly quote: string;
  readonly offset?: number;
  readonly [field: string]: unknown;
}

/** The fields a review checks, in the order the table prints them. */
const FIELDS = ['metric', 'value', 'upper', 'unit', 'kind', 'measure', 'qualifier', 'period', 'change', 'rank'] as const;
type Field = (typeof FIELDS)[number];

interface ReviewCount {
  readonly briefing: string;
  readonly kept: number;
  readonly matched: number;
  readonly added: number;
  readonly draftSize: number;
  readonly fixed: Record<Field, number>;
  /** Matched indicators with at least one fixed field. */
  readonly wrong: number;
  readonly details: string[];
}

const verbose = process.argv.includes('--verbose');
const briefingsDir = join(PROJECT_ROOT, 'data/briefings');
const draftsDir = join(PROJECT_ROOT, 'data/drafts');

function span(i: Indicator): [number, number] | undefined {
  return i.offset === undefined ? undefined : [i.offset, i.offset + [...i.quote].length];
}

function overlap(a: Indicator, b: Indicator): number {
  const x = span(a);
  const y = span(b);
  if (!x || !y) return a.quote === b.quote ? a.quote.length : 0;
  return Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]));
}

/** The draft indicator a reviewed one came from: same quote and offset, then same value, then most overlap. */
function source(reviewed: Indicator, drafts: readonly Indicator[]): Indicator | undefined {
  const candidates = drafts.filter((d) => overlap(d, reviewed) > 0);
  const rankOf = (d: Indicator) =>
    (d.offset === reviewed.offset && d.quote === reviewed.quote ? 4 : 0) + (d.metric === reviewed.metric ? 2 : 0) + (d.value === reviewed.value ? 1 : 0);
  return candidates.sort((a, b) => rankOf(b) - rankOf(a) || overlap(b, reviewed) - overlap(a, reviewed))[0];
}

function review(file: string): ReviewCount | undefined {
  const draftFile = join(draftsDir, file);
  if (!existsSync(draftFile)) return undefined;
  const reviewed = JSON.parse(readFileSync(join(briefingsDir, file), 'utf8')) as { id: string; indicators: Indicator[] };
  const draft = JSON.parse(readFileSync(draftFile, 'utf8')) as { indicators: Indicator[] };
  const fixed = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const details: string[] = [];
  let matched = 0;
  let wrong = 0;
  for (const indicator of reviewed.indicators) {
    const from = source(indicator, draft.indicators);
    if (!from) {
      details.push(`  added   ${indicator.id}: ${indicator.quote}`);
      continue;
    }
    matched += 1;
    const changed = FIELDS.filter((f) => !isDeepStrictEqual(from[f], indicator[f]));
    for (const f of changed) fixed[f] += 1;
    if (changed.length > 0) {
      wrong += 1;
      details.push(`  fixed   ${indicator.id}: ${changed.map((f) => `${f} ${JSON.stringify(from[f])} → ${JSON.stringify(indicator[f])}`).join('; ')}`);
    }
  }
  return {
    briefing: reviewed.id,
    kept: reviewed.indicators.length,
    matched,
    added: reviewed.indicators.length - matched,
    draftSize: draft.indicators.length,
    fixed,
    wrong,
    details,
  };
}

const rows = readdirSync(briefingsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map(review)
  .filter((r): r is ReviewCount => r !== undefined);

const header = ['briefing', 'draft', 'kept', 'from draft', 'right as drafted', 'added by hand', ...FIELDS];
const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
console.log(line(header));
console.log(line(header.map(() => '---')));
const total = { draft: 0, kept: 0, matched: 0, wrong: 0, added: 0, fixed: Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number> };
for (const r of rows) {
  console.log(line([r.briefing, r.draftSize, r.kept, r.matched, r.matched - r.wrong, r.added, ...FIELDS.map((f) => r.fixed[f])]));
  total.draft += r.draftSize;
  total.kept += r.kept;
  total.matched += r.matched;
  total.wrong += r.wrong;
  total.added += r.added;
  for (const f of FIELDS) total.fixed[f] += r.fixed[f];
  if (verbose) for (const d of r.details) console.log(d);
}
console.log(line(['**all**', total.draft, total.kept, total.matched, total.matched - total.wrong, total.added, ...FIELDS.map((f) => total.fixed[f])]));
if (total.matched > 0) {
  const share = (n: number) => `${((100 * n) / total.matched).toFixed(1)}%`;
  console.log(
    `\n${rows.length} reviewed drafts: ${share(total.matched - total.wrong)} of the kept draft indicators were right in every field; ${share(total.wrong)} needed a fix; ${total.added} ${total.added === 1 ? 'indicator was' : 'indicators were'} added by hand.`,
  );
}
