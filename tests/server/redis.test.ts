/**
 * Two server instances behind one address, as behind a load balancer: they share the data
 * folder and relay to each other through Redis (Debian's redis-server, started here with
 * persistence off), so clients on either see each other's changes, and a member removed
 * through one instance is cut off on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY, type EntryRecord } from '../../src/domain/records/entry';
import { createInvite, createSpace, joinSpace, removeMember } from '../../src/sync/api';
import { client, dataFolderBytes, newEntry, startRedis, startServer, tempDir, waitFor, written, type Client, type RunningServer } from './harness';

let redis: Awaited<ReturnType<typeof startRedis>>;
let one: RunningServer;
let two: RunningServer;
const clients: Client[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const dataDir = tempDir('redis-instances');
  [one, two] = await Promise.all([startServer(dataDir, { REDIS_URL: redis.url }), startServer(dataDir, { REDIS_URL: redis.url })]);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await one?.stop('SIGKILL');
  await two?.stop('SIGKILL');
  await redis?.stop();
});

describe('two instances with Redis', () => {
  it('relay changes between clients connected to different instances, and cut off a removed member everywhere', async () => {
    expect(one.logs.find((line) => line.event === 'server.listening')).toMatchObject({ redis: true });
    const owner = await createSpace(one.url);
    const invite = await createInvite(owner, { uses: 2 });
    // Joined through the other instance: both read one database.
    const member = await joinSpace(two.url, invite.link);
    const leaving = await joinSpace(two.url, invite.link);
    const a = await client(one.url, owner);
    const b = await client(two.url, member);
    const c = await client(two.url, leaving);
    clients.push(a, b, c);
    await Promise.all([a, b, c].map((d) => d.connection.synced()));

    await a.vault.put(ENTRY, newEntry('dev00001', 'R1', 'Written on instance one'));
    await waitFor(async () => (await b.ids()).includes('R1'), 'B, on instance two, to receive R1');
    const [r1] = await b.vault.records<EntryRecord>(ENTRY);
    await b.vault.put(ENTRY, newEntry('dev00002', 'R1', 'Answered on instance two', r1));
    await waitFor(async () => (await a.vault.records<EntryRecord>(ENTRY))[0]?.notes === 'Answered on instance two', 'A, on instance one, to receive the answer');

    await removeMember(owner, leaving.memberId);
    await waitFor(() => c.connection.status.state === 'refused', 'the removed member on instance two to be cut off');
    expect(c.connection.status).toMatchObject({ reason: 'removed' });
    await a.vault.put(ENTRY, newEntry('dev00001', 'R2', 'Written after the removal'));
    await waitFor(async () => (await b.ids()).includes('R2'), 'B to receive R2');
    expect(await c.ids()).not.toContain('R2');

    // Both stored what they hold, to the one database, without losing the other's changes.
    await Promise.all([one.stop('SIGTERM'), two.stop('SIGTERM')]);
    const restarted = await startServer(one.dataDir);
    try {
      const reader = await client(restarted.url, owner);
      clients.push(reader);
      await reader.connection.synced();
      expect(await reader.ids()).toEqual(['R1', 'R2']);
      expect((await reader.vault.records<EntryRecord>(ENTRY))[0]?.notes).toBe('Answered on instance two');
    } finally {
      await restarted.stop('SIGTERM');
    }
    const files = dataFolderBytes(one.dataDir);
    for (const text of written) {
      expect(files.includes(Buffer.from(text)), text).toBe(false);
      for (const server of [one, two, restarted]) expect(server.lines.join('\n').includes(text), text).toBe(false);
    }
  });
});
