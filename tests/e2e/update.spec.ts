import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { freePort } from './ports';

let BASE = '';

function build(outDir: string, suffix: string) {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, APP_VERSION_SUFFIX: suffix },
    stdio: 'pipe',
  });
}

let dir: string;
let server: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), 'ps-update-'));
  build(dir, 'first');
  const port = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  server = spawn('npx', ['vite', 'preview', '--outDir', dir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server for the update test did not start');
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid);
  rmSync(dir, { recursive: true, force: true });
});

test('a new version is offered, not forced, and updating keeps the draft being typed', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${BASE}/#/settings`);
  await expect(page.getByTestId('app-version')).toContainText('-first');
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);

  await page.goto(`${BASE}/#/logbook/new`);
  await page.getByLabel('Notes').fill('Half a thought before the update');

  build(dir, 'second');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toContainText('A new version is ready.', { timeout: 30_000 });
  // Nothing reloads by itself: the user is still typing.
  await page.getByLabel('Notes').pressSequentially(', and the rest of it');
  await Promise.all([page.waitForEvent('framenavigated'), prompt.getByRole('button', { name: 'Update' }).click()]);
  await expect(page.getByLabel('Notes')).toHaveValue('Half a thought before the update, and the rest of it');
  await page.goto(`${BASE}/#/settings`);
  await expect(page.getByTestId('app-version')).toContainText('-second');
});
