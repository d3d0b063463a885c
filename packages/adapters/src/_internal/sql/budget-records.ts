/**
 * Budget records in SQL: their table (migration 3) and the three LedgerTx
 * methods that read and write them. Kept apart from the journal's tables and
 * insert paths: budget records are instructions about budgeted money, never
 * money, so nothing here touches postings or balances.
 */
import type { BudgetRecord, JsonValue, LedgerTx } from '@kronos/core-ledger';
import { decimalToMinor, minorToDecimal } from './amounts.js';
import type { SqlRow, SqlSession } from './driver.js';
import { byIds, insertRows, iso } from './rows.js';

const budgetRecordKinds = `'settings', 'envelope', 'policy', 'assign', 'move', 'hold'`;

/**
 * Version 3: one append-only table of budget records per schema. The database
 * keeps amounts at their scale, months well formed, `data` an object, and
 * refuses any change or deletion of a written record.
 */
export const budgetRecordTables = (s: string): string => `
CREATE TABLE ${s}.budget_records (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  entity_id text NOT NULL REFERENCES ${s}.entities (id),
  kind text NOT NULL CHECK (kind IN (${budgetRecordKinds})),
  month text CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount numeric CONSTRAINT budget_amount_scale CHECK (amount = round(amount, scale)),
  currency text NOT NULL,
  scale smallint NOT NULL CHECK (scale BETWEEN 0 AND 18),
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
  fingerprint text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX budget_records_entity ON ${s}.budget_records (entity_id, seq);
CREATE TRIGGER budget_records_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${s}.budget_records FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change();
`;

const budgetInsert = [
  ['id', 'text'], ['entity_id', 'text'], ['kind', 'text'], ['month', 'text'], ['amount', 'numeric'], ['currency', 'text'], ['scale', 'smallint'],
  ['data', 'jsonb'], ['fingerprint', 'text'], ['recorded_at', 'timestamptz'],
] as const;

const budgetColumns = `id, entity_id, kind, month, amount::text AS amount, currency, scale::int AS scale, data::text AS data, fingerprint, ${iso('recorded_at')} AS recorded_at`;

function toBudgetRecord(row: SqlRow): BudgetRecord {
  const scale = Number(row['scale']);
  const amount = (row['amount'] ?? null) as string | null;
  return {
    id: row['id'] as string,
    entityId: row['entity_id'] as string,
    kind: row['kind'] as BudgetRecord['kind'],
    month: (row['month'] ?? null) as string | null,
    amount: amount === null ? null : decimalToMinor(amount, scale),
    currency: row['currency'] as string,
    scale,
    data: JSON.parse(row['data'] as string) as Record<string, JsonValue>,
    fingerprint: row['fingerprint'] as string,
    recordedAt: row['recorded_at'] as string,
  };
}

/** The LedgerTx methods of budget records. */
export function budgetRecordMethods(session: SqlSession, schema: string): Pick<LedgerTx, 'getBudgetRecords' | 'insertBudgetRecords' | 'listBudgetRecords'> {
  return {
    async getBudgetRecords(ids) {
      return byIds(ids, (await session.query(`SELECT ${budgetColumns} FROM ${schema}.budget_records WHERE id = ANY($1::text[])`, [ids])).map(toBudgetRecord));
    },
    async insertBudgetRecords(records) {
      const rows = records.map((record) => [
        record.id, record.entityId, record.kind, record.month, record.amount === null ? null : minorToDecimal(record.amount, record.scale), record.currency, record.scale,
        JSON.stringify(record.data), record.fingerprint, record.recordedAt,
      ]);
      await insertRows(session, `${schema}.budget_records`, budgetInsert, rows);
    },
    async listBudgetRecords(entityId) {
      return (await session.query(`SELECT ${budgetColumns} FROM ${schema}.budget_records WHERE entity_id = $1 ORDER BY seq`, [entityId])).map(toBudgetRecord);
    },
  };
}
