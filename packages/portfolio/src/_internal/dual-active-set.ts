/**
 * The dual active-set method of Goldfarb and Idnani (Math. Programming 27,
 * 1983, "A numerically stable dual method for solving strictly convex
 * quadratic programs"), written from the paper: start at the unconstrained
 * minimum, add the most violated constraint, take primal and dual steps,
 * drop a constraint whose multiplier would turn negative. J = L^-T Q and the
 * upper-triangular R of the active normals are updated with Givens rotations,
 * so an iteration costs O(n^2) after the O(n^3) factorisation.
 *
 * Constraints are `normal' x >= bound`; equalities come first in the list and
 * are never dropped. Column-major storage: J[col * n + row], R[col * n + row].
 */
import { KronosError } from '@kronos/core-ledger';

/** A constraint `normal' x >= bound` (or `=` when `equality`). */
export interface ConstraintRow {
  readonly name: string;
  readonly equality: boolean;
  /** A bound constraint on one coordinate: normal = sign * e_index. */
  readonly index: number;
  readonly sign: number;
  /** A general row (then `index` is -1). */
  readonly row: Float64Array | undefined;
  readonly bound: number;
}

export interface DualActiveSetResult {
  readonly x: Float64Array;
  /** Multiplier per constraint (0 when inactive), for `normal' x >= bound`. */
  readonly multipliers: Float64Array;
  readonly active: readonly number[];
  readonly iterations: number;
}

export function evaluateNormal(constraint: ConstraintRow, x: Float64Array, n: number): number {
  if (constraint.row === undefined) return constraint.sign * x[constraint.index]!;
  const row = constraint.row;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += row[i]! * x[i]!;
  return sum;
}

class Workspace {
  readonly d: Float64Array;
  readonly z: Float64Array;
  readonly r: Float64Array;
  readonly R: Float64Array;
  readonly active: number[] = [];
  readonly activeSign: number[] = [];
  readonly u: Float64Array;
  constructor(readonly n: number, readonly J: Float64Array) {
    this.d = new Float64Array(n);
    this.z = new Float64Array(n);
    this.r = new Float64Array(n);
    this.R = new Float64Array(n * n);
    this.u = new Float64Array(n + 1);
  }

  /** d = J' (sign * normal). */
  computeD(constraint: ConstraintRow, sign: number): void {
    const { n, J, d } = this;
    if (constraint.row === undefined) {
      const s = sign * constraint.sign;
      for (let j = 0; j < n; j++) d[j] = s * J[j * n + constraint.index]!;
      return;
    }
    const row = constraint.row;
    for (let j = 0; j < n; j++) {
      let sum = 0;
      const col = j * n;
      for (let i = 0; i < n; i++) sum += J[col + i]! * row[i]!;
      d[j] = sign * sum;
    }
  }

  /** z = J2 d2 and r = R^-1 d1 for the current active count q. */
  computeSteps(): { zNormSquared: number } {
    const { n, J, d, z, r, R } = this;
    const q = this.active.length;
    z.fill(0);
    let zNormSquared = 0;
    for (let j = q; j < n; j++) {
      const dj = d[j]!;
      zNormSquared += dj * dj;
      if (dj === 0) continue;
      const col = j * n;
      for (let i = 0; i < n; i++) z[i] = z[i]! + dj * J[col + i]!;
    }
    for (let i = q - 1; i >= 0; i--) {
      let sum = d[i]!;
      for (let k = i + 1; k < q; k++) sum -= R[k * n + i]! * r[k]!;
      r[i] = sum / R[i * n + i]!;
    }
    return { zNormSquared };
  }

  /** Appends the constraint whose d is in `this.d`: rotate d[q..] onto d[q]. */
  add(index: number, sign: number): void {
    const { n, J, d, R } = this;
    const q = this.active.length;
    for (let j = n - 1; j > q; j--) {
      const a = d[j - 1]!;
      const b = d[j]!;
      if (b === 0) continue;
      const h = Math.hypot(a, b);
      const c = a / h;
      const s = b / h;
      d[j - 1] = h;
      d[j] = 0;
      rotateColumns(J, n, j - 1, j, c, s, 0);
    }
    for (let i = 0; i <= q; i++) R[q * n + i] = d[i]!;
    this.active.push(index);
    this.activeSign.push(sign);
  }

  /** Removes the active constraint at position `position`, restoring R to triangular. */
  drop(position: number): void {
    const { n, J, R, u } = this;
    const q = this.active.length;
    for (let col = position; col < q - 1; col++) {
      for (let i = 0; i <= col + 1; i++) R[col * n + i] = R[(col + 1) * n + i]!;
      u[col] = u[col + 1]!;
    }
    u[q - 1] = u[q]!;
    u[q] = 0;
    for (let i = 0; i < n; i++) R[(q - 1) * n + i] = 0;
    for (let j = position; j < q - 1; j++) {
      const a = R[j * n + j]!;
      const b = R[j * n + j + 1]!;
      if (b === 0) continue;
      const h = Math.hypot(a, b);
      const c = a / h;
      const s = b / h;
      R[j * n + j] = h;
      R[j * n + j + 1] = 0;
      for (let col = j + 1; col < q - 1; col++) {
        const t1 = R[col * n + j]!;
        const t2 = R[col * n + j + 1]!;
        R[col * n + j] = c * t1 + s * t2;
        R[col * n + j + 1] = -s * t1 + c * t2;
      }
      rotateColumns(J, n, j, j + 1, c, s, 0);
    }
    this.active.splice(position, 1);
    this.activeSign.splice(position, 1);
  }
}

function rotateColumns(J: Float64Array, n: number, first: number, second: number, c: number, s: number, from: number): void {
  const colA = first * n;
  const colB = second * n;
  for (let i = from; i < n; i++) {
    const t1 = J[colA + i]!;
    const t2 = J[colB + i]!;
    J[colA + i] = c * t1 + s * t2;
    J[colB + i] = -s * t1 + c * t2;
  }
}

/** Newton passes on the final active set's KKT system (each O(n^2)); two reach full precision. */
const refinementPassesMax = 2;

/**
 * One step of iterative refinement on the KKT system of the active set, using
 * the J, R factorisation already at hand:
 * dx = -(J1 R^-T r_p + J2 J2' r_d), du = R^-1 (J1' r_d - R^-T r_p),
 * with r_d = Gx + a - N u and r_p = N'x - b. It removes the rounding the
 * incremental updates accumulated, notably after long steps.
 */
function refineSolution(work: Workspace, constraints: readonly ConstraintRow[], x: Float64Array, G: Float64Array, a: Float64Array): void {
  const { n, J, R, u, active, activeSign } = work;
  const q = active.length;
  const residualDual = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = a[i]!;
    const row = i * n;
    for (let j = 0; j < n; j++) sum += G[row + j]! * x[j]!;
    residualDual[i] = sum;
  }
  const residualPrimal = new Float64Array(q);
  for (let position = 0; position < q; position++) {
    const constraint = constraints[active[position]!]!;
    const sign = activeSign[position]!;
    const multiplier = u[position]! * sign;
    if (constraint.row === undefined) residualDual[constraint.index] = residualDual[constraint.index]! - multiplier * constraint.sign;
    else for (let i = 0; i < n; i++) residualDual[i] = residualDual[i]! - multiplier * constraint.row[i]!;
    residualPrimal[position] = sign * (evaluateNormal(constraint, x, n) - constraint.bound);
  }
  // w = R^-T r_p (forward substitution with R').
  const w = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let sum = residualPrimal[i]!;
    for (let k = 0; k < i; k++) sum -= R[i * n + k]! * w[k]!;
    w[i] = sum / R[i * n + i]!;
  }
  // J' r_d.
  const projected = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    const col = j * n;
    for (let i = 0; i < n; i++) sum += J[col + i]! * residualDual[i]!;
    projected[j] = sum;
  }
  for (let j = 0; j < n; j++) {
    const coefficient = j < q ? w[j]! : projected[j]!;
    if (coefficient === 0) continue;
    const col = j * n;
    for (let i = 0; i < n; i++) x[i] = x[i]! - coefficient * J[col + i]!;
  }
  // du = R^-1 (J1' r_d - w), back substitution.
  const du = new Float64Array(q);
  for (let i = q - 1; i >= 0; i--) {
    let sum = projected[i]! - w[i]!;
    for (let k = i + 1; k < q; k++) sum -= R[k * n + i]! * du[k]!;
    du[i] = sum / R[i * n + i]!;
  }
  for (let i = 0; i < q; i++) u[i] = u[i]! + du[i]!;
}

export interface DualActiveSetOptions {
  readonly iterationsMax: number;
  readonly feasibilityTolerance: number;
}

/**
 * Solves min 1/2 x'Gx + a'x s.t. constraints, given J = L^-T (consumed) and
 * the unconstrained minimiser -G^-1 a in `x0`.
 */
export function solveDualActiveSet(
  J: Float64Array,
  G: Float64Array,
  a: Float64Array,
  x0: Float64Array,
  constraints: readonly ConstraintRow[],
  n: number,
  options: DualActiveSetOptions,
): DualActiveSetResult {
  const work = new Workspace(n, J);
  const x = Float64Array.from(x0);
  const isActive = new Uint8Array(constraints.length);
  let iterations = 0;
  for (;;) {
    const pick = pickViolated(constraints, isActive, x, n, options.feasibilityTolerance);
    if (pick === undefined) break;
    const constraint = constraints[pick.index]!;
    const added = addConstraint(work, constraints, pick.index, pick.sign, x, n, () => {
      iterations++;
      if (iterations > options.iterationsMax) {
        throw new KronosError('ITERATION_LIMIT', `The QP solver stopped after ${options.iterationsMax} iterations; raise iterationsMax or check the problem's scaling.`, { iterationsMax: options.iterationsMax });
      }
    }, isActive);
    if (added === 'redundant') {
      isActive[pick.index] = 2;
      continue;
    }
    if (added === 'infeasible') {
      throw new KronosError('INFEASIBLE', `The constraints cannot all hold: '${constraint.name}' conflicts with the constraints already binding (${work.active.map((k) => constraints[k]!.name).join(', ') || 'none'}). Relax one of them.`, {
        constraint: constraint.name,
        binding: work.active.map((k) => constraints[k]!.name),
      });
    }
  }
  for (let pass = 0; pass < refinementPassesMax; pass++) refineSolution(work, constraints, x, G, a);
  const multipliers = new Float64Array(constraints.length);
  work.active.forEach((k, position) => {
    multipliers[k] = work.u[position]! * work.activeSign[position]!;
  });
  return { x, multipliers, active: [...work.active], iterations };
}

function pickViolated(
  constraints: readonly ConstraintRow[],
  isActive: Uint8Array,
  x: Float64Array,
  n: number,
  tolerance: number,
): { index: number; sign: number } | undefined {
  let worst = 0;
  let pick: { index: number; sign: number } | undefined;
  for (let k = 0; k < constraints.length; k++) {
    if (isActive[k] !== 0) continue;
    const constraint = constraints[k]!;
    const slack = evaluateNormal(constraint, x, n) - constraint.bound;
    if (constraint.equality) {
      // Equalities enter first, whatever their slack; the sign makes the slack negative.
      return { index: k, sign: slack > 0 ? -1 : 1 };
    }
    const scale = tolerance * (1 + Math.abs(constraint.bound));
    if (slack < -scale && slack < worst) {
      worst = slack;
      pick = { index: k, sign: 1 };
    }
  }
  return pick;
}

/** Steps 2(a)-(c) of the method for one violated constraint p. */
function addConstraint(
  work: Workspace,
  constraints: readonly ConstraintRow[],
  p: number,
  sign: number,
  x: Float64Array,
  n: number,
  countIteration: () => void,
  isActive: Uint8Array,
): 'added' | 'redundant' | 'infeasible' {
  const constraint = constraints[p]!;
  const { z, r, u } = work;
  for (;;) {
    countIteration();
    work.computeD(constraint, sign);
    const { zNormSquared } = work.computeSteps();
    let dNormSquared = 0;
    for (let j = 0; j < n; j++) dNormSquared += work.d[j]! * work.d[j]!;
    const q = work.active.length;
    const slack = sign * (evaluateNormal(constraint, x, n) - constraint.bound);
    const zIsZero = zNormSquared <= 1e-24 * dNormSquared;
    // Partial (dual) step length: the first inequality multiplier to hit zero.
    let t1 = Infinity;
    let drop = -1;
    for (let position = 0; position < q; position++) {
      if (constraints[work.active[position]!]!.equality) continue;
      const rj = r[position]!;
      if (rj > 0) {
        const ratio = u[position]! / rj;
        if (ratio < t1) {
          t1 = ratio;
          drop = position;
        }
      }
    }
    if (constraint.equality && zIsZero && Math.abs(slack) <= 1e-12 * (1 + Math.abs(constraint.bound))) return 'redundant';
    const t2 = zIsZero ? Infinity : -slack / zNormSquared;
    const t = Math.min(t1, t2);
    if (t === Infinity) return 'infeasible';
    if (!zIsZero) for (let i = 0; i < n; i++) x[i] = x[i]! + t * z[i]!;
    for (let position = 0; position < q; position++) u[position] = u[position]! - t * r[position]!;
    u[q] = u[q]! + t;
    if (t === t2) {
      work.add(p, sign);
      isActive[p] = 1;
      return 'added';
    }
    isActive[work.active[drop]!] = 0;
    work.drop(drop);
  }
}
