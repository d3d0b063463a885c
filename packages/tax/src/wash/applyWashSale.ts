import { isoOfDayNumber } from '../_internal/dates.js';
import { type Acquisition, type LotState, type PendingMatch, splitLot } from '../_internal/state.js';
import { allocateUnits, partOf } from '../_internal/units.js';
import type { DisposalView, RawMatch } from '../_internal/views.js';

/** The wash-sale window: 30 days before and 30 days after the sale (IRC section 1091(a)). */
export const washWindowDays = 30;

/** Where the loss sale stands in time, as day numbers (see dates.ts), and the purchases that could replace it. */
export interface LossContext {
  readonly soldDay: number;
  readonly holdingPeriodStartDay: number;
  /** Purchases of the sold security's substantially-identical group, ordered by date then id. */
  readonly candidates: readonly Acquisition[] | undefined;
}

/**
 * The replacements found for the disposal in hand, in three parallel arrays
 * reused from one loss sale to the next (the pass runs for every loss
 * disposal, and one object per replacement was garbage made by the thousand):
 * the purchase, its lot (undefined while the purchase is still to come) and
 * the shares taken. Emptied after each sale, so they keep no engine state alive.
 */
const takenFrom: (Acquisition | undefined)[] = [];
const takenLots: (LotState | undefined)[] = [];
const takenQuantities: number[] = [];

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
 * by shares (allocate: cents rounded down, leftovers first to last), so
 * every slice's basis is its proceeds plus its loss and the slices sum exactly.
 *
 * Records the outcome on `sold` (disallowed, permanent, matches) and mutates
 * the engine state (lots split and re-based, purchases' capacity).
 */
export function applyWashSale(sold: DisposalView, context: LossContext): void {
  const loss = sold.basisUnits - sold.proceedsUnits;
  if (loss <= 0) return;
  const count = findReplacements(sold, context);
  if (count === 0) return;
  matchReplacements(sold, context, loss, count);
  for (let i = 0; i < count; i++) {
    takenFrom[i] = undefined;
    takenLots[i] = undefined;
  }
}

function matchReplacements(sold: DisposalView, context: LossContext, loss: number, count: number): void {
  if (count === 1) {
    // One replacement (the common case): allocate over [matched, unmatched] without the arrays.
    const quantity = takenQuantities[0] as number;
    const lossPart = partOf(loss, quantity, sold.quantityUnits);
    const match = carryLoss(sold, context, 0, partOf(sold.proceedsUnits, quantity, sold.quantityUnits), lossPart);
    sold.rawMatches = [match];
    sold.disallowedUnits = lossPart;
    sold.permanentUnits = match.permanent ? lossPart : 0;
    return;
  }
  const ratios = takenQuantities.slice(0, count);
  let unmatched = sold.quantityUnits;
  for (let i = 0; i < count; i++) unmatched -= ratios[i] as number;
  ratios.push(unmatched);
  const proceedsParts = allocateUnits(sold.proceedsUnits, ratios);
  const lossParts = allocateUnits(loss, ratios);
  const matches = new Array<RawMatch>(count);
  let disallowed = 0;
  let permanent = 0;
  for (let i = 0; i < count; i++) {
    const lossPart = lossParts[i] as number;
    const match = carryLoss(sold, context, i, proceedsParts[i] as number, lossPart);
    matches[i] = match;
    disallowed += lossPart;
    if (match.permanent) permanent += lossPart;
  }
  sold.rawMatches = matches;
  sold.disallowedUnits = disallowed;
  sold.permanentUnits = permanent;
}

/** Fills the `taken*` arrays with the replacements of `sold`, earliest acquired first; returns how many. */
function findReplacements(sold: DisposalView, context: LossContext): number {
  const candidates = context.candidates;
  if (candidates === undefined) return 0;
  const to = context.soldDay + washWindowDays;
  let count = 0;
  let need = sold.quantityUnits;
  for (let i = firstOnOrAfter(candidates, context.soldDay - washWindowDays); i < candidates.length && need > 0; i++) {
    const acquisition = candidates[i] as Acquisition;
    if (acquisition.day > to) break;
    if (acquisition.id === sold.originId) continue;
    if (!acquisition.processed) {
      const quantity = Math.min(need, acquisition.capacity);
      if (quantity <= 0) continue;
      acquisition.capacity -= quantity;
      takenFrom[count] = acquisition;
      takenLots[count] = undefined;
      takenQuantities[count] = quantity;
      count++;
      need -= quantity;
      continue;
    }
    // Only read here: lots split off below (carryLoss) join the list after the search.
    const lots = acquisition.lots;
    for (let j = 0; j < lots.length && need > 0; j++) {
      const lot = lots[j] as LotState;
      if (lot.usedAsReplacement || lot.quantity === 0) continue;
      const quantity = Math.min(need, lot.quantity);
      takenFrom[count] = acquisition;
      takenLots[count] = lot;
      takenQuantities[count] = quantity;
      count++;
      need -= quantity;
    }
  }
  return count;
}

/** The match of replacement `k` (see `takenFrom`): the slice's loss goes into the replacement lot, or waits for the purchase. */
function carryLoss(sold: DisposalView, context: LossContext, k: number, proceeds: number, loss: number): RawMatch {
  const acquisition = takenFrom[k] as Acquisition;
  const taken = takenLots[k];
  const quantity = takenQuantities[k] as number;
  const permanent = acquisition.permanent;
  const lot = taken === undefined ? undefined : quantity === taken.quantity ? taken : splitLot(taken, quantity);
  const match: RawMatch = {
    disposal: sold,
    replacementOriginId: acquisition.id,
    replacementLotId: lot === undefined ? '' : lot.id,
    replacementAccountId: acquisition.accountId,
    replacementAcquiredOn: acquisition.date,
    replacementUnit: lot === undefined ? sold.sale.unit : lot.unit,
    quantity,
    proceeds,
    basis: proceeds + loss,
    disallowed: loss,
    permanent,
  };
  if (lot === undefined) {
    // The purchase is still to come: its lot takes the loss when it is created.
    const entry: PendingMatch = { soldStartDay: context.holdingPeriodStartDay, soldDay: context.soldDay, match };
    const pending = acquisition.pending;
    if (pending === undefined) acquisition.pending = [entry];
    else pending.push(entry);
    return match;
  }
  lot.usedAsReplacement = true;
  if (!permanent) rebase(lot, loss, context.holdingPeriodStartDay, context.soldDay);
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
