import { LANGUAGES, type Lang } from '../i18n/languages';
import type { Ranking, TargetCell } from '../model/compare';
import type { RenderContext } from './context';
import { rankingInputs } from './comparePages';
import { type FeedItem, type FeedView, feedFiles, feedView, finishItem, newestOf } from './feeds';
import { stableId } from './ids';
import type { PlannedFile } from './outputFormats';
import { type Scope, routes } from './routes';
import { cellView, comparisonsOf, regionName } from './views/comparisons';
import { dateView } from './views/dates';

/**
 * A feed per comparison and level ("2026 provincial GDP growth targets"): one item per region,
 * with an id stable per region, target and year, dated by the briefing that states it, so a
 * province added shows up as a new item and a corrected one as an updated item.
 */
export function* comparisonFeeds(ctx: RenderContext): Generator<PlannedFile> {
  for (const rankings of comparisonsOf(ctx).rankings.values()) {
    for (const ranking of rankings) {
      const scope: Scope = { kind: 'comparison', key: ranking.target.key, year: ranking.year, level: ranking.level };
      const inputs = ctx.config.signature === undefined ? [] : rankingInputs(ranking);
      for (const { code: lang } of LANGUAGES) {
        yield* feedFiles(ctx, lang, scope, inputs, () => comparisonFeedView(ctx, lang, scope, ranking));
      }
    }
  }
}

function comparisonFeedView(ctx: RenderContext, lang: Lang, scope: Scope & { kind: 'comparison' }, ranking: Ranking): FeedView {
  const cells = [...ranking.ranked.map((r) => r.cell), ...ranking.otherUnits];
  const items = cells
    .sort((a, b) => compare(b.indicator.briefing.updatedAt, a.indicator.briefing.updatedAt) || compare(a.region, b.region))
    .map((cell) => comparisonItem(ctx, lang, scope, cell));
  return feedView(ctx, lang, scope, items, newestOf(cells.map((c) => c.indicator.briefing)));
}

function comparisonItem(ctx: RenderContext, lang: Lang, scope: Scope & { kind: 'comparison' }, cell: TargetCell): FeedItem {
  const lexicon = ctx.lexicon(lang);
  const view = cellView(cell, ctx, lang);
  const briefing = cell.indicator.briefing;
  const region = regionName(ctx, lang, cell.region);
  const url = `${ctx.url(routes.comparison(lang, scope.key, scope.year))}#r-${cell.region}`;
  const title = lexicon.t('ui:compare.feed.item', { region, figure: view.text });
  return finishItem({
    id: stableId(`comparison:${lang}:${scope.key}:${scope.year}:${cell.region}`),
    title,
    url,
    published: dateView(briefing.publishedAt, lexicon),
    updated: dateView(briefing.updatedAt, lexicon),
    categories: [{ term: cell.region, label: region }],
    summary: title,
    contentHtml: ctx.theme
      .render('partials/compare-feed-item', {
        lang,
        figure: view.text,
        quote: cell.indicator.input.quote.replace(/\s*\n\s*/g, ''),
        source: { title: view.briefing, url: `${ctx.url(routes.briefing(lang, briefing.id))}#i-${cell.indicator.input.id}` },
        page: url,
      })
      .trim(),
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
