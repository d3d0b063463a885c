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

// Exports: hledger, Beancount and CSV
export { ExportOptionsSchema, type ExportOptions } from './export/read-books.js';
export { AssertionModeSchema, type AssertionMode } from './export/balance-checkpoints.js';
export { exportHledger, streamHledger } from './export/export-hledger.js';
export { exportBeancount, streamBeancount, beancountComponent, beancountCommodity } from './export/export-beancount.js';
export { exportJournalCsv, streamJournalCsv, JournalCsvOptionsSchema, journalCsvColumns, type JournalCsvOptions } from './export/export-journal-csv.js';
