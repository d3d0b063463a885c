import { type Currency, KronosError, Money, asset, currency } from '@kronos/core-ledger';
import { anniversaryDayOf, dayNumberOf, yearOf } from '../_internal/dates.js';
import { createGroupResolver } from '../_internal/groups.js';
import { type Acquisition, type EngineState, type LotState, type PendingMatch, type Position, type RecordUnits, candidatesOf, detachFromOrigin, insertLot, noLots, positionOf, pruneLots, toRawLot } from '../_internal/state.js';
import { ExactSum, allocateUnits, checkedUnits, fractionOf, fromUnits, pow10, toSafeUnits, toUnits } from '../_internal/units.js';
import { DisposalView, LotView, type SaleFacts } from '../_internal/views.js';
import type { BuyRecord, LotMethod, ReinvestRecord, SellRecord, SplitRecord, SymbolChangeRecord, TaxAccount, TaxProfile, TaxProfileInput, TaxRecord, TransferInRecord } from '../records/schemas.js';
import { applyWashSale, rebase } from '../wash/applyWashSale.js';
import { isValidatedTaxRecords, parseTaxProfile, parseTaxRecords, usdAmountOf } from './parseRecords.js';
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
  const { state, records: parsed } = createEngineState(parsedProfile, isValidatedTaxRecords(records) ? records : parseTaxRecords(records));
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
 * The order the records are processed in: by date, then phase (`phaseOf`),
 * then id, given each record's `keys` entry (day number x 3 + phase). The
 * records are bucketed by key (a counting sort) and only the records of one
 * key are compared by id: far fewer string comparisons than one comparison
 * sort over everything. `order[k]` is the input index of the k-th record.
 */
function sortRecords(records: readonly TaxRecord[], keys: Float64Array, low: number, high: number): Int32Array {
  const count = records.length;
  const span = high - low + 1;
  // Records spread over more days than a counting sort pays for: one comparison sort by key, then id.
  if (!(span <= 4 * count + 1_024)) {
    return Int32Array.from(
      Array.from({ length: count }, (_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || compareIds(records[a] as TaxRecord, records[b] as TaxRecord)),
    );
  }
  const starts = new Uint32Array(span + 1);
  for (let i = 0; i < count; i++) {
    const bucket = (keys[i] as number) - low + 1;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  for (let k = 1; k <= span; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number);
  const order = new Int32Array(count);
  const next = starts.slice(0, span);
  for (let i = 0; i < count; i++) {
    const bucket = (keys[i] as number) - low;
    const at = next[bucket] as number;
    order[at] = i;
    next[bucket] = at + 1;
  }
  const byId = (a: number, b: number) => compareIds(records[a] as TaxRecord, records[b] as TaxRecord);
  for (let k = 0; k < span; k++) {
    const start = starts[k] as number;
    const end = starts[k + 1] as number;
    if (end - start >= 2) order.subarray(start, end).sort(byId);
  }
  return order;
}

/** A record's sort key: its day number and same-day phase in one integer. */
function sortKeyOf(record: TaxRecord, day: number): number {
  return day * 3 + phaseOf[record.kind];
}

/** What `createEngineState` reads from each record, by input index. */
interface RecordReading {
  readonly keys: Float64Array;
  /** Quantity units at the record's own asset scale, and that scale. */
  readonly quantities: Float64Array;
  readonly scalesOf: Uint8Array;
  readonly units: (Currency | undefined)[];
  readonly usd: Float64Array;
  readonly accounts: (TaxAccount | undefined)[];
  readonly positions: (Position | undefined)[];
  readonly acquisitions: (Acquisition | undefined)[];
}

/**
 * The engine's state for `input` and the records in processing order. Every
 * record is read once, in the order given (for the records of a large run,
 * most of the cost is fetching them from memory, and the given order is the
 * order they were made in): its sort key, account, position, units and, for
 * a purchase, its wash-sale entry. The rest works on what was read.
 */
function createEngineState(profile: TaxProfile, input: readonly TaxRecord[]): { state: EngineState; records: TaxRecord[] } {
  const accounts = new Map(profile.accounts.map((account) => [account.id, account]));
  const positions: EngineState['positions'] = new Map();
  const permanentTypes = new Set(profile.permanentReplacementTypes);
  const section1256 = new Set(profile.section1256Symbols);
  const count = input.length;
  const reading: RecordReading = {
    keys: new Float64Array(count), quantities: new Float64Array(count), scalesOf: new Uint8Array(count), units: new Array(count), usd: new Float64Array(count),
    accounts: new Array(count), positions: new Array(count), acquisitions: new Array(count),
  };
  const pairs: { at: number; pair: [string, string] }[] = [];
  let quantityScale = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let failed = false;
  try {
    for (let i = 0; i < count; i++) {
      const record = input[i] as TaxRecord;
      const day = dayNumberOf(record.date);
      const key = sortKeyOf(record, day);
      reading.keys[i] = key;
      if (key < low) low = key;
      if (key > high) high = key;
      const account = accounts.get(record.accountId);
      if (account === undefined || (account.owner === 'spouse' && !profile.includeSpouse)) failed = true;
      if (record.kind === 'symbolChange') pairs.push({ at: i, pair: [record.symbol, record.newSymbol] });
      if (failed || record.kind === 'split' || record.kind === 'symbolChange') continue;
      const unit = record.quantity.currency;
      const scale = unit.scale;
      if (scale > quantityScale) quantityScale = scale;
      if (record.cusip !== undefined) pairs.push({ at: i, pair: [record.symbol, `cusip:${record.cusip.toUpperCase()}`] });
      const usd = usdAmountOf(record);
      reading.quantities[i] = toUnits(record.quantity, scale);
      reading.scalesOf[i] = scale;
      reading.units[i] = unit;
      reading.usd[i] = toUnits(usd, usd.currency.scale);
      reading.accounts[i] = account;
      reading.positions[i] = positionOf(positions, record.accountId, record.symbol);
      if ((record.kind === 'buy' || record.kind === 'reinvest') && !(section1256.size > 0 && section1256.has(record.symbol))) {
        reading.acquisitions[i] = {
          id: record.id, accountId: record.accountId, date: record.date, day, permanent: permanentTypes.has((account as TaxAccount).type),
          capacity: 0, processed: false, lots: noLots, pending: undefined,
        };
      }
    }
  } catch (error) {
    if (!(error instanceof KronosError)) throw error;
    failed = true;
    // The reading stopped at that record: the keys of the rest are still wanted, to find the first failure in processing order.
    for (let i = 0; i < count; i++) {
      const record = input[i] as TaxRecord;
      const key = sortKeyOf(record, dayNumberOf(record.date));
      reading.keys[i] = key;
      if (key < low) low = key;
      if (key > high) high = key;
    }
  }
  const order = count === 0 ? new Int32Array(0) : sortRecords(input, reading.keys, low, high);
  const records = new Array<TaxRecord>(count);
  const days = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const i = order[k] as number;
    records[k] = input[i] as TaxRecord;
    days[k] = Math.floor((reading.keys[i] as number) / 3);
  }
  if (pairs.length > 0) {
    // Linked in processing order, as when the records were read in that order.
    const rank = new Int32Array(count);
    for (let k = 0; k < count; k++) rank[order[k] as number] = k;
    pairs.sort((a, b) => (rank[a.at] as number) - (rank[b.at] as number));
  }
  const state: EngineState = {
    profile,
    accounts,
    groups: createGroupResolver({ groups: profile.substantiallyIdentical, pairs: pairs.map((entry) => entry.pair) }),
    scales: { quantity: quantityScale, usd: currency('USD') },
    permanentTypes,
    positions,
    acquisitions: new Map(),
    section1256,
    // By position in the sorted records: an array index is cheaper than a look-up by id on every trade.
    units: new Array(count),
    days,
    seq: 0,
  };
  if (failed || !fillUnits(state, reading, order)) throwFirstRecordError(state, records);
  return { state, records };
}

/**
 * Each trade record's units at the common quantity scale, in processing
 * order, and every purchase in its group's wash-sale list (so each list is in
 * date then id order). False when a quantity leaves the exact range at that scale.
 */
function fillUnits(state: EngineState, reading: RecordReading, order: Int32Array): boolean {
  // Every sum the engine makes is bounded by these totals (a wash-sale chain moves basis, it never creates it), so checking them keeps every sum exact.
  let quantityTotal = 0;
  let usdTotal = 0;
  const units = state.units as (RecordUnits | undefined)[];
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const position = reading.positions[i];
    if (position === undefined) continue;
    const quantity = (reading.quantities[i] as number) * pow10(state.scales.quantity - (reading.scalesOf[i] as number));
    if (!Number.isSafeInteger(quantity)) return false;
    const usd = reading.usd[i] as number;
    const acquisition = reading.acquisitions[i];
    units[k] = { unit: reading.units[i] as Currency, quantity, usd, account: reading.accounts[i] as TaxAccount, position, acquisition };
    if (acquisition !== undefined) {
      acquisition.capacity = quantity;
      candidatesOf(state, position).push(acquisition);
    }
    quantityTotal += quantity;
    usdTotal += Math.abs(usd);
  }
  checkedUnits(quantityTotal, 'The total of the records\' share quantities');
  checkedUnits(usdTotal, 'The total of the records\' USD amounts');
  return true;
}

/** The error of the first record, in processing order, whose account or amounts the engine cannot take. */
function throwFirstRecordError(state: EngineState, records: readonly TaxRecord[]): never {
  // The reading stopped at the failure, so the common scale is taken from every record here.
  let quantityScale = 0;
  for (const record of records) if (record.kind !== 'split' && record.kind !== 'symbolChange') quantityScale = Math.max(quantityScale, record.quantity.currency.scale);
  for (const record of records) {
    const account = state.accounts.get(record.accountId);
    if (account === undefined) {
      throw new KronosError('NOT_FOUND', `Record '${record.id}' names account '${record.accountId}', which is not in the profile: add it to profile.accounts.`, { id: record.id, accountId: record.accountId });
    }
    if (account.owner === 'spouse' && !state.profile.includeSpouse) {
      throw new KronosError('INVALID_INPUT', `Record '${record.id}' is in the spouse's account '${account.id}': set includeSpouse: true to include the spouse's accounts, or leave their records out.`, { id: record.id, accountId: account.id });
    }
    if (record.kind !== 'split' && record.kind !== 'symbolChange') {
      const usd = usdAmountOf(record);
      toUnits(record.quantity, quantityScale);
      toUnits(usd, usd.currency.scale);
    }
  }
  throw new KronosError('INVALID_INPUT', 'The records could not be read: check their accounts and amounts.', {});
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
    id, originId: record.id, accountId: record.accountId, symbol: record.symbol, unit: units.unit, quantity, basis,
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
    unit: units.unit,
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
  let emptied = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as (typeof pieces)[number];
    piece.lot.quantity -= piece.quantity;
    if (method !== 'average') piece.lot.basis -= piece.basis;
    piece.lot.washAdjustment -= piece.washAdjustment;
    if (piece.lot.quantity === 0) emptied++;
  }
  const rebasis = plan.rebasis;
  for (let i = 0; i < rebasis.length; i++) (rebasis[i] as (typeof rebasis)[number]).lot.basis = (rebasis[i] as (typeof rebasis)[number]).basis;
  position.held -= quantity;
  // Only the lots this sale took from can have been emptied (each appears in one piece).
  if (emptied > 0) pruneLots(position, emptied);
  const proceedsParts = pieces.length === 1 ? undefined : allocateUnits(proceeds, pieces.map((piece) => piece.quantity));
  const section1256 = state.section1256.size > 0 && state.section1256.has(record.symbol);
  const taxable = account.type === 'taxable';
  const checkWash = taxable && !section1256;
  const sale: SaleFacts = {
    saleId: record.id, accountId: record.accountId, accountType: account.type, symbol: record.symbol, unit: units.unit,
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
      applyWashSale(disposal, { soldDay, holdingPeriodStartDay: lot.holdingPeriodStartDay, candidates: candidatesOf(state, position) });
    }
    disposals.push(disposal);
  }
}

function split(state: EngineState, record: SplitRecord): void {
  const position = positionOf(state.positions, record.accountId, record.symbol);
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
  const from = positionOf(state.positions, record.accountId, record.symbol);
  const to = positionOf(state.positions, record.accountId, record.newSymbol);
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
