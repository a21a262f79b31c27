import { UsageError } from './io';

/** A base URL must be absolute http(s); a trailing slash is implied so relative routes resolve under it. */
export function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url "${text}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--base-url must be http or https, not ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError('--base-url must not carry a query or fragment');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
