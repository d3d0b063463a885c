import { z } from 'zod';

const WeightsSchema = z.array(z.number().min(0)).min(1);

/**
 * How the portfolio is split across the return model's assets: fixed, gliding
 * linearly between two mixes, or a table of mixes that each hold from a month on.
 * Weights are normalised to sum to one.
 */
export const AllocationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), weights: WeightsSchema }),
  z.object({
    kind: z.literal('linear'),
    startWeights: WeightsSchema,
    endWeights: WeightsSchema,
    startMonth: z.number().int().min(0).default(0),
    endMonth: z.number().int().min(0),
  }),
  z.object({
    kind: z.literal('table'),
    points: z.array(z.object({ fromMonth: z.number().int().min(0), weights: WeightsSchema })).min(1),
  }),
]);

export type Allocation = z.infer<typeof AllocationSchema>;
export type AllocationInput = z.input<typeof AllocationSchema>;
