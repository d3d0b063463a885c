import { createBootstrapModel, createHistoricalWindowsModel } from './createHistoricalModels.js';
import { createLognormalModel, createStudentTModel, type LognormalParameters } from './createLognormalModel.js';
import type { ReturnModel } from './model.js';
import type { MonthlyReturns } from './monthlyReturns.js';

/**
 * A return model as plain data, so it can cross to a worker thread or be stored
 * with a plan: `createReturnModel` builds the live model from it.
 */
export type ReturnModelSpec =
  | { readonly kind: 'lognormal'; readonly parameters: LognormalParameters }
  | { readonly kind: 'studentT'; readonly parameters: LognormalParameters; readonly degreesOfFreedom: number }
  | { readonly kind: 'bootstrap'; readonly history: MonthlyReturns; readonly blockMonths?: number }
  | { readonly kind: 'historicalWindows'; readonly history: MonthlyReturns; readonly horizonMonths: number };

/**
 * Builds the model a spec describes.
 *
 * @example
 * ```ts
 * createReturnModel({ kind: 'lognormal', parameters: { driftPerYear: [0.06], covariancePerYear: [[0.04]] } }).kind //=> 'lognormal'
 * ```
 */
export function createReturnModel(spec: ReturnModelSpec): ReturnModel {
  switch (spec.kind) {
    case 'lognormal':
      return createLognormalModel(spec.parameters);
    case 'studentT':
      return createStudentTModel(spec.parameters, spec.degreesOfFreedom);
    case 'bootstrap':
      return createBootstrapModel(spec.history, spec.blockMonths === undefined ? {} : { blockMonths: spec.blockMonths });
    case 'historicalWindows':
      return createHistoricalWindowsModel(spec.history, spec.horizonMonths);
  }
}
