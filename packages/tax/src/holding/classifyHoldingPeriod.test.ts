import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHoldingPeriod, holdingPeriodAnniversary, tackHoldingPeriod } from './classifyHoldingPeriod.js';

describe('classifyHoldingPeriod', () => {
  // IRS Publication 550 (2024), chapter 4, "Holding Period": property bought on
  // February 5 and sold on February 5 of the next year is held one year, not more;
  // sold on February 6 it is held more than one year.
  it('treats a sale on the anniversary as short-term (Publication 550 (2024), ch. 4, Holding Period)', () => {
    expect(classifyHoldingPeriod('2023-02-05', '2024-02-05')).toBe('short');
  });

  it('treats a sale the day after the anniversary as long-term (Publication 550 (2024), ch. 4, Holding Period)', () => {
    expect(classifyHoldingPeriod('2023-02-05', '2024-02-06')).toBe('long');
  });

  it('does not count 366 days as more than a year across a leap day', () => {
    // 2023-03-01 -> 2024-03-01 is 366 days, yet exactly one year: still short-term.
    expect(classifyHoldingPeriod('2023-03-01', '2024-03-01')).toBe('short');
    expect(classifyHoldingPeriod('2023-03-01', '2024-03-02')).toBe('long');
  });

  it('makes property acquired on 29 February long-term from 1 March of the next year', () => {
    expect(holdingPeriodAnniversary('2024-02-29')).toBe('2025-02-28');
    expect(classifyHoldingPeriod('2024-02-29', '2025-02-28')).toBe('short');
    expect(classifyHoldingPeriod('2024-02-29', '2025-03-01')).toBe('long');
  });

  it('keeps month ends on their own day rather than the end of the month', () => {
    expect(classifyHoldingPeriod('2023-01-31', '2024-01-31')).toBe('short');
    expect(classifyHoldingPeriod('2023-01-31', '2024-02-01')).toBe('long');
    expect(classifyHoldingPeriod('2023-04-30', '2024-04-30')).toBe('short');
    expect(classifyHoldingPeriod('2023-04-30', '2024-05-01')).toBe('long');
    expect(classifyHoldingPeriod('2022-12-31', '2023-12-31')).toBe('short');
    expect(classifyHoldingPeriod('2022-12-31', '2024-01-01')).toBe('long');
  });

  it('counts 28 February into a leap year to the same day, not to the leap day', () => {
    expect(classifyHoldingPeriod('2023-02-28', '2024-02-28')).toBe('short');
    expect(classifyHoldingPeriod('2023-02-28', '2024-02-29')).toBe('long');
  });

  describe('properties', () => {
    const day = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 0, 1)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));

    it('a sale within one year is never long-term', () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 0, max: 365 }), (start, offset) => {
          const sold = new Date(`${start}T00:00:00Z`);
          sold.setUTCDate(sold.getUTCDate() + offset);
          return classifyHoldingPeriod(start, sold.toISOString().slice(0, 10)) === 'short';
        }),
        { numRuns: 300 },
      );
    });

    it('a sale more than 366 days later is always long-term', () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 367, max: 4000 }), (start, offset) => {
          const sold = new Date(`${start}T00:00:00Z`);
          sold.setUTCDate(sold.getUTCDate() + offset);
          return classifyHoldingPeriod(start, sold.toISOString().slice(0, 10)) === 'long';
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('tackHoldingPeriod', () => {
  it('moves the start back by the days the sold shares were held', () => {
    expect(tackHoldingPeriod({ soldStart: '2024-01-01', soldOn: '2024-03-01', replacementAcquiredOn: '2024-03-10' })).toBe('2024-01-10');
  });

  it('keeps the combined holding period across a leap day', () => {
    // 2023-12-01 -> 2024-03-01 is 91 days (29 February included).
    expect(tackHoldingPeriod({ soldStart: '2023-12-01', soldOn: '2024-03-01', replacementAcquiredOn: '2024-03-05' })).toBe('2023-12-05');
  });
});
