import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestLedger, seedPersonAndLlc, snapshotLedger } from '@kronos/core-ledger/testing';
import { createPgliteStore } from './index.js';

const folder = mkdtempSync(join(tmpdir(), 'kronos-pglite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('createPgliteStore', () => {
  it('persists the books to a folder and finds them there after the database is closed and opened again', async () => {
    const dataDir = join(folder, '.kronos-data');
    const first = await createPgliteStore({ dataDir, migrate: true });
    const ledger = createTestLedger(first);
    await seedPersonAndLlc(ledger);
    await ledger.postEntry({ id: 'rent', date: '2026-01-05', description: 'Rent', postings: [{ accountId: 'ana:housing', amount: '1200.00' }, { accountId: 'ana:checking', amount: '-1200.00' }] });
    const before = await snapshotLedger(ledger);
    await first.close();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const reopened = await createPgliteStore({ dataDir });
    const again = createTestLedger(reopened);
    expect(await snapshotLedger(again)).toEqual(before);
    expect((await again.getBalance({ accountId: 'ana:checking' })).toString()).toBe('8800.00');
    expect((await again.verifyAudit()).ok).toBe(true);
    await reopened.close();
  });
});
