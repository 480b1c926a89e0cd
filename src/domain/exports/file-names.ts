/** File names that say what and when, safe on every operating system. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'untitled'
  );
}

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

export const fileNames = {
  sessionNotes: (date: string, title: string) => `power-shifting-session-${date}-${slug(title)}.md`,
  sessionCsv: (date: string, title: string) => `power-shifting-session-${date}-${slug(title)}.csv`,
  sessionIcs: (date: string, title: string) => `power-shifting-session-${date}-${slug(title)}-actions.ics`,
  logbookCsv: (now: Date) => `power-shifting-logbook-${stamp(now)}.csv`,
  logbookMarkdown: (now: Date) => `power-shifting-logbook-${stamp(now)}.md`,
  actionsIcs: (now: Date) => `power-shifting-actions-${stamp(now)}.ics`,
  actionIcs: (what: string) => `power-shifting-action-${slug(what)}.ics`,
  backup: (now: Date) => `power-shifting-backup-${stamp(now)}.json`,
};
