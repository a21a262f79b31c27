import Handlebars from 'handlebars';
import { LANG_CODES, type Lang } from '../i18n/languages';
import type { RenderContext } from './context';
import { routes } from './routes';

interface TermEntry {
  readonly term: string;
  readonly explanation: string;
}

interface Term {
  readonly key: string;
  /** The term as each language writes it. */
  readonly names: Readonly<Record<Lang, string>>;
  readonly explanations: Readonly<Record<Lang, string>>;
}

const escapeHtml = Handlebars.Utils.escapeExpression;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Marks policy slogans (三城三都, "Three Cities, Three Capitals") where they appear, as a link to
 * the glossary with the explanation in the reader's language: readers outside China cannot decode them.
 *
 *     markText('建设三城三都', zh) on an English page
 *       → '建设<a class="term" href="/en/glossary/#term-sancheng_sandu"><abbr title="Three Cities, …: Chengdu's plan…">三城三都</abbr></a>'
 */
export class TermMarker {
  private readonly terms: readonly Term[];
  private readonly patterns: Readonly<Record<Lang, RegExp | undefined>>;
  private readonly byName: Readonly<Record<Lang, ReadonlyMap<string, Term>>>;

  constructor(
    private readonly ctx: RenderContext,
    private readonly pageLang: Lang,
  ) {
    this.terms = glossaryTerms(ctx);
    const longestFirst = [...this.terms];
    const pattern = (lang: Lang) => {
      const names = longestFirst.map((t) => t.names[lang]).sort((a, b) => b.length - a.length);
      return names.length > 0 ? new RegExp(names.map(escapeRegExp).join('|'), 'g') : undefined;
    };
    this.patterns = Object.fromEntries(LANG_CODES.map((lang) => [lang, pattern(lang)])) as Record<Lang, RegExp | undefined>;
    this.byName = Object.fromEntries(LANG_CODES.map((lang) => [lang, new Map(this.terms.map((t) => [t.names[lang], t]))])) as Record<Lang, Map<string, Term>>;
  }

  /** Plain text in `textLang` → escaped HTML with its terms marked. */
  markText(text: string, textLang: Lang): string {
    const pattern = this.patterns[textLang];
    if (!pattern) return escapeHtml(text);
    let html = '';
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      html += escapeHtml(text.slice(last, match.index)) + this.mark(match[0], textLang);
      last = (match.index ?? 0) + match[0].length;
    }
    return html + escapeHtml(text.slice(last));
  }

  /** Sanitised HTML in `textLang` → the same HTML with terms in its text (not in links or attributes) marked. */
  markHtml(html: string, textLang: Lang): string {
    let insideLink = 0;
    return html
      .split(/(<[^>]*>)/)
      .map((part) => {
        if (part.startsWith('<')) {
          if (/^<(a|abbr)[\s>]/i.test(part)) insideLink++;
          else if (/^<\/(a|abbr)>/i.test(part)) insideLink = Math.max(0, insideLink - 1);
          return part;
        }
        return insideLink > 0 ? part : this.markEscaped(part, textLang);
      })
      .join('');
  }

  private markEscaped(escapedText: string, textLang: Lang): string {
    const pattern = this.patterns[textLang];
    return pattern ? escapedText.replace(pattern, (name) => this.mark(name, textLang)) : escapedText;
  }

  private mark(name: string, textLang: Lang): string {
    const term = this.byName[textLang].get(name);
    if (!term) return escapeHtml(name);
    const lexicon = this.ctx.lexicon(this.pageLang);
    const title =
      textLang === this.pageLang
        ? term.explanations[this.pageLang]
        : lexicon.t('ui:glossary.gloss', { term: term.names[this.pageLang], explanation: term.explanations[this.pageLang] });
    const href = `${this.ctx.href(routes.glossary(this.pageLang))}#term-${term.key}`;
    return `<a class="term" href="${escapeHtml(href)}"><abbr title="${escapeHtml(title)}">${escapeHtml(name)}</abbr></a>`;
  }
}

/** Every term with its names and explanations in every language, sorted by key. */
export function glossaryTerms(ctx: RenderContext): readonly Term[] {
  return ctx.memo('terms', 'all', () => {
    const entries = Object.fromEntries(LANG_CODES.map((lang) => [lang, ctx.lexicon(lang).namespace('terms') as Record<string, TermEntry>])) as Record<
      Lang,
      Record<string, TermEntry>
    >;
    const keys = Object.keys(entries[LANG_CODES[0] as Lang]).sort();
    return keys.map((key) => ({
      key,
      names: Object.fromEntries(LANG_CODES.map((lang) => [lang, entries[lang][key]?.term ?? ''])) as Record<Lang, string>,
      explanations: Object.fromEntries(LANG_CODES.map((lang) => [lang, entries[lang][key]?.explanation ?? ''])) as Record<Lang, string>,
    }));
  });
}

export function termMarker(ctx: RenderContext, lang: Lang): TermMarker {
  return ctx.memo('term-marker', lang, () => new TermMarker(ctx, lang));
}
