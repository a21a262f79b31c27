import { feed } from '../_lib/site.mjs';
export const data = { permalink: '/zh/index.xml', eleventyExcludeFromCollections: true };
export const render = (d) => feed(d.briefings, 'zh');
