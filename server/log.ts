/**
 * Structured logs: one JSON object a line on standard output. They hold events, ids, counts,
 * sizes and durations, never document bytes, tokens or secrets, so an operator can keep them
 * without keeping anything people wrote.
 */

export type LogFields = Record<string, string | number | boolean | undefined>;

export function log(event: string, fields: LogFields = {}): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}

/** An error's class and message, cut short: enough to find the fault, too short to carry a payload. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 200);
}

/**
 * The sync libraries write to the console when a connection misbehaves. Their lines become
 * structured log lines too, each argument described as above (an error's stack and any object
 * it carries are left out).
 */
export function captureConsole(): void {
  const write = (level: string) => (...args: unknown[]) => log('library.message', { level, message: args.map(describeError).join(' ').slice(0, 300) });
  // Replaced, not called: every line the process writes is JSON.
  // eslint-disable-next-line no-console
  console.log = write('info');
  // eslint-disable-next-line no-console
  console.info = write('info');
  console.warn = write('warn');
  console.error = write('error');
}
