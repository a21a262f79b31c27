import type { Lexicon } from '../i18n/lexicon';
import { type Decimal, abs, decimal, isZero, magnitude, round, shift, toNumber, toPlain } from './decimal';
import type { Change, Quantity, Rank } from './types';
import { CONVERSIONS, RATE_BASES, type Unit } from './unit';

/**
 * How a language writes big numbers, read from `locales/<lang>/numbers.json`:
 * English rescales to the largest fitting magnitude (`748.98 billion`), Chinese keeps the
 * multiplier the source wrote (`7489.8亿`).
 */
interface NumberSystem {
  readonly scaling: 'magnitude' | 'as-written';
  readonly group: string;
  /** Powers of ten with a word in this language, descending (English: 12, 9, 6). */
  readonly scales: readonly number[];
}

function numberSystem(lexicon: Lexicon): NumberSystem {
  const raw = lexicon.namespace('numbers') as { scaling?: string; group?: string; scales?: Record<string, string> };
  const scaling = raw.scaling === 'as-written' ? 'as-written' : 'magnitude';
  const scales = Object.keys(raw.scales ?? {})
    .map(Number)
    .sort((a, b) => b - a);
  return { scaling, group: raw.group ?? '', scales };
}

/**
 * Writes typed quantities in one language, house style:
 *
 *     7489.8 yuan_1e8      → en "748.98 billion yuan"        zh "7489.8亿元"
 *     over 2.2 yuan_1e12   → en "more than 2.2 trillion yuan" zh "超2.2万亿元"
 *     21.5 mu_1e4          → en "215,000 mu (14,333 ha)"     zh "21.5万亩"
 *     change −14.5 percent → en "down 14.5%"                 zh "下降14.5%"
 *     rank 4 of sub_provincial_cities → en "4th among sub-provincial cities"
 */
export class QuantityFormatter {
  private readonly system: NumberSystem;

  constructor(private readonly lexicon: Lexicon) {
    this.system = numberSystem(lexicon);
  }

  /** Whether this language can write the unit's multiplier (Chinese has no word for 10^5). */
  supportsScale(scale: number): boolean {
    return scale === 0 || this.system.scaling === 'magnitude' || this.system.scales.includes(scale);
  }

  amount(quantity: Quantity): string {
    return this.qualify(quantity.qualifier, this.bare(quantity.value, quantity.unit));
  }

  change(change: Change): string {
    if (isZero(change.value)) return this.lexicon.t('ui:change.flat');
    const direction = change.value.sign < 0 ? 'down' : 'up';
    const unit: Unit = { key: change.unit, base: change.unit, scale: 0 };
    // zero change reads "unchanged" whatever its unit
    const value = this.amount({ value: abs(change.value), unit, qualifier: change.qualifier });
    return this.lexicon.t(`ui:change.${direction}`, { value });
  }

  rank(rank: Rank): string {
    const peers = this.lexicon.t(`peers:${rank.peers}`);
    return this.lexicon.t('ui:rank', { count: rank.position, ordinal: true, peers });
  }

  /** The number alone in this language's style: "748.98 billion", "7489.8亿", "69,000". */
  number(value: Decimal, unit: Unit): string {
    const { scaling, group, scales } = this.system;
    if (scaling === 'as-written' || RATE_BASES.has(unit.base)) {
      const plain = toPlain(value, { group });
      if (unit.scale === 0) return plain;
      if (!scales.includes(unit.scale)) throw new RangeError(`no ${this.lexicon.tag} word for 10^${unit.scale} (unit ${unit.key})`);
      return this.scaled(unit.scale, plain);
    }
    const total = shift(value, unit.scale);
    const fit = scales.find((power) => magnitude(total) >= power);
    return fit === undefined ? toPlain(total, { group }) : this.scaled(fit, toPlain(shift(total, -fit), { group }));
  }

  private scaled(power: number, n: string): string {
    return this.lexicon.t(`numbers:scales.${power}`, { n });
  }

  private bare(value: Decimal, unit: Unit): string {
    const total = shift(value, unit.scale);
    const vars: Record<string, unknown> = { n: this.number(value, unit), count: toNumber(total) };
    const conversion = CONVERSIONS[unit.base];
    if (conversion && 'divisor' in conversion) vars[conversion.variable] = this.gloss(toNumber(total) / conversion.divisor);
    if (conversion && 'shift' in conversion) vars[conversion.variable] = toPlain(shift(total, conversion.shift), { group: this.system.group });
    return this.lexicon.t(`units:${unit.base}`, vars);
  }

  /** A rounded companion figure, never a stated one. */
  private gloss(value: number): string {
    const rounded = round(decimal(value), Math.abs(value) >= 10 ? 0 : 1);
    return toPlain(rounded, { group: this.system.group });
  }

  private qualify(qualifier: Quantity['qualifier'], value: string): string {
    return this.lexicon.t(`ui:qualifier.${qualifier}`, { value });
  }
}
