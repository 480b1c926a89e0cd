/**
 * Journeys against the real server with Node clients: a space made, people invited and joined,
 * edits converging (online and after both were offline), joiners refused, a member removed,
 * hostile messages, the limits, and the static files. At the end, nothing anyone wrote is in
 * the server's files or logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { readFileSync } from 'node:fs';
import { fromBase64url, toBase64url } from '../../src/domain/sync/base64url';
import { ENTRY, type EntryRecord } from '../../src/domain/records/entry';
import { joinStatement } from '../../src/domain/sync/protocol';
import { createInvite, createSpace, joinSpace, leaveSpace, listMembers, removeMember, type Membership } from '../../src/sync/api';
import { makeInvite, parseInvite } from '../../src/sync/invite-link';
import { inviteKeys, newInviteSecret, randomId, sha256, signWithInvite } from '../../src/sync/keys';
import { rotateSpaceKey } from '../../src/sync/rotation';
import { client, dataFolderBytes, newEntry, startServer, tempDir, waitFor, written, type Client, type RunningServer } from './harness';

const MAX_MESSAGE = 64 * 1024;
const MAX_DOCUMENT = 256 * 1024;

let server: RunningServer;
const clients: Client[] = [];
const open = async (membership: Membership, state?: Uint8Array) => {
  const c = await client(server.url, membership, state);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startServer(tempDir('journeys'), { MAX_MESSAGE_BYTES: String(MAX_MESSAGE), MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT) });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop('SIGTERM');
});

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** A raw WebSocket speaking the sync protocol by hand. */
async function rawSocket(): Promise<{ ws: WebSocket; messages: Uint8Array[]; closed: () => { code: number } | undefined }> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync`);
  const messages: Uint8Array[] = [];
  let closed: { code: number } | undefined;
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on('close', (code) => (closed = { code }));
  ws.on('error', () => undefined);
  await new Promise((resolve) => ws.once('open', resolve));
  return { ws, messages, closed: () => closed };
}

function message(spaceId: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, spaceId);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const AUTH = 2;
const SYNC = 0;
const SYNC_UPDATE = 2;
const CLOSE = 7;

describe('a space', () => {
  let owner: Membership;
  let member: Membership;
  let third: Membership;

  it('is made by one device, and others join with an invite link', async () => {
    owner = await createSpace(server.url);
    expect(owner.role).toBe('owner');
    const invite = await createInvite(owner, { uses: 2 });
    expect(invite.link.startsWith(`${server.url}/#/join/`)).toBe(true);
    member = await joinSpace(server.url, invite.link);
    third = await joinSpace(server.url, invite.link);
    expect([member.role, third.role]).toEqual(['member', 'member']);
    expect(member.spaceId).toBe(owner.spaceId);
    const members = await listMembers(member);
    expect(members.map((m) => [m.memberId, m.role])).toEqual([
      [owner.memberId, 'owner'],
      [member.memberId, 'member'],
      [third.memberId, 'member'],
    ]);
    expect(Object.keys(members[0]!).sort()).toEqual(['joinedAt', 'memberId', 'role']);
    // The server saw the invite's public key, never the link.
    expect(server.lines.join('\n')).not.toContain(invite.link.split('#/join/')[1]);
  });

  it('converges: two and then three devices edit and each sees every edit', async () => {
    const a = await open(owner);
    const b = await open(member);
    await a.vault.put(ENTRY, newEntry('dev00001', 'E1', 'Tenants want the hall on Tuesdays'));
    await a.connection.synced();
    await waitFor(async () => (await b.ids()).includes('E1'), 'B to receive E1');
    const [fromA] = await b.vault.records<EntryRecord>(ENTRY);
    await b.vault.put(ENTRY, newEntry('dev00002', 'E1', 'Tenants want the hall on Tuesdays and Thursdays', fromA));
    await b.vault.put(ENTRY, newEntry('dev00002', 'E2', 'Ask the youth club about the garden'));
    const c = await open(third);
    await waitFor(async () => (await c.ids()).length === 2 && (await a.ids()).length === 2, 'everyone to hold two entries');
    await c.vault.put(ENTRY, newEntry('dev00003', 'E3', 'Share the minutes in Polish too'));
    for (const d of [a, b, c]) await waitFor(async () => (await d.ids()).join() === 'E1,E2,E3', 'every device to hold three entries');
    const notes = async (d: Client) => (await d.vault.records<EntryRecord>(ENTRY)).find((r) => r.id === 'E1')?.notes;
    for (const d of [a, b, c]) expect(await notes(d)).toBe('Tenants want the hall on Tuesdays and Thursdays');
    await Promise.all([a, b, c].map((d) => d.connection.synced()));
    expect(a.statuses.at(-1)?.state).toBe('synced');
    for (const d of [a, b, c]) expect(d.problems).toEqual([]);
  });

  it('converges after both devices edited offline and reconnected', async () => {
    const a = await open(owner);
    const b = await open(member);
    await waitFor(async () => (await a.ids()).length === 3 && (await b.ids()).length === 3, 'both to catch up');
    await Promise.all([a.connection.synced(), b.connection.synced()]);
    const aState = Y.encodeStateAsUpdate(a.doc);
    const bState = Y.encodeStateAsUpdate(b.doc);
    a.close();
    b.close();
    // Offline: each edits the same entry, and adds one of its own.
    const aOffline = await client('http://127.0.0.1:1', owner, aState);
    const bOffline = await client('http://127.0.0.1:1', member, bState);
    const base = (await aOffline.vault.records<EntryRecord>(ENTRY)).find((r) => r.id === 'E2')!;
    await aOffline.vault.put(ENTRY, newEntry('dev00001', 'E2', 'Garden: the club said yes', base));
    await aOffline.vault.put(ENTRY, newEntry('dev00001', 'E4', 'Offline on the train'));
    await bOffline.vault.put(ENTRY, newEntry('dev00002', 'E2', 'Garden: ask again in May', base));
    await bOffline.vault.put(ENTRY, newEntry('dev00002', 'E5', 'Offline in the hall'));
    aOffline.close();
    bOffline.close();
    const a2 = await open(owner, Y.encodeStateAsUpdate(aOffline.doc));
    const b2 = await open(member, Y.encodeStateAsUpdate(bOffline.doc));
    await Promise.all([a2.connection.synced(), b2.connection.synced()]);
    for (const d of [a2, b2]) await waitFor(async () => (await d.ids()).join() === 'E1,E2,E3,E4,E5', 'both to hold five entries');
    const merged = async (d: Client) => (await d.vault.records<EntryRecord>(ENTRY)).find((r) => r.id === 'E2')!;
    const [x, y] = [await merged(a2), await merged(b2)];
    expect(x).toEqual(y);
    // Both words kept: one shows, the other waits for someone to choose.
    expect([x.notes, ...(x.clock?.alt?.notes?.map((alt) => alt.value) ?? [])].sort()).toEqual(['Garden: ask again in May', 'Garden: the club said yes']);
  });

  it('refuses joiners without the invite secret: wrong key, tampered signature, another token, a used nonce', async () => {
    const invite = await createInvite(owner, { uses: 5 });
    const parsed = parseInvite(invite.link);
    if (!parsed.ok) throw new Error(parsed.message);
    // A link for the space with another secret: the server knows no such invite.
    const forged = makeInvite(server.url, { ...parsed.value, inviteSecret: newInviteSecret() });
    await expect(joinSpace(server.url, forged)).rejects.toThrow('This invite is not valid for this space.');

    const keys = await inviteKeys(parsed.value.inviteSecret);
    const path = `/spaces/${owner.spaceId}`;
    const challenge = async () => (await post(`${path}/challenges`, { verifier: keys.verifier })).json.nonce as string;
    const memberId = randomId(16);
    const token = randomId(32);
    const signed = async (nonce: string, signedToken = token) =>
      signWithInvite(keys, joinStatement({ spaceId: owner.spaceId, verifier: keys.verifier, nonce, memberId, tokenHash: await sha256(signedToken) }));

    let nonce = await challenge();
    const signature = fromBase64url(await signed(nonce))!;
    signature[10]! ^= 1;
    const tampered = await post(`${path}/members`, { verifier: keys.verifier, nonce, signature: toBase64url(signature), memberId, token });
    expect(tampered).toEqual({ status: 403, json: { error: 'This invite link is not valid for this space.' } });

    nonce = await challenge();
    const otherToken = await post(`${path}/members`, { verifier: keys.verifier, nonce, signature: await signed(nonce, randomId(32)), memberId, token });
    expect(otherToken.status).toBe(403);

    nonce = await challenge();
    const good = { verifier: keys.verifier, nonce, signature: await signed(nonce), memberId, token };
    expect((await post(`${path}/members`, good)).status).toBe(201);
    const replay = await post(`${path}/members`, { ...good, memberId: randomId(16), token: randomId(32) });
    expect(replay).toEqual({ status: 400, json: { error: 'The request to join has expired. Try again.' } });
    expect((await listMembers(owner)).some((m) => m.memberId === memberId)).toBe(true);
  });

  it('refuses joiners with an expired or used-up invite', async () => {
    const once = await createInvite(owner, { uses: 1 });
    await joinSpace(server.url, once.link);
    await expect(joinSpace(server.url, once.link)).rejects.toThrow('This invite has been used as many times as it allows. Ask for a new one.');
    const brief = await createInvite(owner, { days: 2 / 86_400 });
    await waitFor(() => Date.now() > Date.parse(brief.expiresAt) + 50, 'the invite to expire', 10_000);
    await expect(joinSpace(server.url, brief.link)).rejects.toMatchObject({ status: 410, message: 'This invite has expired. Ask for a new one.' });
  });

  it('only lets the owner invite and remove, and says why in plain words', async () => {
    await expect(createInvite(member)).rejects.toThrow('Only the owner of the space can do that.');
    await expect(removeMember(member, third.memberId)).rejects.toThrow('Only the owner of the space can remove someone.');
    await expect(listMembers({ ...member, token: randomId(32) })).rejects.toMatchObject({ status: 401, message: 'This device is not a member of this space.' });
    const bad = await post('/spaces', { spaceId: 'short', memberId: randomId(16), token: randomId(32) });
    expect(bad).toEqual({ status: 400, json: { error: 'The space id is not valid.' } });
    const extra = await post('/spaces', { spaceId: randomId(16), memberId: randomId(16), token: randomId(32), name: 'Team A' });
    expect(extra).toEqual({ status: 400, json: { error: 'The field “name” is not expected.' } });
    const notJson = await fetch(`${server.url}/api/spaces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(await notJson.json()).toEqual({ error: 'The request is not valid JSON.' });
    await expect(leaveSpace(owner)).rejects.toThrow('The owner can leave only once everyone else has left or been removed.');
  });

  it('removes a member: their connection closes at once, they receive nothing new, and after rotation nothing new is readable with their key', async () => {
    const a = await open(owner);
    const b = await open(member);
    const c = await open(third);
    await Promise.all([a, b, c].map((d) => d.connection.synced()));
    await waitFor(async () => (await a.vault.memberCards()).length >= 3, 'every member’s card');
    await removeMember(owner, third.memberId);
    await waitFor(() => c.connection.status.state === 'refused' && c.connection.status, 'the removed member’s connection to close');
    expect(c.connection.status).toMatchObject({ state: 'refused', reason: 'removed', message: 'This device was removed from this space.' });
    const before = Y.encodeStateVector(c.doc);
    await a.vault.put(ENTRY, newEntry('dev00001', 'AFTER', 'Written after C was removed'));
    await waitFor(async () => (await b.ids()).includes('AFTER'), 'B to receive the new entry');
    expect(Y.encodeStateVector(c.doc)).toEqual(before);
    await expect(listMembers(third)).rejects.toThrow('This device was removed from this space.');
    // Reconnecting is refused too.
    const again = await client(server.url, third);
    await waitFor(() => again.connection.status.state === 'refused', 'the reconnection to be refused');
    expect(again.connection.status).toMatchObject({ reason: 'removed' });
    again.close();

    const rotation = await rotateSpaceKey(owner, a.vault);
    expect(rotation.sharedWith.sort()).toEqual(expect.arrayContaining([owner.memberId, member.memberId]));
    expect(rotation.sharedWith).not.toContain(third.memberId);
    await waitFor(() => member.key.epoch === 2, 'the member to take up the new key');
    await a.vault.put(ENTRY, newEntry('dev00001', 'ROTATED', 'Written with the new key'));
    await waitFor(async () => (await b.ids()).includes('ROTATED'), 'B to read the entry written with the new key');
    // Old invites carried the old key: they were revoked.
    expect((await listMembers(owner)).find((m) => m.memberId === third.memberId)?.removedAt).toBeDefined();
  });

  it('ends for the owner, last to leave, with the space deleted', async () => {
    const solo = await createSpace(server.url);
    const leaver = await joinSpace(server.url, (await createInvite(solo)).link);
    expect(await leaveSpace(leaver)).toEqual({ spaceDeleted: false });
    expect(await leaveSpace(solo)).toEqual({ spaceDeleted: true });
    await expect(listMembers(solo)).rejects.toMatchObject({ status: 404, message: 'There is no such space on this server.' });
  });

  it('refuses a malformed message and an oversized one, and goes on serving everyone else', async () => {
    const a = await open(owner);
    const b = await open(member);
    await Promise.all([a.connection.synced(), b.connection.synced()]);

    // Authenticated, then an update that is not a Yjs update.
    const raw = await rawSocket();
    raw.ws.send(message(owner.spaceId, (e) => (encoding.writeVarUint(e, AUTH), encoding.writeVarUint(e, 0), encoding.writeVarString(e, member.token))));
    await waitFor(() => raw.messages.length > 0, 'the authentication answer');
    raw.ws.send(message(owner.spaceId, (e) => (encoding.writeVarUint(e, SYNC), encoding.writeVarUint(e, SYNC_UPDATE), encoding.writeVarUint8Array(e, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2])))));
    // A message starts with the space id (its length, then 22 characters), then its type.
    const isClose = (m: Uint8Array) => m[1 + m[0]!] === CLOSE;
    await waitFor(() => raw.messages.some(isClose) || raw.closed(), 'the malformed update to be refused');
    await server.log('sync.malformed');
    raw.ws.terminate();

    // Not even the protocol: bytes that are no message at all.
    const garbage = await rawSocket();
    garbage.ws.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    await waitFor(() => garbage.closed(), 'the garbage to close the socket');

    // Larger than MAX_MESSAGE_BYTES: the socket closes with 1009.
    const big = await rawSocket();
    big.ws.send(new Uint8Array(MAX_MESSAGE + 1));
    expect(await waitFor(() => big.closed(), 'the oversized message to close the socket')).toEqual({ code: 1009 });
    await server.log('sync.refused', (line) => line.reason === 'message-too-large');

    // And through the library: a change too large for one message.
    const sender = await open(member);
    await sender.connection.synced();
    await sender.vault.put(ENTRY, newEntry('dev00009', 'HUGE', 'x'.repeat(MAX_MESSAGE)));
    await waitFor(() => sender.connection.status.state === 'refused', 'the large change to be refused');
    expect(sender.connection.status).toMatchObject({ reason: 'message-too-large', message: 'A change was too large for the server to accept.' });

    await a.vault.put(ENTRY, newEntry('dev00001', 'STILL', 'The server still serves'));
    await waitFor(async () => (await b.ids()).includes('STILL'), 'B to receive after the hostile messages');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses changes that would take a space past its size, and goes on serving', async () => {
    const full = await createSpace(server.url);
    const writer = await open(full);
    await writer.connection.synced();
    let n = 0;
    while (writer.connection.status.state !== 'refused') {
      await writer.vault.put(ENTRY, newEntry('dev00010', `BIG${n++}`, `Part ${n}: ${'y'.repeat(30_000)}`));
      await Promise.race([writer.connection.synced().catch(() => undefined), waitFor(() => writer.connection.status.state === 'refused', 'refusal')]);
      expect(n).toBeLessThan(20);
    }
    expect(writer.connection.status).toMatchObject({ reason: 'space-full' });
    await server.log('sync.refused', (line) => line.reason === 'space-full');
    // What was stored is still there for a new device, and within the limit.
    const reader = await open(full);
    await reader.connection.synced();
    expect((await reader.ids()).length).toBeGreaterThan(3);
    expect(Y.encodeStateAsUpdate(reader.doc).length).toBeLessThanOrEqual(MAX_DOCUMENT);
  });
});

describe('the app', () => {
  it('is served with the nginx example’s headers and the page’s own Content-Security-Policy', async () => {
    const index = await fetch(`${server.url}/`);
    const html = await index.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(index.headers.get('content-security-policy')).toBe(meta);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    for (const path of ['/sw.js', '/app.html', '/manifest.webmanifest', '/index.html']) {
      expect((await fetch(`${server.url}${path}`)).headers.get('cache-control')).toBe('no-cache');
    }
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync('dist/app.html', 'utf8'))![1]!;
    const script = await fetch(`${server.url}${asset}`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const etag = index.headers.get('etag')!;
    expect((await fetch(`${server.url}/`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await fetch(`${server.url}/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('the server', () => {
  it('refuses too many connection attempts from one address', async () => {
    const throttled = await startServer(tempDir('throttle'), { CONNECTS_PER_MINUTE: '3' });
    try {
      const owner = await createSpace(throttled.url);
      const tries: Client[] = [];
      for (let i = 0; i < 4; i++) {
        const c = await client(throttled.url, owner);
        tries.push(c);
        await waitFor(() => ['synced', 'refused'].includes(c.connection.status.state), 'an answer');
      }
      expect(tries.map((c) => c.connection.status.state)).toEqual(['synced', 'synced', 'synced', 'refused']);
      expect(tries[3]!.connection.status).toMatchObject({ reason: 'too-many-connections' });
      for (const c of tries) c.close();
    } finally {
      await throttled.stop('SIGTERM');
    }
  });

  it('writes only JSON lines, and neither its files nor its logs hold a word anyone wrote', async () => {
    expect(written.size).toBeGreaterThan(10);
    await server.stop('SIGTERM');
    for (const line of server.lines) expect(() => JSON.parse(line), line).not.toThrow();
    const files = dataFolderBytes(server.dataDir);
    const logs = server.lines.join('\n');
    for (const text of written) {
      const sample = text.slice(0, 60);
      expect(files.includes(Buffer.from(sample)), sample).toBe(false);
      expect(logs.includes(sample), sample).toBe(false);
    }
  });
});

