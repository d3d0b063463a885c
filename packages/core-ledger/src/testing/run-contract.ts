import { describe } from 'vitest';
import type { LedgerStore } from '../ports/ledger-store.js';
import { describeBudgetContract } from './contract-budgets.js';
import { describeLedgerExamples } from './contract-examples.js';
import { describeLedgerProperties } from './contract-properties.js';
import { describeStorePort } from './contract-port.js';

/** Options of `runLedgerStoreContract`. */
export interface LedgerStoreContractOptions {
  /** Shown in the test names: `LedgerStore contract (memory)`. */
  readonly name: string;
  /** A new, empty store per test. */
  readonly createStore: () => LedgerStore | Promise<LedgerStore>;
  /** fast-check runs per property (default 25); lower it for slow stores. */
  readonly numRuns?: number;
}

/**
 * Runs the LedgerStore contract (the port's own duties through `LedgerTx`,
 * then every rule of the ledger and of budgets by example and as fast-check properties)
 * against a store implementation. Call it inside a
 * vitest test file.
 *
 * @example
 * Not run by the docs harness: it declares test suites, which only a test file's top level may do.
 * ```ts no-run
 * import { createMemoryStore } from '@kronos/core-ledger';
 * import { runLedgerStoreContract } from '@kronos/core-ledger/testing';
 * runLedgerStoreContract({ name: 'memory', createStore: () => createMemoryStore() });
 * ```
 */
export function runLedgerStoreContract(options: LedgerStoreContractOptions): void {
  describe(`LedgerStore contract (${options.name})`, () => {
    describeStorePort(options.createStore, options.numRuns ?? 25);
    describeLedgerExamples({ createStore: options.createStore });
    describeLedgerProperties({ createStore: options.createStore, numRuns: options.numRuns ?? 25 });
    describeBudgetContract(options.createStore, options.numRuns ?? 25);
  });
}
