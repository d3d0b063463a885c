import type {
  AccountRecord,
  AuditRecord,
  BalanceWindow,
  BudgetRecord,
  EntityRecord,
  EntryQuery,
  EntryRecord,
  EntryUpdate,
  FlowQuery,
  FlowRecord,
  LedgerStore,
  LedgerTx,
  PeriodEventRecord,
  StoredEntryRecord,
} from '../ports/ledger-store.js';
import { createIdIndex, type IdIndex } from './id-index.js';

/**
 * Per-account balance history: `dates` (day keys, see `dayKey`) sorted
 * ascending, `cumulative[i]` the posted balance at the end of `dates[i]`.
 * Appending in date order is O(1); an as-of read is a binary search, O(log n),
 * over small integers (cache-friendly, unlike comparing date strings).
 */
interface AccountBook {
  readonly dates: number[];
  /**
   * Plain numbers while `reach` proves every balance a safe integer (exact,
   * and a back-dated posting shifts later days without allocating a bigint
   * per day); bigints for good from the first move that could leave that range.
   */
  cumulative: number[] | bigint[];
  /** Sum of the absolute amounts moved so far (a bound on every balance held), or Infinity once `cumulative` holds bigints. */
  reach: number;
  /** `dates`' last key and its ISO text, kept for the bound checks' window reads until a later day comes. */
  lastKey: number;
  lastText: string;
  /** Net pending amount per pending entry, with its date. */
  readonly pending: Map<string, { date: string; amount: bigint }>;
  pendingDebit: bigint;
  pendingCredit: bigint;
}

interface MemoryState {
  readonly entities: Map<string, EntityRecord>;
  readonly accounts: Map<string, AccountRecord>;
  readonly accountsByEntity: Map<string, Set<string>>;
  /** Index in `journal` of each entry id; an entry's seq is its index + 1. */
  readonly entryIndex: IdIndex;
  readonly journal: EntryRecord[];
  readonly books: Map<string, AccountBook>;
  readonly flows: Map<string, FlowRecord>;
  readonly flowList: FlowRecord[];
  readonly periodEvents: Map<string, PeriodEventRecord>;
  readonly periodEventList: PeriodEventRecord[];
  readonly budgetRecords: Map<string, BudgetRecord>;
  readonly budgetRecordList: BudgetRecord[];
  readonly audit: AuditRecord[];
}

type Undo = () => void;

/**
 * Creates an in-memory LedgerStore: the default for tests, demos and
 * benchmarks. Units of work run one after another; a unit that throws is
 * rolled back from an undo log, so a failed call leaves nothing behind.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana', baseCurrency: 'USD' });
 * (await ledger.listEntities()).length; //=> 1
 * ```
 */
export function createMemoryStore(): LedgerStore {
  const journal: EntryRecord[] = [];
  const state: MemoryState = {
    entities: new Map(),
    accounts: new Map(),
    accountsByEntity: new Map(),
    entryIndex: createIdIndex((index) => journal[index]!.id),
    journal,
    books: new Map(),
    flows: new Map(),
    flowList: [],
    periodEvents: new Map(),
    periodEventList: [],
    budgetRecords: new Map(),
    budgetRecordList: [],
    audit: [],
  };
  let tail: Promise<unknown> = Promise.resolve();
  // Units run one at a time, so one tx object serves them all; its writes go to the running unit's undo log.
  let undoLog: Undo[] | undefined;
  const tx = createMemoryTx(state, () => {
    if (undoLog === undefined) throw new Error('LedgerTx used outside its unit of work: use the tx only inside the work passed to transact');
    return undoLog;
  });

  async function run<T>(work: (tx: LedgerTx) => Promise<T>): Promise<T> {
    const log: Undo[] = [];
    undoLog = log;
    try {
      return await work(tx);
    } catch (error) {
      for (let index = log.length - 1; index >= 0; index--) log[index]!();
      throw error;
    } finally {
      undoLog = undefined;
    }
  }

  return {
    transact<T>(work: (tx: LedgerTx) => Promise<T>): Promise<T> {
      // Units are serialised: the next starts when the previous settles.
      const result = tail.then(() => run(work));
      tail = result.catch(() => undefined);
      return result;
    },
  };
}

function bookOf(state: MemoryState, accountId: string): AccountBook {
  let book = state.books.get(accountId);
  if (book === undefined) {
    book = { dates: [], cumulative: [], reach: 0, lastKey: 0, lastText: '', pending: new Map(), pendingDebit: 0n, pendingCredit: 0n };
    state.books.set(accountId, book);
  }
  return book;
}

/** `YYYY-MM-DD` as the integer YYYYMMDD: same order, compared as small integers. */
function dayKey(date: string): number {
  // Written out, without a helper closure: it runs for every posting and every bound check.
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return year * 10_000 + month * 100 + day;
}

function dateOfKey(key: number): string {
  const text = String(key);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** Index of the last day key <= `date`, or -1. */
function lastIndexAtOrBefore(dates: readonly number[], date: number): number {
  let low = 0;
  let high = dates.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (dates[middle]! <= date) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function movePosted(book: AccountBook, date: number, amount: bigint): void {
  if (book.reach !== Infinity) {
    const small = Number(amount);
    const reach = book.reach + Math.abs(small);
    if (reach <= Number.MAX_SAFE_INTEGER) {
      book.reach = reach;
      moveDays(book.dates, book.cumulative as number[], date, small, 0);
      return;
    }
    book.cumulative = (book.cumulative as number[]).map((value) => BigInt(value));
    book.reach = Infinity;
  }
  moveDays(book.dates, book.cumulative as bigint[], date, amount, 0n);
}

/** `a + b` for two numbers or two bigints (the type checker sees only the union). */
function plus<T extends number | bigint>(a: T, b: T): T {
  return ((a as number) + (b as number)) as T;
}

/** Adds `amount` to the balance at the end of `date` and of every later day. */
function moveDays<T extends number | bigint>(dates: number[], cumulative: T[], date: number, amount: T, zero: T): void {
  const last = dates.length - 1;
  if (last < 0 || dates[last]! < date) {
    dates.push(date);
    cumulative.push(plus(last < 0 ? zero : cumulative[last]!, amount));
    return;
  }
  if (dates[last] === date) {
    cumulative[last] = plus(cumulative[last]!, amount);
    return;
  }
  // Back-dated: insert or update the day, then shift every later day.
  let index = lastIndexAtOrBefore(dates, date);
  if (index < 0 || dates[index] !== date) {
    index += 1;
    dates.splice(index, 0, date);
    cumulative.splice(index, 0, index > 0 ? cumulative[index - 1]! : zero);
  }
  for (let later = index; later < cumulative.length; later++) cumulative[later] = plus(cumulative[later]!, amount);
}

function moveHold(book: AccountBook, entryId: string, date: string, amount: bigint, add: boolean): void {
  if (add) book.pending.set(entryId, { date, amount });
  else book.pending.delete(entryId);
  const signed = add ? amount : -amount;
  if (amount > 0n) book.pendingDebit += signed;
  else book.pendingCredit += signed;
}

/** Net amount per account of an entry's postings. */
function netByAccount(entry: EntryRecord): Map<string, bigint> {
  const net = new Map<string, bigint>();
  for (const posting of entry.postings) net.set(posting.accountId, (net.get(posting.accountId) ?? 0n) + posting.amount);
  return net;
}

function applyEntryEffect(state: MemoryState, entry: EntryRecord, direction: 1n | -1n): void {
  if (entry.status === 'voided') return;
  if (entry.status === 'posted') {
    // Negated only to undo: each bigint operation allocates, and this runs for every posting stored.
    const date = dayKey(entry.date);
    for (const posting of entry.postings) movePosted(bookOf(state, posting.accountId), date, direction === 1n ? posting.amount : -posting.amount);
    return;
  }
  for (const [accountId, amount] of netByAccount(entry)) {
    if (amount !== 0n) moveHold(bookOf(state, accountId), entry.id, entry.date, amount, direction === 1n);
  }
}

function createMemoryTx(state: MemoryState, currentLog: () => Undo[]): LedgerTx {
  function putAll<T extends { id: string }>(map: Map<string, T>, records: readonly T[], onInsert?: (record: T) => Undo): void {
    const log = currentLog();
    for (const record of records) {
      const previous = map.get(record.id);
      map.set(record.id, record);
      const undoInsert = previous === undefined && onInsert !== undefined ? onInsert(record) : undefined;
      log.push(() => {
        if (previous === undefined) map.delete(record.id);
        else map.set(record.id, previous);
        undoInsert?.();
      });
    }
  }
  function appendAll<T extends { id: string }>(map: Map<string, T>, list: T[], records: readonly T[]): void {
    const log = currentLog();
    for (const record of records) {
      map.set(record.id, record);
      list.push(record);
    }
    log.push(() => {
      list.length -= records.length;
      for (const record of records) map.delete(record.id);
    });
  }
  return {
    async getEntities(ids) {
      return ids.map((id) => state.entities.get(id));
    },
    async listEntities() {
      return [...state.entities.values()];
    },
    async putEntities(entities) {
      putAll(state.entities, entities);
    },
    async getAccounts(ids) {
      return ids.map((id) => state.accounts.get(id));
    },
    async listAccounts(entityId) {
      const ids = state.accountsByEntity.get(entityId) ?? new Set<string>();
      return [...ids].map((id) => state.accounts.get(id)!).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    async putAccounts(accounts) {
      putAll(state.accounts, accounts, (account) => {
        let ids = state.accountsByEntity.get(account.entityId);
        if (ids === undefined) state.accountsByEntity.set(account.entityId, (ids = new Set()));
        ids.add(account.id);
        return () => ids.delete(account.id);
      });
    },
    async getEntries(ids) {
      return ids.map((id) => {
        const index = state.entryIndex.get(id);
        return index === undefined ? undefined : state.journal[index];
      });
    },
    async insertEntries(entries) {
      const start = state.journal.length;
      // The undo is logged first so that even a half-applied call (a duplicate id, a bug) rolls back whole.
      currentLog().push(() => {
        for (let index = state.journal.length - 1; index >= start; index--) {
          const entry = state.journal[index]!;
          applyEntryEffect(state, entry, -1n);
          state.entryIndex.delete(entry.id);
        }
        state.journal.length = start;
      });
      for (const entry of entries) {
        if (!state.entryIndex.add(entry.id, state.journal.length)) throw new Error(`insertEntries: entry ${entry.id} exists`);
        state.journal.push(entry);
        applyEntryEffect(state, entry, 1n);
      }
    },
    async updateEntries(updates) {
      for (const update of updates) updateEntry(state, update, currentLog());
    },
    async listEntries(query) {
      return listEntries(state, query);
    },
    async getBalanceWindows(requests) {
      return requests.map(({ accountId, fromDate }) => balanceWindow(state.books.get(accountId), fromDate));
    },
    async getBalancesAsOf(accountIds, asOf, includePending) {
      return accountIds.map((accountId) => balanceAsOf(state.books.get(accountId), asOf, includePending));
    },
    async getFlows(ids) {
      return ids.map((id) => state.flows.get(id));
    },
    async insertFlows(flows) {
      appendAll(state.flows, state.flowList, flows);
    },
    async listFlows(query) {
      return state.flowList.filter((flow) => matchesFlow(flow, query));
    },
    async getPeriodEvents(ids) {
      return ids.map((id) => state.periodEvents.get(id));
    },
    async insertPeriodEvents(events) {
      appendAll(state.periodEvents, state.periodEventList, events);
    },
    async listPeriodEvents(entityId) {
      return state.periodEventList.filter((event) => event.entityId === entityId);
    },
    async getBudgetRecords(ids) {
      return ids.map((id) => state.budgetRecords.get(id));
    },
    async insertBudgetRecords(records) {
      const seen = new Set<string>();
      for (const record of records) {
        if (state.budgetRecords.has(record.id) || seen.has(record.id)) throw new Error(`insertBudgetRecords: budget record ${record.id} exists`);
        seen.add(record.id);
      }
      appendAll(state.budgetRecords, state.budgetRecordList, records);
    },
    async listBudgetRecords(entityId) {
      return state.budgetRecordList.filter((record) => record.entityId === entityId);
    },
    async getAuditHead() {
      return state.audit[state.audit.length - 1];
    },
    async appendAudit(records) {
      const log = currentLog();
      const start = state.audit.length;
      state.audit.push(...records);
      log.push(() => {
        state.audit.length = start;
      });
    },
    async listAudit(afterSeq, limit) {
      // seq n lives at index n - 1 because the log has no gaps.
      return state.audit.slice(Math.max(0, afterSeq), Math.max(0, afterSeq) + limit);
    },
  };
}

function updateEntry(state: MemoryState, update: EntryUpdate, undoLog: Undo[]): void {
  const index = state.entryIndex.get(update.id);
  if (index === undefined) throw new Error(`updateEntries: no entry ${update.id}`);
  const previous = state.journal[index]!;
  const next: EntryRecord = {
    ...previous,
    ...(update.status === undefined ? {} : { status: update.status }),
    ...(update.reversedById === undefined ? {} : { reversedById: update.reversedById }),
  };
  const swap = (from: EntryRecord, to: EntryRecord): void => {
    if (from.status !== to.status) {
      applyEntryEffect(state, from, -1n);
      applyEntryEffect(state, to, 1n);
    }
    state.journal[index] = to;
  };
  swap(previous, next);
  undoLog.push(() => swap(next, previous));
}

function balanceWindow(book: AccountBook | undefined, fromDate: string): BalanceWindow {
  if (book === undefined) return { total: 0n, minFrom: 0n, maxFrom: 0n, lastDate: null, pendingDebit: 0n, pendingCredit: 0n };
  const { dates, cumulative } = book;
  const index = lastIndexAtOrBefore(dates, dayKey(fromDate));
  let minFrom = index >= 0 ? cumulative[index]! : 0;
  let maxFrom = minFrom;
  for (let later = index + 1; later < cumulative.length; later++) {
    const value = cumulative[later]!;
    if (value < minFrom) minFrom = value;
    if (value > maxFrom) maxFrom = value;
  }
  const last = cumulative.length - 1;
  return {
    total: last >= 0 ? BigInt(cumulative[last]!) : 0n,
    minFrom: BigInt(minFrom),
    maxFrom: BigInt(maxFrom),
    lastDate: last >= 0 ? lastDateOf(book, dates[last]!) : null,
    pendingDebit: book.pendingDebit,
    pendingCredit: book.pendingCredit,
  };
}

function lastDateOf(book: AccountBook, key: number): string {
  if (book.lastKey !== key) {
    book.lastKey = key;
    book.lastText = dateOfKey(key);
  }
  return book.lastText;
}

function balanceAsOf(book: AccountBook | undefined, asOf: string | null, includePending: boolean): bigint {
  if (book === undefined) return 0n;
  const index = asOf === null ? book.dates.length - 1 : lastIndexAtOrBefore(book.dates, dayKey(asOf));
  let balance = index >= 0 ? BigInt(book.cumulative[index]!) : 0n;
  if (includePending) {
    for (const hold of book.pending.values()) if (asOf === null || hold.date <= asOf) balance += hold.amount;
  }
  return balance;
}

function matchesEntry(entry: EntryRecord, query: EntryQuery): boolean {
  if (query.entityId !== undefined && entry.entityId !== query.entityId) return false;
  if (query.status !== undefined && entry.status !== query.status) return false;
  if (query.flowId !== undefined && entry.flowId !== query.flowId) return false;
  if (query.dateFrom !== undefined && entry.date < query.dateFrom) return false;
  if (query.dateTo !== undefined && entry.date > query.dateTo) return false;
  if (query.accountId !== undefined && !entry.postings.some((posting) => posting.accountId === query.accountId)) return false;
  return true;
}

function listEntries(state: MemoryState, query: EntryQuery): StoredEntryRecord[] {
  const found: StoredEntryRecord[] = [];
  // seq n lives at index n - 1.
  for (let index = Math.max(0, query.afterSeq ?? 0); index < state.journal.length && found.length < query.limit; index++) {
    const entry = state.journal[index]!;
    if (matchesEntry(entry, query)) found.push({ ...entry, seq: index + 1 });
  }
  return found;
}

function matchesFlow(flow: FlowRecord, query: FlowQuery): boolean {
  if (query.entityId !== undefined && flow.fromEntityId !== query.entityId && flow.toEntityId !== query.entityId) return false;
  if (query.dateFrom !== undefined && flow.date < query.dateFrom) return false;
  if (query.dateTo !== undefined && flow.date > query.dateTo) return false;
  return true;
}
