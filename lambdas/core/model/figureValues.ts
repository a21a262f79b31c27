import type { Localisation } from '../i18n/localisation';
import { type Decimal, abs, decimal, shift, toNumber, toPlain } from '../quantity/decimal';
import { type ChineseVocabulary, chineseVocabulary, readUnit } from '../quantity/parseChinese';
import type { Qualifier } from '../quantity/types';
import { RATE_BASES, parseUnitKey } from '../quantity/unit';
import { LIMITS } from './limits';
import type { BriefingInput } from './schema';
import type { Report } from './validate';

/**
 * Numbers that would only fail later, while rendering: a figure must stay finite and plausible
 * after its multiplier (`1e308` with `mu_1e4` is not), and must be the figure its quote states,
 * read with the shared grammar (`999` with `yuan_1e12` beside "…650.7亿元" is not).
 */
export function checkFigureValues(briefing: BriefingInput, localisation: Localisation, error: Report): void {
  const vocabulary = vocabularyOf(localisation);
  briefing.indicators.forEach((indicator, i) => {
    const unit = parseUnitKey(indicator.unit);
    if (!unit) return; // reported by the glossary check
    const scaled = shift(decimal(indicator.value), unit.scale);
    if (!plausible(scaled)) {
      error(['indicators', i, 'value'], `${indicator.value} × 10^${unit.scale} (${indicator.unit}) is beyond any figure a report states (at most ${LIMITS.magnitude})`);
      return;
    }
    if (indicator.change && !plausible(decimal(indicator.change.value))) error(['indicators', i, 'change', 'value'], `${indicator.change.value} is beyond any change a report states`);
    if (unit.base === 'ordinal') return;
    const stated = figuresIn(indicator.quote, vocabulary).filter((f) => f.base === unit.base);
    if (stated.length === 0) return; // the quote writes it in words the grammar does not read: nothing to compare
    if (stated.some((f) => agrees(abs(scaled), f.scaled, indicator.qualifier))) return;
    const written = stated.map((f) => `"${f.text}"`).join(', ');
    error(['indicators', i, 'value'], `${indicator.value} ${indicator.unit} (${toPlain(abs(scaled), { group: ',' })}) is not the figure the quote states (${written}); check the value and the unit's multiplier`);
  });
}

function plausible(value: Decimal): boolean {
  const n = Math.abs(toNumber(value));
  return Number.isFinite(n) && n <= LIMITS.magnitude;
}

/**
 * How far a stated figure may lie from the quote's: none for an exact figure; a tenth for an
 * approximate one; below it for "more than" (超650亿 may be given as over 600 亿), above it for "at most".
 */
function agrees(value: Decimal, quoted: Decimal, qualifier: Qualifier | string): boolean {
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

interface QuotedFigure {
  readonly text: string;
  readonly base: string;
  /** Absolute value after the multiplier. */
  readonly scaled: Decimal;
}

const NUMBER = /\d+(?:\.\d+)?/g;

/** Every number-with-unit in a quote, as the grammar reads units (`650.7亿元`, `5.5%`). */
function figuresIn(quote: string, vocabulary: ChineseVocabulary): QuotedFigure[] {
  const text = quote.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const figures: QuotedFigure[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const end = (match.index ?? 0) + match[0].length;
    const read = readUnit(text, end, vocabulary);
    if (!read || (RATE_BASES.has(read.unit.base) && read.unit.scale !== 0)) continue;
    figures.push({ text: text.slice(match.index, end + read.length), base: read.unit.base, scaled: shift(decimal(match[0]), read.unit.scale) });
  }
  return figures;
}

const vocabularies = new WeakMap<Localisation, ChineseVocabulary>();

function vocabularyOf(localisation: Localisation): ChineseVocabulary {
  let vocabulary = vocabularies.get(localisation);
  if (!vocabulary) {
    vocabulary = chineseVocabulary(localisation.lexicons.zh);
    vocabularies.set(localisation, vocabulary);
  }
  return vocabulary;
}
