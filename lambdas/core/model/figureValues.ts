import type { Localisation } from '../i18n/localisation';
import { type Decimal, abs, decimal, shift, toNumber, toPlain } from '../quantity/decimal';
import { type ChineseVocabulary, chineseVocabulary } from '../quantity/parseChinese';
import type { Qualifier } from '../quantity/types';
import { parseUnitKey } from '../quantity/unit';
import { LIMITS } from './limits';
import { quoteFigures } from './quoteFigures';
import type { BriefingInput } from './schema';
import type { Report } from './validate';

/**
 * Numbers that would only fail later, while rendering, or mislead readers: a figure must stay finite
 * and plausible after its multiplier (`1e308` with `mu_1e4` is not), and where the quote states a
 * figure in the same unit (read by the shared figure grammar), the value must be that figure within
 * its qualifier's bound (`999` with `yuan_1e12` beside "…650.7亿元" is not). Errors, unlike the
 * grammar's warning that a value is not written in its quote: this one compares magnitudes.
 * Returns the indices of the indicators it reported.
 */
export function checkFigureValues(briefing: BriefingInput, localisation: Localisation, error: Report): Set<number> {
  const vocabulary = vocabularyOf(localisation);
  const reported = new Set<number>();
  const report = (i: number, path: PropertyKey[], message: string) => {
    reported.add(i);
    error(['indicators', i, ...path], message);
  };
  briefing.indicators.forEach((indicator, i) => {
    const unit = parseUnitKey(indicator.unit);
    if (!unit) return; // reported by the glossary check
    const bounds = [indicator.value, indicator.upper].filter((n): n is number => n !== undefined).map((n) => shift(decimal(n), unit.scale));
    if (!bounds.every(plausible)) {
      report(i, ['value'], `${indicator.value} × 10^${unit.scale} (${indicator.unit}) is beyond any figure a report states (at most ${LIMITS.magnitude})`);
      return;
    }
    const change = indicator.change;
    if (change && ![change.value, change.upper].every((n) => n === undefined || plausible(decimal(n))))
      report(i, ['change', 'value'], `${change.value} is beyond any change a report states`);
    const measured = indicator.kind === 'target' ? (indicator.measure ?? 'level') : indicator.kind;
    if (measured === 'rank' || unit.base === 'ordinal') return;
    const stated = quoteFigures(indicator.quote, vocabulary).filter((f) => f.base === unit.base);
    if (stated.length === 0) return; // the grammar reads no figure in this unit: nothing to compare
    const totals = stated.flatMap((f) => f.totals);
    const lost = bounds.find((bound) => !totals.some((total) => agrees(abs(bound), total, indicator.qualifier)));
    if (lost === undefined) return;
    const written = stated.map((f) => `"${f.text}"`).join(', ');
    report(
      i,
      ['value'],
      `${indicator.value} ${indicator.unit} (${toPlain(abs(lost), { group: ',' })}) is not the figure the quote states (${written}); check the value and the unit's multiplier`,
    );
  });
  return reported;
}

function plausible(value: Decimal): boolean {
  const n = Math.abs(toNumber(value));
  return Number.isFinite(n) && n <= LIMITS.magnitude;
}

/**
 * How far a stated figure may lie from the quote's: none for an exact figure; a tenth for an
 * approximate one; below it for "more than" (超650亿 may be given as over 600 亿), above it for "at most".
 */
function agrees(value: Decimal, quoted: Decimal, qualifier: Qualifier): boolean {
  if (sameValue(value, quoted)) return true;
  const [v, q] = [toNumber(value), toNumber(quoted)];
  switch (qualifier) {
    case 'about':
    case 'nearly':
    case 'aim':
      return Math.abs(v - q) <= 0.1 * q;
    case 'over':
    case 'more_than':
    case 'at_least':
      return v <= q && v >= 0.9 * q;
    case 'under':
      return v >= q && v <= 1.1 * q;
    default:
      return false;
  }
}

function sameValue(a: Decimal, b: Decimal): boolean {
  return a.digits === b.digits && (a.digits === '0' || a.exponent === b.exponent);
}

const vocabularies = new WeakMap<Localisation, ChineseVocabulary>();

/** The Chinese vocabulary of a localisation, built once. */
export function vocabularyOf(localisation: Localisation): ChineseVocabulary {
  let vocabulary = vocabularies.get(localisation);
  if (!vocabulary) {
    vocabulary = chineseVocabulary(localisation.lexicons.zh);
    vocabularies.set(localisation, vocabulary);
  }
  return vocabulary;
}
