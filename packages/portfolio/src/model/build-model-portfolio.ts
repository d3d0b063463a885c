import { KronosError } from '@kronos/core-ledger';
import { z } from 'zod';
import { type AssetClass, defaultFundMap, type Fund, type FundMap } from './fund-map.js';

/**
 * The glide table from a risk score (1 = most conservative, 10 = most
 * aggressive; risk's RiskProfile.combined) to asset-class weights. Equity
 * rises 10 points a step from 10% to 100% (at 10: 100% equity), split 60/30/10
 * between US, developed and emerging markets; the rest is bonds (55% US, 20%
 * international, 25% TIPS), with cash taking 10 points at scores 1-2 for
 * liquidity. Every row sums to 1.
 */
export const riskScoreGlideTable: Readonly<Record<number, Readonly<Record<AssetClass, number>>>> = Object.fromEntries(
  Array.from({ length: 10 }, (_, k) => {
    const score = k + 1;
    const equity = score / 10;
    const cash = score <= 2 ? 0.1 : 0;
    const bonds = 1 - equity - cash;
    const row: Record<AssetClass, number> = {
      us_equity: round(equity * 0.6),
      intl_developed_equity: round(equity * 0.3),
      emerging_equity: round(equity * 0.1),
      us_bonds: round(bonds * 0.55),
      intl_bonds: round(bonds * 0.2),
      tips: round(bonds * 0.25),
      cash,
    };
    return [score, row];
  }),
);

function round(value: number): number {
  return Math.round(value * 1e12) / 1e12;
}

export const ScreensSchema = z.object({
  /** Involvements a fund may not have (e.g. ['fossil_fuels']). */
  exclude: z.array(z.string()).default([]),
  /** Lowest acceptable ESG score (0-10). */
  esgScoreMin: z.number().min(0).max(10).default(0),
  /** Symbols never to hold (e.g. a wash-sale window). */
  excludeSymbols: z.array(z.string()).default([]),
});
export type Screens = z.input<typeof ScreensSchema>;

export interface ModelHolding {
  readonly assetClass: AssetClass;
  readonly weight: number;
  /** The chosen fund: the primary, or the first substitute that passes the screens. */
  readonly fund: Fund;
  /** The other funds of the class that pass the screens (harvesting swaps). */
  readonly alternatives: readonly Fund[];
}

export interface ModelPortfolio {
  readonly riskScore: number;
  readonly holdings: readonly ModelHolding[];
  /** Weighted expense ratio in basis points. */
  readonly expenseRatioBps: number;
}

/**
 * A model portfolio for a risk score: the glide table's asset-class weights,
 * then per class the primary fund, or its first substitute when screens
 * exclude the primary.
 *
 * @throws KronosError `NO_ELIGIBLE_FUND` when the screens leave a class with a positive weight empty.
 * @example
 * ```ts
 * const model = buildModelPortfolio(6, { screens: { exclude: ['fossil_fuels'] } });
 * model.holdings.map((h) => `${h.fund.symbol} ${h.weight}`); //=> ['ESGV 0.36', 'ESGD 0.18', 'ESGE 0.06', 'EAGG 0.22', 'BNDX 0.08', 'SCHP 0.1']
 * ```
 */
export function buildModelPortfolio(riskScore: number, options: { screens?: Screens; fundMap?: FundMap } = {}): ModelPortfolio {
  if (!(Number.isInteger(riskScore) && riskScore >= 1 && riskScore <= 10)) {
    throw new KronosError('INVALID_INPUT', `The risk score is ${riskScore}; pass a whole number from 1 to 10 (RiskProfile.combined).`, { riskScore });
  }
  const screens = ScreensSchema.parse(options.screens ?? {});
  const fundMap = options.fundMap ?? defaultFundMap;
  const passes = (fund: Fund) => fund.esgScore >= screens.esgScoreMin && !screens.excludeSymbols.includes(fund.symbol) && !fund.involvements.some((i) => screens.exclude.includes(i));
  const holdings: ModelHolding[] = [];
  for (const [assetClass, weight] of Object.entries(riskScoreGlideTable[riskScore]!) as [AssetClass, number][]) {
    if (weight === 0) continue;
    const entry = fundMap[assetClass];
    const eligible = entry === undefined ? [] : [entry.primary, ...entry.substitutes].filter(passes);
    if (eligible.length === 0) throw new KronosError('NO_ELIGIBLE_FUND', `No fund for ${assetClass} passes the screens; relax them or add a substitute to the fund map.`, { assetClass });
    holdings.push({ assetClass, weight, fund: eligible[0]!, alternatives: eligible.slice(1) });
  }
  const expenseRatioBps = holdings.reduce((s, h) => s + h.weight * h.fund.expenseRatioBps, 0);
  return { riskScore, holdings, expenseRatioBps };
}
