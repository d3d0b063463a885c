import { describe, expect, it } from 'vitest';
import { Money } from '../money/money.js';
import { failureCode } from '../testing/fixtures.js';
import { estimateBillAmount } from './estimate-bill-amount.js';

describe('estimateBillAmount', () => {
  it('averages the latest payments and refuses empty or mixed histories', async () => {
    const history = ['-10.00', '-20.00', '-40.01'].map((amount, index) => ({ date: `2026-0${index + 1}-15`, amount: Money.of(amount, 'USD') }));
    expect(estimateBillAmount(history, { lastN: 2 }).toString()).toBe('30.00');
    expect(estimateBillAmount(history, { lastN: 10 }).toString()).toBe('23.34');
    expect(await failureCode(async () => estimateBillAmount([]))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => estimateBillAmount(history, { lastN: 0 }))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => estimateBillAmount([...history, { date: '2026-04-15', amount: Money.of('1', 'EUR') }]))).toBe('CURRENCY_MISMATCH');
  });
});
