/**
 * The built app (dist/), served with the headers the README's nginx example sets: pages and the
 * service worker revalidated on every visit, hashed assets cached for a year, and the app's
 * Content-Security-Policy sent as a header too (read from the built index.html, so the two are
 * always the same policy).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Checked on every visit, so a new version is found: the pages, the service worker and the manifest. */
const REVALIDATED = new Set(['/index.html', '/app.html', '/sw.js', '/manifest.webmanifest']);

/** Headers every response carries. */
export const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const ENTITIES: Record<string, string> = { '&#39;': "'", '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** The policy in the built page's <meta>, or undefined when the app has not been built. */
export function readPolicy(appDir: string): string | undefined {
  const index = join(appDir, 'index.html');
  if (!existsSync(index)) return undefined;
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(readFileSync(index, 'utf8'));
  if (!match?.[1]) throw new Error(`${index} has no Content-Security-Policy: build the app with npm run build.`);
  return match[1].replace(/&#39;|&quot;|&amp;|&lt;|&gt;/g, (entity) => ENTITIES[entity] ?? entity);
}

export function staticFiles(appDir: string, policy: string) {
  const root = resolve(appDir);
  return (request: IncomingMessage, response: ServerResponse, pathname: string): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...COMMON_HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      path = '';
    }
    const file = resolve(join(root, path));
    const stat = path && !path.includes('\0') && file.startsWith(root + sep) && existsSync(file) ? statSync(file) : undefined;
    if (!stat?.isFile()) {
      response.writeHead(404, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.\n');
      return;
    }
    const etag = `W/"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
    const headers: Record<string, string> = {
      ...COMMON_HEADERS,
      'Content-Security-Policy': policy,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      ETag: etag,
    };
    if (path.startsWith('/assets/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
    else if (REVALIDATED.has(path)) headers['Cache-Control'] = 'no-cache';
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Length': String(stat.size) });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
}
