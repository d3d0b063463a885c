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
  basisReported: boolean;
  usedAsReplacement: boolean;
  /** Creation order, for ties between lots acquired the same day. */
  seq: number;
  /** Counter for the ids of parts split off this lot. */
  splits: number;
}

/** A purchase that may replace shares sold at a loss. */
export interface Acquisition {
  readonly id: string;
  readonly accountId: string;
  readonly date: string;
  /** Shares not yet matched; used only until the purchase is processed (then its lots say). */
  capacity: number;
  processed: boolean;
}

/** A wash-sale match waiting for its replacement purchase to be processed. */
export interface PendingMatch {
  readonly quantity: number;
  readonly loss: number;
  readonly soldStart: string;
  readonly soldOn: string;
  readonly permanent: boolean;
  /** Filled in with the replacement lot when it is created. */
  readonly match: RawMatch;
}

export interface EngineState {
  readonly profile: TaxProfile;
  readonly accounts: ReadonlyMap<string, TaxAccount>;
  readonly groups: GroupResolver;
  readonly scales: Scales;
  readonly permanentTypes: ReadonlySet<string>;
  /** Open lots per `account\u0000symbol`, ordered by acquisition date then creation. */
  readonly open: Map<string, LotState[]>;
  /** Open lots per origin (acquisition record). */
  readonly byOrigin: Map<string, LotState[]>;
  /** Purchases per substantially-identical group, ordered by date then id. */
  readonly acquisitions: Map<string, Acquisition[]>;
  readonly acquisitionById: Map<string, Acquisition>;
  readonly pending: Map<string, PendingMatch[]>;
  readonly section1256: ReadonlySet<string>;
  /** Each trade record's quantity (common scale) and USD amount (cents), converted once. */
  readonly units: readonly (RecordUnits | undefined)[];
  seq: number;
}

export interface RecordUnits {
  readonly quantity: number;
  readonly usd: number;
}

export const positionKey = (accountId: string, symbol: string): string => `${accountId}\u0000${symbol}`;

function lotOrder(a: LotState, b: LotState): number {
  if (a.acquiredOn !== b.acquiredOn) return a.acquiredOn < b.acquiredOn ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Adds a lot to the open lists, keeping acquisition order. */
export function insertLot(state: EngineState, lot: LotState): void {
  const key = positionKey(lot.accountId, lot.symbol);
  let list = state.open.get(key);
  if (list === undefined) {
    list = [];
    state.open.set(key, list);
  }
  let at = list.length;
  while (at > 0 && lotOrder(list[at - 1] as LotState, lot) > 0) at--;
  // Lots mostly arrive in acquisition order: appending is the common case, and push is far cheaper than splice.
  if (at === list.length) list.push(lot);
  else list.splice(at, 0, lot);
  const origin = state.byOrigin.get(lot.originId);
  if (origin === undefined) state.byOrigin.set(lot.originId, [lot]);
  else origin.push(lot);
}

/** Drops the lots of a position that hold no shares any more. */
export function pruneLots(state: EngineState, key: string): void {
  const list = state.open.get(key);
  if (list === undefined || list.every((lot) => lot.quantity > 0)) return;
  const kept: LotState[] = [];
  for (const lot of list) {
    if (lot.quantity > 0) {
      kept.push(lot);
      continue;
    }
    const origin = state.byOrigin.get(lot.originId);
    if (origin === undefined) continue;
    const rest = origin.filter((l) => l !== lot);
    if (rest.length === 0) state.byOrigin.delete(lot.originId);
    else state.byOrigin.set(lot.originId, rest);
  }
  if (kept.length === 0) state.open.delete(key);
  else state.open.set(key, kept);
}

/**
 * Splits `quantity` shares off `lot` into a new lot `<id>/w<n>` (basis and
 * carried adjustment apportioned like `Money.allocate`, so the two parts sum
 * exactly); returns the new part. The original keeps its id and the rest.
 */
export function splitLot(state: EngineState, lot: LotState, quantity: number): LotState {
  const [basisPart, basisRest] = splitUnits(lot.basis, quantity, lot.quantity);
  const [washPart, washRest] = splitUnits(lot.washAdjustment, quantity, lot.quantity);
  lot.splits += 1;
  const part: LotState = { ...lot, id: `${lot.id}/w${lot.splits}`, quantity, basis: basisPart, washAdjustment: washPart, splits: 0 };
  lot.quantity -= quantity;
  lot.basis = basisRest;
  lot.washAdjustment = washRest;
  insertLot(state, part);
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
