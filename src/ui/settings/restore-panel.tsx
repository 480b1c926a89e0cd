import { useRef, useState } from 'preact/hooks';
import { formatDateTime, formatInstantDay } from '../../domain/dates';
import { previewRestore, restore, type RestorePreview } from '../../state/exports';
import { useNotices } from '../../state/notices';
import type { MergeCounts } from '../../domain/records/merge-plan';
import { ErrorMessage } from '../shell/error-message';

function describe(counts: MergeCounts, noun: string, plural: string): string | null {
  const parts = [];
  if (counts.added) parts.push(`add ${counts.added}`);
  if (counts.updated) parts.push(`update ${counts.updated}`);
  if (parts.length === 0) return null;
  return `${parts.join(' and ')} ${counts.added + counts.updated === 1 ? noun : plural}`;
}

/** Restore or merge a backup: check it all, show what it holds and what would change, then apply it all or nothing. */
export function RestorePanel() {
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      setPreview(await previewRestore(file));
    } catch (problem) {
      setPreview({ ok: false, message: (problem as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!preview?.ok) return;
    setBusy(true);
    try {
      const result = await restore(preview.backup);
      if (!result.ok) {
        setPreview(result);
        return;
      }
      const { counts } = result.plan;
      const changed = Object.values(counts).some((c) => c.added + c.updated > 0);
      useNotices.getState().showToast(changed ? 'Backup restored.' : 'Nothing to restore: you already had everything in that backup.');
      setPreview(null);
      if (input.current) input.current.value = '';
    } catch (problem) {
      // An import is one transaction: when it fails, none of it was written.
      setPreview({ ok: false, message: `${(problem as Error).message} Nothing was imported.` });
    } finally {
      setBusy(false);
    }
  };

  const changes = preview?.ok
    ? [
        describe(preview.plan.counts.entries, 'entry', 'entries'),
        describe(preview.plan.counts.actions, 'action', 'actions'),
        describe(preview.plan.counts.sessions, 'session', 'sessions'),
        // A published deck's own cards are kept as a deck record too (see records/own-deck.ts).
        describe(preview.plan.counts.decks, 'deck or set of own cards', 'decks or sets of own cards'),
        describe(preview.plan.counts.checkins, 'check-in', 'check-ins'),
      ].filter(Boolean)
    : [];

  return (
    <section aria-labelledby="restore-title">
      <h2 id="restore-title">Restore from a backup</h2>
      <p>Nothing changes until you confirm. Records you already have are only replaced by newer versions of themselves.</p>
      <div class="field">
        <label class="field__label" for="restore-file">
          Choose a backup file
        </label>
        <input id="restore-file" ref={input} type="file" accept=".json,application/json" onChange={(e) => void choose(e)} disabled={busy} />
      </div>
      <ErrorMessage message={preview && !preview.ok ? preview.message : null} />
      {preview?.ok && (
        <div class="notice restore-preview" role="status" data-testid="restore-preview">
          <div>
            <p>
              This backup was made on{' '}
              {formatDateTime(preview.summary.exportedAt)}. It
              holds {preview.summary.entries} {preview.summary.entries === 1 ? 'entry' : 'entries'}, {preview.summary.actions}{' '}
              {preview.summary.actions === 1 ? 'action' : 'actions'}, {preview.summary.sessions}{' '}
              {preview.summary.sessions === 1 ? 'session' : 'sessions'} and {preview.summary.checkins}{' '}
              {preview.summary.checkins === 1 ? 'check-in' : 'check-ins'}
              {preview.summary.decks > 0 && `, with ${preview.summary.decks} ${preview.summary.decks === 1 ? 'deck' : 'decks'} of your own`}
              {preview.summary.ownCards > 0 && `, with ${preview.summary.ownCards} ${preview.summary.ownCards === 1 ? 'card' : 'cards'} of your own on published decks`}
              {preview.summary.from && preview.summary.to
                ? `, written between ${formatInstantDay(preview.summary.from)} and ${formatInstantDay(preview.summary.to)}`
                : ''}
              .
            </p>
            <p>{changes.length ? `Importing it will ${changes.join(', ')}.` : 'You already have everything in it: importing changes nothing.'}</p>
          </div>
          <div class="panel__actions">
            <button type="button" class="button button--primary" onClick={() => void apply()} disabled={busy || changes.length === 0}>
              Import this backup
            </button>
            <button type="button" class="button" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
