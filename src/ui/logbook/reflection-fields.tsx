import { MAX_TEXT } from '../../domain/records/fields';
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../../domain/logbook/templates';
import type { EntryDraft } from '../../domain/logbook/drafts';
import { Field, inputValue } from './field';

type Change = (fields: Partial<EntryDraft>) => void;

/** The reflection, written to the card's question, freely, or under a reflective model's headings. */
export function ReflectionFields({ draft, change }: { draft: EntryDraft; change: Change }) {
  const template = TEMPLATES[draft.template];
  const answer = (prompt: string) => draft.answers.find((a) => a.prompt === prompt)?.text ?? '';
  const setAnswer = (prompt: string, text: string) =>
    change({ answers: [...draft.answers.filter((a) => a.prompt !== prompt), ...(text ? [{ prompt, text }] : [])] });
  // Words written before a model was chosen stay in view, never hidden by the change.
  const single = template.prompts.length === 0 || draft.reflection.trim() !== '';
  const singleLabel = draft.template === 'free' ? 'Your reflection' : 'What does this look like where you work?';

  return (
    <fieldset class="reflection">
      <legend>Reflection</legend>
      <Field label="How to write it" hint="A reflective model gives you headings to write under; they go into your records with the words.">
        {({ id, describedBy }) => (
          <select id={id} aria-describedby={describedBy} value={draft.template} onChange={(e) => change({ template: inputValue(e) as TemplateId })}>
            {TEMPLATE_IDS.map((t) => (
              <option key={t} value={t}>
                {TEMPLATES[t].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {single && (
        <Field label={singleLabel}>
          {({ id }) => <textarea id={id} rows={5} maxLength={MAX_TEXT} value={draft.reflection} onInput={(e) => change({ reflection: inputValue(e) })} />}
        </Field>
      )}
      {template.prompts.map((prompt) => (
        <Field key={prompt.id} label={prompt.heading} hint={prompt.hint}>
          {({ id, describedBy }) => (
            <textarea
              id={id}
              rows={3}
              maxLength={MAX_TEXT}
              aria-describedby={describedBy}
              value={answer(prompt.id)}
              onInput={(e) => setAnswer(prompt.id, inputValue(e))}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}
