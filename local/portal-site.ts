/**
 * The web portal on 127.0.0.1: built with Vite's JS API (the same build CDK
 * deploys), served as static files with the config.json the local stack
 * writes (local API, local identities, public site), as CloudFront serves
 * the build and the config CDK writes in AWS.
 */

import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PortalConfig } from '../shared/workflow/portal-config.js';
import { listenOnLoopback } from './listen-on-loopback.js';

export const WEB_CONFIG_FILE = fileURLToPath(new URL('../web/vite.config.ts', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Builds the portal into `outDir`; Vite's own progress lines go to `log`. */
export async function buildPortal(outDir: string, log?: (line: string) => void): Promise<void> {
  const { build, createLogger } = await import('vite');
  const logger = createLogger(log ? 'info' : 'silent');
  if (log) {
    const forward = (message: string) => {
      for (const line of message.split('\n')) if (line.trim()) log(`      ${line}`);
    };
    logger.info = forward;
    logger.warn = forward;
  }
  await build({
    configFile: WEB_CONFIG_FILE,
    customLogger: logger,
    logLevel: log ? 'info' : 'silent',
    // Vite resolves a relative outDir against its root (web/), not the working directory.
    build: { outDir: resolve(outDir), emptyOutDir: true },
  });
}

/** The request's path, percent-escapes decoded, or undefined when they do not decode. */
function decodedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return undefined;
  }
}

export interface PortalSite {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` (index.html for "/" and unknown paths) and the config `config()` gives at the time. */
export async function startPortalSite(
  dir: string,
  config: () => PortalConfig | undefined,
): Promise<PortalSite> {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const path = decodedPath(request.url);
    if (path === undefined) {
      // A malformed percent-escape (say "/%E0%A4%A") names no file; it must not end the server.
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad path');
      return;
    }
    if (path === '/config.json') {
      response.writeHead(200, {
        'content-type': TYPES['.json'] ?? '',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(config() ?? {}));
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    const inside = file.startsWith(`${root}/`);
    const found = inside
      ? await stat(file).then(
          (s) => s.isFile(),
          () => false,
        )
      : false;
    const target = found ? file : join(root, 'index.html');
    try {
      const body = await readFile(target);
      response.writeHead(200, {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return listenOnLoopback(server);
}
