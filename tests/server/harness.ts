/**
 * The real server, run as `npm start` runs it (the built dist-server/main.js) on a port the
 * system chooses, with a temporary data folder; Node clients using src/sync; and a Redis.
 * Everything waits for conditions, never for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ENTRY, type EntryRecord } from '../../src/domain/records/entry';
import { writeRecord } from '../../src/domain/records/merge';
import type { Membership } from '../../src/sync/api';
import { connect, type SyncConnection, type SyncStatus } from '../../src/sync/connection';
import { Vault, type VaultProblem } from '../../src/sync/vault';
import { freePort } from '../e2e/ports';

export interface LogLine {
  event: string;
  [field: string]: unknown;
}

export async function waitFor<T>(condition: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await condition();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `ps-${name}-`));

export class RunningServer {
  readonly logs: LogLine[] = [];
  /** Every line written, as written: all of it must be JSON. */
  readonly lines: string[] = [];
  port = 0;
  exitCode: number | null | undefined;
  private readonly child: ChildProcess;

  constructor(
    readonly dataDir: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, ['dist-server/main.js'], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, CONNECTS_PER_MINUTE: '1000000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line);
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // Kept in lines: the test of structured logs finds it.
        }
      });
    }
    this.child.on('exit', (code, signal) => (this.exitCode = code ?? (signal ? -1 : null)));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async started(): Promise<this> {
    const listening = await waitFor(() => this.logs.find((line) => line.event === 'server.listening') ?? (this.exitCode !== undefined && { event: 'exited' }), 'the server to listen');
    if (listening.event === 'exited') throw new Error(`The server exited: ${this.lines.join('\n')}`);
    this.port = Number(listening.port);
    return this;
  }

  log(event: string, match: (line: LogLine) => boolean = () => true): Promise<LogLine> {
    return waitFor(() => this.logs.find((line) => line.event === event && match(line)), `the log event ${event}`);
  }

  async stop(signal: NodeJS.Signals): Promise<number | null> {
    this.child.kill(signal);
    return waitFor(() => this.exitCode !== undefined && { code: this.exitCode }, 'the server to exit').then(({ code }) => code);
  }
}

export function startServer(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return new RunningServer(dataDir, env).started();
}

/** Every byte the server keeps in its data folder: the database, its write-ahead log, anything else. */
export function dataFolderBytes(dataDir: string): Buffer {
  return Buffer.concat(readdirSync(dataDir).map((file) => readFileSync(join(dataDir, file))));
}

/** Every plaintext string clients wrote, so that the server's files and logs can be searched for it. */
export const written = new Set<string>();

let clock = Date.parse('2026-03-01T09:00:00.000Z');

/** A new entry whose words are remembered for the search. */
export function newEntry(device: string, id: string, notes: string, base?: EntryRecord): EntryRecord {
  written.add(notes);
  const now = new Date((clock += 1000));
  const fields = { id, createdAt: now.toISOString(), updatedAt: now.toISOString(), deleted: 0 as const, community: '', reflection: '', tags: [], ...base, notes };
  return writeRecord(ENTRY, base, fields as EntryRecord, { device, now });
}

export interface Client {
  doc: Y.Doc;
  vault: Vault;
  connection: SyncConnection;
  statuses: SyncStatus[];
  problems: VaultProblem[];
  ids(): Promise<string[]>;
  close(): void;
}

let devices = 0;

/** A device: a document (optionally with state it kept), its vault and its connection. */
export async function client(server: string, membership: Membership, state?: Uint8Array): Promise<Client> {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const deviceId = `dev${String(++devices).padStart(5, '0')}`;
  const problems: VaultProblem[] = [];
  const vault = await Vault.open(doc, {
    spaceId: membership.spaceId,
    deviceId,
    memberId: membership.memberId,
    memberKeys: membership.memberKeys,
    key: membership.key,
    onKey: (key) => (membership.key = key),
    onProblem: (problem) => problems.push(problem),
  });
  const statuses: SyncStatus[] = [];
  const connection = connect({ server, spaceId: membership.spaceId, token: membership.token, doc, WebSocket, onStatus: (status) => statuses.push(status) });
  return {
    doc,
    vault,
    connection,
    statuses,
    problems,
    ids: async () => (await vault.records<EntryRecord>(ENTRY)).map((record) => record.id).sort(),
    close: () => {
      connection.close();
      vault.close();
    },
  };
}

/** Redis from Debian, on a free port, keeping nothing on disk. */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const binary = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
  if (!existsSync(binary)) throw new Error(`${binary} is missing: install Debian's redis-server (.ci/run does), or set REDIS_SERVER.`);
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tempDir('redis')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let ready = false;
  let exited = false;
  createInterface({ input: child.stdout }).on('line', (line) => (ready ||= line.includes('Ready to accept connections')));
  child.on('exit', () => (exited = true));
  await waitFor(() => ready || exited, 'Redis to start');
  if (exited) throw new Error('Redis did not start.');
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGKILL');
      await waitFor(() => exited, 'Redis to stop');
    },
  };
}
