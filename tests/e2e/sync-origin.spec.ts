import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from './fixtures';
import { freePort } from './ports';
import { closeDevices, inviteShown, join as joinSpace, newDevice, writeNote } from './sync-devices';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** A plain static host for a built app: no sync server behind it. */
function staticHost(root: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = resolve(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** The built sync server, its first log line awaited. */
async function syncServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist-server/main.js'], { env: { ...process.env, HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line.includes('server.listening') && done());
    child.on('exit', (code) => fail(new Error(`The sync server exited with ${code}`)));
  });
  return child;
}

test('the app connects to its own sync server and refuses any other origin (the Content-Security-Policy)', async ({ browser, baseURL }) => {
  // A device of its own: the refusals below are reported on the console, which the fixture's page would count as errors.
  const device = await newDevice(browser, baseURL!);
  await device.page.goto('/#/settings');
  const outcome = await device.page.evaluate(async (own) => {
    const refused: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => refused.push(`${event.effectiveDirective} ${event.blockedURI}`));
    const reach = (url: string) =>
      fetch(url).then(
        (response) => `answered ${response.status}`,
        () => 'refused',
      );
    const socket = (url: string) =>
      new Promise<string>((resolve) => {
        try {
          const ws = new WebSocket(url);
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onerror = () => resolve('refused');
        } catch {
          resolve('refused');
        }
      });
    const results = {
      ownHealth: await reach(`${own}/healthz`),
      ownSocket: await socket(`${own.replace('http', 'ws')}/sync`),
      otherFetch: await reach('http://127.0.0.2:9/healthz'),
      otherSocket: await socket('ws://127.0.0.2:9/sync'),
    };
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { results, refused };
  }, baseURL!);
  expect(outcome.results).toEqual({ ownHealth: 'answered 200', ownSocket: 'open', otherFetch: 'refused', otherSocket: 'refused' });
  expect([...new Set(outcome.refused)].sort()).toEqual(['connect-src http://127.0.0.2:9/healthz', 'connect-src ws://127.0.0.2:9/sync']);
  await device.context.close();
});

test('an app on a static host syncs through a sync server on another origin (SYNC_URL at build, APP_URL on the server)', async ({ browser }) => {
  test.setTimeout(420_000);
  const [appPort, syncPort] = [await freePort(), await freePort()];
  const appOrigin = `http://127.0.0.1:${appPort}`;
  // Another host name for the same machine, so the two are different origins by host as well as port.
  const syncOrigin = `http://localhost:${syncPort}`;
  const dir = mkdtempSync(join(tmpdir(), 'ps-other-origin-'));
  let server: ChildProcess | undefined;
  let host: Server | undefined;
  try {
    await run('npx', ['vite', 'build', '--outDir', join(dir, 'app'), '--emptyOutDir', '--logLevel', 'error'], { SYNC_URL: syncOrigin });
    host = await staticHost(join(dir, 'app'), appPort);
    server = await syncServer({ PORT: String(syncPort), DATA_DIR: join(dir, 'data'), APP_URL: appOrigin });

    const laptop = await newDevice(browser, appOrigin);
    const phone = await newDevice(browser, appOrigin);
    const page = (await (await fetch(`${appOrigin}/`)).text()).replace(/&#39;/g, "'");
    expect(/connect-src ([^;"]+)/.exec(page)?.[1]).toBe(`'self' ${syncOrigin} ws://localhost:${syncPort}`);

    await laptop.page.goto('/#/settings');
    await laptop.page.getByRole('button', { name: 'Link another device' }).click();
    const link = await inviteShown(laptop.page);
    expect(link.startsWith(`${appOrigin}/#/join/`)).toBe(true);
    await joinSpace(phone.page, link);
    await writeNote(laptop.page, 'ACROSS-ORIGINS: from the static host through the other server');
    await expect(async () => {
      await phone.page.goto('/#/logbook');
      await phone.page.reload();
      await expect(phone.page.getByTestId('entry-summary').filter({ hasText: 'ACROSS-ORIGINS' })).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 45_000 });
    await laptop.page.goto('/#/settings');
    await expect(laptop.page.getByTestId('space-status')).toContainText('Synced.');
    await closeDevices(laptop, phone);
  } finally {
    server?.kill('SIGTERM');
    await new Promise<void>((done) => (host ? host.close(() => done()) : done()));
    rmSync(dir, { recursive: true, force: true });
  }
});
