import type { Money } from '@kronos/core-ledger';
import { DisposalView, type RawDisposal, type Scales } from '../_internal/views.js';
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
  for (const disposal of disposals) {
    if (!disposal.taxable || disposal.section1256) continue;
    if (options.year !== undefined && yearOf(disposal.soldOn) !== options.year) continue;
    const { raw, scales } = disposal instanceof DisposalView ? disposal : toRaw(disposal);
    let quantity = raw.quantity;
    let proceeds = raw.proceeds;
    let basis = raw.basis;
    for (const match of raw.matches) {
      rows.push(new Form8949RowView(raw, scales, match.quantity, match.proceeds, match.basis, match.disallowed));
      quantity -= match.quantity;
      proceeds -= match.proceeds;
      basis -= match.basis;
    }
    if (quantity === 0 && proceeds === 0 && basis === 0) continue;
    rows.push(new Form8949RowView(raw, scales, quantity, proceeds, basis, 0));
  }
  return rows;
}

/** The integer form of a disposal that is not one of the engine's views. */
function toRaw(disposal: Disposal): { raw: RawDisposal; scales: Scales } {
  const scale = Math.max(disposal.quantity.currency.scale, ...disposal.washMatches.map((m) => m.quantity.currency.scale));
  const scales = { quantity: scale, usd: disposal.proceeds.currency };
  const matches = disposal.washMatches.map((m) => ({
    ...m, quantity: toUnits(m.quantity, scale), replacementQuantity: toUnits(m.replacementQuantity, scale), soldUnit: m.quantity.currency,
    replacementUnit: m.replacementQuantity.currency, proceeds: toUnits(m.proceeds, 2), basis: toUnits(m.basis, 2), disallowed: toUnits(m.disallowedLoss, 2),
  }));
  const raw: RawDisposal = {
    ...disposal, unit: disposal.quantity.currency, quantity: toUnits(disposal.quantity, scale), proceeds: toUnits(disposal.proceeds, 2),
    basis: toUnits(disposal.basis, 2), disallowed: toUnits(disposal.disallowedLoss, 2), permanent: toUnits(disposal.permanentlyDisallowedLoss, 2), matches,
  };
  return { raw, scales };
}

class RowValues {
  quantity: Money | undefined = undefined;
  proceeds: Money | undefined = undefined;
  basis: Money | undefined = undefined;
  adjustment: Money | undefined = undefined;
  gain: Money | undefined = undefined;
}

/** A row whose Money values are made when first read, kept in one object made then (see views.ts): a slice of one disposal. */
class Form8949RowView implements Form8949Row {
  #values: RowValues | undefined;
  constructor(
    private readonly disposal: RawDisposal,
    private readonly scales: Scales,
    private readonly quantityUnits: number,
    private readonly proceedsUnits: number,
    private readonly basisUnits: number,
    private readonly adjustmentUnits: number,
  ) {}
  private get values(): RowValues { return (this.#values ??= new RowValues()); }
  get part() { return this.disposal.term === 'short' ? ('I' as const) : ('II' as const); }
  get box() { return boxOf(this.disposal); }
  get disposalId() { return this.disposal.id; }
  get saleId() { return this.disposal.saleId; }
  get accountId() { return this.disposal.accountId; }
  get dateAcquired() { return this.disposal.acquiredOn; }
  get dateSold() { return this.disposal.soldOn; }
  get code() { return this.adjustmentUnits === 0 ? ('' as const) : ('W' as const); }
  get quantity() { return (this.values.quantity ??= fromUnits(this.quantityUnits, this.scales.quantity, this.disposal.unit)); }
  get description() { return `${this.quantity.amount.toString()} sh ${this.disposal.symbol}`; }
  get proceeds() { return (this.values.proceeds ??= fromUnits(this.proceedsUnits, 2, this.scales.usd)); }
  get basis() { return (this.values.basis ??= fromUnits(this.basisUnits, 2, this.scales.usd)); }
  get adjustment() { return (this.values.adjustment ??= fromUnits(this.adjustmentUnits, 2, this.scales.usd)); }
  get gain() { return (this.values.gain ??= fromUnits(this.proceedsUnits - this.basisUnits + this.adjustmentUnits, 2, this.scales.usd)); }
  toJSON(): Record<string, unknown> {
    return {
      part: this.part, box: this.box, disposalId: this.disposalId, saleId: this.saleId, accountId: this.accountId, quantity: this.quantity.toJSON(),
      description: this.description, dateAcquired: this.dateAcquired, dateSold: this.dateSold, proceeds: this.proceeds.toJSON(),
      basis: this.basis.toJSON(), code: this.code, adjustment: this.adjustment.toJSON(), gain: this.gain.toJSON(),
    };
  }
}
