import { fixCommingling } from '@kronos/core-ledger';
import { createTestLedger, failureCode, seedPersonAndLlc, snapshotLedger } from '@kronos/core-ledger/testing';
import { describe, expect, it } from 'vitest';
import { createPgliteStore } from './index.js';

const doc = { purpose: 'Paid from the wrong account', legalBasis: 'Operating agreement s. 5', authorizedBy: 'Ana Diaz, sole member' };

describe('fixCommingling on PGlite', () => {
  it('writes the reversal and the documented flow in one transaction, and nothing when its last write fails', async () => {
    const store = await createPgliteStore({ migrate: true });
    try {
      const ledger = createTestLedger(store);
      await seedPersonAndLlc(ledger);
      await ledger.postEntry({ id: 'sales', date: '2026-01-02', description: 'Invoice 1', postings: [{ accountId: 'llc:checking', amount: '3000.00' }, { accountId: 'llc:revenue', amount: '-3000.00' }] });
      await ledger.postEntry({ id: 'groceries', date: '2026-01-05', description: 'Whole Foods', postings: [{ accountId: 'llc:other-expenses', amount: '84.20' }, { accountId: 'llc:checking', amount: '-84.20' }] });
      await ledger.postEntry({ id: 'adobe', date: '2026-01-06', description: 'Adobe CC', postings: [{ accountId: 'ana:other-expenses', amount: '59.99' }, { accountId: 'ana:card', amount: '-59.99' }] });
      // Leave the LLC too little to settle a reimbursement, so the fix's third write fails inside the database transaction.
      const left = (await ledger.getBalance({ accountId: 'llc:checking', asOf: '2026-12-31' })).toString();
      await ledger.postEntry({ id: 'drain', date: '2026-01-07', description: 'Payroll', postings: [{ accountId: 'llc:professional-fees', amount: left }, { accountId: 'llc:checking', amount: `-${left}` }] });
      const before = await snapshotLedger(ledger);
      const settle = { fromAccountId: 'llc:checking', toAccountId: 'ana:checking' };
      expect(await failureCode(() => fixCommingling(ledger, { id: 'fix-x', entryId: 'adobe', fix: 'reimbursement', counterpartyAccountId: 'llc:software', settle, ...doc }))).toBe('INSUFFICIENT_FUNDS');
      expect(await snapshotLedger(ledger)).toEqual(before);

      const fix = await fixCommingling(ledger, { id: 'fix-1', entryId: 'groceries', fix: 'owner_draw', counterpartyAccountId: 'ana:groceries', ...doc });
      expect([fix.reversal.reversesId, fix.flow.kind, fix.flow.purpose]).toEqual(['groceries', 'owner_draw', doc.purpose]);
      expect((await ledger.getBalance({ accountId: 'llc:other-expenses', asOf: '2026-12-31' })).toString()).toBe('0.00');
      expect((await ledger.getBalance({ accountId: 'ana:groceries', asOf: '2026-12-31' })).toString()).toBe('84.20');
      expect((await ledger.veilReport({ from: '2026-01-01', to: '2026-12-31' })).ok).toBe(true);
      expect((await ledger.verifyAudit()).ok).toBe(true);
      const after = await snapshotLedger(ledger);
      expect((await fixCommingling(ledger, { id: 'fix-1', entryId: 'groceries', fix: 'owner_draw', counterpartyAccountId: 'ana:groceries', ...doc })).flow.id).toBe('fix-1');
      expect(await snapshotLedger(ledger)).toEqual(after);
    } finally {
      await store.close();
    }
  });
});
