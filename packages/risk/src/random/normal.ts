import { rejectionAttemptsMax, rejectionExhausted } from '../_internal/rejection.js';
import { Xoshiro128StarStar, type Rng } from './createRng.js';

/*
 * Ziggurat sampler for the standard normal (Marsaglia & Tsang 2000, 128
 * layers), with the layer index drawn from its own random word (Doornik 2005;
 * Leong et al. 2005) so the index and the abscissa are not correlated.
 */
const layers = 128;
const tailStart = 3.442619855899;
const layerArea = 9.91256303526217e-3;
const twoPow31 = 2147483648;

const kn = new Int32Array(layers);
const wn = new Float64Array(layers);
const fn = new Float64Array(layers);

(function buildTables(): void {
  let dn = tailStart;
  let tn = dn;
  const q = layerArea / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * twoPow31);
  kn[1] = 0;
  wn[0] = q / twoPow31;
  wn[layers - 1] = dn / twoPow31;
  fn[0] = 1;
  fn[layers - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = layers - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(layerArea / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * twoPow31);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / twoPow31;
  }
})();

/**
 * One standard normal draw N(0, 1).
 *
 * @example
 * ```ts
 * const rng = createRng('seed');
 * const z = nextNormal(rng); // a standard normal number
 * ```
 */
export function nextNormal(rng: Rng): number {
  const index = rng.nextUint32() & (layers - 1);
  const hz = rng.nextUint32() | 0;
  // Fast path (about 98.8% of draws): inside the layer's rectangle.
  if (Math.abs(hz) < kn[index]!) return hz * wn[index]!;
  return normalSlowPath(rng, hz, index);
}

function normalSlowPath(rng: Rng, hzStart: number, indexStart: number): number {
  let hz = hzStart;
  let index = indexStart;
  for (let attempt = 0; attempt < rejectionAttemptsMax; attempt++) {
    const x = hz * wn[index]!;
    if (index === 0) return normalTail(rng, hz > 0);
    if (fn[index]! + rng.nextFloat64() * (fn[index - 1]! - fn[index]!) < Math.exp(-0.5 * x * x)) return x;
    index = rng.nextUint32() & (layers - 1);
    hz = rng.nextUint32() | 0;
    if (Math.abs(hz) < kn[index]!) return hz * wn[index]!;
  }
  throw rejectionExhausted('normal');
}

function normalTail(rng: Rng, positive: boolean): number {
  // Marsaglia's tail method beyond r: x = -ln(U1)/r accepted when -2 ln(U2) > x^2.
  for (let attempt = 0; attempt < rejectionAttemptsMax; attempt++) {
    const x = -Math.log(1 - rng.nextFloat64()) / tailStart;
    const y = -Math.log(1 - rng.nextFloat64());
    if (y + y >= x * x) return positive ? tailStart + x : -tailStart - x;
  }
  throw rejectionExhausted('normal tail');
}

/**
 * Fills `out` with independent standard normal draws and returns it.
 *
 * @example
 * ```ts
 * const z = fillNormal(createRng(7), new Float64Array(1000));
 * z.length; //=> 1000
 * ```
 */
export function fillNormal(rng: Rng, out: Float64Array): Float64Array {
  if (rng instanceof Xoshiro128StarStar) return fillNormalXoshiro(rng, out);
  for (let i = 0; i < out.length; i++) {
    const index = rng.nextUint32() & (layers - 1);
    const hz = rng.nextUint32() | 0;
    out[i] = Math.abs(hz) < kn[index]! ? hz * wn[index]! : normalSlowPath(rng, hz, index);
  }
  return out;
}

/**
 * `fillNormal` for the package's own generator: the same draws in the same
 * order, with the generator's state held in local variables for the whole
 * block instead of loaded from and stored to the object on every word. This
 * halves the cost of a normal draw, which dominates Monte Carlo simulation.
 * Each of the two steps below is `Xoshiro128StarStar.nextUint32` written out
 * (the tests compare this loop with `nextNormal` draw for draw); the rare slow
 * path hands the state back to the object, draws through it, and reloads it.
 * The two steps are written out rather than looped over: an inner two-word
 * loop, or one loop over words alternating index and abscissa, measured
 * 1.5-2x slower than this straight-line form.
 */
function fillNormalXoshiro(rng: Xoshiro128StarStar, out: Float64Array): Float64Array {
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  for (let i = 0; i < out.length; i++) {
    // First word: the layer index (its low bits).
    let m = Math.imul(s1, 5);
    const index = Math.imul((m << 7) | (m >>> 25), 9) & (layers - 1);
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    // Second word: the signed abscissa hz.
    m = Math.imul(s1, 5);
    const hz = Math.imul((m << 7) | (m >>> 25), 9);
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    if (Math.abs(hz) < kn[index]!) {
      out[i] = hz * wn[index]!;
      continue;
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    out[i] = normalSlowPath(rng, hz, index);
    s0 = rng.s0;
    s1 = rng.s1;
    s2 = rng.s2;
    s3 = rng.s3;
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
  return out;
}
