import type { Currency } from '@kronos/core-ledger';
import type { TaxAccount, TaxProfile } from '../records/schemas.js';
import type { GroupResolver } from './groups.js';
import { splitUnits } from './units.js';
import type { RawLot, RawMatch, Scales } from './views.js';

/** A lot while the engine works on it: integers (quantity at the common scale, USD in cents). */
export interface LotState {
  id: string;
  originId: string;
  accountId: string;
  symbol: string;
  unit: Currency;
  quantity: number;
  basis: number;
  washAdjustment: number;
  acquiredOn: string;
  holdingPeriodStart: string;
  /** Day numbers (see dates.ts) of `acquiredOn` and `holdingPeriodStart`, kept with them. */
  acquiredDay: number;
  holdingPeriodStartDay: number;
  basisReported: boolean;
  usedAsReplacement: boolean;
  /** Creation order, for ties between lots acquired the same day. */
  seq: number;
  /** Counter for the ids of parts split off this lot. */
  splits: number;
  /** The position the lot is open in. */
  position: Position;
  /** The purchase the shares came from, when it can be a wash-sale replacement (buys and reinvestments). */
  origin: Acquisition | undefined;
}

/**
 * The open lots of one security in one account. Records and lots hold their
 * position by reference, so the hot path never builds or hashes a key.
 */
export interface Position {
  /** `account\u0000symbol`: the order of the open lots in the result. */
  readonly key: string;
  readonly symbol: string;
  /** Open lots, ordered by acquisition date then creation. */
  lots: LotState[];
  /** The shares of its open lots, kept as they change (a sale checks it without reading every lot). */
  held: number;
  /** The purchases of the symbol's substantially-identical group (`EngineState.acquisitions`), looked up on first use. */
  candidates: Acquisition[] | undefined;
}

/** A purchase that may replace shares sold at a loss. */
export interface Acquisition {
  readonly id: string;
  readonly accountId: string;
  readonly date: string;
  readonly day: number;
  /** Whether the account's type makes a loss it replaces disallowed for good (`permanentReplacementTypes`). */
  readonly permanent: boolean;
  /** Shares not yet matched; used only until the purchase is processed (then its lots say). */
  capacity: number;
  processed: boolean;
  /** Its open lots once processed, in the order they were created (`noLots` until the first). */
  lots: LotState[];
  /** Wash-sale matches waiting for the purchase to be processed. */
  pending: PendingMatch[] | undefined;
}

/** A wash-sale match waiting for its replacement purchase to be processed (the match has the shares, loss and permanence). */
export interface PendingMatch {
  /** Day numbers of the sold shares' holding-period start and sale, for the tacked holding period. */
  readonly soldStartDay: number;
  readonly soldDay: number;
  /** Filled in with the replacement lot when it is created. */
  readonly match: RawMatch;
}

export interface EngineState {
  readonly profile: TaxProfile;
  readonly accounts: ReadonlyMap<string, TaxAccount>;
  readonly groups: GroupResolver;
  readonly scales: Scales;
  readonly permanentTypes: ReadonlySet<string>;
  /** Positions per account, then symbol. */
  readonly positions: Map<string, Map<string, Position>>;
  /** Purchases per substantially-identical group, ordered by date then id. */
  readonly acquisitions: Map<string, Acquisition[]>;
  readonly section1256: ReadonlySet<string>;
  /** Each trade record's quantity (common scale) and USD amount (cents), converted once; by position in the sorted records. */
  readonly units: readonly (RecordUnits | undefined)[];
  /** Each record's day number, by position in the sorted records. */
  readonly days: Int32Array;
  seq: number;
}

export interface RecordUnits {
  /** The quantity's asset (`record.quantity.currency`), kept here so the engine need not fetch the Money again. */
  readonly unit: Currency;
  readonly quantity: number;
  readonly usd: number;
  /** The record's account and position, looked up once. */
  readonly account: TaxAccount;
  readonly position: Position;
  /** The purchase as a possible wash-sale replacement (buys and reinvestments outside section 1256). */
  acquisition: Acquisition | undefined;
}

export const positionKey = (accountId: string, symbol: string): string => `${accountId}\u0000${symbol}`;

/** The position of `symbol` in `accountId`, made on first use. */
export function positionOf(positions: EngineState['positions'], accountId: string, symbol: string): Position {
  let bySymbol = positions.get(accountId);
  if (bySymbol === undefined) {
    bySymbol = new Map();
    positions.set(accountId, bySymbol);
  }
  let position = bySymbol.get(symbol);
  if (position === undefined) {
    position = { key: positionKey(accountId, symbol), symbol, lots: [], held: 0, candidates: undefined };
    bySymbol.set(symbol, position);
  }
  return position;
}

/** The purchases that can replace shares sold from `position` (kept on the position). */
export function candidatesOf(state: EngineState, position: Position): Acquisition[] {
  let candidates = position.candidates;
  if (candidates === undefined) {
    const key = state.groups.keyOf(position.symbol);
    candidates = state.acquisitions.get(key);
    if (candidates === undefined) {
      candidates = [];
      state.acquisitions.set(key, candidates);
    }
    position.candidates = candidates;
  }
  return candidates;
}

function lotOrder(a: LotState, b: LotState): number {
  if (a.acquiredDay !== b.acquiredDay) return a.acquiredDay - b.acquiredDay;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Adds a lot to its position's open lots, keeping acquisition order, and to its purchase's lots. */
export function insertLot(lot: LotState): void {
  lot.position.held += lot.quantity;
  const list = lot.position.lots;
  let at = list.length;
  while (at > 0 && lotOrder(list[at - 1] as LotState, lot) > 0) at--;
  // Lots mostly arrive in acquisition order: appending is the common case, and push is far cheaper than splice.
  if (at === list.length) list.push(lot);
  else list.splice(at, 0, lot);
  const origin = lot.origin;
  if (origin === undefined) return;
  // Most purchases make one lot: a list of one made at its size, rather than an empty list grown by push.
  if (origin.lots.length === 0) origin.lots = [lot];
  else origin.lots.push(lot);
}

/** The lots of a purchase not processed yet: shared, and never added to (`insertLot` replaces it). */
export const noLots: LotState[] = [];

/** Takes `lot` out of its purchase's lots (the others keep their order). */
export function detachFromOrigin(lot: LotState): void {
  const lots = lot.origin?.lots;
  if (lots === undefined) return;
  const at = lots.indexOf(lot);
  if (at >= 0) removeAt(lots, at);
}

/** Removes the item at `at`, keeping the others' order (splice without the array of removed items it returns). */
function removeAt<T>(list: T[], at: number): void {
  for (let i = at + 1; i < list.length; i++) list[i - 1] = list[i] as T;
  list.length -= 1;
}

/**
 * Drops the lots of a position that hold no shares any more, in place (the
 * list is the position's own). A sale that knows how many lots it emptied
 * passes `emptied`: the lots after the last of those are moved without being read.
 */
export function pruneLots(position: Position, emptied = Number.POSITIVE_INFINITY): void {
  const list = position.lots;
  let kept = 0;
  let removed = 0;
  let i = 0;
  for (; i < list.length && removed < emptied; i++) {
    const lot = list[i] as LotState;
    if (lot.quantity > 0) {
      if (kept !== i) list[kept] = lot;
      kept++;
    } else {
      detachFromOrigin(lot);
      removed++;
    }
  }
  if (removed === 0) return;
  for (; i < list.length; i++) list[kept++] = list[i] as LotState;
  list.length = kept;
}

/**
 * Splits `quantity` shares off `lot` into a new lot `<id>/w<n>` (basis and
 * carried adjustment apportioned like `Money.allocate`, so the two parts sum
 * exactly); returns the new part. The original keeps its id and the rest.
 */
export function splitLot(lot: LotState, quantity: number): LotState {
  const [basisPart, basisRest] = splitUnits(lot.basis, quantity, lot.quantity);
  const [washPart, washRest] = splitUnits(lot.washAdjustment, quantity, lot.quantity);
  lot.splits += 1;
  const part: LotState = { ...lot, id: `${lot.id}/w${lot.splits}`, quantity, basis: basisPart, washAdjustment: washPart, splits: 0 };
  lot.quantity -= quantity;
  lot.position.held -= quantity;
  lot.basis = basisRest;
  lot.washAdjustment = washRest;
  insertLot(part);
  return part;
}

/** A snapshot of a lot's values. */
export function toRawLot(lot: LotState): RawLot {
  return {
    id: lot.id, originId: lot.originId, accountId: lot.accountId, symbol: lot.symbol, unit: lot.unit, quantity: lot.quantity,
    basis: lot.basis, washAdjustment: lot.washAdjustment, acquiredOn: lot.acquiredOn, holdingPeriodStart: lot.holdingPeriodStart,
    basisReported: lot.basisReported, usedAsReplacement: lot.usedAsReplacement,
  };
}
