import { useEffect, useRef, useState } from 'preact/hooks';
import { deckSummaries } from '../../domain/catalog';
import { loadOwnDecks, useDecks } from '../../state/decks';
import { createOwnDeck, importOwnDeckFile } from '../../state/own-decks';
import { navigate } from '../routing/use-route';
import { paths } from '../routing/routes';
import { ErrorMessage } from '../shell/error-message';

/** The decks made in the app: make one, open one, or take in one someone shared as a file. */
export function OwnDecksScreen() {
  useDecks((s) => s.ownVersion);
  useEffect(() => {
    void loadOwnDecks();
  }, []);
  const own = deckSummaries().filter((d) => d.own);
  const [problem, setProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const make = async () => {
    setProblem(null);
    try {
      const deck = await createOwnDeck('');
      navigate(paths.ownDeck(deck.id));
    } catch (error) {
      setProblem(`The deck could not be made: ${(error as Error).message}`);
    }
  };

  const take = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setProblem(null);
    setImported(null);
    setBusy(true);
    try {
      const result = await importOwnDeckFile(await file.text());
      if (!result.ok) setProblem(result.message);
      else if (result.counts.added) setImported(`“${result.title}” was added to your decks.`);
      else if (result.counts.updated) setImported(`“${result.title}” was brought up to date with the file.`);
      else setImported(`You already had “${result.title}” as it is in the file: nothing changed.`);
    } catch (error) {
      // The import is one transaction: when it fails, none of it was written.
      setProblem(`${(error as Error).message} Nothing was imported.`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section class="screen" aria-labelledby="own-decks-title">
      <h1 id="own-decks-title">Your decks</h1>
      <p class="lead">
        Make a deck of your own — your team’s own tasks or questions — and deal, present and print it like the published
        decks. It stays on this device, goes into your backups, and can be shared as a file.
      </p>
      <p class="panel__actions">
        <button type="button" class="button button--primary" onClick={() => void make()}>
          Make a new deck
        </button>
      </p>
      {own.length === 0 ? (
        <p class="muted">You have not made a deck yet.</p>
      ) : (
        <ul class="own-decks">
          {own.map((d) => (
            <li key={d.id}>
              <a href={paths.ownDeck(d.id)}>{d.title}</a> <span class="muted">· {d.cards === 1 ? '1 card' : `${d.cards} cards`}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>Import a shared deck</h2>
      <div class="field">
        <label class="field__label" for="deck-file">
          Choose a deck file
        </label>
        <input id="deck-file" ref={input} type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void take(e)} />
      </div>
      <ErrorMessage message={problem} />
      {imported && (
        <p role="status" class="notice">
          {imported}
        </p>
      )}
    </section>
  );
}
