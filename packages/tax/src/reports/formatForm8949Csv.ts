import type { Form8949Row } from './buildForm8949.js';

const header = ['Part', 'Box', 'Description (a)', 'Date acquired (b)', 'Date sold (c)', 'Proceeds (d)', 'Cost or other basis (e)', 'Code (f)', 'Adjustment (g)', 'Gain or loss (h)', 'Account', 'Sale id'];

/** RFC 4180: quote a field that holds a comma, quote or line break; double the quotes inside. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** ISO `YYYY-MM-DD` as the form writes dates, `MM/DD/YYYY`. */
function formDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

/**
 * Form 8949 rows as CSV (RFC 4180, CRLF line ends, a header line): dates as
 * MM/DD/YYYY like the form, amounts as plain decimals with two places, losses
 * with a minus sign.
 *
 * @example
 * ```ts
 * formatForm8949Csv([]); //=> 'Part,Box,Description (a),Date acquired (b),Date sold (c),Proceeds (d),Cost or other basis (e),Code (f),Adjustment (g),Gain or loss (h),Account,Sale id\r\n'
 * ```
 */
export function formatForm8949Csv(rows: readonly Form8949Row[]): string {
  const lines = [header.join(',')];
  for (const row of rows) {
    lines.push([
      row.part, row.box, row.description, formDate(row.dateAcquired), formDate(row.dateSold),
      row.proceeds.toString(), row.basis.toString(), row.code, row.adjustment.isZero() ? '' : row.adjustment.toString(), row.gain.toString(),
      row.accountId, row.saleId,
    ].map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
