import { KronosError, Money, asset, currency } from '@kronos/core-ledger';
import { anniversaryDayOf, dayNumberOf, yearOf } from '../_internal/dates.js';
import { createGroupResolver } from '../_internal/groups.js';
import { type Acquisition, type EngineState, type LotState, type PendingMatch, type Position, type RecordUnits, candidatesOf, detachFromOrigin, insertLot, positionOf, pruneLots, toRawLot } from '../_internal/state.js';
import { ExactSum, allocateUnits, checkedUnits, fractionOf, fromUnits, toSafeUnits, toUnits } from '../_internal/units.js';
import { DisposalView, LotView, type SaleFacts } from '../_internal/views.js';
import type { BuyRecord, LotMethod, ReinvestRecord, SellRecord, SplitRecord, SymbolChangeRecord, TaxProfile, TaxProfileInput, TaxRecord, TransferInRecord } from '../records/schemas.js';
import { applyWashSale, rebase } from '../wash/applyWashSale.js';
import { isValidatedTaxRecords, parseTaxProfile, parseTaxRecords } from './parseRecords.js';
import { planUnits } from './planRelief.js';
import type { TaxLotLedger } from './types.js';

/** Same-day order: corporate actions, then acquisitions, then sales; then by record id. */
const phaseOf: Readonly<Record<TaxRecord['kind'], number>> = { split: 0, symbolChange: 0, buy: 1, reinvest: 1, transferIn: 1, sell: 2 };

/**
 * Builds the taxpayer's lot ledgers from trade records and relieves lots on
 * every sale, running the wash-sale rule across all the taxpayer's accounts
 * (and an opted-in spouse's) as it goes, so chains of wash sales carry through.
 *
 * Records are processed by date; on one day corporate actions come first, then
 * purchases, then sales, each group in ascending record id. That is the
 * documented same-day rule: the result does not depend on the order records are
 * given in, and loss sales on one day take replacements in record-id order.
 *
 * Amounts are exact: inside, USD are integer cents and quantities integers at
 * the largest asset scale in the records; results are read-only views whose
 * `Money` values are made when first read.
 *
 * @param records - buy, reinvest, transferIn, sell, split and symbolChange records
 *   (validated here, unless they come from `parseTaxRecords`)
 * @param profile - accounts, lot methods per account and year, substantially-identical groups
 * @throws KronosError `INVALID_INPUT`, `NOT_FOUND` (unknown account), `IDEMPOTENCY_CONFLICT`,
 *   `INSUFFICIENT_SHARES`, `LOT_NOT_FOUND`, `AMOUNT_TOO_LARGE` (an amount or total beyond 2^53 smallest units)
 *
 * @example
 * ```ts
 * const usd = (amount: string) => ({ amount, currency: 'USD', scale: 2 });
 * const x = (amount: string) => ({ amount, currency: 'X', scale: 0 });
 * const ledger = computeTaxLots([
 *   { kind: 'buy', id: 'b1', accountId: 'brokerage', date: '2024-01-02', symbol: 'X', quantity: x('100'), cost: usd('1000.00') },
 *   { kind: 'sell', id: 's1', accountId: 'brokerage', date: '2024-03-01', symbol: 'X', quantity: x('100'), proceeds: usd('750.00') },
 *   { kind: 'buy', id: 'b2', accountId: 'brokerage', date: '2024-03-15', symbol: 'X', quantity: x('100'), cost: usd('800.00') },
 * ], { accounts: [{ id: 'brokerage', type: 'taxable' }] });
 * ledger.disposals[0]?.disallowedLoss.toString(); //=> '250.00'
 * ledger.openLots[0]?.basis.toString(); //=> '1050.00'
 * ```
 */
export function computeTaxLots(records: readonly unknown[], profile: TaxProfileInput): TaxLotLedger {
  const parsedProfile = parseTaxProfile(profile);
  const { records: parsed, days } = sortRecords(isValidatedTaxRecords(records) ? records : parseTaxRecords(records));
  const state = createEngineState(parsedProfile, parsed, days);
  const disposals: DisposalView[] = [];
  let acquired = 0;
  for (let index = 0; index < parsed.length; index++) {
    const record = parsed[index] as TaxRecord;
    switch (record.kind) {
      case 'buy':
      case 'reinvest':
      case 'transferIn':
        if (record.kind === 'transferIn') transferIn(state, record, unitsOf(state, index));
        else acquire(state, record, unitsOf(state, index), index);
        acquired += unitsOf(state, index).usd;
        break;
      case 'sell':
        sell(state, record, unitsOf(state, index), index, disposals);
        break;
      case 'split':
        split(state, record);
        break;
      case 'symbolChange':
        changeSymbol(state, record);
        break;
    }
  }
  const positions: Position[] = [];
  for (const bySymbol of state.positions.values()) for (const position of bySymbol.values()) if (position.lots.length > 0) positions.push(position);
  positions.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const openLots = positions.flatMap((position) => position.lots.map((lot) => new LotView(toRawLot(lot), state.scales)));
  return { openLots, disposals, totals: sumTotals(disposals, acquired, state) };
}

/** The units of the trade record at `index` in the sorted records. */
function unitsOf(state: EngineState, index: number): RecordUnits {
  return state.units[index] as RecordUnits;
}

function compareIds(a: TaxRecord, b: TaxRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The records in processing order: by date, then phase (`phaseOf`), then id.
 * Date and phase make one small integer key, so the records are bucketed by
 * key (a counting sort) and only the records of one key are compared by id:
 * far fewer string comparisons than one comparison sort over everything.
 */
function sortRecords(records: readonly TaxRecord[]): { records: TaxRecord[]; days: Int32Array } {
  const count = records.length;
  if (count === 0) return { records: [], days: new Int32Array(0) };
  const keys = new Float64Array(count);
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const record = records[i] as TaxRecord;
    const key = dayNumberOf(record.date) * 3 + phaseOf[record.kind];
    keys[i] = key;
    if (key < low) low = key;
    if (key > high) high = key;
  }
  const span = high - low + 1;
  // Records spread over more days than a counting sort pays for: one comparison sort by key, then id.
  if (!(span <= 4 * count + 1_024)) {
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || compareIds(records[a] as TaxRecord, records[b] as TaxRecord));
    return { records: order.map((i) => records[i] as TaxRecord), days: Int32Array.from(order, (i) => Math.floor((keys[i] as number) / 3)) };
  }
  const starts = new Uint32Array(span + 1);
  for (let i = 0; i < count; i++) {
    const bucket = (keys[i] as number) - low + 1;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  for (let k = 1; k <= span; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number);
  const sorted = new Array<TaxRecord>(count);
  const days = new Int32Array(count);
  const next = starts.slice(0, span);
  for (let i = 0; i < count; i++) {
    const key = keys[i] as number;
    const at = next[key - low] as number;
    sorted[at] = records[i] as TaxRecord;
    days[at] = Math.floor(key / 3);
    next[key - low] = at + 1;
  }
  for (let k = 0; k < span; k++) {
    const start = starts[k] as number;
    const end = starts[k + 1] as number;
    if (end - start < 2) continue;
    const bucket = sorted.slice(start, end).sort(compareIds);
    for (let i = 0; i < bucket.length; i++) sorted[start + i] = bucket[i] as TaxRecord;
  }
  return { records: sorted, days };
}

function createEngineState(profile: TaxProfile, records: readonly TaxRecord[], days: Int32Array): EngineState {
  const accounts = new Map(profile.accounts.map((account) => [account.id, account]));
  const pairs: [string, string][] = [];
  let quantityScale = 0;
  for (const record of records) {
    if (record.kind === 'symbolChange') pairs.push([record.symbol, record.newSymbol]);
    else if (record.kind !== 'split') {
      quantityScale = Math.max(quantityScale, record.quantity.currency.scale);
      if (record.cusip !== undefined) pairs.push([record.symbol, `cusip:${record.cusip.toUpperCase()}`]);
    }
  }
  // By position in the sorted records: an array index is cheaper than a look-up by id on every trade.
  const units: (RecordUnits | undefined)[] = new Array(records.length);
  const state: EngineState = {
    profile,
    accounts,
    groups: createGroupResolver({ groups: profile.substantiallyIdentical, pairs }),
    scales: { quantity: quantityScale, usd: currency('USD') },
    permanentTypes: new Set(profile.permanentReplacementTypes),
    positions: new Map(),
    acquisitions: new Map(),
    section1256: new Set(profile.section1256Symbols),
    units,
    days,
    seq: 0,
  };
  // Every sum the engine makes is bounded by these totals (a wash-sale chain moves basis, it never creates it), so checking them keeps every sum exact.
  let quantityTotal = 0;
  let usdTotal = 0;
  records.forEach((record, index) => {
    const account = accounts.get(record.accountId);
    if (account === undefined) {
      throw new KronosError('NOT_FOUND', `Record '${record.id}' names account '${record.accountId}', which is not in the profile: add it to profile.accounts.`, { id: record.id, accountId: record.accountId });
    }
    if (account.owner === 'spouse' && !profile.includeSpouse) {
      throw new KronosError('INVALID_INPUT', `Record '${record.id}' is in the spouse's account '${account.id}': set includeSpouse: true to include the spouse's accounts, or leave their records out.`, { id: record.id, accountId: account.id });
    }
    if (record.kind !== 'split' && record.kind !== 'symbolChange') {
      const usd = record.kind === 'sell' ? record.proceeds : record.kind === 'transferIn' ? record.basis : record.cost;
      const recordUnits: RecordUnits = {
        quantity: toUnits(record.quantity, quantityScale), usd: toUnits(usd, usd.currency.scale), account,
        position: positionOf(state, record.accountId, record.symbol), acquisition: undefined,
      };
      units[index] = recordUnits;
      quantityTotal += recordUnits.quantity;
      usdTotal += Math.abs(recordUnits.usd);
    }
  });
  checkedUnits(quantityTotal, 'The total of the records\' share quantities');
  checkedUnits(usdTotal, 'The total of the records\' USD amounts');
  indexAcquisitions(state, records);
  return state;
}

/** Every purchase up front: a loss sale can be washed by a purchase up to 30 days later. */
function indexAcquisitions(state: EngineState, records: readonly TaxRecord[]): void {
  records.forEach((record, index) => {
    if ((record.kind !== 'buy' && record.kind !== 'reinvest') || (state.section1256.size > 0 && state.section1256.has(record.symbol))) return;
    const units = unitsOf(state, index);
    const acquisition: Acquisition = {
      id: record.id, accountId: record.accountId, date: record.date, day: state.days[index] as number, permanent: state.permanentTypes.has(units.account.type),
      capacity: units.quantity, processed: false, lots: [], pending: undefined,
    };
    candidatesOf(state, units.position, record.symbol).push(acquisition); // records are sorted, so each list is in date then id order
    units.acquisition = acquisition;
  });
}

interface NewLotFields {
  readonly id: string;
  readonly originId: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly unit: LotState['unit'];
  readonly quantity: number;
  readonly basis: number;
  readonly acquiredOn: string;
  readonly acquiredDay: number;
  readonly holdingPeriodStart: string;
  readonly holdingPeriodStartDay: number;
  readonly basisReported: boolean;
  readonly position: Position;
  readonly origin: Acquisition | undefined;
}

function newLot(state: EngineState, f: NewLotFields): LotState {
  state.seq += 1;
  return {
    id: f.id, originId: f.originId, accountId: f.accountId, symbol: f.symbol, unit: f.unit, quantity: f.quantity, basis: f.basis,
    washAdjustment: 0, acquiredOn: f.acquiredOn, holdingPeriodStart: f.holdingPeriodStart, acquiredDay: f.acquiredDay,
    holdingPeriodStartDay: f.holdingPeriodStartDay, basisReported: f.basisReported, usedAsReplacement: false, seq: state.seq, splits: 0,
    position: f.position, origin: f.origin,
  };
}

/** A lot of the purchase `record` (the record at `index`). */
function purchaseLot(state: EngineState, record: BuyRecord | ReinvestRecord, index: number, id: string, quantity: number, basis: number): LotState {
  const units = unitsOf(state, index);
  const day = state.days[index] as number;
  return newLot(state, {
    id, originId: record.id, accountId: record.accountId, symbol: record.symbol, unit: record.quantity.currency, quantity, basis,
    acquiredOn: record.date, acquiredDay: day, holdingPeriodStart: record.date, holdingPeriodStartDay: day, basisReported: record.basisReported,
    position: units.position, origin: units.acquisition,
  });
}

/** A purchase becomes a lot; parts already matched as wash-sale replacements become their own lots. */
function acquire(state: EngineState, record: BuyRecord | ReinvestRecord, units: RecordUnits, index: number): void {
  const acquisition = units.acquisition;
  const pending = acquisition?.pending;
  if (acquisition !== undefined) {
    acquisition.processed = true;
    acquisition.pending = undefined;
  }
  const { quantity, usd: cost } = units;
  if (pending === undefined) {
    insertLot(purchaseLot(state, record, index, record.id, quantity, cost));
    return;
  }
  const weights = new Array<number>(pending.length + 1);
  let rest = quantity;
  for (let i = 0; i < pending.length; i++) {
    const matched = (pending[i] as PendingMatch).match.quantity;
    weights[i] = matched;
    rest -= matched;
  }
  weights[pending.length] = rest;
  const costParts = allocateUnits(cost, weights);
  for (let i = 0; i < pending.length; i++) {
    const { match, soldStartDay, soldDay } = pending[i] as PendingMatch;
    const lot = purchaseLot(state, record, index, `${record.id}/w${i + 1}`, match.quantity, costParts[i] as number);
    lot.usedAsReplacement = true;
    if (!match.permanent) rebase(lot, match.disallowed, soldStartDay, soldDay);
    match.replacementLotId = lot.id;
    match.replacementUnit = lot.unit;
    insertLot(lot);
  }
  if (rest > 0) insertLot(purchaseLot(state, record, index, record.id, rest, costParts[pending.length] as number));
}

function transferIn(state: EngineState, record: TransferInRecord, units: RecordUnits): void {
  const holdingPeriodStart = record.holdingPeriodStart ?? record.acquiredOn;
  insertLot(newLot(state, {
    id: record.id,
    originId: record.id,
    accountId: record.accountId,
    symbol: record.symbol,
    unit: record.quantity.currency,
    quantity: units.quantity,
    basis: units.usd,
    acquiredOn: record.acquiredOn,
    acquiredDay: dayNumberOf(record.acquiredOn),
    holdingPeriodStart,
    holdingPeriodStartDay: dayNumberOf(holdingPeriodStart),
    basisReported: record.basisReported,
    position: units.position,
    // Transfers in are not purchases: never a wash-sale replacement.
    origin: undefined,
  }));
}

/**
 * The lot method for an account in a year: a rule for the account and the
 * year wins, then one for the account, then one for the year, then the default.
 *
 * @example
 * ```ts
 * resolveLotMethod({ defaultMethod: 'fifo', methods: [{ accountId: 'ira', method: 'hifo' }] }, 'ira', 2024); //=> 'hifo'
 * ```
 */
export function resolveLotMethod(profile: Pick<TaxProfile, 'methods' | 'defaultMethod'>, accountId: string, year: number): LotMethod {
  let best: { score: number; method: LotMethod } = { score: -1, method: profile.defaultMethod };
  for (const rule of profile.methods) {
    if ((rule.accountId !== undefined && rule.accountId !== accountId) || (rule.year !== undefined && rule.year !== year)) continue;
    const score = (rule.accountId !== undefined ? 2 : 0) + (rule.year !== undefined ? 1 : 0);
    if (score > best.score) best = { score, method: rule.method };
  }
  return best.method;
}

/** Relieves the lots a sale takes and appends its disposals (wash sales applied) to `disposals`. */
function sell(state: EngineState, record: SellRecord, units: RecordUnits, index: number, disposals: DisposalView[]): void {
  const account = units.account;
  const position = units.position;
  const soldDay = state.days[index] as number;
  const method = state.profile.methods.length === 0 ? state.profile.defaultMethod : resolveLotMethod(state.profile, record.accountId, yearOf(record.date));
  const scale = state.scales.quantity;
  const { quantity, usd: proceeds } = units;
  const plan = planUnits({
    lots: position.lots,
    available: position.held,
    quantity,
    proceeds,
    scale,
    symbol: record.symbol,
    method,
    soldOn: record.date,
    picks: record.lots?.map((pick) => ({ lotId: pick.lotId, quantity: toUnits(pick.quantity, scale) })),
    rates: state.profile.rates,
  });
  const pieces = plan.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as (typeof pieces)[number];
    piece.lot.quantity -= piece.quantity;
    if (method !== 'average') piece.lot.basis -= piece.basis;
    piece.lot.washAdjustment -= piece.washAdjustment;
  }
  const rebasis = plan.rebasis;
  for (let i = 0; i < rebasis.length; i++) (rebasis[i] as (typeof rebasis)[number]).lot.basis = (rebasis[i] as (typeof rebasis)[number]).basis;
  position.held -= quantity;
  pruneLots(position);
  const proceedsParts = pieces.length === 1 ? undefined : allocateUnits(proceeds, pieces.map((piece) => piece.quantity));
  const section1256 = state.section1256.size > 0 && state.section1256.has(record.symbol);
  const taxable = account.type === 'taxable';
  const checkWash = taxable && !section1256;
  const sale: SaleFacts = {
    saleId: record.id, accountId: record.accountId, accountType: account.type, symbol: record.symbol, unit: record.quantity.currency,
    soldOn: record.date, method, taxable, section1256, form1099B: record.form1099B, scales: state.scales,
  };
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as (typeof pieces)[number];
    const lot = piece.lot;
    const disposal = DisposalView.of(
      sale, lot.id, lot.originId, lot.acquiredOn, lot.holdingPeriodStart, soldDay > anniversaryDayOf(lot.holdingPeriodStartDay) ? 'long' : 'short',
      lot.basisReported, piece.quantity, proceedsParts === undefined ? proceeds : (proceedsParts[i] as number), piece.basis,
    );
    if (checkWash && disposal.basisUnits > disposal.proceedsUnits) {
      applyWashSale(disposal, { soldDay, holdingPeriodStartDay: lot.holdingPeriodStartDay, candidates: candidatesOf(state, position, record.symbol) });
    }
    disposals.push(disposal);
  }
}

function split(state: EngineState, record: SplitRecord): void {
  const position = positionOf(state, record.accountId, record.symbol);
  const [numerator, denominator] = fractionOf(record.ratio);
  for (const lot of position.lots) {
    // Fractions of a share beyond the asset's scale are paid as cash in lieu, which is not modelled: quantities round down.
    const step = 10n ** BigInt(state.scales.quantity - lot.unit.scale);
    lot.quantity = toSafeUnits(((BigInt(lot.quantity) * numerator) / denominator / step) * step, `The shares of ${record.symbol} after the split on ${record.date}`);
  }
  // Beyond 2^53 this sum is not exact; planUnits then sums and checks the lots itself, as it refuses such a total.
  let held = 0;
  for (const lot of position.lots) held += lot.quantity;
  position.held = held;
  pruneLots(position);
}

function changeSymbol(state: EngineState, record: SymbolChangeRecord): void {
  const from = positionOf(state, record.accountId, record.symbol);
  const to = positionOf(state, record.accountId, record.newSymbol);
  const lots = from.lots;
  from.lots = [];
  from.held = 0;
  for (const lot of lots) {
    // Re-inserted below, so the lot moves to the end of its purchase's lots, as a newly inserted lot would.
    detachFromOrigin(lot);
    lot.symbol = record.newSymbol;
    lot.unit = asset(record.newSymbol, lot.unit.scale);
    lot.position = to;
    insertLot(lot);
  }
}

function sumTotals(disposals: readonly DisposalView[], acquired: number, state: EngineState): TaxLotLedger['totals'] {
  const carried = new ExactSum();
  const permanent = new ExactSum();
  for (let i = 0; i < disposals.length; i++) {
    const disposal = disposals[i] as DisposalView;
    if (disposal.disallowedUnits !== 0) carried.add(disposal.disallowedUnits - disposal.permanentUnits);
    if (disposal.permanentUnits !== 0) permanent.add(disposal.permanentUnits);
  }
  const usd = state.scales.usd;
  return { acquiredBasis: fromUnits(acquired, 2, usd), disallowedCarried: Money.fromMinorUnits(carried.total(), usd), disallowedPermanent: Money.fromMinorUnits(permanent.total(), usd) };
}
