import { KronosError } from '../errors/index.js';
import { maxDrawdown } from '../metrics/drawdown.js';
import { annualVolatility } from '../metrics/ratios.js';
import { cornishFisherVar, gaussianVar, historicalVar } from '../metrics/valueAtRisk.js';
import { pairwiseCovariance } from '../_internal/columns.js';
import {
  RiskLimitPolicySchema,
  RiskSnapshotSchema,
  type ParsedRiskLimitPolicy,
  type RiskLimitBreach,
  type RiskLimitPolicy,
  type RiskSnapshot,
} from './policy.js';

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

function parseOrThrow<T>(result: { success: true; data: T } | { success: false; error: { issues: unknown } }, what: string): T {
  if (!result.success) throw new KronosError('INVALID_INPUT', `The ${what} is malformed: fix the listed issues.`, { issues: result.error.issues });
  return result.data;
}

/**
 * Evaluates a risk-limit policy against a snapshot and returns every breach
 * or alert with its details and a recommendation. Pure: it publishes nothing
 * (see `createRiskMonitor`) and never trades.
 *
 * @throws KronosError INVALID_INPUT for a malformed policy or snapshot.
 * @example
 * ```ts
 * const breaches = evaluateRiskLimits(
 *   { version: 1, positionWeightMax: 0.05 },
 *   { positions: [{ id: 'AAPL', weight: 0.08 }, { id: 'MSFT', weight: 0.04 }] },
 * );
 * breaches.map((b) => b.limit); //=> ['position_weight']
 * ```
 */
export function evaluateRiskLimits(policy: RiskLimitPolicy, snapshot: RiskSnapshot): RiskLimitBreach[] {
  const p = parseOrThrow(RiskLimitPolicySchema.safeParse(policy), 'risk-limit policy');
  const s = parseOrThrow(RiskSnapshotSchema.safeParse(snapshot), 'risk snapshot');
  return [
    ...checkValueAtRisk(p, s),
    ...checkDrawdown(p, s),
    ...checkPositionWeights(p, s),
    ...checkSectorWeights(p, s),
    ...checkCorrelations(p, s),
    ...checkVolatility(p, s),
    ...checkStopLoss(p, s),
  ];
}

function checkValueAtRisk(p: ParsedRiskLimitPolicy, s: RiskSnapshot): RiskLimitBreach[] {
  const limit = p.valueAtRisk;
  const returns = s.portfolioReturns;
  if (limit === undefined || returns === undefined || returns.length < 2) return [];
  const estimate = { historical: historicalVar, gaussian: gaussianVar, cornishFisher: cornishFisherVar }[limit.method];
  const observed = estimate(returns, { confidence: limit.confidence });
  if (observed <= limit.lossMax) return [];
  return [
    {
      limit: 'value_at_risk',
      severity: 'breach',
      observed,
      threshold: limit.lossMax,
      recommendation: 'Reduce exposure to the most volatile holdings or add diversifying assets until VaR is back under the limit.',
      message: `${limit.method} VaR(${percent(limit.confidence)}) is ${percent(observed)} of value, above the ${percent(limit.lossMax)} limit.`,
    },
  ];
}

function checkDrawdown(p: ParsedRiskLimitPolicy, s: RiskSnapshot): RiskLimitBreach[] {
  if (p.drawdownMax === undefined || s.portfolioReturns === undefined || s.portfolioReturns.length === 0) return [];
  const observed = -maxDrawdown(s.portfolioReturns);
  if (observed <= p.drawdownMax) return [];
  return [
    {
      limit: 'max_drawdown',
      severity: 'breach',
      observed,
      threshold: p.drawdownMax,
      recommendation: 'Review the allocation against the drawdown the plan can bear; consider de-risking.',
      message: `The portfolio fell ${percent(observed)} from its peak, more than the ${percent(p.drawdownMax)} limit.`,
    },
  ];
}

function checkPositionWeights(p: ParsedRiskLimitPolicy, s: RiskSnapshot): RiskLimitBreach[] {
  const weightMax = p.positionWeightMax;
  if (weightMax === undefined) return [];
  return s.positions
    .filter((x) => Math.abs(x.weight) > weightMax)
    .map((x) => ({
      limit: 'position_weight' as const,
      severity: 'breach' as const,
      subject: [x.id],
      observed: Math.abs(x.weight),
      threshold: weightMax,
      recommendation: `Trim ${x.id} to at most ${percent(weightMax)} of the portfolio.`,
      message: `${x.id} weighs ${percent(Math.abs(x.weight))}, above the ${percent(weightMax)} single-position limit.`,
    }));
}

function checkSectorWeights(p: ParsedRiskLimitPolicy, s: RiskSnapshot): RiskLimitBreach[] {
  const weightMax = p.sectorWeightMax;
  if (weightMax === undefined) return [];
  const sectors = new Map<string, number>();
  for (const x of s.positions) if (x.sector !== undefined) sectors.set(x.sector, (sectors.get(x.sector) ?? 0) + x.weight);
  return [...sectors.entries()]
    .filter(([, w]) => w > weightMax)
    .map(([sector, w]) => ({
      limit: 'sector_weight' as const,
      severity: 'breach' as const,
      subject: [sector],
      observed: w,
      threshold: weightMax,
      recommendation: `Reduce ${sector} holdings to at most ${percent(weightMax)} in total.`,
      message: `The ${sector} sector weighs ${percent(w)}, above the ${percent(weightMax)} sector limit.`,
    }));
}

function checkCorrelations(p: ParsedRiskLimitPolicy, s: RiskSnapshot): RiskLimitBreach[] {
  const threshold = p.correlationAlert;
  if (threshold === undefined) return [];
  const series = s.positions
    .filter((x) => x.returns !== undefined)
    .map((x) => ({ id: x.id, r: Float64Array.from(x.returns!, (v) => v ?? Number.NaN) }));
  const out: RiskLimitBreach[] = [];
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const a = series[i]!;
      const b = series[j]!;
      if (a.r.length !== b.r.length) {
        throw new KronosError('INVALID_INPUT', `Returns of ${a.id} and ${b.id} have different lengths; align them by date.`, { pair: [a.id, b.id] });
      }
      const both = (x: Float64Array, y: Float64Array) => x.map((v, t) => (y[t] === y[t] ? v : Number.NaN));
      const x = both(a.r, b.r);
      const y = both(b.r, a.r);
      const rho = pairwiseCovariance(x, y) / Math.sqrt(pairwiseCovariance(x, x) * pairwiseCovariance(y, y));
      if (rho >= threshold) {
        out.push({
          limit: 'pairwise_correlation',
          severity: 'alert',
          subject: [a.id, b.id],
          observed: rho,
          threshold,
          recommendation: `${a.id} and ${b.id} move together; holding both adds little diversification. Consider replacing one.`,
          message: `${a.id} and ${b.id} have a return correlation of ${rho.toFixed(3)}, at or above ${threshold}.`,
        });
      }
    }
  }
  return out;
}

function checkVolatility(p: ParsedRiskLimitPolicy, s: RiskSnapshot): RiskLimitBreach[] {
  const rule = p.volatilityDefensive;
  if (rule === undefined || s.portfolioReturns === undefined || s.portfolioReturns.length < 2) return [];
  const observed = annualVolatility(s.portfolioReturns, { periodsPerYear: rule.periodsPerYear });
  if (observed <= rule.annualVolatilityMax) return [];
  return [
    {
      limit: 'volatility_defensive',
      severity: 'alert',
      observed,
      threshold: rule.annualVolatilityMax,
      recommendation: `Consider a defensive move: raise cash to about ${percent(rule.cashWeightSuggested)} of the portfolio.`,
      message: `Annualised volatility is ${percent(observed)}, above the ${percent(rule.annualVolatilityMax)} threshold.`,
    },
  ];
}

function checkStopLoss(p: ParsedRiskLimitPolicy, s: RiskSnapshot): RiskLimitBreach[] {
  const rule = p.stopLoss;
  if (rule === undefined) return [];
  return s.positions
    .filter((x) => x.price !== undefined && x.costBasis !== undefined && 1 - x.price / x.costBasis > rule.lossFromCostMax)
    .map((x) => {
      const loss = 1 - x.price! / x.costBasis!;
      return {
        limit: 'stop_loss' as const,
        severity: 'alert' as const,
        subject: [x.id],
        observed: loss,
        threshold: rule.lossFromCostMax,
        recommendation: `Evaluate an exit from ${x.id} (and whether its loss can be harvested for tax).`,
        message: `${x.id} is ${percent(loss)} below its cost, past the ${percent(rule.lossFromCostMax)} stop-loss rule.`,
      };
    });
}
