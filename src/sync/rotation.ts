/**
 * Key rotation by the owner, after removing someone: nothing written from then on can be read
 * with the key the removed member had. Invites made with the old key are revoked first (they
 * carry it), the new key is wrapped for every remaining member, and this device moves its own
 * records to it; the other devices move theirs as they find their wrapped key.
 */
import { listMembers, revokeInvites, type Membership } from './api';
import { newSpaceKey, type SpaceKey } from './keys';
import type { Vault } from './vault';

export interface Rotation {
  key: SpaceKey;
  /** Members the new key was wrapped for. */
  sharedWith: string[];
  /** Members who have not published their public key yet (never connected): they need a new invite. */
  missing: string[];
}

export async function rotateSpaceKey(membership: Membership, vault: Vault): Promise<Rotation> {
  await revokeInvites(membership);
  const members = (await listMembers(membership)).filter((member) => !member.removedAt).map((member) => member.memberId);
  const key = newSpaceKey(vault.epoch + 1);
  const { sharedWith, missing } = await vault.shareKey(key, members);
  await vault.rotate(key);
  return { key, sharedWith, missing };
}
