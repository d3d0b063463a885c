export { createPaperBroker, type PaperBrokerOptions } from './create-paper-broker.js';
export { settleFill, type SettlementAccounts, type SettlementLedger, type TradeRecord } from './settle-fill.js';
