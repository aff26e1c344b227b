/**
 * The AWS services acm-report uses, embedded in this process and listening
 * on 127.0.0.1 only (ports chosen by the OS): DynamoDB (dynalite), S3
 * (s3rver) and SQS (fauxqs). Real protocols, so the very SDK clients and
 * handlers of the deployment run against them.
 */

import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { interceptLocalhostDns, startFauxqs } from 'fauxqs';
import S3rver from 's3rver';
import { adoptLoopbackServer } from './listen-on-loopback.js';

/** s3rver accepts only this access key; the other emulators accept anything. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'ap-southeast-1';

/** An S3 event record as s3rver emits it (the shape of an S3 notification record). */
export interface LocalS3EventRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string; size: number; eTag: string } };
}

export interface EmbeddedServices {
  endpoints: { dynamodb: string; s3: string; sqs: string };
  /** Emits 'object-created' with each S3 event record, as bucket notifications would. */
  s3Events: EventEmitter;
  sqs: Awaited<ReturnType<typeof startFauxqs>>;
  /** Where s3rver keeps objects (a temporary folder, removed on close). */
  s3Directory: string;
  close(): Promise<void>;
}

function url(address: AddressInfo | string | null): string {
  if (!address || typeof address === 'string')
    throw new Error(`unexpected address ${String(address)}`);
  return `http://127.0.0.1:${address.port}`;
}

async function listen(server: Server): Promise<string> {
  adoptLoopbackServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return url(server.address());
}

export async function startEmbeddedServices(
  options: { buckets?: string[] } = {},
): Promise<EmbeddedServices> {
  // dynalite: in memory, tables ready at once (no create/delete delays).
  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const dynamodb = await listen(dynamo);

  const s3Directory = await mkdtemp(join(tmpdir(), 'acm-report-s3-'));
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3Directory,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  const s3Events = new EventEmitter();
  s3rver.on('event', (event: { Records?: LocalS3EventRecord[] }) => {
    for (const record of event.Records ?? []) {
      if (record.eventName.startsWith('ObjectCreated')) s3Events.emit('object-created', record);
    }
  });
  const s3 = url(await s3rver.run());
  // s3rver creates its own HTTP server; it gets the same idle timeouts as ours, and is known in process.
  const s3Server = (s3rver as unknown as { httpServer?: Server }).httpServer;
  if (s3Server) adoptLoopbackServer(s3Server);

  const sqs = await startFauxqs({ port: 0, logger: false, defaultRegion: LOCAL_REGION });
  // fauxqs queue URLs are http://sqs.<region>.localhost:<port>/…, and the SDK
  // sends to the queue URL's host; not every resolver maps *.localhost to
  // 127.0.0.1, so this process does.
  const restoreDns = interceptLocalhostDns();

  return {
    endpoints: { dynamodb, s3, sqs: sqs.address.replace('localhost', '127.0.0.1') },
    s3Events,
    sqs,
    s3Directory,
    async close() {
      await sqs.stop();
      await s3rver.close();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
      await rm(s3Directory, { recursive: true, force: true });
      restoreDns();
    },
  };
}
