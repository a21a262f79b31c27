// Stands in for postcss in bundles. sanitize-html parses style attributes with it, and our allowlist
// (lambdas/core/render/markdown.ts) admits no style attribute and turns style parsing off, so it is never called.
module.exports = {
  parse() {
    throw new Error('style attributes are not allowed in briefing markdown');
  },
};
