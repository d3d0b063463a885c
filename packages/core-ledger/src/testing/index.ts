export { runLedgerStoreContract, type LedgerStoreContractOptions } from './run-contract.js';
export { createTestLedger, seedPersonAndLlc, snapshotLedger, failureCode } from './fixtures.js';
