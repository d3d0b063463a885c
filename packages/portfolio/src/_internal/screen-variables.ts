/**
 * Variable screening for large problems with bounds: most variables of a
 * long-only optimum sit at a bound, so the dual active-set method runs on a
 * working set W of variables (the others fixed at their bound), then prices
 * the fixed ones with their reduced costs r_j = (Qx + c - sum u_k a_k)_j and
 * brings in those with the wrong sign, until none is left. The answer is then
 * a KKT point of the full problem (checked on it), at the cost of a few
 * |W|^3 solves instead of one n^3.
 */
import { isKronosError } from '@kronos/core-ledger';
import { factorCholesky, isRestrictionCheaper, restrictCholesky } from './dense.js';
import type { ConstraintRow } from './dual-active-set.js';
import { solveEqualitiesOnly } from './equality-fast-path.js';
import type { PreparedProgram } from './prepare-program.js';
import { type CoreSettings, type CoreSolution, maxResidual, measureKkt, solvePrepared } from './solve-prepared.js';

/** Below this many variables the full solve is as fast as screening. */
export const screeningSizeMin = 120;
/** Bound on pricing rounds before falling back to the full solve. */
export const screeningRoundsMax = 40;

interface Anchors {
  /** Value a fixed variable takes (its finite bound), NaN when it must stay free. */
  readonly value: Float64Array;
  /** Constraint index of the bound a fixed variable sits on. */
  readonly boundConstraint: Int32Array;
}

function anchorsOf(prepared: PreparedProgram): Anchors {
  const value = new Float64Array(prepared.n).fill(Number.NaN);
  const boundConstraint = new Int32Array(prepared.n).fill(-1);
  prepared.constraints.forEach((constraint, k) => {
    if (constraint.row !== undefined) return;
    const i = constraint.index;
    // Prefer the lower bound (sign +1) as the anchor.
    if (constraint.sign > 0 || Number.isNaN(value[i]!)) {
      value[i] = constraint.sign * constraint.bound;
      boundConstraint[i] = k;
    }
  });
  return { value, boundConstraint };
}

/** How attractive a variable looks before any solve: pull of the equalities and the linear term per unit curvature. */
function rankVariables(prepared: PreparedProgram): number[] {
  const { n, G, a, constraints, equalityCount } = prepared;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = -a[i]!;
  for (let k = 0; k < equalityCount; k++) {
    const { row, bound } = constraints[k]!;
    if (row === undefined || bound === 0) continue;
    for (let i = 0; i < n; i++) score[i] = score[i]! + Math.sign(bound) * row[i]!;
  }
  for (let i = 0; i < n; i++) score[i] = score[i]! / Math.max(G[i * n + i]!, Number.MIN_VALUE);
  return Array.from({ length: n }, (_, i) => i).sort((x, y) => score[y]! - score[x]!);
}

/** The program restricted to `working`, the other variables fixed at their anchors. */
function restrict(prepared: PreparedProgram, anchors: Anchors, working: readonly number[]) {
  const { n, G, a, constraints, equalityCount } = prepared;
  const k = working.length;
  const local = new Int32Array(n).fill(-1);
  working.forEach((i, position) => (local[i] = position));
  const fixed = Array.from({ length: n }, (_, i) => i).filter((i) => local[i] === -1);
  const subG = new Float64Array(k * k);
  const subA = new Float64Array(k);
  working.forEach((i, p) => {
    for (let q = 0; q < k; q++) subG[p * k + q] = G[i * n + working[q]!]!;
    let linear = a[i]!;
    for (const j of fixed) linear += G[i * n + j]! * anchors.value[j]!;
    subA[p] = linear;
  });
  const subConstraints: ConstraintRow[] = [];
  const origin: number[] = [];
  constraints.forEach((constraint, index) => {
    if (constraint.row === undefined) {
      if (local[constraint.index] === -1) return;
      subConstraints.push({ ...constraint, index: local[constraint.index]! });
    } else {
      const row = constraint.row;
      let bound = constraint.bound;
      for (const j of fixed) bound -= row[j]! * anchors.value[j]!;
      subConstraints.push({ ...constraint, row: Float64Array.from(working, (i) => row[i]!), bound });
    }
    origin.push(index);
  });
  return { program: { n: k, G: subG, a: subA, constraints: subConstraints, equalityCount }, origin, fixed };
}

/**
 * The variables strictly inside their bounds at the equality-only optimum
 * (one Cholesky factorisation): a close guess of the final working set when
 * only some bounds bind. When nothing binds it is the answer; undefined when Q
 * is not positive definite enough.
 */
function startingSet(prepared: PreparedProgram, anchors: Anchors, settings: CoreSettings): { solved: CoreSolution } | { working: number[]; lower: Float64Array } | undefined {
  const { n, G, a, constraints, equalityCount } = prepared;
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(G[i * n + i]!));
  const lower = factorCholesky(G, n, 1e-10 * maxDiagonal);
  if (lower === undefined) return undefined;
  const guess = solveEqualitiesOnly(lower, n, a, constraints, equalityCount, 1e-13);
  if (guess === undefined) return undefined;
  if (guess.feasible) {
    const kkt = measureKkt(prepared, guess.x, guess.multipliers, guess.active);
    if (maxResidual(kkt) <= settings.kktTolerance) return { solved: { x: guess.x, multipliers: guess.multipliers, active: guess.active, kkt, iterations: 0, refinementRounds: 0 } };
    return undefined;
  }
  const inside = new Uint8Array(n).fill(1);
  constraints.forEach((constraint) => {
    if (constraint.row !== undefined) return;
    if (constraint.sign * guess.x[constraint.index]! <= constraint.bound) inside[constraint.index] = 0;
  });
  return { working: Array.from({ length: n }, (_, i) => i).filter((i) => inside[i] === 1 || Number.isNaN(anchors.value[i]!)), lower };
}

/** A KKT point of the full problem by screening, or undefined to use the full solve. */
export function solveScreened(prepared: PreparedProgram, settings: CoreSettings): CoreSolution | undefined {
  const { n } = prepared;
  if (n < screeningSizeMin) return undefined;
  const anchors = anchorsOf(prepared);
  const ranked = rankVariables(prepared);
  const inWorking = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (Number.isNaN(anchors.value[i]!)) inWorking[i] = 1;
  const grow = (count: number, candidates: readonly number[]): void => {
    let added = 0;
    for (const i of candidates) {
      if (added >= count) break;
      if (inWorking[i] === 0) {
        inWorking[i] = 1;
        added++;
      }
    }
  };
  const start = startingSet(prepared, anchors, settings);
  if (start !== undefined && 'solved' in start) return start.solved;
  if (start === undefined) grow(Math.max(40, Math.ceil(4 * Math.sqrt(n))), ranked);
  else for (const i of start.working) inWorking[i] = 1;
  let iterations = 0;
  for (let round = 0; round < screeningRoundsMax; round++) {
    const working = Array.from({ length: n }, (_, i) => i).filter((i) => inWorking[i] === 1);
    if (working.length === n) return undefined;
    const { program, origin, fixed } = restrict(prepared, anchors, working);
    // A working set that leaves out few variables (the usual case: a handful
    // of assets at zero) takes its factor from the full one by rank-one
    // updates. A principal submatrix's pivots are no smaller than the full
    // matrix's, so the factor passes the same positive-definiteness test.
    const fullLower = start !== undefined && 'lower' in start ? start.lower : undefined;
    const factor = fullLower !== undefined && isRestrictionCheaper(n, working) ? restrictCholesky(fullLower, n, working) : undefined;
    let sub: CoreSolution;
    try {
      sub = solvePrepared(program, settings, factor);
    } catch (error) {
      if (!isKronosError(error, 'INFEASIBLE')) throw error;
      grow(working.length, ranked);
      continue;
    }
    iterations += sub.iterations;
    const merged = merge(prepared, anchors, working, fixed, origin, sub);
    const violators = fixed.filter((j) => merged.reducedCost[j]! * Math.sign(anchorSign(prepared, anchors, j)) < -1e-12);
    if (violators.length === 0) {
      const kkt = measureKkt(prepared, merged.x, merged.multipliers, merged.active);
      if (maxResidual(kkt) > settings.kktTolerance) return undefined;
      return { x: merged.x, multipliers: merged.multipliers, active: merged.active, kkt, iterations, refinementRounds: sub.refinementRounds };
    }
    // Every variable priced out of place comes in: few rounds, and a quick
    // fall back to the full solve when the optimum has few variables at bounds.
    grow(violators.length, violators);
  }
  return undefined;
}

function anchorSign(prepared: PreparedProgram, anchors: Anchors, j: number): number {
  return prepared.constraints[anchors.boundConstraint[j]!]!.sign;
}

/** Full x, multipliers (fixed bounds priced by their reduced costs) and active set. */
function merge(prepared: PreparedProgram, anchors: Anchors, working: readonly number[], fixed: readonly number[], origin: readonly number[], sub: CoreSolution) {
  const { n, G, a, constraints } = prepared;
  const x = Float64Array.from(anchors.value);
  working.forEach((i, p) => (x[i] = sub.x[p]!));
  const multipliers = new Float64Array(constraints.length);
  origin.forEach((full, local) => (multipliers[full] = sub.multipliers[local]!));
  const reducedCost = new Float64Array(n);
  for (const j of fixed) {
    let sum = a[j]!;
    for (let i = 0; i < n; i++) sum += G[j * n + i]! * x[i]!;
    reducedCost[j] = sum;
  }
  constraints.forEach((constraint, k) => {
    const u = multipliers[k]!;
    if (constraint.row === undefined || u === 0) return;
    for (const j of fixed) reducedCost[j] = reducedCost[j]! - u * constraint.row[j]!;
  });
  const active = sub.active.map((local) => origin[local]!);
  for (const j of fixed) {
    const k = anchors.boundConstraint[j]!;
    multipliers[k] = reducedCost[j]! / constraints[k]!.sign;
    active.push(k);
  }
  return { x, multipliers, active, reducedCost };
}
