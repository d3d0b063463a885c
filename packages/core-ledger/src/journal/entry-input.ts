import { z } from 'zod';
import { IdSchema, MetadataSchema, TextSchema } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { Money } from '../money/money.js';

/** Most postings one entry may carry. */
export const postingsPerEntryMax = 1000;
/** Most entries one batch call may carry. */
export const entriesPerCallMax = 10_000;

/** An amount: a `Money` or a decimal string in the account's currency. Debits positive, credits negative. */
export const AmountInputSchema = z.union([z.string().max(64), z.custom<Money>((value) => Money.isMoney(value), 'a Money')]);

/** One posting: the account and the signed amount (debit positive, credit negative). */
export const PostingInputSchema = z.object({ accountId: IdSchema, amount: AmountInputSchema });

/** Input of `postEntry` and `createPending`. */
export const EntryInputSchema = z.object({
  id: IdSchema,
  date: IsoDateSchema,
  description: TextSchema,
  metadata: MetadataSchema.optional(),
  postings: z.array(PostingInputSchema).min(2, 'an entry needs two or more postings').max(postingsPerEntryMax),
});
/** Input of `postEntry` and `createPending`. */
export type EntryInput = z.input<typeof EntryInputSchema>;
/** A parsed entry input. */
export type ParsedEntryInput = z.output<typeof EntryInputSchema>;
