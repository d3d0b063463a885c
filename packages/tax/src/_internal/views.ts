import type { Currency, Money } from '@kronos/core-ledger';
import type { HoldingTerm } from '../holding/classifyHoldingPeriod.js';
import type { Disposal, Lot, WashMatch } from '../lots/types.js';
import type { AccountType, LotMethod } from '../records/schemas.js';
import { fromUnits } from './units.js';

/**
 * Read-only views over the engine's integer results. A ledger of 100,000
 * trades has hundreds of thousands of amounts; making a `Money` costs
 * microseconds, so each view makes its `Money` values the first time they are
 * read and keeps them. `toJSON` gives the whole record, so JSON output and
 * snapshots see every field.
 *
 * The made values live in one small object per view, created on the first
 * read: a view that is never read (most Form 8949 rows of a large run are only
 * summed) stays three fields, which keeps the garbage collector's work, a large
 * part of a run, down.
 */

/** The scales the integers are kept at. */
export interface Scales {
  /** Decimals of every quantity integer (the largest asset scale in the records). */
  readonly quantity: number;
  readonly usd: Currency;
}

export interface RawMatch {
  readonly disposalId: string;
  readonly replacementOriginId: string;
  replacementLotId: string;
  readonly replacementAccountId: string;
  readonly replacementAcquiredOn: string;
  readonly quantity: number;
  replacementQuantity: number;
  readonly soldUnit: Currency;
  replacementUnit: Currency;
  readonly proceeds: number;
  readonly basis: number;
  readonly disallowed: number;
  readonly permanent: boolean;
}

export interface RawDisposal {
  readonly id: string;
  readonly saleId: string;
  readonly lotId: string;
  readonly originId: string;
  readonly accountId: string;
  readonly accountType: AccountType;
  readonly symbol: string;
  readonly unit: Currency;
  readonly quantity: number;
  readonly acquiredOn: string;
  readonly holdingPeriodStart: string;
  readonly soldOn: string;
  readonly term: HoldingTerm;
  readonly method: LotMethod;
  readonly proceeds: number;
  readonly basis: number;
  disallowed: number;
  permanent: number;
  matches: readonly RawMatch[];
  readonly taxable: boolean;
  readonly section1256: boolean;
  readonly basisReported: boolean;
  readonly form1099B: boolean;
}

export interface RawLot {
  readonly id: string;
  readonly originId: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly unit: Currency;
  readonly quantity: number;
  readonly basis: number;
  readonly washAdjustment: number;
  readonly acquiredOn: string;
  readonly holdingPeriodStart: string;
  readonly basisReported: boolean;
  readonly usedAsReplacement: boolean;
}

export class WashMatchView implements WashMatch {
  #quantity: Money | undefined;
  #replacementQuantity: Money | undefined;
  #proceeds: Money | undefined;
  #basis: Money | undefined;
  #disallowed: Money | undefined;
  constructor(readonly raw: RawMatch, private readonly scales: Scales) {}
  get disposalId() { return this.raw.disposalId; }
  get replacementOriginId() { return this.raw.replacementOriginId; }
  get replacementLotId() { return this.raw.replacementLotId; }
  get replacementAccountId() { return this.raw.replacementAccountId; }
  get replacementAcquiredOn() { return this.raw.replacementAcquiredOn; }
  get permanent() { return this.raw.permanent; }
  get quantity() { return (this.#quantity ??= fromUnits(this.raw.quantity, this.scales.quantity, this.raw.soldUnit)); }
  get replacementQuantity() { return (this.#replacementQuantity ??= fromUnits(this.raw.replacementQuantity, this.scales.quantity, this.raw.replacementUnit)); }
  get proceeds() { return (this.#proceeds ??= fromUnits(this.raw.proceeds, 2, this.scales.usd)); }
  get basis() { return (this.#basis ??= fromUnits(this.raw.basis, 2, this.scales.usd)); }
  get disallowedLoss() { return (this.#disallowed ??= fromUnits(this.raw.disallowed, 2, this.scales.usd)); }
  toJSON(): Record<string, unknown> {
    return {
      disposalId: this.disposalId, replacementOriginId: this.replacementOriginId, replacementLotId: this.replacementLotId,
      replacementAccountId: this.replacementAccountId, replacementAcquiredOn: this.replacementAcquiredOn,
      replacementQuantity: this.replacementQuantity.toJSON(), quantity: this.quantity.toJSON(), proceeds: this.proceeds.toJSON(),
      basis: this.basis.toJSON(), disallowedLoss: this.disallowedLoss.toJSON(), permanent: this.permanent,
    };
  }
}

class DisposalValues {
  quantity: Money | undefined = undefined;
  proceeds: Money | undefined = undefined;
  basis: Money | undefined = undefined;
  gain: Money | undefined = undefined;
  disallowed: Money | undefined = undefined;
  permanent: Money | undefined = undefined;
  recognized: Money | undefined = undefined;
  matches: WashMatchView[] | undefined = undefined;
}

export class DisposalView implements Disposal {
  #values: DisposalValues | undefined;
  constructor(readonly raw: RawDisposal, readonly scales: Scales) {}
  private get values(): DisposalValues { return (this.#values ??= new DisposalValues()); }
  get id() { return this.raw.id; }
  get saleId() { return this.raw.saleId; }
  get lotId() { return this.raw.lotId; }
  get originId() { return this.raw.originId; }
  get accountId() { return this.raw.accountId; }
  get accountType() { return this.raw.accountType; }
  get symbol() { return this.raw.symbol; }
  get acquiredOn() { return this.raw.acquiredOn; }
  get holdingPeriodStart() { return this.raw.holdingPeriodStart; }
  get soldOn() { return this.raw.soldOn; }
  get term() { return this.raw.term; }
  get method() { return this.raw.method; }
  get taxable() { return this.raw.taxable; }
  get section1256() { return this.raw.section1256; }
  get basisReported() { return this.raw.basisReported; }
  get form1099B() { return this.raw.form1099B; }
  get quantity() { return (this.values.quantity ??= fromUnits(this.raw.quantity, this.scales.quantity, this.raw.unit)); }
  get proceeds() { return (this.values.proceeds ??= fromUnits(this.raw.proceeds, 2, this.scales.usd)); }
  get basis() { return (this.values.basis ??= fromUnits(this.raw.basis, 2, this.scales.usd)); }
  get gain() { return (this.values.gain ??= fromUnits(this.raw.proceeds - this.raw.basis, 2, this.scales.usd)); }
  get disallowedLoss() { return (this.values.disallowed ??= fromUnits(this.raw.disallowed, 2, this.scales.usd)); }
  get permanentlyDisallowedLoss() { return (this.values.permanent ??= fromUnits(this.raw.permanent, 2, this.scales.usd)); }
  get recognizedGain() { return (this.values.recognized ??= fromUnits(this.raw.proceeds - this.raw.basis + this.raw.disallowed, 2, this.scales.usd)); }
  get washMatches(): readonly WashMatch[] { return (this.values.matches ??= this.raw.matches.map((match) => new WashMatchView(match, this.scales))); }
  toJSON(): Record<string, unknown> {
    return {
      id: this.id, saleId: this.saleId, lotId: this.lotId, originId: this.originId, accountId: this.accountId, accountType: this.accountType,
      symbol: this.symbol, quantity: this.quantity.toJSON(), acquiredOn: this.acquiredOn, holdingPeriodStart: this.holdingPeriodStart,
      soldOn: this.soldOn, term: this.term, method: this.method, proceeds: this.proceeds.toJSON(), basis: this.basis.toJSON(),
      gain: this.gain.toJSON(), disallowedLoss: this.disallowedLoss.toJSON(), permanentlyDisallowedLoss: this.permanentlyDisallowedLoss.toJSON(),
      recognizedGain: this.recognizedGain.toJSON(), washMatches: this.washMatches.map((match) => (match as WashMatchView).toJSON()),
      taxable: this.taxable, section1256: this.section1256, basisReported: this.basisReported, form1099B: this.form1099B,
    };
  }
}

class LotValues {
  quantity: Money | undefined = undefined;
  basis: Money | undefined = undefined;
  wash: Money | undefined = undefined;
}

export class LotView implements Lot {
  #values: LotValues | undefined;
  constructor(readonly raw: RawLot, private readonly scales: Scales) {}
  private get values(): LotValues { return (this.#values ??= new LotValues()); }
  get id() { return this.raw.id; }
  get originId() { return this.raw.originId; }
  get accountId() { return this.raw.accountId; }
  get symbol() { return this.raw.symbol; }
  get acquiredOn() { return this.raw.acquiredOn; }
  get holdingPeriodStart() { return this.raw.holdingPeriodStart; }
  get basisReported() { return this.raw.basisReported; }
  get usedAsReplacement() { return this.raw.usedAsReplacement; }
  get quantity() { return (this.values.quantity ??= fromUnits(this.raw.quantity, this.scales.quantity, this.raw.unit)); }
  get basis() { return (this.values.basis ??= fromUnits(this.raw.basis, 2, this.scales.usd)); }
  get washAdjustment() { return (this.values.wash ??= fromUnits(this.raw.washAdjustment, 2, this.scales.usd)); }
  toJSON(): Record<string, unknown> {
    return {
      id: this.id, originId: this.originId, accountId: this.accountId, symbol: this.symbol, quantity: this.quantity.toJSON(),
      basis: this.basis.toJSON(), washAdjustment: this.washAdjustment.toJSON(), acquiredOn: this.acquiredOn,
      holdingPeriodStart: this.holdingPeriodStart, basisReported: this.basisReported, usedAsReplacement: this.usedAsReplacement,
    };
  }
}
