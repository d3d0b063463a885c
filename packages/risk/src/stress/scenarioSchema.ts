import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** Where a historical shock comes from: the index, its two closing levels and the publisher. */
export const ShockSourceSchema = z.object({
  index: z.string().min(1),
  from: z.object({ date: isoDate, level: z.number().positive() }),
  to: z.object({ date: isoDate, level: z.number().positive() }),
  publisher: z.string().min(1),
  note: z.string().optional(),
});
export type ShockSource = z.infer<typeof ShockSourceSchema>;

/** One asset class's move in a scenario, as a fraction (-0.2 = a 20% fall). */
export const AssetClassShockSchema = z.object({
  assetClass: z.string().min(1),
  shock: z.number().min(-1, 'a price cannot fall more than 100%').finite(),
  source: ShockSourceSchema.optional(),
});
export type AssetClassShock = z.infer<typeof AssetClassShockSchema>;

/** A stress scenario: named shocks by asset class (historical or made up). */
export const StressScenarioSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    description: z.string().optional(),
    shocks: z.array(AssetClassShockSchema).min(1),
    /** Asset classes deliberately left out (no sourced figure), with the reason. */
    omitted: z.array(z.object({ assetClass: z.string(), reason: z.string() })).optional(),
  })
  .refine((s) => new Set(s.shocks.map((x) => x.assetClass)).size === s.shocks.length, {
    message: 'each asset class may appear once in a scenario',
  });
export type StressScenario = z.infer<typeof StressScenarioSchema>;
