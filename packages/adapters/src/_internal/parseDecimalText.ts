/** How a number is written in a file. */
export interface DecimalNotation {
  /** `.` (1,234.56) or `,` (1.234,56); `auto` takes the last of the two that appears. */
  readonly decimalSeparator: '.' | ',' | 'auto';
  /** Grouping characters to drop (`,` `.` space, apostrophe, no-break space), or `auto`. */
  readonly thousandsSeparator?: string | 'auto';
}

const plainDecimal = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Normalises a written amount to a plain decimal string (`-1006.60`), or
 * returns null when it is not a number. Parentheses mean negative
 * (accounting style), a trailing minus is accepted (`12.50-`), and currency
 * symbols are NOT stripped: `$120` is refused, as the file is ambiguous.
 */
export function parseDecimalText(text: string, notation: DecimalNotation): string | null {
  // Fast path for the common case, a plain `-1234.56`: nothing to normalise.
  if (notation.decimalSeparator !== ',' && plainDecimal.test(text)) return text.startsWith('+') ? text.slice(1) : text;
  let s = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (s === '') return null;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) { negative = true; s = s.slice(1, -1).trim(); }
  if (s.endsWith('-') && !s.startsWith('-')) { negative = true; s = s.slice(0, -1).trim(); }
  const decimal = notation.decimalSeparator === 'auto' ? guessDecimalSeparator(s) : notation.decimalSeparator;
  const thousands = notation.thousandsSeparator ?? 'auto';
  const drop = thousands === 'auto' ? (decimal === '.' ? [',', ' ', "'"] : ['.', ' ', "'"]) : [...thousands];
  for (const ch of drop) if (ch !== decimal) s = s.split(ch).join('');
  if (decimal === ',') s = s.replace(',', '.');
  if (!plainDecimal.test(s)) return null;
  if (s.startsWith('+')) s = s.slice(1);
  if (negative) s = s.startsWith('-') ? s.slice(1) : `-${s}`;
  return s;
}

function guessDecimalSeparator(s: string): '.' | ',' {
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (comma === -1) return '.';
  if (dot === -1) {
    // A lone comma followed by exactly three digits and more than one group is
    // a thousands separator (1,234,567); otherwise it is a decimal comma.
    return /^\d{1,3}(,\d{3}){2,}$/.test(s.replace(/^[+-]/, '')) ? '.' : ',';
  }
  return comma > dot ? ',' : '.';
}
