import { briefingPage } from '../_lib/site.mjs';
export const data = {
  pagination: { data: 'briefings', size: 1, alias: 'b' },
  permalink: (d) => `/en/briefings/${d.b.id}/index.html`,
  eleventyExcludeFromCollections: true,
};
export const render = (d) => briefingPage(d.b, 'en');
