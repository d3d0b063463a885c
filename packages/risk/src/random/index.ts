export { createRng, restoreRng, streamIndexMax, type Rng } from './createRng.js';
export { nextNormal, fillNormal } from './normal.js';
export { nextGamma, nextChiSquare } from './gamma.js';
export { nextStudentT, fillStudentT, type StudentTOptions } from './studentT.js';
export { createMultivariateNormal, createMultivariateLognormal, type MultivariateNormalSampler } from './multivariateNormal.js';
