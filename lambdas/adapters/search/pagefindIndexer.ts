import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { IndexFile, SearchIndexer, SearchPage } from '../../core/search/searchIndex';

/**
 * Pagefind (npm `pagefind`, whose platform package carries the `pagefind_extended` binary: it splits
 * Chinese into words). Pages go in from memory, the index comes back in memory: nothing touches the
 * disk, so a folder build and an S3 publish plan the same files.
 */
export function pagefindIndexer(): SearchIndexer {
  return {
    version: `pagefind@${pagefindVersion()}`,
    async build(pages: AsyncIterable<SearchPage>): Promise<IndexFile[]> {
      const created = await pagefind.createIndex({});
      const { index } = created;
      if (!index) throw new Error(`pagefind: ${created.errors.join('; ')}`);
      try {
        // Pagefind takes requests one after another in the order sent, so sending ahead changes no byte of
        // the index: it indexes one page while the next renders. A bounded window keeps memory flat.
        const inFlight: Promise<void>[] = [];
        let failure: Error | undefined; // the first, kept so that no answer is left unhandled
        for await (const page of pages) {
          if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
          if (failure) throw failure;
          const response = index.addHTMLFile({ url: page.url, content: page.html });
          inFlight.push(
            response.then(
              ({ errors }) => {
                if (errors.length > 0) failure ??= new Error(`pagefind: ${page.url}: ${errors.join('; ')}`);
              },
              (error: Error) => {
                failure ??= error;
              },
            ),
          );
        }
        await Promise.all(inFlight);
        if (failure) throw failure;
        const built = await index.getFiles();
        if (built.errors.length > 0) throw new Error(`pagefind: ${built.errors.join('; ')}`);
        return built.files
          .filter((file) => served(file.path))
          .map((file) => ({ path: file.path, bytes: file.content }))
          .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      } finally {
        await pagefind.close();
      }
    },
  };
}

/** Pages sent to Pagefind before the first of them is answered. */
const PAGES_IN_FLIGHT = 32;

/** The search script uses Pagefind's own API, not its ready-made UIs (their styles would need a looser CSP). */
function served(path: string): boolean {
  return !/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(path);
}

function pagefindVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}
