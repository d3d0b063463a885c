import { KronosError, Money } from '@kronos/core-ledger';
import { allocateUnits, checkedUnits, compareProducts, formatUnits, fractionOf, fromUnits, partOf, splitUnits, toUnits } from '../_internal/units.js';
import { classifyHoldingPeriod } from '../holding/classifyHoldingPeriod.js';
import type { LotMethod, TaxRates } from '../records/schemas.js';
import type { Lot } from './types.js';

/** Shares taken from one lot by a sale, with the basis they carry out. */
export interface ReliefPiece {
  readonly lot: Lot;
  readonly quantity: Money;
  /** USD basis of the shares taken. */
  readonly basis: Money;
  /** The part of `basis` that is carried-in wash-sale adjustment. */
  readonly washAdjustment: Money;
}

/** What a sale takes from the open lots. */
export interface ReliefPlan {
  readonly pieces: readonly ReliefPiece[];
  /** Average cost only: the basis each remaining lot carries after the sale (re-averaged). */
  readonly rebasis: readonly { readonly lot: Lot; readonly basis: Money }[];
}

/** A sale to plan: which lots give up how many shares. */
export interface PlanReliefInput {
  /** Open lots of one security in one account, in acquisition order. */
  readonly lots: readonly Lot[];
  readonly quantity: Money;
  readonly proceeds: Money;
  readonly method: LotMethod;
  readonly soldOn: string;
  /** Specific identification: lots and shares named by the seller. */
  readonly picks?: readonly { readonly lotId: string; readonly quantity: Money }[] | undefined;
  /** Minimum tax: the rates the lots are weighed at. */
  readonly rates?: TaxRates | undefined;
}

/**
 * Chooses the lots a sale relieves and the basis each piece carries out, by
 * method: FIFO (earliest acquired first), LIFO (latest first), HIFO (highest
 * basis per share first), specific identification (the seller's picks),
 * average cost (the pool's total basis allocated by shares; the shares deemed
 * sold are the earliest acquired, for the holding period) and minimum tax
 * (lowest tax per share first at the given rates: losses before gains,
 * short-term losses first; greedy is optimal because tax is linear in shares).
 *
 * Part of a lot carries out `lot.basis.allocate([sold, kept])[0]`: allocate
 * gives each part its share rounded down to the cent and spreads the leftover
 * cents first to last, so the sold part takes an odd cent and the parts always
 * sum to the lot's basis exactly. Pure: the lots are not changed.
 *
 * @throws KronosError `INSUFFICIENT_SHARES` when the lots hold fewer shares than sold,
 *   `LOT_NOT_FOUND` / `INVALID_INPUT` for bad specific-identification picks,
 *   `INVALID_INPUT` for minimum tax without rates
 *
 * @example
 * ```ts
 * const vti = asset('VTI', 6);
 * const lot = { id: 'b1', originId: 'b1', accountId: 'acc', symbol: 'VTI', quantity: Money.of('3', vti),
 *   basis: Money.of('100.00', 'USD'), washAdjustment: Money.zero('USD'), acquiredOn: '2024-01-02',
 *   holdingPeriodStart: '2024-01-02', basisReported: true, usedAsReplacement: false };
 * const plan = planRelief({ lots: [lot], quantity: Money.of('1', vti), proceeds: Money.of('40.00', 'USD'), method: 'fifo', soldOn: '2024-06-03' });
 * plan.pieces[0]?.basis.toString(); //=> '33.34'
 * ```
 */
export function planRelief(input: PlanReliefInput): ReliefPlan {
  const unit = input.quantity.currency;
  const usd = input.proceeds.currency;
  const scale = unit.scale;
  const unitLots = input.lots.map((lot) => ({ lot, id: lot.id, quantity: toUnits(lot.quantity, scale), basis: toUnits(lot.basis, usd.scale), washAdjustment: toUnits(lot.washAdjustment, usd.scale), holdingPeriodStart: lot.holdingPeriodStart }));
  const plan = planUnits({
    lots: unitLots,
    quantity: toUnits(input.quantity, scale),
    proceeds: toUnits(input.proceeds, usd.scale),
    scale,
    symbol: unit.code,
    method: input.method,
    soldOn: input.soldOn,
    picks: input.picks?.map((pick) => ({ lotId: pick.lotId, quantity: toUnits(pick.quantity, scale) })),
    rates: input.rates,
  });
  return {
    pieces: plan.pieces.map((piece) => ({ lot: piece.lot.lot, quantity: fromUnits(piece.quantity, scale, unit), basis: fromUnits(piece.basis, 2, usd), washAdjustment: fromUnits(piece.washAdjustment, 2, usd) })),
    rebasis: plan.rebasis.map((entry) => ({ lot: entry.lot.lot, basis: fromUnits(entry.basis, 2, usd) })),
  };
}

/** A lot as the planner sees it: integers (quantity at the plan's scale, USD in cents). */
export interface UnitLot {
  readonly id: string;
  readonly quantity: number;
  readonly basis: number;
  readonly washAdjustment: number;
  readonly holdingPeriodStart: string;
}

export interface UnitPiece<L extends UnitLot> {
  readonly lot: L;
  readonly quantity: number;
  readonly basis: number;
  readonly washAdjustment: number;
}

export interface UnitPlan<L extends UnitLot> {
  readonly pieces: readonly UnitPiece<L>[];
  readonly rebasis: readonly { readonly lot: L; readonly basis: number }[];
}

export interface UnitPlanInput<L extends UnitLot> {
  readonly lots: readonly L[];
  /** The shares the lots hold, when the caller keeps that total (otherwise summed here). */
  readonly available?: number | undefined;
  readonly quantity: number;
  readonly proceeds: number;
  /** Decimals of the quantity integers (for messages). */
  readonly scale: number;
  readonly symbol: string;
  readonly method: LotMethod;
  readonly soldOn: string;
  readonly picks?: readonly { readonly lotId: string; readonly quantity: number }[] | undefined;
  readonly rates?: TaxRates | undefined;
}

/** `planRelief` on integers: the lot engine's hot path. */
export function planUnits<L extends UnitLot>(input: UnitPlanInput<L>): UnitPlan<L> {
  let available = input.available ?? 0;
  // A total that is not a safe integer may be inexact: summed again, and refused when the lots really hold that many.
  if (input.available === undefined || !Number.isSafeInteger(input.available)) {
    available = 0;
    const lots = input.lots;
    for (let i = 0; i < lots.length; i++) available += (lots[i] as L).quantity;
    checkedUnits(available, `The shares of ${input.symbol} held`);
  }
  if (available < input.quantity) {
    const requested = formatUnits(input.quantity, input.scale);
    const held = formatUnits(available, input.scale);
    throw new KronosError(
      'INSUFFICIENT_SHARES',
      `Cannot sell ${requested} ${input.symbol}: only ${held} are held in the account on ${input.soldOn}. Record the missing buy or transfer in first.`,
      { symbol: input.symbol, requested, held, soldOn: input.soldOn },
    );
  }
  if (input.method === 'specific') return { pieces: pickSpecific(input), rebasis: [] };
  if (input.method === 'average') return planAverage(input, available);
  return { pieces: takeInOrder(orderLots(input), input.quantity), rebasis: [] };
}

function pieceOf<L extends UnitLot>(lot: L, take: number): UnitPiece<L> {
  return { lot, quantity: take, basis: partOf(lot.basis, take, lot.quantity), washAdjustment: partOf(lot.washAdjustment, take, lot.quantity) };
}

function takeInOrder<L extends UnitLot>(ordered: readonly L[], quantity: number): UnitPiece<L>[] {
  // Counted first, so the list is made at its size (a sale usually takes one or two lots).
  let count = 0;
  for (let i = 0, left = quantity; i < ordered.length && left > 0; i++) {
    const take = Math.min(left, (ordered[i] as L).quantity);
    if (take === 0) continue;
    count++;
    left -= take;
  }
  const pieces = new Array<UnitPiece<L>>(count);
  for (let i = 0, k = 0, left = quantity; k < count; i++) {
    const lot = ordered[i] as L;
    const take = Math.min(left, lot.quantity);
    if (take === 0) continue;
    pieces[k++] = pieceOf(lot, take);
    left -= take;
  }
  return pieces;
}

function orderLots<L extends UnitLot>(input: UnitPlanInput<L>): readonly L[] {
  switch (input.method) {
    case 'lifo':
      return [...input.lots].reverse();
    case 'hifo':
      // Highest basis per share first, compared as cross products (no division); ties keep acquisition order.
      return [...input.lots].sort((a, b) => compareProducts(b.basis, a.quantity, a.basis, b.quantity));
    case 'minimumTax':
      return orderByTax(input);
    default:
      return input.lots;
  }
}

function sign(value: bigint): number {
  return value > 0n ? 1 : value < 0n ? -1 : 0;
}

function orderByTax<L extends UnitLot>(input: UnitPlanInput<L>): readonly L[] {
  const rates = input.rates;
  if (rates === undefined) {
    throw new KronosError('INVALID_INPUT', 'The minimumTax method needs rates: set profile.rates { shortTerm, longTerm, state }.', { method: 'minimumTax' });
  }
  // Rates as fractions over one common denominator, so only the numerators matter for ordering.
  const [stateNumerator, stateDenominator] = fractionOf(rates.state);
  const rateOf = (decimal: string) => {
    const [numerator, denominator] = fractionOf(decimal);
    return numerator * stateDenominator + stateNumerator * denominator;
  };
  const [, shortDenominator] = fractionOf(rates.shortTerm);
  const [, longDenominator] = fractionOf(rates.longTerm);
  const shortRate = rateOf(rates.shortTerm) * longDenominator;
  const longRate = rateOf(rates.longTerm) * shortDenominator;
  // Tax per share of lot i is rate_i * (P/Q - B_i/q_i); multiplied through by Q*q_i*q_j (positive) to compare without dividing.
  const weighted = input.lots.map((lot) => ({
    lot,
    rate: classifyHoldingPeriod(lot.holdingPeriodStart, input.soldOn) === 'long' ? longRate : shortRate,
    gain: BigInt(input.proceeds) * BigInt(lot.quantity) - BigInt(lot.basis) * BigInt(input.quantity),
  }));
  // Triple products outgrow 2^53 quickly, and this method is rare: compared as bigints.
  weighted.sort((a, b) => sign(a.rate * a.gain * BigInt(b.lot.quantity) - b.rate * b.gain * BigInt(a.lot.quantity)));
  return weighted.map((entry) => entry.lot);
}

function pickSpecific<L extends UnitLot>(input: UnitPlanInput<L>): UnitPiece<L>[] {
  const picks = input.picks ?? [];
  if (picks.length === 0) {
    throw new KronosError('INVALID_INPUT', 'The specific-identification method needs the lots to sell: set lots [{ lotId, quantity }] on the sell record.', { soldOn: input.soldOn });
  }
  const byId = new Map(input.lots.map((lot) => [lot.id, lot]));
  const taken = new Map<string, number>();
  for (const pick of picks) {
    const lot = byId.get(pick.lotId);
    if (lot === undefined) {
      throw new KronosError('LOT_NOT_FOUND', `Lot '${pick.lotId}' is not open in this account for ${input.symbol}. Pick one of the open lots.`, { lotId: pick.lotId, open: [...byId.keys()] });
    }
    const total = (taken.get(lot.id) ?? 0) + pick.quantity;
    if (pick.quantity <= 0 || total > lot.quantity) {
      throw new KronosError('INVALID_INPUT', `Lot '${lot.id}' holds ${formatUnits(lot.quantity, input.scale)} shares; a pick of ${formatUnits(total, input.scale)} is not possible.`, { lotId: lot.id, held: formatUnits(lot.quantity, input.scale), picked: formatUnits(total, input.scale) });
    }
    taken.set(lot.id, total);
  }
  const pieces = [...taken].map(([lotId, quantity]) => pieceOf(byId.get(lotId) as L, quantity));
  const pickedTotal = pieces.reduce((sum, piece) => sum + piece.quantity, 0);
  if (pickedTotal !== input.quantity) {
    throw new KronosError('INVALID_INPUT', `The picked lots add up to ${formatUnits(pickedTotal, input.scale)} shares but the sale is ${formatUnits(input.quantity, input.scale)}: make them equal.`, { picked: formatUnits(pickedTotal, input.scale), sold: formatUnits(input.quantity, input.scale) });
  }
  return pieces;
}

function planAverage<L extends UnitLot>(input: UnitPlanInput<L>, poolQuantity: number): UnitPlan<L> {
  let poolBasis = 0;
  for (let i = 0; i < input.lots.length; i++) poolBasis += (input.lots[i] as L).basis;
  const [soldBasis, keptBasis] = splitUnits(poolBasis, input.quantity, poolQuantity);
  // The shares deemed sold are the earliest acquired (Treas. Reg. 1.1012-1(e)), so pieces follow FIFO.
  const fifo = takeInOrder(input.lots, input.quantity);
  const soldParts = allocateUnits(soldBasis, fifo.map((piece) => piece.quantity));
  const pieces = fifo.map((piece, i) => ({ ...piece, basis: soldParts[i] ?? 0 }));
  const taken = new Map(fifo.map((piece) => [piece.lot, piece.quantity]));
  const remaining = input.lots.map((lot) => ({ lot, quantity: lot.quantity - (taken.get(lot) ?? 0) })).filter((entry) => entry.quantity > 0);
  if (remaining.length === 0) return { pieces, rebasis: [] };
  const keptParts = allocateUnits(keptBasis, remaining.map((entry) => entry.quantity));
  return { pieces, rebasis: remaining.map((entry, i) => ({ lot: entry.lot, basis: keptParts[i] ?? 0 })) };
}
