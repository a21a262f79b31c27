import { sitemap } from '../_lib/site.mjs';
export const data = { permalink: '/zh/sitemap.xml', eleventyExcludeFromCollections: true };
export const render = (d) => sitemap(d.briefings, 'zh');
