/**
 * The Content-Security-Policy, added to the built index.html only: Vite's dev server injects
 * inline styles for hot reload, which this policy rightly forbids. The page may connect to its
 * own origin and, when the app is built for a sync server elsewhere (SYNC_URL), to that origin
 * alone: its API, and its sync socket (named as well: Chromium does not take an http(s) source
 * to allow ws(s)).
 */
import type { Plugin } from 'vite';

/** SYNC_URL as an origin ("" when unset), or an error saying what is wrong with it. */
export function syncOrigin(text: string | undefined): string {
  if (!text) return '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SYNC_URL must be an address such as https://sync.example.org; it is “${text}”.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('SYNC_URL must start with https:// or http://.');
  return url.origin;
}

export const contentSecurityPolicy = (sync = '') =>
  [
    "default-src 'self'",
    "script-src 'self'",
    // The first screen's CSS is inlined and allowed by its hash (see inline-css.ts); nothing else inline.
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sync ? ` ${sync} ${sync.replace(/^http/, 'ws')}` : ''}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

/** The policy of a build without SYNC_URL. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export function cspPlugin(sync = ''): Plugin {
  return {
    name: 'power-shifting-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(sync) },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
