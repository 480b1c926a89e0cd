/**
 * What the sync server and its clients say to each other: the REST API's bodies, the reasons a
 * sync connection is refused, and the statement a joiner signs. Both sides validate with these
 * schemas, so a message one side accepts is one the other side wrote.
 *
 * The server holds no names and no content: ids are random, tokens are stored as SHA-256
 * hashes, an invite is only a public key (its secret stays in the link's fragment).
 */
import * as v from 'valibot';
import { base64urlLength } from './base64url';

export const API_PATH = '/api';
export const SYNC_PATH = '/sync';
export const HEALTH_PATH = '/healthz';

/** An invite lasts at most this long; a joiner must answer a challenge within NONCE_SECONDS. */
export const MAX_INVITE_DAYS = 30;
export const MAX_INVITE_USES = 100;
export const NONCE_SECONDS = 300;

const bytesOf = (bytes: number, what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.regex(new RegExp(`^[A-Za-z0-9_-]{${base64urlLength(bytes)}}$`), `${what} is not valid`),
  );

/** 16 random bytes, made by the client that creates the space. */
export const SpaceId = bytesOf(16, 'The space id');
/** 16 random bytes, made by the member's device. */
export const MemberId = bytesOf(16, 'The member id');
/** 32 random bytes; the server keeps only their SHA-256. */
export const MemberToken = bytesOf(32, 'The member token');
/** An Ed25519 public key (the JWK's `x`), derived from the invite secret. */
export const InviteVerifier = bytesOf(32, 'The invite');
export const Nonce = bytesOf(32, 'The challenge');
export const Signature = bytesOf(64, 'The signature');
const Instant = v.pipe(v.string('The time must be text'), v.isoTimestamp('The time is not a valid date and time'));

export const ROLES = ['owner', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const CreateSpaceRequest = v.strictObject({ spaceId: SpaceId, memberId: MemberId, token: MemberToken }, 'The request must be an object');
export const CreateInviteRequest = v.strictObject(
  {
    verifier: InviteVerifier,
    expiresAt: Instant,
    maxUses: v.pipe(
      v.number('The number of uses must be a number'),
      v.integer('The number of uses must be a whole number'),
      v.minValue(1, 'An invite must allow at least one use'),
      v.maxValue(MAX_INVITE_USES, `An invite allows at most ${MAX_INVITE_USES} uses`),
    ),
  },
  'The request must be an object',
);
export const ChallengeRequest = v.strictObject({ verifier: InviteVerifier }, 'The request must be an object');
export const JoinRequest = v.strictObject(
  { verifier: InviteVerifier, nonce: Nonce, signature: Signature, memberId: MemberId, token: MemberToken },
  'The request must be an object',
);

export const SpaceResponse = v.object({ spaceId: SpaceId, memberId: MemberId, role: v.picklist(ROLES) });
export const InviteResponse = v.object({ verifier: InviteVerifier, expiresAt: Instant, maxUses: v.number() });
export const ChallengeResponse = v.object({ nonce: Nonce, expiresAt: Instant });
export const MemberSchema = v.object({
  memberId: MemberId,
  role: v.picklist(ROLES),
  joinedAt: Instant,
  removedAt: v.optional(Instant),
});
export const MembersResponse = v.object({ members: v.array(MemberSchema) });
export const RevokedResponse = v.object({ revoked: v.number() });
export const RemovedResponse = v.object({ removed: MemberId });
export const LeftResponse = v.object({ left: v.literal(true), spaceDeleted: v.boolean() });
export const ErrorResponse = v.object({ error: v.string() });

export type Member = v.InferOutput<typeof MemberSchema>;

/**
 * What a joiner signs with the invite's key: the one-time nonce, and the member id and token
 * hash it is registering, so that the signature cannot be replayed or moved to another token.
 */
export function joinStatement(parts: { spaceId: string; verifier: string; nonce: string; memberId: string; tokenHash: string }): string {
  return ['power-shifting/join/1', parts.spaceId, parts.verifier, parts.nonce, parts.memberId, parts.tokenHash].join('\n');
}

/** Why the sync endpoint refused or closed a connection: the reason travels as this word. */
export const REFUSALS = {
  'not-a-member': 'This device is not a member of this space.',
  removed: 'This device was removed from this space.',
  'space-full': 'This space has reached the size the server allows: nothing more can be saved to it.',
  'message-too-large': 'A change was too large for the server to accept.',
  'too-many-connections': 'Too many connections from this address. Try again in a few minutes.',
} as const;
export type Refusal = keyof typeof REFUSALS;

export function refusalMessage(reason: string): string {
  return (REFUSALS as Record<string, string>)[reason] ?? 'The server refused the connection.';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates a message with one of the schemas above; the message of the first problem, in plain words. */
export function parse<S extends v.GenericSchema>(schema: S, input: unknown): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const field = issue.path?.map((item) => String(item.key)).join('.');
  // A strict object names the field it did not expect; every other message is written above.
  return { ok: false, message: issue.type === 'strict_object' && field ? `The field “${field}” is not expected.` : `${issue.message}.` };
}
