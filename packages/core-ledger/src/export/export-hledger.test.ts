import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../ledger/create-ledger.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createTestLedger, failureCode, snapshotLedger } from '../testing/fixtures.js';
import { exportHledger, streamHledger } from './export-hledger.js';
import { createRichLedger, expectedToolBalances } from './test/rich-ledger.js';
import { buildRandomLedger, randomLedgerArb } from './test/random-ledger.js';
import { declaredAccounts, hledgerBalances, removeTemp, run, toolTarget, writeTemp } from './test/tools.js';

afterAll(removeTemp);

/** Our balances keyed as hledger shows them. */
function expectedBalances(ledger: Ledger, journal: string, includePending: boolean): Promise<Record<string, Record<string, string>>> {
  return expectedToolBalances(ledger, declaredAccounts(journal, 'hledger'), includePending, (code) => code);
}

describe('exportHledger', () => {
  it('declares every account once, with its type, and keeps the entry id, status, tags and metadata', async () => {
    const ledger = await createRichLedger();
    const journal = await exportHledger(ledger);
    const names = declaredAccounts(journal, 'hledger');
    expect(names.get('ana:checking')).toBe('ana:Assets:Bank:Checking');
    expect(names.get('ana:meals')).toBe('ana:Expenses:Meals; "Client" dinners');
    expect(new Set(names.values()).size).toBe(names.size);
    expect(names.size).toBe((await ledger.listAccounts('ana')).length + (await ledger.listAccounts('llc')).length);
    expect(journal).toContain('2026-01-02 * (salary-jan) Salary； January "base"\n    ; entity: ana\n    ; metadata: {"lines":["a, b","c"],"source":"payroll; import"}\n');
    expect(journal).toContain('2026-03-05 ! (rent-mar) Rent； March (ACH on its way)');
    expect(journal).toContain('(loan-1-rev/to) Reversal of flow loan-1: Sent twice\n    ; entity: llc\n    ; flow: loan-1\n    ; reverses: loan-1/to\n');
    expect(journal).toContain('Café — “naïve” ☕ second line tab \\ backslash');
    expect(journal).toContain('    ana:Assets:Investments:Brokerage:BRK.B  10.125000 "BRK.B"');
    expect(journal).not.toContain('rent-void');
  });

  it('tells apart accounts whose names map alike with a suffix', async () => {
    const ledger = createTestLedger(createMemoryStore());
    await ledger.createEntity({ id: 'a', kind: 'individual', name: 'A', baseCurrency: 'USD' });
    await ledger.openAccounts([
      { id: 'x1', entityId: 'a', name: 'Assets:Due From', currency: 'USD', openedOn: '2026-01-01' },
      { id: 'x2', entityId: 'a', name: 'Assets:Due \tFrom', currency: 'USD', openedOn: '2026-01-01' },
    ]);
    const names = declaredAccounts(await exportHledger(ledger), 'hledger');
    expect([...names.entries()].sort()).toEqual([
      ['x1', 'a:Assets:Due From (2)'],
      ['x2', 'a:Assets:Due From'],
    ]);
  });

  it('streams the same text a page at a time', async () => {
    const ledger = await createRichLedger();
    const chunks: string[] = [];
    for await (const chunk of streamHledger(ledger, { pageSize: 3 })) chunks.push(chunk);
    expect(chunks.join('')).toBe(await exportHledger(ledger));
    expect(chunks.length).toBeGreaterThan(8);
  });

  it('writes nothing to the ledger', async () => {
    const ledger = await createRichLedger();
    const before = await snapshotLedger(ledger);
    await exportHledger(ledger);
    expect(await snapshotLedger(ledger)).toEqual(before);
  });

  it('refuses bad options and unknown entities with the family errors', async () => {
    const ledger = await createRichLedger();
    expect(await failureCode(() => exportHledger(ledger, { assertions: 'weekly' as 'end' }))).toBe('INVALID_INPUT');
    expect(await failureCode(() => exportHledger(ledger, { to: '2026-02-30' }))).toBe('INVALID_INPUT');
    expect(await failureCode(() => exportHledger(ledger, { entityIds: ['nobody'] }))).toBe('NOT_FOUND');
  });

  it('exports one entity and entries up to a date when asked', async () => {
    const ledger = await createRichLedger();
    const journal = await exportHledger(ledger, { entityIds: ['llc'], to: '2026-01-31' });
    expect(journal).toContain('(sale-1) Logo design');
    expect(journal).not.toContain('(salary-jan)');
    expect(journal).not.toContain('(loan-1/to)');
    expect(journal).toContain('2026-01-31 Balance assertions\n');
  });
});

const hledger = toolTarget('hledger', 'apt-get install hledger');

if (hledger.bin === undefined) {
  console.warn(`hledger: ${hledger.skipReason}`);
  describe.skip(`exportHledger through hledger: ${hledger.skipReason}`, () => {
    it('runs when hledger is installed', () => undefined);
  });
} else {
  const bin = hledger.bin;
  const check = (file: string) => {
    const result = run(bin, ['-f', file, 'check', '-s']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  };

  describe('exportHledger through hledger', () => {
    it('passes hledger check -s, and hledger bal shows exactly our balances, with and without pending entries', async () => {
      const ledger = await createRichLedger();
      const journal = await exportHledger(ledger);
      const file = writeTemp('ledger.journal', journal);
      check(file);
      expect(hledgerBalances(bin, file, false)).toEqual(await expectedBalances(ledger, journal, true));
      expect(hledgerBalances(bin, file, true)).toEqual(await expectedBalances(ledger, journal, false));
    });

    it('asserts balances that hledger checks: a changed amount fails the check', async () => {
      const ledger = await createRichLedger();
      const journal = await exportHledger(ledger);
      expect(journal).toContain('2026-01-31 Balance assertions\n');
      const tampered = journal.replace('    ana:Expenses:Café Crème  12.40 USD', '    ana:Expenses:Café Crème  12.41 USD\n    ana:Equity:Opening Balances  -0.01 USD');
      expect(tampered).not.toBe(journal);
      const result = run(bin, ['-f', writeTemp('tampered.journal', tampered), 'check', '-s']);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('balance assertion');
    });

    it('refuses an undeclared account under -s, so the declarations are what the check relies on', async () => {
      const ledger = await createRichLedger();
      const journal = (await exportHledger(ledger, { assertions: 'none' })).replace(/^account ana:Expenses:Café Crème .*$/m, '');
      const result = run(bin, ['-f', writeTemp('undeclared.journal', journal), 'check', '-s']);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('undeclared account');
    });

    describe('properties', () => {
      it('agrees with hledger: for random ledgers, the export checks strictly and hledger balances equal ours', async () => {
        await fc.assert(
          fc.asyncProperty(randomLedgerArb, async (plan) => {
            const ledger = await buildRandomLedger(plan);
            const journal = await exportHledger(ledger, { pageSize: 7 });
            const file = writeTemp('random.journal', journal);
            check(file);
            expect(hledgerBalances(bin, file, false)).toEqual(await expectedBalances(ledger, journal, true));
            expect(hledgerBalances(bin, file, true)).toEqual(await expectedBalances(ledger, journal, false));
          }),
          { numRuns: 15 },
        );
      });
    });
  });
}
