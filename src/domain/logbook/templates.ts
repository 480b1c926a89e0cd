/**
 * Ways to write a reflection, chosen per entry: the card's own question, free writing, or a
 * reflective model people are taught in health and social care. Each model's headings travel
 * with the entry into every export.
 */
export const TEMPLATE_IDS = ['card', 'free', 'rolfe', 'gibbs'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface Prompt {
  id: string;
  heading: string;
  /** What the heading asks, in a line. */
  hint: string;
}

export interface Template {
  id: TemplateId;
  label: string;
  /** Empty for the two that use the entry's one reflection field. */
  prompts: Prompt[];
}

export const TEMPLATES: Record<TemplateId, Template> = {
  card: { id: 'card', label: 'The card’s question', prompts: [] },
  free: { id: 'free', label: 'Free writing', prompts: [] },
  rolfe: {
    id: 'rolfe',
    label: 'What? So what? Now what? (Rolfe)',
    prompts: [
      { id: 'what', heading: 'What?', hint: 'What happened? What was my part in it?' },
      { id: 'so-what', heading: 'So what?', hint: 'What does it mean? What have I learned about myself, others and the community?' },
      { id: 'now-what', heading: 'Now what?', hint: 'What will I do now, and what could stop me?' },
    ],
  },
  gibbs: {
    id: 'gibbs',
    label: 'Gibbs’ reflective cycle',
    prompts: [
      { id: 'description', heading: 'Description', hint: 'What happened?' },
      { id: 'feelings', heading: 'Feelings', hint: 'What was I thinking and feeling?' },
      { id: 'evaluation', heading: 'Evaluation', hint: 'What was good and bad about it?' },
      { id: 'analysis', heading: 'Analysis', hint: 'What sense can I make of it?' },
      { id: 'conclusion', heading: 'Conclusion', hint: 'What else could I have done?' },
      { id: 'action-plan', heading: 'Action plan', hint: 'If it arose again, what would I do?' },
    ],
  },
};

/** The heading the single reflection field goes under, for the two templates that use it. */
export const REFLECTION_HEADING: Record<'card' | 'free', string> = {
  card: 'What it looks like where we work',
  free: 'Reflection',
};

/** An entry's reflection as headed parts, whichever template it was written with: what exports show. */
export function reflectionParts(entry: { template: TemplateId; reflection: string; answers: readonly { prompt: string; text: string }[] }): { heading: string; text: string }[] {
  const template = TEMPLATES[entry.template] ?? TEMPLATES.card;
  if (!template.prompts.length) {
    const heading = REFLECTION_HEADING[template.id as 'card' | 'free'];
    return entry.reflection.trim() ? [{ heading, text: entry.reflection }] : [];
  }
  const parts = template.prompts.flatMap((p) => {
    const text = entry.answers.find((a) => a.prompt === p.id)?.text ?? '';
    return text.trim() ? [{ heading: p.heading, text }] : [];
  });
  // Words written before the template was changed are kept, not hidden.
  return entry.reflection.trim() ? [{ heading: REFLECTION_HEADING.card, text: entry.reflection }, ...parts] : parts;
}
