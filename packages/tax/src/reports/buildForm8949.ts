import type { Money } from '@kronos/core-ledger';
import { DisposalView, type RawMatch, type SaleFacts } from '../_internal/views.js';
import { fromUnits, toUnits } from '../_internal/units.js';
import { yearOf } from '../_internal/dates.js';
import type { Disposal } from '../lots/types.js';

/** Form 8949 check box: A-C short-term (Part I), D-F long-term (Part II). */
export type Form8949Box = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** One line of Form 8949. Amounts in USD; dates as ISO strings (the CSV writes MM/DD/YYYY). */
export interface Form8949Row {
  readonly part: 'I' | 'II';
  readonly box: Form8949Box;
  readonly disposalId: string;
  readonly saleId: string;
  readonly accountId: string;
  readonly quantity: Money;
  /** (a) Description of property, e.g. `100 sh X`. */
  readonly description: string;
  /** (b) Date acquired (the lot's acquisition date; a tacked holding period changes the term, not this date). */
  readonly dateAcquired: string;
  /** (c) Date sold. */
  readonly dateSold: string;
  /** (d) Proceeds. */
  readonly proceeds: Money;
  /** (e) Cost or other basis. */
  readonly basis: Money;
  /** (f) Code: `W` for a wash sale, empty otherwise. */
  readonly code: '' | 'W';
  /** (g) Adjustment: the disallowed loss, entered as a positive amount. */
  readonly adjustment: Money;
  /** (h) Gain or loss = (d) - (e) + (g). */
  readonly gain: Money;
}

/** Which box a disposal goes in: by term, whether basis was reported to the IRS, and whether a 1099-B was received. */
export function boxOf(disposal: Pick<Disposal, 'term' | 'basisReported' | 'form1099B'>): Form8949Box {
  const index = !disposal.form1099B ? 2 : disposal.basisReported ? 0 : 1;
  return (disposal.term === 'short' ? (['A', 'B', 'C'] as const) : (['D', 'E', 'F'] as const))[index] as Form8949Box;
}

/**
 * Form 8949 rows for the taxable disposals (IRA/Roth/401k sales and section
 * 1256 contracts are left out), one row per wash-sale match and one for the
 * unmatched rest of each disposal: a matched slice carries code W and its
 * disallowed loss in column (g), so its (h) is zero; the rest carries no
 * code. Slices come from the wash-sale pass, which allocated proceeds and loss
 * exactly, so the rows of a disposal sum to the disposal.
 *
 * @param disposals - from `computeTaxLots`
 * @param options - `year`: only sales in that calendar year
 *
 * @example
 * ```ts
 * const usd = (amount: string) => ({ amount, currency: 'USD', scale: 2 });
 * const x = (amount: string) => ({ amount, currency: 'X', scale: 0 });
 * const { disposals } = computeTaxLots([
 *   { kind: 'buy', id: 'b1', accountId: 'brokerage', date: '2024-01-02', symbol: 'X', quantity: x('100'), cost: usd('1000.00') },
 *   { kind: 'sell', id: 's1', accountId: 'brokerage', date: '2024-03-01', symbol: 'X', quantity: x('100'), proceeds: usd('750.00') },
 *   { kind: 'buy', id: 'b2', accountId: 'brokerage', date: '2024-03-15', symbol: 'X', quantity: x('40'), cost: usd('320.00') },
 * ], { accounts: [{ id: 'brokerage', type: 'taxable' }] });
 * const columns = buildForm8949Rows(disposals).map((row) => [row.description, row.code, row.adjustment.toString(), row.gain.toString()]);
 * columns; //=> [['40 sh X', 'W', '100.00', '0.00'], ['60 sh X', '', '0.00', '-150.00']]
 * ```
 */
export function buildForm8949Rows(disposals: readonly Disposal[], options: { readonly year?: number } = {}): Form8949Row[] {
  const rows: Form8949Row[] = [];
  for (let i = 0; i < disposals.length; i++) {
    const given = disposals[i] as Disposal;
    if (!given.taxable || given.section1256) continue;
    if (options.year !== undefined && yearOf(given.soldOn) !== options.year) continue;
    const disposal = given instanceof DisposalView ? given : toView(given);
    const matches = disposal.rawMatches;
    for (let m = 0; m < matches.length; m++) rows.push(Form8949RowView.of(disposal, m));
    const quantity = disposal.quantityUnits - matched(matches, 'quantity');
    const proceeds = disposal.proceedsUnits - matched(matches, 'proceeds');
    const basis = disposal.basisUnits - matched(matches, 'basis');
    if (quantity !== 0 || proceeds !== 0 || basis !== 0) rows.push(Form8949RowView.of(disposal, matches.length));
  }
  return rows;
}

/** The sum of one integer over a disposal's matches. */
function matched(matches: readonly RawMatch[], key: 'quantity' | 'proceeds' | 'basis'): number {
  let sum = 0;
  for (let m = 0; m < matches.length; m++) sum += (matches[m] as RawMatch)[key];
  return sum;
}

/** The integers of the part of a disposal its wash-sale matches do not cover. */
function restOf(disposal: DisposalView): RowUnits {
  const matches = disposal.rawMatches;
  return new RowUnits(disposal.quantityUnits - matched(matches, 'quantity'), disposal.proceedsUnits - matched(matches, 'proceeds'), disposal.basisUnits - matched(matches, 'basis'), 0);
}

/** A disposal that is not one of the engine's, as one: its integers, and its own id. */
function toView(disposal: Disposal): DisposalView {
  const scale = Math.max(disposal.quantity.currency.scale, ...disposal.washMatches.map((m) => m.quantity.currency.scale));
  const sale: SaleFacts = {
    saleId: disposal.saleId, accountId: disposal.accountId, accountType: disposal.accountType, symbol: disposal.symbol, unit: disposal.quantity.currency,
    soldOn: disposal.soldOn, method: disposal.method, taxable: disposal.taxable, section1256: disposal.section1256, form1099B: disposal.form1099B,
    scales: { quantity: scale, usd: disposal.proceeds.currency },
  };
  const view = DisposalView.of(
    sale, disposal.lotId, disposal.originId, disposal.acquiredOn, disposal.holdingPeriodStart, disposal.term, disposal.basisReported,
    toUnits(disposal.quantity, scale), toUnits(disposal.proceeds, 2), toUnits(disposal.basis, 2),
  );
  Object.defineProperty(view, 'id', { value: disposal.id });
  view.rawMatches = disposal.washMatches.map((m) => ({
    disposal: view, replacementOriginId: m.replacementOriginId, replacementLotId: m.replacementLotId, replacementAccountId: m.replacementAccountId,
    replacementAcquiredOn: m.replacementAcquiredOn, replacementUnit: m.replacementQuantity.currency, quantity: toUnits(m.quantity, scale),
    proceeds: toUnits(m.proceeds, 2), basis: toUnits(m.basis, 2), disallowed: toUnits(m.disallowedLoss, 2), permanent: m.permanent,
  }));
  view.disallowedUnits = toUnits(disposal.disallowedLoss, 2);
  view.permanentUnits = toUnits(disposal.permanentlyDisallowedLoss, 2);
  return view;
}

/** A row's integers and, once read, its Money values. */
class RowUnits {
  quantity: Money | undefined = undefined;
  proceeds: Money | undefined = undefined;
  basis: Money | undefined = undefined;
  adjustment: Money | undefined = undefined;
  gain: Money | undefined = undefined;
  constructor(readonly quantityUnits: number, readonly proceedsUnits: number, readonly basisUnits: number, readonly adjustmentUnits: number) {}
}

/**
 * A row: slot `slot` of a disposal, its wash-sale match of that index or, past
 * the last match, the unmatched rest. It holds only the disposal and the slot
 * (most rows of a large run are only summed); its integers and `Money` values
 * are made on first read and kept in one object. Made as an object literal
 * with this prototype, like `DisposalView`, so that V8 allocates the rows of a
 * large run straight in the old generation.
 */
class Form8949RowView implements Form8949Row {
  declare private readonly disposal: DisposalView;
  declare private readonly slot: number;
  declare private made: RowUnits | undefined;

  private constructor() {}

  static of(disposal: DisposalView, slot: number): Form8949RowView {
    const literal = { __proto__: Form8949RowView.prototype, disposal, slot, made: undefined };
    return literal as unknown as Form8949RowView;
  }

  private get values(): RowUnits {
    if (this.made !== undefined) return this.made;
    const match = this.disposal.rawMatches[this.slot];
    this.made = match === undefined ? restOf(this.disposal) : new RowUnits(match.quantity, match.proceeds, match.basis, match.disallowed);
    return this.made;
  }
  get part() { return this.disposal.term === 'short' ? ('I' as const) : ('II' as const); }
  get box() { return boxOf(this.disposal); }
  get disposalId() { return this.disposal.id; }
  get saleId() { return this.disposal.saleId; }
  get accountId() { return this.disposal.accountId; }
  get dateAcquired() { return this.disposal.acquiredOn; }
  get dateSold() { return this.disposal.soldOn; }
  get code() { return this.values.adjustmentUnits === 0 ? ('' as const) : ('W' as const); }
  get quantity() { return (this.values.quantity ??= fromUnits(this.values.quantityUnits, this.disposal.sale.scales.quantity, this.disposal.sale.unit)); }
  get description() { return `${this.quantity.amount.toString()} sh ${this.disposal.symbol}`; }
  get proceeds() { return (this.values.proceeds ??= fromUnits(this.values.proceedsUnits, 2, this.disposal.sale.scales.usd)); }
  get basis() { return (this.values.basis ??= fromUnits(this.values.basisUnits, 2, this.disposal.sale.scales.usd)); }
  get adjustment() { return (this.values.adjustment ??= fromUnits(this.values.adjustmentUnits, 2, this.disposal.sale.scales.usd)); }
  get gain() {
    const values = this.values;
    return (values.gain ??= fromUnits(values.proceedsUnits - values.basisUnits + values.adjustmentUnits, 2, this.disposal.sale.scales.usd));
  }
  toJSON(): Record<string, unknown> {
    return {
      part: this.part, box: this.box, disposalId: this.disposalId, saleId: this.saleId, accountId: this.accountId, quantity: this.quantity.toJSON(),
      description: this.description, dateAcquired: this.dateAcquired, dateSold: this.dateSold, proceeds: this.proceeds.toJSON(),
      basis: this.basis.toJSON(), code: this.code, adjustment: this.adjustment.toJSON(), gain: this.gain.toJSON(),
    };
  }
}
