export {
  riskQuestionnaireVersion,
  RiskQuestionnaireAnswersSchema,
  RiskLabelSchema,
  type RiskQuestionnaireAnswers,
  type RiskLabel,
  type RiskProfile,
  type ScoreContribution,
} from './schema.js';
export { scoreRiskQuestionnaire } from './scoreRiskQuestionnaire.js';
export { riskQuestionnaireJsonSchema, riskLimitPolicyJsonSchema } from './jsonSchema.js';
