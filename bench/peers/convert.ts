/**
 * The bench's synthetic briefings (bench/gen-data.ts) as the peer generators read them: one Hugo
 * content file per briefing and language (JSON front matter), and one Eleventy data file. Names,
 * figures and units are resolved here from our locales, so the peers only lay words out (the
 * conversion is not timed, as in ../shared/peers). The site shape: a page per briefing and
 * language (header, summary, the indicator table, a section list, hreflang alternates, a
 * language switch), an index and an RSS feed (50 newest) per language, sitemaps, a root redirect.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Localisation } from '../../lambdas/core/i18n/localisation';
import type { BriefingInput } from '../../lambdas/core/model/schema';
import { type Briefing, buildSiteModel } from '../../lambdas/core/model/site';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const PEER_LANGS = ['zh', 'en'] as const;

interface PeerRow {
  readonly metric: string;
  readonly figure: string;
  readonly change: string;
  readonly quote: string;
}

interface PeerPage {
  readonly title: string;
  readonly summary: string;
  readonly rows: readonly PeerRow[];
  readonly sections: readonly string[];
}

export interface PeerBriefing {
  readonly id: string;
  readonly date: string;
  readonly zh: PeerPage;
  readonly en: PeerPage;
}

const plain = (markdown: string | undefined) => (markdown ?? '').replace(/\*\*/g, '');

function peerPage(briefing: Briefing, lang: 'zh' | 'en', localisation: Localisation): PeerPage {
  const { t } = localisation.lexicons[lang];
  const format = localisation.formatters[lang];
  const doc = briefing.input;
  return {
    title: doc.title[lang],
    summary: plain(doc.summary?.[lang]),
    rows: briefing.indicators.map((i) => ({
      metric: t(`metrics:${i.input.metric}`),
      figure: format.amount(i.quantity),
      change: i.change ? format.change(i.change) : '',
      quote: i.input.quote,
    })),
    sections: [...new Set(doc.indicators.map((i) => t(`topics:${i.topic}`)))].slice(0, 6),
  };
}

/** Reads DATA/briefings/*.json, newest first (published, then id), as the peers' data set. */
export function peerData(dataDir: string, localisation: Localisation): PeerBriefing[] {
  const dir = join(dataDir, 'briefings');
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as BriefingInput);
  // The synthetic data is valid by construction; the model gives typed figures and our order (newest first).
  const model = buildSiteModel(docs, { now: new Date('2100-01-01T00:00:00Z') });
  return model.briefings.map((b) => ({ id: b.id, date: b.input.published, zh: peerPage(b, 'zh', localisation), en: peerPage(b, 'en', localisation) }));
}

/** Writes the Hugo site (templates from bench/peers/hugo, content from the data) into SITE. */
export function writeHugoSite(briefings: readonly PeerBriefing[], site: string): void {
  rmSync(site, { recursive: true, force: true });
  cpSync(join(HERE, 'hugo'), site, { recursive: true });
  for (const lang of PEER_LANGS) mkdirSync(join(site, 'content', lang, 'briefings'), { recursive: true });
  for (const b of briefings) writeHugoBriefing(b, site);
}

export function writeHugoBriefing(b: PeerBriefing, site: string): void {
  for (const lang of PEER_LANGS) {
    const page = b[lang];
    const front = { title: page.title, date: `${b.date}T00:00:00+08:00`, summary: page.summary, rows: page.rows, sections: page.sections };
    writeFileSync(join(site, 'content', lang, 'briefings', `${b.id}.md`), `${JSON.stringify(front)}\n`);
  }
}

/** Writes the Eleventy site (11ty.js templates from bench/peers/eleventy, one data file) into SITE. */
export function writeEleventySite(briefings: readonly PeerBriefing[], site: string): void {
  rmSync(site, { recursive: true, force: true });
  cpSync(join(HERE, 'eleventy'), site, { recursive: true });
  writeEleventyData(briefings, site);
}

export function writeEleventyData(briefings: readonly PeerBriefing[], site: string): void {
  mkdirSync(join(site, '_data'), { recursive: true });
  writeFileSync(join(site, '_data', 'briefings.json'), JSON.stringify(briefings));
}
