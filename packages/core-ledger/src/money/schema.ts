import { z } from 'zod';
import { scaleMax } from './currency.js';
import { Money } from './money.js';
import { roundingModes } from './rounding.js';

/**
 * The JSON form of an amount: `{ amount: '12.34', currency: 'USD', scale: 2 }`.
 * Use it in API payloads and files; {@link MoneySchema} turns it into a `Money`.
 */
export const MoneyJSONSchema = z
  .object({
    amount: z.string().regex(/^[+-]?\d+(\.\d+)?$/, 'a plain decimal string such as "1234.56"'),
    currency: z.string().min(1).max(32),
    scale: z.number().int().min(0).max(scaleMax),
  })
  .meta({ id: 'MoneyJSON', description: 'An exact amount: decimal string, currency or asset code, scale.' });

/**
 * Parses the JSON form of an amount into a `Money` (refusing more decimals than the scale).
 *
 * @example
 * ```ts
 * MoneySchema.parse({ amount: '12.34', currency: 'USD', scale: 2 }).toString(); //=> '12.34'
 * ```
 */
export const MoneySchema = MoneyJSONSchema.transform((json, context) => {
  try {
    return Money.fromJSON(json);
  } catch (error) {
    context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    return z.NEVER;
  }
});

/** A rounding mode name. */
export const RoundingModeSchema = z.enum(roundingModes as [string, ...string[]]);
