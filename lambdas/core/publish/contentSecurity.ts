/**
 * The Content-Security-Policy the site is served with, the same from CloudFront and the preview
 * server. Pages run no script: default-src 'none', one same-origin stylesheet, inline SVG.
 * Only the search page and the index it loads may run scripts from the site itself, compile
 * Pagefind's WebAssembly ('wasm-unsafe-eval', never 'unsafe-eval') and fetch the index shards.
 */
const STRICT = ["default-src 'none'", "style-src 'self'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"];

export const CONTENT_SECURITY_POLICY = STRICT.join('; ');

export const SEARCH_CONTENT_SECURITY_POLICY = [...STRICT, "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'"].join('; ');

/**
 * CloudFront path patterns of the search pages (`/en/search/`, `/zh/search/index.html`) and of
 * the index folder (Pagefind's worker takes its policy from its own response).
 */
export const SEARCH_PATH_PATTERNS = ['/*/search/*', '/pagefind/*'] as const;

/** The policy for a request path, matched as CloudFront matches SEARCH_PATH_PATTERNS (`*` spans `/`). */
export function contentSecurityPolicyFor(path: string): string {
  return SEARCH_PATH_PATTERNS.some((pattern) => globToRegExp(pattern).test(path)) ? SEARCH_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}

function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}
