/** `acm-report start --once` leaves a copy of the published site behind. */

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { LocalStack } from './local-stack.js';

/** Copies every object of the published bucket under `folder`, keys as paths. */
export async function copyPublishedSite(stack: LocalStack, folder: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await stack.s3.send(
      new ListObjectsV2Command({ Bucket: stack.publishedBucket, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue;
      const got = await stack.s3.send(
        new GetObjectCommand({ Bucket: stack.publishedBucket, Key: object.Key }),
      );
      const path = join(folder, object.Key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, (await got.Body?.transformToByteArray()) ?? new Uint8Array());
      keys.push(object.Key);
    }
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}
