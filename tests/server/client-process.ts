/**
 * A device as a process of its own, so that a test can kill it with SIGKILL in the middle of
 * syncing. Like the app, it keeps its document on disk at every change, before the change is
 * sent, and starts again from what it kept. Built to node_modules/.cache by build-server.ts.
 *
 * Argument: JSON {server, spaceId, memberId, token, key (base64url), epoch, deviceId, file, count, prefix}.
 * Prints `wrote N` after each entry and `synced` once the server holds everything.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as v from 'valibot';
import { ENTRY, EntrySchema } from '../../src/domain/records/entry';
import { writeRecord } from '../../src/domain/records/merge';
import { fromBase64url } from '../../src/domain/sync/base64url';
import { connect } from '../../src/sync/connection';
import { newMemberKeyPair } from '../../src/sync/keys';
import { Vault } from '../../src/sync/vault';

interface Options {
  server: string;
  spaceId: string;
  memberId: string;
  token: string;
  key: string;
  epoch: number;
  deviceId: string;
  file: string;
  count: number;
  prefix: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const doc = new Y.Doc();
if (existsSync(options.file)) Y.applyUpdate(doc, readFileSync(options.file));
// Registered before the provider's handler: each change is on disk before it is sent.
doc.on('update', () => {
  writeFileSync(`${options.file}.tmp`, Y.encodeStateAsUpdate(doc));
  renameSync(`${options.file}.tmp`, options.file);
});
const vault = await Vault.open(doc, {
  spaceId: options.spaceId,
  deviceId: options.deviceId,
  memberId: options.memberId,
  memberKeys: await newMemberKeyPair(),
  key: { epoch: options.epoch, raw: fromBase64url(options.key)! },
});
const connection = connect({ server: options.server, spaceId: options.spaceId, token: options.token, doc, WebSocket });
const start = (await vault.records(ENTRY)).length;
for (let i = start + 1; i <= start + options.count; i++) {
  const now = new Date(Date.UTC(2026, 2, 1) + i * 1000);
  const entry = v.parse(EntrySchema, { id: `C${i}`, createdAt: now.toISOString(), updatedAt: now.toISOString(), deleted: 0, community: '', reflection: '', notes: `${options.prefix} ${i}`, tags: [] });
  await vault.put(ENTRY, writeRecord(ENTRY, undefined, entry, { device: options.deviceId, now }));
  process.stdout.write(`wrote ${i}\n`);
}
await connection.synced();
process.stdout.write('synced\n');
connection.close();
vault.close();
