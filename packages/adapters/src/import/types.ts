import { z } from 'zod';
import type { Money, RoundingMode } from '@kronos/core-ledger';

/** The file formats the importer reads. */
export type BankFileFormat = 'csv' | 'ofx' | 'qfx' | 'qif' | 'camt.052' | 'camt.053' | 'camt.054';

/**
 * One bank transaction, neutral of the file it came from. This is what
 * dedupe works on and what a ledger write turns into journal entries.
 */
export interface ImportedTransaction {
  /** Which account it belongs to: the caller's ref (CSV, QIF) or one derived from the file (`ofx:<bank id>:<account id>`, `iban:<IBAN>`). */
  readonly accountRef: string;
  /** The bank's own id for the transaction (OFX FITID, CAMT AcctSvcrRef, a CSV id column), null when the file has none. */
  readonly bankTransactionId: string | null;
  /** The booking date as the bank wrote it (`YYYY-MM-DD`). */
  readonly postedDate: string;
  /** Signed: money in is positive, money out negative; in the statement currency. */
  readonly amount: Money;
  /** Who was paid or paid us, as the bank wrote it; null when the file does not say. */
  readonly payee: string | null;
  /** The bank's free text for the transaction; null when empty. */
  readonly memo: string | null;
  /** True while the bank still shows it as pending (CAMT `PDNG`, a CSV pending column). */
  readonly pending: boolean;
  /** The category the file carries (QIF `L` lines, some CSV exports), full path as written. */
  readonly category: string | null;
  /** Check number, when the file gives one. */
  readonly checkNumber: string | null;
  /** The file's transaction type in lower case (`pos`, `debit`, `check`, CAMT `crdt`...), null when absent. */
  readonly type: string | null;
  /** Every field of the source record as text, for audit and for rules that need more. */
  readonly raw: Readonly<Record<string, string>>;
}

/** A balance the statement reports. */
export interface ImportedBalance {
  /** `ledger`/`available` (OFX), or the CAMT code in lower case words (`opening`, `closing`, `opening_available`, ...). */
  readonly kind: string;
  readonly amount: Money;
  readonly asOf: string | null;
}

/** One account a statement file speaks about. */
export interface ImportedAccount {
  readonly accountRef: string;
  /** Routing number / BANKID / BIC when given. */
  readonly institutionId: string | null;
  readonly branchId: string | null;
  /** The account number as written (ACCTID, IBAN). */
  readonly accountNumber: string;
  /** `CHECKING`, `SAVINGS`, `CREDITCARD`, `INVESTMENT`, ... as the file says; null when absent. */
  readonly accountType: string | null;
  /** ISO 4217 code of the statement, null when the file does not declare one. */
  readonly currency: string | null;
  readonly statementStart: string | null;
  readonly statementEnd: string | null;
  readonly balances: readonly ImportedBalance[];
}

/** A record left out under `onInvalidRecord: 'skip'`, with the reason. */
export interface DiscardedRecord {
  readonly record: string;
  readonly index: number;
  readonly code: string;
  readonly message: string;
}

/** A security named in an investment statement (OFX SECLIST). */
export interface ImportedSecurity {
  /** The id the file uses (CUSIP, ISIN or a broker's private id). */
  readonly securityId: string;
  /** `CUSIP`, `ISIN`, `PRIVATE`, ... as written. */
  readonly securityIdType: string | null;
  readonly ticker: string | null;
  readonly name: string | null;
  /** The code quantities are counted in: the ticker, else the security id. */
  readonly symbol: string;
}

/** What an investment transaction does to a holding. */
export type InvestmentActionKind = 'buy' | 'sell' | 'reinvest' | 'transfer_in' | 'transfer_out' | 'income' | 'other';

/**
 * One investment transaction (OFX BUY*, SELL*, REINVEST, TRANSFER, INCOME).
 * Buys and sells are what a tax-lot engine takes; transfers move shares
 * without cash. Quantity is a Money in the security's asset code.
 */
export interface ImportedInvestmentTransaction {
  readonly accountRef: string;
  readonly bankTransactionId: string | null;
  /** The OFX element in lower case: `buymf`, `sellstock`, `transfer`, `reinvest`, ... */
  readonly ofxType: string;
  readonly kind: InvestmentActionKind;
  readonly securityId: string;
  readonly symbol: string;
  readonly tradeDate: string;
  readonly settleDate: string | null;
  /** Signed shares: positive in (buys, transfers in), negative out; Money in `asset(symbol, quantityScale)`. */
  readonly quantity: Money;
  /** Price per share in the statement currency, at `priceScale` decimals (see the README). */
  readonly unitPrice: Money;
  /** Cash effect in the statement currency as the file states it (negative for a buy); zero when absent. */
  readonly total: Money;
  readonly commission: Money;
  readonly fees: Money;
  /** OFX TFERACTION (`IN`/`OUT`) for transfers, BUYTYPE/SELLTYPE otherwise; null when absent. */
  readonly action: string | null;
  readonly raw: Readonly<Record<string, string>>;
}

/** A holding at the statement date (OFX INVPOSLIST). */
export interface ImportedPosition {
  readonly accountRef: string;
  readonly securityId: string;
  readonly symbol: string;
  /** `POSMF`, `POSSTOCK`, ... in lower case. */
  readonly positionType: string;
  readonly quantity: Money;
  readonly unitPrice: Money;
  readonly marketValue: Money;
  readonly priceAsOf: string | null;
  /** `CASH`, `MARGIN`, ... (HELDINACCT); `LONG`/`SHORT` (POSTYPE). */
  readonly heldIn: string | null;
  readonly side: string | null;
}

/** The investment part of a statement. */
export interface ImportedInvestments {
  readonly transactions: readonly ImportedInvestmentTransaction[];
  readonly positions: readonly ImportedPosition[];
  readonly securities: readonly ImportedSecurity[];
}

/** Everything read from one file. */
export interface BankFileImport {
  readonly format: BankFileFormat;
  readonly accounts: readonly ImportedAccount[];
  readonly transactions: readonly ImportedTransaction[];
  readonly investments: ImportedInvestments;
  readonly discarded: readonly DiscardedRecord[];
}

/**
 * Progress of a long parse, `done` of `total` in `unit`s. Phase `read` scans
 * the text (OFX: characters, CSV: bytes); phase `records` turns the records
 * into transactions. Each phase ends with `done === total`.
 */
export interface ImportProgress {
  readonly phase: 'read' | 'records';
  readonly done: number;
  readonly total: number;
  readonly unit: 'characters' | 'bytes' | 'records';
}

const roundingModes = ['halfEven', 'halfUp', 'halfDown', 'up', 'down', 'ceil', 'floor'] as const;

/** Options every parser takes. */
export const CommonImportOptionsSchema = z.object({
  /** Text encoding label for byte input (`auto` = UTF-8, else windows-1252). XML and OFX headers override it. */
  encoding: z.string().min(1).optional(),
  /** `throw` (default): a bad record rejects the file. `skip`: it is left out and listed in `discarded`. */
  onInvalidRecord: z.enum(['throw', 'skip']).optional(),
  /** Rounding for amounts with more decimals than the currency allows; without it such an amount is refused. */
  rounding: z.enum(roundingModes).optional(),
  /** Currency for files that declare none (QIF, an OFX with an empty CURDEF). */
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/).optional(),
  /** Called every `progressEveryRecords` records and once at the end. */
  onProgress: z.custom<(progress: ImportProgress) => void>((v) => typeof v === 'function').optional(),
  progressEveryRecords: z.number().int().positive().optional(),
});

/** Options every parser takes (see `CommonImportOptionsSchema`). */
export type CommonImportOptions = z.input<typeof CommonImportOptionsSchema>;

/** The rounding mode type, re-exported for option objects. */
export type ImportRoundingMode = RoundingMode;
