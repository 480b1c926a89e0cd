/**
 * A discussion-round timer kept as an absolute end time, so every window showing it agrees to
 * the second without sending ticks to each other.
 */
export interface Timer {
  /** The length of the round, for Reset. */
  durationMs: number;
  /** When running: the clock time it ends. */
  endsAt: number | null;
  /** When paused or not started: what is left. */
  remainingMs: number;
}

export const PRESET_MINUTES = [2, 5, 10, 15] as const;
export const MINUTE = 60_000;
/** Under this, the display changes so the room sees time is nearly up. */
export const LOW_MS = 30_000;

export function newTimer(minutes = 5): Timer {
  return { durationMs: minutes * MINUTE, endsAt: null, remainingMs: minutes * MINUTE };
}

export function isRunning(timer: Timer): boolean {
  return timer.endsAt !== null;
}

export function remaining(timer: Timer, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

export function start(timer: Timer, now: number): Timer {
  if (timer.endsAt !== null) return timer;
  const left = timer.remainingMs > 0 ? timer.remainingMs : timer.durationMs;
  return { ...timer, endsAt: now + left, remainingMs: left };
}

export function pause(timer: Timer, now: number): Timer {
  if (timer.endsAt === null) return timer;
  return { ...timer, endsAt: null, remainingMs: remaining(timer, now) };
}

export function toggle(timer: Timer, now: number): Timer {
  return isRunning(timer) && remaining(timer, now) > 0 ? pause(timer, now) : start(timer, now);
}

export function reset(timer: Timer): Timer {
  return { ...timer, endsAt: null, remainingMs: timer.durationMs };
}

export function preset(minutes: number): Timer {
  return newTimer(minutes);
}

export function addMinute(timer: Timer, now: number): Timer {
  if (timer.endsAt !== null) {
    // A finished round restarts with one minute; a running one gets a minute more.
    return { ...timer, endsAt: Math.max(timer.endsAt, now) + MINUTE };
  }
  return { ...timer, remainingMs: timer.remainingMs + MINUTE };
}

export function isLow(timer: Timer, now: number): boolean {
  const left = remaining(timer, now);
  return left > 0 && left <= LOW_MS && (isRunning(timer) || left < timer.durationMs);
}

export function isDone(timer: Timer, now: number): boolean {
  return isRunning(timer) && remaining(timer, now) === 0;
}

/** "4:05", rounding up so a round never shows 0:00 before it has ended. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Words for screen readers: "4 minutes 5 seconds left". */
export function describeRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [];
  if (minutes) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (seconds || !minutes) parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`);
  return `${parts.join(' ')} left`;
}
