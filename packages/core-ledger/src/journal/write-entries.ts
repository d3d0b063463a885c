import { KronosError } from '../errors/index.js';
import { idempotencyConflict } from '../ledger/context.js';
import type { AccountRecord, EntityRecord, EntryRecord, EntryStatus, LedgerTx } from '../ports/ledger-store.js';
import { checkBounds } from './check-bounds.js';
import { checkEntryRules, draftEntryRecord, type EntryDraft } from './validate-entry.js';

/** Accounts by id, read in one round trip (missing ones are left out). */
export async function loadAccounts(tx: LedgerTx, ids: Iterable<string>): Promise<Map<string, AccountRecord>> {
  const unique = [...new Set(ids)];
  const found = await tx.getAccounts(unique);
  const accounts = new Map<string, AccountRecord>();
  for (const account of found) if (account !== undefined) accounts.set(account.id, account);
  return accounts;
}

/** Entities by id, read in one round trip (missing ones are left out). */
export async function loadEntities(tx: LedgerTx, ids: Iterable<string>): Promise<Map<string, EntityRecord>> {
  const found = await tx.getEntities([...new Set(ids)]);
  const entities = new Map<string, EntityRecord>();
  for (const entity of found) if (entity !== undefined) entities.set(entity.id, entity);
  return entities;
}

/** What writing a batch of entries did. */
export interface WrittenEntries {
  /** One record per draft, in order: the new one, or the first one for a repeated id. */
  readonly records: readonly EntryRecord[];
  /** The records this call created. */
  readonly created: readonly EntryRecord[];
  /** Per draft: true when its id was already known with the same content. */
  readonly replayed: readonly boolean[];
  readonly accounts: ReadonlyMap<string, AccountRecord>;
}

/**
 * Validates drafts, resolves repeats of known ids (same content: the first
 * record; other content: IDEMPOTENCY_CONFLICT), inserts the new ones and
 * checks bounds, all inside the caller's unit of work.
 */
export async function writeEntries(tx: LedgerTx, drafts: readonly EntryDraft[], status: EntryStatus, recordedAt: string): Promise<WrittenEntries> {
  const accountIds: string[] = [];
  for (const draft of drafts) for (const posting of draft.postings) accountIds.push(posting.accountId);
  const [accounts, existing] = [await loadAccounts(tx, accountIds), await tx.getEntries(drafts.map((draft) => draft.id))];
  const entities = await loadEntities(tx, [...accounts.values()].map((account) => account.entityId));
  const records: EntryRecord[] = [];
  const created: EntryRecord[] = [];
  const replayed: boolean[] = [];
  let inBatch: Map<string, EntryRecord> | undefined;
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    const first = existing[index] ?? inBatch?.get(draft.id);
    let record: EntryRecord;
    try {
      record = draftEntryRecord(draft, status, accounts, recordedAt);
      if (first === undefined) checkEntryRules(record, accounts, entities);
    } catch (error) {
      throw withIndex(error, index, drafts.length);
    }
    if (first !== undefined) {
      if (first.fingerprint !== record.fingerprint) throw idempotencyConflict('entry', draft.id);
      records.push(first);
      replayed.push(true);
      continue;
    }
    if (drafts.length > 1) (inBatch ??= new Map()).set(record.id, record);
    records.push(record);
    replayed.push(false);
    created.push(record);
  }
  if (created.length > 0) {
    await tx.insertEntries(created);
    await checkBounds(tx, created, accounts);
  }
  return { records, created, replayed, accounts };
}

function withIndex(error: unknown, index: number, count: number): unknown {
  if (count === 1 || !(error instanceof KronosError)) return error;
  return new KronosError(error.code, `Entry ${index} of the batch: ${error.message}`, { ...error.details, batchIndex: index }, { cause: error });
}

/** The audit payload of written entries: `[[id, fingerprint], ...]` as canonical JSON. */
export function entriesAuditPayload(entries: readonly EntryRecord[]): string {
  // The pieces of every entry, joined once: one flat string, no intermediate string per entry.
  const pieces: string[] = ['['];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    pieces.push(index === 0 ? '[' : ',[', JSON.stringify(entry.id), ',', entry.fingerprint, ']');
  }
  pieces.push(']');
  return pieces.join('');
}
