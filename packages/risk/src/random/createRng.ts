import seedrandom from 'seedrandom';
import { KronosError } from '../errors/index.js';
import { rejectionAttemptsMax, rejectionExhausted } from '../_internal/rejection.js';

/**
 * A seeded source of uniform random numbers.
 *
 * Every Kronos simulation draws from an `Rng` it was given, never from
 * `Math.random`, so a run is reproducible from its seed.
 */
export interface Rng {
  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat64(): number;
  /** A uniform unsigned 32-bit integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform integer in [0, bound) without modulo bias. */
  nextInt(bound: number): number;
  /**
   * An independent generator for sub-stream `streamIndex` (0, 1, 2, ...),
   * e.g. one per worker thread. It starts `streamIndex + 1` jumps of 2^64
   * draws ahead of this generator's current state, so the streams never
   * overlap in practice; this generator's own state is left unchanged.
   */
  fork(streamIndex: number): Rng;
  /** A copy of the 128-bit state, to save and later `restoreRng`. */
  state(): Uint32Array;
}

/** How many sub-streams `fork` may derive (each costs one jump). */
export const streamIndexMax = 1_000_000;

const jumpPolynomial = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;
const twoPow32 = 4294967296;
const twoPow53 = 9007199254740992;

/**
 * Creates a seeded generator: seedrandom (ARC4) turns the seed into the 128-bit
 * state of a xoshiro128** generator (Blackman & Vigna 2018), which makes the
 * bulk draws. xoshiro128** is chosen over xoshiro256** because its 32-bit
 * arithmetic runs natively in JavaScript (`Math.imul`, no BigInt).
 *
 * @param seed any string or number; the same seed gives the same draws
 *   on every platform.
 * @example
 * ```ts
 * const a = createRng('plan-2026');
 * const b = createRng('plan-2026');
 * a.nextFloat64() === b.nextFloat64(); //=> true
 * const worker3 = a.fork(3); // an independent stream for worker 3
 * ```
 */
export function createRng(seed: string | number): Rng {
  if (typeof seed === 'number' && !Number.isFinite(seed)) {
    throw new KronosError('INVALID_INPUT', 'The seed must be a finite number or a string.', { seed: String(seed) });
  }
  const source = seedrandom(String(seed));
  const words = new Uint32Array(4);
  for (let i = 0; i < 4; i++) words[i] = source.int32() >>> 0;
  if ((words[0]! | words[1]! | words[2]! | words[3]!) === 0) words[0] = 0x9e3779b9;
  return new Xoshiro128StarStar(words);
}

/**
 * Rebuilds a generator from a state saved with `rng.state()`.
 *
 * @example
 * ```ts
 * const rng = createRng(1);
 * const saved = rng.state();
 * const x = rng.nextUint32();
 * restoreRng(saved).nextUint32() === x; //=> true
 * ```
 */
export function restoreRng(state: Uint32Array): Rng {
  if (state.length !== 4 || (state[0]! | state[1]! | state[2]! | state[3]!) === 0) {
    throw new KronosError('INVALID_INPUT', 'A generator state is four 32-bit words, not all zero: pass what rng.state() returned.', {
      length: state.length,
    });
  }
  return new Xoshiro128StarStar(Uint32Array.from(state));
}

/**
 * The xoshiro128** generator. Exported inside the package only, so that bulk
 * samplers (`fillNormal`) can run its step on local variables: see
 * `fillNormalXoshiro` in normal.ts, which must stay in step with `nextUint32`.
 */
export class Xoshiro128StarStar implements Rng {
  /** The four state words as int32; read and written only by this class and the package's bulk samplers. */
  s0: number;
  s1: number;
  s2: number;
  s3: number;

  constructor(words: Uint32Array) {
    this.s0 = words[0]! | 0;
    this.s1 = words[1]! | 0;
    this.s2 = words[2]! | 0;
    this.s3 = words[3]! | 0;
  }

  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  nextFloat64(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / twoPow53;
  }

  nextInt(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > twoPow32) {
      throw new KronosError('INVALID_INPUT', 'nextInt needs an integer bound between 1 and 2^32.', { bound });
    }
    // Rejection keeps every value equally likely (no modulo bias).
    const limit = twoPow32 - (twoPow32 % bound);
    for (let attempt = 0; attempt < rejectionAttemptsMax; attempt++) {
      const x = this.nextUint32();
      if (x < limit) return x % bound;
    }
    throw rejectionExhausted('bounded integer');
  }

  fork(streamIndex: number): Rng {
    if (!Number.isInteger(streamIndex) || streamIndex < 0 || streamIndex >= streamIndexMax) {
      throw new KronosError('INVALID_INPUT', `A stream index is an integer from 0 to ${streamIndexMax - 1}.`, { streamIndex });
    }
    const child = new Xoshiro128StarStar(this.state());
    for (let k = 0; k <= streamIndex; k++) child.jump();
    return child;
  }

  state(): Uint32Array {
    return Uint32Array.of(this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0);
  }

  /** Advances by 2^64 draws (the published jump polynomial). */
  private jump(): void {
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    for (const word of jumpPolynomial) {
      for (let bit = 0; bit < 32; bit++) {
        if ((word >>> bit) & 1) {
          t0 ^= this.s0;
          t1 ^= this.s1;
          t2 ^= this.s2;
          t3 ^= this.s3;
        }
        this.nextUint32();
      }
    }
    this.s0 = t0;
    this.s1 = t1;
    this.s2 = t2;
    this.s3 = t3;
  }
}
