import { isValid, parseISO } from 'date-fns';
import { z } from 'zod';

/**
 * Money crosses the goals API as decimal strings (`"1234.56"`), the same as
 * everywhere in Kronos. The simulation itself works in float64: each amount is
 * converted once, explicitly, by `toSimulationNumber` in `model/normalise.ts`.
 */
export const DecimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string such as "1234.56"');
/** A decimal string that is zero or more. */
export const AmountSchema = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string such as "1234.56"');
/** A business date `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((text) => isValid(parseISO(text)), 'a real calendar date');

/** A yearly rate as a fraction (0.03 = 3 %), bounded to keep typos out. */
const RateSchema = z.number().gt(-1).lt(1);

/** Where the money already saved for the goal comes from. */
export const CurrentAssetsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('given'), amount: AmountSchema }),
  z.object({
    kind: z.literal('ledger'),
    holdings: z.array(z.object({ entityId: z.string().min(1), accountIds: z.array(z.string().min(1)).optional() })).min(1),
  }),
]);

/** A regular saving: `amount` each period, growing by `growthRatePerYear`, from `startDate` (or the plan date) until `endDate` (or the goal). */
export const ContributionSchema = z.object({
  amount: AmountSchema,
  frequency: z.enum(['monthly', 'quarterly', 'annual']).default('monthly'),
  growthRatePerYear: RateSchema.default(0),
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
});

/** A one-off flow on a date: positive adds to the portfolio (an inheritance), negative takes from it (a gift). */
export const LumpSumSchema = z.object({ amount: DecimalStringSchema, date: IsoDateSchema, label: z.string().optional() });

/** Inflation: a fixed yearly rate, or lognormal yearly price growth with a mean and a volatility. */
export const InflationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), ratePerYear: RateSchema }),
  z.object({ kind: z.literal('stochastic'), meanPerYear: RateSchema, volatilityPerYear: z.number().min(0).lt(1) }),
]);

/** How a retiree draws on the portfolio; the published rules are cited in `withdrawal/`. */
export const WithdrawalStrategySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constantReal') }),
  z.object({
    kind: z.literal('percentOfPortfolio'),
    rate: z.number().gt(0).lt(1),
    /** Floor and ceiling as multiples of the year's spending need. */
    floorRatio: z.number().min(0).default(0),
    /** Omitted: no ceiling. */
    ceilingRatio: z.number().positive().optional(),
  }),
  z.object({
    kind: z.literal('guytonKlinger'),
    initialRate: z.number().gt(0).lt(1),
    guardrailBand: z.number().gt(0).lt(1).default(0.2),
    adjustment: z.number().gt(0).lt(1).default(0.1),
    inflationCap: z.number().min(0).default(0.06),
    preservationStopYears: z.number().int().min(0).default(15),
  }),
  z.object({ kind: z.literal('vpw'), realRate: z.number().gt(-0.5).lt(0.5), endAge: z.number().int().positive().default(100) }),
  z.object({
    kind: z.literal('vanguardDynamic'),
    rate: z.number().gt(0).lt(1),
    ceiling: z.number().min(0).default(0.05),
    floor: z.number().min(0).lt(1).default(0.025),
  }),
]);

/** Income besides the portfolio (a pension, Social Security) from an age, in today's money. */
export const OtherIncomeSchema = z.object({
  label: z.string().min(1),
  annualAmount: AmountSchema,
  fromAge: z.number().min(0).max(130),
  inflationIndexed: z.boolean().default(true),
});

const common = {
  id: z.string().min(1),
  asOf: IsoDateSchema,
  currentAssets: CurrentAssetsSchema,
  contributions: z.array(ContributionSchema).default([]),
  lumpSums: z.array(LumpSumSchema).default([]),
  inflation: InflationSchema.default({ kind: 'fixed', ratePerYear: 0.025 }),
  feeBps: z.number().min(0).max(1000).default(0),
  taxRate: z.number().min(0).lt(1).default(0),
};

/** Retirement: save until `retirementAge`, then spend `annualSpending` (today's money) until `lifeExpectancy`. */
export const RetirementGoalSchema = z
  .object({
    type: z.literal('retirement'),
    ...common,
    currentAge: z.number().min(0).max(120),
    retirementAge: z.number().min(0).max(120),
    lifeExpectancy: z.number().min(1).max(130),
    annualSpending: AmountSchema,
    essentialSpending: AmountSchema.optional(),
    otherIncome: z.array(OtherIncomeSchema).default([]),
    legacyTarget: AmountSchema.default('0'),
    withdrawal: WithdrawalStrategySchema.default({ kind: 'constantReal' }),
  })
  .refine((g) => g.currentAge <= g.retirementAge && g.retirementAge < g.lifeExpectancy, {
    message: 'ages must satisfy currentAge <= retirementAge < lifeExpectancy',
    path: ['retirementAge'],
  });

/** A major purchase: `amount` (today's money unless `amountIsNominal`) needed on `date`. */
export const MajorPurchaseGoalSchema = z.object({
  type: z.literal('majorPurchase'),
  ...common,
  amount: AmountSchema,
  date: IsoDateSchema,
  amountIsNominal: z.boolean().default(false),
});

/** Wealth building: reach `target` (today's money unless `targetIsNominal`) by `date`. */
export const WealthBuildingGoalSchema = z.object({
  type: z.literal('wealthBuilding'),
  ...common,
  target: AmountSchema,
  date: IsoDateSchema,
  targetIsNominal: z.boolean().default(false),
});

/** Income generation: draw `monthlyIncome` (today's money, inflation-indexed) for `horizonYears` without running out. */
export const IncomeGenerationGoalSchema = z.object({
  type: z.literal('incomeGeneration'),
  ...common,
  monthlyIncome: AmountSchema,
  horizonYears: z.number().int().min(1).max(100),
  legacyTarget: AmountSchema.default('0'),
});

/** Any goal, told apart by `type`. */
export const GoalSchema = z.discriminatedUnion('type', [RetirementGoalSchema, MajorPurchaseGoalSchema, WealthBuildingGoalSchema, IncomeGenerationGoalSchema]);

export type Goal = z.infer<typeof GoalSchema>;
/** What a caller writes: defaults may be left out. */
export type GoalInput = z.input<typeof GoalSchema>;
export type RetirementGoal = z.infer<typeof RetirementGoalSchema>;
export type MajorPurchaseGoal = z.infer<typeof MajorPurchaseGoalSchema>;
export type WealthBuildingGoal = z.infer<typeof WealthBuildingGoalSchema>;
export type IncomeGenerationGoal = z.infer<typeof IncomeGenerationGoalSchema>;
export type WithdrawalStrategy = z.infer<typeof WithdrawalStrategySchema>;
export type Contribution = z.infer<typeof ContributionSchema>;
export type Inflation = z.infer<typeof InflationSchema>;
export type CurrentAssets = z.infer<typeof CurrentAssetsSchema>;
