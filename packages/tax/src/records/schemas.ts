import { IsoDateSchema, Money, MoneySchema } from '@kronos/core-ledger';
import { z } from 'zod';

/**
 * zod schemas for everything tax takes from outside: the taxpayer's accounts,
 * the trade records (from the paper broker, Plaid investments, OFX imports)
 * and the profile that says how to treat them. The TypeScript types are
 * inferred from these schemas.
 */

/** A `Money` value, or its JSON form `{ amount, currency, scale }`. */
export const MoneyInputSchema = z.union([z.custom<Money>((value) => Money.isMoney(value), 'a Money'), MoneySchema]);

const symbolSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,31}$/, 'a ticker such as "VTI"');
const idSchema = z.string().min(1).max(200);

/** How the tax code treats an account's gains. */
export const AccountTypeSchema = z.enum(['taxable', 'ira', 'roth', '401k']);
export type AccountType = z.infer<typeof AccountTypeSchema>;

/** Whose account it is: the taxpayer's, or the spouse's (included only when opted in). */
export const AccountOwnerSchema = z.enum(['taxpayer', 'spouse']);
export type AccountOwner = z.infer<typeof AccountOwnerSchema>;

/** An investment account of the taxpayer (or spouse). */
export const TaxAccountSchema = z.object({
  id: idSchema,
  type: AccountTypeSchema,
  owner: AccountOwnerSchema.default('taxpayer'),
  name: z.string().max(200).optional(),
});
export type TaxAccount = z.infer<typeof TaxAccountSchema>;

const recordBase = {
  /** The caller's id for the record; the same id with the same content is a no-op. */
  id: idSchema,
  accountId: idSchema,
  /** Trade date. */
  date: IsoDateSchema,
};

const securityFields = {
  symbol: symbolSchema,
  /** Optional CUSIP: symbols sharing a CUSIP are the same security. */
  cusip: z.string().regex(/^[0-9A-Za-z]{9}$/, 'a 9-character CUSIP').optional(),
  /** Share quantity as Money in the asset's code, e.g. `Money.of('10', asset('VTI', 6))`. */
  quantity: MoneyInputSchema,
};

/** Whether the broker reports this lot's basis to the IRS (covered security); picks Form 8949 box A/D vs B/E. */
const basisReportedSchema = z.boolean().default(true);

/** A purchase: `cost` is the total paid in USD, commissions included. */
export const BuyRecordSchema = z.object({
  kind: z.literal('buy'),
  ...recordBase,
  ...securityFields,
  cost: MoneyInputSchema,
  basisReported: basisReportedSchema,
});

/** A dividend reinvestment: an acquisition like a buy (it can be a wash-sale replacement). */
export const ReinvestRecordSchema = z.object({
  kind: z.literal('reinvest'),
  ...recordBase,
  ...securityFields,
  cost: MoneyInputSchema,
  basisReported: basisReportedSchema,
});

/**
 * Shares moved in from another broker with their carried basis and dates. A
 * transfer is not a purchase, so it is never a wash-sale replacement.
 */
export const TransferInRecordSchema = z.object({
  kind: z.literal('transferIn'),
  ...recordBase,
  ...securityFields,
  basis: MoneyInputSchema,
  acquiredOn: IsoDateSchema,
  /** When the holding period started, if it was tacked before the transfer. */
  holdingPeriodStart: IsoDateSchema.optional(),
  basisReported: z.boolean().default(false),
});

/** A lot named for specific identification. */
export const LotPickSchema = z.object({ lotId: idSchema, quantity: MoneyInputSchema });
export type LotPick = z.infer<typeof LotPickSchema>;

/** A sale: `proceeds` is the USD received net of commissions. */
export const SellRecordSchema = z.object({
  kind: z.literal('sell'),
  ...recordBase,
  ...securityFields,
  proceeds: MoneyInputSchema,
  /** For the specific-identification method: which lots, how many shares of each. */
  lots: z.array(LotPickSchema).max(10_000).optional(),
  /** False when no Form 1099-B was received (Form 8949 box C/F). */
  form1099B: z.boolean().default(true),
});

/** A stock split in one account: each share becomes `ratio` shares (`'2'` for 2-for-1, `'0.1'` for 1-for-10). */
export const SplitRecordSchema = z.object({
  kind: z.literal('split'),
  ...recordBase,
  symbol: symbolSchema,
  ratio: z.string().regex(/^\d+(\.\d+)?$/, 'a positive decimal such as "2" or "0.1"').refine((r) => Number(r) > 0, 'a positive ratio'),
});

/** A ticker change: the lots move to the new symbol, same security. */
export const SymbolChangeRecordSchema = z.object({
  kind: z.literal('symbolChange'),
  ...recordBase,
  symbol: symbolSchema,
  newSymbol: symbolSchema,
});

/** Any record the lot engine takes. */
export const TaxRecordSchema = z.discriminatedUnion('kind', [
  BuyRecordSchema,
  ReinvestRecordSchema,
  TransferInRecordSchema,
  SellRecordSchema,
  SplitRecordSchema,
  SymbolChangeRecordSchema,
]);
export type TaxRecord = z.infer<typeof TaxRecordSchema>;
export type TaxRecordInput = z.input<typeof TaxRecordSchema>;
export type BuyRecord = z.infer<typeof BuyRecordSchema>;
export type ReinvestRecord = z.infer<typeof ReinvestRecordSchema>;
export type TransferInRecord = z.infer<typeof TransferInRecordSchema>;
export type SellRecord = z.infer<typeof SellRecordSchema>;
export type SplitRecord = z.infer<typeof SplitRecordSchema>;
export type SymbolChangeRecord = z.infer<typeof SymbolChangeRecordSchema>;

/** How lots are chosen for a sale. */
export const LotMethodSchema = z.enum(['fifo', 'lifo', 'hifo', 'specific', 'average', 'minimumTax']);
export type LotMethod = z.infer<typeof LotMethodSchema>;

const rateSchema = z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'a rate between 0 and 1 as a decimal string, e.g. "0.37"');

/** Marginal rates as decimal strings; `state` is added to both federal rates. */
export const TaxRatesSchema = z.object({
  shortTerm: rateSchema,
  longTerm: rateSchema,
  state: rateSchema.default('0'),
});
export type TaxRates = z.infer<typeof TaxRatesSchema>;

/** Securities that are substantially identical to each other (tickers and CUSIPs). */
export const SubstantiallyIdenticalGroupSchema = z.object({
  id: idSchema,
  symbols: z.array(symbolSchema).max(1_000).default([]),
  cusips: z.array(z.string().regex(/^[0-9A-Za-z]{9}$/)).max(1_000).default([]),
});
export type SubstantiallyIdenticalGroup = z.infer<typeof SubstantiallyIdenticalGroupSchema>;

/** A method choice; the most specific matching rule wins (account and year, then account, then year, then default). */
export const MethodRuleSchema = z.object({
  accountId: idSchema.optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  method: LotMethodSchema,
});
export type MethodRule = z.infer<typeof MethodRuleSchema>;

/** Everything the lot engine needs besides the records. */
export const TaxProfileSchema = z.object({
  accounts: z.array(TaxAccountSchema).min(1).max(1_000),
  /** Include the spouse's accounts (their purchases are wash-sale replacements too). */
  includeSpouse: z.boolean().default(false),
  defaultMethod: LotMethodSchema.default('fifo'),
  methods: z.array(MethodRuleSchema).max(10_000).default([]),
  /** Rates the minimum-tax method weighs lots with. */
  rates: TaxRatesSchema.optional(),
  substantiallyIdentical: z.array(SubstantiallyIdenticalGroupSchema).max(10_000).default([]),
  /** Section 1256 contracts: marked to market, outside the wash-sale rule and Form 8949. */
  section1256Symbols: z.array(symbolSchema).max(10_000).default([]),
  /** Account types whose purchases disallow a loss for good (Rev. Rul. 2008-5 names IRAs and Roth IRAs). */
  permanentReplacementTypes: z.array(AccountTypeSchema).default(['ira', 'roth', '401k']),
});
export type TaxProfile = z.infer<typeof TaxProfileSchema>;
export type TaxProfileInput = z.input<typeof TaxProfileSchema>;
