import type { Xoshiro128StarStar } from '../createRng.js';
import { rejectionExhausted } from '../../_internal/rejection.js';
import { fn, kn, wn } from '../ziggurat.js';
import { kernelBase64 } from './kernelBytes.js';

/*
 * The host side of kernel.wat: instantiates it once per thread, fills its
 * ziggurat tables from ziggurat.ts (one source for both paths), moves the
 * generator state in and out, and copies results to the caller's arrays.
 * Where WebAssembly or its SIMD is missing (or a content security policy
 * forbids compiling it), `sampleKernel()` is null and callers run their
 * JavaScript loops, which give the same numbers.
 */

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  normals(ptr: number, n: number): void;
  affine1(z: number, out: number, n: number, m: number, s: number): void;
  affine2(z: number, out: number, rows: number, m0: number, m1: number, l00: number, l10: number, l11: number): void;
  affineK(z: number, out: number, rows: number, k: number, params: number): void;
  expInPlace(ptr: number, n: number): void;
}

/** Values per scratch buffer: a block of draws is handled in chunks of at most this many. */
export const kernelChunk = 4096;
const stateAt = 0;
const knAt = 64;
const wnAt = 1024;
const fnAt = 2048;
const zAt = 4096;
const xAt = zAt + kernelChunk * 8;
const paramsAt = xAt + kernelChunk * 8;

/** The kernel's operations on arrays in its memory; see kernel.wat. */
export interface SampleKernel {
  /** Fills `out` with standard normals drawn from `rng`: the same draws as the JavaScript ziggurat. */
  fillNormal(rng: Xoshiro128StarStar, out: Float64Array): void;
  /**
   * Fills `out` (rows of k) with exp(mean + L z), z standard normals drawn
   * row after row from `rng`, L lower triangular (row-major k x k).
   */
  fillLognormal(rng: Xoshiro128StarStar, mean: Float64Array, factor: Float64Array, out: Float64Array): void;
  /** Replaces each value by its `Math.exp`, two lanes at a time. */
  exp(values: Float64Array): void;
}

let loaded: SampleKernel | null | undefined;
let disabled = false;

/** The kernel of this thread, or null where it cannot run. */
export function sampleKernel(): SampleKernel | null {
  if (disabled) return null;
  if (loaded === undefined) loaded = instantiate();
  return loaded;
}

/** Tests only: run the JavaScript paths (true) or the kernel again (false). */
export function disableSampleKernel(off: boolean): void {
  disabled = off;
}

function instantiate(): SampleKernel | null {
  let exports: KernelExports;
  const host = {
    exp: Math.exp,
    log: Math.log,
    rejectionExhausted(sampler: number): never {
      throw rejectionExhausted(sampler === 0 ? 'normal' : 'normal tail');
    },
  };
  try {
    if (typeof WebAssembly !== 'object' || typeof atob !== 'function') return null;
    const bytes = Uint8Array.from(atob(kernelBase64), (c) => c.charCodeAt(0));
    exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { host }).exports as unknown as KernelExports;
  } catch {
    return null;
  }
  let f64 = new Float64Array(exports.memory.buffer);
  let state = new Int32Array(exports.memory.buffer, stateAt, 4);
  new Int32Array(exports.memory.buffer, knAt, kn.length).set(kn);
  new Float64Array(exports.memory.buffer, wnAt, wn.length).set(wn);
  new Float64Array(exports.memory.buffer, fnAt, fn.length).set(fn);

  const roomForParams = (count: number): void => {
    const needed = paramsAt + count * 8;
    if (needed <= exports.memory.buffer.byteLength) return;
    exports.memory.grow(Math.ceil((needed - exports.memory.buffer.byteLength) / 65536));
    f64 = new Float64Array(exports.memory.buffer);
    state = new Int32Array(exports.memory.buffer, stateAt, 4);
  };
  // The first n values of a buffer as a view, kept while n repeats (a block's size does, month after month).
  const viewOf = (at: number): ((n: number) => Float64Array) => {
    let view = f64.subarray(at / 8, at / 8);
    return (n) => {
      if (view.length !== n || view.buffer !== f64.buffer) view = f64.subarray(at / 8, at / 8 + n);
      return view;
    };
  };
  const normalsView = viewOf(zAt);
  const results = viewOf(xAt);
  const stateIn = (rng: Xoshiro128StarStar): void => {
    state[0] = rng.s0;
    state[1] = rng.s1;
    state[2] = rng.s2;
    state[3] = rng.s3;
  };
  const stateOut = (rng: Xoshiro128StarStar): void => {
    rng.s0 = state[0]!;
    rng.s1 = state[1]!;
    rng.s2 = state[2]!;
    rng.s3 = state[3]!;
  };

  return {
    fillNormal(rng, out) {
      stateIn(rng);
      for (let from = 0; from < out.length; from += kernelChunk) {
        const n = Math.min(kernelChunk, out.length - from);
        exports.normals(zAt, n);
        out.set(normalsView(n), from);
      }
      stateOut(rng);
    },
    fillLognormal(rng, mean, factor, out) {
      const k = mean.length;
      if (k > 2) {
        roomForParams(k + k * k);
        f64.set(mean, paramsAt / 8);
        f64.set(factor, paramsAt / 8 + k);
      }
      const rowsPerChunk = Math.floor(kernelChunk / k);
      stateIn(rng);
      for (let from = 0; from < out.length; from += rowsPerChunk * k) {
        const n = Math.min(rowsPerChunk * k, out.length - from);
        exports.normals(zAt, n);
        // Lanes go in pairs: a trailing odd value gets a harmless zero partner.
        const even = n + (n & 1);
        if (even !== n) f64[zAt / 8 + n] = 0;
        if (k === 1) exports.affine1(zAt, xAt, even, mean[0]!, factor[0]!);
        else if (k === 2) exports.affine2(zAt, xAt, n / 2, mean[0]!, mean[1]!, factor[0]!, factor[2]!, factor[3]!);
        else exports.affineK(zAt, xAt, n / k, k, paramsAt);
        if (even !== n) f64[xAt / 8 + n] = 0;
        exports.expInPlace(xAt, even);
        out.set(results(n), from);
      }
      stateOut(rng);
    },
    exp(values) {
      for (let from = 0; from < values.length; from += kernelChunk) {
        const n = Math.min(kernelChunk, values.length - from);
        f64.set(values.subarray(from, from + n), xAt / 8);
        if (n & 1) f64[xAt / 8 + n] = 0;
        exports.expInPlace(xAt, n + (n & 1));
        values.set(results(n), from);
      }
    },
  };
}
