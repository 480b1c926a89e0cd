import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatTime } from '../../domain/dates';
import { snapshotOf } from '../../domain/logbook/card-snapshot';
import { draftOf } from '../../domain/logbook/compose';
import { emptyAction, emptyDraft, hasContent, parseTags, type EntryDraft } from '../../domain/logbook/drafts';
import { distinct } from '../../domain/logbook/filters';
import { MAX_TEXT } from '../../domain/records/fields';
import type { EntryWithActions } from '../../domain/records/entry';
import { useActiveSession } from '../../state/active-session';
import { DEFAULT_DECK } from '../../content/decks';
import { resolveCard } from '../../state/decks';
import { useDeck } from '../cards/use-deck';
import { useDealStore } from '../../state/deal-store';
import { discardDraft, openDraft, openDraftByKey, type DraftHandle, type OtherDraft } from '../../state/drafts';
import { deleteEntry, entryState, getEntry, saveEntry, watchEntry, watchIndex } from '../../state/logbook';
import { useNotices } from '../../state/notices';
import { paths } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { ErrorMessage } from '../shell/error-message';
import { MessageScreen } from '../shell/message-screen';
import { useLive } from '../shell/use-live';
import { ActionFields } from './action-fields';
import { CardSummary } from './card-summary';
import { Conflicts } from './conflicts';
import { Field, inputValue } from './field';
import { CapabilityOptions } from './select-options';
import { RecordFields } from './record-fields';
import { ReflectionFields } from './reflection-fields';
import { SuggestedInput } from './suggested-input';
import { useAutosave, type AutosaveStatus } from './use-autosave';
import '../styles/logbook.css';

interface Props {
  cardId?: string;
  entryId?: string;
  /** A draft opened from the Logbook's list of drafts, by its key. */
  draftKey?: string;
}

type Phase =
  | { name: 'loading' }
  | { name: 'ready' }
  | { name: 'missing' }
  | { name: 'busy' }
  | { name: 'failed'; message: string };

/** What the form is a draft of: `edit:ID`, `new:card:ID` or `new:free`. */
function targetOf({ cardId, entryId }: Props): string {
  return entryId ? `edit:${entryId}` : cardId ? `new:card:${cardId}` : 'new:free';
}

function propsOfTarget(target: string): Props {
  if (target.startsWith('edit:')) return { entryId: target.slice(5) };
  if (target.startsWith('new:card:')) return { cardId: target.slice(9) };
  return {};
}

/** A new entry written while a session is recording becomes part of that session. */
function withSession(draft: EntryDraft): EntryDraft {
  const active = useActiveSession.getState().active;
  return active?.status === 'active' ? { ...draft, sessionId: active.id } : draft;
}

/** The draft without what ties it to a saved entry: to save its words as a new entry. */
function asNew({ id: _id, base: _base, ...draft }: EntryDraft): EntryDraft {
  return { ...draft, actions: draft.actions.map(({ id: _a, ...action }) => action) };
}

export function EntryFormScreen(props: Props) {
  // The capabilities a free note can name: the deck being dealt's, once it has loaded.
  const deck = useDeck(useDealStore((s) => s.deckId)).deck ?? DEFAULT_DECK;
  const [target, setTarget] = useState(() => (props.draftKey ? '' : targetOf(props)));
  const { cardId, entryId } = propsOfTarget(target);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [handle, setHandle] = useState<DraftHandle | null>(null);
  const [draft, setDraft] = useState<EntryDraft | null>(null);
  const [others, setOthers] = useState<OtherDraft<EntryDraft>[]>([]);
  const [tagsText, setTagsText] = useState('');
  const [dirty, setDirty] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  /** The entry was deleted (elsewhere) while this draft of it was kept. */
  const [gone, setGone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const autosave = useAutosave(handle, draft, dirty);
  const known = useLive(watchIndex, []);
  const communities = useMemo(() => distinct((known.value ?? []).map((i) => i.community)), [known.value]);
  const tags = useMemo(() => distinct((known.value ?? []).flatMap((i) => i.tags)), [known.value]);
  const stored = useLive<EntryWithActions | undefined>(
    (next, fail) => (entryId ? watchEntry(entryId, next, fail) : (next(undefined), () => undefined)),
    [entryId],
  );
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const start = (value: EntryDraft) => {
    setDraft(value);
    setTagsText(value.tags.join(', '));
  };

  useEffect(() => {
    let live = true;
    setPhase({ name: 'loading' });
    setDirty(false);
    setRestoredAt(null);
    setGone(false);
    setError(null);
    (async () => {
      let opened: { handle: DraftHandle; draft?: { savedAt: string; value: EntryDraft }; others: OtherDraft<EntryDraft>[] };
      if (props.draftKey) {
        const byKey = await openDraftByKey<EntryDraft>(props.draftKey);
        if (!live) return;
        if (byKey.busy) return setPhase({ name: 'busy' });
        if (!byKey.draft) return setPhase({ name: 'missing' });
        opened = { handle: byKey.handle, draft: byKey.draft, others: [] };
        setTarget(byKey.handle.target);
      } else {
        opened = await openDraft<EntryDraft>(target);
      }
      const { entryId: id, cardId: card } = propsOfTarget(opened.handle.target);
      const [existing, state] = id ? await Promise.all([getEntry(id), entryState(id)]) : [undefined, 'missing' as const];
      if (!live) return;
      setHandle(opened.handle);
      setOthers(opened.others);
      if (id && state !== 'live' && !opened.draft) return setPhase({ name: 'missing' });
      const cardOf = card ? await resolveCard(deck.id, card) : undefined;
      if (!live) return;
      if (card && !cardOf && !opened.draft) return setPhase({ name: 'missing' });
      setGone(!!id && state !== 'live');
      start(opened.draft?.value ?? (existing ? draftOf(existing) : withSession(emptyDraft(cardOf ? snapshotOf(cardOf) : undefined))));
      if (opened.draft) {
        setRestoredAt(opened.draft.savedAt);
        // A draft brought back is unsaved work: keep it as it is edited.
        setDirty(true);
      }
      setPhase({ name: 'ready' });
    })().catch((problem: Error) => live && setPhase({ name: 'failed', message: problem.message }));
    return () => {
      live = false;
    };
  }, [props.draftKey, target]);

  // Saved elsewhere while this form is open and untouched: show the new version.
  useEffect(() => {
    if (phase.name === 'ready' && stored.value && !dirtyRef.current && !gone) start(draftOf(stored.value));
  }, [stored.value]);

  const change = (update: Partial<EntryDraft>) => {
    setDraft((d) => (d ? { ...d, ...update } : d));
    setDirty(true);
    setError(null);
  };

  const save = async (make: (d: EntryDraft) => EntryDraft, options: { revive?: boolean } = {}) => {
    if (!draft || saving) return;
    const toSave = make({ ...draft, tags: parseTags(tagsText) });
    if (!hasContent(toSave)) {
      setError('Write something before saving: any field will do.');
      return;
    }
    setSaving(true);
    try {
      await autosave.flush();
      const saved = await saveEntry(toSave, handle ?? undefined, options);
      setDirty(false);
      setRestoredAt(null);
      setGone(false);
      await autosave.cancel();
      useNotices.getState().showToast('Saved to your logbook.');
      if (saved.entry.id !== entryId || props.draftKey) navigate(paths.entry(saved.entry.id));
      else start(draftOf(saved));
    } catch (problem) {
      if ((problem as Error).name === 'DeletedElsewhere') setGone(true);
      else setError(`Not saved: ${(problem as Error).message} What you wrote is still here on screen.`);
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    void save((d) => d);
  };

  const discard = async () => {
    await autosave.cancel();
    if (handle) await discardDraft(handle).catch(() => undefined);
    const existing = entryId ? await getEntry(entryId) : undefined;
    const card = cardId ? await resolveCard(deck.id, cardId) : undefined;
    if (gone || props.draftKey) {
      navigate(paths.logbook());
      return;
    }
    start(existing ? draftOf(existing) : withSession(emptyDraft(card ? snapshotOf(card) : draft?.card)));
    setDirty(false);
    setRestoredAt(null);
  };

  const remove = async () => {
    if (!entryId) return;
    try {
      await autosave.cancel();
      if (handle) await discardDraft(handle).catch(() => undefined);
      await deleteEntry(entryId);
      navigate(paths.logbook());
    } catch (problem) {
      setError((problem as Error).message);
    }
  };

  if (phase.name === 'loading') return <p class="loading" aria-busy="true">Loading…</p>;
  const toLogbook = { href: paths.logbook(), label: 'Go to the logbook' };
  if (phase.name === 'failed') return <MessageScreen title="The logbook could not be opened" text={phase.message} alert />;
  if (phase.name === 'busy') {
    return (
      <MessageScreen
        title="This draft is open in another window"
        text="Carry on writing it there. Once that window is closed, the draft can be opened here."
        link={toLogbook}
      />
    );
  }
  if (phase.name === 'missing' || !draft) {
    if (entryId) return <MessageScreen title="Entry not found" text="This entry may have been deleted." link={toLogbook} />;
    if (props.draftKey) return <MessageScreen title="Draft not found" text="It may have been saved or discarded in another window." link={toLogbook} />;
    return <MessageScreen title="Card not found" text="There is no such card in the deck." link={toLogbook} />;
  }

  const title = entryId ? 'Edit entry' : draft.card ? 'Reflect on this card' : 'Write a free note';
  const openElsewhere = others.some((o) => o.open);
  const leftBehind = others.filter((o) => !o.open);

  return (
    <section class="screen entry-form" aria-labelledby="entry-title">
      <h1 id="entry-title" tabIndex={-1}>
        {title}
      </h1>
      {gone && (
        <div class="notice notice--warning" role="alert" data-testid="entry-gone">
          <p>
            This entry was deleted, in another window or on another device, after you started writing here. What you wrote
            is below and has not been lost.
          </p>
          <div class="panel__actions">
            <button type="button" class="button button--primary" disabled={saving} onClick={() => void save((d) => d, { revive: true })}>
              Restore the entry with your changes
            </button>
            <button type="button" class="button" disabled={saving} onClick={() => void save(asNew)}>
              Save your text as a new entry
            </button>
            <button type="button" class="button button--quiet" onClick={() => void discard()}>
              Discard your text
            </button>
          </div>
        </div>
      )}
      {restoredAt && !gone && (
        <div class="notice" role="status">
          <p>We kept what you were writing ({formatTime(restoredAt)}). Carry on, or start again.</p>
          <button type="button" class="button button--small" onClick={discard}>
            Discard draft
          </button>
        </div>
      )}
      {openElsewhere && (
        <p class="notice" role="status">
          This is also being edited in another window. Saving in both keeps both sets of changes; where both change the same
          thing, you will be asked which to keep.
        </p>
      )}
      {leftBehind.length > 0 && (
        <div class="notice" role="status">
          <p>
            There {leftBehind.length === 1 ? 'is another unsaved version' : `are ${leftBehind.length} other unsaved versions`} of
            this from a window that has closed:{' '}
            {leftBehind.map((o, i) => (
              <span key={o.key}>
                {i > 0 && ', '}
                <a href={paths.draft(o.key)}>the one from {formatTime(o.savedAt)}</a>
              </span>
            ))}
            .
          </p>
        </div>
      )}
      {stored.value && <Conflicts item={stored.value} />}
      {draft.card && <CardSummary card={draft.card} />}
      {draft.sessionId && (
        <p class="muted">
          Part of a session: <a href={paths.session(draft.sessionId)}>open the session</a>.
        </p>
      )}
      {/* autocomplete off: the browser then keeps no copy of the words in its session-restore file. */}
      <form onSubmit={submit} noValidate autocomplete="off">
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
        <ReflectionFields draft={draft} change={change} />

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
          {({ id }) => <textarea id={id} rows={3} maxLength={MAX_TEXT} value={draft.notes} onInput={(e) => change({ notes: inputValue(e) })} />}
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
        <RecordFields draft={draft} change={change} entryId={entryId && !gone ? entryId : undefined} />

        <ErrorMessage message={error} />
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : entryId && !gone ? 'Save changes' : 'Save to logbook'}
          </button>
          <AutosaveNote status={autosave.status} dirty={dirty} />
          {entryId && !gone && (
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

function AutosaveNote({ status, dirty }: { status: AutosaveStatus; dirty: boolean }) {
  const text =
    status.state === 'failed'
      ? `Your draft is not saved on this device: ${status.message} What you wrote is still here on screen.`
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
