/**
 * Spaces, their members, invites and join challenges, as the server keeps them: random ids,
 * SHA-256 hashes of member tokens, invite public keys with their expiry and uses, and times.
 * Nothing here names a person or says what a space is for.
 */
import { createHash, randomBytes } from 'node:crypto';
import { toBase64url } from '../src/domain/sync/base64url';
import { NONCE_SECONDS, type Member, type Role } from '../src/domain/sync/protocol';
import type { Db } from './database';

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

export interface MemberRow {
  memberId: string;
  role: Role;
  removed: boolean;
}

export interface InviteRow {
  expiresAt: number;
  maxUses: number;
  uses: number;
}

export type JoinOutcome = 'joined' | 'unknown-invite' | 'expired' | 'used-up' | 'member-exists';

/** Outstanding challenges per invite: enough for several people joining at once, few enough to bound the table. */
const MAX_CHALLENGES = 50;

export class Spaces {
  constructor(private readonly db: Db) {}

  /** False when a space with that id exists already. */
  create(spaceId: string, memberId: string, token: string, now: number): boolean {
    return this.db.transaction(() => {
      const inserted = this.db.prepare('INSERT OR IGNORE INTO spaces (id, created_at) VALUES (?, ?)').run(spaceId, now);
      if (!inserted.changes) return false;
      this.db
        .prepare("INSERT INTO members (space_id, member_id, token_hash, role, joined_at) VALUES (?, ?, ?, 'owner', ?)")
        .run(spaceId, memberId, hashToken(token), now);
      return true;
    }).immediate();
  }

  exists(spaceId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM spaces WHERE id = ?').get(spaceId);
  }

  /** The member a token belongs to in a space, removed or not. */
  memberByToken(spaceId: string, token: string): MemberRow | undefined {
    const row = this.db
      .prepare('SELECT member_id, role, removed_at FROM members WHERE space_id = ? AND token_hash = ?')
      .get(spaceId, hashToken(token)) as { member_id: string; role: Role; removed_at: number | null } | undefined;
    return row && { memberId: row.member_id, role: row.role, removed: row.removed_at !== null };
  }

  isActive(spaceId: string, memberId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM members WHERE space_id = ? AND member_id = ? AND removed_at IS NULL').get(spaceId, memberId);
  }

  members(spaceId: string): Member[] {
    const rows = this.db
      .prepare('SELECT member_id, role, joined_at, removed_at FROM members WHERE space_id = ? ORDER BY joined_at, member_id')
      .all(spaceId) as { member_id: string; role: Role; joined_at: number; removed_at: number | null }[];
    return rows.map((row) => ({
      memberId: row.member_id,
      role: row.role,
      joinedAt: new Date(row.joined_at).toISOString(),
      ...(row.removed_at !== null ? { removedAt: new Date(row.removed_at).toISOString() } : {}),
    }));
  }

  /** False when there is no such member still in the space. */
  remove(spaceId: string, memberId: string, now: number): boolean {
    const result = this.db
      .prepare('UPDATE members SET removed_at = ? WHERE space_id = ? AND member_id = ? AND removed_at IS NULL')
      .run(now, spaceId, memberId);
    return result.changes > 0;
  }

  activeCount(spaceId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM members WHERE space_id = ? AND removed_at IS NULL').get(spaceId) as { n: number }).n;
  }

  /** The space, its members, invites and document, gone. */
  delete(spaceId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM spaces WHERE id = ?').run(spaceId);
      this.db.prepare('DELETE FROM documents WHERE name = ?').run(spaceId);
      this.db.prepare('DELETE FROM updates WHERE name = ?').run(spaceId);
    }).immediate();
  }

  /** False when that verifier is registered already. */
  addInvite(spaceId: string, verifier: string, createdBy: string, expiresAt: number, maxUses: number, now: number): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO invites (space_id, verifier, created_by, created_at, expires_at, max_uses) VALUES (?, ?, ?, ?, ?, ?)')
      .run(spaceId, verifier, createdBy, now, expiresAt, maxUses);
    return result.changes > 0;
  }

  /** Every invite of the space stops working; the number revoked. */
  revokeInvites(spaceId: string): number {
    return this.db.prepare('DELETE FROM invites WHERE space_id = ?').run(spaceId).changes;
  }

  invite(spaceId: string, verifier: string): InviteRow | undefined {
    const row = this.db
      .prepare('SELECT expires_at, max_uses, uses FROM invites WHERE space_id = ? AND verifier = ?')
      .get(spaceId, verifier) as { expires_at: number; max_uses: number; uses: number } | undefined;
    return row && { expiresAt: row.expires_at, maxUses: row.max_uses, uses: row.uses };
  }

  /** A one-time nonce for a joiner to sign, or undefined when too many are waiting. */
  challenge(spaceId: string, verifier: string, now: number): { nonce: string; expiresAt: number } | undefined {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM challenges WHERE expires_at < ?').run(now);
      const waiting = this.db.prepare('SELECT count(*) AS n FROM challenges WHERE space_id = ? AND verifier = ?').get(spaceId, verifier) as { n: number };
      if (waiting.n >= MAX_CHALLENGES) return undefined;
      const nonce = toBase64url(randomBytes(32));
      const expiresAt = now + NONCE_SECONDS * 1000;
      this.db.prepare('INSERT INTO challenges (nonce, space_id, verifier, expires_at) VALUES (?, ?, ?, ?)').run(nonce, spaceId, verifier, expiresAt);
      return { nonce, expiresAt };
    }).immediate();
  }

  /** Uses up a nonce: true when it was issued for this space and invite and has not expired. */
  takeChallenge(nonce: string, spaceId: string, verifier: string, now: number): boolean {
    const row = this.db.prepare('DELETE FROM challenges WHERE nonce = ? RETURNING space_id, verifier, expires_at').get(nonce) as
      | { space_id: string; verifier: string; expires_at: number }
      | undefined;
    return !!row && row.space_id === spaceId && row.verifier === verifier && row.expires_at >= now;
  }

  /** Counts a use of the invite and adds the member, or says why not; all or nothing. */
  join(spaceId: string, verifier: string, memberId: string, token: string, now: number): JoinOutcome {
    return this.db.transaction((): JoinOutcome => {
      const invite = this.invite(spaceId, verifier);
      if (!invite) return 'unknown-invite';
      if (invite.expiresAt < now) return 'expired';
      if (invite.uses >= invite.maxUses) return 'used-up';
      const added = this.db
        .prepare("INSERT OR IGNORE INTO members (space_id, member_id, token_hash, role, joined_at) VALUES (?, ?, ?, 'member', ?)")
        .run(spaceId, memberId, hashToken(token), now);
      if (!added.changes) return 'member-exists';
      this.db.prepare('UPDATE invites SET uses = uses + 1 WHERE space_id = ? AND verifier = ?').run(spaceId, verifier);
      return 'joined';
    }).immediate();
  }
}
