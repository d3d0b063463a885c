import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isKronosError, Money, type Ledger } from '@kronos/core-ledger';
import { importIntoLedger, parseBankFile, parseCsv, parseOfx, type ImportedTransaction } from '@kronos/adapters/import';
import { createImportLedger, readFixture } from '../_internal/fixtures.js';

const ledgerWith = createImportLedger;

const mediumRef = 'ofx:160000100:12300 000012345678';
const options = { accounts: { [mediumRef]: 'ana:checking', chk: 'ana:checking' }, contraAccountId: 'ana:uncategorized' };

async function journalSize(ledger: Ledger): Promise<number> {
  return (await ledger.listJournal({ entityId: 'ana', pageSize: 500 })).entries.length;
}

describe('importIntoLedger', () => {
  it('writes each new transaction as one balanced entry, and nothing on a second import', async () => {
    const ledger = await ledgerWith('CAD');
    const file = parseOfx(readFixture('bank_medium.ofx'));
    const first = await importIntoLedger(ledger, file.transactions, options);
    expect(first.written).toHaveLength(3);
    expect(first.batches).toBe(1);
    expect((await ledger.getBalance({ accountId: 'ana:checking' })).toString()).toBe('-345.27'); // -6.60 - 316.67 - 22.00
    const entry = await ledger.getEntry(first.written[0]!.entryId);
    expect(entry.metadata).toMatchObject({ source: 'bank-import', bankTransactionId: '0000123456782009040100001', payee: "MCDONALD'S #112" });
    expect(entry.description).toBe("MCDONALD'S #112");
    const again = await importIntoLedger(ledger, parseOfx(readFixture('bank_medium.ofx')).transactions, options);
    expect(again.written).toHaveLength(0);
    expect(again.duplicates.map((d) => d.reason)).toEqual(['bank_id', 'bank_id', 'bank_id']);
    expect(await journalSize(ledger)).toBe(3);
  });

  it('keeps two identical same-day transactions of a file, and re-importing it adds nothing', async () => {
    const ledger = await ledgerWith('USD');
    const csv = 'Date,Payee,Amount\n2024-03-01,PARKING,-2.00\n2024-03-01,PARKING,-2.00\n';
    const file = parseCsv(csv, { accountRef: 'chk', currency: 'USD', preset: 'generic' });
    const first = await importIntoLedger(ledger, file.transactions, options);
    expect(first.written).toHaveLength(2);
    expect(new Set(first.written.map((w) => w.entryId)).size).toBe(2);
    expect((await importIntoLedger(ledger, file.transactions, options)).written).toHaveLength(0);
    expect(await journalSize(ledger)).toBe(2);
  });

  it('matches a transaction a person already entered by hand', async () => {
    const ledger = await ledgerWith('USD');
    await ledger.postEntry({ id: 'manual-1', date: '2024-03-02', description: 'Blue Bottle Coffee', postings: [{ accountId: 'ana:checking', amount: '-4.50' }, { accountId: 'ana:dining', amount: '4.50' }] });
    const file = parseCsv('Date,Payee,Amount\n2024-03-01,BLUE BOTTLE COFFEE #12,-4.50\n', { accountRef: 'chk', currency: 'USD', preset: 'generic' });
    const result = await importIntoLedger(ledger, file.transactions, options);
    expect(result.written).toHaveLength(0);
    expect(result.duplicates[0]?.existing.bankTransactionId).toBeNull();
    expect(result.duplicates[0]?.reason).toBe('fuzzy');
  });

  it('reports a pending entry of the ledger that has now posted, and leaves incoming pending records unwritten', async () => {
    const ledger = await ledgerWith('USD');
    await ledger.createPending({ id: 'hold-1', date: '2024-03-01', description: 'SQ *BLUE BOTTLE', postings: [{ accountId: 'ana:checking', amount: '-4.50' }, { accountId: 'ana:dining', amount: '4.50' }] });
    const base: Omit<ImportedTransaction, 'postedDate' | 'pending' | 'bankTransactionId'> = { accountRef: 'chk', amount: Money.of('-4.50', 'USD'), payee: 'SQ *BLUE BOTTLE COFFEE', memo: null, category: null, checkNumber: null, type: null, raw: {} };
    const result = await importIntoLedger(ledger, [
      { ...base, postedDate: '2024-03-03', pending: false, bankTransactionId: 'F1' },
      { ...base, postedDate: '2024-03-04', pending: true, bankTransactionId: 'P2', amount: Money.of('-9.00', 'USD') },
    ], options);
    expect(result.settled.map((m) => m.incoming.bankTransactionId)).toEqual(['F1']);
    expect(result.pending.map((t) => t.bankTransactionId)).toEqual(['P2']);
    expect(result.written).toHaveLength(0);
  });

  it('sends each transaction to the account the categoriser picks', async () => {
    const ledger = await ledgerWith('USD');
    const file = parseCsv('Date,Payee,Amount\n2024-03-01,CAFE,-3.00\n2024-03-01,RENT,-900.00\n', { accountRef: 'chk', currency: 'USD', preset: 'generic' });
    await importIntoLedger(ledger, file.transactions, { ...options, categorize: (t) => (t.payee === 'CAFE' ? 'ana:dining' : undefined) });
    expect((await ledger.getBalance({ accountId: 'ana:dining' })).toString()).toBe('3.00');
    expect((await ledger.getBalance({ accountId: 'ana:uncategorized' })).toString()).toBe('900.00');
  });

  it('writes nothing when the ledger refuses one entry (a CAD file into a USD account)', async () => {
    const ledger = await ledgerWith('USD');
    await expect(importIntoLedger(ledger, parseOfx(readFixture('bank_medium.ofx')).transactions, options)).rejects.toSatisfy((error) => isKronosError(error));
    expect(await journalSize(ledger)).toBe(0);
  });

  it('writes nothing into a closed period', async () => {
    const ledger = await ledgerWith('CAD');
    await ledger.closePeriod({ id: 'close-1', entityId: 'ana', through: '2009-04-02' });
    await expect(importIntoLedger(ledger, parseOfx(readFixture('bank_medium.ofx')).transactions, options)).rejects.toMatchObject({ code: 'PERIOD_LOCKED' });
    expect(await journalSize(ledger)).toBe(0);
  });

  it('refuses an import whose account has no ledger account, before writing', async () => {
    const ledger = await ledgerWith('CAD');
    await expect(importIntoLedger(ledger, parseOfx(readFixture('anzcc.ofx')).transactions, options)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { accountRefs: ['ofx::1234123412341234'] } });
  });

  it('refuses an import larger than one batch unless batches are allowed', async () => {
    const ledger = await ledgerWith('CAD');
    const transactions = parseOfx(readFixture('bank_medium.ofx')).transactions;
    await expect(importIntoLedger(ledger, transactions, { ...options, batchSize: 2 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await journalSize(ledger)).toBe(0);
    const progress: number[] = [];
    const result = await importIntoLedger(ledger, transactions, { ...options, batchSize: 2, allowBatches: true, onProgress: (p) => progress.push(p.done) });
    expect(result.batches).toBe(2);
    expect(progress).toEqual([2, 3]);
  });
});

describe('properties', () => {
  it('a mutated file either imports or is refused with a KronosError, and a refusal writes nothing', async () => {
    const original = readFixture('bank_medium.ofx');
    const flips = fc.array(fc.record({ at: fc.nat({ max: original.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 });
    await fc.assert(fc.asyncProperty(flips, async (changes) => {
      const ledger = await ledgerWith('CAD');
      const bytes = original.slice();
      for (const { at, byte } of changes) bytes[at] = byte;
      try {
        const file = parseBankFile(bytes, { fileName: 'bank_medium.ofx' });
        const accounts = Object.fromEntries(file.transactions.map((t) => [t.accountRef, 'ana:checking']));
        const result = await importIntoLedger(ledger, file.transactions, { accounts, contraAccountId: 'ana:uncategorized' });
        expect(await journalSize(ledger)).toBe(result.written.length);
      } catch (error) {
        if (!isKronosError(error)) throw error;
        expect(await journalSize(ledger)).toBe(0);
      }
    }), { numRuns: 60 });
  });
});
