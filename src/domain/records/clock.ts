/**
 * Which write set each field of a record, and which writes a copy of the record has seen.
 *
 * Every device has a short random id. Each write to a record is stamped with the device and a
 * time that only goes up for that record: that is its *dot*, written `time:device`. A record's
 * *version vector* says, for each device, up to which time this copy has seen its writes. A field's value is known to another copy when that copy's vector covers
 * the value's dot: then the other copy either has it or has replaced it on purpose. Two values
 * neither of which covers the other were written without seeing each other: both are kept, and
 * the person chooses (see merge.ts).
 */

/** `time:device`: the time in milliseconds, base 36 (fixed width, so text order is time order), then who. */
export type Dot = string;

/** Device id → the time of that device's latest write to the record this copy has seen. */
export type VersionVector = Record<string, number>;

/** A value kept beside the chosen one because it was written at the same time elsewhere. */
export interface Alternative {
  dot: Dot;
  /** `null` when the other write removed the value. */
  value: unknown;
}

export interface Clock {
  vv: VersionVector;
  /** The dot of every field not listed in `at`: the write most fields came from. */
  o: Dot;
  /** Fields set by a write other than `o`, by their path (`notes`, or `cardNotes/cap-01-public-1`). */
  at?: Record<string, Dot>;
  /** Other values of a field written concurrently, until someone chooses between them. */
  alt?: Record<string, Alternative[]>;
}

/** The pseudo-device of records written before clocks existed: their dot is their `updatedAt`. */
export const LEGACY_DEVICE = '~';
const DEVICE = /^[a-z0-9]{8}$/;
const TIME_WIDTH = 9;

export function isDeviceId(id: string): boolean {
  return DEVICE.test(id) || id === LEGACY_DEVICE;
}

/** A new random device id: 8 characters of lowercase letters and digits. */
export function newDeviceId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => alphabet[b % 36]).join('');
}

export function makeDot(time: number, device: string): Dot {
  return `${Math.max(0, Math.floor(time)).toString(36).padStart(TIME_WIDTH, '0')}:${device}`;
}

export interface ParsedDot {
  time: number;
  device: string;
}

export function parseDot(dot: Dot): ParsedDot {
  const [time = '', device = ''] = dot.split(':');
  return { time: parseInt(time, 36), device };
}

export const DOT_PATTERN = /^[0-9a-z]{9}:(?:[a-z0-9]{8}|~)$/;

/** The time of the newest write a copy has seen, from any device. */
export function newestSeen(vv: VersionVector): number {
  let newest = 0;
  for (const time of Object.values(vv)) if (time > newest) newest = time;
  return newest;
}

/** True when a copy whose vector is `vv` has seen the write `dot`. */
export function covers(vv: VersionVector, dot: Dot): boolean {
  const { time, device } = parseDot(dot);
  return time <= (vv[device] ?? 0);
}

/** Every write either vector has seen. */
export function joinVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: VersionVector = {};
  for (const device of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    out[device] = Math.max(a[device] ?? 0, b[device] ?? 0);
  }
  return out;
}

/**
 * The clock of a record written before clocks existed: one write by the legacy pseudo-device at
 * its `updatedAt`. Two such copies merge as "newer updatedAt wins" used to decide. A copy from
 * an older version of the app meeting one edited since in this version has seen none of those
 * edits: where the two differ, both values are kept for the person to choose.
 */
export function legacyClock(updatedAt: string): Clock {
  const ms = Date.parse(updatedAt);
  const time = Number.isNaN(ms) ? 0 : ms;
  return { vv: { [LEGACY_DEVICE]: time }, o: makeDot(time, LEGACY_DEVICE) };
}
