import type { BalanceWindow } from '@kronos/core-ledger';
import type { SqlRow, SqlSession } from './driver.js';

/** NUMERIC in major units -> minor-unit text, in SQL (`round` of an integer-valued numeric prints no decimals). */
const minor = (expression: string): string => `round(coalesce(${expression}, 0) * 10::numeric ^ coalesce(a.scale, 0))::text`;
const big = (row: SqlRow, column: string): bigint => BigInt(row[column] as string);

/**
 * Bound-check windows from the maintained daily balances: the balance at
 * `fromDate` and the lowest and highest of every later day are index range
 * reads, the holds are the account's pending rows.
 */
export async function getBalanceWindows(session: SqlSession, schema: string, requests: readonly { accountId: string; fromDate: string }[]): Promise<BalanceWindow[]> {
  if (requests.length === 0) return [];
  const rows = await session.query(
    `SELECT r.ord, ${minor('last.balance')} AS total, last.day::text AS last_date, ${minor('at_from.balance')} AS at_from,
       later.low IS NULL AS no_later, ${minor('later.low')} AS low, ${minor('later.high')} AS high,
       ${minor('held.debit')} AS pending_debit, ${minor('held.credit')} AS pending_credit
     FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS r (account_id, from_date, ord)
     LEFT JOIN ${schema}.accounts a ON a.id = r.account_id
     LEFT JOIN LATERAL (SELECT b.balance, b.day FROM ${schema}.daily_balances b WHERE b.account_id = r.account_id ORDER BY b.day DESC LIMIT 1) last ON true
     LEFT JOIN LATERAL (SELECT b.balance FROM ${schema}.daily_balances b WHERE b.account_id = r.account_id AND b.day <= r.from_date ORDER BY b.day DESC LIMIT 1) at_from ON true
     LEFT JOIN LATERAL (SELECT min(b.balance) AS low, max(b.balance) AS high FROM ${schema}.daily_balances b WHERE b.account_id = r.account_id AND b.day > r.from_date) later ON true
     LEFT JOIN LATERAL (SELECT sum(h.amount) FILTER (WHERE h.amount > 0) AS debit, sum(h.amount) FILTER (WHERE h.amount < 0) AS credit
                        FROM ${schema}.holds h WHERE h.account_id = r.account_id) held ON true
     ORDER BY r.ord`,
    [requests.map((request) => request.accountId), requests.map((request) => request.fromDate)],
  );
  return rows.map((row) => {
    const atFrom = big(row, 'at_from');
    const hasLater = row['no_later'] !== true;
    const low = hasLater ? big(row, 'low') : atFrom;
    const high = hasLater ? big(row, 'high') : atFrom;
    return {
      total: big(row, 'total'),
      minFrom: low < atFrom ? low : atFrom,
      maxFrom: high > atFrom ? high : atFrom,
      lastDate: (row['last_date'] ?? null) as string | null,
      pendingDebit: big(row, 'pending_debit'),
      pendingCredit: big(row, 'pending_credit'),
    };
  });
}

/**
 * Posted balance at the end of `asOf` (null: now) per account: one backward
 * index probe on (account, day) each, so it costs the same on a table of a
 * thousand rows or a hundred million. Pending holds dated on or before it are
 * added when asked.
 */
export async function getBalancesAsOf(session: SqlSession, schema: string, accountIds: readonly string[], asOf: string | null, includePending: boolean): Promise<bigint[]> {
  if (accountIds.length === 0) return [];
  const pending = includePending
    ? `LEFT JOIN LATERAL (SELECT sum(h.amount) AS amount FROM ${schema}.holds h WHERE h.account_id = r.account_id AND h.day <= coalesce($2::date, 'infinity'::date)) held ON true`
    : 'LEFT JOIN LATERAL (SELECT NULL::numeric AS amount) held ON true';
  const rows = await session.query(
    `SELECT r.ord, ${minor('posted.balance')} AS posted, ${minor('held.amount')} AS held
     FROM unnest($1::text[]) WITH ORDINALITY AS r (account_id, ord)
     LEFT JOIN ${schema}.accounts a ON a.id = r.account_id
     LEFT JOIN LATERAL (SELECT b.balance FROM ${schema}.daily_balances b WHERE b.account_id = r.account_id AND b.day <= coalesce($2::date, 'infinity'::date) ORDER BY b.day DESC LIMIT 1) posted ON true
     ${pending}
     ORDER BY r.ord`,
    [accountIds, asOf],
  );
  return rows.map((row) => big(row, 'posted') + big(row, 'held'));
}
