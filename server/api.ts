/**
 * The REST API under /api: spaces, invites, joining by challenge and response, members. Bodies
 * are JSON, checked with the schemas in src/domain/sync/protocol.ts; every refusal says why in
 * plain words. A member proves who it is with its token (`Authorization: Bearer …`).
 */
import { createPublicKey, verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fromBase64url, toBase64url } from '../src/domain/sync/base64url';
import {
  ChallengeRequest,
  CreateInviteRequest,
  CreateSpaceRequest,
  JoinRequest,
  joinStatement,
  MAX_INVITE_DAYS,
  MemberId,
  MemberToken,
  parse,
  SpaceId,
  type Parsed,
} from '../src/domain/sync/protocol';
import { describeError, log } from './log';
import { hashToken, type MemberRow, type Spaces } from './spaces';
import { COMMON_HEADERS } from './static-files';
import type { Sync } from './sync';

const MAX_BODY_BYTES = 16 * 1024;

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  if (!String(request.headers['content-type']).startsWith('application/json')) throw new Refused(415, 'The request must be JSON (Content-Type: application/json).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Refused(413, 'The request is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refused(400, 'The request is not valid JSON.');
  }
}

function valid<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Refused(400, result.message);
  return result.value;
}

/** An Ed25519 signature by the invite's key, checked with Node's crypto. */
function signedByInvite(verifier: string, statement: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: verifier }, format: 'jwk' });
    return verify(null, Buffer.from(statement), key, fromBase64url(signature) ?? new Uint8Array());
  } catch {
    return false;
  }
}

export function api(spaces: Spaces, sync: Sync) {
  /** The member whose token came with the request, still in the space. */
  function caller(request: IncomingMessage, spaceId: string): MemberRow {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const member = match?.[1] && parse(MemberToken, match[1]).ok ? spaces.memberByToken(spaceId, match[1]) : undefined;
    if (!member) throw new Refused(401, 'This device is not a member of this space.');
    if (member.removed) throw new Refused(401, 'This device was removed from this space.');
    return member;
  }

  function owner(request: IncomingMessage, spaceId: string): MemberRow {
    const member = caller(request, spaceId);
    if (member.role !== 'owner') throw new Refused(403, 'Only the owner of the space can do that.');
    return member;
  }

  async function route(request: IncomingMessage, response: ServerResponse, parts: string[]): Promise<void> {
    const method = request.method ?? 'GET';
    const now = Date.now();
    const [collection, rawSpaceId, resource, rawMemberId, ...rest] = parts;
    if (collection !== 'spaces' || rest.length) throw new Refused(404, 'There is no such address in the API.');

    if (rawSpaceId === undefined) {
      if (method !== 'POST') throw new Refused(405, 'Use POST to create a space.');
      const body = valid(parse(CreateSpaceRequest, await readJson(request)));
      if (!spaces.create(body.spaceId, body.memberId, body.token, now)) throw new Refused(409, 'A space with that id exists already.');
      log('space.created', { space: body.spaceId, member: body.memberId });
      return send(response, 201, { spaceId: body.spaceId, memberId: body.memberId, role: 'owner' });
    }

    const spaceId = valid(parse(SpaceId, rawSpaceId));
    if (!spaces.exists(spaceId)) throw new Refused(404, 'There is no such space on this server.');

    if (resource === 'invites' && rawMemberId === undefined && method === 'POST') {
      const me = owner(request, spaceId);
      const body = valid(parse(CreateInviteRequest, await readJson(request)));
      const expiresAt = Date.parse(body.expiresAt);
      if (expiresAt <= now) throw new Refused(400, 'The invite’s expiry must be in the future.');
      if (expiresAt > now + MAX_INVITE_DAYS * 86_400_000) throw new Refused(400, `An invite can last at most ${MAX_INVITE_DAYS} days.`);
      if (!spaces.addInvite(spaceId, body.verifier, me.memberId, expiresAt, body.maxUses, now)) throw new Refused(409, 'That invite exists already.');
      log('invite.created', { space: spaceId, member: me.memberId, maxUses: body.maxUses, days: Math.round((expiresAt - now) / 86_400_000) });
      return send(response, 201, { verifier: body.verifier, expiresAt: new Date(expiresAt).toISOString(), maxUses: body.maxUses });
    }

    if (resource === 'invites' && rawMemberId === undefined && method === 'DELETE') {
      const me = owner(request, spaceId);
      const revoked = spaces.revokeInvites(spaceId);
      log('invite.revoked', { space: spaceId, member: me.memberId, count: revoked });
      return send(response, 200, { revoked });
    }

    if (resource === 'challenges' && rawMemberId === undefined && method === 'POST') {
      const { verifier } = valid(parse(ChallengeRequest, await readJson(request)));
      const invite = spaces.invite(spaceId, verifier);
      if (!invite) throw new Refused(403, 'This invite is not valid for this space.');
      if (invite.expiresAt < now) throw new Refused(410, 'This invite has expired. Ask for a new one.');
      if (invite.uses >= invite.maxUses) throw new Refused(410, 'This invite has been used as many times as it allows. Ask for a new one.');
      const challenge = spaces.challenge(spaceId, verifier, now);
      if (!challenge) throw new Refused(429, 'Too many people are joining with this invite at once. Try again in a few minutes.');
      return send(response, 201, { nonce: challenge.nonce, expiresAt: new Date(challenge.expiresAt).toISOString() });
    }

    if (resource === 'members' && rawMemberId === undefined && method === 'POST') {
      const body = valid(parse(JoinRequest, await readJson(request)));
      if (!spaces.takeChallenge(body.nonce, spaceId, body.verifier, now)) throw new Refused(400, 'The request to join has expired. Try again.');
      const statement = joinStatement({ spaceId, verifier: body.verifier, nonce: body.nonce, memberId: body.memberId, tokenHash: toBase64url(hashToken(body.token)) });
      if (!signedByInvite(body.verifier, statement, body.signature)) {
        log('join.refused', { space: spaceId, reason: 'signature' });
        throw new Refused(403, 'This invite link is not valid for this space.');
      }
      const outcome = spaces.join(spaceId, body.verifier, body.memberId, body.token, now);
      if (outcome !== 'joined') log('join.refused', { space: spaceId, reason: outcome });
      if (outcome === 'unknown-invite') throw new Refused(403, 'This invite is not valid for this space.');
      if (outcome === 'expired') throw new Refused(410, 'This invite has expired. Ask for a new one.');
      if (outcome === 'used-up') throw new Refused(410, 'This invite has been used as many times as it allows. Ask for a new one.');
      if (outcome === 'member-exists') throw new Refused(409, 'This device has joined already.');
      log('member.joined', { space: spaceId, member: body.memberId });
      return send(response, 201, { spaceId, memberId: body.memberId, role: 'member' });
    }

    if (resource === 'members' && rawMemberId === undefined && method === 'GET') {
      caller(request, spaceId);
      return send(response, 200, { members: spaces.members(spaceId) });
    }

    if (resource === 'members' && rawMemberId !== undefined && method === 'DELETE') {
      const memberId = valid(parse(MemberId, rawMemberId));
      const me = caller(request, spaceId);
      if (memberId === me.memberId) {
        // Leaving. The owner leaves last, and the space goes with them.
        if (me.role === 'owner') {
          if (spaces.activeCount(spaceId) > 1) throw new Refused(409, 'The owner can leave only once everyone else has left or been removed.');
          spaces.delete(spaceId);
          sync.disconnect(spaceId);
          log('space.deleted', { space: spaceId, member: me.memberId });
          return send(response, 200, { left: true, spaceDeleted: true });
        }
        spaces.remove(spaceId, memberId, now);
        sync.disconnect(spaceId, memberId);
        log('member.left', { space: spaceId, member: memberId });
        return send(response, 200, { left: true, spaceDeleted: false });
      }
      if (me.role !== 'owner') throw new Refused(403, 'Only the owner of the space can remove someone.');
      if (!spaces.remove(spaceId, memberId, now)) throw new Refused(404, 'There is no such member in this space.');
      sync.disconnect(spaceId, memberId);
      log('member.removed', { space: spaceId, member: memberId, by: me.memberId });
      return send(response, 200, { removed: memberId });
    }

    throw new Refused(404, 'There is no such address in the API.');
  }

  return async (request: IncomingMessage, response: ServerResponse, parts: string[]): Promise<void> => {
    const started = performance.now();
    try {
      await route(request, response, parts);
    } catch (error) {
      if (error instanceof Refused) send(response, error.status, { error: error.message });
      else {
        log('api.error', { message: describeError(error) });
        send(response, 500, { error: 'Something went wrong on the server. Try again later.' });
      }
    }
    log('api.request', { method: request.method, route: parts.slice(0, 1).concat(parts[2] ? [parts[2]] : []).join('/'), status: response.statusCode, ms: Math.round(performance.now() - started) });
  };
}
