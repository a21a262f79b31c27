import { sitemap } from '../_lib/site.mjs';
export const data = { permalink: '/en/sitemap.xml', eleventyExcludeFromCollections: true };
export const render = (d) => sitemap(d.briefings, 'en');
