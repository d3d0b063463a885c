import { IsoDateSchema, KronosError, Money } from '@kronos/core-ledger';
import { z } from 'zod';
import type { PriceSource } from '../ports/price-source.js';

/** A holding in one account: the quantity is Money in the asset's code (e.g. asset('VTI', 6)). */
export interface Position {
  readonly accountId: string;
  readonly symbol: string;
  readonly quantity: Money;
}

export const DriftBandsSchema = z
  .object({
    /** Largest allowed |actual - target| weight, e.g. 0.05 for 5 points. */
    absolute: z.number().positive().optional(),
    /** Largest allowed |actual - target| / target, e.g. 0.25. */
    relative: z.number().positive().optional(),
  })
  .refine((bands) => bands.absolute !== undefined || bands.relative !== undefined, 'give an absolute or a relative band');
export type DriftBands = z.infer<typeof DriftBandsSchema>;

export const DriftExceededPayloadSchema = z.object({
  portfolioId: z.string(),
  date: IsoDateSchema,
  total: z.object({ amount: z.string(), currency: z.string(), scale: z.number() }),
  assets: z.array(z.object({ symbol: z.string(), target: z.number(), actual: z.number(), absoluteDrift: z.number(), relativeDrift: z.number() })),
});
export type DriftExceededPayload = z.infer<typeof DriftExceededPayloadSchema>;

export interface AssetDrift {
  readonly symbol: string;
  readonly value: Money;
  readonly target: number;
  readonly actual: number;
  /** actual - target. */
  readonly absoluteDrift: number;
  /** (actual - target) / target (Infinity when the target is 0 and the asset is held). */
  readonly relativeDrift: number;
  readonly outsideBand: boolean;
}

export interface DriftReport {
  readonly date: string;
  readonly total: Money;
  readonly assets: readonly AssetDrift[];
  readonly breached: boolean;
}

export interface CheckDriftInput {
  readonly portfolioId: string;
  readonly date: string;
  readonly positions: readonly Position[];
  /** Target weights by symbol, summing to 1. */
  readonly targets: Readonly<Record<string, number>>;
  readonly bands: DriftBands;
  /** Currency the prices and the total are in. */
  readonly currency: string;
}

export interface CheckDriftDeps {
  readonly prices: PriceSource;
  /** Structural event publisher (core-ledger's EventBus fits). */
  readonly events?: { publish(event: { type: string; occurredAt: string; payload: unknown }): unknown };
  readonly clock?: () => Date;
}

/**
 * Values positions (summed over accounts) through the PriceSource, measures
 * each asset's drift from its target weight, absolute and relative, and when
 * any asset is outside its band publishes `drift_exceeded` with the assets
 * that crossed.
 *
 * @example
 * ```ts
 * const report = await checkDrift(
 *   { prices: createStaticPriceSource({ VTI: Money.of('100', 'USD'), BND: Money.of('50', 'USD') }) },
 *   {
 *     portfolioId: 'p1', date: '2026-01-02', currency: 'USD', bands: { absolute: 0.05 },
 *     targets: { VTI: 0.6, BND: 0.4 },
 *     positions: [
 *       { accountId: 'ira', symbol: 'VTI', quantity: Money.of('7', asset('VTI', 0)) },
 *       { accountId: 'ira', symbol: 'BND', quantity: Money.of('6', asset('BND', 0)) },
 *     ],
 *   },
 * );
 * report.breached; //=> true
 * report.assets.map((a) => a.actual); //=> [0.3, 0.7]
 * ```
 */
export async function checkDrift(deps: CheckDriftDeps, input: CheckDriftInput): Promise<DriftReport> {
  IsoDateSchema.parse(input.date);
  const bands = DriftBandsSchema.parse(input.bands);
  const values = await valuePositions(deps.prices, input);
  const total = Money.sum([...values.values()], input.currency);
  if (!total.isPositive()) throw new KronosError('INVALID_INPUT', 'The positions are worth nothing, so weights are undefined; check the quantities and prices.', {});
  const symbols = [...new Set([...Object.keys(input.targets), ...values.keys()])].sort();
  const assets = symbols.map((symbol): AssetDrift => {
    const value = values.get(symbol) ?? Money.zero(input.currency);
    const target = input.targets[symbol] ?? 0;
    const actual = value.toNumber() / total.toNumber();
    const absoluteDrift = actual - target;
    const relativeDrift = target === 0 ? (actual === 0 ? 0 : Infinity) : absoluteDrift / target;
    const outsideBand = (bands.absolute !== undefined && Math.abs(absoluteDrift) > bands.absolute) || (bands.relative !== undefined && Math.abs(relativeDrift) > bands.relative);
    return { symbol, value, target, actual, absoluteDrift, relativeDrift, outsideBand };
  });
  const breached = assets.some((a) => a.outsideBand);
  if (breached && deps.events !== undefined) {
    const payload = DriftExceededPayloadSchema.parse({
      portfolioId: input.portfolioId,
      date: input.date,
      total: total.toJSON(),
      assets: assets.filter((a) => a.outsideBand).map(({ symbol, target, actual, absoluteDrift, relativeDrift }) => ({ symbol, target, actual, absoluteDrift, relativeDrift: Number.isFinite(relativeDrift) ? relativeDrift : Number.MAX_VALUE })),
    });
    await deps.events.publish({ type: 'drift_exceeded', occurredAt: (deps.clock ?? (() => new Date()))().toISOString(), payload });
  }
  return { date: input.date, total, assets, breached };
}

async function valuePositions(prices: PriceSource, input: CheckDriftInput): Promise<Map<string, Money>> {
  const values = new Map<string, Money>();
  for (const position of input.positions) {
    if (position.quantity.currency.code !== position.symbol) {
      throw new KronosError('INVALID_INPUT', `A position in ${position.symbol} holds ${position.quantity.currency.code}; give quantities as Money in the asset's own code.`, { accountId: position.accountId });
    }
    const price = await prices.getPrice(position.symbol, input.date);
    if (price.currency.code !== input.currency) throw new KronosError('INVALID_INPUT', `The price of ${position.symbol} is in ${price.currency.code}, not ${input.currency}.`, { symbol: position.symbol });
    const value = Money.of(position.quantity.amount.times(price.amount), input.currency, { rounding: 'halfEven' });
    values.set(position.symbol, (values.get(position.symbol) ?? Money.zero(input.currency)).add(value));
  }
  return values;
}
