export {
  StressScenarioSchema,
  AssetClassShockSchema,
  ShockSourceSchema,
  type StressScenario,
  type AssetClassShock,
  type ShockSource,
} from './scenarioSchema.js';
export { historicalScenarios } from './historicalScenarios.js';
export {
  runStressTest,
  createStressScenario,
  stressPositionsMax,
  StressPositionSchema,
  type StressPosition,
  type StressTestOptions,
  type StressTestResult,
} from './runStressTest.js';
