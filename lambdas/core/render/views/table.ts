import type { Lang } from '../../i18n/languages';
import type { Indicator } from '../../model/site';
import type { RenderContext } from '../context';
import { type IndicatorRow, indicatorRow } from './indicators';

export interface TableColumns {
  /** The metric heads each row; without it (an indicator page) the year does. */
  readonly metric: boolean;
  /** Shown wherever figures of several regions meet. */
  readonly region: boolean;
  readonly change: boolean;
  readonly rank: boolean;
}

export interface TableView {
  readonly caption: string;
  readonly columns: TableColumns;
  readonly rows: readonly IndicatorRow[];
}

export interface TableOptions {
  /** Drop the metric column (the page is about one metric: its name is the page's title). */
  readonly metric?: boolean;
  /** Force the region column; by default it appears when the rows span regions. */
  readonly region?: boolean;
  /** Link each row to its briefing (pages that gather figures of several briefings). */
  readonly withBriefing?: boolean;
}

/** A table of figures with only the columns its rows fill: no empty "Change" or "Rank" labels on phone cards. */
export function tableView(ctx: RenderContext, lang: Lang, caption: string, indicators: readonly Indicator[], options: TableOptions = {}): TableView {
  const rows = indicators.map((i) => indicatorRow(i, ctx, lang, options.withBriefing ?? false));
  return {
    caption,
    columns: {
      metric: options.metric ?? true,
      region: options.region ?? new Set(indicators.map((i) => i.region)).size > 1,
      change: rows.some((r) => r.change !== ''),
      rank: rows.some((r) => r.rank !== ''),
    },
    rows,
  };
}

export function tableLabels(ctx: RenderContext, lang: Lang) {
  return ctx.memo('labels', lang, () => {
    const t = (key: string) => ctx.lexicon(lang).t(`ui:table.${key}`);
    return { metric: t('metric'), region: t('region'), period: t('period'), figure: t('figure'), change: t('change'), rank: t('rank'), source: t('source') };
  });
}
