/** Devices for the sync journeys: each a browser context of its own (a separate profile), against the real server. */
import { readdirSync, readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, withoutSaveDialog } from './fixtures';

export interface Device {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** WebSocket failures while a context is offline are the browser's report of the network, not the app's. */
const NETWORK_NOISE = /WebSocket connection to .* failed|net::ERR_INTERNET_DISCONNECTED|Failed to load resource/;

export async function newDevice(browser: Browser, baseURL: string): Promise<Device> {
  const context = await browser.newContext({ baseURL });
  await withoutSaveDialog(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !NETWORK_NOISE.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  if (process.env.SYNC_DEBUG) page.on('console', (m) => console.warn('[page]', m.type(), m.text()));
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page, errors };
}

export async function closeDevices(...devices: Device[]): Promise<void> {
  for (const device of devices) {
    expect(device.errors, 'console errors on a device').toEqual([]);
    await device.context.close();
  }
}

/** Settings › Devices and sharing › Link another device: the invite link shown. */
export async function linkDeviceInvite(page: Page): Promise<string> {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Link another device' }).click();
  return inviteShown(page);
}

export async function inviteShown(page: Page): Promise<string> {
  const link = page.getByTestId('invite').getByRole('textbox', { name: 'Invite link' });
  await expect(link).toHaveValue(/#\/join\//);
  return link.inputValue();
}

export async function join(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('joined')).toBeVisible();
}

export async function writeNote(page: Page, notes: string, more: (page: Page) => Promise<unknown> = async () => undefined): Promise<void> {
  await page.goto('/#/logbook/new');
  await page.getByLabel('Notes', { exact: false }).first().fill(notes);
  await more(page);
  await page.getByRole('button', { name: 'Save to logbook' }).click();
  await expect(page.getByText('Saved to your logbook.')).toBeVisible();
  // The app then opens the entry: a form opened before that would be replaced by it.
  await expect(page).toHaveURL(/#\/logbook\/entry\//);
}

/** Every file in the server's data folder (the SQLite database and its journal) and its log, as text. */
export function serverFiles(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set: run the tests through playwright.config.ts');
  return readdirSync(dir)
    .map((name) => readFileSync(joinPath(dir, name)).toString('latin1'))
    .join('\n');
}
