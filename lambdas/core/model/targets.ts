import { type Decimal, shift, toNumber } from '../quantity/decimal';
import { type Indicator, type SiteModel, yearOf } from './site';

export type Verdict = 'met' | 'missed' | 'pending';

/** A target beside the outcome that later data reports for the same metric, region and year. */
export interface TargetCheck {
  readonly target: Indicator;
  readonly outcome?: Indicator;
  readonly verdict: Verdict;
}

/**
 * Tolerance for "about X" (约/左右): half a percentage point for rates (percent, points), 5% of X
 * for anything else. Stated on the targets page; change it there too (locales ui:targets.rule).
 */
export const ABOUT_POINTS = 0.5;
export const ABOUT_SHARE = 0.05;

/**
 * Every target of the site with its outcome and verdict, targets by region, year and metric.
 * The outcome is the latest-published stated figure (not a target) of the same metric, region and
 * year that measures the same thing in the same unit: a growth target meets a growth figure or a
 * level's stated change; a level, count or share target meets a figure in the same base unit; a
 * rank target meets a rank among the same peers.
 */
export function checkTargets(model: SiteModel, upperOf: (i: Indicator) => Decimal | undefined = () => undefined): TargetCheck[] {
  const stated = new Map<string, Indicator[]>();
  for (const series of model.metrics.values()) {
    for (const i of series) {
      if (i.input.kind === 'target') continue;
      const key = `${i.input.metric}\0${i.region}\0${yearOf(i.input.period)}`;
      stated.set(key, [...(stated.get(key) ?? []), i]);
    }
  }
  const checks: TargetCheck[] = [];
  for (const series of model.metrics.values()) {
    for (const target of series) {
      if (target.input.kind !== 'target') continue;
      const candidates = stated.get(`${target.input.metric}\0${target.region}\0${yearOf(target.input.period)}`) ?? [];
      let outcome: { indicator: Indicator; value: number } | undefined;
      for (const c of candidates) {
        const value = comparable(target, c);
        if (value !== undefined && (!outcome || c.briefing.publishedAt >= outcome.indicator.briefing.publishedAt)) outcome = { indicator: c, value };
      }
      const verdict: Verdict = outcome ? judge(target, outcome.value, upperOf(target)) : 'pending';
      checks.push({ target, ...(outcome && { outcome: outcome.indicator }), verdict });
    }
  }
  return checks.sort(
    (a, b) =>
      cmp(a.target.region, b.target.region) ||
      yearOf(a.target.input.period) - yearOf(b.target.input.period) ||
      cmp(a.target.input.metric, b.target.input.metric) ||
      cmp(a.target.briefing.id, b.target.briefing.id) ||
      cmp(a.target.input.id, b.target.input.id),
  );
}

function measureOf(i: Indicator): string {
  return i.input.kind === 'target' ? (i.input.measure ?? 'level') : i.input.kind;
}

/** The outcome's number in the target's terms, or none when they measure different things. */
function comparable(target: Indicator, outcome: Indicator): number | undefined {
  const measure = measureOf(target);
  if (measure === 'growth') {
    if (outcome.input.kind === 'growth' && outcome.input.unit === target.input.unit) return toNumber(outcome.quantity.value);
    if (outcome.change && outcome.change.unit === target.input.unit) return toNumber(outcome.change.value);
    return undefined;
  }
  if (measure === 'rank') {
    return outcome.rank && target.rank && outcome.rank.peers === target.rank.peers ? outcome.rank.position : undefined;
  }
  if (outcome.input.kind === 'growth' || outcome.input.kind === 'rank') return undefined;
  if (outcome.quantity.unit.base !== target.quantity.unit.base) return undefined;
  return toNumber(shift(outcome.quantity.value, outcome.quantity.unit.scale));
}

/**
 * The verdict rule (the page states it in words): a target is a floor unless it says "at most";
 * a falling target (下降3%) is met by falling at least as far; "more than X" needs more than X;
 * "about X" is met within the tolerance below X; a range X–Y is met from X ("at most" ranges up to Y);
 * a rank target is met by that place or better.
 */
export function judge(target: Indicator, outcome: number, upper?: Decimal): Verdict {
  const { quantity } = target;
  const scale = measureOf(target) === 'growth' || measureOf(target) === 'rank' ? 0 : quantity.unit.scale;
  const lower = toNumber(shift(quantity.value, scale));
  const top = upper === undefined ? lower : toNumber(shift(upper, scale));
  const ok = (b: boolean): Verdict => (b ? 'met' : 'missed');
  if (measureOf(target) === 'rank') return ok(outcome <= lower);
  const rate = ['percent', 'points'].includes(quantity.unit.base) || measureOf(target) === 'growth';
  const tolerance = rate ? ABOUT_POINTS : Math.abs(lower) * ABOUT_SHARE;
  const eps = 1e-9;
  switch (quantity.qualifier as string) {
    case 'under':
      return ok(outcome <= top + eps);
    case 'over':
    case 'more_than':
      return ok(outcome > lower + eps);
    case 'at_least':
      return ok(outcome >= lower - eps);
    case 'about':
    case 'nearly':
      return ok(lower < 0 ? outcome <= top + tolerance + eps : outcome >= lower - tolerance - eps);
    default:
      return ok(lower < 0 && upper === undefined ? outcome <= lower + eps : outcome >= lower - eps);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
