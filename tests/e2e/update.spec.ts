/**
 * New versions: offered, never forced. Two builds of the app are made once; the server publishes
 * the first, then the second is copied over it, as a deploy would.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { freePort } from './ports';

function build(outDir: string, suffix: string) {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, APP_VERSION_SUFFIX: suffix },
    stdio: 'pipe',
  });
}

let work: string;
let served: string;
let server: ChildProcess;
let base = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'ps-update-'));
  build(join(work, 'first'), 'first');
  build(join(work, 'second'), 'second');
  served = join(work, 'served');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  publish('first');
  server = spawn('npx', ['vite', 'preview', '--outDir', served, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server for the update test did not start');
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid);
  rmSync(work, { recursive: true, force: true });
});

/** Puts a build where the server serves it from. */
function publish(which: 'first' | 'second') {
  rmSync(served, { recursive: true, force: true });
  cpSync(join(work, which), served, { recursive: true });
}

async function offerUpdate(page: Page) {
  publish('second');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

test.beforeEach(() => publish('first'));

test('a new version is offered, not forced, and updating keeps the draft being typed', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${base}/#/settings`);
  await expect(page.getByTestId('app-version')).toContainText('-first');
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);

  await page.goto(`${base}/#/logbook/new`);
  await page.getByLabel('Notes').fill('Half a thought before the update');
  await offerUpdate(page);
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toContainText('A new version is ready.', { timeout: 30_000 });
  // Nothing reloads by itself: the user is still typing.
  await page.getByLabel('Notes').pressSequentially(', and the rest of it');
  await Promise.all([page.waitForEvent('framenavigated'), prompt.getByRole('button', { name: 'Update' }).click()]);
  await expect(page.getByLabel('Notes')).toHaveValue('Half a thought before the update, and the rest of it');
  await page.goto(`${base}/#/settings`);
  await expect(page.getByTestId('app-version')).toContainText('-second');
});

test('on a first visit too, Update finishes: the page reloads into the new version', async ({ page }) => {
  test.setTimeout(120_000);
  // The service worker takes this first visit over without a reload (clients.claim).
  await page.goto(`${base}/#/settings`);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await expect(page.getByTestId('app-version')).toContainText('-first');
  await offerUpdate(page);
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toContainText('A new version is ready.', { timeout: 30_000 });
  await Promise.all([page.waitForEvent('framenavigated'), prompt.getByRole('button', { name: 'Update' }).click()]);
  await expect(page.getByTestId('app-version')).toContainText('-second', { timeout: 30_000 });
  await expect(page.getByTestId('update-prompt')).toHaveCount(0);
});

test('when another tab updates, this one is not reloaded under the person: it says so and reloads when asked', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto(`${base}/#/settings`);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const other = await context.newPage();
  await other.goto(`${base}/#/settings`);
  await other.waitForFunction(() => !!navigator.serviceWorker.controller);
  // Something that is not a draft: a restore preview, with a marker that a reload would wipe.
  await other.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));
  await other.locator('#restore-file').setInputFiles({ name: 'not-a-backup.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await expect(other.getByText('not a Power Shifting backup')).toBeVisible();

  await offerUpdate(page);
  await expect(page.getByTestId('update-prompt')).toContainText('A new version is ready.', { timeout: 30_000 });
  await Promise.all([page.waitForEvent('framenavigated'), page.getByTestId('update-prompt').getByRole('button', { name: 'Update' }).click()]);
  await expect(page.getByTestId('app-version')).toContainText('-second', { timeout: 30_000 });

  // The other tab is told, and is still the page it was.
  const outdated = other.getByTestId('outdated-prompt');
  await expect(outdated).toContainText('updated in another tab', { timeout: 30_000 });
  expect(await other.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
  await expect(other.getByText('not a Power Shifting backup')).toBeVisible();
  await expect(other.getByTestId('app-version')).toContainText('-first');
  await Promise.all([other.waitForEvent('framenavigated'), outdated.getByRole('button', { name: 'Reload' }).click()]);
  await expect(other.getByTestId('app-version')).toContainText('-second');
});
