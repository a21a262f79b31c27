import { indexPage } from '../_lib/site.mjs';
export const data = { permalink: '/en/index.html', eleventyExcludeFromCollections: true };
export const render = (d) => indexPage(d.briefings, 'en');
