/**
 * Invite links: `${origin}/#/join/<payload>`. The payload holds the space id, the invite secret,
 * the space key and its epoch. It sits after the `#`, which browsers never send to a server, so
 * the server sees none of it; a QR code holds the same link.
 *
 * Payload bytes: [version 1][space id 16][invite secret 32][space key 32][epoch u32][CRC-32 u32],
 * base64url. The checksum catches a link cut short or mistyped before it is used.
 */
import * as v from 'valibot';
import { fromBase64url, toBase64url } from '../domain/sync/base64url';
import { SpaceId, type Parsed } from '../domain/sync/protocol';
import { INVITE_SECRET_BYTES, SPACE_KEY_BYTES, type SpaceKey } from './keys';

export interface Invite {
  spaceId: string;
  inviteSecret: Uint8Array;
  key: SpaceKey;
}

const VERSION = 1;
const SPACE_ID_BYTES = 16;
const LENGTH = 1 + SPACE_ID_BYTES + INVITE_SECRET_BYTES + SPACE_KEY_BYTES + 4 + 4;
export const JOIN_ROUTE = '#/join/';

const NOT_AN_INVITE = 'This is not a Power Shifting invite link.';
const DAMAGED = 'This invite link is damaged or incomplete. Copy the whole link again, or ask for a new one.';
const NEWER = 'This invite was made by a newer version of the app. Update the app, then open the link again.';

/** A whole link, or the payload alone (as typed from a QR code reader that drops the address). */
const InviteText = v.pipe(
  v.string(NOT_AN_INVITE),
  v.trim(),
  v.transform((text) => (text.includes(JOIN_ROUTE) ? text.slice(text.indexOf(JOIN_ROUTE) + JOIN_ROUTE.length) : text)),
  v.regex(/^[A-Za-z0-9_-]+$/, NOT_AN_INVITE),
);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function makeInvite(origin: string, invite: Invite): string {
  const spaceId = fromBase64url(invite.spaceId);
  if (spaceId?.length !== SPACE_ID_BYTES || invite.inviteSecret.length !== INVITE_SECRET_BYTES || invite.key.raw.length !== SPACE_KEY_BYTES) {
    throw new Error('The invite’s parts are not the right size.');
  }
  const bytes = new Uint8Array(LENGTH);
  const view = new DataView(bytes.buffer);
  bytes[0] = VERSION;
  bytes.set(spaceId, 1);
  bytes.set(invite.inviteSecret, 1 + SPACE_ID_BYTES);
  bytes.set(invite.key.raw, 1 + SPACE_ID_BYTES + INVITE_SECRET_BYTES);
  view.setUint32(LENGTH - 8, invite.key.epoch);
  view.setUint32(LENGTH - 4, crc32(bytes.subarray(0, LENGTH - 4)));
  return `${origin.replace(/\/+$/, '')}/${JOIN_ROUTE}${toBase64url(bytes)}`;
}

export function parseInvite(link: string): Parsed<Invite> {
  const text = v.safeParse(InviteText, link);
  if (!text.success) return { ok: false, message: NOT_AN_INVITE };
  const bytes = fromBase64url(text.output);
  if (bytes?.[0] !== undefined && bytes[0] > VERSION) return { ok: false, message: NEWER };
  if (bytes?.length !== LENGTH || bytes[0] !== VERSION) return { ok: false, message: DAMAGED };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (view.getUint32(LENGTH - 4) !== crc32(bytes.subarray(0, LENGTH - 4))) return { ok: false, message: DAMAGED };
  const epoch = view.getUint32(LENGTH - 8);
  const spaceId = toBase64url(bytes.slice(1, 1 + SPACE_ID_BYTES));
  if (epoch < 1 || !v.is(SpaceId, spaceId)) return { ok: false, message: DAMAGED };
  return {
    ok: true,
    value: {
      spaceId,
      inviteSecret: bytes.slice(1 + SPACE_ID_BYTES, 1 + SPACE_ID_BYTES + INVITE_SECRET_BYTES),
      key: { epoch, raw: bytes.slice(1 + SPACE_ID_BYTES + INVITE_SECRET_BYTES, LENGTH - 8) },
    },
  };
}
