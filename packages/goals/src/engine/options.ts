import { z } from 'zod';
import { AllocationSchema } from '../allocation/schemas.js';

/** Options of a simulation; `seed` is required so every run can be repeated. */
export const SimulationOptionsSchema = z.object({
  seed: z.union([z.string(), z.number()]),
  paths: z.number().int().min(1).max(10_000_000).default(10_000),
  /** Defaults to equal weights across the model's assets. */
  allocation: AllocationSchema.optional(),
  /** 1 = monthly (default), n = every n months, 0 = never (weights drift). */
  rebalanceEveryMonths: z.number().int().min(0).max(1200).default(1),
  percentiles: z.array(z.number().min(0).max(1)).min(1).default([0.05, 0.25, 0.5, 0.75, 0.95]),
  valuesIn: z.enum(['real', 'nominal']).default('real'),
  /** Keep every path's year-end values (years x paths); off by default to stream. */
  keepPaths: z.boolean().default(false),
});

export type SimulationOptionsInput = z.input<typeof SimulationOptionsSchema>;
export type SimulationOptions = z.infer<typeof SimulationOptionsSchema>;

/** Reported after each simulated year. */
export interface SimulationProgress {
  readonly monthsDone: number;
  readonly horizonMonths: number;
  readonly fraction: number;
}
