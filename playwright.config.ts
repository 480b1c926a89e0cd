import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium by default; CHROME_PATH points elsewhere (see README). */
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * A port no other program is using, chosen once: the workers read this file again, and find it
 * in the environment the main process passes on to them.
 */
process.env.E2E_PORT ??= String(
  execFileSync(process.execPath, ['-e', "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"]),
);
const port = Number(process.env.E2E_PORT);
/** The sync server's data folder, and its log, for tests that read what the server kept (tests/e2e/server-files.ts). */
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'ps-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // gc() for the tests that collect garbage at the moment it used to hurt (big-export.spec.ts).
        '--js-flags=--expose-gc',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
  ],
  // The real server, as `npm start` runs it: the built app and the sync endpoint in one process.
  webServer: {
    command: `node dist-server/main.js > ${JSON.stringify(join(dataDir, 'server.log'))} 2>&1`,
    env: { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, CONNECTS_PER_MINUTE: '1000000', STORE_DELAY_MS: '200' },
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
