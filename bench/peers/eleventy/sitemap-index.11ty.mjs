import { BASE, LANGS } from './_lib/site.mjs';
export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true };
export const render = (d) => `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${Object.keys(LANGS)
  .map((l) => `<sitemap><loc>${BASE}${l}/sitemap.xml</loc><lastmod>${d.briefings[0]?.date ?? ''}</lastmod></sitemap>`)
  .join('\n')}
</sitemapindex>
`;
