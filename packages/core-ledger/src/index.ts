export { KronosError, isKronosError, type KronosErrorCode } from './errors/index.js';
export { Decimal, type DecimalInput } from './money/decimal.js';
export { type Currency, currency, asset, sameCurrency, scaleMax } from './money/currency.js';
export { type RoundingMode, roundingModes } from './money/rounding.js';
export { Money, type MoneyJSON, type MoneyOptions, type MoneyParseOptions, integerDigitsMax, allocatePartsMax } from './money/money.js';
export { MoneySchema, MoneyJSONSchema, RoundingModeSchema } from './money/schema.js';
export { type IsoDate, IsoDateSchema, IsoInstantSchema, isIsoDate, assertIsoDate } from './dates/iso-date.js';

// Ledger service
export { createLedger, type Ledger, type LedgerDeps } from './ledger/create-ledger.js';
export type { WriteOptions } from './ledger/context.js';
export { createMemoryStore } from './store/memory-store.js';
export { createSystemClock, createSteppingClock, createSequentialIds } from './runtime/clock.js';
export { createInProcessEventBus, type InProcessEventBusOptions } from './events/in-process-event-bus.js';

// Ports
export type * from './ports/ledger-store.js';
export type { EventBus, KronosEvent } from './ports/event-bus.js';
export type { Clock, IdGenerator } from './ports/runtime.js';

// Entities and accounts
export { EntityInputSchema, EntityKindSchema, type Entity, type EntityInput } from './entities/create-entity.js';
export { AccountInputSchema, AccountNameSchema, accountsPerCallMax, type AccountInput } from './accounts/open-accounts.js';
export { CloseAccountInputSchema, type CloseAccountInput } from './accounts/close-account.js';
export { accountSubtypes, rootNames, normalSign, type AccountSubtype } from './accounts/account-types.js';
export type { Account } from './accounts/account-view.js';
export { ChartTemplateInputSchema, individualChart, singleMemberLlcChart, type ChartTemplateInput, type TemplateAccount } from './accounts/chart-templates.js';

// Journal
export { EntryInputSchema, PostingInputSchema, AmountInputSchema, entriesPerCallMax, postingsPerEntryMax, type EntryInput } from './journal/entry-input.js';
export type { Entry, Posting } from './journal/entry-view.js';
export type { EntryReceipt } from './journal/post-entries.js';
export { ReverseInputSchema, type ReverseInput } from './journal/reverse-entry.js';
export type { SettleInput } from './journal/settle-pending.js';
export { ClosePeriodInputSchema, ReopenPeriodInputSchema, type ClosePeriodInput, type ReopenPeriodInput, type PeriodEvent } from './periods/close-period.js';
export type { AmountInput } from './_internal/amount.js';

// Inter-entity flows
export { FlowInputSchema, FlowKindSchema, type Flow, type FlowInput } from './flows/record-flow.js';
export { flowLegs } from './flows/flow-accounts.js';
export { ReverseFlowInputSchema, type ReverseFlowInput } from './flows/reverse-flow.js';
export { VeilReportQuerySchema, type VeilReport, type VeilReportQuery, type IntercompanyBalance, type MixedEntry } from './flows/veil-report.js';

// Queries
export { BalanceQuerySchema, RollupQuerySchema, type BalanceQuery, type RollupQuery } from './queries/balances.js';
export { JournalQuerySchema, pageSizeMax, type JournalPage, type JournalQuery } from './queries/list-journal.js';
export {
  BalanceSheetQuerySchema,
  IncomeStatementQuerySchema,
  TrialBalanceQuerySchema,
  type BalanceSheet,
  type BalanceSheetQuery,
  type IncomeStatement,
  type IncomeStatementQuery,
  type StatementLine,
  type StatementSection,
  type TrialBalance,
  type TrialBalanceLine,
  type TrialBalanceQuery,
} from './queries/statements.js';

// Audit and events
export { hashAuditRecord, verifyAuditChain, createAuditChainVerifier, genesisHash, type AuditVerification, type AuditChainVerifier } from './audit/hash-chain.js';
export { AuditQuerySchema, auditPageSizeMax, type AuditQuery } from './audit/audit-log.js';
export {
  LedgerEventSchema,
  TransactionPostedEventSchema,
  EntryReversedEventSchema,
  InterEntityFlowRecordedEventSchema,
  PeriodClosedEventSchema,
  type LedgerEvent,
  type LedgerEventOf,
  type LedgerEventType,
} from './events/ledger-events.js';

// Plain-text reports
export { formatBalanceSheet, formatIncomeStatement, formatVeilReport, type StatementFormatOptions } from './reports/format-text.js';

// Budgets (zero-based envelopes)
export { createBudgets, type Budgets } from './budgets/budgets.js';
export {
  AssignInputSchema,
  ConfigureBudgetInputSchema,
  EnvelopeInputSchema,
  EnvelopePolicyInputSchema,
  HoldInputSchema,
  MoveInputSchema,
  budgetAccountsMax,
  type AssignInput,
  type BudgetAction,
  type ConfigureBudgetInput,
  type EnvelopeInput,
  type EnvelopePolicyInput,
  type HoldInput,
  type MoveInput,
} from './budgets/budget-records.js';
export { MonthSchema, OverspendingPolicySchema, RolloverPolicySchema, budgetMonthsMax, cardPaymentPrefix, onBudgetAssetSubtypes, type OverspendingPolicy, type RolloverPolicy } from './budgets/budget-plan.js';
export { BudgetMonthQuerySchema, budgetEntryPageSize, budgetEntryPagesMax, type BudgetMonth, type BudgetMonthQuery, type EnvelopeMonth } from './budgets/budget-month.js';
export type { MoneyFlow, MoneyFlowLink, MoneyFlowNode, MoneyFlowNodeKind } from './budgets/money-flow.js';

// Categorisation rules, commingling fixes and bills (issue #4)
export {
  RuleSchema,
  RuleConditionsSchema,
  RuleActionsSchema,
  PayeeConditionSchema,
  AmountConditionSchema,
  DateConditionSchema,
  SplitPartSchema,
  RuleTransactionSchema,
  rulesPerSetMax,
  payeePatternLengthMax,
  type Rule,
  type RuleInput,
  type RuleTransaction,
} from './rules/rule-schema.js';
export { compileRules, type RuleSet } from './rules/compile-rules.js';
export { applyRules, type AccountOwner, type ApplyRulesOptions, type ComminglingFlag, type ComminglingKind, type RuleResult, type RuleSplit } from './rules/apply-rules.js';
export { loadAccountOwners } from './rules/load-account-owners.js';
export { fixCommingling, FixComminglingInputSchema, type ComminglingFix, type FixComminglingInput } from './rules/fix-commingling.js';
export {
  BillSchema,
  BillScheduleSchema,
  MonthlyScheduleSchema,
  WeeklyScheduleSchema,
  YearlyScheduleSchema,
  LastBusinessDayScheduleSchema,
  billsPerCallMax,
  type Bill,
  type BillInput,
  type BillSchedule,
} from './bills/bill-schema.js';
export { scheduleOccurrences, occurrenceRangeDaysMax } from './bills/schedule-occurrences.js';
export { upcomingBills, type BillOccurrence } from './bills/upcoming-bills.js';
export { emitDueBills, billDueEventId, billLeadDaysMax, type BillDueEvent, type EmitDueBillsOptions, type SeenIds } from './bills/emit-due-bills.js';
export { estimateBillAmount, estimateLastNMax } from './bills/estimate-bill-amount.js';
export { BillDueEventSchema } from './events/ledger-events.js';

// Exports: hledger, Beancount and CSV
export { ExportOptionsSchema, type ExportOptions } from './export/read-books.js';
export { AssertionModeSchema, type AssertionMode } from './export/balance-checkpoints.js';
export { exportHledger, streamHledger } from './export/export-hledger.js';
export { exportBeancount, streamBeancount, beancountComponent, beancountCommodity } from './export/export-beancount.js';
export { exportJournalCsv, streamJournalCsv, JournalCsvOptionsSchema, journalCsvColumns, type JournalCsvOptions } from './export/export-journal-csv.js';
