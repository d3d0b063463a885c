import { KronosError, isKronosError } from '@kronos/core-ledger';
import { dot, factorCholesky, invertLowerTransposed, multiplyMatrixVector } from './dense.js';
import { type ConstraintRow, evaluateNormal, solveDualActiveSet } from './dual-active-set.js';
import { solveEqualitiesOnly } from './equality-fast-path.js';
import type { PreparedProgram } from './prepare-program.js';
import type { KktResiduals } from '../solver/solve-quadratic-program.js';

export interface CoreSettings {
  readonly iterationsMax?: number;
  readonly kktTolerance: number;
  readonly refinementRoundsMax: number;
}

export interface CoreSolution {
  readonly x: Float64Array;
  /** Per constraint of the prepared program, for `normal' x >= bound`. */
  readonly multipliers: Float64Array;
  readonly active: readonly number[];
  readonly kkt: KktResiduals;
  readonly iterations: number;
  readonly refinementRounds: number;
}

/**
 * The dual active-set solve of a prepared program: directly when Q is
 * positive definite enough, else by proximal refinement; KKT residuals are
 * measured on the original data. `factor`, when given, is the lower Cholesky
 * factor of G (its pivots above 1e-10 of the largest diagonal), saving the
 * factorisation.
 */
export function solvePrepared(prepared: PreparedProgram, options: CoreSettings, factor?: Float64Array): CoreSolution {
  const { n, G, a, constraints } = prepared;
  const iterationsMax = options.iterationsMax ?? 50 * (n + constraints.length + 1);
  const tolerance = options.kktTolerance;
  const roundsMax = options.refinementRoundsMax;
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(G[i * n + i]!));
  const scale = Math.max(1, maxDiagonal);
  const dualOptions = { iterationsMax, feasibilityTolerance: 1e-13 };
  const lower = factor ?? factorCholesky(G, n, 1e-10 * maxDiagonal);
  if (lower !== undefined) {
    const fast = solveEqualitiesOnly(lower, n, a, constraints, prepared.equalityCount, 1e-13);
    if (fast?.feasible === true) {
      const kkt = measureKkt(prepared, fast.x, fast.multipliers, fast.active);
      if (maxResidual(kkt) <= tolerance) return { ...fast, kkt, iterations: 0, refinementRounds: 0 };
    }
  }
  const direct = lower === undefined ? undefined : invertLowerTransposed(lower, n);
  let x: Float64Array = new Float64Array(n);
  let iterations = 0;
  // On an ill-conditioned Q the direct run may misjudge feasibility; the
  // regularised rounds below then decide (their INFEASIBLE is the one trusted).
  const result = direct === undefined ? undefined : attempt(() => solveFrom(direct, G, a, n, constraints, dualOptions));
  if (result !== undefined) {
    const kkt = measureKkt(prepared, result.x, result.multipliers, result.active);
    if (maxResidual(kkt) <= tolerance) return { ...result, kkt, refinementRounds: 0 };
    x = result.x;
    iterations = result.iterations;
  }
  // Proximal point rounds on Q + eps I, eps shrinking each round: a large eps
  // keeps the first subproblems well conditioned, a small one makes the
  // iteration converge fast along directions of little or no curvature;
  // iterative refinement inside each solve keeps the small-eps rounds exact.
  let linearMax = 0;
  for (let i = 0; i < n; i++) linearMax = Math.max(linearMax, Math.abs(a[i]!));
  const dataScale = Math.max(maxDiagonal, linearMax) || 1;
  for (let round = 1; round <= roundsMax; round++) {
    const epsilon = dataScale * Math.max(1e-6 * 0.1 ** (round - 1), 1e-13);
    const regularised = Float64Array.from(G);
    for (let i = 0; i < n; i++) regularised[i * n + i] = regularised[i * n + i]! + epsilon;
    const inverse = factorInverse(regularised, n, 0);
    if (inverse === undefined) throw new KronosError('INVALID_INPUT', 'The quadratic term is not positive semi-definite; pass a symmetric PSD matrix.', {});
    const shifted = new Float64Array(n);
    for (let i = 0; i < n; i++) shifted[i] = a[i]! - epsilon * x[i]!;
    const step = solveFrom(inverse, regularised, shifted, n, constraints, dualOptions);
    iterations += step.iterations;
    x = step.x;
    const kkt = measureKkt(prepared, step.x, step.multipliers, step.active);
    if (maxResidual(kkt) <= tolerance) return { ...step, kkt, iterations, refinementRounds: round };
    let norm = 0;
    for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(x[i]!));
    if (norm > 1e12 * scale) throw new KronosError('UNBOUNDED', 'The objective decreases without bound on the feasible set; add bounds or make the quadratic term positive definite on it.', { norm });
  }
  throw new KronosError('ITERATION_LIMIT', `Proximal refinement did not reach KKT residuals of ${tolerance} in ${roundsMax} rounds; raise refinementRoundsMax or rescale the problem.`, { roundsMax });
}


function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (isKronosError(error, 'INFEASIBLE')) return undefined;
    throw error;
  }
}

/** J = L^-T for G = LL', or undefined when G is not positive definite enough. */
function factorInverse(G: Float64Array, n: number, pivotMin: number): Float64Array | undefined {
  const lower = factorCholesky(G, n, pivotMin);
  return lower === undefined ? undefined : invertLowerTransposed(lower, n);
}

function solveFrom(
  inverse: Float64Array,
  G: Float64Array,
  a: Float64Array,
  n: number,
  constraints: readonly ConstraintRow[],
  options: { iterationsMax: number; feasibilityTolerance: number },
) {
  const J = Float64Array.from(inverse);
  // x0 = -G^-1 a = -J J' a.
  const projected = new Float64Array(n);
  for (let j = 0; j < n; j++) projected[j] = dot(J.subarray(j * n, j * n + n), a, n);
  const x0 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const pj = projected[j]!;
    const col = j * n;
    for (let i = 0; i < n; i++) x0[i] = x0[i]! - pj * J[col + i]!;
  }
  return solveDualActiveSet(J, G, a, x0, constraints, n, options);
}

export function maxResidual(kkt: KktResiduals): number {
  return Math.max(kkt.stationarity, kkt.primalFeasibility, kkt.dualFeasibility, kkt.complementarity);
}

export function measureKkt(prepared: PreparedProgram, x: Float64Array, multipliers: Float64Array, active: readonly number[]): KktResiduals {
  const { n, G, a, constraints } = prepared;
  const gradient = multiplyMatrixVector(G, x, n);
  for (let i = 0; i < n; i++) gradient[i] = gradient[i]! + a[i]!;
  for (const k of active) {
    const constraint = constraints[k]!;
    const multiplier = multipliers[k]!;
    if (constraint.row === undefined) gradient[constraint.index] = gradient[constraint.index]! - multiplier * constraint.sign;
    else for (let i = 0; i < n; i++) gradient[i] = gradient[i]! - multiplier * constraint.row[i]!;
  }
  let stationarity = 0;
  for (let i = 0; i < n; i++) stationarity = Math.max(stationarity, Math.abs(gradient[i]!));
  let primalFeasibility = 0;
  let dualFeasibility = 0;
  let complementarity = 0;
  constraints.forEach((constraint, k) => {
    const slack = evaluateNormal(constraint, x, n) - constraint.bound;
    primalFeasibility = Math.max(primalFeasibility, constraint.equality ? Math.abs(slack) : -slack);
    if (!constraint.equality) {
      dualFeasibility = Math.max(dualFeasibility, -multipliers[k]!);
      complementarity = Math.max(complementarity, Math.abs(multipliers[k]! * slack));
    }
  });
  return { stationarity, primalFeasibility, dualFeasibility, complementarity };
}

