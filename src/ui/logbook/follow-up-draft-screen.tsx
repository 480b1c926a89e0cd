import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatTime } from '../../domain/dates';
import { emptyDraft } from '../../domain/logbook/drafts';
import type { ActionRecord, FollowUp } from '../../domain/records/action';
import { discardDraft, openDraftByKey, type DraftHandle } from '../../state/drafts';
import { getEntry, saveEntry, updateAction } from '../../state/logbook';
import { useNotices } from '../../state/notices';
import { paths } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { ErrorMessage } from '../shell/error-message';
import { MessageScreen } from '../shell/message-screen';
import { FollowUpFields, type FollowUpDraft } from './follow-up-fields';
import { useAutosave } from './use-autosave';
import '../styles/logbook.css';

type State =
  | { name: 'loading' }
  | { name: 'missing' }
  | { name: 'busy' }
  | { name: 'ready'; handle: DraftHandle; savedAt: string; action: ActionRecord | undefined; base: ActionRecord | undefined };

/**
 * A follow-up typed but never saved, opened from the Logbook's list of drafts: saved as done if
 * its action is still open, or kept as a note if the action has gone.
 */
export function FollowUpDraftScreen({ draftKey }: { draftKey: string }) {
  const [state, setState] = useState<State>({ name: 'loading' });
  const [followUp, setFollowUp] = useState<FollowUp>({ happened: '', learned: '' });
  const [typed, setTyped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = state.name === 'ready' ? state : null;
  const draft = useMemo<FollowUpDraft>(() => ({ ...followUp, ...(ready?.base ? { base: ready.base } : {}) }), [followUp, ready?.base]);
  const autosave = useAutosave(ready?.handle ?? null, draft, typed);

  useEffect(() => {
    (async () => {
      const opened = await openDraftByKey<FollowUpDraft>(draftKey);
      if (opened.busy) return setState({ name: 'busy' });
      if (!opened.draft) return setState({ name: 'missing' });
      const { happened = '', learned = '', base } = opened.draft.value;
      const item = base ? await getEntry(base.entryId) : undefined;
      const action = item?.actions.find((a) => a.id === base?.id && (a.status === 'planned' || a.status === 'doing'));
      setFollowUp({ happened, learned });
      setState({ name: 'ready', handle: opened.handle, savedAt: opened.draft.savedAt, action, base });
    })().catch((problem: Error) => setError(problem.message));
  }, [draftKey]);

  if (state.name === 'loading') return <p class="loading" aria-busy="true">{error ?? 'Loading…'}</p>;
  const toActions = { href: paths.actions(), label: 'Go to the actions' };
  if (state.name === 'busy') return <MessageScreen title="This draft is open in another window" text="Carry on writing it there." link={toActions} />;
  if (state.name === 'missing') return <MessageScreen title="Draft not found" text="It may have been saved or discarded in another window." link={toActions} />;

  const finish = async (work: () => Promise<unknown>, message: string) => {
    try {
      await autosave.flush();
      await work();
      await autosave.cancel();
      await discardDraft(state.handle);
      useNotices.getState().showToast(message);
      navigate(paths.actions());
    } catch (problem) {
      setError(`Not saved: ${(problem as Error).message} What you wrote is still here on screen.`);
    }
  };
  const what = state.action?.what ?? state.base?.what ?? '';
  const asNote = () => {
    const notes = [`Follow-up to “${what || 'an action'}”`, followUp.happened && `What happened: ${followUp.happened}`, followUp.learned && `What I learned: ${followUp.learned}`]
      .filter(Boolean)
      .join('\n\n');
    return saveEntry({ ...emptyDraft(), notes });
  };

  return (
    <section class="screen" aria-labelledby="followup-title">
      <h1 id="followup-title">Unsaved follow-up</h1>
      <p>
        Typed at {formatTime(state.savedAt)} for the action “{what || 'Untitled action'}”.{' '}
        {state.action ? 'The action is still open.' : 'That action is no longer open (it was done, dropped or deleted elsewhere), so this can be kept as a note instead.'}
      </p>
      <form
        autocomplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          if (state.action) void finish(() => updateAction(state.action!, 'done', followUp, state.base), 'Action marked done.');
          else void finish(asNote, 'Kept as a note in your logbook.');
        }}
      >
        <FollowUpFields
          value={followUp}
          onChange={(value) => {
            setFollowUp(value);
            setTyped(true);
          }}
        />
        <ErrorMessage message={error} />
        <div class="form-actions">
          <button type="submit" class="button button--primary">
            {state.action ? 'Save as done' : 'Keep as a note'}
          </button>
          <button
            type="button"
            class="button button--quiet"
            onClick={() => void autosave.cancel().then(() => discardDraft(state.handle)).then(() => navigate(paths.actions()))}
          >
            Discard
          </button>
        </div>
      </form>
    </section>
  );
}
