import { describe, expect, it } from 'vitest';
import { parseCamt } from '@kronos/adapters/import';
import { readFixture } from '../_internal/fixtures.js';

describe('parseCamt', () => {
  it('reads camt.latin1.xml in ISO-8859-1 as Actual\'s "CAMT import respects ISO-8859-1 encoding" asserts', () => {
    // actualbudget/actual loot-core parse-file.test.ts: notes
    // 'M-Überschusssparen'; payee 'Grüße aus München' with notes
    // 'Restaurant Schrödingers Katze und Café Ünique'.
    const result = parseCamt(readFixture('camt.latin1.xml'));
    expect(result.format).toBe('camt.052');
    expect(result.transactions.map((t) => [t.payee, t.memo])).toEqual([
      [null, 'M-Überschusssparen'],
      ['Grüße aus München', 'Restaurant Schrödingers Katze und Café Ünique'],
    ]);
    // Read off the file: amounts, signs, ids and dates.
    expect(result.transactions.map((t) => [t.bankTransactionId, t.postedDate, t.amount.toString(), t.pending])).toEqual([
      ['2025090900000000', '2025-09-09', '100.00', false],
      ['2025090900000001', '2025-09-09', '-5.00', false],
    ]);
    expect(result.accounts[0]).toMatchObject({ accountRef: 'iban:DE00000000000000000000', currency: 'EUR' });
  });

  it('reads camt053.v2.minimal.xml as genkgo/camt test/data/camt053.v2.minimal.json records it', () => {
    // genkgo/camt stores amounts in minor units: entry 885 EUR; balances 1815
    // EUR opening, -2700 SEK closing, 3500 CHF opening_available, -2700 JPY
    // closing_available (JPY has no minor unit).
    const result = parseCamt(readFixture('camt053.v2.minimal.xml'));
    expect(result.format).toBe('camt.053');
    const [account] = result.accounts;
    expect(account?.accountNumber).toBe('NL26VAYB8060476890');
    expect(account?.balances.map((b) => [b.kind, b.amount.toMinorUnits(), b.amount.currency.code, b.asOf])).toEqual([
      ['opening', 1815n, 'EUR', '2014-12-30'],
      ['closing', -2700n, 'SEK', '2014-12-31'],
      ['opening_available', 3500n, 'CHF', '2014-12-30'],
      ['closing_available', -2700n, 'JPY', '2014-12-31'],
    ]);
    const [entry] = result.transactions;
    expect(entry?.amount.toMinorUnits()).toBe(885n);
    expect(entry?.amount.currency.code).toBe('EUR');
    expect(entry?.postedDate).toBe('2014-12-31'); // getBookingDate
    expect(entry?.raw['ValDt/Dt']).toBe('2015-01-02'); // getValueDate
    expect(entry?.bankTransactionId).toBeNull(); // getAccountServicerReference: null
    expect(entry?.memo).toBe('4654654654654654'); // getRemittanceInformation().getMessage()
    expect(entry?.payee).toBe('NAME NAME'); // the Debtor of a CRDT entry
    expect(entry?.type).toBe('544'); // getBankTransactionCode().getProprietary().getCode()
  });

  it('marks PDNG entries pending and signs DBIT entries negative', () => {
    const xml = '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"><BkToCstmrAcctRpt><Rpt><Acct><Id><Othr><Id>123</Id></Othr></Id><Ccy>CHF</Ccy></Acct>' +
      '<Ntry><Amt Ccy="CHF">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><ValDt><Dt>2024-02-01</Dt></ValDt><NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>Migros</Nm></Pty></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry></Rpt></BkToCstmrAcctRpt></Document>';
    const [t] = parseCamt(xml).transactions;
    expect([t?.accountRef, t?.amount.toString(), t?.pending, t?.payee, t?.postedDate]).toEqual(['camt:123', '-12.50', true, 'Migros', '2024-02-01']);
  });

  it('refuses XML that is not well-formed', () => {
    expect(() => parseCamt('<Document><BkToCstmrStmt></Document>')).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED_FILE' }));
  });

  it('refuses an entry without a credit/debit indicator, naming it', () => {
    const xml = '<Document><BkToCstmrStmt><Stmt><Acct><Id><IBAN>X1</IBAN></Id></Acct><Ntry><Amt Ccy="EUR">1.00</Amt><AcctSvcrRef>R9</AcctSvcrRef><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>';
    expect(() => parseCamt(xml)).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD', details: expect.objectContaining({ record: 'Ntry', index: 1, bankTransactionId: 'R9', field: 'CdtDbtInd' }) }));
  });
});
