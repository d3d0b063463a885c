import { Xoshiro128StarStar, type Rng } from './createRng.js';
import { sampleKernel } from './kernel/kernel.js';
import { kn, layers, normalSlowPath, wn } from './ziggurat.js';

/** Below this many draws the call into the kernel costs more than it saves. */
const kernelMinimum = 16;

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
  if (rng instanceof Xoshiro128StarStar) {
    const kernel = out.length >= kernelMinimum ? sampleKernel() : null;
    if (kernel === null) return fillNormalXoshiro(rng, out);
    kernel.fillNormal(rng, out);
    return out;
  }
  for (let i = 0; i < out.length; i++) {
    const index = rng.nextUint32() & (layers - 1);
    const hz = rng.nextUint32() | 0;
    out[i] = Math.abs(hz) < kn[index]! ? hz * wn[index]! : normalSlowPath(rng, hz, index);
  }
  return out;
}

/**
 * `fillNormal` for the package's own generator where the WebAssembly kernel
 * (kernel/kernel.wat, the same steps) cannot run: the same draws in the same
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
