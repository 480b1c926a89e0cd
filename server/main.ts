/**
 * The Power Shifting server: the built app, the REST API and the sync endpoint, in one process.
 * `npm start` builds both and runs this; see the README's operators' notes.
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { API_PATH, HEALTH_PATH, SYNC_PATH } from '../src/domain/sync/protocol';
import { api } from './api';
import { readConfig, type Config } from './config';
import { openDatabase } from './database';
import { Documents } from './documents';
import { captureConsole, describeError, log } from './log';
import { allowApp } from './cors';
import { Spaces } from './spaces';
import { COMMON_HEADERS, readPolicy, staticFiles } from './static-files';
import { createSync } from './sync';

captureConsole();
process.on('uncaughtException', (error) => {
  log('server.crashed', { message: describeError(error) });
  process.exit(1);
});
// A library's stray promise (a Redis command failing while Redis is away, say) must not stop the server.
process.on('unhandledRejection', (reason) => log('server.unhandled-rejection', { message: describeError(reason) }));

let config: Config;
try {
  // This file is built to dist-server/; the app is built to dist/ beside it.
  config = readConfig(process.env, fileURLToPath(new URL('../dist/', import.meta.url)));
} catch (error) {
  log('server.config-error', { message: describeError(error) });
  process.exit(2);
}

const db = openDatabase(config.dataDir);
const spaces = new Spaces(db);
const sync = createSync(config, spaces, new Documents(db));
const handleApi = api(spaces, sync);
const policy = readPolicy(config.appDir);
if (!policy) log('app.missing', { message: 'The app is not built, so only the API and sync are served. Run npm run build.' });
const serveFile = policy ? staticFiles(config.appDir, policy) : undefined;

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === HEALTH_PATH) {
    db.prepare('SELECT 1').get();
    response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end('{"status":"ok"}');
  } else if (pathname.startsWith(`${API_PATH}/`)) {
    if (!allowApp(request, response, config.appOrigin)) void handleApi(request, response, pathname.slice(API_PATH.length + 1).split('/'));
  } else if (serveFile) {
    serveFile(request, response, pathname);
  } else {
    response.writeHead(404, COMMON_HEADERS).end();
  }
});

server.on('upgrade', (request, socket, head) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === SYNC_PATH) sync.handleUpgrade(request, socket, head);
  else socket.destroy();
});

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log('server.listening', {
    host: config.host,
    port,
    url: config.publicOrigin ?? `http://${config.host}:${port}`,
    dataDir: config.dataDir,
    redis: !!config.redisUrl,
  });
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  const started = performance.now();
  log('server.stopping', { signal });
  server.close();
  // Synchronous from here to the exit: no change can arrive between storing and closing.
  const documents = sync.stop();
  db.close();
  log('server.stopped', { signal, documents, ms: Math.round(performance.now() - started) });
  process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
