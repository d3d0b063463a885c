import { rejectionAttemptsMax, rejectionExhausted } from '../_internal/rejection.js';
import type { Rng } from './createRng.js';

/*
 * Ziggurat sampler for the standard normal (Marsaglia & Tsang 2000, 128
 * layers), with the layer index drawn from its own random word (Doornik 2005;
 * Leong et al. 2005) so the index and the abscissa are not correlated.
 */
export const layers = 128;
const tailStart = 3.442619855899;
const layerArea = 9.91256303526217e-3;
const twoPow31 = 2147483648;

export const kn = new Int32Array(layers);
export const wn = new Float64Array(layers);
export const fn = new Float64Array(layers);

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

/** The ziggurat's rare slow path: the wedge test, or the tail when `index` is 0. */
export function normalSlowPath(rng: Rng, hzStart: number, indexStart: number): number {
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

