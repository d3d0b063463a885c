import { KronosError } from '../errors/index.js';

/** The most periods a rolling window may span. */
export const rollingWindowMax = 100_000;

function checkWindow(window: number): void {
  if (!Number.isInteger(window) || window < 1 || window > rollingWindowMax) {
    throw new KronosError('INVALID_INPUT', `window must be an integer from 1 to ${rollingWindowMax}.`, { window });
  }
}

/**
 * Applies a metric to each trailing window of `window` periods: the result
 * has n - window + 1 values, the k-th for periods k .. k + window - 1
 * (empyrical's `roll_*` functions). Works with any metric of this package,
 * e.g. `rollMetric(r, 126, (w) => sharpeRatio(w))`.
 *
 * @throws KronosError INVALID_INPUT for a window below 1 or above rollingWindowMax.
 * @example
 * ```ts
 * Array.from(rollMetric([0.01, 0.02, 0.03], 2, (w) => w[0]! + w[1]!), (v) => Number(v.toFixed(12))); //=> [0.03, 0.05]
 * ```
 */
export function rollMetric(returns: ArrayLike<number>, window: number, metric: (window: Float64Array) => number): Float64Array {
  checkWindow(window);
  const x = Float64Array.from(returns);
  const count = Math.max(0, x.length - window + 1);
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = metric(x.subarray(k, k + window));
  return out;
}

/**
 * Applies a two-series metric (beta, tracking error, ...) to aligned trailing windows.
 *
 * @example
 * ```ts
 * rollPairMetric([0.02, -0.02, 0.04], [0.01, -0.01, 0.02], 2, (r, b) => beta(r, b)); //=> Float64Array.of(2, 2)
 * ```
 */
export function rollPairMetric(
  returns: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  window: number,
  metric: (returns: Float64Array, benchmark: Float64Array) => number,
): Float64Array {
  if (returns.length !== benchmark.length) {
    throw new KronosError('INVALID_INPUT', 'Rolling a two-series metric needs series of equal length; align them first.', {
      returns: returns.length,
      benchmark: benchmark.length,
    });
  }
  const b = Float64Array.from(benchmark);
  let k = 0;
  return rollMetric(returns, window, (w) => metric(w, b.subarray(k, k++ + window)));
}

/** Running count, sum and sum of squares of the non-missing values in a sliding window. */
function rollMoments(returns: ArrayLike<number>, window: number, emit: (count: number, sum: number, squares: number, k: number) => number): Float64Array {
  checkWindow(window);
  const n = returns.length;
  const out = new Float64Array(Math.max(0, n - window + 1));
  let count = 0;
  let sum = 0;
  let squares = 0;
  for (let t = 0; t < n; t++) {
    const v = returns[t]!;
    if (v === v) {
      count++;
      sum += v;
      squares += v * v;
    }
    if (t >= window) {
      const old = returns[t - window]!;
      if (old === old) {
        count--;
        sum -= old;
        squares -= old * old;
      }
    }
    if (t >= window - 1) out[t - window + 1] = emit(count, sum, squares, t - window + 1);
  }
  return out;
}

function windowStd(count: number, sum: number, squares: number): number {
  if (count < 2) return Number.NaN;
  const variance = (squares - (sum * sum) / count) / (count - 1);
  return Math.sqrt(Math.max(variance, 0));
}

/**
 * Rolling annualised volatility in O(n) (running sums), the same numbers as
 * `rollMetric(r, window, (w) => annualVolatility(w, options))` up to rounding.
 *
 * @example
 * ```ts
 * Array.from(rollingVolatility([0.01, -0.01, 0.01], 2, { periodsPerYear: 1 }), (v) => Number(v.toFixed(12))); //=> [0.014142135624, 0.014142135624]
 * ```
 */
export function rollingVolatility(returns: ArrayLike<number>, window: number, options: { readonly periodsPerYear?: number } = {}): Float64Array {
  const scale = Math.sqrt(options.periodsPerYear ?? 252);
  return rollMoments(returns, window, (count, sum, squares) => windowStd(count, sum, squares) * scale);
}

/**
 * Rolling Sharpe ratio (constant per-period risk-free rate) in O(n), matching
 * empyrical's `roll_sharpe_ratio`.
 *
 * @example
 * ```ts
 * rollingSharpeRatio([0.01, 0.02, 0.01], 2).length; //=> 2
 * ```
 */
export function rollingSharpeRatio(
  returns: ArrayLike<number>,
  window: number,
  options: { readonly periodsPerYear?: number; readonly riskFree?: number } = {},
): Float64Array {
  const riskFree = options.riskFree ?? 0;
  const scale = Math.sqrt(options.periodsPerYear ?? 252);
  const excess = Float64Array.from({ length: returns.length }, (_, t) => returns[t]! - riskFree);
  return rollMoments(excess, window, (count, sum, squares) => (window < 2 || count < 2 ? Number.NaN : (sum / count / windowStd(count, sum, squares)) * scale));
}

/** A stretch of log-wealth: its highest and lowest points and its deepest peak-to-later-trough drop. */
interface Stretch {
  max: number;
  min: number;
  drop: number;
}

/** Joins an earlier stretch `a` to a later stretch `b` (associative, so a sliding window can fold it). */
function join(a: Stretch, b: Stretch): Stretch {
  return { max: Math.max(a.max, b.max), min: Math.min(a.min, b.min), drop: Math.max(a.drop, b.drop, a.max - b.min) };
}

/**
 * Rolling maximum drawdown (≤ 0), each window starting from a fresh wealth of
 * 1 as empyrical's `roll_max_drawdown` does. Works on log-wealth with a
 * two-stack sliding-window fold, so it costs O(n) whatever the window.
 *
 * @example
 * ```ts
 * Array.from(rollingMaxDrawdown([0.1, -0.1, 0.1], 2), (v) => Number(v.toFixed(12))); //=> [-0.1, -0.1]
 * ```
 */
export function rollingMaxDrawdown(returns: ArrayLike<number>, window: number): Float64Array {
  checkWindow(window);
  const n = returns.length;
  const count = Math.max(0, n - window + 1);
  const out = new Float64Array(count);
  if (count === 0) return out;
  // logWealth[t] after t periods (a gap is a 0% period); window k spans points k .. k + window.
  const logWealth = new Float64Array(n + 1);
  for (let t = 0; t < n; t++) logWealth[t + 1] = logWealth[t]! + (returns[t]! === returns[t]! ? Math.log1p(returns[t]!) : 0);
  const point = (t: number): Stretch => ({ max: logWealth[t]!, min: logWealth[t]!, drop: 0 });
  // Two stacks: `front` holds suffix folds of the oldest points, `back` the fold of the newest.
  let front: Stretch[] = [];
  let frontStart = 0;
  let backItems: number[] = [];
  let back: Stretch | null = null;
  for (let t = 0; t <= n; t++) {
    backItems.push(t);
    back = back === null ? point(t) : join(back, point(t));
    if (t < window) continue;
    const k = t - window;
    if (frontStart >= front.length) {
      front = new Array<Stretch>(backItems.length);
      for (let i = backItems.length - 1; i >= 0; i--) front[i] = i === backItems.length - 1 ? point(backItems[i]!) : join(point(backItems[i]!), front[i + 1]!);
      frontStart = 0;
      backItems = [];
      back = null;
    }
    const whole = back === null ? front[frontStart]! : join(front[frontStart]!, back);
    out[k] = whole.drop === 0 ? 0 : Math.expm1(-whole.drop);
    frontStart++; // point k leaves the window
  }
  return out;
}
