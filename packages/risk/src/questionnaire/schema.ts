import { z } from 'zod';

/** The version of the default questionnaire; answers carry it so old answers stay interpretable. */
export const riskQuestionnaireVersion = '2026-01';

/** Answers to the default risk questionnaire (version 2026-01). */
export const RiskQuestionnaireAnswersSchema = z.object({
  version: z.literal(riskQuestionnaireVersion),
  /** Age in whole years. */
  age: z.number().int().min(18).max(120),
  /** Years until the money is mainly needed. */
  horizonYears: z.number().min(0).max(80),
  /** How dependable the household's income is. */
  incomeStability: z.enum(['none', 'unstable', 'variable', 'stable', 'very_stable']),
  /** Share of these investments likely needed in cash within two years. */
  liquidityNeeds: z.enum(['most', 'some', 'little', 'none']),
  /** Net worth outside a primary home, by band (in the household's currency). */
  netWorthBand: z.enum(['under_50k', '50k_250k', '250k_1m', '1m_5m', 'over_5m']),
  /** What they would do if the portfolio fell 20% in a year. */
  lossReaction: z.enum(['sell_all', 'sell_some', 'hold', 'buy_more']),
  /** Investing experience. */
  experience: z.enum(['none', 'limited', 'moderate', 'extensive']),
  /** The main goal of this money. */
  goalType: z.enum(['capital_preservation', 'income', 'balanced', 'growth', 'aggressive_growth']),
});
export type RiskQuestionnaireAnswers = z.infer<typeof RiskQuestionnaireAnswersSchema>;

/** Risk labels, from the lowest combined score to the highest. */
export const RiskLabelSchema = z.enum(['conservative', 'moderately_conservative', 'moderate', 'moderately_aggressive', 'aggressive']);
export type RiskLabel = z.infer<typeof RiskLabelSchema>;

/** One answer's effect on a score. */
export interface ScoreContribution {
  readonly question: keyof Omit<RiskQuestionnaireAnswers, 'version'>;
  readonly answer: string | number;
  readonly dimension: 'tolerance' | 'capacity';
  /** Points this answer added on the 1-10 scale, relative to the scale's minimum. */
  readonly points: number;
  readonly note: string;
}

/** The scored profile. */
export interface RiskProfile {
  readonly version: string;
  /** Willingness to take risk, 1-10 (one decimal). */
  readonly tolerance: number;
  /** Ability to bear losses, 1-10 (one decimal). */
  readonly capacity: number;
  /** min(tolerance, capacity), rounded to a whole number 1-10. */
  readonly combined: number;
  readonly label: RiskLabel;
  /** True when capacity was lower than tolerance and set the combined score. */
  readonly cappedByCapacity: boolean;
  /** Every answer's contribution, largest effect first. */
  readonly contributions: readonly ScoreContribution[];
  /** A plain-language summary of what moved the score. */
  readonly explanation: string;
}
