export {
  RiskLimitPolicySchema,
  RiskSnapshotSchema,
  RiskLimitKindSchema,
  RiskLimitBreachedPayloadSchema,
  type RiskLimitPolicy,
  type ParsedRiskLimitPolicy,
  type RiskSnapshot,
  type RiskLimitKind,
  type RiskLimitBreach,
} from './policy.js';
export { evaluateRiskLimits } from './evaluateRiskLimits.js';
export {
  createRiskMonitor,
  riskLimitBreachedEventType,
  type RiskEventPublisher,
  type RiskMonitorDependencies,
  type RiskMonitor,
} from './createRiskMonitor.js';
