import type { BalanceWindow } from '@kronos/core-ledger';
import type { SqlRow, SqlSession } from './driver.js';

/** NUMERIC in major units -> minor-unit text, in SQL (`round` of an integer-valued numeric prints no decimals). */
const minor = (expression: string): string => `round(coalesce(${expression}, 0) * 10::numeric ^ coalesce(a.scale, 0))::text`;
const big = (row: SqlRow, column: string): bigint => BigInt(row[column] as string);

/** SQL for the first day of the month of a date expression. */
const monthOf = (expression: string): string => `date_trunc('month', (${expression})::timestamp)::date`;

/**
 * Bound-check windows from the maintained balances: the closing of the month
 * before `fromDate`'s month, that month's days (the balance at `fromDate` and
 * the lowest and highest end of day after it) and the lows and highs of every
 * later month are index range reads; the holds are the account's pending rows.
 */
export async function getBalanceWindows(session: SqlSession, schema: string, requests: readonly { accountId: string; fromDate: string }[]): Promise<BalanceWindow[]> {
  if (requests.length === 0) return [];
  const opening = 'coalesce(opening.closing, 0)';
  const rows = await session.query(
    `SELECT r.ord, ${minor('last.closing')} AS total, last_day.day::text AS last_date, ${minor(`${opening} + days.at_from`)} AS at_from,
       days.low IS NULL AND later.low IS NULL AS no_later,
       ${minor(`least(${opening} + days.low, later.low)`)} AS low, ${minor(`greatest(${opening} + days.high, later.high)`)} AS high,
       ${minor('held.debit')} AS pending_debit, ${minor('held.credit')} AS pending_credit
     FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS r (account_id, from_date, ord)
     LEFT JOIN ${schema}.accounts a ON a.id = r.account_id
     LEFT JOIN LATERAL (SELECT m.closing FROM ${schema}.month_balances m WHERE m.account_id = r.account_id ORDER BY m.month DESC LIMIT 1) last ON true
     LEFT JOIN LATERAL (SELECT d.day FROM ${schema}.day_moves d WHERE d.account_id = r.account_id ORDER BY d.day DESC LIMIT 1) last_day ON true
     LEFT JOIN LATERAL (SELECT m.closing FROM ${schema}.month_balances m WHERE m.account_id = r.account_id AND m.month < ${monthOf('r.from_date')} ORDER BY m.month DESC LIMIT 1) opening ON true
     LEFT JOIN LATERAL (
       SELECT coalesce(sum(y.amount) FILTER (WHERE y.day <= r.from_date), 0) AS at_from,
              min(y.run) FILTER (WHERE y.day > r.from_date) AS low, max(y.run) FILTER (WHERE y.day > r.from_date) AS high
       FROM (SELECT d.day, d.amount, sum(d.amount) OVER (ORDER BY d.day) AS run FROM ${schema}.day_moves d
             WHERE d.account_id = r.account_id AND d.day >= ${monthOf('r.from_date')} AND d.day < (${monthOf('r.from_date')} + interval '1 month')::date) y
     ) days ON true
     LEFT JOIN LATERAL (SELECT min(m.low) AS low, max(m.high) AS high FROM ${schema}.month_balances m WHERE m.account_id = r.account_id AND m.month > ${monthOf('r.from_date')}) later ON true
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
 * Posted balance at the end of `asOf` (null: now) per account: the closing of
 * the month before `asOf`'s month (one backward index probe) plus the moves of
 * that month's days up to `asOf` (at most 31 rows), so it costs the same on a
 * table of a thousand rows or a hundred million. Pending holds dated on or
 * before it are added when asked.
 */
export async function getBalancesAsOf(session: SqlSession, schema: string, accountIds: readonly string[], asOf: string | null, includePending: boolean): Promise<bigint[]> {
  if (accountIds.length === 0) return [];
  const pending = includePending
    ? `LEFT JOIN LATERAL (SELECT sum(h.amount) AS amount FROM ${schema}.holds h WHERE h.account_id = r.account_id AND h.day <= coalesce($2::date, 'infinity'::date)) held ON true`
    : 'LEFT JOIN LATERAL (SELECT NULL::numeric AS amount) held ON true';
  const posted = asOf === null
    ? `LEFT JOIN LATERAL (SELECT m.closing AS balance FROM ${schema}.month_balances m WHERE m.account_id = r.account_id ORDER BY m.month DESC LIMIT 1) posted ON true`
    : `LEFT JOIN LATERAL (SELECT m.closing FROM ${schema}.month_balances m WHERE m.account_id = r.account_id AND m.month < ${monthOf('$2::date')} ORDER BY m.month DESC LIMIT 1) opening ON true
       LEFT JOIN LATERAL (SELECT coalesce(opening.closing, 0) + coalesce(sum(d.amount), 0) AS balance FROM ${schema}.day_moves d
                          WHERE d.account_id = r.account_id AND d.day >= ${monthOf('$2::date')} AND d.day <= $2::date) posted ON true`;
  const rows = await session.query(
    `SELECT r.ord, ${minor('posted.balance')} AS posted, ${minor('held.amount')} AS held
     FROM unnest($1::text[]) WITH ORDINALITY AS r (account_id, ord)
     LEFT JOIN ${schema}.accounts a ON a.id = r.account_id
     ${posted}
     ${pending}
     ORDER BY r.ord`,
    // $2 is sent only when the text uses it (a bind with an unused, untyped parameter is refused).
    asOf === null && !includePending ? [accountIds] : [accountIds, asOf],
  );
  return rows.map((row) => big(row, 'posted') + big(row, 'held'));
}
