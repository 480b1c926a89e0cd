/** The kinds of file the app makes, each said once: what people call it, its extension and its type. */
export interface FileFormat {
  /** What the file is, in plain words: "a spreadsheet", "a document". */
  label: string;
  extension: string;
  mime: string;
}

export const FORMATS = {
  backup: { label: 'a backup file', extension: 'json', mime: 'application/json' },
  spreadsheet: { label: 'a spreadsheet', extension: 'csv', mime: 'text/csv;charset=utf-8' },
  markdown: { label: 'a plain-text document', extension: 'md', mime: 'text/markdown;charset=utf-8' },
  word: { label: 'a Word document', extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  calendar: { label: 'a calendar file', extension: 'ics', mime: 'text/calendar;charset=utf-8' },
} as const satisfies Record<string, FileFormat>;
