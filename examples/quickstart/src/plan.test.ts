import { createMemoryStore } from '@kronos/core-ledger';
import { createPgliteStore } from '@kronos/adapters/pglite';
import { describe, expect, it } from 'vitest';
import { runBooks } from './books.js';
import { runPlan } from './plan.js';

describe('the demo plan', () => {
  it('starts the retirement plan from the ledger balance and prints a seeded, reproducible result', async () => {
    const store = createMemoryStore();
    await runBooks(store);
    const report = await runPlan(store);
    expect(report).toContain('Retirement plan from 4500 USD saved'); // ana:checking in the books: 8000 - 5000 + 1500
    const success = Number(/success (\d+\.\d)%/.exec(report)?.[1]);
    expect(success).toBeGreaterThan(0);
    expect(success).toBeLessThan(80);
    const reached = Number(/success then (\d+\.\d)%/.exec(report)?.[1]);
    expect(reached).toBeGreaterThanOrEqual(80);
    const weights = [...report.matchAll(/^ {2}\S+\s+(\d+\.\d)% {2}\w+$/gm)].map((m) => Number(m[1]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(await runPlan(store)).toBe(report);
  });

  it('prints the same plan on PGlite as in memory', async () => {
    const pglite = await createPgliteStore({ migrate: true });
    try {
      await runBooks(pglite);
      const memory = createMemoryStore();
      await runBooks(memory);
      expect(await runPlan(pglite)).toBe(await runPlan(memory));
    } finally {
      await pglite.close();
    }
  });
});
