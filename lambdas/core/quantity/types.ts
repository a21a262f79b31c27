import type { Decimal } from './decimal';
import type { Unit } from './unit';

export const QUALIFIERS = ['exact', 'over', 'about', 'at_least', 'under', 'reached'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** `times` is 倍: `增长1.4倍` (grew by 1.4 times) is a change of +140%. */
export const CHANGE_UNITS = ['percent', 'points', 'times'] as const;
export type ChangeUnit = (typeof CHANGE_UNITS)[number];

/** A stated amount: `超2.2万亿元` is `{ value: 2.2, unit: yuan_1e12, qualifier: over }`. */
export interface Quantity {
  readonly value: Decimal;
  readonly unit: Unit;
  readonly qualifier: Qualifier;
}

/** A signed change: `下降14.5%` is `{ value: -14.5, unit: percent }`. */
export interface Change {
  readonly value: Decimal;
  readonly unit: ChangeUnit;
  readonly qualifier: Qualifier;
}

/** A position among peers: `居副省级城市第4位` is `{ position: 4, peers: sub_provincial_cities }`. */
export interface Rank {
  readonly position: number;
  readonly peers: string;
}
