// Search over the static Pagefind index published with the site (no server). The form is hidden
// in the HTML and shown only here, so a reader without JavaScript sees the plain list of indexes.
// Results are built as DOM nodes, never as HTML strings: only Pagefind's <mark> is kept.
const form = document.querySelector('form.search');
if (form) start(form).catch((error) => console.warn('search unavailable:', error));

async function start(form) {
  const pagefind = await import(`${form.dataset.index}pagefind.js`);
  await pagefind.options({ basePath: form.dataset.index });
  const input = form.querySelector('input');
  const status = document.querySelector('.search-status');
  const list = document.querySelector('.search-results');
  const say = (template, query) => template.replace('%s', query);

  async function run(query) {
    list.replaceChildren();
    if (!query) return void (status.textContent = '');
    status.textContent = form.dataset.loading;
    const search = await pagefind.search(query);
    if (input.value.trim() !== query) return; // a newer query is on its way
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    status.textContent = say(results.length ? form.dataset.some : form.dataset.none, query);
    list.replaceChildren(...results.map(resultItem));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    run(query);
  });
  form.hidden = false;
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    run(initial.trim());
  }
}

function resultItem(result) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title || result.url;
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(link, excerpt);
  return item;
}

/** Pagefind's excerpt is escaped text with <mark> around the hits: keep the text and the marks only. */
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent);
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
