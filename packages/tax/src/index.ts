/**
 * @kronos/tax: tax lots, every cost-basis method, taxpayer-wide wash sales,
 * tax-loss harvesting and Form 8949 / Schedule D.
 */
export { classifyHoldingPeriod, holdingPeriodAnniversary, tackHoldingPeriod, type HoldingTerm } from './holding/classifyHoldingPeriod.js';
export {
  AccountOwnerSchema, AccountTypeSchema, BuyRecordSchema, LotMethodSchema, LotPickSchema, MethodRuleSchema, MoneyInputSchema,
  ReinvestRecordSchema, SellRecordSchema, SplitRecordSchema, SubstantiallyIdenticalGroupSchema, SymbolChangeRecordSchema,
  TaxAccountSchema, TaxProfileSchema, TaxRatesSchema, TaxRecordSchema, TransferInRecordSchema,
  type AccountOwner, type AccountType, type BuyRecord, type LotMethod, type LotPick, type MethodRule, type ReinvestRecord,
  type SellRecord, type SplitRecord, type SubstantiallyIdenticalGroup, type SymbolChangeRecord, type TaxAccount, type TaxProfile,
  type TaxProfileInput, type TaxRates, type TaxRecord, type TaxRecordInput, type TransferInRecord,
} from './records/schemas.js';
export { computeTaxLots, resolveLotMethod } from './lots/computeTaxLots.js';
export { parseTaxProfile, parseTaxRecords, recordsMax } from './lots/parseRecords.js';
export { planRelief, type PlanReliefInput, type ReliefPiece, type ReliefPlan } from './lots/planRelief.js';
export type { Disposal, Lot, TaxLotLedger, WashMatch } from './lots/types.js';
export { washWindowDays } from './wash/applyWashSale.js';
export { boxOf, buildForm8949Rows, type Form8949Box, type Form8949Row } from './reports/buildForm8949.js';
export { summarizeScheduleD, type ScheduleDLine, type ScheduleDLineNumber, type ScheduleDTotals } from './reports/summarizeScheduleD.js';
export { formatForm8949Csv } from './reports/formatForm8949Csv.js';
export { summarizeRealizedGains, type RealizedGainSummary } from './reports/summarizeRealizedGains.js';
export { reconcileLedger, type LedgerReconciliation } from './reports/reconcileLedger.js';
export {
  HarvestSettingsSchema, harvestLotsMax, lockoutDays, scanHarvestOpportunities,
  type HarvestBlock, type HarvestOpportunity, type HarvestSettings, type HarvestSettingsInput,
} from './harvest/scanHarvestOpportunities.js';
export {
  HarvestOpportunityEventSchema, HarvestOpportunityPayloadSchema, publishHarvestOpportunities, toHarvestOpportunityEvent,
  type EventPublisher, type HarvestOpportunityEvent, type HarvestOpportunityPayload,
} from './harvest/publishHarvestOpportunities.js';
export { createSellCostFunction, type SellCost, type SellCostFunction, type SellCostInput } from './harvest/createSellCostFunction.js';
