import { type Indicator, yearOf } from '../../model/site';
import { REGION_LEVELS, projectRegionTree } from '../../model/regions';
import type { RenderContext } from '../context';

/**
 * A metric's figures split by region, regions by level (province, then city, then district or
 * county) and key, each oldest period first. A district's 65 billion never sits in one series
 * with its city's 2.2 trillion.
 */
export function byRegion(ctx: RenderContext, metric: string, series: readonly Indicator[]): ReadonlyMap<string, readonly Indicator[]> {
  return ctx.memo('by-region', metric, () => {
    const groups = new Map<string, Indicator[]>();
    for (const i of series) {
      const list = groups.get(i.region);
      if (list) list.push(i);
      else groups.set(i.region, [i]);
    }
    return new Map([...groups].sort(([a], [b]) => compareRegions(a, b)));
  });
}

/**
 * The newest stated figure (not a target) of a series ordered oldest first: the latest year; in it
 * a level before a growth rate, a highlighted figure before others, the latest report, then the
 * first the editor listed.
 */
export function latestStated(series: readonly Indicator[]): Indicator | undefined {
  let best: Indicator | undefined;
  const rank = (i: Indicator) => [yearOf(i.input.period), i.input.kind === 'growth' ? 0 : 1, i.input.highlight ? 1 : 0];
  for (const i of series) {
    if (i.input.kind === 'target') continue;
    if (!best) {
      best = i;
      continue;
    }
    const [a, b] = [rank(i), rank(best)];
    const k = a.findIndex((v, n) => v !== b[n]);
    if (k >= 0 ? (a[k] ?? 0) > (b[k] ?? 0) : i.briefing.publishedAt > best.briefing.publishedAt) best = i;
  }
  return best;
}

/** The latest stated figure of each metric in each region, among `indicators`, metrics in key order. */
export function latestFigures(indicators: readonly Indicator[]): Indicator[] {
  const byKey = new Map<string, Indicator[]>();
  for (const i of indicators) {
    const key = `${i.input.metric}\0${i.region}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, list]) => latestStated(sortSeries(list)))
    .filter((i): i is Indicator => i !== undefined);
}

/** The topic a metric is filed under: the topic of its latest figure. */
export function topicOf(series: readonly Indicator[]): string {
  return series[series.length - 1]?.input.topic ?? '';
}

function sortSeries(list: Indicator[]): Indicator[] {
  return [...list].sort(
    (a, b) =>
      yearOf(a.input.period) - yearOf(b.input.period) ||
      (a.briefing.publishedAt < b.briefing.publishedAt ? -1 : a.briefing.publishedAt > b.briefing.publishedAt ? 1 : 0),
  );
}

/** Regions by level (province, prefecture, county), then key; a region outside the tree last. */
export function compareRegions(a: string, b: string): number {
  return levelRank(a) - levelRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function levelRank(region: string): number {
  const tree = projectRegionTree();
  return tree.has(region) ? REGION_LEVELS.indexOf(tree.level(region)) : REGION_LEVELS.length;
}
