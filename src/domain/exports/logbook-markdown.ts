/** The whole logbook as Markdown: entries by day, each with its card, words and actions. */
import { localDay } from '../logbook/filters';
import { STATUS_LABELS, type EntryWithActions } from '../logbook/records';
import { mdInline, mdLines } from './markdown-text';
import { formatDate } from './session-notes';

export function logbookMarkdown(items: readonly EntryWithActions[], now: Date): string {
  const out: string[] = ['# Power Shifting logbook', '', `Exported ${formatDate(localDay(now.toISOString()))}.`, ''];
  let day = '';
  for (const { entry, actions } of items) {
    const written = localDay(entry.createdAt);
    if (written !== day) {
      day = written;
      out.push(`## ${formatDate(day)}`, '');
    }
    const capability = entry.card?.capabilityNumber ?? entry.capabilityNumber;
    out.push(`### ${entry.card ? mdInline(entry.card.text) : 'Note'}`, '');
    if (capability) out.push(`- Capability ${capability}${entry.card ? `, for ${mdInline(entry.card.groupName.toLowerCase())}` : ''}`);
    if (entry.community.trim()) out.push(`- Community: ${mdInline(entry.community)}`);
    if (entry.tags.length) out.push(`- Tags: ${entry.tags.map(mdInline).join(', ')}`);
    out.push('');
    if (entry.reflection.trim()) out.push(mdLines(entry.reflection), '');
    if (entry.notes.trim()) out.push(mdLines(entry.notes), '');
    for (const action of actions) {
      const parts = [STATUS_LABELS[action.status]];
      if (action.owner) parts.push(`owner: ${mdInline(action.owner)}`);
      if (action.due) parts.push(`due ${formatDate(action.due)}`);
      out.push(`- ${mdInline(action.what) || 'Untitled action'} (${parts.join(', ')})`);
      if (action.followUp.happened.trim()) out.push(`  - What happened: ${mdLines(action.followUp.happened, '    ')}`);
      if (action.followUp.learned.trim()) out.push(`  - What was learned: ${mdLines(action.followUp.learned, '    ')}`);
    }
    if (actions.length) out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
