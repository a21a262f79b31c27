import type { Decimal } from './decimal';
import type { Unit } from './unit';

/**
 * How a figure is bounded, as the source says it (DESIGN.md "English house style"):
 * `more_than` is 多/余/逾 after a number (`600多家`), `over` is 超/突破 before it; `nearly` is 近
 * (never "about"); `aim` is 力争/争取.
 */
export const QUALIFIERS = ['exact', 'over', 'about', 'at_least', 'under', 'reached', 'more_than', 'nearly', 'aim'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/**
 * `times` is 倍: `增长1.4倍` (grew by 1.4 times) is a change of +140%.
 * `doubling` is 翻番: `翻两番` is two doublings, a change of +300%.
 */
export const CHANGE_UNITS = ['percent', 'points', 'times', 'doubling'] as const;
export type ChangeUnit = (typeof CHANGE_UNITS)[number];

/**
 * A stated amount: `超2.2万亿元` is `{ value: 2.2, unit: yuan_1e12, qualifier: over }`.
 * A range has `upper` in the same unit: `50亿至80亿元` is `{ value: 50, upper: 80, unit: yuan_1e8 }`.
 */
export interface Quantity {
  readonly value: Decimal;
  readonly unit: Unit;
  readonly qualifier: Qualifier;
  /** Upper bound of a range, in `unit`; greater than `value`. */
  readonly upper?: Decimal;
}

/**
 * What a change or a gap is measured against: `比上年提高1.2个百分点` (a change from the previous
 * year) or `高于全国0.5个百分点` (a gap to the national average). `reference` is a key of
 * `ui:reference` in locales/.
 */
export interface Reference {
  readonly reference: string;
  /** `better`: a gap whose direction is what is better for the measure (`优于全国`), not above or below. */
  readonly relation: 'change' | 'gap' | 'better';
}

/** A signed change: `下降14.5%` is `{ value: -14.5, unit: percent }`. A range of falls has upper > value (−3 > −5). */
export interface Change {
  readonly value: Decimal;
  readonly unit: ChangeUnit;
  readonly qualifier: Qualifier;
  readonly upper?: Decimal;
  readonly against?: Reference;
  /** `年均增长5.2%`: the average yearly change over these years, not the change in one year. */
  readonly averageOver?: { readonly from: number; readonly to: number };
  /** `五年来…增长2.4倍`: the whole change over these years, not the change in one year. */
  readonly over?: { readonly from: number; readonly to: number };
}

/** A position among peers: `居副省级城市第4位` is `{ position: 4, peers: sub_provincial_cities }`; `第5位` has no peers. */
export interface Rank {
  readonly position: number;
  readonly peers?: string;
}
