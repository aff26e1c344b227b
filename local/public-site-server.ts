/**
 * The published bucket served as the public site, as CloudFront serves it:
 * GET only, "/" is index.html, the stored Content-Type is kept.
 */

import { createServer } from 'node:http';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { listenOnLoopback } from './listen-on-loopback.js';

export async function startPublicSite(
  s3: S3Client,
  bucket: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const key = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = await object.Body?.transformToByteArray();
      response.writeHead(200, {
        'content-type': object.ContentType ?? 'application/octet-stream',
        ...(object.CacheControl ? { 'cache-control': object.CacheControl } : {}),
        'access-control-allow-origin': '*',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('ไม่พบ / not found');
    }
  });
  return listenOnLoopback(server);
}
