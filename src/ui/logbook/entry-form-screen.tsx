import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { snapshotOf } from '../../domain/logbook/card-snapshot';
import { draftOf } from '../../domain/logbook/compose';
import { emptyAction, emptyDraft, hasContent, parseTags, type EntryDraft } from '../../domain/logbook/drafts';
import { distinct } from '../../domain/logbook/filters';
import { useActiveSession } from '../../state/active-session';
import { deckById, findCard, useDealStore } from '../../state/deal-store';
import { deleteEntry, discardDraft, getEntry, loadDraft, saveEntry, watchIndex } from '../../state/logbook';
import { useNotices } from '../../state/notices';
import { paths } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { useLive } from '../shell/use-live';
import { ActionFields } from './action-fields';
import { CardSummary } from './card-summary';
import { CapabilityOptions } from './select-options';
import { Field, inputValue } from './field';
import { SuggestedInput } from './suggested-input';
import { useAutosave, type AutosaveStatus } from './use-autosave';
import '../styles/logbook.css';
import { ErrorMessage } from '../shell/error-message';

interface Props {
  cardId?: string;
  entryId?: string;
}

type Phase = { name: 'loading' } | { name: 'ready' } | { name: 'missing' } | { name: 'failed'; message: string };


export function EntryFormScreen({ cardId, entryId }: Props) {
  const draftKey = entryId ? `edit:${entryId}` : cardId ? `new:card:${cardId}` : 'new:free';
  const deck = deckById(useDealStore((s) => s.deckId));
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [draft, setDraft] = useState<EntryDraft | null>(null);
  const [tagsText, setTagsText] = useState('');
  const [dirty, setDirty] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const autosave = useAutosave(draftKey, draft, dirty);
  const heading = useRef<HTMLHeadingElement>(null);
  const known = useLive(watchIndex, []);
  const communities = useMemo(() => distinct((known.value ?? []).map((i) => i.community)), [known.value]);
  const tags = useMemo(() => distinct((known.value ?? []).flatMap((i) => i.tags)), [known.value]);

  useEffect(() => {
    let live = true;
    setPhase({ name: 'loading' });
    setDirty(false);
    setRestoredAt(null);
    setError(null);
    (async () => {
      const [stored, existing] = await Promise.all([loadDraft(draftKey), entryId ? getEntry(entryId) : undefined]);
      if (!live) return;
      if (entryId && (!existing || existing.entry.deleted)) {
        setPhase({ name: 'missing' });
        return;
      }
      const card = cardId ? findCard(deck.id, cardId) : undefined;
      if (cardId && !card && !stored) {
        setPhase({ name: 'missing' });
        return;
      }
      const start = stored?.draft ?? (existing ? draftOf(existing) : withSession(emptyDraft(card ? snapshotOf(card) : undefined)));
      setDraft(start);
      setTagsText(start.tags.join(', '));
      if (stored) setRestoredAt(stored.savedAt);
      setPhase({ name: 'ready' });
    })().catch((problem: Error) => live && setPhase({ name: 'failed', message: problem.message }));
    return () => {
      live = false;
    };
  }, [draftKey]);

  const change = (update: Partial<EntryDraft>) => {
    setDraft((d) => (d ? { ...d, ...update } : d));
    setDirty(true);
    setError(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!draft || saving) return;
    const toSave = { ...draft, tags: parseTags(tagsText) };
    if (!hasContent(toSave)) {
      setError('Write something before saving: any field will do.');
      return;
    }
    setSaving(true);
    try {
      await autosave.cancel();
      const saved = await saveEntry(toSave, draftKey);
      setDirty(false);
      setRestoredAt(null);
      useNotices.getState().showToast('Saved to your logbook.');
      if (!entryId) navigate(paths.entry(saved.entry.id));
      else setDraft(draftOf(saved));
    } catch (problem) {
      // Keep the draft safe again: the save failed, so what is on screen is still unsaved.
      setDirty(true);
      setError((problem as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const discard = async () => {
    await autosave.cancel();
    await discardDraft(draftKey).catch(() => undefined);
    const existing = entryId ? await getEntry(entryId) : undefined;
    const card = cardId ? findCard(deck.id, cardId) : undefined;
    const start = existing ? draftOf(existing) : withSession(emptyDraft(card ? snapshotOf(card) : draft?.card));
    setDraft(start);
    setTagsText(start.tags.join(', '));
    setDirty(false);
    setRestoredAt(null);
  };

  const remove = async () => {
    if (!entryId) return;
    try {
      await autosave.cancel();
      await discardDraft(draftKey).catch(() => undefined);
      await deleteEntry(entryId);
      navigate(paths.logbook());
    } catch (problem) {
      setError((problem as Error).message);
    }
  };

  if (phase.name === 'loading') return <p class="loading" aria-busy="true">Loading…</p>;
  if (phase.name === 'failed') {
    return (
      <section class="screen" aria-labelledby="entry-failed">
        <h1 id="entry-failed">The logbook could not be opened</h1>
        <p role="alert">{phase.message}</p>
      </section>
    );
  }
  if (phase.name === 'missing' || !draft) {
    return (
      <section class="screen" aria-labelledby="entry-missing">
        <h1 id="entry-missing">{entryId ? 'Entry not found' : 'Card not found'}</h1>
        <p>{entryId ? 'This entry may have been deleted.' : 'There is no such card in the deck.'}</p>
        <p>
          <a class="button button--primary" href={paths.logbook()}>
            Go to the logbook
          </a>
        </p>
      </section>
    );
  }

  const title = entryId ? 'Edit entry' : draft.card ? 'Reflect on this card' : 'Write a free note';
  const inDeck = !!draft.card && !!findCard(draft.card.deckId, draft.card.cardId);

  return (
    <section class="screen entry-form" aria-labelledby="entry-title">
      <h1 id="entry-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {restoredAt && (
        <div class="notice" role="status">
          <p>We kept what you were writing ({formatTime(restoredAt)}). Carry on, or start again.</p>
          <button type="button" class="button button--small" onClick={discard}>
            Discard draft
          </button>
        </div>
      )}
      {draft.card && <CardSummary card={draft.card} inDeck={inDeck} />}
      {draft.sessionId && (
        <p class="muted">
          Part of a session: <a href={paths.session(draft.sessionId)}>open the session</a>.
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {!draft.card && (
          <Field label="Capability (optional)" hint="Link this note to one of the capabilities.">
            {({ id, describedBy }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                value={draft.capabilityNumber === undefined ? '' : String(draft.capabilityNumber)}
                onChange={(e) => {
                  const v = inputValue(e);
                  const next = { ...draft };
                  if (v) next.capabilityNumber = Number(v);
                  else delete next.capabilityNumber;
                  setDraft(next);
                  setDirty(true);
                }}
              >
                <option value="">None</option>
                <CapabilityOptions deck={deck} />
              </select>
            )}
          </Field>
        )}
        <Field
          label="Which community are you working with?"
          hint="The deck leaves this to you: a whole neighbourhood, or a small community within it."
        >
          {({ id, describedBy }) => (
            <SuggestedInput
              id={id}
              describedBy={describedBy}
              listId="known-communities"
              value={draft.community}
              suggestions={communities}
              onValue={(community) => change({ community })}
            />
          )}
        </Field>
        <Field label="What does this look like where you work?">
          {({ id }) => (
            <textarea id={id} rows={5} value={draft.reflection} onInput={(e) => change({ reflection: inputValue(e) })} />
          )}
        </Field>

        <section class="entry-form__actions" aria-labelledby="actions-heading">
          <h2 id="actions-heading">Actions</h2>
          {draft.actions.length === 0 && (
            <p class="muted">What will you do, who with, and by when? Add an action for each step you agree.</p>
          )}
          {draft.actions.map((action, i) => (
            <ActionFields
              key={action.id ?? `new-${i}`}
              action={action}
              number={i + 1}
              onChange={(a) => change({ actions: draft.actions.map((x, j) => (j === i ? a : x)) })}
              onRemove={() => change({ actions: draft.actions.filter((_, j) => j !== i) })}
            />
          ))}
          <button type="button" class="button" onClick={() => change({ actions: [...draft.actions, emptyAction()] })}>
            Add an action
          </button>
        </section>

        <Field label="Notes">
          {({ id }) => <textarea id={id} rows={3} value={draft.notes} onInput={(e) => change({ notes: inputValue(e) })} />}
        </Field>
        <Field label="Tags (optional)" hint="Separate tags with commas, for example: housing, young people">
          {({ id, describedBy }) => (
            <SuggestedInput
              id={id}
              describedBy={describedBy}
              listId="known-tags"
              value={tagsText}
              suggestions={tags}
              onValue={(text) => {
                setTagsText(text);
                change({ tags: parseTags(text) });
              }}
            />
          )}
        </Field>

        <ErrorMessage message={error} />
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : entryId ? 'Save changes' : 'Save to logbook'}
          </button>
          <AutosaveNote status={autosave.status} dirty={dirty} />
          {entryId && (
            <button type="button" class="button button--danger" onClick={remove}>
              Delete entry
            </button>
          )}
        </div>
      </form>
      <p class="entry-form__links">
        <a href={paths.logbook()}>Back to the logbook</a>
        {draft.card && (
          <>
            {' · '}
            <a href={paths.card(draft.card.cardId)}>Back to the card</a>
          </>
        )}
      </p>
    </section>
  );
}

/** A new entry written while a session is recording becomes part of that session. */
function withSession(draft: EntryDraft): EntryDraft {
  const active = useActiveSession.getState().active;
  return active?.status === 'active' ? { ...draft, sessionId: active.id } : draft;
}

function AutosaveNote({ status, dirty }: { status: AutosaveStatus; dirty: boolean }) {
  const text =
    status.state === 'failed'
      ? `Your draft could not be kept on this device: ${status.message}`
      : status.state === 'saving'
        ? 'Keeping your draft…'
        : status.state === 'saved' && dirty
          ? `Draft kept on this device at ${formatTime(status.at.toISOString())}`
          : '';
  return (
    <span class={`autosave ${status.state === 'failed' ? 'autosave--failed' : ''}`} role="status" data-testid="autosave">
      {text}
    </span>
  );
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}
