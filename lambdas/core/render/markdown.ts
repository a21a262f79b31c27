import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { removeForbidden } from '../model/cleanText';

/** Editors write summaries and notes in markdown; what reaches a page is this allowlist only. */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'abbr', 'sup', 'sub'],
  allowedAttributes: { a: ['href', 'title', 'hreflang'], abbr: ['title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // No style attribute is allowed, so there is nothing to parse (and the bundles leave the CSS parser out).
  parseStyleAttributes: false,
};

const marked = new Marked({ gfm: true, breaks: false, async: false });

export interface RenderedMarkdown {
  /** Sanitised HTML, safe to place in a page as is. */
  readonly html: string;
  /** The same content as plain text (meta descriptions, feed summaries). */
  readonly text: string;
}

export function renderMarkdown(source: string): RenderedMarkdown {
  // The sanitiser decodes character references (`&#1;` becomes U+0001): what XML cannot carry goes, whoever wrote it.
  const html = removeForbidden(sanitizeHtml(marked.parse(source, { async: false }), ALLOWED)).trim();
  // The sanitiser's output is well-formed and escapes text with these four entities only, so
  // dropping its tags and undoing them gives the plain text without a second parse.
  const text = decodeBasicEntities(html.replace(BLOCK_TAG, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return { html, text };
}

/** Tags that separate words (the rest, like <a> or <strong>, sit inside a sentence). */
const BLOCK_TAG = /<\/?(?:p|br|li|ul|ol|blockquote)\b[^>]*>/g;

function decodeBasicEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');
}
