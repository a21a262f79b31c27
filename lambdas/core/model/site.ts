import { createHash } from 'node:crypto';
import { decimal } from '../quantity/decimal';
import { CHANGE_UNITS, type Change, type ChangeUnit, type Quantity, type Rank } from '../quantity/types';
import { parseUnitKey } from '../quantity/unit';
import { type RegionHierarchy, hierarchyOf } from './compare';
import { projectRegionTree } from './regions';
import { type BriefingInput, type IndicatorInput, type Period, periodSpan } from './schema';

/** An indicator with its numbers typed, linked to the briefing that states it. */
export interface Indicator {
  readonly input: IndicatorInput;
  readonly briefing: Briefing;
  /** The briefing's region: every figure belongs to one place. */
  readonly region: string;
  readonly quantity: Quantity;
  readonly change?: Change;
  readonly rank?: Rank;
  /** Ids of the rows folded into this one (the extractor's separate growth row of the same statement). */
  readonly merged?: readonly string[];
}

export interface Briefing {
  readonly input: BriefingInput;
  readonly id: string;
  /** Hash of the validated document: every page made from this briefing depends on it. */
  readonly version: string;
  readonly indicators: readonly Indicator[];
  /** When the briefing went out: `publishAt`, else the source date at midnight in China (UTC+8). */
  readonly publishedAt: string;
  /** Last change readers should notice: `updated` or the newest correction, never before `publishedAt`. */
  readonly updatedAt: string;
  readonly topics: readonly string[];
}

/** Why a valid briefing is not on the site (yet). */
export interface Held {
  readonly id: string;
  readonly reason: 'draft' | 'scheduled';
  readonly until?: string;
}

export interface SiteModel {
  /** Newest first (publishedAt, then id). */
  readonly briefings: readonly Briefing[];
  readonly topics: ReadonlyMap<string, readonly Briefing[]>;
  readonly regions: ReadonlyMap<string, readonly Briefing[]>;
  /** Every figure of one metric, oldest period first. */
  readonly metrics: ReadonlyMap<string, readonly Indicator[]>;
  readonly held: readonly Held[];
  /** Levels, parents and children of regions (locales/regions.tree.json unless the caller gives one). */
  readonly hierarchy: RegionHierarchy;
}

export interface ModelOptions {
  /** The moment of this publish run; briefings with a later `publishAt` are held back. */
  readonly now: Date;
  /** Hashes of the documents' texts, when the caller has them (saves hashing them again). */
  readonly versions?: ReadonlyMap<string, string>;
  readonly hierarchy?: RegionHierarchy;
}

/**
 * Builds the site model from validated briefings: publication rules, ordering and the
 * topic, region and metric groupings every page and feed is made from.
 */
export function buildSiteModel(inputs: readonly BriefingInput[], options: ModelOptions): SiteModel {
  const held: Held[] = [];
  const briefings: Briefing[] = [];
  for (const input of inputs) {
    if (input.status !== 'reviewed') held.push({ id: input.id, reason: 'draft' });
    else if (input.publishAt && Date.parse(input.publishAt) > options.now.getTime()) {
      held.push({ id: input.id, reason: 'scheduled', until: input.publishAt });
    } else briefings.push(toBriefing(input, options.versions?.get(input.id)));
  }
  briefings.sort((a, b) => compare(b.publishedAt, a.publishedAt) || compare(a.id, b.id));
  held.sort((a, b) => compare(a.id, b.id));

  const topics = new Map<string, Briefing[]>();
  const regions = new Map<string, Briefing[]>();
  const metrics = new Map<string, Indicator[]>();
  for (const briefing of briefings) {
    push(regions, briefing.input.region, briefing);
    for (const topic of briefing.topics) push(topics, topic, briefing);
    for (const indicator of briefing.indicators) push(metrics, indicator.input.metric, indicator);
  }
  for (const series of metrics.values()) {
    series.sort(
      (a, b) => comparePeriods(a.input.period, b.input.period) || compare(a.briefing.publishedAt, b.briefing.publishedAt) || compare(a.input.id, b.input.id),
    );
  }
  return {
    briefings,
    topics: sortKeys(topics),
    regions: sortKeys(regions),
    metrics: sortKeys(metrics),
    held,
    hierarchy: options.hierarchy ?? hierarchyOf(projectRegionTree()),
  };
}

function toBriefing(input: BriefingInput, knownVersion: string | undefined): Briefing {
  const publishedAt = instant(input.publishAt ?? input.published);
  const changes = [input.updated, ...(input.corrections ?? []).map((c) => c.date)].filter((d): d is string => d !== undefined);
  // biome-ignore lint/complexity/useMathMinMax: ISO instants, compared as text
  const updatedAt = changes.map(instant).reduce((latest, d) => (d > latest ? d : latest), publishedAt);
  const briefing: { -readonly [K in keyof Briefing]: Briefing[K] } = {
    input,
    id: input.id,
    version: knownVersion ?? createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 20),
    indicators: [],
    publishedAt,
    updatedAt,
    topics: [...new Set(input.indicators.map((i) => i.topic))].sort(),
  };
  briefing.indicators = oneRowPerFact(input.indicators.map((i) => toIndicator(i, briefing)));
  return briefing;
}

function toIndicator(input: IndicatorInput, briefing: Briefing): Indicator {
  const unit = parseUnitKey(input.unit);
  if (!unit) throw new Error(`unvalidated unit key "${input.unit}" in briefing ${briefing.id}`);
  return {
    input,
    briefing,
    region: briefing.input.region,
    quantity: { value: decimal(input.value), unit, qualifier: input.qualifier, ...(input.upper !== undefined && { upper: decimal(input.upper) }) },
    ...(input.change && {
      change: {
        value: decimal(input.change.value),
        unit: input.change.unit,
        qualifier: input.change.qualifier ?? 'exact',
        ...(input.change.upper !== undefined && { upper: decimal(input.change.upper) }),
        ...(input.change.averageOver && { averageOver: input.change.averageOver }),
        ...(input.change.over && { over: input.change.over }),
      },
    }),
    ...(input.rank && { rank: input.rank }),
  };
}

const LEVEL_KINDS = new Set(['level', 'count']);

/**
 * "超2.2万亿元、增长6%" is one fact: the extractor may record it as a level row and a growth row with
 * the same quote, metric and year. Readers see the level with its change on one row; the data file keeps both.
 */
function oneRowPerFact(indicators: Indicator[]): Indicator[] {
  const levels = new Map<string, number>();
  const keyOf = (i: Indicator) => `${i.input.metric}\0${JSON.stringify(i.input.period)}\0${i.input.quote}`;
  indicators.forEach((i, index) => {
    if (LEVEL_KINDS.has(i.input.kind) && !i.change && !levels.has(keyOf(i))) levels.set(keyOf(i), index);
  });
  const out: Array<Indicator | undefined> = [...indicators];
  indicators.forEach((i, index) => {
    const at = i.input.kind === 'growth' ? levels.get(keyOf(i)) : undefined;
    const level = at === undefined ? undefined : out[at];
    if (at === undefined || !level || level.change || !CHANGE_UNIT_KEYS.has(i.input.unit)) return;
    const change: Change = {
      value: i.quantity.value,
      unit: i.input.unit as ChangeUnit,
      qualifier: i.quantity.qualifier,
      ...(i.quantity.upper && { upper: i.quantity.upper }),
    };
    out[at] = { ...level, change, merged: [...(level.merged ?? []), i.input.id] };
    out[index] = undefined;
  });
  return out.filter((i): i is Indicator => i !== undefined);
}

const CHANGE_UNIT_KEYS = new Set<string>(CHANGE_UNITS);

/** The year a period ends in: a span (2021–2025) is placed at its last year. */
export function yearOf(period: Period): number {
  return periodSpan(period).to;
}

/** A date alone means the start of that day in China (UTC+8), where the reports are published. */
function instant(dateOrInstant: string): string {
  return new Date(dateOrInstant.length === 10 ? `${dateOrInstant}T00:00:00+08:00` : dateOrInstant).toISOString();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sortKeys<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map.entries()].sort(([a], [b]) => compare(a, b)));
}

/** Earlier start first; a single year before a span starting with it. */
function comparePeriods(a: Period, b: Period): number {
  const [x, y] = [periodSpan(a), periodSpan(b)];
  return x.from - y.from || x.to - y.to;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
