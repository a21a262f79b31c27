import type { Lang } from '../i18n/languages';
import type { Indicator } from '../model/site';
import { toPlain } from '../quantity/decimal';
import type { RenderContext } from './context';
import { OUTPUT_FORMATS, type PlannedFile } from './outputFormats';
import { versionsOf } from './pages';
import { type DataKind, routes } from './routes';
import { figureView, upperOf } from './views/indicators';

/**
 * One figure as a download row: numbers stay numbers (as written, with their unit key and its
 * power of ten), bounds explicit, every row traceable to its quote and source.
 */
export interface DataRow {
  readonly briefing: string;
  readonly id: string;
  readonly metric: string;
  readonly metric_en: string;
  readonly metric_zh: string;
  readonly region: string;
  readonly region_en: string;
  readonly region_zh: string;
  readonly topic: string;
  readonly kind: string;
  readonly measure: string;
  readonly period: string;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly unit: string;
  readonly unit_base: string;
  readonly unit_power: number;
  readonly qualifier: string;
  readonly change: number | null;
  readonly change_unit: string | null;
  readonly change_qualifier: string | null;
  /** `2021-2025` when the change is an average yearly one over those years (年均). */
  readonly change_average_over: string | null;
  /** `2021-2025` when the change is the whole change over those years. */
  readonly change_over: string | null;
  readonly rank: number | null;
  readonly rank_peers: string | null;
  readonly figure_en: string;
  readonly figure_zh: string;
  readonly quote: string;
  readonly source_title: string;
  readonly source_url: string | null;
  readonly published: string;
  readonly page_en: string;
  readonly page_zh: string;
}

const COLUMNS: ReadonlyArray<keyof DataRow> = [
  'briefing',
  'id',
  'metric',
  'metric_en',
  'metric_zh',
  'region',
  'region_en',
  'region_zh',
  'topic',
  'kind',
  'measure',
  'period',
  'value',
  'lower',
  'upper',
  'unit',
  'unit_base',
  'unit_power',
  'qualifier',
  'change',
  'change_unit',
  'change_qualifier',
  'change_average_over',
  'change_over',
  'rank',
  'rank_peers',
  'figure_en',
  'figure_zh',
  'quote',
  'source_title',
  'source_url',
  'published',
  'page_en',
  'page_zh',
];

const BOM = '\uFEFF';

export function dataRow(indicator: Indicator, ctx: RenderContext): DataRow {
  return ctx.memo('data-row', indicator, () => {
    const { input, briefing } = indicator;
    const t = (lang: Lang, key: string) => ctx.lexicon(lang).t(key);
    const statement = (lang: Lang) => figureView(indicator, ctx, lang).statement;
    const upper = upperOf(indicator);
    const page = (lang: Lang) => `${ctx.url(routes.briefing(lang, briefing.id))}#i-${input.id}`;
    return {
      briefing: briefing.id,
      id: input.id,
      metric: input.metric,
      metric_en: t('en', `metrics:${input.metric}`),
      metric_zh: t('zh', `metrics:${input.metric}`),
      region: indicator.region,
      region_en: t('en', `regions:${indicator.region}`),
      region_zh: t('zh', `regions:${indicator.region}`),
      topic: input.topic,
      kind: input.kind,
      measure: input.kind === 'target' ? (input.measure ?? 'level') : input.kind,
      period: typeof input.period === 'number' ? String(input.period) : spanOf(input.period),
      value: input.value,
      lower: input.value,
      upper: upper === undefined ? input.value : Number(toPlain(upper, { group: '' })),
      unit: input.unit,
      unit_base: indicator.quantity.unit.base,
      unit_power: indicator.quantity.unit.scale,
      qualifier: input.qualifier,
      change: indicator.change ? Number(toPlain(indicator.change.value, { group: '' })) : null,
      change_unit: indicator.change?.unit ?? null,
      change_qualifier: indicator.change?.qualifier ?? null,
      change_average_over: indicator.change?.averageOver ? spanOf(indicator.change.averageOver) : null,
      change_over: indicator.change?.over ? spanOf(indicator.change.over) : null,
      rank: input.rank?.position ?? null,
      rank_peers: input.rank?.peers ?? null,
      figure_en: statement('en'),
      figure_zh: statement('zh'),
      quote: input.quote.replace(/\s*\n\s*/g, ''),
      source_title: briefing.input.source.title.zh,
      source_url: briefing.input.source.url ?? null,
      published: briefing.input.published,
      page_en: page('en'),
      page_zh: page('zh'),
    };
  });
}

export type CsvValue = string | number | boolean | null;

/**
 * RFC 4180 CSV with a header row, UTF-8 with a byte-order mark so spreadsheet programs read the
 * Chinese; numbers stay numbers, a missing value is an empty cell (never 0).
 */
export function toCsv<C extends string>(columns: readonly C[], rows: ReadonlyArray<Readonly<Record<C, CsvValue>>>): string {
  const cell = (value: CsvValue) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${BOM + [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\r\n')}\r\n`;
}

export function toJson(title: string, url: string, rows: readonly DataRow[]): string {
  return `${JSON.stringify({ title, url, license: 'figures as stated in the Chinese sources quoted', figures: rows }, null, 2)}\n`;
}

/** The downloads a page offers: links for its template. */
export function downloadLinks(ctx: RenderContext, lang: Lang, kind: DataKind, key: string) {
  const t = (k: string) => ctx.lexicon(lang).t(`ui:downloads.${k}`);
  return {
    heading: t('heading'),
    csv: { href: ctx.href(routes.data(kind, key, 'csv')), label: t('csv') },
    json: { href: ctx.href(routes.data(kind, key, 'json')), label: t('json') },
    all: { href: ctx.href(routes.siteData('json')), label: t('all') },
    cite: t('cite'),
  };
}

/**
 * Every download: per indicator, briefing and region, and the whole site, in CSV and JSON. They
 * go out with the briefing pages (role "page"), before any page links to them.
 */
export function* renderDownloads(ctx: RenderContext): Generator<PlannedFile> {
  const sets: Array<['indicators' | 'briefings' | 'regions', string, readonly Indicator[]]> = [
    ...ctx.model.briefings.map((b): ['briefings', string, readonly Indicator[]] => ['briefings', b.id, b.indicators]),
    ...[...ctx.model.metrics].map(([metric, series]): ['indicators', string, readonly Indicator[]] => ['indicators', metric, series]),
    ...[...ctx.model.regions].map(([region, list]): ['regions', string, readonly Indicator[]] => ['regions', region, list.flatMap((b) => b.indicators)]),
  ];
  for (const [kind, key, indicators] of sets) {
    const owner = kind === 'briefings' ? key : undefined;
    const inputs = () => versionsOf([...new Set(indicators.map((i) => i.briefing))]);
    const title = () =>
      kind === 'briefings'
        ? (ctx.model.briefings.find((b) => b.id === key)?.input.title.en ?? key)
        : ctx.lexicon('en').t(`${kind === 'indicators' ? 'metrics' : 'regions'}:${key}`);
    yield* dataFiles(ctx, routes.data(kind, key, 'csv'), routes.data(kind, key, 'json'), title, indicators, inputs, owner);
  }
  const all = () => ctx.model.briefings.flatMap((b) => b.indicators);
  yield* dataFiles(
    ctx,
    routes.siteData('csv'),
    routes.siteData('json'),
    () => ctx.lexicon('en').t('ui:site.name'),
    all(),
    () => versionsOf(ctx.model.briefings),
  );
}

function* dataFiles(
  ctx: RenderContext,
  csvRoute: string,
  jsonRoute: string,
  title: () => string,
  indicators: readonly Indicator[],
  inputs: () => readonly string[],
  owner?: string,
): Generator<PlannedFile> {
  for (const [route, format] of [
    [csvRoute, 'csv'],
    [jsonRoute, 'json'],
  ] as const) {
    const path = route.slice(1);
    const fingerprint = ctx.config.signature === undefined ? undefined : ctx.fingerprint(path, inputs());
    const rows = () => indicators.map((i) => dataRow(i, ctx));
    yield {
      path,
      ...(fingerprint && { fingerprint }),
      render: () => (format === 'csv' ? toCsv(COLUMNS, rows()) : toJson(title(), ctx.url(route), rows())),
      contentType: OUTPUT_FORMATS[format].mediaType,
      role: 'page',
      ...(owner && { owner }),
    };
  }
}

function spanOf(span: { readonly from: number; readonly to: number }): string {
  return `${span.from}-${span.to}`;
}
