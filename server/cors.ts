/**
 * The app served from another origin than this server (APP_URL) calls the API across origins:
 * its pages, and no other site's, are allowed to. Tokens travel in the Authorization header, so
 * no cookies or credentials are involved.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMMON_HEADERS } from './static-files';

/** Adds the headers that let the app's pages read the answer; true when the request was a preflight, answered here. */
export function allowApp(request: IncomingMessage, response: ServerResponse, appOrigin: string | undefined): boolean {
  response.setHeader('Vary', 'Origin');
  if (!appOrigin || request.headers.origin !== appOrigin) return false;
  response.setHeader('Access-Control-Allow-Origin', appOrigin);
  if (request.method !== 'OPTIONS') return false;
  response
    .writeHead(204, {
      ...COMMON_HEADERS,
      'Access-Control-Allow-Methods': 'GET, POST, DELETE',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Max-Age': '600',
    })
    .end();
  return true;
}
