import type { S3Client } from '@aws-sdk/client-s3';
import type { BriefingSource, SiteStore, StateStore } from '../../core/ports';
import { cacheControlFor } from '../../core/publish/cachePolicy';
import { EMPTY_MANIFEST, type Manifest, parseManifest, serialiseManifest } from '../../core/publish/manifest';
import type { SiteFile } from '../../core/render/outputFormats';
import type { S3Location } from './location';
import { deleteKey, getText, getTextIfListed, listKeys, putText } from './objects';

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
}

/** Publish state under a prefix CloudFront does not serve (the data bucket's `state/`). */
export class S3StateStore implements StateStore {
  readonly description: string;

  constructor(
    private readonly client: S3Client,
    private readonly at: S3Location,
  ) {
    this.description = url(at);
  }

  async readManifest(): Promise<Manifest> {
    const text = await getTextIfListed(this.client, this.at.bucket, `${this.at.prefix}manifest.json`);
    return text === undefined ? EMPTY_MANIFEST : parseManifest(text, url(this.at, 'manifest.json'));
  }

  writeManifest(manifest: Manifest): Promise<void> {
    return putText(this.client, this.at.bucket, `${this.at.prefix}manifest.json`, serialiseManifest(manifest), 'application/json');
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
