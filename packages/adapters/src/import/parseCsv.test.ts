import { describe, expect, it } from 'vitest';
import { parseCsv } from '@kronos/adapters/import';
import { readFixture } from '../_internal/fixtures.js';

describe('parseCsv', () => {
  it('reads windows-1252.csv as Actual\'s "csv import respects manual encoding override" asserts', () => {
    // actualbudget/actual loot-core parse-file.test.ts: rows
    // { Date: '2025.12.04', Payee: 'Café Rémy', Amount: '100.25' } and
    // { Date: '2025.12.05', Payee: 'Boulangerie Müller', Amount: '-42.10' }.
    const result = parseCsv(readFixture('windows-1252.csv'), {
      accountRef: 'checking', currency: 'EUR', encoding: 'windows-1252', dateFormat: 'yyyy.MM.dd',
      mapping: { date: 'Date', payee: 'Payee', amount: 'Amount' },
    });
    expect(result.transactions.map((t) => [t.postedDate, t.payee, t.amount.toString()])).toEqual([
      ['2025-12-04', 'Café Rémy', '100.25'],
      ['2025-12-05', 'Boulangerie Müller', '-42.10'],
    ]);
    expect(result.transactions[0]?.raw).toEqual({ Date: '2025.12.04', Payee: 'Café Rémy', Amount: '100.25' });
  });

  it('reads latin1 and auto-detected windows-1252 the same way', () => {
    const options = { accountRef: 'a', currency: 'EUR', dateFormat: 'yyyy.MM.dd', mapping: { date: 'Date', payee: 'Payee', amount: 'Amount' } } as const;
    const auto = parseCsv(readFixture('windows-1252.csv'), options).transactions.map((t) => t.payee);
    const latin1 = parseCsv(readFixture('windows-1252.csv'), { ...options, encoding: 'latin1' }).transactions.map((t) => t.payee);
    expect(auto).toEqual(['Café Rémy', 'Boulangerie Müller']);
    expect(latin1).toEqual(auto);
  });

  it('reads debit and credit columns with the Capital One preset', () => {
    const csv = 'Transaction Date,Posted Date,Card No.,Description,Category,Debit,Credit\n2024-03-01,2024-03-02,1234,COFFEE,Dining,4.50,\n2024-03-03,2024-03-04,1234,PAYMENT,Payment,,"1,200.00"\n';
    const result = parseCsv(csv, { accountRef: 'card', currency: 'USD', preset: 'capital-one' });
    expect(result.transactions.map((t) => [t.postedDate, t.payee, t.amount.toString(), t.category])).toEqual([
      ['2024-03-02', 'COFFEE', '-4.50', 'Dining'],
      ['2024-03-04', 'PAYMENT', '1200.00', 'Payment'],
    ]);
  });

  it('reads a Sparkasse export: semicolons, dd.MM.yy, decimal comma, a pending marker', () => {
    const csv = '"Auftragskonto";"Buchungstag";"Verwendungszweck";"Beguenstigter/Zahlungspflichtiger";"Betrag";"Waehrung";"Info"\n' +
      '"DE1";"03.01.24";"Miete Januar";"Hausverwaltung";"-1.250,00";"EUR";"Umsatz gebucht"\n' +
      '"DE1";"05.01.24";"Karte";"Bäckerei";"-3,40";"EUR";"Umsatz vorgemerkt"\n';
    const result = parseCsv(csv, { accountRef: 'giro', preset: 'sparkasse-camt' });
    expect(result.transactions.map((t) => [t.postedDate, t.payee, t.amount.toString(), t.amount.currency.code, t.pending])).toEqual([
      ['2024-01-03', 'Hausverwaltung', '-1250.00', 'EUR', false],
      ['2024-01-05', 'Bäckerei', '-3.40', 'EUR', true],
    ]);
  });

  it('flips the sign for exports that show charges positive (American Express)', () => {
    const result = parseCsv('Date,Description,Amount\n01/15/2024,AMAZON,25.99\n01/20/2024,PAYMENT,-500.00\n', { accountRef: 'amex', currency: 'USD', preset: 'american-express' });
    expect(result.transactions.map((t) => t.amount.toString())).toEqual(['-25.99', '500.00']);
  });

  it('reads a headerless Wells Fargo export by column index', () => {
    const result = parseCsv('"01/02/2024","-12.34","*","","GROCERY STORE"\n', { accountRef: 'wf', currency: 'USD', preset: 'wells-fargo' });
    expect(result.transactions.map((t) => [t.postedDate, t.amount.toString(), t.payee])).toEqual([['2024-01-02', '-12.34', 'GROCERY STORE']]);
  });

  it('skips preamble lines, joins memo columns, reads ids and apostrophe thousands', () => {
    const csv = 'Account 42 export\n\nId|Day|Text|Ref|Value\nT-1|2024-05-01|Salary|May|"5\'000.00"\n';
    const result = parseCsv(csv, { accountRef: 'ch', currency: 'CHF', skipLines: 2, thousandsSeparator: "'", mapping: { date: 'Day', amount: 'Value', memo: ['Text', 'Ref'], bankTransactionId: 'Id' } });
    expect(result.transactions.map((t) => [t.bankTransactionId, t.memo, t.amount.toString()])).toEqual([['T-1', 'Salary May', '5000.00']]);
  });

  it('refuses a row whose amount is not a number, naming the line', () => {
    const csv = 'Date,Payee,Amount\n2024-01-01,A,1.00\n2024-01-02,B,abc\n';
    expect(() => parseCsv(csv, { accountRef: 'a', currency: 'USD', preset: 'generic' })).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD', details: expect.objectContaining({ record: 'line', index: 3, field: 'amount', value: 'abc' }) }));
  });

  it('refuses a date in another layout than the one given', () => {
    const csv = 'Date,Payee,Amount\n31/12/2024,A,1.00\n';
    expect(() => parseCsv(csv, { accountRef: 'a', currency: 'USD', preset: 'generic' })).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD', details: expect.objectContaining({ field: 'date' }) }));
  });

  it('refuses a mapping that names a column the header lacks, listing the header', () => {
    expect(() => parseCsv('When,What\n2024-01-01,1\n', { accountRef: 'a', currency: 'USD', mapping: { date: 'Date', amount: 'Amount' } })).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED_FILE', message: expect.stringContaining('"When"') }));
  });

  it('refuses a mapping with both an amount and debit/credit columns', () => {
    expect(() => parseCsv('', { accountRef: 'a', currency: 'USD', mapping: { date: 0, amount: 1, debit: 2 } })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('refuses to guess without a preset or a mapping', () => {
    expect(() => parseCsv('a,b\n', { accountRef: 'a', currency: 'USD' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('refuses an unknown encoding label', () => {
    expect(() => parseCsv(new Uint8Array([65]), { accountRef: 'a', currency: 'USD', preset: 'generic', encoding: 'not-an-encoding' })).toThrow(expect.objectContaining({ code: 'IMPORT_ENCODING' }));
  });

  it('leaves bad rows out and lists them when asked to skip', () => {
    const csv = 'Date,Payee,Amount\n2024-01-01,A,1.00\nnot a date,B,2.00\n2024-01-03,C,3.00\n';
    const result = parseCsv(csv, { accountRef: 'a', currency: 'USD', preset: 'generic', onInvalidRecord: 'skip' });
    expect(result.transactions.map((t) => t.payee)).toEqual(['A', 'C']);
    expect(result.discarded.map((d) => [d.record, d.index])).toEqual([['line', 3]]);
  });

  it('reports progress every N rows and once at the end', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')},P${i},1.00`).join('\n');
    const text = `Date,Payee,Amount\n${rows}\n`;
    const seen: Array<[string, number, number]> = [];
    parseCsv(text, { accountRef: 'a', currency: 'USD', preset: 'generic', progressEveryRecords: 10, onProgress: (p) => seen.push([p.unit, p.done, p.total]) });
    const bytes = new TextEncoder().encode(text).length;
    expect(seen.filter(([unit]) => unit === 'records')).toEqual([['records', 10, 25], ['records', 20, 25], ['records', 25, 25]]);
    const read = seen.filter(([unit]) => unit === 'bytes');
    expect(read.at(-1)).toEqual(['bytes', bytes, bytes]);
    expect(read.map(([, done]) => done)).toEqual([...read.map(([, done]) => done)].sort((a, b) => a - b));
    expect(read.length).toBeGreaterThanOrEqual(3);
  });
});

describe('parseCsv byte-order marks', () => {
  const csv = 'Könyvelés dátuma,Összeg,Devizanem\n2025.12.04,100,HUF\n';
  const options = { accountRef: 'otp', dateFormat: 'yyyy.MM.dd', mapping: { date: 'Könyvelés dátuma', amount: 'Összeg', currency: 'Devizanem' } } as const;
  const utf16 = (text: string, littleEndian: boolean): Uint8Array => {
    const out = [littleEndian ? 0xff : 0xfe, littleEndian ? 0xfe : 0xff];
    for (const c of text) { const code = c.charCodeAt(0); out.push(...(littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff])); }
    return Uint8Array.from(out);
  };

  it.each([
    ['UTF-16LE', utf16(csv, true)],
    ['UTF-16BE', utf16(csv, false)],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)])],
  ])('reads a %s export as Actual\'s csv import tests assert', (_name, bytes) => {
    // actualbudget/actual parse-file.test.ts: first row { 'Könyvelés dátuma': '2025.12.04', Összeg: '100', Devizanem: 'HUF' }.
    const [t] = parseCsv(bytes, options).transactions;
    expect([t?.postedDate, t?.amount.amount.toString(), t?.amount.currency.code]).toEqual(['2025-12-04', '100', 'HUF']);
  });
});
