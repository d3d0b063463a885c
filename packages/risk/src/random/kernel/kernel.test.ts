import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMultivariateLognormal, createRng, fillNormal, matrixFromRows, type Rng } from '../../index.js';
import { Xoshiro128StarStar } from '../createRng.js';
import { disableSampleKernel, kernelChunk, sampleKernel } from './kernel.js';
import { kernelBase64 } from './kernelBytes.js';
// @ts-expect-error: a plain .mjs build script without type declarations
import { compileKernel } from '../../../scripts/compile-kernel.mjs';

const kernel = sampleKernel();
const bits = (values: Float64Array): string => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('hex');
/** Runs `draw` once on the kernel and once on the JavaScript path. */
const bothPaths = <T>(draw: () => T): { kernel: T; javascript: T } => {
  const withKernel = draw();
  disableSampleKernel(true);
  try {
    return { kernel: withKernel, javascript: draw() };
  } finally {
    disableSampleKernel(false);
  }
};

describe('sampling kernel', () => {
  it('runs here (Node.js 20 has WebAssembly SIMD)', () => {
    expect(kernel).not.toBeNull();
  });

  it('ships the bytes kernel.wat compiles to (rerun scripts/build-kernel.mjs after editing it)', async () => {
    const compiled = (await compileKernel()) as Uint8Array;
    expect(Buffer.from(compiled).toString('base64')).toBe(kernelBase64);
  });

  it('kernel exp equals Math.exp bit for bit near every threshold of fdlibm exp', () => {
    const probe = new Float64Array(1);
    const word = new BigInt64Array(probe.buffer);
    const values: number[] = [0, -0, 1, -1, 2, 0.5, Infinity, -Infinity, NaN, 5e-324, -5e-324, 709.78, 709.79, -745.13, -745.14, 1000, -1000];
    // |x| = 2^-28, 0.5 ln 2, 1.5 ln 2, 512 (the vector path's limit) and 709.78, +-200 ulps, both signs.
    for (const base of [0x3e30000000000000n, 0x3fd62e4300000000n, 0x3ff0a2b200000000n, 0x4080000000000000n, 0x40862e4200000000n]) {
      for (let d = -200n; d <= 200n; d++) {
        for (const sign of [0n, -0x8000000000000000n]) {
          word[0] = (base + d) | sign;
          values.push(probe[0]!);
        }
      }
    }
    const got = Float64Array.from(values);
    kernel!.exp(got);
    expect(bits(got)).toBe(bits(Float64Array.from(values, Math.exp)));
  });

  it('kernel exp equals Math.exp bit for bit on any doubles', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.double(), { maxLength: 300 }), fc.array(fc.double({ min: -1, max: 1 }), { maxLength: 300 }), fc.array(fc.double({ min: -800, max: 800 }), { maxLength: 300 })), (values) => {
        const got = Float64Array.from(values);
        kernel!.exp(got);
        expect(bits(got)).toBe(bits(Float64Array.from(values, Math.exp)));
      }),
      { numRuns: 300 },
    );
  });

  it('kernel normals equal the JavaScript ziggurat draw for draw and leave the same generator state', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 2 * kernelChunk + 3 }), (seed, n) => {
        const run = () => {
          const rng = createRng(seed) as Xoshiro128StarStar;
          return { draws: bits(fillNormal(rng, new Float64Array(n))), state: Array.from(rng.state()) };
        };
        const { kernel: fast, javascript } = bothPaths(run);
        expect(fast).toEqual(javascript);
      }),
      { numRuns: 60 },
    );
  });

  it('kernel normals match through a million draws (slow paths and tails included)', () => {
    const { kernel: fast, javascript } = bothPaths(() => bits(fillNormal(createRng('tails'), new Float64Array(1_000_000))));
    expect(fast === javascript).toBe(true);
  });

  it('multivariate lognormal draws on the kernel equal the plain loop for any dimension, count and covariance', () => {
    const covariance = fc
      .integer({ min: 1, max: 7 })
      .chain((k) => fc.tuple(fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: k, maxLength: k }), fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: k * k, maxLength: k * k })));
    fc.assert(
      fc.property(covariance, fc.integer({ min: 0, max: 1500 }), fc.string(), ([mean, loadings], count, seed) => {
        const k = mean.length;
        // B B^T + 0.01 I is symmetric positive definite.
        const rows = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => {
          let sum = i === j ? 0.01 : 0;
          for (let m = 0; m < k; m++) sum += loadings[i * k + m]! * loadings[j * k + m]!;
          return sum;
        }));
        const sampler = createMultivariateLognormal(mean, matrixFromRows(rows));
        const { kernel: fast, javascript } = bothPaths(() => {
          const rng = createRng(seed);
          return { draws: bits(sampler.sampleMany(rng, count)), state: Array.from(rng.state()) };
        });
        expect(fast).toEqual(javascript);
      }),
      { numRuns: 100 },
    );
  });

  it('multivariate lognormal draws from any Rng are exp(mean + L z) of its normals', () => {
    const inner = createRng('custom');
    const custom: Rng = { nextUint32: () => inner.nextUint32(), nextFloat64: () => inner.nextFloat64(), nextInt: (b) => inner.nextInt(b), fork: (i) => inner.fork(i), state: () => inner.state() };
    const sampler = createMultivariateLognormal([0.01, 0.02], matrixFromRows([[0.04, 0.01], [0.01, 0.09]]));
    const z = fillNormal(createRng('custom'), new Float64Array(6));
    const expected = [0, 1, 2].flatMap((r) => [Math.exp(0.01 + 0.2 * z[2 * r]!), Math.exp(0.02 + 0.05 * z[2 * r]! + Math.sqrt(0.09 - 0.0025) * z[2 * r + 1]!)]);
    const got = Array.from(sampler.sampleMany(custom, 3));
    got.forEach((g, i) => expect(g).toBeCloseTo(expected[i]!, 14));
    expect(Array.from(sampler.sampleMany(createRng('custom'), 3))).toEqual(got);
  });
});
