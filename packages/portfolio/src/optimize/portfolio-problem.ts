import { KronosError } from '@kronos/core-ledger';
import type { LinearInequality } from '../solver/solve-quadratic-program.js';

/** A group (sector) constraint: lower <= sum of its members' weights <= upper. */
export interface WeightGroup {
  readonly name: string;
  /** Tickers (when the problem names its assets) or asset indices. */
  readonly members: readonly (string | number)[];
  readonly lower?: number;
  readonly upper?: number;
}

/** A linear constraint on the weights: lower <= coefficients' w <= upper, or = equal. */
export interface WeightConstraint extends LinearInequality {
  readonly equal?: number;
}

/** What every mean-variance optimiser takes. Returns and covariance are annualised. */
export interface PortfolioProblem {
  /** n*n covariance, row-major Float64Array or rows. */
  readonly covariance: Float64Array | readonly (readonly number[])[];
  /** Expected returns (needed by every optimiser but minimum volatility and the risk parities). */
  readonly expectedReturns?: ArrayLike<number>;
  readonly tickers?: readonly string[];
  /** [lower, upper] for every asset, or per asset; default [0, 1] (long only). Use -Infinity/Infinity for none. */
  readonly weightBounds?: readonly [number, number] | { readonly lower: ArrayLike<number>; readonly upper: ArrayLike<number> };
  readonly groups?: readonly WeightGroup[];
  readonly constraints?: readonly WeightConstraint[];
  /** L2 regularisation gamma: adds gamma * |w|^2 to the objective (PyPortfolioOpt's L2_reg). */
  readonly l2Gamma?: number;
  /** Turnover against current weights: costPerUnit * |w - current|_1 and/or quadraticPenalty * |w - current|^2. */
  readonly turnover?: { readonly currentWeights: ArrayLike<number>; readonly costPerUnit?: number; readonly quadraticPenalty?: number };
  /** Annual risk-free rate for Sharpe ratios (default 0.02). */
  readonly riskFreeRate?: number;
}

/** An optimiser's answer. */
export interface PortfolioResult {
  readonly weights: Float64Array<ArrayBufferLike>;
  readonly tickers: readonly string[];
  readonly expectedReturn: number;
  readonly volatility: number;
  readonly sharpe: number;
}

/** The problem read into arrays, validated. */
export interface NormalisedProblem {
  readonly n: number;
  readonly covariance: Float64Array;
  readonly expectedReturns: Float64Array | undefined;
  readonly tickers: readonly string[];
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Group and user rows: lower <= row' w <= upper (equal when lower = upper). */
  readonly rows: readonly { name: string; row: Float64Array; lower: number; upper: number }[];
  readonly l2Gamma: number;
  readonly turnover: { currentWeights: Float64Array; costPerUnit: number; quadraticPenalty: number } | undefined;
  readonly riskFreeRate: number;
}

function invalid(message: string, details: Record<string, unknown> = {}): KronosError {
  return new KronosError('INVALID_INPUT', message, details);
}

function readCovariance(covariance: PortfolioProblem['covariance']): { n: number; matrix: Float64Array } {
  if (covariance instanceof Float64Array) {
    const n = Math.round(Math.sqrt(covariance.length));
    if (n * n !== covariance.length || n === 0) throw invalid('The covariance must be a non-empty n*n matrix.');
    return { n, matrix: Float64Array.from(covariance) };
  }
  const n = covariance.length;
  if (n === 0) throw invalid('The covariance must be a non-empty n*n matrix.');
  const matrix = new Float64Array(n * n);
  covariance.forEach((row, i) => {
    if (row.length !== n) throw invalid(`Covariance row ${i} has ${row.length} entries; it needs ${n}.`);
    row.forEach((value, j) => (matrix[i * n + j] = value));
  });
  return { n, matrix };
}

function readVector(values: ArrayLike<number>, n: number, what: string, allowInfinite = false): Float64Array<ArrayBuffer> {
  if (values.length !== n) throw invalid(`${what} has ${values.length} entries; there are ${n} assets.`, { what });
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i]!;
  requireFinite(out, what, allowInfinite);
  return out;
}

/** INVALID_INPUT at the first NaN (or infinity, unless allowed); a plain loop, as it runs over whole covariances. */
function requireFinite(values: Float64Array, what: string, allowInfinite = false): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value) || (!allowInfinite && !Number.isFinite(value))) throw invalid(`${what}[${i}] is ${value}; pass finite numbers.`, { what, index: i });
  }
}

function readBounds(problem: PortfolioProblem, n: number): { lower: Float64Array; upper: Float64Array } {
  const bounds = problem.weightBounds ?? [0, 1];
  if (Array.isArray(bounds)) {
    const [low, high] = bounds as readonly [number, number];
    return { lower: new Float64Array(n).fill(low), upper: new Float64Array(n).fill(high) };
  }
  const perAsset = bounds as { lower: ArrayLike<number>; upper: ArrayLike<number> };
  return { lower: readVector(perAsset.lower, n, 'weightBounds.lower', true), upper: readVector(perAsset.upper, n, 'weightBounds.upper', true) };
}

function readGroups(groups: readonly WeightGroup[], tickers: readonly string[], n: number) {
  return groups.map((group) => {
    const row = new Float64Array(n);
    for (const member of group.members) {
      const index = typeof member === 'number' ? member : tickers.indexOf(member);
      if (!(index >= 0 && index < n)) throw invalid(`Group '${group.name}' names '${member}', which is not an asset of the problem.`, { group: group.name, member });
      row[index] = 1;
    }
    return { name: `group ${group.name}`, row, lower: group.lower ?? -Infinity, upper: group.upper ?? Infinity };
  });
}

/** Validates a portfolio problem and reads it into arrays. */
export function normaliseProblem(problem: PortfolioProblem): NormalisedProblem {
  const { n, matrix } = readCovariance(problem.covariance);
  requireFinite(matrix, 'covariance');
  const tickers = problem.tickers ?? Array.from({ length: n }, (_, i) => `asset ${i}`);
  if (tickers.length !== n) throw invalid(`There are ${tickers.length} tickers for ${n} assets.`);
  const expectedReturns = problem.expectedReturns === undefined ? undefined : readVector(problem.expectedReturns, n, 'expectedReturns');
  const { lower, upper } = readBounds(problem, n);
  const rows = readGroups(problem.groups ?? [], tickers, n);
  (problem.constraints ?? []).forEach((constraint, k) => {
    const row = readVector(constraint.coefficients, n, constraint.name ?? `constraints[${k}]`);
    const name = constraint.name ?? `constraint ${k}`;
    if (constraint.equal !== undefined) rows.push({ name, row, lower: constraint.equal, upper: constraint.equal });
    else rows.push({ name, row, lower: constraint.lower ?? -Infinity, upper: constraint.upper ?? Infinity });
  });
  const l2Gamma = problem.l2Gamma ?? 0;
  if (!(l2Gamma >= 0)) throw invalid(`l2Gamma is ${l2Gamma}; pass a non-negative number.`);
  const turnover = problem.turnover === undefined ? undefined : {
    currentWeights: readVector(problem.turnover.currentWeights, n, 'turnover.currentWeights'),
    costPerUnit: problem.turnover.costPerUnit ?? 0,
    quadraticPenalty: problem.turnover.quadraticPenalty ?? 0,
  };
  if (turnover !== undefined && !(turnover.costPerUnit >= 0 && turnover.quadraticPenalty >= 0)) throw invalid('Turnover costs must be non-negative.');
  return { n, covariance: matrix, expectedReturns, tickers, lower, upper, rows, l2Gamma, turnover, riskFreeRate: problem.riskFreeRate ?? 0.02 };
}

/** The expected returns, or an INVALID_INPUT naming the optimiser that needs them. */
export function requireReturns(problem: NormalisedProblem, optimiser: string): Float64Array {
  if (problem.expectedReturns === undefined) throw invalid(`${optimiser} needs expectedReturns.`, { optimiser });
  return problem.expectedReturns;
}

/** Return, volatility and Sharpe of weights (PyPortfolioOpt's portfolio_performance). */
export function measurePortfolio(problem: NormalisedProblem, weights: Float64Array<ArrayBufferLike>, riskFreeRate = problem.riskFreeRate): PortfolioResult {
  const { n, covariance } = problem;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += covariance[i * n + j]! * weights[j]!;
    variance += weights[i]! * sum;
  }
  let expectedReturn = Number.NaN;
  if (problem.expectedReturns !== undefined) {
    expectedReturn = 0;
    for (let i = 0; i < n; i++) expectedReturn += problem.expectedReturns[i]! * weights[i]!;
  }
  const volatility = Math.sqrt(Math.max(variance, 0));
  return { weights, tickers: problem.tickers, expectedReturn, volatility, sharpe: (expectedReturn - riskFreeRate) / volatility };
}
