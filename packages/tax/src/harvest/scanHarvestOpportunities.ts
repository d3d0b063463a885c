import { Decimal, IsoDateSchema, KronosError, Money } from '@kronos/core-ledger';
import { z } from 'zod';
import { addDaysIso } from '../_internal/dates.js';
import { createGroupResolver } from '../_internal/groups.js';
import { combinedRate, halfSpreadFraction, tradingCost } from '../_internal/costs.js';
import { type HoldingTerm, classifyHoldingPeriod } from '../holding/classifyHoldingPeriod.js';
import type { Lot } from '../lots/types.js';
import { MoneyInputSchema, SubstantiallyIdenticalGroupSchema, TaxAccountSchema, TaxRatesSchema } from '../records/schemas.js';
import { washWindowDays } from '../wash/applyWashSale.js';

/** The first day a repurchase is safe after a sale: the 31st day (outside the 30-day window). */
export const lockoutDays = washWindowDays + 1;

/** Settings of a harvest scan. */
export const HarvestSettingsSchema = z.object({
  asOf: IsoDateSchema,
  accounts: z.array(TaxAccountSchema).min(1).max(1_000),
  rates: TaxRatesSchema,
  /** USD price per share of each symbol. */
  prices: z.record(z.string(), MoneyInputSchema),
  /** Harvest only losses of at least this much (USD)... */
  lossThresholdUsd: MoneyInputSchema.optional(),
  /** ...and at least this fraction of basis, e.g. '0.05'. */
  lossThresholdFraction: z.string().regex(/^\d+(\.\d+)?$/).default('0'),
  /** Commission per trade (USD); a harvest is two trades, the sale and the replacement buy. */
  commissionUsd: MoneyInputSchema.optional(),
  /** Full bid-ask spread in basis points; each trade crosses half of it. */
  spreadBps: z.string().regex(/^\d+(\.\d+)?$/).default('0'),
  /** Replacement candidates per symbol: correlated but not substantially identical. */
  partners: z.record(z.string(), z.array(z.string()).max(100)).default({}),
  substantiallyIdentical: z.array(SubstantiallyIdenticalGroupSchema).max(10_000).default([]),
  /** Purchases the lots do not show (shares bought and already sold), reinvested dividends included. */
  recentPurchases: z.array(z.object({ symbol: z.string(), accountId: z.string(), date: IsoDateSchema })).max(100_000).default([]),
  /** Planned purchases, e.g. automatic contributions. */
  scheduledContributions: z.array(z.object({ symbol: z.string(), accountId: z.string().optional(), date: IsoDateSchema })).max(100_000).default([]),
});
export type HarvestSettings = z.infer<typeof HarvestSettingsSchema>;
export type HarvestSettingsInput = z.input<typeof HarvestSettingsSchema>;

/** Why a lot with a loss over the thresholds is not proposed. */
export type HarvestBlock =
  | { readonly reason: 'recent_purchase'; readonly purchasedOn: string; readonly clearsOn: string }
  | { readonly reason: 'scheduled_contribution'; readonly scheduledOn: string }
  | { readonly reason: 'cost_exceeds_benefit' };

/** A lot worth harvesting (or blocked, with the reason). */
export interface HarvestOpportunity {
  readonly lotId: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly quantity: Money;
  readonly price: Money;
  readonly marketValue: Money;
  readonly basis: Money;
  /** basis - market value (USD, positive). */
  readonly unrealizedLoss: Money;
  readonly term: HoldingTerm;
  /** loss x (term rate + state rate), rounded half-even to the cent. */
  readonly taxSaving: Money;
  /** Commission and half-spread on the sale and on the replacement buy. */
  readonly tradingCost: Money;
  /** taxSaving - tradingCost. */
  readonly estimatedBenefit: Money;
  /** The first partner that is not substantially identical; undefined when none is given. */
  readonly replacement: string | undefined;
  /** The day the original may be bought back without a wash sale (sale date + 31 days). */
  readonly lockoutEndsOn: string;
  /** Swap back: on `on`, sell the replacement and buy the original back. */
  readonly swapBack: { readonly on: string; readonly sell: string | undefined; readonly buy: string };
  readonly blocked: HarvestBlock | undefined;
}

/** Lots scanned at most per call. */
export const harvestLotsMax = 1_000_000;

/**
 * Scans open lots in taxable accounts for losses worth harvesting: an
 * unrealised loss at or over both thresholds (absolute USD and fraction of
 * basis), valued at loss x (short- or long-term rate + state rate) minus the
 * commission and half-spread of two trades. A lot is blocked when a
 * substantially identical purchase was made in the last 30 days in any
 * account (reinvested dividends included; the lot's own purchase excepted),
 * when a contribution into the group is scheduled in the next 30 days, or
 * when costs exceed the saving. Each proposal names a replacement from the
 * partner map, the lockout end (31 days) and the swap-back plan. Sorted by
 * estimated benefit, largest first.
 *
 * @example
 * ```ts
 * const lot = { id: 'b1', originId: 'b1', accountId: 'brokerage', symbol: 'VTI', quantity: Money.of('10', asset('VTI', 0)),
 *   basis: Money.of('2500.00', 'USD'), washAdjustment: Money.zero('USD'), acquiredOn: '2024-01-02',
 *   holdingPeriodStart: '2024-01-02', basisReported: true, usedAsReplacement: false };
 * const [found] = scanHarvestOpportunities([lot], { asOf: '2024-08-01', accounts: [{ id: 'brokerage', type: 'taxable' }],
 *   rates: { shortTerm: '0.35', longTerm: '0.15', state: '0.05' }, prices: { VTI: Money.of('200.00', 'USD') }, partners: { VTI: ['ITOT'] } });
 * const summary = [found?.unrealizedLoss.toString(), found?.estimatedBenefit.toString(), found?.replacement, found?.lockoutEndsOn];
 * summary; //=> ['500.00', '200.00', 'ITOT', '2024-09-01']
 * ```
 */
export function scanHarvestOpportunities(lots: readonly Lot[], settingsInput: HarvestSettingsInput): HarvestOpportunity[] {
  const settings = parseSettings(settingsInput);
  if (lots.length > harvestLotsMax) throw new KronosError('INVALID_INPUT', `Scan at most ${harvestLotsMax} lots per call.`, { count: lots.length });
  const groups = createGroupResolver({ groups: settings.substantiallyIdentical });
  const taxable = new Set(settings.accounts.filter((a) => a.type === 'taxable').map((a) => a.id));
  const purchases = indexPurchases(lots, settings, groups.keyOf.bind(groups));
  const contributions = indexContributions(settings, groups.keyOf.bind(groups));
  const rates = { short: combinedRate(settings.rates, 'short'), long: combinedRate(settings.rates, 'long') };
  const context = { settings, groups, purchases, contributions, rates, fraction: new Decimal(settings.lossThresholdFraction), halfSpread: halfSpreadFraction(settings.spreadBps) };
  const found: HarvestOpportunity[] = [];
  for (const lot of lots) {
    if (!taxable.has(lot.accountId)) continue;
    const opportunity = assess(lot, context);
    if (opportunity !== undefined) found.push(opportunity);
  }
  return found.sort((a, b) => b.estimatedBenefit.compare(a.estimatedBenefit) || (a.lotId < b.lotId ? -1 : 1));
}

function parseSettings(input: HarvestSettingsInput): HarvestSettings {
  const result = HarvestSettingsSchema.safeParse(input);
  if (!result.success) throw new KronosError('INVALID_INPUT', 'The harvest settings are not valid: fix the fields listed in details.issues.', { issues: result.error.issues });
  return result.data;
}

interface ScanContext {
  readonly settings: HarvestSettings;
  readonly groups: ReturnType<typeof createGroupResolver>;
  /** Purchases of the last 30 days per group, latest first. */
  readonly purchases: ReadonlyMap<string, readonly { date: string; originId: string | undefined }[]>;
  readonly contributions: ReadonlyMap<string, readonly string[]>;
  readonly rates: { readonly short: Decimal; readonly long: Decimal };
  readonly fraction: Decimal;
  readonly halfSpread: Decimal;
}

/** Purchases in the 30 days up to the scan date, per group. */
function indexPurchases(lots: readonly Lot[], settings: HarvestSettings, keyOf: (symbol: string) => string) {
  const from = addDaysIso(settings.asOf, -washWindowDays);
  const index = new Map<string, { date: string; originId: string | undefined }[]>();
  const add = (symbol: string, date: string, originId: string | undefined) => {
    if (date < from || date > settings.asOf) return;
    const key = keyOf(symbol);
    const list = index.get(key) ?? [];
    list.push({ date, originId });
    index.set(key, list);
  };
  for (const lot of lots) add(lot.symbol, lot.acquiredOn, lot.originId);
  for (const purchase of settings.recentPurchases) add(purchase.symbol, purchase.date, undefined);
  for (const list of index.values()) list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return index;
}

function indexContributions(settings: HarvestSettings, keyOf: (symbol: string) => string) {
  const to = addDaysIso(settings.asOf, washWindowDays);
  const index = new Map<string, string[]>();
  for (const planned of settings.scheduledContributions) {
    if (planned.date < settings.asOf || planned.date > to) continue;
    const key = keyOf(planned.symbol);
    index.set(key, [...(index.get(key) ?? []), planned.date].sort());
  }
  return index;
}

function assess(lot: Lot, context: ScanContext): HarvestOpportunity | undefined {
  const { settings } = context;
  const price = settings.prices[lot.symbol];
  if (price === undefined) return undefined;
  const marketValue = price.multiply(lot.quantity.amount, 'halfEven');
  const loss = lot.basis.subtract(marketValue);
  if (!loss.isPositive() || loss.amount.lessThan(lot.basis.amount.times(context.fraction))) return undefined;
  if (settings.lossThresholdUsd !== undefined && loss.lessThan(settings.lossThresholdUsd)) return undefined;
  const term = classifyHoldingPeriod(lot.holdingPeriodStart, settings.asOf);
  const taxSaving = loss.multiply(term === 'long' ? context.rates.long : context.rates.short, 'halfEven');
  const commission = settings.commissionUsd ?? Money.zero(price.currency);
  const oneTrade = tradingCost(marketValue, commission, context.halfSpread);
  const costs = oneTrade.add(oneTrade);
  const estimatedBenefit = taxSaving.subtract(costs);
  const replacement = (settings.partners[lot.symbol] ?? []).find((candidate) => !context.groups.sameGroup(candidate, lot.symbol));
  const lockoutEndsOn = addDaysIso(settings.asOf, lockoutDays);
  return {
    lotId: lot.id, accountId: lot.accountId, symbol: lot.symbol, quantity: lot.quantity, price, marketValue, basis: lot.basis,
    unrealizedLoss: loss, term, taxSaving, tradingCost: costs, estimatedBenefit, replacement, lockoutEndsOn,
    swapBack: { on: lockoutEndsOn, sell: replacement, buy: lot.symbol },
    blocked: blockOf(lot, context, estimatedBenefit),
  };
}

function blockOf(lot: Lot, context: ScanContext, benefit: Money): HarvestBlock | undefined {
  const key = context.groups.keyOf(lot.symbol);
  const latest = (context.purchases.get(key) ?? []).find((p) => p.originId !== lot.originId)?.date;
  if (latest !== undefined) return { reason: 'recent_purchase', purchasedOn: latest, clearsOn: addDaysIso(latest, lockoutDays) };
  const scheduled = context.contributions.get(key)?.[0];
  if (scheduled !== undefined) return { reason: 'scheduled_contribution', scheduledOn: scheduled };
  if (!benefit.isPositive()) return { reason: 'cost_exceeds_benefit' };
  return undefined;
}
