import { useId } from 'preact/hooks';
import { CODE_THEME_LABELS, CODE_THEMES } from '../../domain/records/entry';
import type { EntryDraft } from '../../domain/logbook/drafts';
import { MAX_TEXT } from '../../domain/records/fields';
import { useSync } from '../../state/sync';
import { paths } from '../routing/routes';
import { Field, inputValue } from './field';

type Change = (fields: Partial<EntryDraft>) => void;

/** Hours as they are typed: "1", "1." on the way to "1.5". */
const HOURS = /^(\d{1,4}(\.\d{0,2})?)?$/;

/** Whether an entry is shared, and what a CPD record or an NMC reflective account needs from it. */
export function RecordFields({ draft, change, entryId }: { draft: EntryDraft; change: Change; entryId: string | undefined }) {
  const privateId = useId();
  const teams = useSync((s) => s.spaces).filter((s) => s.kind === 'team' && (s.status !== 'refused' || s.id === draft.space));
  const hours = (key: 'cpdHours' | 'participatoryHours') => (event: Event) => {
    const text = inputValue(event).trim();
    // Only a number of hours is taken: anything else typed is put back as it was.
    if (HOURS.test(text)) change({ [key]: text });
    else (event.currentTarget as HTMLInputElement).value = draft[key];
  };
  const toggleTheme = (theme: (typeof CODE_THEMES)[number]) =>
    change({ codeThemes: draft.codeThemes.includes(theme) ? draft.codeThemes.filter((t) => t !== theme) : [...draft.codeThemes, theme] });
  const filled = draft.cpdHours || draft.participatoryHours || draft.codeThemes.length > 0 || draft.codeRelevance.trim();

  return (
    <>
      <div class="choice choice--private">
        <input id={privateId} type="checkbox" aria-describedby={`${privateId}-hint`} checked={draft.private} onChange={() => change({ private: !draft.private })} />
        <span>
          <label for={privateId}>
            <strong>Private</strong>
          </label>
          <span class="choice__hint" id={`${privateId}-hint`}>
            Only on your devices: left out of session notes, supervision records and anything you share.
          </span>
        </span>
      </div>
      {(teams.length > 0 || draft.space) && (
        <Field label="Share with" hint="A team sees what is shared with it, on each member’s device. A private entry is never shared.">
          {({ id, describedBy }) => (
            <select id={id} aria-describedby={describedBy} value={draft.space ?? ''} onChange={(e) => change({ space: inputValue(e) || undefined })}>
              <option value="">Just me</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
              {draft.space && !teams.some((t) => t.id === draft.space) && <option value={draft.space}>A team this device has left</option>}
            </select>
          )}
        </Field>
      )}
      <details class="disclosure" open={!!filled}>
        <summary>For your CPD and revalidation (optional)</summary>
        <div class="field-row">
          <Field label="CPD hours" hint="For example 1.5">
            {({ id, describedBy }) => (
              <input id={id} type="text" inputMode="decimal" aria-describedby={describedBy} value={draft.cpdHours} onInput={hours('cpdHours')} />
            )}
          </Field>
          <Field label="Of which participatory" hint="Hours learning with others">
            {({ id, describedBy }) => (
              <input id={id} type="text" inputMode="decimal" aria-describedby={describedBy} value={draft.participatoryHours} onInput={hours('participatoryHours')} />
            )}
          </Field>
        </div>
        <fieldset>
          <legend>Themes of the NMC Code this is relevant to</legend>
          {CODE_THEMES.map((theme) => (
            <label class="choice" key={theme}>
              <input type="checkbox" checked={draft.codeThemes.includes(theme)} onChange={() => toggleTheme(theme)} />
              {CODE_THEME_LABELS[theme]}
            </label>
          ))}
        </fieldset>
        <Field label="How is this relevant to the Code?">
          {({ id }) => <textarea id={id} rows={3} maxLength={MAX_TEXT} value={draft.codeRelevance} onInput={(e) => change({ codeRelevance: inputValue(e) })} />}
        </Field>
        {entryId ? (
          <p class="record-links">
            Make from this entry: <a href={paths.entryRecord(entryId, 'cpd')}>a CPD record</a> ·{' '}
            <a href={paths.entryRecord(entryId, 'nmc')}>an NMC reflective account</a>
          </p>
        ) : (
          <p class="muted">Once saved, this entry can be made into a CPD record or an NMC reflective account.</p>
        )}
      </details>
    </>
  );
}
