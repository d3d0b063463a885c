import { KronosError } from '@kronos/core-ledger';
import type { ConstraintRow } from './dual-active-set.js';
import type { QuadraticProgram } from '../solver/solve-quadratic-program.js';

export interface PreparedProgram {
  readonly n: number;
  readonly G: Float64Array;
  readonly a: Float64Array;
  readonly constraints: ConstraintRow[];
  readonly equalityCount: number;
}

function invalid(message: string, details: Record<string, unknown>): KronosError {
  return new KronosError('INVALID_INPUT', message, details);
}

function readQuadratic(quadratic: QuadraticProgram['quadratic']): { n: number; G: Float64Array } {
  if (quadratic instanceof Float64Array) {
    const n = Math.round(Math.sqrt(quadratic.length));
    if (n * n !== quadratic.length) throw invalid('The quadratic term must be a square n*n matrix.', { length: quadratic.length });
    return { n, G: Float64Array.from(quadratic) };
  }
  const n = quadratic.length;
  const G = new Float64Array(n * n);
  quadratic.forEach((row, i) => {
    if (row.length !== n) throw invalid(`Row ${i} of the quadratic term has ${row.length} entries; it needs ${n}.`, { row: i });
    for (let j = 0; j < n; j++) G[i * n + j] = row[j]!;
  });
  return { n, G };
}

function checkFinite(values: ArrayLike<number>, what: string, allowInfinite = false): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value) || (!allowInfinite && !Number.isFinite(value))) throw invalid(`${what}[${i}] is ${value}; pass finite numbers.`, { what, index: i });
  }
}

function readRow(coefficients: ArrayLike<number>, n: number, what: string, sign: number): Float64Array {
  if (coefficients.length !== n) throw invalid(`${what} has ${coefficients.length} coefficients; the problem has ${n} variables.`, { what });
  checkFinite(coefficients, what);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) row[i] = sign * coefficients[i]!;
  return row;
}

/** Validates a QP and rewrites every constraint as `normal' x >= bound`, equalities first. */
export function prepareProgram(problem: QuadraticProgram): PreparedProgram {
  const { n, G } = readQuadratic(problem.quadratic);
  if (n === 0) throw invalid('The problem has no variables.', {});
  checkFinite(G, 'quadratic');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const gap = Math.abs(G[i * n + j]! - G[j * n + i]!);
      if (gap > 1e-12 * (1 + Math.abs(G[i * n + j]!))) throw invalid(`The quadratic term is not symmetric at (${i}, ${j}); pass (Q + Q')/2.`, { row: i, column: j });
    }
  }
  const a = problem.linear === undefined ? new Float64Array(n) : readRow(problem.linear, n, 'linear', 1);
  const names = problem.variableNames ?? Array.from({ length: n }, (_, i) => `x[${i}]`);
  const constraints: ConstraintRow[] = [];
  (problem.equalities ?? []).forEach((equality, k) => {
    const name = equality.name ?? `equality[${k}]`;
    checkFinite([equality.value], name);
    constraints.push({ name, equality: true, index: -1, sign: 1, row: readRow(equality.coefficients, n, name, 1), bound: equality.value });
  });
  const equalityCount = constraints.length;
  (problem.inequalities ?? []).forEach((inequality, k) => {
    const name = inequality.name ?? `inequality[${k}]`;
    const lower = inequality.lower ?? -Infinity;
    const upper = inequality.upper ?? Infinity;
    checkFinite([lower, upper], name, true);
    if (lower > upper) throw new KronosError('INFEASIBLE', `'${name}' asks for ${lower} <= a'x <= ${upper}; make lower <= upper.`, { constraint: name });
    if (lower > -Infinity) constraints.push({ name: `${name} >= ${lower}`, equality: false, index: -1, sign: 1, row: readRow(inequality.coefficients, n, name, 1), bound: lower });
    if (upper < Infinity) constraints.push({ name: `${name} <= ${upper}`, equality: false, index: -1, sign: 1, row: readRow(inequality.coefficients, n, name, -1), bound: -upper });
  });
  pushBounds(problem, n, names, constraints);
  return { n, G, a, constraints, equalityCount };
}

function pushBounds(problem: QuadraticProgram, n: number, names: readonly string[], constraints: ConstraintRow[]): void {
  const lowers = problem.lower;
  const uppers = problem.upper;
  if (lowers !== undefined && lowers.length !== n) throw invalid(`lower has ${lowers.length} entries; the problem has ${n} variables.`, {});
  if (uppers !== undefined && uppers.length !== n) throw invalid(`upper has ${uppers.length} entries; the problem has ${n} variables.`, {});
  if (lowers !== undefined) checkFinite(lowers, 'lower', true);
  if (uppers !== undefined) checkFinite(uppers, 'upper', true);
  for (let i = 0; i < n; i++) {
    const lower = lowers?.[i] ?? -Infinity;
    const upper = uppers?.[i] ?? Infinity;
    const name = names[i] ?? `x[${i}]`;
    if (lower > upper) throw new KronosError('INFEASIBLE', `The bounds of ${name} cross (${lower} > ${upper}); make lower <= upper.`, { constraint: name });
    if (lower > -Infinity) constraints.push({ name: `${name} >= ${lower}`, equality: false, index: i, sign: 1, row: undefined, bound: lower });
    if (upper < Infinity) constraints.push({ name: `${name} <= ${upper}`, equality: false, index: i, sign: -1, row: undefined, bound: -upper });
  }
}
