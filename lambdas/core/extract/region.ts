/**
 * The region a report is about, read from its title and first lines:
 *
 *     2026年四川省政府工作报告
 *     ——2026年1月28日在云南省第十四届人民代表大会第四次会议上
 *     成都市人民政府市长 …
 *
 * The names written there are matched against the glossary's region names (full, as the last part of
 * a nested name, or short: 四川 for 四川省, 广西 for 广西壮族自治区). A name the glossary lacks becomes a
 * proposal: a key from its pinyin, its Chinese name as written and a draft English name, for the
 * editor to accept. Pure.
 */
import { pinyin } from 'pinyin-pro';
import type { Localisation } from '../i18n/localisation';
import { regionAliases } from './regionNames';
import romanisedFile from './romanised.json' with { type: 'json' };
import { capitalise } from '../util/text';

export interface RegionReading {
  readonly key: string;
  /** Set when `key` is not in the glossary: the name as written and a draft English name. */
  readonly proposed?: { readonly zh: string; readonly en: string };
}

/** The report's own heading lines: the title, the delivery line, the speaker's office. */
const OPENING = 1500;
const NAME = '[\\u4e00-\\u9fff]{2,16}?';
/** Administrative suffixes, longest first: what a short name drops (广西壮族自治区 → 广西). */
const SUFFIXES = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '地区',
  '新区',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '区',
  '旗',
];
const SUFFIX = `(?:${SUFFIXES.join('|')})`;
/** Ways the opening names the region; each captures the name with its suffix. */
const OPENING_PATTERNS: readonly RegExp[] = [
  new RegExp(`(?:^|\\n|年)(${NAME}${SUFFIX})(?:人民)?政府工作报告`, 'g'),
  new RegExp(`在(${NAME}${SUFFIX})第[一二三四五六七八九十]+届人民代表大会`, 'g'),
  new RegExp(`(?:^|\\n)(${NAME}${SUFFIX})(?:人民政府)?(?:省长|市长|主席|州长|区长|县长|旗长|盟长)`, 'g'),
];
/** What the patterns catch that names no place: 自治区人民政府主席 (the office), 全省, 本市. */
const NOT_NAMES = /^(?:自治|[全本我各].?|.*(?:人民|政府).*)$/;
/** English words for the level a suffix names; provinces and cities go by their name alone. */
const LEVEL_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:自治区|特别行政区)$/, ''],
  [/(?:自治州)$/, ' Autonomous Prefecture'],
  [/(?:自治县)$/, ' Autonomous County'],
  [/新区$/, ' New Area'],
  [/区$/, ' District'],
  [/县$/, ' County'],
  [/旗$/, ' Banner'],
];

export class RegionError extends Error {
  override name = 'RegionError';
}

interface Known {
  readonly key: string;
  /** Names that identify it: full, last part, short form. */
  readonly names: readonly string[];
}

export function detectRegion(localisation: Localisation, text: string): RegionReading {
  const known = knownRegions(localisation);
  const opening = text.slice(0, OPENING);
  const written = namesIn(opening);
  for (const name of written) {
    const match = bestMatch(known, name);
    if (match) return { key: match };
  }
  const first = written[0];
  if (first) return propose(first, new Set(known.map((k) => k.key)));
  // The opening names none in a title form: a glossary region named in the opening at all (longest name first).
  const inOpening = known
    .flatMap((k) => k.names.filter((n) => n.length >= 2 && opening.includes(n)).map((n) => ({ key: k.key, n })))
    .sort((a, b) => b.n.length - a.n.length)[0];
  if (inOpening) return { key: inOpening.key };
  throw new RegionError('no region named in the title or first lines (e.g. “2026年四川省政府工作报告”); pass --region');
}

/** Names written in the opening's title, delivery and office lines, in text order. */
export function namesIn(opening: string): string[] {
  const found: Array<{ at: number; name: string }> = [];
  for (const pattern of OPENING_PATTERNS) {
    for (const m of opening.matchAll(pattern)) found.push({ at: m.index ?? 0, name: m[1] as string });
  }
  const names = found.sort((a, b) => a.at - b.at).map((f) => f.name);
  return [...new Set(names.filter((name) => !NOT_NAMES.test(shortName(name)) && shortName(name) !== name))];
}

/** Each glossary region with the names it goes by: its Chinese name, that name's own part and short form, and its aliases. */
function knownRegions(localisation: Localisation): Known[] {
  const zh = localisation.lexicons.zh.namespace('regions') as Record<string, unknown>;
  const aliases = regionAliases();
  return localisation.glossary.list('region').flatMap((key) => {
    const name = typeof zh[key] === 'string' ? (zh[key] as string) : '';
    if (!name) return [];
    const last = lastPart(name);
    return [{ key, names: [...new Set([name, last, shortName(last), ...(aliases[key] ?? [])])].filter((n) => n.length >= 2) }];
  });
}

/** The glossary region a written name is: equal to a full name, a last part or a short form. */
function bestMatch(known: readonly Known[], written: string): string | undefined {
  const forms = new Set([written, lastPart(written), shortName(lastPart(written))]);
  let best: { key: string; length: number } | undefined;
  for (const region of known) {
    for (const name of region.names) {
      if (forms.has(name) && (!best || name.length > best.length)) best = { key: region.key, length: name.length };
    }
  }
  return best?.key;
}

/** 成都市青白江区 → 青白江区: a nested name's own part. */
function lastPart(name: string): string {
  const parts = name.match(new RegExp(`[\\u4e00-\\u9fff]{2,}?${SUFFIX}`, 'g'));
  return parts && parts.join('') === name ? (parts[parts.length - 1] as string) : name;
}

/** 四川省 → 四川, 广西壮族自治区 → 广西, 青白江区 → 青白江; a two-character name keeps its suffix (津市 is not 津). */
export function shortName(name: string): string {
  const suffix = SUFFIXES.find((s) => name.endsWith(s));
  const short = suffix ? name.slice(0, -suffix.length) : name;
  return short.length >= 2 ? short : name;
}

/** A region the glossary lacks: key and English name from the pinyin of its short name. */
export function propose(written: string, taken: ReadonlySet<string>): RegionReading {
  const own = lastPart(written);
  const short = shortName(own);
  const spelt = ROMANISED[short] ?? capitalise((pinyin(short, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }) as string[]).join(''));
  const level = LEVEL_WORDS.find(([pattern]) => pattern.test(own))?.[1] ?? '';
  const slug = spelt
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
  let key = /^[a-z]{2}/.test(slug) ? slug : `region-${hash(written)}`;
  if (taken.has(key)) key = `${key}-${level.trim().toLowerCase().replace(/\s+/g, '-') || hash(written)}`;
  const english = /[A-Za-z]/.test(spelt) ? `${spelt}${level}` : `DRAFT: ${written}`;
  return { key, proposed: { zh: written, en: english } };
}

const ROMANISED = Object.fromEntries(Object.entries(romanisedFile).filter(([k]) => !k.startsWith('$'))) as Record<string, string>;

/** A short, stable, ASCII-safe tag for a name nothing else spells. */
function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(36);
}
