import { unitOf } from '../accounts/account-view.js';
import { Money } from '../money/money.js';
import type { AccountRecord, EntryRecord, EntryStatus, JsonValue } from '../ports/ledger-store.js';

/** A posting as the ledger shows it. */
export interface Posting {
  readonly accountId: string;
  readonly amount: Money;
}

/** A journal entry as the ledger shows it. */
export interface Entry {
  readonly id: string;
  readonly entityId: string;
  readonly date: string;
  readonly description: string;
  readonly metadata: Readonly<Record<string, JsonValue>>;
  readonly status: EntryStatus;
  readonly postings: readonly Posting[];
  readonly reversesId: string | null;
  readonly reversedById: string | null;
  readonly flowId: string | null;
  readonly recordedAt: string;
}

/** The public view of an entry record (accounts give the currencies). */
export function toEntry(record: EntryRecord, accounts: ReadonlyMap<string, AccountRecord>): Entry {
  return {
    id: record.id,
    entityId: record.entityId,
    date: record.date,
    description: record.description,
    metadata: record.metadata,
    status: record.status,
    postings: record.postings.map((posting) => ({ accountId: posting.accountId, amount: Money.fromMinorUnits(posting.amount, unitOf(accounts.get(posting.accountId)!)) })),
    reversesId: record.reversesId,
    reversedById: record.reversedById,
    flowId: record.flowId,
    recordedAt: record.recordedAt,
  };
}
