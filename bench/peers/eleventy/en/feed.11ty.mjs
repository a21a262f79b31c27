import { feed } from '../_lib/site.mjs';
export const data = { permalink: '/en/index.xml', eleventyExcludeFromCollections: true };
export const render = (d) => feed(d.briefings, 'en');
