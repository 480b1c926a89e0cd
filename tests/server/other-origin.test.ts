import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, tempDir, type RunningServer } from './harness';

const APP = 'https://app.example.org';
const OTHER = 'https://elsewhere.example.net';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(tempDir('other-origin'), { APP_URL: `${APP}/some/page` });
});

afterAll(async () => {
  await server?.stop('SIGTERM');
});

const preflight = (origin: string) =>
  fetch(`${server.url}/api/spaces`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
  });

/** The status a WebSocket upgrade to /sync gets from a page of `origin`: 101 when it opens. */
function upgrade(origin: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync`, { origin });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('a sync server for an app served from another origin (APP_URL)', () => {
  it('lets that origin’s pages call the API, and no other’s', async () => {
    const allowed = await preflight(APP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(allowed.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await preflight(OTHER);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const call = (origin: string) => fetch(`${server.url}/api/spaces`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}' });
    const fromApp = await call(APP);
    expect(fromApp.status).toBe(400);
    expect(fromApp.headers.get('access-control-allow-origin')).toBe(APP);
    expect(fromApp.headers.get('vary')).toBe('Origin');
    expect((await call(OTHER)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens the sync socket to that origin’s pages and its own, and refuses any other', async () => {
    expect(await upgrade(APP)).toBe(101);
    expect(await upgrade(server.url)).toBe(101);
    expect(await upgrade(OTHER)).toBe(403);
    await server.log('sync.refused', (line) => line.reason === 'origin');
  });

  it('refuses to start with an APP_URL that is not an address', async () => {
    const bad = await startServer(tempDir('bad-app-url'), { APP_URL: 'javascript:alert(1)' }).catch((error: Error) => error);
    expect(String(bad)).toContain('APP_URL must start with https:// or http://');
  });
});
