import { Readable } from 'node:stream';
import { parseFeed } from '@rowanmanning/feed-parser';
import FeedParser from 'feedparser';
import { XMLValidator } from 'fast-xml-parser';

export interface ParsedItem {
  guid: string;
  title: string;
  link: string;
  date: Date | null;
}

/** node-feedparser in strict mode: what many readers (and their tests) use; rejects malformed XML. */
export function parseWithFeedparser(xml: string): Promise<{ meta: Record<string, any>; items: ParsedItem[] }> {
  return new Promise((resolve, reject) => {
    const items: ParsedItem[] = [];
    let meta: Record<string, any> = {};
    const parser = new FeedParser({ strict: true, normalize: true, addmeta: false });
    parser.on('error', reject);
    parser.on('meta', (m: Record<string, any>) => (meta = m));
    parser.on('readable', function (this: any) {
      for (let item = this.read(); item; item = this.read()) items.push(item);
    });
    parser.on('end', () => resolve({ meta, items }));
    Readable.from([xml]).pipe(parser);
  });
}

/** @rowanmanning/feed-parser: lenient, modern; the second opinion. */
export { parseFeed };

/** Strict XML well-formedness (fast-xml-parser's validator). */
export function assertWellFormed(xml: string, where: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) throw new Error(`${where} is not well-formed XML: ${JSON.stringify(result.err)}`);
}
