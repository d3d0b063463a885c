/**
 * The LedgerStore port: where the ledger keeps its records.
 *
 * The ledger service (`createLedger`) does every check; a store only persists
 * and reads records inside an atomic unit of work. The shape follows what a
 * SQL store does naturally: `transact` is one serialisable transaction, every
 * read and write is batched (one round trip per batch, `= ANY($1)`), ids are
 * primary keys (so idempotency is a unique column), and balances are
 * maintained by the store on insert so that as-of reads stay fast and exact
 * under back-dating.
 *
 * Amounts cross this port as `bigint` minor units of the account's currency
 * (cents for USD), debits positive and credits negative. A SQL store keeps
 * them as `NUMERIC` and scales by the account's `scale`.
 *
 * A SQL store, in outline: one table per record type (entities, accounts,
 * entries with their postings in a child table, flows, period_events,
 * budget_records, audit)
 * with the ids as primary keys, so a repeated id is a unique violation the
 * ledger never reaches (it reads first) and a bug cannot slip past. Balances:
 * a row per (account, day) holding that day's posted delta, maintained in
 * `insertEntries` / `updateEntries`; `getBalancesAsOf` sums the deltas up to
 * the day (or reads a maintained running total), `getBalanceWindows` takes
 * the min and max of the running sum over the days from `fromDate` on, plus
 * the pending sums. `transact` is a SERIALIZABLE transaction retried a bounded
 * number of times on serialisation failure; the `work` callback is pure
 * apart from `tx`, so retrying it is safe.
 */

/** What kind of legal person keeps a set of books. */
export type EntityKind = 'individual' | 'single_member_llc' | 'multi_member_llc' | 'corporation' | 'trust';

/** The five account types; they decide the top segment of an account's name. */
export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

/** A JSON value as kept in entry metadata. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** An owner's stake in an entity; `share` is a decimal fraction such as `'0.5'`. */
export interface OwnerRecord {
  readonly entityId: string;
  readonly share: string;
}

/** An entity as stored. `closedThrough` is the last day of the latest closed period. */
export interface EntityRecord {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly baseCurrency: string;
  readonly owners: readonly OwnerRecord[];
  readonly closedThrough: string | null;
  /** Canonical encoding of the creating input; repeated ids compare on it. */
  readonly fingerprint: string;
  readonly createdAt: string;
}

/** An account as stored. Bounds are on the account's normal balance, in minor units. */
export interface AccountRecord {
  readonly id: string;
  readonly entityId: string;
  /** Hierarchical name, segments joined by `:` (`Assets:Bank:Checking`). */
  readonly name: string;
  readonly type: AccountType;
  readonly subtype: string;
  readonly currency: string;
  readonly scale: number;
  /** Lowest allowed normal balance (`0n` forbids overdraft), or null. */
  readonly balanceMin: bigint | null;
  /** Highest allowed normal balance (a credit limit), or null. */
  readonly balanceMax: bigint | null;
  /** For intercompany and owner accounts: the other entity. */
  readonly counterpartyId: string | null;
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly fingerprint: string;
  readonly createdAt: string;
}

/** One line of an entry: minor units, debit positive. */
export interface PostingRecord {
  readonly accountId: string;
  readonly amount: bigint;
}

/** The life of an entry: pending entries hold funds until posted or voided. */
export type EntryStatus = 'pending' | 'posted' | 'voided';

/** A journal entry as written. Only `status` and `reversedById` ever change. */
export interface EntryRecord {
  readonly id: string;
  readonly entityId: string;
  /** Effective (business) date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly description: string;
  readonly metadata: Readonly<Record<string, JsonValue>>;
  readonly postings: readonly PostingRecord[];
  readonly status: EntryStatus;
  readonly reversesId: string | null;
  readonly reversedById: string | null;
  readonly flowId: string | null;
  readonly fingerprint: string;
  readonly recordedAt: string;
}

/** An entry as read back: `seq` is the store's insertion order, used as a cursor. */
export interface StoredEntryRecord extends EntryRecord {
  readonly seq: number;
}

/** A change of an entry's state (pending to posted or voided; marked reversed). */
export interface EntryUpdate {
  readonly id: string;
  readonly status?: EntryStatus;
  readonly reversedById?: string;
}

/** The kinds of money movement between two entities. */
export type FlowKind =
  | 'equity_contribution'
  | 'owner_draw'
  | 'distribution'
  | 'loan'
  | 'loan_repayment'
  | 'expense_paid_on_behalf'
  | 'reimbursement';

/** The stored document of an inter-entity flow. */
export interface FlowRecord {
  readonly id: string;
  readonly kind: FlowKind;
  readonly date: string;
  readonly fromEntityId: string;
  readonly toEntityId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly scale: number;
  readonly purpose: string;
  readonly legalBasis: string;
  readonly authorizedBy: string;
  /** The two entries, one in each entity's books. */
  readonly entryIds: readonly [string, string];
  readonly fingerprint: string;
  readonly recordedAt: string;
}

/** A period close or reopen, kept forever. */
export interface PeriodEventRecord {
  readonly id: string;
  readonly entityId: string;
  readonly action: 'close' | 'reopen';
  /** The entity's `closedThrough` after this event (null: nothing closed). */
  readonly closedThrough: string | null;
  readonly reason: string;
  readonly actor: string;
  readonly fingerprint: string;
  readonly recordedAt: string;
}

/** One link of the hash-chained audit log. */
export interface AuditRecord {
  /** 1, 2, 3, ... with no gaps. */
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectId: string;
  /** Canonical JSON of what was written. */
  readonly payload: string;
  /** `hash` of the previous record; 64 zeros for the first. */
  readonly prevHash: string;
  /** Hex SHA-256 over `prevHash` and the canonical encoding of the other fields. */
  readonly hash: string;
}

/** The kinds of budget record: setup, envelope definitions, policies and the actions that move budgeted money. */
export type BudgetRecordKind = 'settings' | 'envelope' | 'policy' | 'assign' | 'move' | 'hold';

/**
 * A budget record: an instruction about budgeted money, never money itself
 * (envelope balances are derived from postings and these records). Written
 * once, never changed; the latest record of a kind wins where one replaces
 * another (settings, policies, holds).
 */
export interface BudgetRecord {
  readonly id: string;
  readonly entityId: string;
  readonly kind: BudgetRecordKind;
  /** `YYYY-MM` the record acts in (assign, move, hold) or from (policy); null for settings and envelopes. */
  readonly month: string | null;
  /** Minor units of the budget currency (assign: signed; move, hold: zero or above); null where no amount applies. */
  readonly amount: bigint | null;
  /** The budget currency (the entity's base currency) and its scale. */
  readonly currency: string;
  readonly scale: number;
  /** What else the kind needs (envelope ids, names, category accounts, policies), as a small JSON object. */
  readonly data: Readonly<Record<string, JsonValue>>;
  readonly fingerprint: string;
  readonly recordedAt: string;
}

/**
 * What the bound checks need to know of an account from a date on: its
 * posted balance now, the lowest and highest end-of-day posted balance over
 * every day from `fromDate` on (both include `fromDate`'s own balance), the
 * latest date with a posting, and the pending holds.
 */
export interface BalanceWindow {
  readonly total: bigint;
  readonly minFrom: bigint;
  readonly maxFrom: bigint;
  /** Latest effective date of a posted posting, or null when none. */
  readonly lastDate: string | null;
  /** Sum of the positive pending postings. */
  readonly pendingDebit: bigint;
  /** Sum of the negative pending postings (zero or below). */
  readonly pendingCredit: bigint;
}

/** Filters for reading the journal, always in insertion order, after a cursor. */
export interface EntryQuery {
  readonly entityId?: string;
  readonly accountId?: string;
  readonly dateFrom?: string;
  readonly dateTo?: string;
  readonly status?: EntryStatus;
  readonly flowId?: string;
  /** Return entries with `seq` greater than this. */
  readonly afterSeq?: number;
  /** At most this many; the service bounds it. */
  readonly limit: number;
}

/** Filters for reading flow documents (dates inclusive). */
export interface FlowQuery {
  readonly entityId?: string;
  readonly dateFrom?: string;
  readonly dateTo?: string;
}

/**
 * One atomic unit of work. Reads see the unit's own writes. Everything a unit
 * writes becomes visible at once when `transact`'s work resolves, or not at
 * all when it throws.
 */
export interface LedgerTx {
  getEntities(ids: readonly string[]): Promise<readonly (EntityRecord | undefined)[]>;
  listEntities(): Promise<readonly EntityRecord[]>;
  /** Inserts new entities or replaces existing ones (period locks change `closedThrough`). */
  putEntities(entities: readonly EntityRecord[]): Promise<void>;

  getAccounts(ids: readonly string[]): Promise<readonly (AccountRecord | undefined)[]>;
  /** Accounts of an entity, by name order. */
  listAccounts(entityId: string): Promise<readonly AccountRecord[]>;
  /** Inserts new accounts or replaces existing ones (closing sets `closedOn`). */
  putAccounts(accounts: readonly AccountRecord[]): Promise<void>;

  getEntries(ids: readonly string[]): Promise<readonly (EntryRecord | undefined)[]>;
  /**
   * Inserts new entries and maintains balances: a posted entry moves its
   * accounts' balances at its date, a pending one adds to their holds.
   */
  insertEntries(entries: readonly EntryRecord[]): Promise<void>;
  /** Changes state; moving pending to posted or voided moves holds and balances accordingly. */
  updateEntries(updates: readonly EntryUpdate[]): Promise<void>;
  listEntries(query: EntryQuery): Promise<readonly StoredEntryRecord[]>;

  /** Bound-check data for each `(accountId, fromDate)`; see `BalanceWindow`. */
  getBalanceWindows(requests: readonly { accountId: string; fromDate: string }[]): Promise<readonly BalanceWindow[]>;
  /**
   * Posted balance of each account at the end of `asOf` (null: everything),
   * plus pending postings dated on or before it when `includePending`.
   * A store answers in O(log n) per account.
   */
  getBalancesAsOf(accountIds: readonly string[], asOf: string | null, includePending: boolean): Promise<readonly bigint[]>;

  getFlows(ids: readonly string[]): Promise<readonly (FlowRecord | undefined)[]>;
  insertFlows(flows: readonly FlowRecord[]): Promise<void>;
  listFlows(query: FlowQuery): Promise<readonly FlowRecord[]>;

  getPeriodEvents(ids: readonly string[]): Promise<readonly (PeriodEventRecord | undefined)[]>;
  insertPeriodEvents(events: readonly PeriodEventRecord[]): Promise<void>;
  listPeriodEvents(entityId: string): Promise<readonly PeriodEventRecord[]>;

  getBudgetRecords(ids: readonly string[]): Promise<readonly (BudgetRecord | undefined)[]>;
  /** Appends budget records; an id that exists is an error (the ledger reads first, so only a bug gets there). */
  insertBudgetRecords(records: readonly BudgetRecord[]): Promise<void>;
  /** An entity's budget records in the order they were written. */
  listBudgetRecords(entityId: string): Promise<readonly BudgetRecord[]>;

  /** The last audit record, or undefined for an empty log. */
  getAuditHead(): Promise<AuditRecord | undefined>;
  appendAudit(records: readonly AuditRecord[]): Promise<void>;
  /** Audit records with `seq` greater than `afterSeq`, in order, at most `limit`. */
  listAudit(afterSeq: number, limit: number): Promise<readonly AuditRecord[]>;
}

/** Options of one unit of work. */
export interface TransactOptions {
  /** A read-only unit may run concurrently with others and must not write. */
  readonly readOnly?: boolean;
}

/**
 * The store: a factory of atomic units of work.
 *
 * `work` may be run more than once (a SQL store retries serialisation
 * failures a bounded number of times), so it must not have effects outside
 * `tx`. When `work` throws, nothing it wrote is kept and the error is rethrown.
 */
export interface LedgerStore {
  transact<T>(work: (tx: LedgerTx) => Promise<T>, options?: TransactOptions): Promise<T>;
}
