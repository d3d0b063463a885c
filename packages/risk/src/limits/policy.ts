import { z } from 'zod';

const fraction = z.number().min(0).max(1);

/**
 * A risk-limit policy. Every limit is optional; fractions are of portfolio
 * value (0.05 = 5%). Version 1.
 */
export const RiskLimitPolicySchema = z.object({
  version: z.literal(1),
  /** Value at risk over one period must not exceed `lossMax` at `confidence`. */
  valueAtRisk: z
    .object({
      confidence: z.number().gt(0).lt(1).default(0.95),
      lossMax: fraction,
      method: z.enum(['historical', 'gaussian', 'cornishFisher']).default('historical'),
    })
    .optional(),
  /** The maximum drawdown of the portfolio's history must stay above -drawdownMax. */
  drawdownMax: fraction.optional(),
  /** No single position may weigh more than this. */
  positionWeightMax: fraction.optional(),
  /** No sector may weigh more than this. */
  sectorWeightMax: fraction.optional(),
  /** Alert when two holdings' return correlation reaches this. */
  correlationAlert: z.number().min(-1).max(1).optional(),
  /** Annualised volatility above `annualVolatilityMax` suggests moving `cashWeightSuggested` into cash. */
  volatilityDefensive: z
    .object({ annualVolatilityMax: z.number().positive(), cashWeightSuggested: fraction, periodsPerYear: z.number().positive().default(252) })
    .optional(),
  /** A position down more than `lossFromCostMax` from its cost suggests evaluating an exit. */
  stopLoss: z.object({ lossFromCostMax: fraction }).optional(),
});
export type RiskLimitPolicy = z.input<typeof RiskLimitPolicySchema>;
export type ParsedRiskLimitPolicy = z.output<typeof RiskLimitPolicySchema>;

/** What the evaluator looks at: current weights, costs and return histories. */
export const RiskSnapshotSchema = z.object({
  positions: z
    .array(
      z.object({
        id: z.string().min(1),
        weight: z.number().finite(),
        sector: z.string().optional(),
        /** Current price and average cost per unit, for the stop-loss rule. */
        price: z.number().positive().optional(),
        costBasis: z.number().positive().optional(),
        /** Per-period returns of this holding, aligned across positions, for correlation alerts. */
        returns: z.array(z.number().nullable()).optional(),
      }),
    )
    .max(100_000),
  /** Per-period returns of the whole portfolio, for VaR, drawdown and volatility. */
  portfolioReturns: z.array(z.number()).optional(),
});
export type RiskSnapshot = z.infer<typeof RiskSnapshotSchema>;

/** The limits a breach can name. */
export const RiskLimitKindSchema = z.enum([
  'value_at_risk',
  'max_drawdown',
  'position_weight',
  'sector_weight',
  'pairwise_correlation',
  'volatility_defensive',
  'stop_loss',
]);
export type RiskLimitKind = z.infer<typeof RiskLimitKindSchema>;

/** The payload of a `risk_limit_breached` event (one event per breach). */
export const RiskLimitBreachedPayloadSchema = z.object({
  limit: RiskLimitKindSchema,
  /** 'breach' crosses a hard limit; 'alert' is a warning (correlation, volatility, stop-loss review). */
  severity: z.enum(['breach', 'alert']),
  /** The position, sector or pair concerned, when the limit is not portfolio-wide. */
  subject: z.array(z.string()).optional(),
  observed: z.number(),
  threshold: z.number(),
  /** What a person might do; Kronos recommends, it never trades. */
  recommendation: z.string(),
  message: z.string(),
});
export type RiskLimitBreach = z.infer<typeof RiskLimitBreachedPayloadSchema>;
