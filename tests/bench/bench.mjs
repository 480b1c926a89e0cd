// `npm run bench [-- --check] [-- --sizes=10000,50000] [-- --runs=3]`
// Builds the app, serves dist/ with `vite preview` (HTTP/1.1 on 127.0.0.1), drives Debian's
// Chromium, prints one table and writes bench-results/results.json. With --check it exits
// non-zero when a budget fails. Timings are medians of several runs, with min and max.
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { generateBackup } from './generate-logbook.mjs';
import { runSyncBench, syncLines } from './sync-bench.mjs';
import { BUDGETS, bundleSizes, KB } from '../build/bundle-sizes.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const CHECK = !!args.check;
const RUNS = Number(args.runs ?? 3);
const SIZES = String(args.sizes ?? '10000,50000').split(',').map(Number).filter(Boolean);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// A port no other program is using: the benchmark must not collide with `npm start` or the tests.
const PORT = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

const results = { date: new Date().toISOString(), machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? 'unknown CPU'}`, server: 'vite preview, HTTP/1.1 on 127.0.0.1', storage: 'IndexedDB in memory (fresh private browser contexts)', bytes: {}, lighthouse: {}, timings: {}, logbook: {}, budgets: [], checks: [] };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });
const budget = (name, value, limit, unit, lowerIsBetter = true) => {
  const pass = lowerIsBetter ? value <= limit : value >= limit;
  results.budgets.push({ name, value, limit, unit, pass });
};
const log = (...m) => console.warn('·', ...m);

// ---- 1. Build and serve -------------------------------------------------------------------
log('building');
execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(BASE)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ---- 2. Bytes ---------------------------------------------------------------------------------
results.bytes = bundleSizes(DIST);
budget('Render-critical JS + CSS (gzip)', results.bytes.critical.total.gzip / KB, BUDGETS.critical / KB, 'KB');
budget('All JS, service worker included (gzip)', results.bytes.all.js.gzip / KB, BUDGETS.allJs / KB, 'KB');

// ---- 3. Lighthouse, mobile -------------------------------------------------------------------
log('lighthouse');
const lh = [];
for (let i = 0; i < RUNS; i++) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ['--headless=new', ...FLAGS] });
  try {
    const run = await lighthouse(`${BASE}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    const { categories, audits } = run.lhr;
    lh.push({
      performance: categories.performance.score * 100,
      accessibility: categories.accessibility.score * 100,
      bestPractices: categories['best-practices'].score * 100,
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
    });
  } finally {
    await chrome.kill();
  }
}
for (const key of Object.keys(lh[0])) results.lighthouse[key] = stats(lh.map((r) => r[key]));
budget('Lighthouse performance', results.lighthouse.performance.median, 100, 'score', false);
budget('Lighthouse accessibility', results.lighthouse.accessibility.median, 100, 'score', false);
budget('Lighthouse best practices', results.lighthouse.bestPractices.median, 100, 'score', false);
budget('Lighthouse LCP', results.lighthouse.lcp.median / 1000, 1.0, 's');

// ---- 4. Offline reload and dealing, in Chromium -------------------------------------------------
const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
// The app prefers the browser's "Save as" dialog (File System Access API) for exports: a native
// window nothing here can answer. Without it, exports are streamed to the downloads folder, as
// in browsers that lack the dialog; that is what is timed.
const newContext = async (options) => {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    delete window.showSaveFilePicker;
  });
  return context;
};

/** Marks, in the page, when a task card (not the face-down deck) is first painted. */
const FIRST_CARD = () => {
  const mark = () => {
    if (window.__firstCard || !document.querySelector('article.card')) return false;
    requestAnimationFrame(() => (window.__firstCard = performance.now()));
    return true;
  };
  new MutationObserver((_, observer) => mark() && observer.disconnect()).observe(document, { childList: true, subtree: true });
};

log('offline reload');
{
  const context = await newContext();
  await context.addInitScript(FIRST_CARD);
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await page.keyboard.press('Space');
  await page.waitForSelector('article.card');
  await context.setOffline(true);
  const times = [];
  for (let i = 0; i < Math.max(5, RUNS); i++) {
    await page.reload();
    await page.waitForFunction(() => window.__firstCard);
    times.push(await page.evaluate(() => window.__firstCard));
  }
  results.timings.offlineReloadToCard = stats(times);
  budget('Offline reload to first card', results.timings.offlineReloadToCard.median, 100, 'ms');
  await context.close();
}

log('dealing');
{
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/#/deck`);
  await page.waitForSelector('.deck-list');
  await page.goto(`${BASE}/`);
  await page.waitForSelector('html[data-ready]');
  // From the key press to the first animation frame in which the new card is in the page (and so painted).
  await page.evaluate(() => {
    window.__deals = [];
    document.addEventListener(
      'keydown',
      () => {
        const began = performance.now();
        const before = document.querySelector('article.card')?.dataset.cardId;
        const check = () => {
          const now = document.querySelector('article.card')?.dataset.cardId;
          if (now && now !== before) window.__deals.push(performance.now() - began);
          else if (performance.now() - began < 2000) requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { capture: true },
    );
  });
  await page.waitForTimeout(300);
  for (let i = 0; i < 50; i++) {
    // 49 cards in the deck: the 50th key goes back one (a reshuffle could land on the same card).
    await page.keyboard.press(i === 49 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((n) => window.__deals.length > n, i, { timeout: 5000 }).catch(async (error) => {
      const state = await page.evaluate(() => [location.hash, document.activeElement?.outerHTML.slice(0, 120), window.__deals.length]);
      throw new Error(`deal ${i + 1} showed no new card: ${JSON.stringify(state)}`, { cause: error });
    });
  }
  results.timings.deal = stats(await page.evaluate(() => window.__deals));
  budget('Deal: key press to next card painted', results.timings.deal.median, 16, 'ms');
  await context.close();
}

/** From a fresh page load elsewhere, the time from navigating to a screen to its first item painted. */
/** Search as you type: each keystroke of a query to the list repainted. */
async function searchKeystrokes(page) {
  await page.evaluate(() => {
    window.__keys = [];
    const input = document.querySelector('input[type="search"]');
    let began = 0;
    input.addEventListener('input', () => (began = performance.now()), { capture: true });
    new MutationObserver(() => {
      if (!began) return;
      const b = began;
      began = 0;
      requestAnimationFrame(() => window.__keys.push(performance.now() - b));
    }).observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
  });
  const query = 'residents walk';
  await page.locator('input[type="search"]').click();
  for (let i = 0; i < query.length; i++) {
    await page.keyboard.type(query[i]);
    await page.waitForFunction((n) => window.__keys.length > n, i, { timeout: 60_000 });
  }
  return stats(await page.evaluate(() => window.__keys));
}

async function openScreen(page, hash, selector) {
  await page.goto(`${BASE}/#/about`);
  await page.reload();
  await page.waitForSelector('h1');
  return page.evaluate(
    ([hash, selector]) =>
      new Promise((resolve) => {
        const began = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector)) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - began));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        location.hash = hash;
      }),
    [hash, selector],
  );
}

// ---- 5. The logbook at scale -------------------------------------------------------------------
const deck = JSON.parse(readFileSync(join(ROOT, 'content/decks/power-shifting/deck.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'ps-bench-'));
for (const size of SIZES) {
  log(`logbook with ${size} entries`);
  const file = join(work, `backup-${size}.json`);
  writeFileSync(file, JSON.stringify(generateBackup(size, deck)));
  const r = {};

  // Import into an empty logbook, each run in a fresh browser context (its own empty storage);
  // the last one is kept for the measurements that follow.
  const imports = [];
  let context, page, cdp;
  for (let i = 0; i < RUNS; i++) {
    await context?.close();
    context = await newContext({ acceptDownloads: true });
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await page.goto(`${BASE}/#/settings`);
    await page.waitForSelector('#restore-file');
    const began = Date.now();
    await page.setInputFiles('#restore-file', file);
    await page.getByRole('button', { name: 'Import this backup' }).waitFor({ timeout: 300_000 });
    await page.getByRole('button', { name: 'Import this backup' }).click();
    await page.getByText('Backup restored.').waitFor({ timeout: 300_000 });
    imports.push(Date.now() - began);
  }
  r.import = stats(imports);
  let t;

  // Open the Logbook screen: from the navigation to the first page of entries painted.
  const opens = [];
  for (let i = 0; i < RUNS; i++) opens.push(await openScreen(page, '#/logbook', '[data-testid="entry-summary"]'));
  r.openLogbook = stats(opens);
  // The Actions view of the same logbook: from the navigation to the first open actions painted.
  const actionOpens = [];
  for (let i = 0; i < RUNS; i++) actionOpens.push(await openScreen(page, '#/actions', '[data-testid="action-item"]'));
  r.openActions = stats(actionOpens);
  await page.goto(`${BASE}/#/logbook`);
  await page.waitForSelector('[data-testid="entry-summary"]');
  // Search and filters work once the lean index is loaded, just after the first page.
  t = Date.now();
  await page.waitForFunction(() => /^\d+ entr/.test(document.querySelector('.logbook__count')?.textContent ?? ''), null, { timeout: 120_000 });
  r.searchReadyMs = Date.now() - t;
  await cdp.send('HeapProfiler.collectGarbage');
  r.heapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;

  // Filter by capability.
  const filters = [];
  await page.getByText('Filters', { exact: true }).click();
  for (const n of ['3', '7', '']) {
    const ms = await page.evaluate(
      (value) =>
        new Promise((resolve) => {
          const select = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Capability')?.control;
          const count = document.querySelector('.logbook__count');
          const before = count.textContent;
          const began = performance.now();
          const observer = new MutationObserver(() => {
            if (count.textContent !== before) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - began));
            }
          });
          observer.observe(count, { childList: true, subtree: true, characterData: true });
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }),
      n,
    );
    filters.push(ms);
  }
  r.filter = stats(filters);

  r.searchKeystroke = await searchKeystrokes(page);

  // Exports of everything.
  await page.goto(`${BASE}/#/settings`);
  await page.waitForSelector('#restore-file');
  // From the click to the file written to disk by the browser.
  for (const [key, name] of [
    ['csv', 'Export logbook as spreadsheet (CSV)'],
    ['markdown', 'Export logbook as Markdown'],
    ['backup', 'Back up now'],
  ]) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      t = Date.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByRole('button', { name }).click()]);
      await download.path();
      times.push(Date.now() - t);
      // Say how the file reached the disk: streamed by the service worker, or a Blob made in the page.
      r[`${key}Via`] = download.url().includes('/streamed-download/') ? 'streamed' : 'blob';
      if (key === 'backup') await download.saveAs(join(work, `own-backup-${size}.json`));
      await download.delete();
    }
    r[key] = stats(times);
  }

  // The same logbook locked: encrypting it all, then unlocking after a reload (the passphrase's
  // PBKDF2, the first page opened) and searching over records opened in memory.
  const passphrase = 'bench lock passphrase';
  await page.goto(`${BASE}/#/settings`);
  const lockPanel = page.getByRole('region', { name: 'Lock the logbook' });
  await lockPanel.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await lockPanel.getByLabel('The same passphrase again').fill(passphrase);
  await lockPanel.getByLabel(/I understand/).check();
  t = Date.now();
  await lockPanel.getByRole('button', { name: 'Set the lock' }).click();
  await page.getByRole('button', { name: 'I have kept it safe' }).click();
  await page.getByTestId('lock-progress').waitFor({ state: 'detached', timeout: 600_000 });
  r.lockRewrite = Date.now() - t;
  // Locking then moves the logbook out of the files that held it unencrypted (src/storage/home.ts).
  const logbookBuckets = () => page.evaluate(async () => (await navigator.storageBuckets.keys()).filter((name) => name.startsWith('logbook-')));
  const before = await logbookBuckets();
  t = Date.now();
  await page.getByRole('button', { name: 'Lock now' }).first().click();
  for (;;) {
    const now = await logbookBuckets();
    if (now.length === 1 && now[0] !== before[0]) break;
    if (Date.now() - t > 600_000) throw new Error('The locked logbook was not moved within ten minutes');
    await page.waitForTimeout(100);
  }
  r.lockMove = Date.now() - t;
  const unlocks = [];
  const lockedReady = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${BASE}/#/logbook`);
    await page.reload();
    await page.getByLabel('Passphrase').fill(passphrase);
    t = Date.now();
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.waitForSelector('[data-testid="entry-summary"]', { timeout: 300_000 });
    unlocks.push(Date.now() - t);
    await page.waitForFunction(() => /^\d+ entr/.test(document.querySelector('.logbook__count')?.textContent ?? ''), null, { timeout: 300_000 });
    lockedReady.push(Date.now() - t);
  }
  r.unlock = stats(unlocks);
  r.lockedSearchReady = stats(lockedReady);
  await cdp.send('HeapProfiler.collectGarbage');
  r.lockedHeapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  r.lockedSearchKeystroke = await searchKeystrokes(page);
  await context.close();

  // The app's own backup of this logbook restores into an empty one (a file too big to restore
  // would be a backup in name only).
  const own = join(work, `own-backup-${size}.json`);
  r.ownBackupMB = statSync(own).size / 2 ** 20;
  context = await newContext();
  page = await context.newPage();
  await page.goto(`${BASE}/#/settings`);
  await page.waitForSelector('#restore-file');
  t = Date.now();
  await page.setInputFiles('#restore-file', own);
  const outcome = await Promise.race([
    page.getByRole('button', { name: 'Import this backup' }).waitFor({ timeout: 300_000 }).then(() => 'preview'),
    page.getByRole('alert').waitFor({ timeout: 300_000 }).then(() => 'refused'),
  ]);
  if (outcome === 'preview') {
    await page.getByRole('button', { name: 'Import this backup' }).click();
    await page.getByText('Backup restored.').waitFor({ timeout: 300_000 });
  }
  r.ownBackupRestore = outcome === 'preview' ? Date.now() - t : null;
  results.checks.push({ name: `${size / 1000}k: the app restores its own backup (${Math.round(r.ownBackupMB)} MB)`, pass: outcome === 'preview' });
  await context.close();
  results.logbook[size] = r;
}
rmSync(work, { recursive: true, force: true });
await browser.close();
stopServer();

const big = results.logbook[50000];
if (big) {
  budget('50k: import', big.import.median / 1000, 10, 's');
  budget('50k: Logbook first page', big.openLogbook.median, 200, 'ms');
  budget('50k: search per keystroke', big.searchKeystroke.median, 50, 'ms');
  budget('50k locked: search per keystroke', big.lockedSearchKeystroke.median, 50, 'ms');
  budget('50k: CSV export', big.csv.median / 1000, 2, 's');
  budget('50k: JS heap after opening the logbook', big.heapMB, 100, 'MB');
}

// ---- 6. Sync, against the real server (see sync-bench.mjs) ---------------------------------------
results.sync = await runSyncBench({ entries: 10_000 });

// ---- Report -------------------------------------------------------------------------------------
const fmt = (n, d = 1) => (typeof n === 'number' ? n.toFixed(d) : String(n));
const s = (x, d = 1) => `${fmt(x.median, d)} (${fmt(x.min, d)}–${fmt(x.max, d)})`;
const lines = [];
lines.push(`Power Shifting benchmark, ${results.date}`, `Machine: ${results.machine}; server: ${results.server}; ${results.storage}`, '');
lines.push('Bytes (gzip / brotli)');
for (const [f, v] of Object.entries(results.bytes.critical.files)) lines.push(`  critical ${f.padEnd(44)} ${fmt(v.gzip / KB, 2)} KB / ${fmt(v.brotli / KB, 2)} KB`);
lines.push(`  render-critical total ${''.padEnd(37)} ${fmt(results.bytes.critical.total.gzip / KB, 2)} KB / ${fmt(results.bytes.critical.total.brotli / KB, 2)} KB`);
lines.push(`  all JS (${results.bytes.all.jsCount} files, service worker included) ${''.padEnd(36)} ${fmt(results.bytes.all.js.gzip / KB, 2)} KB / ${fmt(results.bytes.all.js.brotli / KB, 2)} KB`);
lines.push(`  all CSS ${''.padEnd(50)} ${fmt(results.bytes.all.css.gzip / KB, 2)} KB / ${fmt(results.bytes.all.css.brotli / KB, 2)} KB`);
lines.push('', `Lighthouse 12, mobile (median (min–max) of ${RUNS})`);
const L = results.lighthouse;
lines.push(`  performance ${s(L.performance, 0)}, accessibility ${s(L.accessibility, 0)}, best practices ${s(L.bestPractices, 0)}`);
lines.push(`  FCP ${s(L.fcp, 0)} ms, LCP ${s(L.lcp, 0)} ms, TBT ${s(L.tbt, 0)} ms, CLS ${s(L.cls, 3)}`);
lines.push('', 'Timings, ms (median (min–max))');
lines.push(`  offline reload to first card   ${s(results.timings.offlineReloadToCard)}`);
lines.push(`  deal: key to card painted      ${s(results.timings.deal)}  (${results.timings.deal.runs} deals)`);
for (const [size, r] of Object.entries(results.logbook)) {
  lines.push('', `Logbook with ${Number(size).toLocaleString('en-GB')} entries (3 actions each)`);
  lines.push(`  import ${s(r.import, 0)} ms; open Logbook ${s(r.openLogbook)} ms; open Actions ${s(r.openActions)} ms; filter by capability ${s(r.filter)} ms`);
  lines.push(`  search and filters ready ${fmt(r.searchReadyMs / 1000, 2)} s after the first page; search per keystroke ${s(r.searchKeystroke)} ms; heap ${fmt(r.heapMB)} MB`);
  lines.push(`  export CSV ${s(r.csv, 0)} ms (${r.csvVia}), Markdown ${s(r.markdown, 0)} ms (${r.markdownVia}), JSON backup ${s(r.backup, 0)} ms (${r.backupVia})`);
  lines.push(`  storage unlocked vs locked: search ready ${fmt(r.searchReadyMs, 0)} vs ${s(r.lockedSearchReady, 0)} ms; search per keystroke ${s(r.searchKeystroke)} vs ${s(r.lockedSearchKeystroke)} ms; heap ${fmt(r.heapMB)} vs ${fmt(r.lockedHeapMB)} MB`);
  lines.push(`  lock: encrypting it all ${fmt(r.lockRewrite / 1000, 1)} s; moving it out of the old files on locking ${fmt(r.lockMove / 1000, 1)} s; unlock to first page ${s(r.unlock, 0)} ms`);
  lines.push(`  restore of the app's own ${fmt(r.ownBackupMB, 0)} MB backup into an empty logbook: ${r.ownBackupRestore === null ? 'REFUSED' : `${r.ownBackupRestore} ms`}`);
}
lines.push('', ...syncLines(results.sync));
lines.push('', 'Budgets');
for (const b of results.budgets) lines.push(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${fmt(b.value, 2)} ${b.unit} (budget ${b.limit} ${b.unit})`);
for (const c of results.checks) lines.push(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}`);
console.log(lines.join('\n'));
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/results.json'), JSON.stringify(results, null, 2));
const failed = [...results.budgets, ...results.checks].filter((b) => !b.pass);
if (CHECK && failed.length) {
  console.log(`\n${failed.length} budget(s) failed.`);
  process.exit(1);
}
process.exit(0);
