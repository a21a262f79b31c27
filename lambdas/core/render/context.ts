import { createHash } from 'node:crypto';
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
  /**
   * Everything besides the data that output depends on (code, templates, locales), hashed by the
   * caller. With it, every file carries a fingerprint; without it, every file is rendered every time.
   */
  readonly signature?: string;
}

/**
 * What every view needs, plus per-build memos so a briefing, and each of its figures, is described once per
 * language and reused by every page, feed and download that shows it.
 */
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

  /** The fingerprint of a file made from `inputs` (briefing versions, keys, counts), or none without a signature. */
  fingerprint(path: string, inputs: readonly string[]): string | undefined {
    const { signature } = this.config;
    if (signature === undefined) return undefined;
    const hash = createHash('sha256').update(signature).update('\0').update(this.config.baseUrl.href).update('\0').update(path);
    for (const input of inputs) hash.update('\0').update(input);
    return hash.digest('hex').slice(0, 32);
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
