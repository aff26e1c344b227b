/**
 * Objects in S3: reading uploads, writing converted documents, results and
 * published reports. (Presigning lives in s3-presigned-upload.ts so intake
 * and publishing do not bundle the signer.)
 */

import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

export interface ObjectHead {
  size: number;
  contentType: string | undefined;
  etag: string;
}

export interface PutOptions {
  contentType: string;
  cacheControl?: string;
  metadata?: Record<string, string>;
}

export class S3BlobStore {
  constructor(private readonly client: S3Client) {}

  async head(bucket: string, key: string): Promise<ObjectHead> {
    const out = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { size: out.ContentLength ?? 0, contentType: out.ContentType, etag: out.ETag ?? '' };
  }

  /**
   * The object's bytes, read only if it is still the version the event named
   * (IfMatch): a key overwritten since is a new event of its own.
   */
  async getBytes(bucket: string, key: string, etag?: string): Promise<Uint8Array> {
    const out = await this.client.send(
      new GetObjectCommand({ Bucket: bucket, Key: key, ...(etag ? { IfMatch: etag } : {}) }),
    );
    if (!out.Body) throw new Error(`s3://${bucket}/${key} has no body`);
    return out.Body.transformToByteArray();
  }

  async getJson(bucket: string, key: string): Promise<unknown> {
    const bytes = await this.getBytes(bucket, key);
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  async getJsonIfPresent(bucket: string, key: string): Promise<unknown> {
    try {
      return await this.getJson(bucket, key);
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async put(
    bucket: string,
    key: string,
    body: Uint8Array | string,
    options: PutOptions,
  ): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: options.contentType,
        ...(options.cacheControl ? { CacheControl: options.cacheControl } : {}),
        ...(options.metadata ? { Metadata: options.metadata } : {}),
      }),
    );
  }

  async putJson(bucket: string, key: string, value: unknown, cacheControl?: string): Promise<void> {
    await this.put(bucket, key, `${JSON.stringify(value, null, 2)}\n`, {
      contentType: 'application/json; charset=utf-8',
      ...(cacheControl ? { cacheControl } : {}),
    });
  }
}
