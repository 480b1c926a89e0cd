import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, expectNoAxeViolations, shownCardId, test } from './fixtures';

/** Loads the app and waits until its service worker controls the page. */
async function loadControlled(page: Page) {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(page.getByTestId('app-status')).toHaveText('Ready to work offline');
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
}

test('after one visit the whole app works with no network, and nothing is lost', async ({ page, context }) => {
  await loadControlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('app-status')).toContainText('Offline');
  // The worker served the app shell, which preloads the app's code along with the page.
  expect(await page.locator('script[blocking="render"][src*="/assets/boot-"]').count()).toBe(1);

  // A companion deck, never opened online, loads from the cache and deals.
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Live Well Leadership Collaborative' });
  await expect(page.getByTestId('card-back')).toContainText('31 cards ready to deal');
  await page.keyboard.press('Space');
  await expect(page.locator('article.card')).toContainText(/Theme \d/);
  await page.getByLabel('Deck', { exact: true }).selectOption('power-shifting');
  await expect(page.getByLabel('Deck', { exact: true })).toHaveValue('power-shifting');

  // The deck deals.
  await page.keyboard.press('Space');
  const card = await shownCardId(page);
  // A reflection saves.
  await page.keyboard.press('w');
  await page.getByLabel('What does this look like where you work?').fill('Written in a hall with no signal');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('What will you do?').fill('Follow up on Monday');
  await page.getByLabel('By when?').fill('2031-02-03');
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
  // The logbook, sessions, settings and the deck open (their code comes from the cache).
  for (const [path, heading] of [
    ['#/logbook', 'Logbook'],
    ['#/actions', 'Actions'],
    ['#/sessions', 'Sessions'],
    ['#/deck', 'The deck'],
    ['#/settings', 'Settings'],
  ] as const) {
    await page.goto(`/${path}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  await expectNoAxeViolations(page, 'settings while offline');
  // An export downloads.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export logbook as spreadsheet (CSV)' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toContain('Written in a hall with no signal');

  // Back online: everything is still there.
  await context.setOffline(false);
  await page.goto('/#/logbook');
  await page.reload();
  await expect(page.getByTestId('app-status')).toHaveText('Ready to work offline');
  await expect(page.getByTestId('entry-summary')).toHaveCount(1);
  await expect(page.getByTestId('entry-summary')).toContainText('Written in a hall with no signal');
  await page.goto(`/#/card/${card}`);
  await expect(page.locator('article.card')).toBeVisible();
});

test('Chromium finds the app installable', async ({ browserName, baseURL }, info) => {
  expect(browserName).toBe('chromium');
  // Incognito contexts are never installable, so this one gets a real profile.
  const launch = info.project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ps-install-')), {
    ...(launch.executablePath ? { executablePath: launch.executablePath } : {}),
    ...(launch.args ? { args: launch.args } : {}),
    ...(baseURL ? { baseURL } : {}),
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await loadControlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ id: '/', display: 'standalone', start_url: '/', scope: '/' });
  } finally {
    await context.close();
  }
});

test('the Content-Security-Policy blocks injected inline script and reports it', async ({ page, consoleErrors }) => {
  await page.goto('/');
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.append(script);
      }),
  );
  expect(blocked).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  // The blocked script was this test's own doing; every other test fails on any CSP report.
  expect(consoleErrors.some((e) => e.includes('Content Security Policy'))).toBe(true);
  consoleErrors.length = 0;
});
