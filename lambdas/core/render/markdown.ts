import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Editors write summaries and notes in markdown; what reaches a page is this allowlist only. */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'abbr', 'sup', 'sub'],
  allowedAttributes: { a: ['href', 'title', 'hreflang'], abbr: ['title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};
const TEXT_ONLY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };

const marked = new Marked({ gfm: true, breaks: false, async: false });

export interface RenderedMarkdown {
  /** Sanitised HTML, safe to place in a page as is. */
  readonly html: string;
  /** The same content as plain text (meta descriptions, feed summaries). */
  readonly text: string;
}

export function renderMarkdown(source: string): RenderedMarkdown {
  const html = sanitizeHtml(marked.parse(source, { async: false }), ALLOWED).trim();
  const text = decodeBasicEntities(sanitizeHtml(html, TEXT_ONLY)).replace(/\s+/g, ' ').trim();
  return { html, text };
}

/** sanitize-html escapes only these in text; undo them to get plain text back. */
function decodeBasicEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');
}
