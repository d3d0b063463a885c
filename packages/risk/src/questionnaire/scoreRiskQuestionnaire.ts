import { KronosError } from '../errors/index.js';
import {
  RiskQuestionnaireAnswersSchema,
  type RiskLabel,
  type RiskProfile,
  type RiskQuestionnaireAnswers,
  type ScoreContribution,
} from './schema.js';

/*
 * Scoring of the default questionnaire (rationale in the package README).
 * Each answer maps to a value in [0, 1]; each dimension is 1 + 9 x the
 * weighted mean of its answers, so it spans 1-10.
 */
const toleranceWeights = { lossReaction: 0.5, goalType: 0.3, experience: 0.2 } as const;
const capacityWeights = { horizonYears: 0.35, incomeStability: 0.2, liquidityNeeds: 0.15, netWorthBand: 0.15, age: 0.15 } as const;

const lossReaction = { sell_all: 0, sell_some: 0.33, hold: 0.75, buy_more: 1 } as const;
const goalType = { capital_preservation: 0, income: 0.25, balanced: 0.5, growth: 0.8, aggressive_growth: 1 } as const;
const experience = { none: 0, limited: 0.33, moderate: 0.67, extensive: 1 } as const;
const incomeStability = { none: 0, unstable: 0.25, variable: 0.5, stable: 0.8, very_stable: 1 } as const;
const liquidityNeeds = { most: 0, some: 0.4, little: 0.8, none: 1 } as const;
const netWorthBand = { under_50k: 0, '50k_250k': 0.3, '250k_1m': 0.6, '1m_5m': 0.85, over_5m: 1 } as const;

/** Horizon: nothing below 1 year, full marks from 20 years, linear between. */
const horizonValue = (years: number) => Math.min(1, Math.max(0, (years - 1) / 19));
/** Age: full marks to 35, falling linearly to 0 at 85 (fewer earning years to recover a loss). */
const ageValue = (age: number) => Math.min(1, Math.max(0, (85 - age) / 50));

const notes: Record<string, string> = {
  lossReaction: 'how you said you would react to a 20% fall',
  goalType: 'the goal of this money',
  experience: 'your investing experience',
  horizonYears: 'years until you need the money',
  incomeStability: 'how dependable your income is',
  liquidityNeeds: 'cash you may need within two years',
  netWorthBand: 'your net worth outside your home',
  age: 'your age',
};

const round1 = (x: number) => Math.round(x * 10) / 10;

function labelOf(combined: number): RiskLabel {
  if (combined <= 2) return 'conservative';
  if (combined <= 4) return 'moderately_conservative';
  if (combined <= 6) return 'moderate';
  if (combined <= 8) return 'moderately_aggressive';
  return 'aggressive';
}

function contributionsOf(a: RiskQuestionnaireAnswers): (ScoreContribution & { exact: number })[] {
  const entry = (
    question: ScoreContribution['question'],
    dimension: ScoreContribution['dimension'],
    weight: number,
    value: number,
  ): ScoreContribution & { exact: number } => ({
    question,
    answer: a[question],
    dimension,
    points: round1(9 * weight * value),
    exact: 9 * weight * value,
    note: notes[question]!,
  });
  return [
    entry('lossReaction', 'tolerance', toleranceWeights.lossReaction, lossReaction[a.lossReaction]),
    entry('goalType', 'tolerance', toleranceWeights.goalType, goalType[a.goalType]),
    entry('experience', 'tolerance', toleranceWeights.experience, experience[a.experience]),
    entry('horizonYears', 'capacity', capacityWeights.horizonYears, horizonValue(a.horizonYears)),
    entry('incomeStability', 'capacity', capacityWeights.incomeStability, incomeStability[a.incomeStability]),
    entry('liquidityNeeds', 'capacity', capacityWeights.liquidityNeeds, liquidityNeeds[a.liquidityNeeds]),
    entry('netWorthBand', 'capacity', capacityWeights.netWorthBand, netWorthBand[a.netWorthBand]),
    entry('age', 'capacity', capacityWeights.age, ageValue(a.age)),
  ];
}

/**
 * Scores answers to the default questionnaire into a risk profile: tolerance
 * (willingness) and capacity (ability), each 1-10; a combined score that is
 * tolerance capped by capacity; a label; and which answers moved the score.
 *
 * @throws KronosError INVALID_INPUT for answers that fail the schema
 *   (including an unknown questionnaire version).
 * @example
 * ```ts
 * const profile = scoreRiskQuestionnaire({
 *   version: '2026-01', age: 30, horizonYears: 30, incomeStability: 'stable', liquidityNeeds: 'none',
 *   netWorthBand: '50k_250k', lossReaction: 'buy_more', experience: 'moderate', goalType: 'growth',
 * });
 * profile.label; //=> 'aggressive'
 * ```
 */
export function scoreRiskQuestionnaire(answers: unknown): RiskProfile {
  const parsed = RiskQuestionnaireAnswersSchema.safeParse(answers);
  if (!parsed.success) {
    throw new KronosError('INVALID_INPUT', 'The questionnaire answers are incomplete or invalid: fix the listed questions.', {
      issues: parsed.error.issues,
    });
  }
  const contributions = contributionsOf(parsed.data);
  // Scores add the exact points; only what is shown is rounded to one decimal.
  const sum = (dimension: ScoreContribution['dimension']) =>
    1 + contributions.filter((c) => c.dimension === dimension).reduce((total, c) => total + c.exact, 0);
  const toleranceExact = sum('tolerance');
  const capacityExact = sum('capacity');
  const tolerance = round1(toleranceExact);
  const capacity = round1(capacityExact);
  const combined = Math.max(1, Math.min(10, Math.round(Math.min(toleranceExact, capacityExact))));
  const cappedByCapacity = capacityExact < toleranceExact;
  const sorted = [...contributions].sort((x, y) => y.exact - x.exact).map(({ exact: _exact, ...c }) => c);
  return {
    version: parsed.data.version,
    tolerance,
    capacity,
    combined,
    label: labelOf(combined),
    cappedByCapacity,
    contributions: sorted,
    explanation: explain(tolerance, capacity, combined, cappedByCapacity, sorted),
  };
}

function explain(tolerance: number, capacity: number, combined: number, capped: boolean, sorted: ScoreContribution[]): string {
  const top = (dimension: ScoreContribution['dimension']) => sorted.filter((c) => c.dimension === dimension);
  const strongest = (list: ScoreContribution[]) => list[0]?.note ?? 'none';
  const weakest = (list: ScoreContribution[]) => list[list.length - 1]?.note ?? 'none';
  const t = top('tolerance');
  const c = top('capacity');
  const cap = capped
    ? `Your capacity (${capacity}) is below your tolerance (${tolerance}), so it caps the combined score at ${combined}: you are willing to take more risk than your situation can absorb.`
    : `Your tolerance (${tolerance}) is within your capacity (${capacity}), so it sets the combined score at ${combined}.`;
  return `${cap} Tolerance rose most with ${strongest(t)} and least with ${weakest(t)}; capacity rose most with ${strongest(c)} and least with ${weakest(c)}.`;
}
