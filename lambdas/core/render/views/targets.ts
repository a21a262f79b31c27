import type { Lang } from '../../i18n/languages';
import { ABOUT_POINTS, ABOUT_SHARE, type TargetCheck, checkTargets } from '../../model/targets';
import type { RenderContext } from '../context';
import type { PageSpec } from '../pages';
import { routes } from '../routes';
import { figureView, metricName, periodText, regionName, upperOf } from './indicators';
import { tableLabels } from './table';

/** The checks, computed once per build (both languages read them). */
export function targetChecks(ctx: RenderContext): readonly TargetCheck[] {
  return ctx.memo('target-checks', ctx.model, () => checkTargets(ctx.model, upperOf));
}

/** `/{lang}/targets/`: every target beside its outcome, with the verdict and the rule behind it. */
export function targetsPage(ctx: RenderContext): PageSpec {
  return {
    route: routes.targets,
    template: 'targets',
    role: 'index',
    scopes: [{ kind: 'site' }],
    inputs: () => ctx.model.briefings.map((b) => `${b.id}@${b.version}`),
    view: (lang: Lang) => {
      const lexicon = ctx.lexicon(lang);
      const checks = targetChecks(ctx);
      const counts = { met: 0, missed: 0, pending: 0 };
      for (const c of checks) counts[c.verdict]++;
      return {
        heading: lexicon.t('ui:targets.heading'),
        description: lexicon.t('ui:targets.description'),
        labels: tableLabels(ctx, lang),
        rule: lexicon.t('ui:targets.rule', { points: ABOUT_POINTS, share: ABOUT_SHARE * 100 }),
        summary: lexicon.t('ui:targets.summary', { count: checks.length, met: counts.met, missed: counts.missed, pending: counts.pending }),
        noPairs: counts.met + counts.missed === 0 ? lexicon.t('ui:targets.noPairs') : undefined,
        head: {
          target: lexicon.t('ui:targets.target'),
          outcome: lexicon.t('ui:targets.outcome'),
          verdict: lexicon.t('ui:targets.verdict'),
          caption: lexicon.t('ui:targets.caption'),
        },
        rows: checks.map((check) => targetRow(ctx, lang, check)),
      };
    },
  };
}

function targetRow(ctx: RenderContext, lang: Lang, { target, outcome, verdict }: TargetCheck) {
  const lexicon = ctx.lexicon(lang);
  const source = (i: typeof target) => ({ title: i.briefing.input.title[lang], href: `${ctx.href(routes.briefing(lang, i.briefing.id))}#i-${i.input.id}` });
  return {
    metric: { name: metricName(ctx, lang, target.input.metric), href: ctx.href(routes.indicator(lang, target.input.metric)) },
    region: { name: regionName(ctx, lang, target.region), href: ctx.href(routes.region(lang, target.region)) },
    period: periodText(ctx, lang, target.input.period),
    target: { figure: figureView(target, ctx, lang).figure, source: source(target) },
    ...(outcome && {
      outcome: {
        figure: outcome.input.kind === 'growth' || !isGrowth(target) ? figureView(outcome, ctx, lang).statement : figureView(outcome, ctx, lang).change,
        source: source(outcome),
      },
    }),
    verdict: { key: verdict, text: lexicon.t(`ui:targets.verdicts.${verdict}`) },
  };
}

function isGrowth(target: TargetCheck['target']): boolean {
  return target.input.kind === 'target' && target.input.measure === 'growth';
}
