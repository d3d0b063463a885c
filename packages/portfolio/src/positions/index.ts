export {
  checkDrift,
  DriftBandsSchema,
  DriftExceededPayloadSchema,
  type AssetDrift,
  type CheckDriftDeps,
  type CheckDriftInput,
  type DriftBands,
  type DriftExceededPayload,
  type DriftReport,
  type Position,
} from './check-drift.js';
export { loadPositions, securityAccountsMax, type PositionsLedger, type SecurityAccount } from './load-positions.js';
