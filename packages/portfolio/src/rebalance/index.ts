export {
  AccountTypeSchema,
  planRebalance,
  rebalanceStepsMax,
  type AccountCash,
  type AccountType,
  type PlanRebalanceDeps,
  type RebalanceHolding,
  type RebalanceInput,
  type RebalanceOrder,
  type RebalancePlan,
  type SellCostFunction,
} from './plan-rebalance.js';
