import { useEffect, useRef, useState } from 'preact/hooks';
import { deckSummaries } from '../../domain/catalog';
import { loadOwnDecks, useDecks } from '../../state/decks';
import { createOwnDeck, importOwnDeck, previewOwnDeckFile, type DeckFilePreview } from '../../state/own-decks';
import { navigate } from '../routing/use-route';
import { paths } from '../routing/routes';
import { ErrorMessage } from '../shell/error-message';
import { DECK_FILE_TOO_LARGE, MAX_DECK_FILE_BYTES } from '../../domain/exports/own-deck-file';

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
  const [preview, setPreview] = useState<Extract<DeckFilePreview, { ok: true }> | null>(null);
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
    setPreview(null);
    setBusy(true);
    try {
      // A file far larger than any deck is refused before it is read into memory.
      const result = file.size > MAX_DECK_FILE_BYTES ? { ok: false as const, message: DECK_FILE_TOO_LARGE } : await previewOwnDeckFile(await file.text());
      if (result.ok) setPreview(result);
      else setProblem(result.message);
    } catch (error) {
      setProblem(`This file could not be read: ${(error as Error).message} Nothing was imported.`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const confirm = async (asCopy: boolean) => {
    if (!preview) return;
    setBusy(true);
    try {
      const result = await importOwnDeck(preview.deck, asCopy);
      if (!result.ok) setProblem(result.message);
      else if (result.counts.added) setImported(`“${result.title}” was added to your decks.`);
      else if (result.counts.updated) setImported(`“${result.title}” was brought up to date with the file.`);
      else setImported(`You already had “${result.title}” as it is in the file: nothing changed.`);
      setPreview(null);
    } catch (error) {
      // The import is one transaction: when it fails, none of it was written.
      setProblem(`${(error as Error).message} Nothing was imported.`);
    } finally {
      setBusy(false);
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
      {preview && <ImportPreview preview={preview} busy={busy} onImport={(asCopy) => void confirm(asCopy)} onCancel={() => setPreview(null)} />}
      {imported && (
        <p role="status" class="notice">
          {imported}
        </p>
      )}
    </section>
  );
}

/** What a shared deck file holds and what importing it would do, before anything is written. */
function ImportPreview({ preview: { preview, existing }, busy, onImport, onCancel }: { preview: Extract<DeckFilePreview, { ok: true }>; busy: boolean; onImport: (asCopy: boolean) => void; onCancel: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="panel" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title" ref={heading} tabIndex={-1}>
        Import “{preview.title}”?
      </h3>
      <p>
        {preview.cards === 1 ? '1 card' : `${preview.cards} cards`} in {preview.sections === 1 ? '1 section' : `${preview.sections} sections`}.
      </p>
      {preview.firstCards.length > 0 && (
        <>
          <p>{preview.cards > preview.firstCards.length ? 'The first cards:' : 'Its cards:'}</p>
          <ul data-testid="import-preview-cards">
            {preview.firstCards.map((words, i) => (
              <li key={i}>{words}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        {existing
          ? `You already have this deck, as “${existing}”. Importing it brings your deck up to date with the file (changes you made on this device are kept), or you can keep the two apart by adding a copy.`
          : 'It will be added to your decks.'}
      </p>
      <div class="panel__actions">
        <button type="button" class="button button--primary" disabled={busy} onClick={() => onImport(false)}>
          {existing ? 'Update my deck' : 'Import this deck'}
        </button>
        {existing && (
          <button type="button" class="button" disabled={busy} onClick={() => onImport(true)}>
            Add as a separate copy
          </button>
        )}
        <button type="button" class="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
