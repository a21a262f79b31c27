import type { SearchFile, SearchIndexer, SearchRecord } from '../../core/render/search';

/** The index files a search page needs; Pagefind's own UI bundles are left out (the site has its own page). */
const NEEDED = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|fragment\/.+\.pf_fragment|index\/.+\.pf_index)$/;

/**
 * Pagefind (npm `pagefind`, which ships its binary in a platform package) as the search indexer:
 * records in, index files out, the service stopped afterwards. Chinese is segmented by Pagefind
 * itself for records tagged `zh-CN`.
 */
export class PagefindIndexer implements SearchIndexer {
  async index(records: readonly SearchRecord[]): Promise<readonly SearchFile[]> {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex({});
    try {
      if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
      for (const r of records) {
        const added = await index.addCustomRecord({ url: r.url, content: r.content, language: r.language, meta: { title: r.title } });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${r.url}: ${added.errors.join('; ')}`);
      }
      const { files, errors: fileErrors } = await index.getFiles();
      if (fileErrors.length > 0) throw new Error(`Pagefind: ${fileErrors.join('; ')}`);
      return files
        .filter((f) => NEEDED.test(f.path))
        .map((f) => ({ path: f.path, body: new Uint8Array(f.content) }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    } finally {
      await pagefind.close();
    }
  }
}
