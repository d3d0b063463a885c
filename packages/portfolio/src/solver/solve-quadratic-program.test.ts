import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKronosError } from '@kronos/core-ledger';
import { solveQuadraticProgram, type KktResiduals, type QuadraticProgram } from './solve-quadratic-program.js';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function maxKkt(solution: { kkt: KktResiduals }): number {
  return Math.max(...Object.values(solution.kkt));
}

/** Q = B'B (+ ridge) from a k*n matrix B given row-major. */
function gram(entries: readonly number[], k: number, n: number, ridge: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let sum = i === j ? ridge : 0;
      for (let r = 0; r < k; r++) sum += entries[r * n + i]! * entries[r * n + j]!;
      return sum;
    }),
  );
}

describe('solveQuadraticProgram', () => {
  it('solves an equality- and bound-constrained problem to the closed form', () => {
    const solution = solveQuadraticProgram({
      quadratic: [[2, 0], [0, 2]],
      equalities: [{ coefficients: [1, 1], value: 1, name: 'budget' }],
      lower: [0.7, -Infinity],
    });
    expect(solution.x[0]).toBeCloseTo(0.7, 14);
    expect(solution.x[1]).toBeCloseTo(0.3, 14);
    expect(solution.active).toEqual(['budget', 'x[0] >= 0.7']);
    // Stationarity in y: 2 * 0.3 = multiplier.
    expect(solution.equalityMultipliers[0]).toBeCloseTo(0.6, 14);
  });

  it('matches scipy on a problem with bounds, an equality and a general inequality', () => {
    // Reference: scipy 1.17 SLSQP (ftol 1e-15) identified the active set
    // {sum = 1, x3 <= 0.4}; numpy.linalg.solve on that KKT system gave
    // x = [0.3230769230769231, 0.25664335664335663, 0.02027972027972028, 0.4],
    // objective 0.1077342657342657 (x0 = 21/65).
    const solution = solveQuadraticProgram({
      quadratic: [[4, 1, 0.5, 0.2], [1, 3, 0.3, 0.1], [0.5, 0.3, 2, 0.4], [0.2, 0.1, 0.4, 1]],
      linear: [-1, -0.5, 0.2, 0.1],
      equalities: [{ coefficients: [1, 1, 1, 1], value: 1 }],
      inequalities: [{ coefficients: [1, 1, 0, 0], lower: 0.3 }],
      lower: [0, 0, 0, 0],
      upper: [0.4, 0.4, 0.4, 0.4],
    });
    const expected = [0.3230769230769231, 0.25664335664335663, 0.02027972027972028, 0.4];
    expected.forEach((value, i) => expect(solution.x[i]).toBeCloseTo(value, 13));
    expect(solution.objective).toBeCloseTo(0.1077342657342657, 14);
    expect(maxKkt(solution)).toBeLessThanOrEqual(1e-10);
  });

  it('solves a problem whose quadratic term is singular (rank 2 of 4) and matches scipy', () => {
    // Q = B'B with B = [[1,2,0,-1],[0,1,1,1]]; scipy 1.17 SLSQP from 20 starts
    // (ftol 1e-16) reached objective -0.8750000000000002 at x = [0, 0.5, -1, 1].
    const solution = solveQuadraticProgram({
      quadratic: [[1, 2, 0, -1], [2, 5, 1, -1], [0, 1, 1, 1], [-1, -1, 1, 2]],
      linear: [0.3, -0.2, 0.5, -0.4],
      equalities: [{ coefficients: [1, 1, 1, 1], value: 0.5 }],
      lower: [-1, -1, -1, -1],
      upper: [1, 1, 1, 1],
    });
    expect(solution.objective).toBeCloseTo(-0.875, 12);
    expect(maxKkt(solution)).toBeLessThanOrEqual(1e-10);
    expect(solution.refinementRounds).toBeGreaterThan(0);
  });

  it('solves a linear program (Q = 0) through proximal refinement', () => {
    // max x + 2y on the simplex x + y = 1, x, y >= 0: the vertex (0, 1).
    const solution = solveQuadraticProgram({
      quadratic: [[0, 0], [0, 0]],
      linear: [-1, -2],
      equalities: [{ coefficients: [1, 1], value: 1 }],
      lower: [0, 0],
    });
    expect(solution.x[0]).toBeCloseTo(0, 10);
    expect(solution.x[1]).toBeCloseTo(1, 10);
  });

  it('skips an equality that repeats another one', () => {
    const solution = solveQuadraticProgram({
      quadratic: [[1, 0], [0, 1]],
      equalities: [
        { coefficients: [1, 1], value: 1 },
        { coefficients: [2, 2], value: 2 },
      ],
    });
    expect(solution.x[0]).toBeCloseTo(0.5, 14);
    expect(maxKkt(solution)).toBeLessThanOrEqual(1e-10);
  });

  it('handles degenerate vertices where more constraints bind than variables', () => {
    // x, y >= 0, x + y <= 0, x - y <= 0: only the origin is feasible.
    const solution = solveQuadraticProgram({
      quadratic: [[1, 0], [0, 1]],
      linear: [-1, -1],
      inequalities: [
        { coefficients: [1, 1], upper: 0 },
        { coefficients: [1, -1], upper: 0 },
      ],
      lower: [0, 0],
    });
    expect(Math.abs(solution.x[0]!)).toBeLessThan(1e-14);
    expect(Math.abs(solution.x[1]!)).toBeLessThan(1e-14);
    expect(maxKkt(solution)).toBeLessThanOrEqual(1e-10);
  });

  it('reports INFEASIBLE naming the constraint that cannot hold', () => {
    const error = catchError(() =>
      solveQuadraticProgram({
        quadratic: [[1, 0], [0, 1]],
        equalities: [{ coefficients: [1, 1], value: 1, name: 'budget' }],
        inequalities: [{ coefficients: [1, 0], lower: 0.8, name: 'core' }],
        upper: [0.5, 0.5],
      }),
    );
    expect(isKronosError(error, 'INFEASIBLE')).toBe(true);
    expect(JSON.stringify((error as { details: unknown }).details)).toMatch(/budget|core|x\[/);
  });

  it('reports INFEASIBLE for inconsistent equalities', () => {
    const error = catchError(() =>
      solveQuadraticProgram({
        quadratic: [[1, 0], [0, 1]],
        equalities: [
          { coefficients: [1, 1], value: 1, name: 'first' },
          { coefficients: [1, 1], value: 2, name: 'second' },
        ],
      }),
    );
    expect(isKronosError(error, 'INFEASIBLE')).toBe(true);
    expect((error as { details: { constraint: string } }).details.constraint).toBe('second');
  });

  it('reports crossed bounds as INFEASIBLE before solving', () => {
    const error = catchError(() => solveQuadraticProgram({ quadratic: [[1]], lower: [1], upper: [0] }));
    expect(isKronosError(error, 'INFEASIBLE')).toBe(true);
  });

  it('reports UNBOUNDED when a zero-curvature direction decreases forever', () => {
    const error = catchError(() => solveQuadraticProgram({ quadratic: [[0, 0], [0, 1]], linear: [-1, 0], lower: [-Infinity, 0] }));
    expect(isKronosError(error, 'UNBOUNDED') || isKronosError(error, 'ITERATION_LIMIT')).toBe(true);
  });

  it('refuses malformed input with INVALID_INPUT', () => {
    expect(isKronosError(catchError(() => solveQuadraticProgram({ quadratic: [[1, 2], [0, 1]] })), 'INVALID_INPUT')).toBe(true);
    expect(isKronosError(catchError(() => solveQuadraticProgram({ quadratic: [[1]], linear: [Number.NaN] })), 'INVALID_INPUT')).toBe(true);
    expect(isKronosError(catchError(() => solveQuadraticProgram({ quadratic: [[1]], lower: [0, 0] })), 'INVALID_INPUT')).toBe(true);
  });

  it('stops with ITERATION_LIMIT at its bound', () => {
    const error = catchError(() =>
      solveQuadraticProgram({ quadratic: [[1, 0], [0, 1]], linear: [-5, -5], upper: [1, 1] }, { iterationsMax: 1 }),
    );
    expect(isKronosError(error, 'ITERATION_LIMIT')).toBe(true);
  });
});

describe('solveQuadraticProgram on large problems', () => {
  /** A seeded 5-factor covariance of n assets, long only, weights summing to 1, a group cap. */
  function largeProblem(n: number, seed: number): QuadraticProgram {
    let state = seed;
    const next = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648 - 0.5;
    };
    const loadings = Array.from({ length: n * 5 }, () => 0.2 * next());
    const quadratic = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        let sum = i === j ? 0.02 + 0.02 * (next() + 0.5) : 0;
        for (let f = 0; f < 5; f++) sum += loadings[i * 5 + f]! * loadings[j * 5 + f]!;
        return 2 * sum;
      }),
    );
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) quadratic[i]![j] = quadratic[j]![i]!;
    return {
      quadratic,
      linear: Array.from({ length: n }, () => -0.05 * (next() + 0.5)),
      equalities: [{ coefficients: Array.from({ length: n }, () => 1), value: 1 }],
      inequalities: [{ coefficients: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)), upper: 0.2 }],
      lower: Array.from({ length: n }, () => 0),
      upper: Array.from({ length: n }, () => 0.05),
    };
  }

  it('screens variables to the same optimum as the full dual solve', () => {
    for (const seed of [1, 2, 3]) {
      const problem = largeProblem(200, seed);
      const screened = solveQuadraticProgram(problem);
      const full = solveQuadraticProgram(problem, { screening: false });
      expect(maxKkt(screened)).toBeLessThanOrEqual(1e-10);
      expect(screened.objective).toBeCloseTo(full.objective, 12);
      screened.x.forEach((v, i) => expect(v).toBeCloseTo(full.x[i]!, 9));
    }
  });

  it('screens to the same optimum when only a few variables sit at zero (the working factor comes from the full one)', () => {
    for (const seed of [4, 5, 6]) {
      // Long only without caps: the optimum holds most assets, as in maximum Sharpe.
      const { upper: _upper, inequalities: _group, ...problem } = largeProblem(200, seed);
      const screened = solveQuadraticProgram(problem);
      const full = solveQuadraticProgram(problem, { screening: false });
      expect(screened.x.filter((v) => v === 0).length).toBeGreaterThan(0);
      expect(maxKkt(screened)).toBeLessThanOrEqual(1e-10);
      expect(screened.objective).toBeCloseTo(full.objective, 12);
      screened.x.forEach((v, i) => expect(v).toBeCloseTo(full.x[i]!, 9));
    }
  });
});

const problemArbitrary = fc
  .record({
    n: fc.integer({ min: 1, max: 8 }),
    rank: fc.integer({ min: 1, max: 10 }),
    seedEntries: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 200, maxLength: 200 }),
    ridge: fc.constantFrom(0, 1e-6, 0.1),
    inequalityCount: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ n, rank, seedEntries, ridge, inequalityCount }): QuadraticProgram => {
    // Entries below 1e-9 in size become 0: subnormal data is outside what the
    // solver is specified for (KKT residuals are absolute, at 1e-10).
    const at = (k: number): number => {
      const value = seedEntries[k % seedEntries.length]!;
      return Math.abs(value) < 1e-9 ? 0 : value;
    };
    const inequalities = Array.from({ length: inequalityCount }, (_, k) => ({
      coefficients: Array.from({ length: n }, (_, i) => at(100 + k * 9 + i)),
      upper: 0.5 + Math.abs(at(150 + k)),
    }));
    return {
      quadratic: gram(Array.from({ length: rank * n }, (_, k) => at(k)), rank, n, ridge),
      linear: Array.from({ length: n }, (_, i) => at(80 + i)),
      // Feasible by construction: the equal-weight point satisfies all.
      equalities: [{ coefficients: Array.from({ length: n }, () => 1), value: 1 }],
      inequalities: inequalities.map((row) => ({ ...row, upper: row.upper + row.coefficients.reduce((s, v) => s + v, 0) / n })),
      lower: Array.from({ length: n }, () => -1),
      upper: Array.from({ length: n }, () => 2),
    };
  });

describe('properties', () => {
  it('meets the KKT conditions to 1e-10 on random feasible convex problems, singular ones included', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const solution = solveQuadraticProgram(problem);
        expect(maxKkt(solution)).toBeLessThanOrEqual(1e-10);
        // Independent feasibility check on the returned point.
        const sum = Array.from(solution.x).reduce((s, v) => s + v, 0);
        expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-10);
        for (const value of solution.x) {
          expect(value).toBeGreaterThanOrEqual(-1 - 1e-10);
          expect(value).toBeLessThanOrEqual(2 + 1e-10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is never beaten by a feasible point: the objective at a random feasible mix is no lower', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (problem, mix) => {
        const solution = solveQuadraticProgram(problem);
        const n = solution.x.length;
        // The equal-weight point is feasible; so is every mix with the solution (convexity).
        const point = Array.from(solution.x, (v) => (1 - mix) * v + mix / n);
        const q = problem.quadratic as number[][];
        const c = problem.linear as number[];
        let objective = 0;
        for (let i = 0; i < n; i++) {
          objective += c[i]! * point[i]!;
          for (let j = 0; j < n; j++) objective += 0.5 * point[i]! * q[i]![j]! * point[j]!;
        }
        expect(objective).toBeGreaterThanOrEqual(solution.objective - 1e-10);
      }),
      { numRuns: 200 },
    );
  });
});
