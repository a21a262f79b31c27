/**
 * The one content security policy, sent by CloudFront (infra) and the preview server alike: what
 * the pages need and nothing more. One same-origin stylesheet and inline SVG; scripts only from
 * the site itself, for the search page, whose Pagefind index is WebAssembly ('wasm-unsafe-eval')
 * and fetches its index files from the site (connect-src 'self').
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
