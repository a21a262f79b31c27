/** The XML of CloudFront's CreateInvalidation API (2020-05-31): the request body and the error body. */

const XMLNS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (entity, hex?: string, dec?: string, name?: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (ENTITIES[name!] ?? entity),
  );
}

/** The InvalidationBatch document: the paths in order, and the reference that makes a retry idempotent. */
export function invalidationBatchXml(paths: readonly string[], callerReference: string): string {
  const items = paths.map((p) => `<Path>${escapeXml(p)}</Path>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><InvalidationBatch xmlns="${XMLNS}">` +
    `<Paths><Quantity>${paths.length}</Quantity><Items>${items}</Items></Paths>` +
    `<CallerReference>${escapeXml(callerReference)}</CallerReference></InvalidationBatch>`
  );
}

export interface ApiErrorFields {
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
}

/** Code, Message and RequestId of an `<ErrorResponse>` (each absent when the body is not one: a proxy's HTML page). */
export function parseErrorXml(body: string): ApiErrorFields {
  const field = (name: string) => {
    const text = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
    return text ? unescapeXml(text) : undefined;
  };
  const [code, message, requestId] = [field('Code'), field('Message'), field('RequestId')];
  return { ...(code && { code }), ...(message && { message }), ...(requestId && { requestId }) };
}
