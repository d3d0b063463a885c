import { z } from 'zod';
import { RiskLimitPolicySchema } from '../limits/policy.js';
import { RiskQuestionnaireAnswersSchema } from './schema.js';

/**
 * The JSON Schema of the questionnaire answers, derived from the zod schema,
 * for a form builder to render the questionnaire.
 *
 * @example
 * ```ts
 * const schema = riskQuestionnaireJsonSchema();
 * (schema.required as string[]).includes('lossReaction'); //=> true
 * ```
 */
export function riskQuestionnaireJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RiskQuestionnaireAnswersSchema) as Record<string, unknown>;
}

/**
 * The JSON Schema of a risk-limit policy (as accepted on input, defaults optional).
 *
 * @example
 * ```ts
 * Object.keys(riskLimitPolicyJsonSchema().properties as object).includes('positionWeightMax'); //=> true
 * ```
 */
export function riskLimitPolicyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RiskLimitPolicySchema, { io: 'input' }) as Record<string, unknown>;
}
