import type { S3Client } from '@aws-sdk/client-s3';
import type { BriefingSource, DraftStore, ReportSource, SiteStore } from '../../core/ports';
import { cacheControlFor } from '../../core/publish/cachePolicy';
import { ConditionalStateStore } from '../../core/publish/conditionalStateStore';
import type { ConditionalObjects } from '../../core/publish/lease';
import type { SiteFile } from '../../core/render/outputFormats';
import type { S3Location } from './location';
import { deleteConditional, deleteKey, getBytes, getText, getTextIfListed, getVersionedTextIfListed, listKeys, putConditional, putText } from './objects';

const url = (at: S3Location, key = '') => `s3://${at.bucket}/${at.prefix}${key}`;

/** A data prefix in a bucket: `briefings/<id>.json` and `sources/<file>` under it. */
export class S3BriefingSource implements BriefingSource {
  readonly description: string;

  constructor(
    private readonly client: S3Client,
    private readonly at: S3Location,
    private readonly pageSize?: number,
  ) {
    this.description = url(at);
  }

  async listBriefings(): Promise<string[]> {
    const keys = await listKeys(this.client, this.at.bucket, `${this.at.prefix}briefings/`, this.pageSize);
    return keys.map((k) => k.slice(this.at.prefix.length)).filter((k) => /^briefings\/[^/]+\.json$/.test(k));
  }

  async read(key: string): Promise<string> {
    const text = await getText(this.client, this.at.bucket, this.at.prefix + key);
    if (text === undefined) throw new Error(`${url(this.at, key)} does not exist (deleted while publishing?)`);
    return text;
  }

  readSourceText(file: string): Promise<string | undefined> {
    return getTextIfListed(this.client, this.at.bucket, `${this.at.prefix}sources/${file}`);
  }
}

/** The site bucket: every object with its media type and cache policy. */
export class S3SiteStore implements SiteStore {
  readonly description: string;

  constructor(
    private readonly client: S3Client,
    private readonly at: S3Location,
  ) {
    this.description = url(at);
  }

  put(file: SiteFile): Promise<void> {
    return putText(this.client, this.at.bucket, this.at.prefix + file.path, file.body, file.contentType, cacheControlFor(file.role));
  }

  delete(path: string): Promise<void> {
    return deleteKey(this.client, this.at.bucket, this.at.prefix + path);
  }

  /** For `--verify` only (the publisher function is not allowed to read the site bucket). */
  read(path: string): Promise<Uint8Array | undefined> {
    return getBytes(this.client, this.at.bucket, this.at.prefix + path);
  }
}

/** Publish state under a prefix CloudFront does not serve (the data bucket's `state/`). */
export class S3StateStore extends ConditionalStateStore {
  constructor(
    private readonly client: S3Client,
    private readonly at: S3Location,
  ) {
    super(url(at), new S3ConditionalObjects(client, at));
  }

  readLastGood(id: string): Promise<string | undefined> {
    return getTextIfListed(this.client, this.at.bucket, `${this.at.prefix}last-good/${id}.json`);
  }

  writeLastGood(id: string, text: string): Promise<void> {
    return putText(this.client, this.at.bucket, `${this.at.prefix}last-good/${id}.json`, text, 'application/json');
  }

  deleteLastGood(id: string): Promise<void> {
    return deleteKey(this.client, this.at.bucket, `${this.at.prefix}last-good/${id}.json`);
  }
}

/** S3 conditional writes: If-None-Match: * to create, If-Match: ETag to replace or delete. */
class S3ConditionalObjects implements ConditionalObjects {
  constructor(
    private readonly client: S3Client,
    private readonly at: S3Location,
  ) {}

  read(name: string) {
    return getVersionedTextIfListed(this.client, this.at.bucket, this.at.prefix + name);
  }
  create(name: string, text: string) {
    return putConditional(this.client, this.at.bucket, this.at.prefix + name, text, { ifNoneMatch: '*' });
  }
  replace(name: string, text: string, version: string) {
    return putConditional(this.client, this.at.bucket, this.at.prefix + name, text, { ifMatch: version });
  }
  remove(name: string, version: string) {
    return deleteConditional(this.client, this.at.bucket, this.at.prefix + name, version);
  }
}

/** Reports under a prefix of the data bucket. */
export class S3ReportSource implements ReportSource {
  readonly description: string;
  constructor(
    private readonly client: S3Client,
    private readonly at: S3Location,
  ) {
    this.description = url(at);
  }
  read(key: string): Promise<Uint8Array | undefined> {
    return getBytes(this.client, this.at.bucket, this.at.prefix + key);
  }
}

/** Drafts as JSON objects under a prefix of the data bucket. */
export class S3DraftStore implements DraftStore {
  readonly description: string;
  constructor(
    private readonly client: S3Client,
    private readonly at: S3Location,
  ) {
    this.description = url(at);
  }
  write(name: string, value: unknown): Promise<void> {
    return putText(this.client, this.at.bucket, this.at.prefix + name, `${JSON.stringify(value, null, 2)}\n`, 'application/json; charset=utf-8');
  }
}
