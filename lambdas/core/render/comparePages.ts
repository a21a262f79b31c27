import type { Ranking, TargetsTable } from '../model/compare';
import type { RenderContext } from './context';
import { downloadLinks } from './downloads';
import type { PageSpec } from './pages';
import { type Scope, routes } from './routes';
import { cellInput, cellView, comparisonsOf, rankingChart, regionName } from './views/comparisons';
import { comparisonTitle } from './views/feedRoutes';
import { feedLinks } from './views/frame';

const SITE: Scope = { kind: 'site' };

/**
 * The comparison pages: per year, the targets table of every region (`/targets/<year>/`); per main
 * target and year, the regions of each level ranked (`/compare/<target>/<year>/`); and their index.
 */
export function* comparisonPageSpecs(ctx: RenderContext): Generator<PageSpec> {
  const comparisons = comparisonsOf(ctx);
  for (const year of comparisons.years) yield targetsPage(ctx, year, comparisons.tables.get(year) ?? []);
  for (const rankings of comparisons.rankings.values()) yield comparisonPage(ctx, rankings);
  yield indexPage(ctx);
}

function targetsPage(ctx: RenderContext, year: number, tables: readonly TargetsTable[]): PageSpec {
  return {
    route: (lang) => routes.targetsOfYear(lang, year),
    template: 'targets-year',
    role: 'index',
    scopes: [SITE],
    inputs: () =>
      tables.flatMap((t) => [`|${t.level}`, ...t.columns.map((c) => c.key), ...t.rows.flatMap((r) => [r.region, ...[...r.cells.values()].map(cellInput)])]),
    view: (lang) => {
      const lexicon = ctx.lexicon(lang);
      const t = (key: string, vars?: Record<string, unknown>) => lexicon.t(`ui:compare.${key}`, vars);
      return {
        heading: t('year.heading', { year }),
        description: t('year.description', { year }),
        lede: t('year.lede', { year }),
        downloads: downloadLinks(ctx, lang, 'targets', String(year)),
        index: ctx.href(routes.comparisons(lang)),
        sections: tables.map((table) => ({
          anchor: `level-${table.level}`,
          heading: t(`level.${table.level}`),
          caption: t('year.caption', { year, level: t(`level.${table.level}`) }),
          regionLabel: t('region'),
          columns: table.columns.map((c) => ({ label: t(`column.${c.key}`), href: ctx.href(routes.comparison(lang, c.key, year)) })),
          rows: table.rows.map((row) => ({
            anchor: `r-${row.region}`,
            region: { name: regionName(ctx, lang, row.region), href: ctx.href(routes.region(lang, row.region)) },
            cells: table.columns.map((c) => {
              const cell = row.cells.get(c.key);
              return { label: t(`column.${c.key}`), ...(cell ? { cell: cellView(cell, ctx, lang) } : { missing: t('notStated') }) };
            }),
          })),
        })),
      };
    },
  };
}

function comparisonPage(ctx: RenderContext, rankings: readonly Ranking[]): PageSpec {
  const [first] = rankings;
  if (!first) throw new Error('a comparison page needs a ranking');
  const { target, year } = first;
  return {
    route: (lang) => routes.comparison(lang, target.key, year),
    template: 'compare',
    role: 'index',
    scopes: rankings.map((r): Scope => ({ kind: 'comparison', key: target.key, year, level: r.level })),
    inputs: () => rankings.flatMap(rankingInputs),
    view: (lang) => {
      const lexicon = ctx.lexicon(lang);
      const t = (key: string, vars?: Record<string, unknown>) => lexicon.t(`ui:compare.${key}`, vars);
      const subject = t(`subject.${target.key}`);
      return {
        heading: t('page.heading', { year, subject }),
        description: t('page.description', { year, subject }),
        ordering: t('ordering'),
        table: { href: ctx.href(routes.targetsOfYear(lang, year)), label: t('page.allTargets', { year }) },
        downloads: downloadLinks(ctx, lang, 'compare', `${target.key}-${year}`),
        sections: rankings.map((ranking) => {
          const scope: Scope = { kind: 'comparison', key: target.key, year, level: ranking.level };
          const title = comparisonTitle(ctx, lang, target.key, year, ranking.level);
          const regionLink = (region: string) => ({ name: regionName(ctx, lang, region), href: ctx.href(routes.region(lang, region)) });
          return {
            anchor: `level-${ranking.level}`,
            heading: t(`level.${ranking.level}`),
            chart: rankingChart(ranking, ctx, lang, title),
            caption: t('rankingCaption', { title }),
            rows: ranking.ranked.map(({ rank, cell }) => ({
              anchor: `r-${cell.region}`,
              rank,
              region: regionLink(cell.region),
              cell: cellView(cell, ctx, lang),
            })),
            otherUnits: ranking.otherUnits.map((cell) => ({ anchor: `r-${cell.region}`, region: regionLink(cell.region), cell: cellView(cell, ctx, lang) })),
            notStated: ranking.notStated.map(regionLink),
            feeds: feedLinks(ctx, lang, scope),
          };
        }),
      };
    },
  };
}

/** Every cell and every region the ranking names: what its page, feed and download show. */
export function rankingInputs(ranking: Ranking): string[] {
  return [
    `|${ranking.level}`,
    ...ranking.ranked.map((r) => `${r.rank}:${cellInput(r.cell)}`),
    '|',
    ...ranking.otherUnits.map(cellInput),
    '|',
    ...ranking.notStated,
  ];
}

function indexPage(ctx: RenderContext): PageSpec {
  const comparisons = comparisonsOf(ctx);
  return {
    route: routes.comparisons,
    template: 'compare-index',
    role: 'index',
    scopes: [SITE],
    inputs: () => [...comparisons.years.map(String), '|', ...comparisons.rankings.keys()],
    view: (lang) => {
      const lexicon = ctx.lexicon(lang);
      const t = (key: string, vars?: Record<string, unknown>) => lexicon.t(`ui:compare.${key}`, vars);
      return {
        heading: t('index.heading'),
        description: t('index.description'),
        lede: comparisons.years.length === 0 ? t('index.none') : t('index.lede'),
        years: [...comparisons.years].reverse().map((year) => ({
          heading: t('index.year', { year }),
          table: { href: ctx.href(routes.targetsOfYear(lang, year)), label: t('year.heading', { year }) },
          links: [...comparisons.rankings.values()]
            .flatMap((rankings) => (rankings[0]?.year === year ? [rankings[0].target.key] : []))
            .map((key) => ({ name: t('page.heading', { year, subject: t(`subject.${key}`) }), href: ctx.href(routes.comparison(lang, key, year)) })),
        })),
      };
    },
  };
}
