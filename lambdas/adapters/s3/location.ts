export interface S3Location {
  readonly bucket: string;
  /** '' or a prefix ending in '/'. */
  readonly prefix: string;
}

export class S3LocationError extends Error {
  override name = 'S3LocationError';
}

/** `s3://bucket/some/prefix` → { bucket: 'bucket', prefix: 'some/prefix/' } */
export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match) throw new S3LocationError(`not an s3://bucket[/prefix] location: ${url}`);
  const rest = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  return { bucket: match[1] as string, prefix: rest === '' ? '' : `${rest}/` };
}

export function isS3Url(text: string): boolean {
  return text.startsWith('s3://');
}
