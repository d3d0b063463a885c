import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.js';
import { createTestLedger, seedPersonAndLlc } from '../testing/fixtures.js';
import { formatBalanceSheet, formatIncomeStatement, formatVeilReport } from './format-text.js';

describe('formatBalanceSheet, formatIncomeStatement and formatVeilReport', () => {
  it('render the statements and the veil report line by line', async () => {
    const ledger = createTestLedger(createMemoryStore());
    await seedPersonAndLlc(ledger);
    await ledger.recordFlow({ id: 'cap', kind: 'equity_contribution', date: '2026-01-02', amount: '2000.00', from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'llc', accountId: 'llc:checking' }, purpose: 'Capital', legalBasis: 'OA 4.1', authorizedBy: 'Ana' });
    await ledger.postEntry({ id: 'bill', date: '2026-01-05', description: 'Hosting', postings: [{ accountId: 'llc:software', amount: '30.00' }, { accountId: 'llc:checking', amount: '-30.00' }] });
    const sheet = formatBalanceSheet(await ledger.balanceSheet({ entityId: 'llc', asOf: '2026-01-31' }), { title: 'Ana Studio LLC' });
    expect(sheet.split('\n')[0]).toBe('Balance sheet: Ana Studio LLC, as of 2026-01-31');
    expect(sheet).toMatch(/Assets:Bank:Checking\s+1970\.00 USD/);
    expect(sheet).toMatch(/Current earnings \(not yet closed\)\s+-30\.00 USD/);
    expect(sheet).toMatch(/Total equity\s+1970\.00 USD/);
    expect(sheet).not.toMatch(/Accounts Receivable/);
    expect(formatBalanceSheet(await ledger.balanceSheet({ entityId: 'llc', asOf: '2026-01-31' }), { showZeroLines: true })).toMatch(/Assets:Accounts Receivable\s+0\.00 USD/);
    expect(sheet.endsWith('Assets = liabilities + equity: yes')).toBe(true);
    expect(formatIncomeStatement(await ledger.incomeStatement({ entityId: 'llc', from: '2026-01-01', to: '2026-01-31' }))).toMatch(/Net income\s+-30\.00 USD/);
    const veil = formatVeilReport(await ledger.veilReport({ from: '2026-01-01', to: '2026-01-31' }));
    expect(veil.split('\n')[0]).toBe('Veil report 2026-01-01 to 2026-01-31 (ana, llc): OK');
    expect(veil).toContain('2026-01-02 cap equity_contribution: ana -> llc 2000.00 USD');
    expect(veil).toContain('entries: cap/from (ana), cap/to (llc); documented: yes');
  });
});
