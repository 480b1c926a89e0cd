/**
 * Nothing acknowledged is lost: the server killed with SIGKILL mid-sync and started again on
 * the same data folder; a device killed mid-sync and started again from what it kept; and a
 * graceful shutdown that stores every loaded document.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ENTRY } from '../../src/domain/records/entry';
import { toBase64url } from '../../src/domain/sync/base64url';
import { createSpace, type Membership } from '../../src/sync/api';
import { Vault } from '../../src/sync/vault';
import { CLIENT_PROCESS } from './build-server';
import { client, dataFolderBytes, newEntry, startServer, tempDir, waitFor, written, type RunningServer } from './harness';

const servers: RunningServer[] = [];
const start = async (dataDir: string, env: Record<string, string> = {}) => {
  const server = await startServer(dataDir, env);
  servers.push(server);
  return server;
};

afterAll(async () => {
  for (const server of servers) await server.stop('SIGKILL');
});

const range = (from: number, to: number, prefix: string) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/** The entry ids a document holds, read as a device of the space would. */
async function idsIn(state: Uint8Array, membership: Membership): Promise<string[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const vault = await Vault.open(doc, { spaceId: membership.spaceId, deviceId: 'reader00', memberId: membership.memberId, memberKeys: membership.memberKeys, key: membership.key });
  const ids = (await vault.records(ENTRY)).map((record) => record.id);
  vault.close();
  return ids;
}

describe('durability', () => {
  it('loses nothing a client saw acknowledged when the server is killed mid-sync and restarted', async () => {
    const dataDir = tempDir('kill-server');
    const first = await start(dataDir);
    const owner = await createSpace(first.url);
    const a = await client(first.url, owner);
    await a.connection.synced();
    let sent = 0;
    let confirmed = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const n = ++sent;
        await a.vault.put(ENTRY, newEntry('dev00001', `K${n}`, `Note ${n} before the crash`));
        a.connection.synced().then(
          () => (confirmed = Math.max(confirmed, n)),
          () => undefined,
        );
      }
    })();
    try {
      await waitFor(() => confirmed >= 30, 'thirty entries acknowledged');
      expect(await first.stop('SIGKILL')).toBe(-1);
      // Every acknowledgement the client will ever see was sent before the server died.
      await waitFor(() => a.connection.status.state === 'offline', 'the client to notice');
      expect(a.connection.status).toMatchObject({ state: 'offline', lastSynced: expect.any(Date) });
    } finally {
      writing = false;
      await writer;
      a.close();
    }
    const acknowledged = confirmed;
    expect(sent).toBeGreaterThan(acknowledged);

    const second = await start(dataDir, { PORT: String(first.port) });
    const b = await client(second.url, owner);
    await b.connection.synced();
    const ids = await b.ids();
    expect(ids).toEqual(expect.arrayContaining(range(1, acknowledged, 'K')));

    // The client kept the rest and sends it when it is back.
    const again = await client(second.url, owner, Y.encodeStateAsUpdate(a.doc));
    await again.connection.synced();
    await waitFor(async () => (await b.ids()).length === sent, 'the rest to arrive');
    for (const c of [again, b]) c.close();
  });

  it('loses nothing a device had stored when the device is killed mid-sync', async () => {
    const server = await start(tempDir('kill-client'));
    const owner = await createSpace(server.url);
    const file = join(tempDir('device'), 'document.bin');
    const run = (count: number) => {
      const options = { server: server.url, spaceId: owner.spaceId, memberId: owner.memberId, token: owner.token, key: toBase64url(owner.key.raw), epoch: owner.key.epoch, deviceId: 'device01', file, count, prefix: 'Note from the killed device' };
      const child = spawn(process.execPath, [CLIENT_PROCESS, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
      const lines: string[] = [];
      let exit: { code: number | null; signal: string | null } | undefined;
      createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
      child.on('exit', (code, signal) => (exit = { code, signal }));
      return { child, lines, exited: () => waitFor(() => exit, 'the device process to end') };
    };

    const killed = run(400);
    await waitFor(() => killed.lines.includes('wrote 60'), 'the device to be writing');
    killed.child.kill('SIGKILL');
    expect(await killed.exited()).toEqual({ code: null, signal: 'SIGKILL' });
    const stored = await idsIn(readFileSync(file), owner);
    expect(stored.length).toBeGreaterThanOrEqual(60);
    for (const id of stored) written.add(`Note from the killed device ${id.slice(1)}`);

    // Started again from what it kept, it sends what the server lacks.
    const restarted = run(0);
    await waitFor(() => restarted.lines.includes('synced'), 'the device to sync again');
    expect(await restarted.exited()).toEqual({ code: 0, signal: null });
    const reader = await client(server.url, owner);
    await reader.connection.synced();
    expect(await reader.ids()).toEqual(expect.arrayContaining(stored));
    reader.close();
  });

  it('stores every loaded document on SIGTERM before exiting', async () => {
    const dataDir = tempDir('shutdown');
    // Compaction far off: only the shutdown can write the snapshot.
    const server = await start(dataDir, { STORE_DELAY_MS: '600000' });
    const owner = await createSpace(server.url);
    const a = await client(server.url, owner);
    for (let i = 1; i <= 5; i++) await a.vault.put(ENTRY, newEntry('dev00001', `S${i}`, `Note ${i} before the shutdown`));
    await a.connection.synced();
    const before = new Sqlite(join(dataDir, 'power-shifting.sqlite'), { readonly: true });
    expect((before.prepare('SELECT count(*) AS n FROM updates WHERE name = ?').get(owner.spaceId) as { n: number }).n).toBeGreaterThan(0);
    expect(before.prepare('SELECT 1 FROM documents WHERE name = ?').get(owner.spaceId)).toBeUndefined();
    before.close();

    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.logs.find((line) => line.event === 'server.stopped')).toMatchObject({ documents: 1 });
    a.close();
    const after = new Sqlite(join(dataDir, 'power-shifting.sqlite'), { readonly: true });
    expect((after.prepare('SELECT count(*) AS n FROM updates WHERE name = ?').get(owner.spaceId) as { n: number }).n).toBe(0);
    const { state } = after.prepare('SELECT state FROM documents WHERE name = ?').get(owner.spaceId) as { state: Buffer };
    after.close();
    expect((await idsIn(state, owner)).sort()).toEqual(range(1, 5, 'S'));
  });

  it('keeps no word anyone wrote in its files or logs', async () => {
    for (const server of servers) {
      await server.stop('SIGTERM');
      const files = dataFolderBytes(server.dataDir);
      const logs = server.lines.join('\n');
      for (const text of written) {
        expect(files.includes(Buffer.from(text)), text).toBe(false);
        expect(logs.includes(text), text).toBe(false);
      }
    }
  });
});
