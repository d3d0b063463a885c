export {
  createMatrix,
  matrixFromRows,
  matrixToRows,
  identityMatrix,
  assertSquare,
  isSymmetric,
  symmetrize,
  type Matrix,
} from './matrix.js';
export { multiplyMatrixVector, multiplyMatrices, transpose, quadraticForm, dot } from './products.js';
export { solveLowerTriangular, solveUpperTriangular, type TriangularSolveOptions } from './triangular.js';
export { choleskyDecompose, choleskySolve, type CholeskyOptions, type CholeskyResult } from './cholesky.js';
export { eigenSymmetric, qlIterationsMax, type SymmetricEigen } from './eigen.js';
export {
  isPositiveSemidefinite,
  repairPsd,
  nearestCorrelation,
  type PsdRepairMethod,
  type NearestCorrelationOptions,
} from './nearestPsd.js';
