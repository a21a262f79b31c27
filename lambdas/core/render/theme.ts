import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { Lang } from '../i18n/languages';
import type { Lexicons } from '../i18n/lexicon';

/** Template sources by name without extension (`pages/briefing`, `partials/indicator-table`) and static assets. */
export interface ThemeSources {
  readonly templates: Readonly<Record<string, string>>;
  readonly assets: Readonly<Record<string, string>>;
}

export class TemplateNotFoundError extends Error {
  override name = 'TemplateNotFoundError';
}

type Compiled = Handlebars.TemplateDelegate;

/**
 * The Handlebars environment: every template compiled once, partials registered, and one helper,
 * `t`, that reads words from `locales/` in the page's language (`@root.lang`).
 * HTML and XML templates escape every value; text templates (robots.txt) do not.
 */
export class Theme {
  private readonly compiled = new Map<string, Compiled>();
  private readonly handlebars = Handlebars.create();
  private readonly fingerprinted = new Map<string, string>();

  constructor(
    private readonly sources: ThemeSources,
    lexicons: Lexicons,
  ) {
    const hb = this.handlebars;
    hb.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
      const lang = (options.data?.root as { lang?: Lang } | undefined)?.lang;
      if (!lang) throw new Error(`{{t "${key}"}} used outside a page with a language`);
      const vars = Object.keys(options.hash).length > 0 ? options.hash : undefined;
      return lexicons[lang].t(key, vars);
    });
    for (const [name, source] of Object.entries(sources.templates)) {
      if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), source);
    }
  }

  render(name: string, context: object, options: { escape?: boolean } = {}): string {
    return this.template(name, options.escape ?? true)(context);
  }

  /** A page template rendered into the layout. */
  page(name: string, context: object): string {
    return this.render('layouts/base', { ...context, body: this.render(`pages/${name}`, context) });
  }

  asset(name: string): string {
    const source = this.sources.assets[name];
    if (source === undefined) throw new TemplateNotFoundError(`no asset templates/assets/${name}`);
    return source;
  }

  get assetNames(): string[] {
    return Object.keys(this.sources.assets).sort();
  }

  /** The asset's published name, fingerprinted so browsers and CDNs may cache it forever: `style.1a2b3c4d5e.css`. */
  assetFile(name: string): string {
    const known = this.fingerprinted.get(name);
    if (known) return known;
    const hash = createHash('sha256').update(this.asset(name)).digest('hex').slice(0, 10);
    const dot = name.lastIndexOf('.');
    const file = dot < 0 ? `${name}.${hash}` : `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
    this.fingerprinted.set(name, file);
    return file;
  }

  private template(name: string, escaped: boolean): Compiled {
    const cacheKey = `${name}:${escaped}`;
    let compiled = this.compiled.get(cacheKey);
    if (!compiled) {
      const source = this.sources.templates[name];
      if (source === undefined) throw new TemplateNotFoundError(`no template templates/${name}.hbs`);
      compiled = this.handlebars.compile(source, { noEscape: !escaped, preventIndent: true, knownHelpers: { t: true }, knownHelpersOnly: true });
      this.compiled.set(cacheKey, compiled);
    }
    return compiled;
  }
}
