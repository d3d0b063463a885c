import { KronosError } from '../errors/index.js';
import type { LedgerContext } from './context.js';

const contexts = new WeakMap<object, LedgerContext>();

/** Remembers the context a ledger runs on, so functions outside the `Ledger` interface can share its units of work. */
export function bindContext<L extends object>(context: LedgerContext, ledger: L): L {
  contexts.set(ledger, context);
  return ledger;
}

/** The context of a ledger made by `createLedger`, or INVALID_INPUT for any other object. */
export function contextOf(ledger: object): LedgerContext {
  const context = contexts.get(ledger);
  if (context === undefined) throw new KronosError('INVALID_INPUT', 'Pass the ledger object createLedger returned (not a copy or a wrapper).', {});
  return context;
}
