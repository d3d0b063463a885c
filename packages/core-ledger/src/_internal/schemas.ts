import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import type { JsonValue } from '../ports/ledger-store.js';

/** What an id looks like: letters, digits and . _ : / @ + - starting with a letter or digit. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
/** The longest id. */
export const idLengthMax = 128;

/** Caller-chosen ids: 1 to 128 characters, no spaces. */
export const IdSchema = z.string().min(1).max(idLengthMax).regex(idPattern, 'an id of letters, digits and . _ : / @ + - (starting with a letter or digit)');

/** Whether a value passes `IdSchema` (a check without allocation, for hot paths). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= idLengthMax && idPattern.test(value);
}

/** The longest free text. */
export const textLengthMax = 500;
/** Free text a person reads (descriptions, purposes). */
export const TextSchema = z.string().trim().min(1).max(textLengthMax);

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null(), z.array(jsonValue).max(100), z.record(z.string().max(100), jsonValue)]),
);

/** Entry metadata: a small JSON object. */
export const MetadataSchema = z.record(z.string().min(1).max(100), jsonValue).refine((value) => Object.keys(value).length <= 50, 'at most 50 metadata keys');

/** Turns a zod failure into the family's INVALID_INPUT error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0];
  throw new KronosError('INVALID_INPUT', `Invalid ${what}: ${first === undefined ? 'see details' : `${first.path || '(root)'}: ${first.message}`}. Fix the input and retry.`, { issues });
}

