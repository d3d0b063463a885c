import type { EntryQuery, EntryRecord, FlowQuery, LedgerTx, StoredEntryRecord } from '@kronos/core-ledger';
import { minorToDecimal } from './amounts.js';
import type { SqlSession } from './driver.js';
import { getBalancesAsOf, getBalanceWindows } from './balances.js';
import { budgetRecordMethods } from './budget-records.js';
import {
  accountColumns,
  accountValues,
  auditColumns,
  byIds,
  entityColumns,
  entryColumns,
  flowColumns,
  insertRows,
  periodEventColumns,
  toAccountRecord,
  toAuditRecord,
  toEntityRecord,
  toEntryRecord,
  toFlowRecord,
  toPeriodEventRecord,
} from './rows.js';

const entityInsert = [['id', 'text'], ['kind', 'text'], ['name', 'text'], ['base_currency', 'text'], ['owners', 'jsonb'], ['closed_through', 'date'], ['fingerprint', 'text'], ['created_at', 'timestamptz']] as const;
const accountInsert = [
  ['id', 'text'], ['entity_id', 'text'], ['name', 'text'], ['type', 'text'], ['subtype', 'text'], ['currency', 'text'], ['scale', 'smallint'], ['balance_min', 'numeric'],
  ['balance_max', 'numeric'], ['counterparty_id', 'text'], ['opened_on', 'date'], ['closed_on', 'date'], ['fingerprint', 'text'], ['created_at', 'timestamptz'],
] as const;
const entryInsert = [
  ['id', 'text'], ['entity_id', 'text'], ['date', 'date'], ['description', 'text'], ['metadata', 'jsonb'], ['status', 'text'], ['reverses_id', 'text'],
  ['reversed_by_id', 'text'], ['flow_id', 'text'], ['fingerprint', 'text'], ['recorded_at', 'timestamptz'],
] as const;
const flowInsert = [
  ['id', 'text'], ['kind', 'text'], ['date', 'date'], ['from_entity_id', 'text'], ['to_entity_id', 'text'], ['amount', 'numeric'], ['currency', 'text'], ['scale', 'smallint'],
  ['purpose', 'text'], ['legal_basis', 'text'], ['authorized_by', 'text'], ['from_entry_id', 'text'], ['to_entry_id', 'text'], ['fingerprint', 'text'], ['recorded_at', 'timestamptz'],
] as const;
const periodInsert = [['id', 'text'], ['entity_id', 'text'], ['action', 'text'], ['closed_through', 'date'], ['reason', 'text'], ['actor', 'text'], ['fingerprint', 'text'], ['recorded_at', 'timestamptz']] as const;
const auditInsert = [['seq', 'bigint'], ['at', 'text'], ['actor', 'text'], ['action', 'text'], ['subject_id', 'text'], ['payload', 'text'], ['prev_hash', 'text'], ['hash', 'text']] as const;

const upsert = (columns: readonly (readonly [string, string])[]): string =>
  `ON CONFLICT (id) DO UPDATE SET ${columns.filter(([name]) => name !== 'id').map(([name]) => `${name} = excluded.${name}`).join(', ')}`;

/** The LedgerTx of one unit of work on one session: every call is one statement (or one per 5,000 rows). */
export function createSqlTx(session: SqlSession, schema: string): LedgerTx {
  return { ...bookMethods(session, schema), ...journalMethods(session, schema), ...documentMethods(session, schema), ...budgetRecordMethods(session, schema) };
}

type BookMethods = Pick<LedgerTx, 'getEntities' | 'listEntities' | 'putEntities' | 'getAccounts' | 'listAccounts' | 'putAccounts'>;
type JournalMethods = Pick<LedgerTx, 'getEntries' | 'insertEntries' | 'updateEntries' | 'listEntries' | 'getBalanceWindows' | 'getBalancesAsOf'>;
type DocumentMethods = Omit<LedgerTx, keyof BookMethods | keyof JournalMethods | 'getBudgetRecords' | 'insertBudgetRecords' | 'listBudgetRecords'>;

/** Entities and accounts. */
function bookMethods(session: SqlSession, schema: string): BookMethods {
  const q = session.query.bind(session);
  return {
    async getEntities(ids) {
      return byIds(ids, (await q(`SELECT ${entityColumns()} FROM ${schema}.entities WHERE id = ANY($1::text[])`, [ids])).map(toEntityRecord));
    },
    async listEntities() {
      return (await q(`SELECT ${entityColumns()} FROM ${schema}.entities ORDER BY ord`)).map(toEntityRecord);
    },
    async putEntities(entities) {
      const rows = entities.map((entity) => [entity.id, entity.kind, entity.name, entity.baseCurrency, JSON.stringify(entity.owners), entity.closedThrough, entity.fingerprint, entity.createdAt]);
      await insertRows(session, `${schema}.entities`, entityInsert, rows, upsert(entityInsert));
    },
    async getAccounts(ids) {
      return byIds(ids, (await q(`SELECT ${accountColumns()} FROM ${schema}.accounts WHERE id = ANY($1::text[])`, [ids])).map(toAccountRecord));
    },
    async listAccounts(entityId) {
      // "C" collation: the byte order the memory store and the contract expect, whatever the database's locale.
      return (await q(`SELECT ${accountColumns()} FROM ${schema}.accounts WHERE entity_id = $1 ORDER BY name COLLATE "C"`, [entityId])).map(toAccountRecord);
    },
    async putAccounts(accounts) {
      await insertRows(session, `${schema}.accounts`, accountInsert, accounts.map(accountValues), upsert(accountInsert));
    },
  };
}

/** Entries, their state changes and balances. */
function journalMethods(session: SqlSession, schema: string): JournalMethods {
  const q = session.query.bind(session);
  // The ledger compares a re-read entry with the one it read earlier in the same unit by
  // identity (as the memory store's records are), so a unit hands out one object per entry
  // until that entry changes.
  const entriesSeen = new Map<string, StoredEntryRecord>();
  return {
    async getEntries(ids) {
      const found = (await q(`SELECT ${entryColumns(schema)} FROM ${schema}.entries e WHERE e.id = ANY($1::text[])`, [ids])).map(toEntryRecord);
      const records = found.map((record) => {
        const seen = entriesSeen.get(record.id) ?? record;
        entriesSeen.set(record.id, seen);
        return seen;
      });
      return byIds(ids, records);
    },
    insertEntries: (entries) => insertEntries(session, schema, entries),
    async updateEntries(updates) {
      if (updates.length === 0) return;
      for (const update of updates) entriesSeen.delete(update.id);
      const changed = await q(
        `UPDATE ${schema}.entries e SET status = coalesce(u.status, e.status), reversed_by_id = coalesce(u.reversed_by_id, e.reversed_by_id)
         FROM unnest($1::text[], $2::text[], $3::text[]) AS u (id, status, reversed_by_id) WHERE e.id = u.id RETURNING e.id`,
        [updates.map((update) => update.id), updates.map((update) => update.status ?? null), updates.map((update) => update.reversedById ?? null)],
      );
      if (changed.length !== new Set(updates.map((update) => update.id)).size) {
        const found = new Set(changed.map((row) => row['id']));
        throw new Error(`updateEntries: no entry ${updates.find((update) => !found.has(update.id))?.id}`);
      }
    },
    listEntries: (query) => listEntries(session, schema, query),
    getBalanceWindows: (requests) => getBalanceWindows(session, schema, requests),
    getBalancesAsOf: (accountIds, asOf, includePending) => getBalancesAsOf(session, schema, accountIds, asOf, includePending),
  };
}

/** Flow documents, period events and the audit log. */
function documentMethods(session: SqlSession, schema: string): DocumentMethods {
  const q = session.query.bind(session);
  return {
    async getFlows(ids) {
      return byIds(ids, (await q(`SELECT ${flowColumns} FROM ${schema}.flows WHERE id = ANY($1::text[])`, [ids])).map(toFlowRecord));
    },
    async insertFlows(flows) {
      const rows = flows.map((flow) => [
        flow.id, flow.kind, flow.date, flow.fromEntityId, flow.toEntityId, minorToDecimal(flow.amount, flow.scale), flow.currency, flow.scale,
        flow.purpose, flow.legalBasis, flow.authorizedBy, flow.entryIds[0], flow.entryIds[1], flow.fingerprint, flow.recordedAt,
      ]);
      await insertRows(session, `${schema}.flows`, flowInsert, rows);
    },
    listFlows: (query) => listFlows(session, schema, query),
    async getPeriodEvents(ids) {
      return byIds(ids, (await q(`SELECT ${periodEventColumns} FROM ${schema}.period_events WHERE id = ANY($1::text[])`, [ids])).map(toPeriodEventRecord));
    },
    async insertPeriodEvents(events) {
      const rows = events.map((event) => [event.id, event.entityId, event.action, event.closedThrough, event.reason, event.actor, event.fingerprint, event.recordedAt]);
      await insertRows(session, `${schema}.period_events`, periodInsert, rows);
    },
    async listPeriodEvents(entityId) {
      return (await q(`SELECT ${periodEventColumns} FROM ${schema}.period_events WHERE entity_id = $1 ORDER BY seq`, [entityId])).map(toPeriodEventRecord);
    },
    async getAuditHead() {
      const [row] = await q(`SELECT ${auditColumns} FROM ${schema}.audit a ORDER BY a.seq DESC LIMIT 1`);
      return row === undefined ? undefined : toAuditRecord(row);
    },
    async appendAudit(records) {
      const rows = records.map((record) => [String(record.seq), record.at, record.actor, record.action, record.subjectId, record.payload, record.prevHash, record.hash]);
      await insertRows(session, `${schema}.audit`, auditInsert, rows);
    },
    async listAudit(afterSeq, limit) {
      return (await q(`SELECT ${auditColumns} FROM ${schema}.audit a WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`, [afterSeq, limit])).map(toAuditRecord);
    },
  };
}

/**
 * Inserts entries, then their postings in one statement that takes each
 * posting's currency and scale from its account and turns minor units into
 * NUMERIC there. Triggers move balances and holds; the deferred constraint
 * trigger checks at commit that each entry balances per currency.
 */
async function insertEntries(session: SqlSession, schema: string, entries: readonly EntryRecord[]): Promise<void> {
  const rows = entries.map((entry) => [
    entry.id, entry.entityId, entry.date, entry.description, JSON.stringify(entry.metadata), entry.status,
    entry.reversesId, entry.reversedById, entry.flowId, entry.fingerprint, entry.recordedAt,
  ]);
  await insertRows(session, `${schema}.entries`, entryInsert, rows);
  const postings: string[][] = [[], [], [], [], []];
  for (const entry of entries) {
    entry.postings.forEach((posting, line) => {
      postings[0]!.push(entry.id);
      postings[1]!.push(String(line));
      postings[2]!.push(entry.entityId);
      postings[3]!.push(posting.accountId);
      postings[4]!.push(posting.amount.toString());
    });
  }
  const text = `INSERT INTO ${schema}.postings (entry_id, line, entity_id, account_id, currency, scale, amount)
    SELECT u.entry_id, u.line, u.entity_id, u.account_id, a.currency, a.scale, round(u.minor / 10::numeric ^ a.scale, a.scale)
    FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::numeric[]) WITH ORDINALITY AS u (entry_id, line, entity_id, account_id, minor, ord)
    LEFT JOIN ${schema}.accounts a ON a.id = u.account_id ORDER BY u.ord`;
  await session.query(text, postings);
}

async function listEntries(session: SqlSession, schema: string, query: EntryQuery) {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  if (query.entityId !== undefined) where.push(`e.entity_id = ${bind(query.entityId)}`);
  if (query.status !== undefined) where.push(`e.status = ${bind(query.status)}`);
  if (query.flowId !== undefined) where.push(`e.flow_id = ${bind(query.flowId)}`);
  if (query.dateFrom !== undefined) where.push(`e.date >= ${bind(query.dateFrom)}::date`);
  if (query.dateTo !== undefined) where.push(`e.date <= ${bind(query.dateTo)}::date`);
  if (query.accountId !== undefined) where.push(`e.id IN (SELECT p.entry_id FROM ${schema}.postings p WHERE p.account_id = ${bind(query.accountId)})`);
  if (query.afterSeq !== undefined) where.push(`e.seq > ${bind(query.afterSeq)}`);
  const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const rows = await session.query(`SELECT ${entryColumns(schema)} FROM ${schema}.entries e ${filter} ORDER BY e.seq LIMIT ${bind(query.limit)}`, params);
  return rows.map(toEntryRecord);
}

async function listFlows(session: SqlSession, schema: string, query: FlowQuery) {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  if (query.entityId !== undefined) {
    const entity = bind(query.entityId);
    where.push(`(from_entity_id = ${entity} OR to_entity_id = ${entity})`);
  }
  if (query.dateFrom !== undefined) where.push(`date >= ${bind(query.dateFrom)}::date`);
  if (query.dateTo !== undefined) where.push(`date <= ${bind(query.dateTo)}::date`);
  const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  return (await session.query(`SELECT ${flowColumns} FROM ${schema}.flows ${filter} ORDER BY seq`, params)).map(toFlowRecord);
}
