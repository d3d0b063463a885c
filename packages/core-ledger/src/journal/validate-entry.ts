import { KronosError } from '../errors/index.js';
import { canonicalJson } from '../_internal/canonical.js';
import { formatMinorUnits, quickMinorUnits, toMinorUnits, type AmountInput } from '../_internal/amount.js';
import { notFound } from '../ledger/context.js';
import type { AccountRecord, EntityRecord, EntryRecord, EntryStatus, JsonValue, PostingRecord } from '../ports/ledger-store.js';

/** An entry as the journal checks it: parsed input plus the links the ledger sets. */
export interface EntryDraft {
  readonly id: string;
  readonly date: string;
  readonly description: string;
  readonly metadata: Readonly<Record<string, JsonValue>>;
  readonly postings: readonly { readonly accountId: string; readonly amount: AmountInput }[];
  readonly flowId: string | null;
  readonly reversesId: string | null;
}

function postingsOf(draft: EntryDraft, accounts: ReadonlyMap<string, AccountRecord>): PostingRecord[] {
  const postings: PostingRecord[] = [];
  for (let index = 0; index < draft.postings.length; index++) {
    const input = draft.postings[index]!;
    const account = accounts.get(input.accountId);
    if (account === undefined) throw notFound('account', input.accountId, 'open the account before posting to it.');
    // The common case first: a plain string in the account's scale, read without building the error's field name.
    const quick = typeof input.amount === 'string' ? quickMinorUnits(input.amount, account.scale) : undefined;
    const amount = quick ?? toMinorUnits(input.amount, { code: account.currency, scale: account.scale }, `postings.${index}.amount`);
    if (amount === 0n) throw new KronosError('INVALID_INPUT', `Entry '${draft.id}': posting ${index} is zero; drop it.`, { entryId: draft.id, index });
    postings.push({ accountId: account.id, amount });
  }
  return postings;
}

function checkAccounts(record: EntryRecord, accounts: ReadonlyMap<string, AccountRecord>): void {
  for (const posting of record.postings) {
    const account = accounts.get(posting.accountId)!;
    if (account.entityId !== record.entityId) {
      throw new KronosError('ENTITY_MISMATCH', `Entry '${record.id}' touches the books of '${record.entityId}' and '${account.entityId}': keep each entity's books apart and record money between them with recordFlow.`, {
        entryId: record.id,
        entityIds: [record.entityId, account.entityId],
      });
    }
    if (account.closedOn !== null) {
      throw new KronosError('ACCOUNT_CLOSED', `Account '${account.name}' (${account.id}) was closed on ${account.closedOn}: post to an open account.`, { accountId: account.id, entryId: record.id });
    }
    if (record.date < account.openedOn) {
      throw new KronosError('INVALID_INPUT', `Entry '${record.id}' is dated ${record.date}, before account '${account.name}' opened on ${account.openedOn}: date it later or open the account earlier.`, { accountId: account.id, entryId: record.id });
    }
  }
}

function checkBalanced(draft: EntryRecord, postings: readonly PostingRecord[], accounts: ReadonlyMap<string, AccountRecord>): void {
  // Most entries have one currency: sum without a map, fall back to one when a second shows up.
  const first = accounts.get(postings[0]!.accountId)!;
  let sum = 0n;
  let sums: Map<string, bigint> | undefined;
  for (const posting of postings) {
    const account = accounts.get(posting.accountId)!;
    if (sums === undefined && account.currency === first.currency && account.scale === first.scale) sum += posting.amount;
    else {
      sums ??= new Map([[`${first.currency}/${first.scale}`, sum]]);
      const key = `${account.currency}/${account.scale}`;
      sums.set(key, (sums.get(key) ?? 0n) + posting.amount);
    }
  }
  if (sums === undefined && sum === 0n) return;
  const imbalances: Record<string, string> = {};
  for (const [key, total] of sums ?? [[`${first.currency}/${first.scale}`, sum] as const]) {
    if (total !== 0n) {
      const [code, scale] = key.split('/') as [string, string];
      imbalances[code] = formatMinorUnits(total, Number(scale));
    }
  }
  if (Object.keys(imbalances).length > 0) {
    throw new KronosError('UNBALANCED_ENTRY', `Entry '${draft.id}' does not balance: postings in each currency must sum to zero (off by ${Object.entries(imbalances).map(([code, amount]) => `${amount} ${code}`).join(', ')}).`, {
      entryId: draft.id,
      imbalances,
    });
  }
}

function isEmpty(record: Readonly<Record<string, unknown>>): boolean {
  for (const _key in record) return false;
  return true;
}

function nullableJson(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

/**
 * The idempotency fingerprint: canonical text of everything the caller chose.
 * Built with template strings (V8 keeps them as a tree of small strings until
 * something copies them out); a stored record keeps its fingerprint as a slice
 * of its batch's flat audit payload, see `writeEntries`.
 */
export function fingerprintEntry(draft: EntryDraft, status: EntryStatus, postings: readonly PostingRecord[]): string {
  const metadata = isEmpty(draft.metadata) ? '{}' : canonicalJson(draft.metadata);
  // A status is one of three plain words, so quoting is its JSON; null links are spelled out (no encoder call).
  let text = `["${status}",${JSON.stringify(draft.date)},${JSON.stringify(draft.description)},${metadata},${nullableJson(draft.flowId)},${nullableJson(draft.reversesId)},[`;
  for (let index = 0; index < postings.length; index++) {
    const posting = postings[index]!;
    // Account ids passed isId (no quote, backslash or control character), so quoting them is their JSON.
    text += `${index === 0 ? '' : ','}["${posting.accountId}","${posting.amount}"]`;
  }
  return `${text}]]`;
}

/** An entry record while it is built: its fingerprint is filled in once the batch's audit payload exists. */
export type EntryRecordDraft = { -readonly [K in keyof EntryRecord]: EntryRecord[K] };

/**
 * The record an entry draft would write, amounts converted to minor units,
 * without the rules (so a repeated id can be compared first) and with an
 * empty fingerprint (see `auditEntries`). Throws NOT_FOUND, SCALE_EXCEEDED,
 * CURRENCY_MISMATCH.
 */
export function draftEntryRecord(draft: EntryDraft, status: EntryStatus, accounts: ReadonlyMap<string, AccountRecord>, recordedAt: string): EntryRecordDraft {
  const postings = postingsOf(draft, accounts);
  return {
    id: draft.id,
    entityId: accounts.get(postings[0]!.accountId)!.entityId,
    date: draft.date,
    description: draft.description,
    metadata: draft.metadata,
    postings,
    status,
    reversesId: draft.reversesId,
    reversedById: null,
    flowId: draft.flowId,
    fingerprint: '',
    recordedAt,
  };
}

/**
 * Checks a new entry against the rules: accounts of one entity, open, opened
 * by its date; each currency balances; its period is open. Bounds are checked
 * after insertion (see `checkBounds`).
 */
export function checkEntryRules(record: EntryRecord, accounts: ReadonlyMap<string, AccountRecord>, entities: ReadonlyMap<string, EntityRecord>): void {
  checkAccounts(record, accounts);
  checkBalanced(record, record.postings, accounts);
  const closedThrough = entities.get(record.entityId)?.closedThrough ?? null;
  if (closedThrough !== null && record.date <= closedThrough) {
    throw new KronosError('PERIOD_LOCKED', `Entry '${record.id}' is dated ${record.date} but the books of '${record.entityId}' are closed through ${closedThrough}: date it after ${closedThrough}, or reopen the period first.`, {
      entryId: record.id,
      entityId: record.entityId,
      closedThrough,
    });
  }
}
