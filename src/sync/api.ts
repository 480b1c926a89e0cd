/**
 * The sync server's REST API, over fetch. Each call returns what the device must keep (the app
 * stores it): the membership, whose token and keys never leave the device except the token,
 * which goes to the server with each request, and the key, which goes only into invite links.
 */
import type * as v from 'valibot';
import {
  API_PATH,
  ChallengeResponse,
  ErrorResponse,
  InviteResponse,
  joinStatement,
  LeftResponse,
  MembersResponse,
  parse,
  RemovedResponse,
  RevokedResponse,
  SpaceResponse,
  type Member,
  type Role,
} from '../domain/sync/protocol';
import { parseInvite, makeInvite } from './invite-link';
import { inviteKeys, newInviteSecret, newMemberKeyPair, newSpaceKey, randomId, sha256, signWithInvite, type MemberKeyPair, type SpaceKey } from './keys';

/** Everything a device holds for one space. */
export interface Membership {
  /** The sync server's origin, such as https://power-shifting.example.org. */
  server: string;
  spaceId: string;
  memberId: string;
  token: string;
  role: Role;
  /** The newest space key this device holds. */
  key: SpaceKey;
  memberKeys: MemberKeyPair;
}

export class SyncApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'SyncApiError';
  }
}

interface Request {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
}

async function call<S extends v.GenericSchema>(server: string, request: Request, schema: S): Promise<v.InferOutput<S>> {
  let response: Response;
  try {
    response = await fetch(`${server.replace(/\/+$/, '')}${API_PATH}${request.path}`, {
      method: request.method,
      headers: {
        ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(request.token ? { Authorization: `Bearer ${request.token}` } : {}),
      },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
    });
  } catch {
    throw new SyncApiError('Could not reach the sync server. Check the connection and try again.', 0);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = parse(ErrorResponse, json);
    throw new SyncApiError(error.ok ? error.value.error : `The sync server answered with an error (${response.status}).`, response.status);
  }
  const result = parse(schema, json);
  if (!result.ok) throw new SyncApiError('The sync server’s answer was not understood. It may be a different version of the app.', response.status);
  return result.value;
}

/** A new space, owned by this device, with a new random id, token and key. */
export async function createSpace(server: string): Promise<Membership> {
  const spaceId = randomId(16);
  const memberId = randomId(16);
  const token = randomId(32);
  const result = await call(server, { method: 'POST', path: '/spaces', body: { spaceId, memberId, token } }, SpaceResponse);
  return { server, spaceId, memberId, token, role: result.role, key: newSpaceKey(), memberKeys: await newMemberKeyPair() };
}

export interface InviteOptions {
  /** Where the app is, for the link; the server's origin unless the app is served elsewhere. */
  origin?: string;
  /** 7 unless given; at most 30. */
  days?: number;
  /** 1 unless given; at most 100. */
  uses?: number;
}

export interface CreatedInvite {
  link: string;
  expiresAt: string;
  uses: number;
}

/** A link to join the space (owner only): its secret and the space key stay in the link. */
export async function createInvite(membership: Membership, options: InviteOptions = {}): Promise<CreatedInvite> {
  const inviteSecret = newInviteSecret();
  const { verifier } = await inviteKeys(inviteSecret);
  const expiresAt = new Date(Date.now() + (options.days ?? 7) * 86_400_000).toISOString();
  const body = { verifier, expiresAt, maxUses: options.uses ?? 1 };
  const result = await call(membership.server, { method: 'POST', path: `/spaces/${membership.spaceId}/invites`, token: membership.token, body }, InviteResponse);
  const link = makeInvite(options.origin ?? membership.server, { spaceId: membership.spaceId, inviteSecret, key: membership.key });
  return { link, expiresAt: result.expiresAt, uses: result.maxUses };
}

/** Joins the space an invite link is for: proves to the server that this device holds the link. */
export async function joinSpace(server: string, link: string): Promise<Membership> {
  const invite = parseInvite(link);
  if (!invite.ok) throw new SyncApiError(invite.message, 400);
  const { spaceId, inviteSecret, key } = invite.value;
  const keys = await inviteKeys(inviteSecret);
  const { nonce } = await call(server, { method: 'POST', path: `/spaces/${spaceId}/challenges`, body: { verifier: keys.verifier } }, ChallengeResponse);
  const memberId = randomId(16);
  const token = randomId(32);
  const statement = joinStatement({ spaceId, verifier: keys.verifier, nonce, memberId, tokenHash: await sha256(token) });
  const signature = await signWithInvite(keys, statement);
  const result = await call(server, { method: 'POST', path: `/spaces/${spaceId}/members`, body: { verifier: keys.verifier, nonce, signature, memberId, token } }, SpaceResponse);
  return { server, spaceId, memberId, token, role: result.role, key, memberKeys: await newMemberKeyPair() };
}

/** Everyone who has been in the space: ids and roles only (names live encrypted in the document). */
export async function listMembers(membership: Membership): Promise<Member[]> {
  const result = await call(membership.server, { method: 'GET', path: `/spaces/${membership.spaceId}/members`, token: membership.token }, MembersResponse);
  return result.members;
}

/** Owner only: the member's token stops working and their connections close at once. */
export async function removeMember(membership: Membership, memberId: string): Promise<void> {
  await call(membership.server, { method: 'DELETE', path: `/spaces/${membership.spaceId}/members/${memberId}`, token: membership.token }, RemovedResponse);
}

/** This device leaves the space. The owner can leave only last, and the space is then deleted. */
export async function leaveSpace(membership: Membership): Promise<{ spaceDeleted: boolean }> {
  const result = await call(membership.server, { method: 'DELETE', path: `/spaces/${membership.spaceId}/members/${membership.memberId}`, token: membership.token }, LeftResponse);
  return { spaceDeleted: result.spaceDeleted };
}

/** Owner only: every invite made so far stops working; the number revoked. */
export async function revokeInvites(membership: Membership): Promise<number> {
  const result = await call(membership.server, { method: 'DELETE', path: `/spaces/${membership.spaceId}/invites`, token: membership.token }, RevokedResponse);
  return result.revoked;
}
