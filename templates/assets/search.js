// Search without a server: Pagefind's static index, loaded only on the search page. Without
// JavaScript the page stays a plain list of links; with it, the box appears and results replace
// the list as the reader types. Results are built as DOM text, never as HTML.
const root = document.getElementById('search');
if (root) {
  const input = root.querySelector('input');
  const status = root.querySelector('[role="status"]');
  const results = root.querySelector('ol');
  const fallback = document.getElementById('search-links');
  const pagefind = await import(`${root.dataset.base}pagefind.js`);
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query === '') {
      results.replaceChildren();
      status.textContent = '';
      if (fallback) fallback.hidden = false;
      return;
    }
    const search = await pagefind.search(query);
    const found = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    if (ticket !== latest) return;
    if (fallback) fallback.hidden = true;
    status.textContent = (found.length === 0 ? root.dataset.none : root.dataset.count).replace('{count}', String(search.results.length));
    results.replaceChildren(
      ...found.map((data) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = data.url;
        link.textContent = data.meta?.title ?? data.url;
        const excerpt = document.createElement('p');
        excerpt.textContent = (data.excerpt ?? '').replace(/<[^>]*>/g, '');
        item.append(link, excerpt);
        return item;
      }),
    );
  };
  input.addEventListener('input', run);
  // Shown only once it works: before the index loads, a reader would type into nothing.
  root.hidden = false;
  if (input.value) run();
}
