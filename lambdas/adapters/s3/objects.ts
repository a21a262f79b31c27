import { TooLargeError } from '../../core/model/limits';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/** Briefing documents and report texts are small; anything bigger is refused unread. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export class ObjectTooLargeError extends TooLargeError {
  override name = 'ObjectTooLargeError';
}

/** Every key under a prefix, following continuation tokens (S3 pages at 1,000 keys). */
export async function listKeys(client: S3Client, bucket: string, prefix: string, pageSize?: number): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, ...(pageSize && { MaxKeys: pageSize }) }),
    );
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}

/** An object's bytes, or `undefined` if there is no such key; refuses objects over `maxBytes` unread. */
export async function getBytes(client: S3Client, bucket: string, key: string, maxBytes = MAX_TEXT_BYTES): Promise<Uint8Array | undefined> {
  return (await getObject(client, bucket, key, maxBytes))?.bytes;
}

/** An object's bytes and ETag, or `undefined` if there is no such key. */
async function getObject(client: S3Client, bucket: string, key: string, maxBytes: number): Promise<{ bytes: Uint8Array; etag: string } | undefined> {
  let response: GetObjectCommandOutput;
  try {
    response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
  if ((response.ContentLength ?? 0) > maxBytes) {
    response.Body?.transformToWebStream()
      .cancel()
      .catch(() => undefined);
    throw new ObjectTooLargeError(`s3://${bucket}/${key} is ${response.ContentLength} bytes (limit ${maxBytes})`);
  }
  return { bytes: (await response.Body?.transformToByteArray()) ?? new Uint8Array(), etag: response.ETag ?? '' };
}

/** An object's text (strict UTF-8), or `undefined` if there is no such key. */
export async function getText(client: S3Client, bucket: string, key: string, maxBytes = MAX_TEXT_BYTES): Promise<string | undefined> {
  return (await getVersionedText(client, bucket, key, maxBytes))?.text;
}

/** An object's text (strict UTF-8) and ETag, the version a conditional write names. */
export async function getVersionedText(
  client: S3Client,
  bucket: string,
  key: string,
  maxBytes = MAX_TEXT_BYTES,
): Promise<{ text: string; version: string } | undefined> {
  const object = await getObject(client, bucket, key, maxBytes);
  if (object === undefined) return undefined;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(object.bytes), version: object.etag };
  } catch {
    throw new Error(`s3://${bucket}/${key} is not UTF-8 text`);
  }
}

/**
 * Like `getText`, but asks a listing first. Where a role may list only some prefixes, S3 answers
 * a GET of a missing key with 403 rather than 404; a listing tells "absent" from "forbidden".
 */
export async function getTextIfListed(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  return (await getVersionedTextIfListed(client, bucket, key))?.text;
}

export async function getVersionedTextIfListed(client: S3Client, bucket: string, key: string): Promise<{ text: string; version: string } | undefined> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }));
  if (page.Contents?.[0]?.Key !== key) return undefined;
  return getVersionedText(client, bucket, key);
}

/**
 * A conditional write (S3 conditional writes, 2024): `ifNoneMatch: '*'` creates only a new key,
 * `ifMatch` replaces only that ETag. The new ETag, or `undefined` when the condition failed
 * (412 Precondition Failed, or 409 ConditionalRequestConflict from a concurrent conditional write).
 */
export async function putConditional(
  client: S3Client,
  bucket: string,
  key: string,
  body: string,
  condition: { ifNoneMatch: '*' } | { ifMatch: string },
): Promise<string | undefined> {
  try {
    const response = await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'application/json',
        ...('ifMatch' in condition ? { IfMatch: condition.ifMatch } : { IfNoneMatch: '*' }),
      }),
    );
    return response.ETag ?? '';
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Deletes a key only in the version given (a lease this writer made); nothing if it changed. */
export async function deleteConditional(client: S3Client, bucket: string, key: string, etag: string): Promise<void> {
  try {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag }));
  } catch (error) {
    if (!isConditionFailure(error) && (error as { name?: string }).name !== 'NoSuchKey') throw error;
  }
}

function isConditionFailure(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'PreconditionFailed' || name === 'ConditionalRequestConflict' || $metadata?.httpStatusCode === 412 || $metadata?.httpStatusCode === 409;
}

export async function putText(
  client: S3Client,
  bucket: string,
  key: string,
  body: string | Uint8Array,
  contentType: string,
  cacheControl?: string,
): Promise<void> {
  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ...(cacheControl && { CacheControl: cacheControl }) }),
  );
}

export async function deleteKey(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}
