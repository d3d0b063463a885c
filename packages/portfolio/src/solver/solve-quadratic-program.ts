import { dot, multiplyMatrixVector } from '../_internal/dense.js';
import { type PreparedProgram as Prepared, prepareProgram } from '../_internal/prepare-program.js';
import { solveScreened } from '../_internal/screen-variables.js';
import { type CoreSolution, solvePrepared } from '../_internal/solve-prepared.js';

/** `coefficients' x = value`. */
export interface LinearEquality {
  readonly coefficients: ArrayLike<number>;
  readonly value: number;
  readonly name?: string;
}

/** `lower <= coefficients' x <= upper` (either side may be omitted). */
export interface LinearInequality {
  readonly coefficients: ArrayLike<number>;
  readonly lower?: number;
  readonly upper?: number;
  readonly name?: string;
}

/** min 1/2 x'Qx + c'x s.t. equalities, inequalities and bounds. */
export interface QuadraticProgram {
  /** Symmetric positive semi-definite n*n matrix, row-major or as rows. */
  readonly quadratic: Float64Array | readonly (readonly number[])[];
  /** The linear term c (zeros when omitted). */
  readonly linear?: ArrayLike<number>;
  readonly equalities?: readonly LinearEquality[];
  readonly inequalities?: readonly LinearInequality[];
  /** Per-variable lower bounds (-Infinity for none). */
  readonly lower?: ArrayLike<number>;
  /** Per-variable upper bounds (Infinity for none). */
  readonly upper?: ArrayLike<number>;
  /** Names used in errors and in the active set (defaults `x[i]`). */
  readonly variableNames?: readonly string[];
}

export interface SolveQuadraticProgramOptions {
  /** Bound on active-set changes per solve (default 50 * (n + constraints)). */
  readonly iterationsMax?: number;
  /** Target for the largest KKT residual, absolute (default 1e-10): scale the data to order 1. */
  readonly kktTolerance?: number;
  /** Bound on proximal refinement rounds for a singular Q (default 200). */
  readonly refinementRoundsMax?: number;
  /**
   * From 120 variables with bounds, solve on a working set of variables and
   * price the rest (default true); false always runs the full dual solve.
   */
  readonly screening?: boolean;
}

/** The KKT residuals of a solution, each an infinity norm. */
export interface KktResiduals {
  /** |Qx + c - sum multiplier_k normal_k|. */
  readonly stationarity: number;
  /** Largest constraint or bound violation. */
  readonly primalFeasibility: number;
  /** Largest negative multiplier of an inequality. */
  readonly dualFeasibility: number;
  /** Largest |multiplier * slack|. */
  readonly complementarity: number;
}

export interface QuadraticProgramSolution {
  readonly x: Float64Array;
  readonly objective: number;
  readonly kkt: KktResiduals;
  /** Names of the binding constraints (bounds read `x[i] >= l` / `x[i] <= u`). */
  readonly active: readonly string[];
  /** Multiplier of each equality (sign: Qx + c = sum of multiplier * coefficients). */
  readonly equalityMultipliers: Float64Array;
  /** Total active-set iterations over all rounds. */
  readonly iterations: number;
  /** Proximal refinement rounds used (0 when Q was positive definite). */
  readonly refinementRounds: number;
}


/**
 * Solves a convex quadratic program exactly with a dual active-set method
 * (Goldfarb-Idnani). A singular or nearly singular Q is handled by proximal
 * refinement: each round solves the strictly convex problem with Q + eps I and
 * c - eps x_k, which converges to a solution of the original problem; the
 * reported KKT residuals are always those of the original problem.
 *
 * @throws KronosError `INFEASIBLE` naming the constraint that cannot hold,
 *   `UNBOUNDED`, `ITERATION_LIMIT`, `INVALID_INPUT`.
 * @example
 * ```ts
 * // min x^2 + y^2  s.t.  x + y = 1,  x >= 0.7
 * const solution = solveQuadraticProgram({
 *   quadratic: [[2, 0], [0, 2]],
 *   equalities: [{ coefficients: [1, 1], value: 1, name: 'budget' }],
 *   lower: [0.7, -Infinity],
 * });
 * Array.from(solution.x, (v) => Number(v.toFixed(12))); //=> [0.7, 0.3]
 * solution.active; //=> ['budget', 'x[0] >= 0.7']
 * ```
 */
export function solveQuadraticProgram(problem: QuadraticProgram, options: SolveQuadraticProgramOptions = {}): QuadraticProgramSolution {
  const prepared = prepareProgram(problem);
  const settings = {
    ...(options.iterationsMax === undefined ? {} : { iterationsMax: options.iterationsMax }),
    kktTolerance: options.kktTolerance ?? 1e-10,
    refinementRoundsMax: options.refinementRoundsMax ?? 200,
  };
  const solution = (options.screening === false ? undefined : solveScreened(prepared, settings)) ?? solvePrepared(prepared, settings);
  return finish(prepared, solution);
}

function finish(prepared: Prepared, result: CoreSolution): QuadraticProgramSolution {
  const { n, G, a, constraints, equalityCount } = prepared;
  const objective = 0.5 * dot(result.x, multiplyMatrixVector(G, result.x, n), n) + dot(a, result.x, n);
  return {
    x: result.x,
    objective,
    kkt: result.kkt,
    active: result.active.map((k) => constraints[k]!.name),
    equalityMultipliers: result.multipliers.slice(0, equalityCount),
    iterations: result.iterations,
    refinementRounds: result.refinementRounds,
  };
}
