/** Decks made in the app: making one, changing one, and the live list the deck choice reads. */
import { writeRecord } from '../domain/records/merge';
import { OWN_DECK, type OwnCard, type OwnDeckRecord } from '../domain/records/own-deck';
import { planRecords } from '../domain/records/merge-plan';
import { restoreOwnDeck } from '../domain/records/restore';
import type { Connection, Unsubscribe } from './connection';
import type { StorageProblem } from './storage-problem';

export type OwnDecksStore = ReturnType<typeof ownDecksStore>;

export function ownDecksStore(conn: Connection) {
  const { db } = conn;
  const restored = (deck: OwnDeckRecord | undefined) => deck && restoreOwnDeck(deck);

  return {
    create: (deck: OwnDeckRecord) =>
      conn.write(async () => {
        const record = writeRecord(OWN_DECK, undefined, deck, await conn.stamp());
        await db.decks.add(record);
        return record;
      }),

    /** A change made inside one transaction; `base` is the version it was made from (see storage/sessions.ts). */
    change: (id: string, change: (deck: OwnDeckRecord) => OwnDeckRecord | undefined, base?: OwnDeckRecord) =>
      conn.write(async () => {
        const stamp = await conn.stamp();
        return db.transaction('rw', db.decks, async () => {
          const current = restored(await db.decks.get(id));
          if (!current || current.deleted) return undefined;
          const next = change(base ?? current);
          if (!next) return current;
          const record = writeRecord(OWN_DECK, current, { ...next, id }, stamp, base ? { base } : {});
          if (record !== current) await db.decks.put(record);
          return record;
        });
      }),

    /**
     * Adds a card to a published deck's own cards (`fresh.addsTo`): to the first record holding
     * them, or to `fresh` when there is none yet. Each device may start one while offline; the
     * deck shows the cards of all of them.
     */
    addCard: (fresh: OwnDeckRecord, card: OwnCard) =>
      conn.write(async () => {
        const stamp = await conn.stamp();
        return db.transaction('rw', db.decks, async () => {
          const held = (await db.decks.where('deleted').equals(0).toArray())
            .filter((d) => d.addsTo === fresh.addsTo)
            .map(restoreOwnDeck)
            .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
          const record = held
            ? writeRecord(OWN_DECK, held, { ...held, cards: [...held.cards, card] }, stamp)
            : writeRecord(OWN_DECK, undefined, { ...fresh, cards: [card] }, stamp);
          await db.decks.put(record);
          return record;
        });
      }),

    /** Merges decks from a shared file, all or none, and says how many were added or changed. */
    merge: (incoming: readonly OwnDeckRecord[]) =>
      conn.write(() =>
        db.transaction('rw', db.decks, async () => {
          const held = await db.decks.bulkGet(incoming.map((d) => d.id));
          const planned = planRecords(OWN_DECK, incoming, new Map(held.flatMap((d) => (d ? [[d.id, restoreOwnDeck(d)] as const] : []))));
          await db.decks.bulkPut(planned.put);
          return planned.counts;
        }),
      ),

    get: (id: string) => conn.read(async () => restored(await db.decks.get(id))),

    watchAll: (onValue: (decks: OwnDeckRecord[]) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(async () => (await db.decks.where('deleted').equals(0).toArray()).map(restoreOwnDeck), onValue, onError),

    watch: (id: string, onValue: (deck: OwnDeckRecord | undefined) => void, onError: (p: StorageProblem) => void): Unsubscribe =>
      conn.watch(async () => restored(await db.decks.get(id)), onValue, onError),
  };
}
