export {
  solveQuadraticProgram,
  type KktResiduals,
  type LinearEquality,
  type LinearInequality,
  type QuadraticProgram,
  type QuadraticProgramSolution,
  type SolveQuadraticProgramOptions,
} from './solve-quadratic-program.js';
