import { describe, expect, it } from 'vitest';
import { parseQif } from '@kronos/adapters/import';
import { readFixture } from '../_internal/fixtures.js';

describe('parseQif', () => {
  it('reads qif-category.qif with payees and categories as Actual\'s "qif import preserves categories" asserts', () => {
    // actualbudget/actual loot-core parse-file.test.ts expects payee_name
    // 'Outlet' / category 'Shopping' and 'GroceriesYou' / 'Groceries'. Actual
    // keeps the leaf of the category path; we keep the whole path as written.
    const result = parseQif(readFixture('qif-category.qif'), { defaultCurrency: 'USD', accountRef: 'checking' });
    expect(result.transactions.map((t) => [t.payee, t.category?.split(':').at(-1)])).toEqual([['Outlet', 'Shopping'], ['GroceriesYou', 'Groceries']]);
    expect(result.transactions.map((t) => [t.postedDate, t.amount.toString(), t.memo, t.category])).toEqual([
      ['2024-06-24', '-100.58', 'Pay Designer Outlet', 'Usual Expenses:Shopping'],
      ['2024-06-23', '-20.15', 'Pay Groceries', 'Groceries'],
    ]);
    expect(result.transactions[0]?.accountRef).toBe('checking');
  });

  it('reads dates in a given day-first layout', () => {
    const result = parseQif('!Type:CCard\nD24/06/2024\nT1,234.50\nPRefund\n^\n', { defaultCurrency: 'EUR', dateFormat: 'dd/MM/yyyy' });
    expect(result.transactions[0]?.postedDate).toBe('2024-06-24');
    expect(result.transactions[0]?.amount.toString()).toBe('1234.50');
  });

  it("reads Quicken's apostrophe years and a last record without ^", () => {
    const result = parseQif("!Type:Bank\nD1/5'24\nU-3.00\nPBakery", { defaultCurrency: 'USD' });
    expect(result.transactions.map((t) => [t.postedDate, t.amount.toString()])).toEqual([['2024-01-05', '-3.00']]);
  });

  it('takes the account name from an !Account block', () => {
    const result = parseQif('!Account\nNCHECKINGMAIN\nTBank\n^\n!Type:Bank\nD1/2/2024\nT5\n^\n', { defaultCurrency: 'USD' });
    expect(result.transactions[0]?.accountRef).toBe('qif:CHECKINGMAIN');
  });

  it('refuses a file without a currency, saying to pass defaultCurrency', () => {
    expect(() => parseQif(readFixture('qif-category.qif'))).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD', message: expect.stringContaining('defaultCurrency') }));
  });

  it('refuses an unreadable date naming the record', () => {
    expect(() => parseQif('!Type:Bank\nDyesterday\nT1\n^\n', { defaultCurrency: 'USD' })).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD', details: expect.objectContaining({ record: 'record', index: 1, field: 'D' }) }));
  });

  it('refuses register types it does not read', () => {
    expect(() => parseQif('!Type:Budget\nD1/2/2024\n^\n', { defaultCurrency: 'USD' })).toThrow(expect.objectContaining({ code: 'IMPORT_UNKNOWN_FORMAT' }));
  });

  it('refuses text without a !Type header', () => {
    expect(() => parseQif('D1/2/2024\nT1\n^\n', { defaultCurrency: 'USD' })).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED_FILE' }));
  });
});

describe('parseQif investment registers', () => {
  const qif = [
    '!Type:Security', 'NVanguard Total Stock Market', 'SVTI', 'TStock', '^',
    '!Account', 'NBrokerage', 'TInvst', '^',
    '!Type:Invst',
    'D1/2/2024', 'NBuy', 'YVanguard Total Stock Market', 'I235.10', 'Q10', 'T2,352.00', 'O1.00', '^',
    'D3/1/2024', 'NSell', 'YVanguard Total Stock Market', 'I250.00', 'Q4', 'T999.00', 'O1.00', '^',
    'D3/15/2024', 'NReinvDiv', 'YVanguard Total Stock Market', 'I248.00', 'Q0.05', 'T12.40', '^',
    'D3/20/2024', 'NXOut', 'PTo checking', 'T500.00', 'L[Checking]', '^',
    '',
  ].join('\n');

  it('reads buys, sells and reinvestments with the symbol from the security list', () => {
    const result = parseQif(qif, { defaultCurrency: 'USD' });
    expect(result.investments.transactions.map((t) => [t.kind, t.tradeDate, t.symbol, t.quantity.amount.toString(), t.unitPrice.amount.toString(), t.total.toString(), t.commission.toString()])).toEqual([
      ['buy', '2024-01-02', 'VTI', '10', '235.1', '-2352.00', '1.00'],
      ['sell', '2024-03-01', 'VTI', '-4', '250', '999.00', '1.00'],
      ['reinvest', '2024-03-15', 'VTI', '0.05', '248', '-12.40', '0.00'],
    ]);
    expect(result.investments.securities).toEqual([{ securityId: 'Vanguard Total Stock Market', securityIdType: 'NAME', ticker: 'VTI', name: 'Vanguard Total Stock Market', symbol: 'VTI' }]);
    expect(result.accounts[0]).toMatchObject({ accountRef: 'qif:Brokerage', accountType: 'INVESTMENT' });
  });

  it('reads cash-only actions as transactions of the investment account', () => {
    const result = parseQif(qif, { defaultCurrency: 'USD' });
    expect(result.transactions.map((t) => [t.type, t.postedDate, t.amount.toString(), t.category])).toEqual([['xout', '2024-03-20', '-500.00', '[Checking]']]);
  });

  it('asks for a ticker when a security name is not an asset code', () => {
    const noList = qif.slice(qif.indexOf('!Account'));
    expect(() => parseQif(noList, { defaultCurrency: 'USD' })).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD', message: expect.stringContaining('securitySymbols') }));
    const mapped = parseQif(noList, { defaultCurrency: 'USD', securitySymbols: { 'Vanguard Total Stock Market': 'VTI' } });
    expect(mapped.investments.transactions[0]?.symbol).toBe('VTI');
  });
});

describe('parseQif with several accounts', () => {
  it('files each record under the !Account block in force', () => {
    const qif = '!Account\nNChecking\nTBank\n^\n!Type:Bank\nD1/2/2024\nT-5.00\nPCafe\n^\n!Account\nNVisa\nTCCard\n^\n!Type:CCard\nD1/3/2024\nT-7.00\nPBooks\n^\n';
    const result = parseQif(qif, { defaultCurrency: 'USD' });
    expect(result.transactions.map((t) => [t.accountRef, t.payee])).toEqual([['qif:Checking', 'Cafe'], ['qif:Visa', 'Books']]);
    expect(result.accounts.map((a) => a.accountRef)).toEqual(['qif:Checking', 'qif:Visa']);
  });
});
