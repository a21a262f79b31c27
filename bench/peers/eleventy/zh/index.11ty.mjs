import { indexPage } from '../_lib/site.mjs';
export const data = { permalink: '/zh/index.html', eleventyExcludeFromCollections: true };
export const render = (d) => indexPage(d.briefings, 'zh');
