/**
 * A real browser with a profile on disk that a test can kill as a crash would: Debian's Chromium
 * started by hand (not by Playwright), driven over the DevTools protocol, its main process sent
 * SIGKILL. What the app wrote to disk is all that survives, as after a power cut of the browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect } from './fixtures';

const executable = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface RunningBrowser {
  browser: Browser;
  context: BrowserContext;
  process: ChildProcess;
  /** SIGKILL to the browser's main process, then waits until every process of it has gone. */
  kill: () => Promise<void>;
}

export function profileDir(prefix = 'ps-profile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

async function exited(child: ChildProcess, timeout: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeout);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts Chromium on a profile (made before, or new) and connects to it. */
export async function launch(profile: string, wrapper: string[] = []): Promise<RunningBrowser> {
  const portFile = join(profile, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const args = [
    '--headless=new',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    'about:blank',
  ];
  const [command, ...prefix] = [...wrapper, executable];
  // Its own process group, so that nothing of it outlives the test.
  const child = spawn(command!, [...prefix, ...args], { stdio: 'ignore', detached: true });
  let port = 0;
  for (let i = 0; i < 300 && !port; i++) {
    if (existsSync(portFile)) port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
    if (!port) await new Promise((r) => setTimeout(r, 100));
    if (child.exitCode !== null) throw new Error(`Chromium exited at start (code ${child.exitCode})`);
  }
  if (!port) throw new Error('Chromium did not start');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0]!;
  // Files come as downloads (see fixtures.ts).
  await context.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  return {
    browser,
    context,
    process: child,
    kill: async () => {
      process.kill(child.pid!, 'SIGKILL');
      await exited(child, 10_000);
      // Children notice their parent has gone; any that have not yet are stopped too.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await new Promise((r) => setTimeout(r, 200));
    },
  };
}

/** Closes a browser the ordinary way, as a person quitting it would. */
/** After a test: kills the browser it left running, and removes its profile folder. */
export async function discard(running: RunningBrowser | undefined, profile: string | undefined): Promise<void> {
  await running?.kill();
  if (profile) rmSync(profile, { recursive: true, force: true });
}

export async function quit(running: RunningBrowser): Promise<void> {
  await running.browser.close().catch(() => undefined);
  if (!(await exited(running.process, 10_000))) await running.kill();
}

/** A page of the app in a running browser, once the app has taken over the page. */
export async function openApp(running: RunningBrowser, path: string): Promise<Page> {
  const page = running.context.pages().find((p) => p.url() === 'about:blank') ?? (await running.context.newPage());
  await page.goto(`${baseURL()}${path}`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  return page;
}

export function baseURL(): string {
  return `http://127.0.0.1:${process.env.E2E_PORT}`;
}

/** Words typed one key at a time, each word's time noted when its last key has been taken by the page. */
export async function typeWords(page: Page, words: string[], delay = 25): Promise<{ word: string; at: number }[]> {
  const typed: { word: string; at: number }[] = [];
  for (const word of words) {
    await page.keyboard.type(`${word} `, { delay });
    typed.push({ word, at: Date.now() });
  }
  return typed;
}

/** Distinct, countable words: w01a w02a … */
export function words(count: number, tag: string): string[] {
  return Array.from({ length: count }, (_, i) => `${tag}${String(i + 1).padStart(2, '0')}`);
}

/**
 * The "Hold" figure: every word typed more than a second before the crash came back. Returns
 * the counts, for the test's output.
 */
export function expectKept(typed: { word: string; at: number }[], crashAt: number, recovered: string): { typed: number; due: number; kept: number } {
  const found = new Set(recovered.split(/\s+/).filter(Boolean));
  const due = typed.filter((t) => t.at <= crashAt - 1000);
  const missing = due.filter((t) => !found.has(t.word)).map((t) => `${t.word} (${crashAt - t.at} ms before)`);
  expect(missing, `words typed more than a second before the crash that were lost`).toEqual([]);
  return { typed: typed.length, due: due.length, kept: typed.filter((t) => found.has(t.word)).length };
}
