/**
 * Calendar-date reading for bank files. Business dates stay as written: an
 * OFX `20090401122017[-5:EST]` is the bank's 1 April, whatever the reader's
 * time zone, so no Date object (and no time zone) is involved.
 */

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` when year/month/day form a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date pattern made of `yyyy`, `yy`, `MM`, `M`, `dd`, `d` and literal separators. */
export type DateFormat = string;

interface CompiledDateFormat {
  readonly pattern: RegExp;
  readonly fields: readonly ('y4' | 'y2' | 'm' | 'd')[];
}

const tokenPattern = /yyyy|yy|MM|M|dd|d/g;
const cache = new Map<string, CompiledDateFormat>();
const cacheSizeMax = 64;

function compile(format: DateFormat): CompiledDateFormat {
  const hit = cache.get(format);
  if (hit) return hit;
  const fields: ('y4' | 'y2' | 'm' | 'd')[] = [];
  let source = '';
  let last = 0;
  for (const match of format.matchAll(tokenPattern)) {
    source += format.slice(last, match.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const token = match[0];
    if (token === 'yyyy') { fields.push('y4'); source += '(\\d{4})'; }
    else if (token === 'yy') { fields.push('y2'); source += '(\\d{2})'; }
    else if (token.startsWith('M')) { fields.push('m'); source += token.length === 2 ? '(\\d{2})' : '(\\d{1,2})'; }
    else { fields.push('d'); source += token.length === 2 ? '(\\d{2})' : '(\\d{1,2})'; }
    last = match.index + token.length;
  }
  source += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const compiled = { pattern: new RegExp(`^${source}$`), fields };
  if (cache.size >= cacheSizeMax) cache.clear();
  cache.set(format, compiled);
  return compiled;
}

/**
 * Reads a date written in `format` (e.g. `MM/dd/yyyy`, `dd.MM.yy`,
 * `yyyy.MM.dd`). Two-digit years pivot at 70: 69 is 2069, 70 is 1970.
 * Returns null for text that does not match or is not a calendar date.
 */
export function parseDateByFormat(text: string, format: DateFormat): string | null {
  const { pattern, fields } = compile(format);
  const match = pattern.exec(text.trim());
  if (!match) return null;
  let year = Number.NaN, month = Number.NaN, day = Number.NaN;
  fields.forEach((field, i) => {
    const value = Number(match[i + 1]);
    if (field === 'y4') year = value;
    else if (field === 'y2') year = value < 70 ? 2000 + value : 1900 + value;
    else if (field === 'm') month = value;
    else day = value;
  });
  return isoDate(year, month, day);
}

const ofxDateTime = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?:[.:]\d{1,3})?\s*(?:\[\s*([+-]?\d{1,2}(?:\.\d+)?)\s*(?::[^\]]*)?\])?$/;

/** What an OFX date field holds: nothing, a date, or unreadable text. */
export type OfxDateResult = { kind: 'absent' } | { kind: 'date'; date: string } | { kind: 'invalid' };

/**
 * Reads an OFX date-time (`YYYYMMDD[HHMMSS[.XXX]][[gmt offset:tz]]`) as the
 * calendar date the bank wrote. `00000000` means "no date" (ofxparse's
 * `test_returns_none`), as does an empty tag.
 */
export function parseOfxDate(text: string | null | undefined): OfxDateResult {
  const s = (text ?? '').trim();
  if (s === '' || /^0{8}/.test(s)) return { kind: 'absent' };
  const match = ofxDateTime.exec(s);
  if (!match) return { kind: 'invalid' };
  const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  const hour = match[4] === undefined ? 0 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  if (date === null || hour > 23 || minute > 59) return { kind: 'invalid' };
  return { kind: 'date', date };
}
