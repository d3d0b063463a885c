import type { AccountRecord, AuditRecord, EntityRecord, FlowRecord, JsonValue, PeriodEventRecord, StoredEntryRecord } from '@kronos/core-ledger';
import { decimalToMinor, minorToDecimal } from './amounts.js';
import type { SqlRow, SqlSession } from './driver.js';

/** SQL that renders a timestamptz as the ISO instant the ledger wrote (`2026-01-01T09:00:00.000Z`). */
export const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Most rows one multi-row statement carries; larger writes are split into several statements. */
export const rowsPerStatementMax = 5000;

/**
 * Inserts rows with one statement per `rowsPerStatementMax` rows: each column
 * is sent as one array and `unnest`ed, so the statement text stays the same
 * whatever the row count (one plan, no parameter limit), in the given order.
 */
export async function insertRows(
  session: SqlSession,
  table: string,
  columns: readonly (readonly [name: string, sqlType: string])[],
  rows: readonly (readonly unknown[])[],
  suffix = '',
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, sqlType], index) => `$${index + 1}::${sqlType}[]`).join(', ');
  const text = `INSERT INTO ${table} (${names}) SELECT ${names} FROM unnest(${arrays}) WITH ORDINALITY AS u (${names}, ord) ORDER BY ord ${suffix}`;
  for (let start = 0; start < rows.length; start += rowsPerStatementMax) {
    const chunk = rows.slice(start, start + rowsPerStatementMax);
    await session.query(text, columns.map((_, index) => chunk.map((row) => row[index])));
  }
}

const text = (row: SqlRow, column: string): string => row[column] as string;
const textOrNull = (row: SqlRow, column: string): string | null => (row[column] ?? null) as string | null;

export const entityColumns = (t = ''): string =>
  `${t}id, ${t}kind, ${t}name, ${t}base_currency, ${t}owners::text AS owners, ${t}closed_through::text AS closed_through, ${t}fingerprint, ${iso(`${t}created_at`)} AS created_at`;

export function toEntityRecord(row: SqlRow): EntityRecord {
  return {
    id: text(row, 'id'),
    kind: text(row, 'kind') as EntityRecord['kind'],
    name: text(row, 'name'),
    baseCurrency: text(row, 'base_currency'),
    owners: JSON.parse(text(row, 'owners')) as EntityRecord['owners'],
    closedThrough: textOrNull(row, 'closed_through'),
    fingerprint: text(row, 'fingerprint'),
    createdAt: text(row, 'created_at'),
  };
}

export const accountColumns = (t = ''): string =>
  `${t}id, ${t}entity_id, ${t}name, ${t}type, ${t}subtype, ${t}currency, ${t}scale::int AS scale, ${t}balance_min::text AS balance_min, ${t}balance_max::text AS balance_max, ` +
  `${t}counterparty_id, ${t}opened_on::text AS opened_on, ${t}closed_on::text AS closed_on, ${t}fingerprint, ${iso(`${t}created_at`)} AS created_at`;

export function toAccountRecord(row: SqlRow): AccountRecord {
  const scale = Number(row['scale']);
  const bound = (column: string): bigint | null => {
    const value = textOrNull(row, column);
    return value === null ? null : decimalToMinor(value, scale);
  };
  return {
    id: text(row, 'id'),
    entityId: text(row, 'entity_id'),
    name: text(row, 'name'),
    type: text(row, 'type') as AccountRecord['type'],
    subtype: text(row, 'subtype'),
    currency: text(row, 'currency'),
    scale,
    balanceMin: bound('balance_min'),
    balanceMax: bound('balance_max'),
    counterpartyId: textOrNull(row, 'counterparty_id'),
    openedOn: text(row, 'opened_on'),
    closedOn: textOrNull(row, 'closed_on'),
    fingerprint: text(row, 'fingerprint'),
    createdAt: text(row, 'created_at'),
  };
}

export const accountValues = (account: AccountRecord): unknown[] => [
  account.id, account.entityId, account.name, account.type, account.subtype, account.currency, account.scale,
  account.balanceMin === null ? null : minorToDecimal(account.balanceMin, account.scale),
  account.balanceMax === null ? null : minorToDecimal(account.balanceMax, account.scale),
  account.counterpartyId, account.openedOn, account.closedOn, account.fingerprint, account.createdAt,
];

export const entryColumns = (schema: string): string =>
  `e.seq::text AS seq, e.id, e.entity_id, e.date::text AS date, e.description, e.metadata::text AS metadata, e.status, e.reverses_id, e.reversed_by_id, e.flow_id, e.fingerprint, ${iso('e.recorded_at')} AS recorded_at, ` +
  `(SELECT json_agg(json_build_array(p.account_id, p.amount::text, p.scale) ORDER BY p.line)::text FROM ${schema}.postings p WHERE p.entry_id = e.id) AS postings`;

export function toEntryRecord(row: SqlRow): StoredEntryRecord {
  const postings = JSON.parse(textOrNull(row, 'postings') ?? '[]') as [string, string, number][];
  return {
    seq: Number(row['seq']),
    id: text(row, 'id'),
    entityId: text(row, 'entity_id'),
    date: text(row, 'date'),
    description: text(row, 'description'),
    metadata: JSON.parse(text(row, 'metadata')) as Record<string, JsonValue>,
    postings: postings.map(([accountId, amount, scale]) => ({ accountId, amount: decimalToMinor(amount, scale) })),
    status: text(row, 'status') as StoredEntryRecord['status'],
    reversesId: textOrNull(row, 'reverses_id'),
    reversedById: textOrNull(row, 'reversed_by_id'),
    flowId: textOrNull(row, 'flow_id'),
    fingerprint: text(row, 'fingerprint'),
    recordedAt: text(row, 'recorded_at'),
  };
}

export const flowColumns =
  `id, kind, date::text AS date, from_entity_id, to_entity_id, amount::text AS amount, currency, scale::int AS scale, purpose, legal_basis, authorized_by, from_entry_id, to_entry_id, fingerprint, ${iso('recorded_at')} AS recorded_at`;

export function toFlowRecord(row: SqlRow): FlowRecord {
  const scale = Number(row['scale']);
  return {
    id: text(row, 'id'),
    kind: text(row, 'kind') as FlowRecord['kind'],
    date: text(row, 'date'),
    fromEntityId: text(row, 'from_entity_id'),
    toEntityId: text(row, 'to_entity_id'),
    amount: decimalToMinor(text(row, 'amount'), scale),
    currency: text(row, 'currency'),
    scale,
    purpose: text(row, 'purpose'),
    legalBasis: text(row, 'legal_basis'),
    authorizedBy: text(row, 'authorized_by'),
    entryIds: [text(row, 'from_entry_id'), text(row, 'to_entry_id')],
    fingerprint: text(row, 'fingerprint'),
    recordedAt: text(row, 'recorded_at'),
  };
}

export const periodEventColumns = `id, entity_id, action, closed_through::text AS closed_through, reason, actor, fingerprint, ${iso('recorded_at')} AS recorded_at`;

export function toPeriodEventRecord(row: SqlRow): PeriodEventRecord {
  return {
    id: text(row, 'id'),
    entityId: text(row, 'entity_id'),
    action: text(row, 'action') as PeriodEventRecord['action'],
    closedThrough: textOrNull(row, 'closed_through'),
    reason: text(row, 'reason'),
    actor: text(row, 'actor'),
    fingerprint: text(row, 'fingerprint'),
    recordedAt: text(row, 'recorded_at'),
  };
}

/** Audit columns of alias `a`; ordering must name `a.seq`, since the output `seq` is text. */
export const auditColumns = 'a.seq::text AS seq, a.at, a.actor, a.action, a.subject_id, a.payload, a.prev_hash, a.hash';

export function toAuditRecord(row: SqlRow): AuditRecord {
  return {
    seq: Number(row['seq']),
    at: text(row, 'at'),
    actor: text(row, 'actor'),
    action: text(row, 'action'),
    subjectId: text(row, 'subject_id'),
    payload: text(row, 'payload'),
    prevHash: text(row, 'prev_hash'),
    hash: text(row, 'hash'),
  };
}

/** Rows matched back to the requested ids, in request order (undefined where missing). */
export function byIds<T extends { id: string }>(ids: readonly string[], records: readonly T[]): (T | undefined)[] {
  const found = new Map(records.map((record) => [record.id, record]));
  return ids.map((id) => found.get(id));
}
