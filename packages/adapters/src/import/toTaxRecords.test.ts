import { describe, expect, it } from 'vitest';
import { parseOfx, toTaxRecords } from '@kronos/adapters/import';
import { readFixture } from '../_internal/fixtures.js';

const statement = (trades: string): string =>
  `<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>USD<INVACCTFROM><BROKERID>b.com<ACCTID>9</INVACCTFROM><INVTRANLIST>${trades}</INVTRANLIST></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>`;

describe('toTaxRecords', () => {
  it('turns the 401k buy into a buy with a positive quantity and its cost, and skips the transfers', () => {
    const { records, skipped } = toTaxRecords(parseOfx(readFixture('investment_401k.ofx')).investments);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'buy', id: 'ofx:example.org:12345678.123456-01:1', date: '2014-06-17', symbol: 'FOO' });
    expect(records[0]?.quantity.amount.toString()).toBe('8.846699');
    expect(records[0]?.kind === 'buy' ? records[0].cost.toString() : null).toBe('197.20');
    expect(skipped.map((s) => s.transaction.bankTransactionId)).toEqual(['2', '3']);
  });

  it('gives a sale positive shares and proceeds net of commission, rebuilt when TOTAL is missing', () => {
    const ofx = statement('<SELLSTOCK><INVSELL><INVTRAN><FITID>S1<DTTRADE>20240301</INVTRAN><SECID><UNIQUEID>VTI<UNIQUEIDTYPE>TICKER</SECID><UNITS>-3<UNITPRICE>250.125<COMMISSION>0.50</INVSELL><SELLTYPE>SELL</SELLTYPE></SELLSTOCK>');
    const [sale] = parseOfx(ofx).investments.transactions;
    expect(sale?.quantity.amount.toString()).toBe('-3');
    const { records } = toTaxRecords(parseOfx(ofx).investments);
    expect(records[0]?.kind).toBe('sell');
    expect(records[0]?.quantity.amount.toString()).toBe('3');
    // 3 x 250.125 = 750.375 -> 750.38 (half-even), less 0.50 commission.
    expect(records[0]?.kind === 'sell' ? records[0].proceeds.toString() : null).toBe('749.88');
  });

  it('names a record without a FITID by its content, so a re-import keeps the id', () => {
    const ofx = statement('<REINVEST><INVTRAN><DTTRADE>20240315</INVTRAN><SECID><UNIQUEID>VTI</SECID><INCOMETYPE>DIV<TOTAL>-12.34<UNITS>0.05<UNITPRICE>246.8</REINVEST>');
    const first = toTaxRecords(parseOfx(ofx).investments).records[0];
    const second = toTaxRecords(parseOfx(ofx).investments).records[0];
    expect(first?.kind).toBe('reinvest');
    expect(first?.id).toBe('ofx:b.com:9:2024-03-15:reinvest:VTI:0.05');
    expect(second?.id).toBe(first?.id);
  });
});
