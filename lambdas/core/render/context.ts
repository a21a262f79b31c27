import type { Lang } from '../i18n/languages';
import type { Lexicon } from '../i18n/lexicon';
import type { Localisation } from '../i18n/localisation';
import type { SiteModel } from '../model/site';
import type { QuantityFormatter } from '../quantity/format';
import { absolute } from './routes';
import type { Theme } from './theme';

export interface RenderConfig {
  /** Where the site is served; may carry a path prefix (`https://example.org/briefings/`). */
  readonly baseUrl: URL;
}

/** What every view needs, plus per-build memos so a briefing is described once per language. */
export class RenderContext {
  private readonly basePath: string;
  private readonly memos = new Map<string, Map<unknown, unknown>>();

  constructor(
    readonly model: SiteModel,
    readonly theme: Theme,
    readonly localisation: Localisation,
    readonly config: RenderConfig,
  ) {
    this.basePath = config.baseUrl.pathname.endsWith('/') ? config.baseUrl.pathname : `${config.baseUrl.pathname}/`;
  }

  lexicon(lang: Lang): Lexicon {
    return this.localisation.lexicons[lang];
  }

  formatter(lang: Lang): QuantityFormatter {
    return this.localisation.formatters[lang];
  }

  /** Link target inside the site: root-relative, with the base URL's path prefix. */
  href(route: string): string {
    return this.basePath + route.slice(1);
  }

  /** Absolute URL, for canonical links, feeds and the sitemap. */
  url(route: string): string {
    return absolute(this.config.baseUrl, route);
  }

  /** Computes `make()` once per (name, key) for this build. */
  memo<K, V>(name: string, key: K, make: () => V): V {
    let table = this.memos.get(name) as Map<K, V> | undefined;
    if (!table) {
      table = new Map<K, V>();
      this.memos.set(name, table as Map<unknown, unknown>);
    }
    if (table.has(key)) return table.get(key) as V;
    const value = make();
    table.set(key, value);
    return value;
  }
}
