import type { Lexicon } from '../i18n/lexicon';
import { type Decimal, abs, decimal, isZero, magnitude, round, shift, toNumber, toPlain } from './decimal';
import { chineseNumeral } from './numerals';
import type { Change, Qualifier, Quantity, Rank } from './types';
import { COMMENSURABLE, CONVERSIONS, RATE_BASES, type Unit, inOtherBase } from './unit';

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

/** Writes the plain digits of one bound, e.g. adding 多 in Chinese (`600多`). */
type Mark = (plain: string) => string;
const asIs: Mark = (plain) => plain;

/**
 * Writes typed quantities in one language, house style:
 *
 *     7489.8 yuan_1e8      → en "748.98 billion yuan"        zh "7489.8亿元"
 *     over 2.2 yuan_1e12   → en "more than 2.2 trillion yuan" zh "超2.2万亿元"
 *     21.5 mu_1e4          → en "215,000 mu (14,333 ha)"     zh "21.5万亩"
 *     change −14.5 percent → en "down 14.5%"                 zh "下降14.5%"
 *     change 5.2 percent averaged over 2021–2025
 *                          → en "up an average of 5.2% a year in 2021-2025"  zh "2021—2025年年均增长5.2%"
 *     change 2.4 times over 2021–2025 → en "up 240% over 2021-2025"  zh "2021—2025年累计增长2.4倍"
 *     rank 4 of sub_provincial_cities → en "4th among sub-provincial cities"
 *     50..80 yuan_1e8              → en "5-8 billion yuan"           zh "50亿至80亿元"
 *     more_than 20 person_1e4      → en "more than 200,000 people"   zh "20多万人"
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
    return this.qualify(quantity.qualifier, this.bare(quantity));
  }

  change(change: Change): string {
    // `2021—2025年翻一番`: doublings over years are written as the rise they make (up 100% over 2021-2025).
    if (change.unit === 'doubling' && change.over) return this.change({ ...change, value: decimal(this.doublingPercent(change)), unit: 'percent' });
    if (change.unit === 'doubling') return this.doubling(change);
    // zero change reads "unchanged" whatever its unit
    if (isZero(change.value) && !change.upper && !change.against) return this.lexicon.t('ui:change.flat');
    const { direction, low, high } = directionOf(change);
    const unit: Unit = { key: change.unit, base: change.unit, scale: 0 };
    const aim = change.qualifier === 'aim';
    const value = this.amount({ value: low, unit, qualifier: aim ? 'exact' : change.qualifier, ...(high && { upper: high }) });
    if (change.against) {
      const reference = this.lexicon.t(`ui:reference.${change.against.reference}`);
      const key =
        change.against.relation === 'better'
          ? 'ui:change.gap.better'
          : change.against.relation === 'gap'
            ? `ui:change.gap.${direction === 'up' ? 'above' : 'below'}`
            : `ui:change.from.${direction}${change.unit === 'points' ? 'Points' : ''}`;
      const text = this.lexicon.t(key, { value, reference });
      return aim ? this.qualify('aim', text) : text;
    }
    const span = change.averageOver ?? change.over;
    if (span) {
      const period = this.period(span.from, span.to);
      return this.lexicon.t(`ui:change.${change.averageOver ? 'average' : 'over'}.${aim ? 'aim.' : ''}${direction}`, { value, period });
    }
    return this.lexicon.t(aim ? `ui:change.aim.${direction}` : `ui:change.${direction}`, { value });
  }

  /** Each peer group carries its own phrase after the ordinal (en peers.json: "among sub-provincial cities", "in western China", "nationwide"). */
  rank(rank: Rank): string {
    const vars = { count: rank.position, ordinal: true };
    if (rank.peers === undefined) return this.lexicon.t('ui:rankAlone', vars);
    return this.lexicon.t('ui:rank', { ...vars, peers: this.lexicon.t(`peers:${rank.peers}`) });
  }

  /** `前10%` → "top 10%"; with peers "top 10% nationwide". */
  top(value: Decimal, percent: boolean, peers?: string): string {
    const plain = toPlain(value, { group: this.system.group });
    const n = percent ? this.lexicon.t('units:percent', { n: plain }) : plain;
    if (peers === undefined) return this.lexicon.t('ui:top.alone', { n });
    return this.lexicon.t('ui:top.among', { n, peers: this.lexicon.t(`peers:${peers}`) });
  }

  /**
   * A share written as a fraction, in digits in both languages: `1/10以上` → "at least 1/10". Words
   * ("a third") would need a name for every denominator, and 1/3 has no exact percentage.
   */
  fraction(numerator: number, denominator: number, qualifier: Qualifier): string {
    return this.qualify(qualifier, this.lexicon.t('ui:figure.fraction', { numerator, denominator }));
  }

  /** A size class, 10^power: `千亿级` → "100-billion class". */
  tier(power: number): string {
    const one = decimal(1);
    const { scaling, scales } = this.system;
    const n =
      scaling === 'as-written'
        ? scales.includes(power)
          ? this.scaled(power, '')
          : toPlain(shift(one, power))
        : this.number(one, { key: 'number', base: 'number', scale: power }).replace(/ /g, '-');
    return this.lexicon.t('ui:figure.tier', { n });
  }

  /** A year, or a span of years: "2030", "2026-2030"; zh "2030年", "2026—2030年". */
  period(from: number, to: number = from): string {
    return from === to ? this.lexicon.t('ui:period.year', { year: from }) : this.lexicon.t('ui:period.range', { from, to });
  }

  /** A five-year plan by its number: 15 → "the 15th Five-Year Plan period (2026-2030)", zh "十五五". */
  plan(plan: number, from: number, to: number): string {
    const period = this.period(from, to);
    return this.lexicon.t('ui:figure.plan', { count: plan, ordinal: true, numeral: chineseNumeral(plan), period });
  }

  /** The number alone in this language's style: "748.98 billion", "7489.8亿", "69,000". */
  number(value: Decimal, unit: Unit, mark: Mark = asIs): string {
    const { scaling, group, scales } = this.system;
    if (scaling === 'as-written' || RATE_BASES.has(unit.base)) {
      const plain = mark(toPlain(value, { group }));
      if (unit.scale === 0) return plain;
      if (!scales.includes(unit.scale)) throw new RangeError(`no ${this.lexicon.tag} word for 10^${unit.scale} (unit ${unit.key})`);
      return this.scaled(unit.scale, plain);
    }
    const total = shift(value, unit.scale);
    const fit = scales.find((power) => magnitude(total) >= power);
    return fit === undefined ? mark(toPlain(total, { group })) : this.scaled(fit, mark(toPlain(shift(total, -fit), { group })));
  }

  /**
   * Both bounds of a range: Chinese writes each as the source did (`50亿至80亿`), English puts
   * both in the largest magnitude the lower bound fits, so no digit is lost (`5-8 billion`).
   */
  private rangeNumber(lower: Decimal, upper: Decimal, unit: Unit, mark: Mark): string {
    const { scaling, group, scales } = this.system;
    const pattern = this.rangePattern(unit.base);
    if (scaling === 'as-written' || RATE_BASES.has(unit.base)) {
      return this.lexicon.t(pattern, { from: this.number(lower, unit, mark), to: this.number(upper, unit, mark) });
    }
    const [low, high] = [shift(lower, unit.scale), shift(upper, unit.scale)];
    const fit = scales.find((power) => magnitude(abs(low)) >= power && magnitude(abs(high)) >= power) ?? 0;
    const write = (total: Decimal) => mark(toPlain(shift(total, -fit), { group }));
    const joined = this.lexicon.t(pattern, { from: write(low), to: write(high) });
    return fit === 0 ? joined : this.scaled(fit, joined);
  }

  private rangePattern(base: string): string {
    const ranges = (this.lexicon.namespace('numbers') as { ranges?: Record<string, string> }).ranges ?? {};
    return base in ranges ? `numbers:ranges.${base}` : 'numbers:range';
  }

  private scaled(power: number, n: string): string {
    return this.lexicon.t(`numbers:scales.${power}`, { n });
  }

  private bare(quantity: Quantity): string {
    const { value, unit, upper } = quantity;
    // 600多家 marks the number; a rate carries the mark after its unit (1倍多, 5%多)
    const rate = RATE_BASES.has(unit.base);
    const mark = this.mark(quantity.qualifier);
    const digitsMark = rate ? asIs : mark;
    const n = upper ? this.rangeNumber(value, upper, unit, digitsMark) : this.number(value, unit, digitsMark);
    const total = shift(upper ?? value, unit.scale);
    const vars: Record<string, unknown> = { n, count: toNumber(total) };
    const conversion = CONVERSIONS[unit.base];
    if (conversion) {
      const derive = (bound: Decimal) =>
        'divisor' in conversion
          ? this.gloss(toNumber(shift(bound, unit.scale)) / conversion.divisor)
          : toPlain(shift(bound, unit.scale + conversion.shift), { group: this.system.group });
      vars[conversion.variable] = upper ? this.lexicon.t(this.rangePattern(''), { from: derive(value), to: derive(upper) }) : derive(value);
    }
    const same = COMMENSURABLE[unit.base];
    const lower = inOtherBase(value, unit);
    if (same && lower) {
      // Exact, not a gloss: the factor is a definition (a jin is half a kilogram).
      const top = upper && inOtherBase(upper, unit);
      const otherUnit: Unit = { key: lower.base, base: lower.base, scale: 0 };
      const n = top ? this.rangeNumber(lower.value, top.value, otherUnit, asIs) : this.number(lower.value, otherUnit);
      vars[same.variable] = this.lexicon.t(`units:${lower.base}`, { n, count: toNumber((top ?? lower).value) });
    }
    const text = this.lexicon.t(`units:${unit.base}`, vars);
    return rate ? mark(text) : text;
  }

  /** 翻一番 (one doubling) → "to double"; 翻两番 → "up 300%". */
  private doublingPercent(change: Change): string {
    const n = toNumber(change.value);
    if (!Number.isInteger(n) || n < 1 || n > 9 || change.upper)
      throw new RangeError(`翻番 is a whole number of doublings from 1 to 9, not ${toPlain(change.value)}`);
    return ((2n ** BigInt(n) - 1n) * 100n).toString();
  }

  private doubling(change: Change): string {
    const n = toNumber(change.value);
    const percent = toPlain(decimal(this.doublingPercent(change)), { group: this.system.group });
    const key = change.qualifier === 'aim' ? 'ui:change.doublingAim' : 'ui:change.doubling';
    const text = this.lexicon.t(key, { count: n, percent, numeral: chineseNumeral(n, { liang: true }) });
    return change.qualifier === 'aim' || change.qualifier === 'exact' ? text : this.qualify(change.qualifier, text);
  }

  /** A rounded companion figure, never a stated one. */
  private gloss(value: number): string {
    const rounded = round(decimal(value), Math.abs(value) >= 10 ? 0 : 1);
    return toPlain(rounded, { group: this.system.group });
  }

  /** Qualifiers some languages write on the number itself (`600多家`), not around the figure. */
  private mark(qualifier: Qualifier): Mark {
    const marks = (this.lexicon.namespace('ui') as { qualifierNumber?: Record<string, string> }).qualifierNumber ?? {};
    return qualifier in marks ? (n) => this.lexicon.t(`ui:qualifierNumber.${qualifier}`, { n }) : asIs;
  }

  private qualify(qualifier: Qualifier, value: string): string {
    return this.lexicon.t(`ui:qualifier.${qualifier}`, { value });
  }
}

/** Which way a change goes and its size: a range of falls −5..−3 is "down 3-5%". */
function directionOf(change: Change): { direction: 'up' | 'down'; low: Decimal; high?: Decimal } {
  const { value, upper } = change;
  if (!upper) return { direction: value.sign < 0 && !isZero(value) ? 'down' : 'up', low: abs(value) };
  if (value.sign > 0 || isZero(value)) return { direction: 'up', low: value, high: upper };
  if (upper.sign < 0 || isZero(upper)) return { direction: 'down', low: abs(upper), high: abs(value) };
  throw new RangeError(`a change from ${toPlain(value)} to ${toPlain(upper)} is neither a rise nor a fall`);
}
