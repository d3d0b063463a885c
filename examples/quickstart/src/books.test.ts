import { createLedger, createMemoryStore } from '@kronos/core-ledger';
import { createPgliteStore } from '@kronos/adapters/pglite';
import { describe, expect, it } from 'vitest';
import { runBooks } from './books.js';

describe('the quickstart demo', () => {
  it('prints both balance sheets and a veil report that holds', async () => {
    const report = await runBooks(createMemoryStore());
    expect(report).toContain('Balance sheet: Ana Diaz, as of 2026-01-31');
    expect(report).toContain('Balance sheet: Ana Studio LLC, as of 2026-01-31');
    expect(report).toMatch(/Assets:Bank:Checking\s+5240\.12 USD/); // 5000 capital - 659.88 bill + 2400 invoice - 1500 draw
    expect(report).toMatch(/Assets:Bank:Checking\s+4500\.00 USD/); // 8000 salary - 5000 capital + 1500 draw
    expect(report).toContain('Veil report 2026-01-01 to 2026-01-31 (ana, studio): OK');
    expect(report).toContain('Audit chain: verified');
  });

  it('changes nothing when run again on the same store, and reads the same on PGlite', async () => {
    const store = await createPgliteStore({ migrate: true });
    try {
      const first = await runBooks(store);
      const entries = (await createLedger({ store }).listJournal({})).entries.length;
      expect(await runBooks(store)).toBe(first);
      expect((await createLedger({ store }).listJournal({})).entries.length).toBe(entries);
      expect(first).toBe(await runBooks(createMemoryStore()));
    } finally {
      await store.close();
    }
  });
});
