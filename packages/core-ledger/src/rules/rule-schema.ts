import { z } from 'zod';
import { IdSchema, TextSchema } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { Decimal } from '../money/decimal.js';
import { Money } from '../money/money.js';

/** Most rules one rule set may hold. */
export const rulesPerSetMax = 10_000;
/** Longest payee pattern (exact text, contained text or regular expression). */
export const payeePatternLengthMax = 200;

/** A non-negative plain decimal string such as `'49.99'`. */
const MagnitudeSchema = z.string().max(40).regex(/^\d+(\.\d+)?$/, 'a non-negative plain decimal string such as "49.99"');

/**
 * How a rule matches the payee. Text is compared after case folding (unless
 * `caseSensitive`): both sides are Unicode NFKC-normalised, runs of white space
 * become one space, ends are trimmed, then lower-cased. A `regex` is tested on
 * the normalised payee with the `u` flag (and `i` unless `caseSensitive`).
 */
export const PayeeConditionSchema = z.strictObject({
  match: z.enum(['exact', 'contains', 'regex']),
  value: z.string().min(1).max(payeePatternLengthMax),
  caseSensitive: z.boolean().default(false),
});

/**
 * Bounds on the amount's magnitude (its absolute value), both inclusive, as
 * decimal strings in the transaction's currency; `direction` picks the sign.
 */
export const AmountConditionSchema = z
  .strictObject({ min: MagnitudeSchema.optional(), max: MagnitudeSchema.optional() })
  .refine((range) => range.min === undefined || range.max === undefined || new Decimal(range.min).lessThanOrEqualTo(range.max), 'min must not exceed max');

/** Dates from and to, both inclusive (`YYYY-MM-DD`). */
export const DateConditionSchema = z
  .strictObject({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .refine((range) => range.from === undefined || range.to === undefined || range.from <= range.to, 'from must not be after to');

/**
 * What a rule looks for; every condition given must hold (an empty object
 * matches every transaction). Unknown keys are refused, so a misspelt
 * condition cannot silently widen a rule.
 */
export const RuleConditionsSchema = z.strictObject({
  payee: PayeeConditionSchema.optional(),
  /** Tested on the bank's memo the same way as `payee`; a transaction without a memo does not match. */
  memo: PayeeConditionSchema.optional(),
  amount: AmountConditionSchema.optional(),
  /** `outflow`: money out of the account (negative amount); `inflow`: money in (positive). Zero is neither. */
  direction: z.enum(['outflow', 'inflow']).optional(),
  currency: z.string().min(1).max(32).optional(),
  /** The transaction's account is one of these. */
  accountIds: z.array(IdSchema).min(1).max(1000).optional(),
  date: DateConditionSchema.optional(),
});

/**
 * One part of a split: a category and either a fixed `amount` (magnitude, in
 * the transaction's currency) or a `ratio` of what the fixed parts leave.
 */
export const SplitPartSchema = z
  .strictObject({ category: IdSchema, amount: MagnitudeSchema.optional(), ratio: MagnitudeSchema.optional(), envelope: IdSchema.optional() })
  .refine((part) => (part.amount === undefined) !== (part.ratio === undefined), 'give a part either amount or ratio, not both');

/**
 * What a matching rule does. `expenseOf` says whose expense the payee looks
 * like (`personal` or `business`): with account owners known, a personal
 * expense paid from a company's account (or the reverse) is flagged as
 * commingling.
 */
export const RuleActionsSchema = z
  .strictObject({
    /** The expense or income account the transaction belongs to. */
    category: IdSchema.optional(),
    /** The budget envelope it draws on. */
    envelope: IdSchema.optional(),
    renamePayee: z.string().trim().min(1).max(200).optional(),
    split: z
      .array(SplitPartSchema)
      .min(2)
      .max(100)
      .refine((parts) => parts.every((part) => part.ratio === undefined) || parts.some((part) => part.ratio !== undefined && !new Decimal(part.ratio).isZero()), 'give at least one ratio part a ratio above zero')
      .optional(),
    /** Free labels; every matching rule adds its own (no duplicates, first seen first). */
    flags: z.array(z.string().min(1).max(64)).max(20).optional(),
    expenseOf: z.enum(['personal', 'business']).optional(),
  })
  .refine((actions) => Object.values(actions).some((value) => value !== undefined), 'a rule needs at least one action');

/**
 * A categorisation rule: plain data a host can store as JSON. Rules run in
 * order; see `applyRules` for the semantics.
 */
export const RuleSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema.optional(),
  /** A disabled rule is skipped. */
  enabled: z.boolean().default(true),
  conditions: RuleConditionsSchema.default({}),
  actions: RuleActionsSchema,
  /** When this rule matches, no later rule is looked at. */
  stop: z.boolean().default(false),
});
/** A rule as a host writes it. */
export type RuleInput = z.input<typeof RuleSchema>;
/** A parsed rule (defaults filled in). */
export type Rule = z.output<typeof RuleSchema>;

/**
 * What rules run on: one bank or card transaction. Amounts are signed as the
 * bank shows them: money into the account positive, money out negative.
 * `@kronos/adapters` maps an imported transaction to this shape.
 */
export const RuleTransactionSchema = z.object({
  id: z.string().max(200).optional(),
  date: IsoDateSchema,
  payee: z.string().max(500),
  amount: z.custom<Money>((value) => Money.isMoney(value), 'a Money'),
  accountId: IdSchema,
  memo: z.string().max(2000).nullish(),
});
/** What rules run on. */
export type RuleTransaction = z.input<typeof RuleTransactionSchema>;
