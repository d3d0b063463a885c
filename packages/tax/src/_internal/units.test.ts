import { Money } from '@kronos/core-ledger';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum, allocateUnits, partOf } from './units.js';

describe('units', () => {
  it('allocates like Money.allocate', () => {
    const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 }).filter((w) => w.some((x) => x > 0));
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), weights, (total, ratios) => {
      const expected = Money.fromMinorUnits(BigInt(total), 'USD').allocate(ratios.map(String)).map((part) => part.toMinorUnits());
      expect(allocateUnits(total, ratios).map((part) => BigInt(part))).toEqual(expected);
      if (ratios.length === 2) expect(BigInt(partOf(total, ratios[0]!, ratios[0]! + ratios[1]!))).toBe(expected[0]);
    }));
  });

  it('sums safe integers exactly past 2^53', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })), (values) => {
      const sum = new ExactSum();
      for (const value of values) sum.add(value);
      expect(sum.total()).toBe(values.reduce((total, value) => total + BigInt(value), 0n));
    }));
  });
});
