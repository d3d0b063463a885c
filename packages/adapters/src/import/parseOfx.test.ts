import { describe, expect, it } from 'vitest';
import { isKronosError } from '@kronos/core-ledger';
import { parseOfx, parseQfx } from '@kronos/adapters/import';
import { readFixture } from '../_internal/fixtures.js';

// Reference values: jseutter/ofxparse tests/test_parse.py (MIT), the test named
// beside each assertion, unless a comment says the value is read off the file.

function stmtTrn(body: string): string {
  return `<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>CAD<BANKACCTFROM><BANKID>160000100<ACCTID>1</BANKACCTFROM><BANKTRANLIST>${body}</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
}

describe('parseOfx', () => {
  it('reads bank_medium.ofx as ofxparse testEverything asserts', () => {
    const result = parseOfx(readFixture('bank_medium.ofx'));
    const [account] = result.accounts;
    expect(account).toMatchObject({ accountNumber: '12300 000012345678', institutionId: '160000100', branchId: '00', accountType: 'CHECKING', currency: 'CAD' });
    expect(account?.statementStart).toBe('2009-04-01');
    expect(account?.statementEnd).toBe('2009-05-23');
    expect(account?.balances.map((b) => [b.kind, b.amount.toString(), b.asOf])).toEqual([['ledger', '382.34', '2009-05-23'], ['available', '682.34', '2009-05-23']]);
    expect(result.transactions).toHaveLength(3);
    const first = result.transactions[0];
    expect(first?.payee).toBe("MCDONALD'S #112");
    expect(first?.type).toBe('pos');
    expect(first?.amount.toString()).toBe('-6.60');
    // testThatParseTransactionReturnsATransaction: id and memo of the same record.
    expect(first?.bankTransactionId).toBe('0000123456782009040100001');
    expect(first?.memo).toBe("POS MERCHANDISE;MCDONALD'S #112");
    expect(first?.postedDate).toBe('2009-04-01');
  });

  it('reads anzcc.ofx, an OFX 2.03 header over unclosed SGML leaves (testTextStartsWithTag)', () => {
    const result = parseOfx(readFixture('anzcc.ofx'));
    expect(result.accounts[0]?.accountNumber).toBe('1234123412341234');
    expect(result.accounts[0]?.accountType).toBe('CREDITCARD');
    // Read off the file: one card transaction, no NAME, so no payee.
    expect(result.transactions.map((t) => [t.bankTransactionId, t.postedDate, t.amount.toString(), t.amount.currency.code, t.payee, t.memo])).toEqual([
      ['201705080001', '2017-05-08', '-5.50', 'AUD', null, 'SOME MEMO'],
    ]);
  });

  it('reads suncorp.ofx CDATA values trimmed (TestSuncorpBankStatement.testCDATATransactions)', () => {
    const result = parseOfx(readFixture('suncorp.ofx'));
    expect(result.accounts).toHaveLength(1);
    expect(result.transactions).toHaveLength(1);
    expect(result.transactions[0]?.payee).toBe('EFTPOS WDL HANDYWAY ALDI STORE');
    expect(result.transactions[0]?.memo).toBe('EFTPOS WDL HANDYWAY ALDI STORE   GEELONG WEST VICAU');
    expect(result.transactions[0]?.amount.toString()).toBe('-16.85');
  });

  it('reads ofx-v102-empty-tags.ofx: empty tags are absent, the currency comes from the transaction', () => {
    // ofxparse's suite only opens this file; the values are read off it.
    const result = parseOfx(readFixture('ofx-v102-empty-tags.ofx'));
    expect(result.accounts[0]).toMatchObject({ accountNumber: '12345678', currency: null, accountType: null, balances: [] });
    const [t] = result.transactions;
    expect(t).toMatchObject({ bankTransactionId: null, payee: null, memo: 'CBA:Transfer', type: 'credit', postedDate: '2018-05-07' });
    expect(t?.amount.toString()).toBe('12.34');
    expect(t?.amount.currency.code).toBe('AUD');
  });

  it('reads investment_401k.ofx buys and transfers as Test401InvestmentStatement asserts', () => {
    const { investments } = parseOfx(readFixture('investment_401k.ofx'));
    const rows = investments.transactions.map((t) => [t.bankTransactionId, t.ofxType, t.quantity.amount.toString(), t.unitPrice.amount.toString(), t.total.amount.toString(), t.securityId, t.kind === 'buy' ? null : t.action]);
    expect(rows).toEqual([
      ['1', 'buymf', '8.846699', '22.2908', '-197.2', 'FOO', null],
      ['2', 'transfer', '6.800992', '29.214856', '0', 'BAR', 'IN'],
      ['3', 'transfer', '-9.060702', '21.928764', '0', 'BAZ', 'OUT'],
    ]);
    expect(investments.transactions.map((t) => t.kind)).toEqual(['buy', 'transfer_in', 'transfer_out']);
    expect(investments.transactions[0]?.tradeDate).toBe('2014-06-17');
    expect(investments.transactions[0]?.quantity.currency).toEqual({ code: 'FOO', scale: 8 });
  });

  it('reads investment_401k.ofx positions and securities as Test401InvestmentStatement asserts', () => {
    const { investments } = parseOfx(readFixture('investment_401k.ofx'));
    expect(investments.positions.map((p) => [p.securityId, p.quantity.amount.toString(), p.unitPrice.amount.toString(), p.marketValue.amount.toString()])).toEqual([
      ['FOO', '17.604312', '22.517211', '396.4'],
      ['BAR', '13.550983', '29.214855', '395.89'],
      ['BAZ', '0', '0', '0'],
    ]);
    expect(investments.positions[0]).toMatchObject({ positionType: 'posmf', heldIn: 'CASH', side: 'LONG', priceAsOf: '2014-06-30' });
    // Read off the file's SECLIST: three mutual funds with tickers.
    expect(investments.securities.map((s) => [s.securityId, s.ticker, s.name])).toEqual([['BAR', 'BAR', 'BAR Index Fund'], ['FOO', 'FOO', 'Foo Index Fund'], ['BAZ', 'BAZ', 'Baz Fund']]);
  });

  it('refuses decimal_error.ofx naming the record, the field and the text (TestGracefulFailures)', () => {
    let caught: unknown;
    try { parseOfx(readFixture('decimal_error.ofx')); } catch (error) { caught = error; }
    expect(isKronosError(caught, 'IMPORT_INVALID_RECORD')).toBe(true);
    const error = caught as { message: string; details: Record<string, unknown> };
    expect(error.details).toMatchObject({ format: 'ofx', record: 'STMTTRN', index: 1, bankTransactionId: '2000957249', field: 'TRNAMT', value: '$120' });
    expect(error.message).toContain('STMTTRN #1 (id 2000957249): TRNAMT "$120"');
  });

  it('discards the bad record of decimal_error.ofx when asked to skip (fail_fast=False)', () => {
    const result = parseOfx(readFixture('decimal_error.ofx'), { onInvalidRecord: 'skip' });
    expect(result.transactions).toHaveLength(0);
    expect(result.discarded).toHaveLength(1);
    expect(result.discarded[0]).toMatchObject({ record: 'STMTTRN', index: 1, code: 'IMPORT_INVALID_RECORD' });
  });

  it('reads decimal commas and either thousands separator (testThatParseTransactionWithComma...)', () => {
    for (const written of ['-1006,60', '-1.006,60', '-1,006.60']) {
      const result = parseOfx(stmtTrn(`<STMTTRN><TRNTYPE>POS<DTPOSTED>20090401<TRNAMT>${written}<FITID>1</STMTTRN>`));
      expect(result.transactions[0]?.amount.toString()).toBe('-1006.60');
    }
  });

  it('reads null amounts as zero (testThatParseTransactionWithNullAmountIgnored)', () => {
    for (const written of ['null', '-null']) {
      const result = parseOfx(stmtTrn(`<STMTTRN><TRNTYPE>DEP<DTPOSTED>20130306<TRNAMT>${written}<FITID>2013030601009100<CHECKNUM>700</STMTTRN>`));
      expect(result.transactions[0]?.amount.isZero()).toBe(true);
      expect(result.transactions[0]?.checkNumber).toBe('700');
    }
  });

  it('treats 00000000 statement dates as absent (testThatParseStatementWithBlankDatesReturnsAStatement)', () => {
    const result = parseOfx(stmtTrn('<DTSTART>00000000<DTEND>00000000<STMTTRN><DTPOSTED>20090401<TRNAMT>1<FITID>1</STMTTRN>'));
    expect(result.accounts[0]?.statementStart).toBeNull();
    expect(result.transactions).toHaveLength(1);
  });

  it('refuses a date with month 13 (test_bad_format)', () => {
    expect(() => parseOfx(stmtTrn('<STMTTRN><DTPOSTED>19881301<TRNAMT>1<FITID>1</STMTTRN>'))).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD', details: expect.objectContaining({ field: 'DTPOSTED' }) }));
  });

  it('refuses more decimals than the currency has unless a rounding mode is named', () => {
    const text = stmtTrn('<STMTTRN><DTPOSTED>20120720<TRNAMT>115.8331<FITID>X2</STMTTRN>');
    expect(() => parseOfx(text)).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD', details: expect.objectContaining({ field: 'TRNAMT' }) }));
    expect(parseOfx(text, { rounding: 'halfEven' }).transactions[0]?.amount.toString()).toBe('115.83');
  });

  it('refuses a file without an <OFX> element', () => {
    expect(() => parseOfx('hello')).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED_FILE' }));
  });

  it('refuses a file with no statement in it', () => {
    expect(() => parseOfx('<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>')).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED_FILE' }));
  });

  it("quotes the server's refusal when a file holds only a failed sign-on (ofxparse's signon_fail case)", () => {
    const ofx = '<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>15500<SEVERITY>ERROR<MESSAGE>Your request could not be processed</STATUS></SONRS></SIGNONMSGSRSV1></OFX>';
    expect(() => parseOfx(ofx)).toThrow(expect.objectContaining({
      code: 'IMPORT_MALFORMED_FILE',
      message: expect.stringContaining('status 15500 (ERROR): Your request could not be processed'),
      details: expect.objectContaining({ statusCode: '15500' }),
    }));
  });

  it('refuses an option of the wrong type with INVALID_INPUT', () => {
    expect(() => parseOfx(readFixture('anzcc.ofx'), { quantityScale: 40 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('reports progress ending at the record count', () => {
    const seen: Array<[string, number, number]> = [];
    parseOfx(readFixture('bank_medium.ofx'), { onProgress: (p) => seen.push([p.phase, p.done, p.total]), progressEveryRecords: 2 });
    expect(seen.filter(([phase]) => phase === 'records')).toEqual([['records', 2, 3], ['records', 3, 3]]);
    const read = seen.filter(([phase]) => phase === 'read');
    expect(read.length).toBeGreaterThan(2);
    expect(read.at(-1)?.[1]).toBe(read.at(-1)?.[2]);
  });
});

describe('parseQfx', () => {
  it('unescapes html-vals.qfx values as Actual\'s "handles html escaped plaintext" snapshot shows', () => {
    // actualbudget/actual loot-core parse-file.test.ts + __snapshots__: amounts
    // -100 cents, payees '000000000000000' and 'TPAY <DEFTPYMT>'.
    const result = parseQfx(readFixture('html-vals.qfx'));
    expect(result.format).toBe('qfx');
    expect(result.transactions.map((t) => [t.bankTransactionId, t.postedDate, t.amount.toString(), t.payee, t.memo])).toEqual([
      ['23129130032333396279270000', '2023-05-09', '-1.00', '000000000000000', 'PREAUTHORIZED DEBIT;B.C. HYDRO & POWER AUTHORITY;Electronic Funds Transfer'],
      ['23060061032549554596530000', '2023-03-01', '-1.00', 'TPAY <DEFTPYMT>', 'PREAUTHORIZED DEBIT;LUXMORE REALTY PPTY MGMT;Electronic Funds Transfer'],
    ]);
  });
});

describe('parseOfx with several statements', () => {
  it('keeps each account apart and reads cash lines of an investment account (INVBANKTRAN)', () => {
    const bank = (id: string, type: string) =>
      `<STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>123<ACCTID>${id}<ACCTTYPE>${type}</BANKACCTFROM><BANKTRANLIST>` +
      `<STMTTRN><DTPOSTED>20240102<TRNAMT>-1.00<FITID>${id}-1</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS>`;
    const invest = '<INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>USD<INVACCTFROM><BROKERID>b.com<ACCTID>77</INVACCTFROM><INVTRANLIST>' +
      '<INVBANKTRAN><STMTTRN><TRNTYPE>DEP<DTPOSTED>20240105<TRNAMT>500.00<FITID>C1<NAME>Deposit</STMTTRN><SUBACCTFUND>CASH</INVBANKTRAN>' +
      '</INVTRANLIST></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1>';
    const result = parseOfx(`OFXHEADER:100\nENCODING:UNICODE\n\n<OFX><BANKMSGSRSV1>${bank('9100', 'CHECKING')}${bank('9200', 'SAVINGS')}</BANKMSGSRSV1>${invest}</OFX>`);
    expect(result.accounts.map((a) => [a.accountRef, a.accountType])).toEqual([['ofx:123:9100', 'CHECKING'], ['ofx:123:9200', 'SAVINGS'], ['ofx:b.com:77', 'INVESTMENT']]);
    expect(result.transactions.map((t) => [t.accountRef, t.bankTransactionId, t.amount.toString()])).toEqual([
      ['ofx:123:9100', '9100-1', '-1.00'], ['ofx:123:9200', '9200-1', '-1.00'], ['ofx:b.com:77', 'C1', '500.00'],
    ]);
  });

  it('reads a sale with commission and fees, and refuses units finer than the quantity scale', () => {
    const sell = (units: string) => '<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>USD<INVACCTFROM><BROKERID>b<ACCTID>1</INVACCTFROM><INVTRANLIST>' +
      `<SELLSTOCK><INVSELL><INVTRAN><FITID>S9<DTTRADE>20240301<DTSETTLE>20240305</INVTRAN><SECID><UNIQUEID>VTI</SECID><UNITS>${units}<UNITPRICE>250<COMMISSION>4.95<FEES>0.05<TOTAL>745.00</INVSELL><SELLTYPE>SELL</SELLSTOCK>` +
      '</INVTRANLIST></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>';
    const [sale] = parseOfx(sell('3')).investments.transactions;
    expect([sale?.kind, sale?.quantity.amount.toString(), sale?.settleDate, sale?.commission.toString(), sale?.fees.toString(), sale?.total.toString()]).toEqual(['sell', '-3', '2024-03-05', '4.95', '0.05', '745.00']);
    expect(() => parseOfx(sell('0.123456789'))).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD', details: expect.objectContaining({ record: 'SELLSTOCK', field: 'UNITS' }) }));
    expect(parseOfx(sell('0.123456789'), { quantityScale: 9 }).investments.transactions[0]?.quantity.amount.toString()).toBe('-0.123456789');
  });
});

describe('parseOfx text encodings', () => {
  const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  const body = '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>1<ACCTID>2</BANKACCTFROM><BANKTRANLIST>' +
    '<STMTTRN><DTPOSTED>20240102<TRNAMT>-3.20<FITID>E1<NAME>Café Müller</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>';

  it('decodes an SGML file by its CHARSET:1252 header', () => {
    const bytes = latin1(`OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:USASCII\nCHARSET:1252\n\n${body}`);
    expect(parseOfx(bytes).transactions[0]?.payee).toBe('Café Müller');
  });

  it('decodes an XML file by its declared encoding', () => {
    const bytes = latin1(`<?xml version="1.0" encoding="ISO-8859-1"?>\n<?OFX OFXHEADER="200" VERSION="211"?>\n${body}`);
    expect(parseOfx(bytes).transactions[0]?.payee).toBe('Café Müller');
  });

  it('decodes UTF-8 when the header says so', () => {
    const bytes = new TextEncoder().encode(`OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:UTF-8\nCHARSET:NONE\n\n${body}`);
    expect(parseOfx(bytes).transactions[0]?.payee).toBe('Café Müller');
  });
});
