import type { Rng } from '@kronos/risk';

/**
 * One interface for every return model the engine can run. A model hands out
 * a sampler per block of paths; the sampler owns the block's random stream and
 * any per-path state (a bootstrap block's position, a historical window), so a
 * block gives the same draws whichever thread runs it.
 */
export interface ReturnModel {
  /** A short name for reports ("lognormal", "studentT", "bootstrap", "historicalWindows"). */
  readonly kind: string;
  /** How many assets each draw covers. */
  readonly assetCount: number;
  /** When the model fixes the number of paths (one per historical window), that number. */
  readonly pathCountFixed: number | null;
  /**
   * The sampler for paths `firstPath .. firstPath + pathCount - 1`, drawing from `rng`.
   * It is called for months 0, 1, 2, ... in order.
   */
  createSampler(rng: Rng, firstPath: number, pathCount: number): ReturnSampler;
}

/** Draws one month of gross returns (1 + r) for every path of its block. */
export interface ReturnSampler {
  /** Writes `out[p * assetCount + a]` for each path p of the block and asset a. */
  nextMonth(month: number, out: Float64Array): void;
}
