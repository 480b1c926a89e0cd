/**
 * The kinds of field records are made of, as valibot schemas with plain-English messages. Every
 * message completes a sentence such as "entry 3, field “due”, …", and says what would be right.
 */
import * as v from 'valibot';
import { isCalendarDay } from '../dates';
import { DOT_PATTERN, isDeviceId } from './clock';

export const MAX_TEXT = 100_000;

/**
 * A field people fill in, with the label that names it wherever it is shown or exported:
 * exports, search and the notes document find fields by their label (see content-fields.ts).
 */
export const labelled = <S extends v.GenericSchema>(
  schema: S,
  label: string,
  { choices = {}, long = false }: { choices?: Readonly<Record<string, string>>; long?: boolean } = {},
) => v.pipe(schema, v.title(label), v.metadata({ choices, long }));

export const Text = v.pipe(
  v.string('must be text'),
  v.maxLength(MAX_TEXT, `is longer than ${MAX_TEXT.toLocaleString('en-GB')} characters`),
);
export const Short = v.pipe(v.string('must be text'), v.maxLength(500, 'is longer than 500 characters'));
export const Id = v.pipe(v.string('must be text'), v.regex(/^[0-9A-Za-z_-]{1,64}$/, 'is not a valid id'));
export const Time = v.pipe(
  v.string('must be a date and time'),
  v.isoTimestamp('must be a date and time like 2026-03-01T09:30:00Z'),
);
export const Day = v.pipe(
  v.string('must be a date'),
  v.check(isCalendarDay, 'must be a real date written like 2026-03-01'),
);
export const OptionalDay = v.union([v.literal(''), Day], 'must be empty or a real date written like 2026-03-01');
export const Deleted = v.pipe(
  v.union([v.picklist([0, 1]), v.boolean()], 'must be 0 or 1'),
  v.transform((d): 0 | 1 => (d === true || d === 1 ? 1 : 0)),
);
export const Count = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(1_000_000, 'is too large'),
);
export const ShortList = (max: number) =>
  v.pipe(v.array(Short, 'must be a list'), v.maxLength(max, `holds more than ${max} items`));

const Dot = v.pipe(v.string('must be text'), v.regex(DOT_PATTERN, 'is not a valid version mark'));
const Path = v.pipe(v.string('must be text'), v.maxLength(200, 'is too long'));

export const ClockSchema = v.object(
  {
    vv: v.pipe(
      v.record(
        v.pipe(v.string(), v.check(isDeviceId, 'is not a valid device id')),
        v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
        'must be a list of devices and counts',
      ),
      v.check((vv) => Object.keys(vv).length <= 1000, 'names too many devices'),
    ),
    o: Dot,
    at: v.optional(v.record(Path, Dot, 'must be a list of fields and version marks')),
    alt: v.optional(
      v.record(Path, v.pipe(v.array(v.object({ dot: Dot, value: v.unknown() }), 'must be a list'), v.maxLength(100)), 'must be a list of fields'),
    ),
  },
  'must be the record’s version information',
);

/** What every record carries: its id, when it was made and last changed, whether it is deleted, and its clock. */
export const TrackedEntries = {
  id: Id,
  createdAt: Time,
  updatedAt: Time,
  /** 1 once deleted (IndexedDB cannot index booleans). Kept, so that a merge respects it. */
  deleted: Deleted,
  clock: v.optional(ClockSchema),
};
