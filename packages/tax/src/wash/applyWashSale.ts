import { isoOfDayNumber } from '../_internal/dates.js';
import { type Acquisition, type LotState, splitLot } from '../_internal/state.js';
import { allocateUnits, partOf } from '../_internal/units.js';
import type { RawDisposal, RawMatch } from '../_internal/views.js';

/** The wash-sale window: 30 days before and 30 days after the sale (IRC section 1091(a)). */
export const washWindowDays = 30;

/** A disposal at a loss, as the wash-sale pass sees it (integers: quantity at the common scale, USD in cents). */
export type LossDisposal = Pick<RawDisposal, 'id' | 'originId' | 'unit' | 'soldOn' | 'holdingPeriodStart' | 'quantity' | 'proceeds' | 'basis'>;

/** Where the loss sale stands in time, as day numbers (see dates.ts), and the purchases that could replace it. */
export interface LossContext {
  readonly soldDay: number;
  readonly holdingPeriodStartDay: number;
  /** Purchases of the sold security's substantially-identical group, ordered by date then id. */
  readonly candidates: readonly Acquisition[] | undefined;
}

/** What the wash-sale pass decided for one disposal. */
export interface WashOutcome {
  readonly matches: readonly RawMatch[];
  readonly disallowed: number;
  readonly permanent: number;
}

interface Take {
  readonly acquisition: Acquisition;
  readonly lot: LotState | undefined;
  readonly quantity: number;
  readonly permanent: boolean;
}

const none: WashOutcome = { matches: [], disallowed: 0, permanent: 0 };

/**
 * Applies IRC section 1091 to one disposal at a loss (Treas. Reg. 1.1091-1):
 * replacement shares are purchases of a substantially identical security in
 * any of the taxpayer's (and an opted-in spouse's) accounts within 30 days
 * before or after the sale, matched earliest-acquired first (Reg. 1.1091-1(b),
 * (c)), each share used as a replacement once. Shares of the same acquisition
 * as the sold lot are never its replacement, nor are shares sold in the same
 * sale (they are relieved before matching). A purchase before the sale counts
 * only for shares still held at the sale. The loss on the matched shares is
 * disallowed; it is added to the replacement lot's basis and the sold shares'
 * holding period is tacked onto it (Reg. 1.1091-2, IRC 1223(3)), except that a
 * replacement bought in an IRA or Roth IRA disallows the loss for good with no
 * basis added (Rev. Rul. 2008-5). A partial match disallows only the matched
 * part: the proceeds and the loss are allocated over [matched..., unmatched]
 * by share counts (allocate: cents rounded down, leftovers first to last), so
 * every slice's basis is its proceeds plus its loss and the slices sum exactly.
 *
 * Mutates the engine state (lots split and re-based, purchases' capacity).
 */
export function applyWashSale(sold: LossDisposal, context: LossContext): WashOutcome {
  const loss = sold.basis - sold.proceeds;
  if (loss <= 0) return none;
  const takes = findReplacements(sold, context);
  if (takes.length === 0) return none;
  let unmatched = sold.quantity;
  for (const take of takes) unmatched -= take.quantity;
  const matches: RawMatch[] = [];
  let disallowed = 0;
  let permanent = 0;
  if (takes.length === 1) {
    // One replacement (the common case): allocate over [matched, unmatched] without the arrays.
    const take = takes[0] as Take;
    const slice = { proceeds: partOf(sold.proceeds, take.quantity, sold.quantity), loss: partOf(loss, take.quantity, sold.quantity) };
    matches.push(carryLoss(sold, context, take, slice));
    return { matches, disallowed: slice.loss, permanent: take.permanent ? slice.loss : 0 };
  }
  const ratios = [...takes.map((take) => take.quantity), unmatched];
  const proceedsParts = allocateUnits(sold.proceeds, ratios);
  const lossParts = allocateUnits(loss, ratios);
  takes.forEach((take, i) => {
    const slice = { proceeds: proceedsParts[i] ?? 0, loss: lossParts[i] ?? 0 };
    matches.push(carryLoss(sold, context, take, slice));
    disallowed += slice.loss;
    if (take.permanent) permanent += slice.loss;
  });
  return { matches, disallowed, permanent };
}

function findReplacements(sold: LossDisposal, context: LossContext): Take[] {
  const candidates = context.candidates;
  if (candidates === undefined) return [];
  const to = context.soldDay + washWindowDays;
  const takes: Take[] = [];
  let need = sold.quantity;
  for (let i = firstOnOrAfter(candidates, context.soldDay - washWindowDays); i < candidates.length && need > 0; i++) {
    const acquisition = candidates[i] as Acquisition;
    if (acquisition.day > to) break;
    if (acquisition.id === sold.originId) continue;
    const permanent = acquisition.permanent;
    if (!acquisition.processed) {
      const quantity = Math.min(need, acquisition.capacity);
      if (quantity <= 0) continue;
      acquisition.capacity -= quantity;
      takes.push({ acquisition, lot: undefined, quantity, permanent });
      need -= quantity;
      continue;
    }
    // Only read here: lots split off below (carryLoss) join the list after the search.
    for (const lot of acquisition.lots) {
      if (need <= 0) break;
      if (lot.usedAsReplacement || lot.quantity === 0) continue;
      const quantity = Math.min(need, lot.quantity);
      takes.push({ acquisition, lot, quantity, permanent });
      need -= quantity;
    }
  }
  return takes;
}

function carryLoss(sold: LossDisposal, context: LossContext, take: Take, slice: { proceeds: number; loss: number }): RawMatch {
  const lot = take.lot === undefined ? undefined : take.quantity === take.lot.quantity ? take.lot : splitLot(take.lot, take.quantity);
  const match: RawMatch = {
    disposalId: sold.id,
    replacementOriginId: take.acquisition.id,
    replacementLotId: lot === undefined ? '' : lot.id,
    replacementAccountId: take.acquisition.accountId,
    replacementAcquiredOn: take.acquisition.date,
    quantity: take.quantity,
    replacementQuantity: take.quantity,
    soldUnit: sold.unit,
    replacementUnit: lot === undefined ? sold.unit : lot.unit,
    proceeds: slice.proceeds,
    basis: slice.proceeds + slice.loss,
    disallowed: slice.loss,
    permanent: take.permanent,
  };
  if (lot === undefined) {
    // The purchase is still to come: its lot takes the loss when it is created.
    const entry = { quantity: take.quantity, loss: slice.loss, soldStartDay: context.holdingPeriodStartDay, soldDay: context.soldDay, permanent: take.permanent, match };
    const pending = take.acquisition.pending;
    if (pending === undefined) take.acquisition.pending = [entry];
    else pending.push(entry);
    return match;
  }
  lot.usedAsReplacement = true;
  if (!take.permanent) rebase(lot, slice.loss, context.holdingPeriodStartDay, context.soldDay);
  return match;
}

/**
 * Adds a disallowed loss to a replacement lot and tacks the sold shares' holding
 * period on (`tackHoldingPeriod` on day numbers: the replacement's acquisition
 * moved back by the days the sold shares were held).
 */
export function rebase(lot: LotState, loss: number, soldStartDay: number, soldDay: number): void {
  lot.basis += loss;
  lot.washAdjustment += loss;
  const tacked = lot.acquiredDay - (soldDay - soldStartDay);
  if (tacked < lot.holdingPeriodStartDay) {
    lot.holdingPeriodStartDay = tacked;
    lot.holdingPeriodStart = isoOfDayNumber(tacked);
  }
}

function firstOnOrAfter(list: readonly Acquisition[], day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Acquisition).day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
