import { KronosError } from '../errors/index.js';
import type { Rng } from './createRng.js';
import { nextChiSquare } from './gamma.js';
import { nextNormal } from './normal.js';

/** Options of the Student-t sampler. */
export interface StudentTOptions {
  /**
   * Rescale draws to unit variance, multiplying by sqrt((ν - 2) / ν), so
   * they can replace standard normals in a fat-tailed simulation without
   * changing its volatility. Needs ν > 2. Default false.
   */
  readonly unitVariance?: boolean;
}

function checkDegrees(degreesOfFreedom: number, unitVariance: boolean): void {
  if (!(degreesOfFreedom > 0 && Number.isFinite(degreesOfFreedom))) {
    throw new KronosError('INVALID_INPUT', 'Student-t degrees of freedom must be a positive finite number.', { degreesOfFreedom });
  }
  if (unitVariance && degreesOfFreedom <= 2) {
    throw new KronosError('INVALID_INPUT', 'A unit-variance Student-t needs more than 2 degrees of freedom (its variance is infinite otherwise).', {
      degreesOfFreedom,
    });
  }
}

/**
 * One Student-t draw: Z / sqrt(χ²_ν / ν).
 *
 * @example
 * ```ts
 * const t = nextStudentT(createRng(1), 5, { unitVariance: true }); // variance 1
 * ```
 */
export function nextStudentT(rng: Rng, degreesOfFreedom: number, options: StudentTOptions = {}): number {
  const unitVariance = options.unitVariance ?? false;
  checkDegrees(degreesOfFreedom, unitVariance);
  const scale = unitVariance ? Math.sqrt((degreesOfFreedom - 2) / degreesOfFreedom) : 1;
  return (scale * nextNormal(rng)) / Math.sqrt(nextChiSquare(rng, degreesOfFreedom) / degreesOfFreedom);
}

/**
 * Fills `out` with independent Student-t draws and returns it.
 *
 * @example
 * ```ts
 * const t = fillStudentT(createRng(1), new Float64Array(100), 4);
 * t.length; //=> 100
 * ```
 */
export function fillStudentT(rng: Rng, out: Float64Array, degreesOfFreedom: number, options: StudentTOptions = {}): Float64Array {
  const unitVariance = options.unitVariance ?? false;
  checkDegrees(degreesOfFreedom, unitVariance);
  const scale = unitVariance ? Math.sqrt((degreesOfFreedom - 2) / degreesOfFreedom) : 1;
  for (let i = 0; i < out.length; i++) {
    out[i] = (scale * nextNormal(rng)) / Math.sqrt(nextChiSquare(rng, degreesOfFreedom) / degreesOfFreedom);
  }
  return out;
}
