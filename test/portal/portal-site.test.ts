/**
 * The local portal server (local/portal-site.ts) as a browser meets it: a
 * path with a malformed percent-escape is refused with 400, and the server
 * goes on serving (it used to throw inside its handler and stop answering).
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PortalSite, startPortalSite } from '../../local/portal-site.js';

let site: PortalSite;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acm-report-portal-site-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>portal</title>');
  site = await startPortalSite(dir, () => undefined);
});

afterAll(async () => {
  await site?.close();
});

/** A raw GET: fetch would normalise the path before sending it. */
function get(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('Local portal server', () => {
  it('refuses a malformed percent-escape with 400 and keeps serving', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/assets/%')).status).toBe(400);
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>portal</title>');
  });

  it('still decodes a well-formed escape', async () => {
    // An unknown path falls back to index.html, as CloudFront's error page does for the portal.
    expect((await get('/%E0%B8%A3%E0%B8%AD%E0%B8%9A')).status).toBe(200);
  });
});
