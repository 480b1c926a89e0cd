// Sync figures, against the real server (dist-server/main.js, built first) on loopback:
// - edit on one device to visible on another: two browser contexts linked as one person's devices,
//   from the click on Save on one to the entry appearing in the other's open Logbook (p50, p95);
// - first sync of a 10,000-entry logbook to a new device: from the click on Join to all of it there;
//   then a second visit to that device: the main thread's long tasks in the 20 s after a reload
//   (reading the vault, and whatever is merged into the logbook again);
// - 200 clients on one server instance: each connected with its own socket and document, one
//   change at a time relayed to the other 199 (latency to each), with the server's CPU and memory.
// `node tests/bench/sync-bench.mjs [--entries=10000] [--clients=200] [--edits=20]` runs these
// alone; bench.mjs runs them after its own and puts them in its table.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { webcrypto } from 'node:crypto';
import { chromium } from '@playwright/test';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { generateBackup } from './generate-logbook.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
const log = (...m) => console.warn('·', ...m);

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const summary = (xs) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs), samples: xs.length });
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const random = (n) => webcrypto.getRandomValues(new Uint8Array(n));

async function waitUntil(check, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The server as `npm start` runs it, on a free port, with an empty data folder. */
async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ps-sync-bench-'));
  const child = spawn(process.execPath, ['dist-server/main.js'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, CONNECTS_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const event = JSON.parse(line);
        if (event.event === 'server.listening') resolve(event.port);
      } catch {
        // not a log line
      }
    });
    child.on('exit', (code) => reject(new Error(`The server exited (${code})`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** Seconds of CPU (user + system) the process has used, and its resident memory in MB. */
function usage(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  return { cpuSeconds: ticks / 100, rssMB: rss };
}

async function device(browser, base) {
  const context = await browser.newContext({ baseURL: base });
  await context.addInitScript(() => delete window.showSaveFilePicker);
  const page = await context.newPage();
  return { context, page };
}

async function link(from, to) {
  await from.page.goto('/#/settings');
  await from.page.getByRole('button', { name: 'Link another device' }).click();
  const field = from.page.getByTestId('invite').getByRole('textbox', { name: 'Invite link' });
  await field.waitFor({ timeout: 600_000 });
  const invite = await field.inputValue();
  await to.page.goto(invite);
  const began = Date.now();
  await to.page.getByRole('button', { name: 'Join', exact: true }).click();
  await to.page.getByTestId('joined').waitFor({ timeout: 600_000 });
  return began;
}

/** Edit to visible, browser to browser. */
async function editToVisible(browser, base, edits) {
  const laptop = await device(browser, base);
  const phone = await device(browser, base);
  await link(laptop, phone);
  await phone.page.goto('/#/logbook');
  await phone.page.evaluate(() => {
    window.__seen = {};
    new MutationObserver(() => {
      for (const match of document.body.textContent.matchAll(/SYNC-MARK-(\d+)/g)) window.__seen[match[1]] ??= Date.now();
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await laptop.page.evaluate(() => {
    document.addEventListener('click', (event) => {
      if (event.target.closest?.('button')?.textContent === 'Save to logbook') window.__saved = Date.now();
    }, true);
  });
  const times = [];
  for (let i = 0; i < edits; i++) {
    await laptop.page.goto('/#/logbook/new');
    await laptop.page.getByLabel('Notes').first().fill(`SYNC-MARK-${i} written on the laptop`);
    await laptop.page.getByRole('button', { name: 'Save to logbook' }).click();
    const saved = await laptop.page.evaluate(() => window.__saved);
    const seen = await waitUntil(() => phone.page.evaluate((n) => window.__seen[n], String(i)), `edit ${i} on the other device`);
    times.push(seen - saved);
  }
  await laptop.context.close();
  await phone.context.close();
  return summary(times);
}

/** A 10,000-entry logbook restored on one device, then linked to a new one. */
async function firstSync(browser, base, entries) {
  const deck = JSON.parse(readFileSync(join(ROOT, 'content/decks/power-shifting/deck.json'), 'utf8'));
  const file = join(mkdtempSync(join(tmpdir(), 'ps-sync-bench-')), 'backup.json');
  writeFileSync(file, JSON.stringify(generateBackup(entries, deck)));
  const laptop = await device(browser, base);
  const phone = await device(browser, base);
  await laptop.page.goto('/#/settings');
  await laptop.page.setInputFiles('#restore-file', file);
  await laptop.page.getByRole('button', { name: 'Import this backup' }).click({ timeout: 600_000 });
  await laptop.page.getByText('Backup restored.').waitFor({ timeout: 600_000 });
  const sharing = Date.now();
  await laptop.page.getByRole('button', { name: 'Link another device' }).click();
  await laptop.page.getByTestId('invite').waitFor({ timeout: 600_000 });
  const shareMs = Date.now() - sharing;
  await laptop.page.getByTestId('space-status').filter({ hasText: 'Synced.' }).waitFor({ timeout: 600_000 });
  const uploadMs = Date.now() - sharing;
  const began = await link(laptop, phone);
  const count = () =>
    phone.page.evaluate(
      async () => {
        // Where the app keeps it (src/storage/home.ts): the newest logbook bucket, or the shared store.
        const names = (await navigator.storageBuckets.keys()).filter((name) => name.startsWith('logbook-')).sort();
        const factory = names.length ? (await navigator.storageBuckets.open(names[names.length - 1])).indexedDB : window.indexedDB;
        return new Promise((resolve) => {
          const open = factory.open('power-shifting');
          open.onsuccess = () => {
            const request = open.result.transaction('entries').objectStore('entries').count();
            request.onsuccess = () => (open.result.close(), resolve(request.result));
          };
        });
      },
    );
  await waitUntil(async () => (await count()) >= entries, `${entries} entries on the new device`, 900_000);
  const firstSyncMs = Date.now() - began;
  // The first sync's own work done (the document kept, the merge finished), a second visit.
  await phone.page.goto('/#/settings');
  await phone.page.getByTestId('space-status').filter({ hasText: 'Synced.' }).waitFor({ timeout: 600_000 });
  await phone.page.waitForTimeout(20_000);
  await phone.page.addInitScript(() => {
    window.__busy = { ms: 0, tasks: 0 };
    new window.PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        window.__busy.ms += task.duration;
        window.__busy.tasks += 1;
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  await phone.page.reload();
  await phone.page.waitForTimeout(20_000);
  const secondVisit = await phone.page.evaluate(() => window.__busy);
  await laptop.context.close();
  await phone.context.close();
  return { entries, shareMs, uploadMs, firstSyncMs, secondVisitBusyMs: secondVisit.ms, secondVisitLongTasks: secondVisit.tasks };
}

/** Many clients on one instance: each change relayed to all the others. */
async function manyClients(base, clients, rounds = 20) {
  const spaceId = b64url(random(16));
  const token = b64url(random(32));
  const created = await fetch(`${base}/api/spaces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ spaceId, memberId: b64url(random(16)), token }) });
  if (!created.ok) throw new Error(`Could not create a space: ${created.status}`);
  const url = `${base.replace(/^http/, 'ws')}/sync`;
  const peers = [];
  const connectStarted = Date.now();
  for (let i = 0; i < clients; i++) {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: spaceId, document: doc, token, awareness: null });
    const synced = new Promise((resolve) => provider.on('synced', resolve));
    provider.attach();
    peers.push({ doc, socket, provider, synced });
  }
  await Promise.all(peers.map((p) => p.synced));
  const connectMs = Date.now() - connectStarted;
  const latencies = [];
  const lastReceiver = [];
  for (let round = 0; round < rounds; round++) {
    const writer = peers[(round * 7) % clients];
    const key = `round-${round}`;
    const arrived = peers.filter((p) => p !== writer).map((p) => new Promise((resolve) => {
      const map = p.doc.getMap('records');
      const check = () => {
        if (!map.has(key)) return;
        map.unobserve(check);
        resolve(Date.now());
      };
      map.observe(check);
    }));
    const began = Date.now();
    // An encrypted record's size: about 1 KB of bytes the server cannot read.
    writer.doc.getMap('records').set(key, random(1024));
    const times = await Promise.all(arrived);
    for (const t of times) latencies.push(t - began);
    lastReceiver.push(Math.max(...times) - began);
  }
  for (const p of peers) {
    p.provider.destroy();
    p.socket.destroy();
  }
  return { clients, connectMs, toEachClient: summary(latencies), toAllClients: summary(lastReceiver), rounds };
}

export async function runSyncBench({ entries = 10_000, clients = 200, edits = 20 } = {}) {
  const server = await startServer();
  const results = {};
  try {
    const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
    try {
      log('sync: edit to visible on another device');
      results.editToVisible = await editToVisible(browser, server.url, edits);
      log(`sync: first sync of ${entries} entries to a new device`);
      results.firstSync = await firstSync(browser, server.url, entries);
    } finally {
      await browser.close();
    }
    log(`sync: ${clients} clients on one instance`);
    const before = usage(server.child.pid);
    const began = Date.now();
    results.manyClients = await manyClients(server.url, clients);
    const after = usage(server.child.pid);
    results.manyClients.serverCpuPercent = (100 * (after.cpuSeconds - before.cpuSeconds)) / ((Date.now() - began) / 1000);
    results.manyClients.serverRssMB = after.rssMB;
    results.manyClients.serverRssBeforeMB = before.rssMB;
  } finally {
    server.stop();
  }
  return results;
}

export function syncLines(r) {
  const f = (n, d = 0) => n.toFixed(d);
  const e = r.editToVisible;
  const s = r.firstSync;
  const m = r.manyClients;
  return [
    `Sync, on loopback against the real server`,
    `  edit on one device to visible on another: p50 ${f(e.p50)} ms, p95 ${f(e.p95)} ms, max ${f(e.max)} ms (${e.samples} edits)`,
    `  ${s.entries.toLocaleString('en-GB')}-entry logbook: link made (space created, every record encrypted and put) ${f(s.shareMs / 1000, 1)} s; all on the server ${f(s.uploadMs / 1000, 1)} s; first sync to a new device, Join to all there ${f(s.firstSyncMs / 1000, 1)} s; a second visit there, long tasks in the 20 s after loading ${f(s.secondVisitBusyMs)} ms (${s.secondVisitLongTasks})`,
    `  ${m.clients} clients on one instance: all connected and synced in ${f(m.connectMs)} ms; a change to each other client p50 ${f(m.toEachClient.p50)} ms, p95 ${f(m.toEachClient.p95)} ms; to all ${m.clients - 1} p50 ${f(m.toAllClients.p50)} ms, p95 ${f(m.toAllClients.p95)} ms; server CPU ${f(m.serverCpuPercent)} % of one core, memory ${f(m.serverRssBeforeMB)} → ${f(m.serverRssMB)} MB`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const results = await runSyncBench({ entries: Number(args.entries ?? 10_000), clients: Number(args.clients ?? 200), edits: Number(args.edits ?? 20) });
  console.log(syncLines(results).join('\n'));
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}
