import { solveQuadraticProgram, type LinearInequality, type QuadraticProgramSolution } from '../solver/solve-quadratic-program.js';
import type { NormalisedProblem } from '../optimize/portfolio-problem.js';

export interface WeightObjective {
  /** Multiplier of w' Sigma w. */
  readonly varianceScale: number;
  /** Multiplier of the L2 and turnover terms. */
  readonly penaltyScale: number;
  /** Extra linear term in w (e.g. -mu). */
  readonly linear?: Float64Array;
  /** Extra rows: lower <= row' w <= upper. */
  readonly rows?: readonly { name: string; row: Float64Array; lower: number; upper: number }[];
  /** Sum of weights (1, or 0 for market neutral). */
  readonly budget: number;
}

/**
 * Builds and solves varianceScale * w'Sw + penaltyScale * (gamma |w|^2 +
 * rho |w - w0|^2 + k |w - w0|_1) + linear'w under the problem's constraints.
 * The L1 turnover term uses auxiliary variables t >= |w - w0|.
 */
export function solveWeightProgram(problem: NormalisedProblem, objective: WeightObjective): { weights: Float64Array; solution: QuadraticProgramSolution } {
  const { n, covariance, turnover } = problem;
  const l1 = turnover !== undefined && turnover.costPerUnit > 0 ? turnover.costPerUnit * objective.penaltyScale : 0;
  const size = l1 > 0 ? 2 * n : n;
  const quadratic = new Float64Array(size * size);
  const linear = new Float64Array(size);
  const ridge = 2 * objective.penaltyScale * (problem.l2Gamma + (turnover?.quadraticPenalty ?? 0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) quadratic[i * size + j] = 2 * objective.varianceScale * covariance[i * n + j]!;
    quadratic[i * size + i] = quadratic[i * size + i]! + ridge;
    linear[i] = (objective.linear?.[i] ?? 0) - 2 * objective.penaltyScale * (turnover?.quadraticPenalty ?? 0) * (turnover?.currentWeights[i] ?? 0);
  }
  const widen = (row: Float64Array): Float64Array => {
    if (size === n) return row;
    const wide = new Float64Array(size);
    wide.set(row);
    return wide;
  };
  const inequalities: LinearInequality[] = [...problem.rows, ...(objective.rows ?? [])].map((r) => ({ name: r.name, coefficients: widen(r.row), lower: r.lower, upper: r.upper }));
  const lower = new Float64Array(size).fill(-Infinity);
  const upper = new Float64Array(size).fill(Infinity);
  lower.set(problem.lower);
  upper.set(problem.upper);
  const names = [...problem.tickers];
  if (l1 > 0 && turnover !== undefined) {
    for (let i = 0; i < n; i++) {
      linear[n + i] = l1;
      lower[n + i] = 0;
      names.push(`turnover ${problem.tickers[i]}`);
      const row = new Float64Array(size);
      row[n + i] = 1;
      row[i] = -1;
      inequalities.push({ name: `turnover above ${problem.tickers[i]}`, coefficients: row, lower: -turnover.currentWeights[i]! });
      const mirror = new Float64Array(size);
      mirror[n + i] = 1;
      mirror[i] = 1;
      inequalities.push({ name: `turnover below ${problem.tickers[i]}`, coefficients: mirror, lower: turnover.currentWeights[i]! });
    }
  }
  const budget = widen(new Float64Array(n).fill(1));
  const solution = solveQuadraticProgram({
    quadratic,
    linear,
    equalities: [{ name: 'weights sum', coefficients: budget, value: objective.budget }],
    inequalities,
    lower,
    upper,
    variableNames: names,
  });
  return { weights: solution.x.slice(0, n), solution };
}
