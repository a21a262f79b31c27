// Shared page parts for the Eleventy peer (same shape as the Hugo peer's layouts).
export const BASE = 'https://example.org/';
export const LANGS = { zh: 'zh-CN', en: 'en' };
export const WORDS = {
  zh: { site: '经济简报', metric: '指标', figure: '数值', change: '变化', source: '原文', sections: '栏目', other: 'English', all: '全部简报' },
  en: {
    site: 'Economic briefings',
    metric: 'Indicator',
    figure: 'Figure',
    change: 'Change',
    source: 'Source',
    sections: 'Sections',
    other: '中文',
    all: 'All briefings',
  },
};
const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);
export const other = (lang) => (lang === 'zh' ? 'en' : 'zh');
export const briefingPath = (lang, id) => `/${lang}/briefings/${id}/`;

export function layout(lang, title, path, body) {
  const w = WORDS[lang];
  const alternates = Object.keys(LANGS)
    .map((l) => `<link rel="alternate" hreflang="${LANGS[l]}" href="${BASE}${l}${path.slice(3)}">`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${LANGS[lang]}">
<head>
<meta charset="utf-8">
<title>${esc(title)} · ${w.site}</title>
<link rel="canonical" href="${BASE}${path.slice(1)}">
${alternates}
<link rel="alternate" type="application/rss+xml" href="${BASE}${lang}/index.xml">
</head>
<body>
<header><a href="/${lang}/">${w.site}</a>
<a hreflang="${LANGS[other(lang)]}" href="/${other(lang)}${path.slice(3)}">${w.other}</a></header>
<main>${body}</main>
</body>
</html>
`;
}

export function briefingPage(b, lang) {
  const w = WORDS[lang];
  const p = b[lang];
  const rows = p.rows
    .map((r) => `<tr><td>${esc(r.metric)}</td><td>${esc(r.figure)}</td><td>${esc(r.change)}</td><td lang="zh-CN">${esc(r.quote)}</td></tr>\n`)
    .join('');
  const body = `<article>
<h1>${esc(p.title)}</h1>
<p><time datetime="${b.date}">${b.date}</time></p>
<p>${esc(p.summary)}</p>
<table>
<thead><tr><th>${w.metric}</th><th>${w.figure}</th><th>${w.change}</th><th>${w.source}</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
<h2>${w.sections}</h2>
<ul>${p.sections.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
</article>`;
  return layout(lang, p.title, briefingPath(lang, b.id), body);
}

export function indexPage(briefings, lang) {
  const items = briefings.map((b) => `<li><a href="${briefingPath(lang, b.id)}">${esc(b[lang].title)}</a> <time>${b.date}</time></li>\n`).join('');
  return layout(lang, WORDS[lang].all, `/${lang}/`, `<h1>${WORDS[lang].all}</h1>\n<ul>\n${items}</ul>`);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function rfc822(date) {
  const d = new Date(`${date}T00:00:00+08:00`);
  const c = new Date(d.getTime() + 8 * 3600e3);
  const pad = (n) => String(n).padStart(2, '0');
  return `${DAYS[c.getUTCDay()]}, ${pad(c.getUTCDate())} ${MONTHS[c.getUTCMonth()]} ${c.getUTCFullYear()} 00:00:00 +0800`;
}

export function feed(briefings, lang) {
  const w = WORDS[lang];
  const items = briefings
    .slice(0, 50)
    .map((b) => {
      const url = `${BASE}${briefingPath(lang, b.id).slice(1)}`;
      return `<item><title>${esc(b[lang].title)}</title><link>${url}</link><guid>${url}</guid><pubDate>${rfc822(b.date)}</pubDate><description>${esc(b[lang].summary)}</description></item>\n`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>${w.site}</title>
<link>${BASE}${lang}/</link>
<description>${w.site}</description>
<language>${LANGS[lang]}</language>
${items}</channel></rss>
`;
}

export function sitemap(briefings, lang) {
  const entry = (path, lastmod) =>
    `<url><loc>${BASE}${lang}${path}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${Object.keys(LANGS)
      .map((l) => `<xhtml:link rel="alternate" hreflang="${LANGS[l]}" href="${BASE}${l}${path}"/>`)
      .join('')}</url>\n`;
  const urls = [entry('/', briefings[0]?.date), ...briefings.map((b) => entry(`/briefings/${b.id}/`, b.date))].join('');
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls}</urlset>
`;
}
