import { type Lang, languageOf } from '../../i18n/languages';
import { REGION_LEVELS } from '../../model/regions';
import type { RenderContext } from '../context';
import { routes } from '../routes';

/**
 * Every region with a page: those with briefings and every region above them, so the way up
 * (Qingbaijiang → Chengdu → Sichuan) never ends at a missing page. Sorted by key.
 */
export function regionsWithPages(ctx: RenderContext): readonly string[] {
  return ctx.memo('regions-with-pages', ctx.model, () => {
    const keys = new Set<string>();
    for (const region of ctx.model.regions.keys()) {
      for (let key: string | undefined = region; key !== undefined && !keys.has(key); key = ctx.model.hierarchy.parent(key)) keys.add(key);
    }
    return [...keys].sort();
  });
}

/** A region page's place in the hierarchy: its level, the region above and those below that have pages. */
export function regionPlace(ctx: RenderContext, lang: Lang, region: string) {
  const lexicon = ctx.lexicon(lang);
  const { hierarchy } = ctx.model;
  const withPages = new Set(regionsWithPages(ctx));
  const link = (key: string) => ({ name: lexicon.t(`regions:${key}`), href: ctx.href(routes.region(lang, key)) });
  const level = hierarchy.level(region);
  const parent = hierarchy.parent(region);
  const children = hierarchy.children(region).filter((key) => withPages.has(key));
  return {
    ...(level && { level: lexicon.t(`ui:region.level.${level}`) }),
    ...(parent && withPages.has(parent) && { parent: { label: lexicon.t('ui:region.parent'), ...link(parent) } }),
    ...(children.length > 0 && { children: { label: lexicon.t('ui:region.children'), links: children.map(link) } }),
  };
}

/** What a region page's hierarchy links depend on, for its fingerprint. */
export function regionPlaceInputs(ctx: RenderContext, region: string): string[] {
  const withPages = new Set(regionsWithPages(ctx));
  const { hierarchy } = ctx.model;
  const parent = hierarchy.parent(region);
  return [
    `level:${hierarchy.level(region) ?? ''}`,
    `parent:${parent && withPages.has(parent) ? parent : ''}`,
    ...hierarchy.children(region).filter((k) => withPages.has(k)),
  ];
}

/** The region index: regions grouped by level, broadest first, then any whose level is unknown. */
export function regionIndex(ctx: RenderContext, lang: Lang) {
  const lexicon = ctx.lexicon(lang);
  const all = regionsWithPages(ctx);
  const groups = [...REGION_LEVELS, undefined].map((level) => ({
    heading: lexicon.t(`ui:regions.levels.${level ?? 'other'}`),
    links: all
      .filter((key) => ctx.model.hierarchy.level(key) === level)
      .map((key) => ({ name: lexicon.t(`regions:${key}`), href: ctx.href(routes.region(lang, key)), count: ctx.model.regions.get(key)?.length ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name, languageOf(lang).tag)),
  }));
  return groups.filter((g) => g.links.length > 0);
}
