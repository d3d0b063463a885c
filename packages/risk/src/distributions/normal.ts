import { KronosError } from '../errors/index.js';

const sqrtTwo = Math.SQRT2;
const sqrtPi = Math.sqrt(Math.PI);
const seriesTermsMax = 200;
const continuedFractionStepsMax = 500;

/**
 * The complementary error function erfc(x) = 1 - erf(x), to about 1e-15
 * relative accuracy: a Taylor series for |x| < 2 and Lentz's continued
 * fraction for the tail (so tail probabilities keep their digits).
 *
 * @example
 * ```ts
 * erfc(0); //=> 1
 * Number(erfc(1).toFixed(12)); //=> 0.15729920705
 * ```
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) return 1 - erfSeries(x);
  if (x > 27) return 0;
  return erfcContinuedFraction(x);
}

function erfSeries(x: number): number {
  // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < seriesTermsMax; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / sqrtPi) * sum;
}

function erfcContinuedFraction(x: number): number {
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < continuedFractionStepsMax; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / sqrtPi / f;
}

/**
 * The standard normal density.
 *
 * @example
 * ```ts
 * normalPdf(0); //=> 0.3989422804014327
 * ```
 */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * The standard normal cumulative distribution Φ(x).
 *
 * @example
 * ```ts
 * normalCdf(0); //=> 0.5
 * Number(normalCdf(-1.6448536269514722).toFixed(12)); //=> 0.05
 * ```
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / sqrtTwo);
}

const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/**
 * The standard normal quantile Φ⁻¹(p): Acklam's rational approximation
 * refined by one Halley step on `normalCdf`, accurate to about 1e-15.
 *
 * @throws KronosError INVALID_INPUT when p is outside (0, 1).
 * @example
 * ```ts
 * Number(normalQuantile(0.975).toFixed(12)); //=> 1.95996398454
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new KronosError('INVALID_INPUT', 'A probability for normalQuantile must lie strictly between 0 and 1.', { p });
  }
  const x = acklam(p);
  // One Halley step: e = Φ(x) - p; x -= u / (1 + x u / 2) with u = e / φ(x).
  // In the upper half Φ(x) - p is formed as (1 - p) - Q(x) so no digits cancel.
  const e = p < 0.5 ? normalCdf(x) - p : 1 - p - 0.5 * erfc(x / sqrtTwo);
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

function acklam(p: number): number {
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - pLow) return -acklam(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
