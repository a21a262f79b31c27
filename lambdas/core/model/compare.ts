import { type Decimal, add, compare as compareDecimal, shift } from '../quantity/decimal';
import { COMMENSURABLE, inOtherBase } from '../quantity/unit';
import { MAIN_TARGETS, type MainTarget, type Measure } from './mainTargets';
import { REGION_LEVELS, type RegionLevel, type RegionTree } from './regions';
import type { Briefing, Indicator, SiteModel } from './site';

/** What comparisons need of the region hierarchy: a region's level (none when unknown). */
export interface RegionLevels {
  level(region: string): RegionLevel | undefined;
}

/** The region hierarchy as pages use it: levels for comparisons, parents and children for navigation. */
export interface RegionHierarchy extends RegionLevels {
  parent(region: string): string | undefined;
  /** Sorted by key. */
  children(region: string): readonly string[];
}

/** The region tree as pages query it: a key missing from the tree has no level, parent or children. */
export function hierarchyOf(tree: RegionTree): RegionHierarchy {
  return {
    level: (region) => (tree.has(region) ? tree.level(region) : undefined),
    parent: (region) => (tree.has(region) ? tree.parent(region) : undefined),
    children: (region) => (tree.has(region) ? tree.children(region) : []),
  };
}

/** One region's stated target for one main target and year, with exact bounds in the unit's base. */
export interface TargetCell {
  readonly target: MainTarget;
  readonly region: string;
  readonly indicator: Indicator;
  /** The figure, or a range's lower bound, times the unit's multiplier (亿元 → yuan), in `unitBase`. */
  readonly lower: Decimal;
  /** A range's upper bound, same scale; none for a single figure. */
  readonly upper?: Decimal;
  /** The base it is ranked in: the figure's own, or the one it converts to exactly (jin → tonne). */
  readonly unitBase: string;
}

/** A row of the targets table: one region's main targets for the year (absent key = not stated). */
export interface RegionTargets {
  readonly region: string;
  readonly cells: ReadonlyMap<string, TargetCell>;
  /** The briefings the cells come from (for fingerprints and source links). */
  readonly briefings: readonly Briefing[];
}

/** The targets of one year for the regions of one level. */
export interface TargetsTable {
  readonly year: number;
  readonly level: RegionLevel;
  /** Columns with at least one stated cell, in MAIN_TARGETS order. */
  readonly columns: readonly MainTarget[];
  /** By region key. */
  readonly rows: readonly RegionTargets[];
}

export interface RankedCell {
  /** Competition ranking: equal figures share a rank and the next rank skips ("1, 2, 2, 4"). */
  readonly rank: number;
  readonly cell: TargetCell;
}

/** Regions of one level ranked by one main target for one year. */
export interface Ranking {
  readonly target: MainTarget;
  readonly year: number;
  readonly level: RegionLevel;
  /** The unit base the ranked figures share (the most common one). */
  readonly unitBase: string;
  readonly ranked: readonly RankedCell[];
  /** Stated in another unit base (亿斤 beside 万吨): shown, not ranked. */
  readonly otherUnits: readonly TargetCell[];
  /** Regions of the level with targets that year but none for this one: "not stated", never 0. */
  readonly notStated: readonly string[];
}

export interface Comparisons {
  /** Years with at least one main target, ascending. */
  readonly years: readonly number[];
  /** Per year: one table per level that has targets, broadest level first. */
  readonly tables: ReadonlyMap<number, readonly TargetsTable[]>;
  /** Per `<target key>/<year>`: one ranking per level, broadest first. */
  readonly rankings: ReadonlyMap<string, readonly Ranking[]>;
}

export function rankingKey(target: string, year: number): string {
  return `${target}/${year}`;
}

/**
 * The main targets of every year, region by region, and the rankings built from them. Pure, and
 * made from the site model, so it shows exactly the briefings the site publishes (last good copies
 * of briefings whose data broke included).
 *
 * Like with like: a region is compared only with regions of its own level (provinces with
 * provinces); a region whose level is unknown is left out of comparisons.
 *
 * A region's cell is the target stated by its newest briefing that states one (a later report
 * or a corrected one wins); within a briefing, a highlighted indicator before others, then the
 * editor's order.
 */
export function buildComparisons(model: SiteModel, levels: RegionLevels, targets: readonly MainTarget[] = MAIN_TARGETS): Comparisons {
  // year → level → region → cells
  const found = new Map<number, Map<RegionLevel, Map<string, { cells: Map<string, TargetCell>; briefings: Set<Briefing> }>>>();
  for (const [region, briefings] of model.regions) {
    const level = levels.level(region);
    if (!level) continue;
    for (const briefing of briefings) {
      for (const indicator of preferred(briefing.indicators)) {
        const year = indicator.input.period;
        if (indicator.input.kind !== 'target' || typeof year !== 'number') continue;
        const target = targets.find((t) => t.metric === indicator.input.metric && t.measures.includes(measureOf(indicator)));
        if (!target) continue;
        const byLevel = found.get(year) ?? new Map();
        found.set(year, byLevel);
        const byRegion = byLevel.get(level) ?? new Map();
        byLevel.set(level, byRegion);
        const row = byRegion.get(region) ?? { cells: new Map(), briefings: new Set() };
        byRegion.set(region, row);
        if (row.cells.has(target.key)) continue; // newer briefing or earlier indicator already stated it
        row.cells.set(target.key, cellOf(target, region, indicator));
        row.briefings.add(briefing);
      }
    }
  }

  const years = [...found.keys()].sort((a, b) => a - b);
  const tables = new Map<number, TargetsTable[]>();
  const rankings = new Map<string, Ranking[]>();
  for (const year of years) {
    const byLevel = found.get(year)!;
    const yearTables: TargetsTable[] = [];
    for (const level of REGION_LEVELS) {
      const byRegion = byLevel.get(level);
      if (!byRegion) continue;
      const rows = [...byRegion.entries()]
        .sort(([a], [b]) => compareKeys(a, b))
        .map(([region, row]): RegionTargets => ({ region, cells: row.cells, briefings: [...row.briefings] }));
      const columns = targets.filter((t) => rows.some((r) => r.cells.has(t.key)));
      yearTables.push({ year, level, columns, rows });
      for (const target of columns) {
        const list = rankings.get(rankingKey(target.key, year)) ?? [];
        list.push(rank(target, year, level, rows));
        rankings.set(rankingKey(target.key, year), list);
      }
    }
    tables.set(year, yearTables);
  }
  const ordered = new Map(
    [...rankings.entries()].sort(([a], [b]) => {
      const [ta, ya] = a.split('/');
      const [tb, yb] = b.split('/');
      return targets.findIndex((t) => t.key === ta) - targets.findIndex((t) => t.key === tb) || Number(ya) - Number(yb);
    }),
  );
  return { years, tables, rankings: ordered };
}

/**
 * Ordering, stated on every comparison page: from the highest figure to the lowest; a range by
 * its midpoint (a band of 5-5.5% sits between 5% and 5.5%, as a reader expects; the lower bound
 * would tie it with 5% and hide that half the band lies above); qualifiers (about, at least) do not
 * move a figure. Equal figures share a rank and are listed by region key, so both languages list
 * them in the same order.
 */
export function rank(target: MainTarget, year: number, level: RegionLevel, rows: readonly RegionTargets[]): Ranking {
  const cells = rows.flatMap((r) => {
    const cell = r.cells.get(target.key);
    return cell ? [cell] : [];
  });
  const bases = new Map<string, number>();
  for (const c of cells) bases.set(c.unitBase, (bases.get(c.unitBase) ?? 0) + 1);
  const unitBase = [...bases].sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))[0]?.[0] ?? '';
  const sorted = cells
    .filter((c) => c.unitBase === unitBase)
    .sort((a, b) => compareDecimal(twiceMidpoint(b), twiceMidpoint(a)) || compareKeys(a.region, b.region));
  const ranked: RankedCell[] = [];
  sorted.forEach((cell, k) => {
    const previous = ranked[k - 1];
    const tied = previous !== undefined && compareDecimal(twiceMidpoint(previous.cell), twiceMidpoint(cell)) === 0;
    ranked.push({ rank: tied ? previous.rank : k + 1, cell });
  });
  return {
    target,
    year,
    level,
    unitBase,
    ranked,
    otherUnits: cells.filter((c) => c.unitBase !== unitBase),
    notStated: rows.filter((r) => !r.cells.has(target.key)).map((r) => r.region),
  };
}

/** Twice the midpoint (lower + upper; 2 × figure for a single one): exact, so ties are real ties. */
function twiceMidpoint(cell: TargetCell): Decimal {
  return add(cell.lower, cell.upper ?? cell.lower);
}

function cellOf(target: MainTarget, region: string, indicator: Indicator): TargetCell {
  const { scale, base } = indicator.quantity.unit;
  const { upper } = indicator.quantity;
  // A figure in a base that another measures exactly (jin, tonnes) is ranked in that base; the cell still shows it as stated.
  const { unit } = indicator.quantity;
  const toRanked = (value: Decimal) => inOtherBase(value, unit)?.value ?? shift(value, scale);
  return {
    target,
    region,
    indicator,
    lower: toRanked(indicator.quantity.value),
    ...(upper && { upper: toRanked(upper) }),
    unitBase: COMMENSURABLE[base]?.base ?? base,
  };
}

/** What a figure measures: a target's `measure` (default level), any other indicator's kind. */
export function measureOf(indicator: Indicator): Measure {
  const { kind, measure } = indicator.input;
  return kind === 'target' ? (measure ?? 'level') : kind;
}

/** Highlighted indicators first, then the rest, each in the editor's order. */
function preferred(indicators: readonly Indicator[]): Indicator[] {
  return [...indicators.filter((i) => i.input.highlight), ...indicators.filter((i) => !i.input.highlight)];
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
