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
 * read. The results of a large run are mostly never read one by one (most
 * Form 8949 rows are only summed), and everything they hold has to be copied
 * and marked by the garbage collector, a large part of a run: so a disposal
 * is one object that holds its sale's shared facts by reference (`SaleFacts`)
 * and makes its id when read, a wash-sale match refers to its disposal, and a
 * Form 8949 row is a disposal and a slot number.
 */

/** The scales the integers are kept at. */
export interface Scales {
  /** Decimals of every quantity integer (the largest asset scale in the records). */
  readonly quantity: number;
  readonly usd: Currency;
}

/** What every disposal of one sale shares: kept once per sale rather than copied into each disposal. */
export interface SaleFacts {
  readonly saleId: string;
  readonly accountId: string;
  readonly accountType: AccountType;
  readonly symbol: string;
  readonly unit: Currency;
  readonly soldOn: string;
  readonly method: LotMethod;
  readonly taxable: boolean;
  readonly section1256: boolean;
  readonly form1099B: boolean;
  readonly scales: Scales;
}

/** A wash-sale match; the replacement's quantity is always the matched quantity, in the replacement's unit. */
export interface RawMatch {
  readonly disposal: DisposalView;
  readonly replacementOriginId: string;
  replacementLotId: string;
  readonly replacementAccountId: string;
  readonly replacementAcquiredOn: string;
  replacementUnit: Currency;
  readonly quantity: number;
  readonly proceeds: number;
  readonly basis: number;
  readonly disallowed: number;
  readonly permanent: boolean;
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
  constructor(readonly raw: RawMatch) {}
  private get scales() { return this.raw.disposal.sale.scales; }
  get disposalId() { return this.raw.disposal.id; }
  get replacementOriginId() { return this.raw.replacementOriginId; }
  get replacementLotId() { return this.raw.replacementLotId; }
  get replacementAccountId() { return this.raw.replacementAccountId; }
  get replacementAcquiredOn() { return this.raw.replacementAcquiredOn; }
  get permanent() { return this.raw.permanent; }
  get quantity() { return (this.#quantity ??= fromUnits(this.raw.quantity, this.scales.quantity, this.raw.disposal.sale.unit)); }
  get replacementQuantity() { return (this.#replacementQuantity ??= fromUnits(this.raw.quantity, this.scales.quantity, this.raw.replacementUnit)); }
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

const noMatches: readonly RawMatch[] = Object.freeze([]);

/**
 * A disposal: the sale's shared facts by reference, the lot's facts and the
 * integers. It is both the engine's record and the public view (one object
 * per disposal, the largest part of a run's results); its id is made when read.
 *
 * Made by `DisposalView.of` as an object literal with this class's prototype,
 * not with `new`: V8 learns that the objects of a literal outlive the young
 * generation and allocates them in the old one from then on (allocation-site
 * pretenuring, which it does for literals only), so the collector does not
 * copy each of them twice on the way there, which made up much of a run's
 * collection time.
 */
export class DisposalView implements Disposal {
  declare readonly sale: SaleFacts;
  declare readonly lotId: string;
  declare readonly originId: string;
  declare readonly acquiredOn: string;
  declare readonly holdingPeriodStart: string;
  declare readonly term: HoldingTerm;
  declare readonly basisReported: boolean;
  declare readonly quantityUnits: number;
  declare readonly proceedsUnits: number;
  declare readonly basisUnits: number;
  /** Cents of loss disallowed, of it disallowed for good, and the matches: set by the wash-sale pass. */
  declare disallowedUnits: number;
  declare permanentUnits: number;
  declare rawMatches: readonly RawMatch[];
  /** The `Money` values, once one is read. */
  declare made: DisposalValues | undefined;

  private constructor() {}

  static of(
    sale: SaleFacts, lotId: string, originId: string, acquiredOn: string, holdingPeriodStart: string, term: HoldingTerm, basisReported: boolean,
    quantityUnits: number, proceedsUnits: number, basisUnits: number,
  ): DisposalView {
    const literal = {
      __proto__: DisposalView.prototype, sale, lotId, originId, acquiredOn, holdingPeriodStart, term, basisReported, quantityUnits, proceedsUnits, basisUnits,
      disallowedUnits: 0, permanentUnits: 0, rawMatches: noMatches, made: undefined,
    };
    return literal as unknown as DisposalView;
  }

  private get values(): DisposalValues { return (this.made ??= new DisposalValues()); }
  get id() { return `${this.sale.saleId}:${this.lotId}`; }
  get saleId() { return this.sale.saleId; }
  get accountId() { return this.sale.accountId; }
  get accountType() { return this.sale.accountType; }
  get symbol() { return this.sale.symbol; }
  get soldOn() { return this.sale.soldOn; }
  get method() { return this.sale.method; }
  get taxable() { return this.sale.taxable; }
  get section1256() { return this.sale.section1256; }
  get form1099B() { return this.sale.form1099B; }
  get quantity() { return (this.values.quantity ??= fromUnits(this.quantityUnits, this.sale.scales.quantity, this.sale.unit)); }
  get proceeds() { return (this.values.proceeds ??= fromUnits(this.proceedsUnits, 2, this.sale.scales.usd)); }
  get basis() { return (this.values.basis ??= fromUnits(this.basisUnits, 2, this.sale.scales.usd)); }
  get gain() { return (this.values.gain ??= fromUnits(this.proceedsUnits - this.basisUnits, 2, this.sale.scales.usd)); }
  get disallowedLoss() { return (this.values.disallowed ??= fromUnits(this.disallowedUnits, 2, this.sale.scales.usd)); }
  get permanentlyDisallowedLoss() { return (this.values.permanent ??= fromUnits(this.permanentUnits, 2, this.sale.scales.usd)); }
  get recognizedGain() { return (this.values.recognized ??= fromUnits(this.proceedsUnits - this.basisUnits + this.disallowedUnits, 2, this.sale.scales.usd)); }
  get washMatches(): readonly WashMatch[] { return (this.values.matches ??= this.rawMatches.map((match) => new WashMatchView(match))); }
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
