import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** Briefing documents and report texts are small; anything bigger is refused unread. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export class ObjectTooLargeError extends Error {
  override name = 'ObjectTooLargeError';
}

/** Every key under a prefix, following continuation tokens (S3 pages at 1,000 keys). */
export async function listKeys(client: S3Client, bucket: string, prefix: string, pageSize?: number): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, ...(pageSize && { MaxKeys: pageSize }) }));
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}

/** An object's bytes, or `undefined` if there is no such key; refuses objects over `maxBytes` unread. */
export async function getBytes(client: S3Client, bucket: string, key: string, maxBytes = MAX_TEXT_BYTES): Promise<Uint8Array | undefined> {
  let response;
  try {
    response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
  if ((response.ContentLength ?? 0) > maxBytes) {
    response.Body?.transformToWebStream().cancel().catch(() => undefined);
    throw new ObjectTooLargeError(`s3://${bucket}/${key} is ${response.ContentLength} bytes (limit ${maxBytes})`);
  }
  return (await response.Body?.transformToByteArray()) ?? new Uint8Array();
}

/** An object's text (strict UTF-8), or `undefined` if there is no such key. */
export async function getText(client: S3Client, bucket: string, key: string, maxBytes = MAX_TEXT_BYTES): Promise<string | undefined> {
  const bytes = await getBytes(client, bucket, key, maxBytes);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`s3://${bucket}/${key} is not UTF-8 text`);
  }
}

/**
 * Like `getText`, but asks a listing first. Where a role may list only some prefixes, S3 answers
 * a GET of a missing key with 403 rather than 404; a listing tells "absent" from "forbidden".
 */
export async function getTextIfListed(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }));
  if (page.Contents?.[0]?.Key !== key) return undefined;
  return getText(client, bucket, key);
}

export async function putText(client: S3Client, bucket: string, key: string, body: string | Uint8Array, contentType: string, cacheControl?: string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ...(cacheControl && { CacheControl: cacheControl }) }));
}

export async function deleteKey(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}
