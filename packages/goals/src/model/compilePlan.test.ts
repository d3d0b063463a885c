import { describe, expect, it } from 'vitest';
import type { BalanceReader } from '../ports/balances.js';
import { compilePlan, planMonthDate } from './compilePlan.js';
import { parseGoal } from './parseGoal.js';
import { resolveCurrentAssets } from './resolveCurrentAssets.js';

const base = { id: 'g', asOf: '2026-01-15', currentAssets: { kind: 'given', amount: '1000' } };

describe('compilePlan', () => {
  it('counts calendar months to a goal date', () => {
    expect(compilePlan(parseGoal({ ...base, type: 'wealthBuilding', target: '1', date: '2031-01-01' }), '1000').horizonMonths).toBe(60);
  });
  it('spreads contributions by frequency and grows them each year', () => {
    const goal = parseGoal({ ...base, type: 'wealthBuilding', target: '1', date: '2029-01-15', contributions: [{ amount: '100', frequency: 'quarterly', growthRatePerYear: 0.1 }] });
    const flows = compilePlan(goal, '0').externalFlows;
    [100, 0, 100, 110, 121].forEach((amount, i) => expect(flows[[0, 1, 3, 12, 24][i] as number]).toBeCloseTo(amount, 9));
  });
  it('stops retirement contributions at retirement and starts withdrawals there', () => {
    const goal = parseGoal({ ...base, type: 'retirement', currentAge: 60, retirementAge: 62, lifeExpectancy: 90, annualSpending: '50000', contributions: [{ amount: '500' }] });
    const plan = compilePlan(goal, '1000');
    expect(plan.withdrawalStartMonth).toBe(24);
    expect(plan.horizonMonths).toBe(360);
    expect([plan.externalFlows[23], plan.externalFlows[24]]).toEqual([500, 0]);
  });
  it('places a lump sum in its month', () => {
    const goal = parseGoal({ ...base, type: 'wealthBuilding', target: '1', date: '2027-01-15', lumpSums: [{ amount: '-2500.50', date: '2026-03-01' }] });
    expect(compilePlan(goal, '0').externalFlows[2]).toBe(-2500.5);
  });
  it('refuses a lump sum after the goal with INVALID_GOAL', () => {
    const goal = parseGoal({ ...base, type: 'wealthBuilding', target: '1', date: '2027-01-15', lumpSums: [{ amount: '1', date: '2030-01-01' }] });
    expect(() => compilePlan(goal, '0')).toThrow(expect.objectContaining({ code: 'INVALID_GOAL' }));
  });
  it('refuses a goal dated before the plan', () => {
    expect(() => compilePlan(parseGoal({ ...base, type: 'wealthBuilding', target: '1', date: '2025-01-01' }), '0')).toThrow(expect.objectContaining({ code: 'INVALID_GOAL' }));
  });
  it('names the calendar date of a plan month', () => {
    expect(planMonthDate('2026-01-31', 1)).toBe('2026-02-28');
  });
});

describe('resolveCurrentAssets', () => {
  const reader: BalanceReader = {
    async balancesOf(entityId) {
      return entityId === 'me'
        ? [
            { accountId: 'brokerage', amount: '0.10' },
            { accountId: 'ira', amount: '0.20' },
          ]
        : [{ accountId: 'llc-cash', amount: '1000000000000.01' }];
    },
  };
  it('adds ledger balances exactly (0.1 + 0.2 is 0.3)', async () => {
    expect(await resolveCurrentAssets({ kind: 'ledger', holdings: [{ entityId: 'me' }] }, { balances: reader })).toBe('0.3');
  });
  it('keeps only the named accounts, across entities', async () => {
    const assets = { kind: 'ledger' as const, holdings: [{ entityId: 'me', accountIds: ['ira'] }, { entityId: 'llc' }] };
    expect(await resolveCurrentAssets(assets, { balances: reader })).toBe('1000000000000.21');
  });
  it('refuses ledger assets without a reader with BALANCES_UNAVAILABLE', async () => {
    await expect(resolveCurrentAssets({ kind: 'ledger', holdings: [{ entityId: 'me' }] })).rejects.toMatchObject({ code: 'BALANCES_UNAVAILABLE' });
  });
  it('refuses an unknown account with ACCOUNT_NOT_FOUND', async () => {
    await expect(resolveCurrentAssets({ kind: 'ledger', holdings: [{ entityId: 'me', accountIds: ['nope'] }] }, { balances: reader })).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });
});
