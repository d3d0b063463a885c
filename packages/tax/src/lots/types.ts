import type { Money } from '@kronos/core-ledger';
import type { HoldingTerm } from '../holding/classifyHoldingPeriod.js';
import type { AccountType, LotMethod } from '../records/schemas.js';

/** An open tax lot: shares of one security in one account with their basis and dates. */
export interface Lot {
  /** The acquisition record's id; a part split off for a wash-sale match is `<id>/w<n>`. */
  readonly id: string;
  /** The id of the acquisition record the shares came from. */
  readonly originId: string;
  readonly accountId: string;
  readonly symbol: string;
  /** Shares, as Money in the asset's code. */
  readonly quantity: Money;
  /** Total basis in USD, wash-sale adjustments included. */
  readonly basis: Money;
  /** The part of `basis` that is disallowed loss carried in from wash sales (USD). */
  readonly washAdjustment: Money;
  /** The date the shares were acquired, never moved. */
  readonly acquiredOn: string;
  /** When the holding period starts: `acquiredOn`, or earlier when a wash sale tacked on the sold shares' period. */
  readonly holdingPeriodStart: string;
  /** Whether the broker reports the basis to the IRS (Form 8949 box A/D rather than B/E). */
  readonly basisReported: boolean;
  /** Whether these shares already replaced shares sold at a loss (a share replaces only once). */
  readonly usedAsReplacement: boolean;
}

/** One wash-sale match: part of a loss disposal matched with replacement shares. */
export interface WashMatch {
  /** The disposal whose loss is (partly) disallowed. */
  readonly disposalId: string;
  /** The acquisition record of the replacement shares. */
  readonly replacementOriginId: string;
  /** The lot that carries the replacement shares (its basis holds the disallowed loss unless permanent). */
  readonly replacementLotId: string;
  readonly replacementAccountId: string;
  readonly replacementAcquiredOn: string;
  /** Replacement shares, in the replacement's asset. */
  readonly replacementQuantity: Money;
  /** Sold shares this match covers, in the sold asset. */
  readonly quantity: Money;
  /** The slice of the disposal's proceeds and basis this match covers (USD). */
  readonly proceeds: Money;
  readonly basis: Money;
  /** basis - proceeds of the slice: the loss disallowed (USD, not negative). */
  readonly disallowedLoss: Money;
  /** True when the replacement was bought in an IRA/Roth (Rev. Rul. 2008-5): the loss is lost for good, no basis added. */
  readonly permanent: boolean;
}

/** Shares of one lot sold in one sale. */
export interface Disposal {
  /** `<saleId>:<lotId>` */
  readonly id: string;
  readonly saleId: string;
  readonly lotId: string;
  readonly originId: string;
  readonly accountId: string;
  readonly accountType: AccountType;
  readonly symbol: string;
  readonly quantity: Money;
  readonly acquiredOn: string;
  readonly holdingPeriodStart: string;
  readonly soldOn: string;
  readonly term: HoldingTerm;
  readonly method: LotMethod;
  /** USD received for these shares (the sale's proceeds allocated by quantity). */
  readonly proceeds: Money;
  /** USD basis of these shares, wash adjustments carried in included. */
  readonly basis: Money;
  /** proceeds - basis, before any wash-sale disallowance. */
  readonly gain: Money;
  /** Loss disallowed by wash sales (USD, not negative), permanent part included. */
  readonly disallowedLoss: Money;
  /** The part of `disallowedLoss` lost for good to IRA/Roth replacements. */
  readonly permanentlyDisallowedLoss: Money;
  /** gain + disallowedLoss: what is reported. */
  readonly recognizedGain: Money;
  readonly washMatches: readonly WashMatch[];
  /** False in IRA/Roth/401k accounts: nothing to report. */
  readonly taxable: boolean;
  /** Section 1256 contract: outside the wash-sale rule and Form 8949 (Form 6781). */
  readonly section1256: boolean;
  readonly basisReported: boolean;
  readonly form1099B: boolean;
}

/** What `computeTaxLots` returns. */
export interface TaxLotLedger {
  /** Open lots at the end, ordered by account, symbol, acquisition date. */
  readonly openLots: readonly Lot[];
  /** Disposals in processing order. */
  readonly disposals: readonly Disposal[];
  /** Sums the ledger reconciles with (USD). */
  readonly totals: {
    /** Cost of buys and reinvestments plus the carried basis of transfers in. */
    readonly acquiredBasis: Money;
    /** Disallowed loss added to replacement lots' basis. */
    readonly disallowedCarried: Money;
    /** Disallowed loss lost for good to IRA/Roth replacements. */
    readonly disallowedPermanent: Money;
  };
}
