// What the built app costs to download, and its budgets: one measure shared by the build
// checks (npm test) and the benchmark (npm run bench).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const KB = 1024;

/** Gzip budgets in bytes. */
export const BUDGETS = {
  /** What the first paint waits for: the entry script, what it preloads, and the inlined CSS. */
  critical: 14 * KB,
  /** Every script, the service worker's included: what is downloaded and precached for offline use. */
  allJs: 300 * KB,
};

const measure = (data) => ({
  raw: data.length,
  gzip: gzipSync(data, { level: 9 }).length,
  brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO = { raw: 0, gzip: 0, brotli: 0 };

export function bundleSizes(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const sizeOf = (file) => measure(readFileSync(join(dist, file)));
  const critical = [...html.matchAll(/<(?:script[^>]*src|link[^>]*(?:rel="stylesheet"|rel="modulepreload")[^>]*href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  // The first screen's CSS is inlined into index.html: it counts as render-critical too.
  const inline = measure(Buffer.from([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('')));
  const assets = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
  const scripts = [...assets.filter((f) => f.endsWith('.js')), 'sw.js'];
  const files = Object.fromEntries([...assets, 'sw.js'].map((f) => [f, sizeOf(f)]));
  const criticalFiles = { ...Object.fromEntries(critical.map((f) => [f, sizeOf(f)])), 'index.html <style> (inlined CSS)': inline };
  return {
    html: sizeOf('index.html'),
    critical: { files: criticalFiles, total: Object.values(criticalFiles).reduce(add, ZERO) },
    all: {
      files,
      js: scripts.map((f) => files[f]).reduce(add, ZERO),
      jsCount: scripts.length,
      css: assets.filter((f) => f.endsWith('.css')).map((f) => files[f]).reduce(add, ZERO),
    },
  };
}
