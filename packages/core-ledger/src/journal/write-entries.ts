import { KronosError } from '../errors/index.js';
import { idempotencyConflict } from '../ledger/context.js';
import type { AccountRecord, EntityRecord, EntryRecord, EntryStatus, LedgerTx } from '../ports/ledger-store.js';
import { checkBounds } from './check-bounds.js';
import { checkEntryRules, draftEntryRecord, fingerprintEntry, type EntryDraft, type EntryRecordDraft } from './validate-entry.js';

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
  /** The audit payload of the created entries, `[[id, fingerprint], ...]` as canonical JSON ('' when none). */
  readonly auditPayload: string;
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
  const created: EntryRecordDraft[] = [];
  const createdDrafts: EntryDraft[] = [];
  const replayed: boolean[] = [];
  /** Position in `created` of each id this batch creates. */
  let inBatch: Map<string, number> | undefined;
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    const known = existing[index];
    const earlier = known === undefined ? inBatch?.get(draft.id) : undefined;
    let record: EntryRecordDraft;
    try {
      record = draftEntryRecord(draft, status, accounts, recordedAt);
      if (known === undefined && earlier === undefined) checkEntryRules(record, accounts, entities);
    } catch (error) {
      throw withIndex(error, index, drafts.length);
    }
    if (known !== undefined || earlier !== undefined) {
      const first = known ?? created[earlier!]!;
      const firstFingerprint = known?.fingerprint ?? fingerprintEntry(createdDrafts[earlier!]!, status, first.postings);
      if (firstFingerprint !== fingerprintEntry(draft, status, record.postings)) throw idempotencyConflict('entry', draft.id);
      records.push(first);
      replayed.push(true);
      continue;
    }
    if (drafts.length > 1) (inBatch ??= new Map()).set(record.id, created.length);
    records.push(record);
    replayed.push(false);
    created.push(record);
    createdDrafts.push(draft);
  }
  let auditPayload = '';
  if (created.length > 0) {
    auditPayload = auditEntries(created, createdDrafts, status);
    await tx.insertEntries(created);
    await checkBounds(tx, created, accounts);
  }
  return { records, created, replayed, accounts, auditPayload };
}

function withIndex(error: unknown, index: number, count: number): unknown {
  if (count === 1 || !(error instanceof KronosError)) return error;
  return new KronosError(error.code, `Entry ${index} of the batch: ${error.message}`, { ...error.details, batchIndex: index }, { cause: error });
}

/**
 * Builds the audit payload of new entries, `[[id, fingerprint], ...]` as
 * canonical JSON, with one join (two strings per entry: a join's cost grows
 * with its number of pieces), and sets each record's fingerprint to its slice
 * of it: every fingerprint is copied out once, and a slice shares the
 * payload's characters (which the audit log keeps anyway) instead of holding
 * a copy.
 */
function auditEntries(records: readonly EntryRecordDraft[], drafts: readonly EntryDraft[], status: EntryStatus): string {
  const parts: string[] = [];
  const bounds: number[] = [];
  let length = 0;
  for (let index = 0; index < records.length; index++) {
    const head = `${index === 0 ? '[[' : '],['}${JSON.stringify(records[index]!.id)},`;
    const fingerprint = fingerprintEntry(drafts[index]!, status, records[index]!.postings);
    length += head.length;
    bounds.push(length, length + fingerprint.length);
    length += fingerprint.length;
    parts.push(head, fingerprint);
  }
  parts.push(']]');
  const payload = parts.join('');
  for (let index = 0; index < records.length; index++) records[index]!.fingerprint = payload.slice(bounds[2 * index], bounds[2 * index + 1]);
  return payload;
}
