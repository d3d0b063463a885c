import { Money, asset, isKronosError } from '@kronos/core-ledger';
import { describe, expect, it } from 'vitest';
import { accounts, buy, reinvest } from '../_internal/testRecords.js';
import { computeTaxLots } from '../lots/computeTaxLots.js';
import { createSellCostFunction } from './createSellCostFunction.js';
import { HarvestOpportunityEventSchema, publishHarvestOpportunities } from './publishHarvestOpportunities.js';
import { scanHarvestOpportunities } from './scanHarvestOpportunities.js';

const profile = { accounts: [accounts.brokerage, accounts.ira] };
const rates = { shortTerm: '0.35', longTerm: '0.15', state: '0.05' };
const usd = (amount: string) => Money.of(amount, 'USD');
const settings = {
  asOf: '2024-08-01',
  accounts: profile.accounts,
  rates,
  prices: { VTI: usd('200.00'), VXUS: usd('50.00'), BND: usd('70.00') },
  partners: { VTI: ['VTI', 'ITOT', 'SCHB'], VXUS: ['IXUS'] },
  substantiallyIdentical: [{ id: 'total-us', symbols: ['VTI', 'ITOT'] }],
};

describe('scanHarvestOpportunities', () => {
  const ledger = computeTaxLots([
    buy({ id: 'vti-old', date: '2022-03-01', symbol: 'VTI', quantity: '10', cost: '2500.00' }),
    buy({ id: 'vti-new', date: '2024-02-01', symbol: 'VTI', quantity: '10', cost: '2300.00' }),
    buy({ id: 'vxus', date: '2024-01-02', symbol: 'VXUS', quantity: '100', cost: '5300.00' }),
    buy({ id: 'bnd', date: '2024-01-02', symbol: 'BND', quantity: '10', cost: '710.00' }),
    buy({ id: 'ira-vti', accountId: 'ira', date: '2023-01-03', symbol: 'VTI', quantity: '5', cost: '1500.00' }),
  ], profile);

  it('values each loss at its term rate plus state, less commission and half-spread on two trades', () => {
    const found = scanHarvestOpportunities(ledger.openLots, { ...settings, commissionUsd: usd('1.00'), spreadBps: '10' });
    const vtiOld = found.find((o) => o.lotId === 'vti-old');
    // Loss 2500 - 2000 = 500 long-term: 500 x 0.20 = 100.00; costs 2 x (1.00 + 2000 x 0.0005) = 4.00.
    expect([vtiOld?.unrealizedLoss.toString(), vtiOld?.term, vtiOld?.taxSaving.toString(), vtiOld?.tradingCost.toString(), vtiOld?.estimatedBenefit.toString()])
      .toEqual(['500.00', 'long', '100.00', '4.00', '96.00']);
    const vtiNew = found.find((o) => o.lotId === 'vti-new');
    // Loss 300 short-term: 300 x 0.40 = 120.00, less 4.00.
    expect([vtiNew?.term, vtiNew?.estimatedBenefit.toString()]).toEqual(['short', '116.00']);
  });

  it('proposes the first partner that is not substantially identical, the lockout end and the swap back', () => {
    const [first] = scanHarvestOpportunities(ledger.openLots, settings).filter((o) => o.symbol === 'VTI');
    expect([first?.replacement, first?.lockoutEndsOn, first?.swapBack]).toEqual(['SCHB', '2024-09-01', { on: '2024-09-01', sell: 'SCHB', buy: 'VTI' }]);
  });

  it('skips gains, IRA lots and losses under either threshold', () => {
    const found = scanHarvestOpportunities(ledger.openLots, { ...settings, lossThresholdUsd: usd('400.00'), lossThresholdFraction: '0.1' });
    // VTI old: 500 (20%) passes; VTI new: 300 fails $400; VXUS: 300 (5.7%) fails; BND gains; the IRA lot is not scanned.
    expect(found.map((o) => o.lotId)).toEqual(['vti-old']);
  });

  it('blocks a lot when a substantially identical purchase was made in the last 30 days, a reinvested dividend included', () => {
    const withDividend = computeTaxLots([
      buy({ id: 'vxus', date: '2024-01-02', symbol: 'VXUS', quantity: '100', cost: '5300.00' }),
      reinvest({ id: 'div', date: '2024-07-15', symbol: 'VXUS', quantity: '1', cost: '50.00' }),
    ], profile);
    const vxus = scanHarvestOpportunities(withDividend.openLots, settings).find((o) => o.lotId === 'vxus');
    expect(vxus?.blocked).toEqual({ reason: 'recent_purchase', purchasedOn: '2024-07-15', clearsOn: '2024-08-15' });
  });

  it('blocks a lot when a contribution into the group is scheduled in the next 30 days, in any ticker of the group', () => {
    const found = scanHarvestOpportunities(ledger.openLots, { ...settings, scheduledContributions: [{ symbol: 'ITOT', date: '2024-08-20' }] });
    expect(found.filter((o) => o.symbol === 'VTI').map((o) => o.blocked)).toEqual([
      { reason: 'scheduled_contribution', scheduledOn: '2024-08-20' },
      { reason: 'scheduled_contribution', scheduledOn: '2024-08-20' },
    ]);
    expect(found.find((o) => o.symbol === 'VXUS')?.blocked).toBeUndefined();
  });

  it('blocks a lot whose trading costs exceed the tax saving', () => {
    // Two trades at $55: VXUS saves 120.00 > 110.00; the old VTI lot saves 100.00 < 110.00.
    const found = scanHarvestOpportunities(ledger.openLots, { ...settings, commissionUsd: usd('55.00') });
    expect(found.find((o) => o.lotId === 'vxus')?.blocked).toBeUndefined();
    expect(found.find((o) => o.lotId === 'vti-old')?.blocked).toEqual({ reason: 'cost_exceeds_benefit' });
  });

  it('refuses malformed settings with INVALID_INPUT', () => {
    try {
      scanHarvestOpportunities(ledger.openLots, { ...settings, asOf: '2024-13-01' });
      expect.unreachable();
    } catch (error) {
      expect(isKronosError(error, 'INVALID_INPUT')).toBe(true);
    }
  });
});

describe('publishHarvestOpportunities', () => {
  it('emits one valid harvest_opportunity event per unblocked proposal, stamped by the injected clock', async () => {
    const ledger = computeTaxLots([buy({ id: 'vti-old', date: '2022-03-01', symbol: 'VTI', quantity: '10', cost: '2500.00' })], profile);
    const published: unknown[] = [];
    const events = await publishHarvestOpportunities(scanHarvestOpportunities(ledger.openLots, settings), {
      publisher: { publish: async (event) => { published.push(event); } },
      clock: () => new Date('2024-08-01T14:30:00Z'),
    });
    expect(published).toEqual(events);
    expect(events).toHaveLength(1);
    const event = HarvestOpportunityEventSchema.parse(published[0]);
    expect([event.occurredAt, event.payload.lotId, event.payload.estimatedBenefit.amount, event.payload.replacement]).toEqual(['2024-08-01T14:30:00.000Z', 'vti-old', '100.00', 'SCHB']);
  });
});

describe('createSellCostFunction', () => {
  const ledger = computeTaxLots([
    buy({ id: 'old', date: '2023-01-03', symbol: 'X', quantity: '10', cost: '1000.00' }),
    buy({ id: 'new', date: '2024-05-01', symbol: 'X', quantity: '10', cost: '1800.00' }),
    buy({ id: 'ira', accountId: 'ira', date: '2024-05-01', symbol: 'X', quantity: '10', cost: '1800.00' }),
  ], profile);
  const sellCost = createSellCostFunction({ ledger, profile, rates, commissionUsd: usd('1.00') });
  const x = (quantity: string) => Money.of(quantity, asset('X', 0));

  it('prices a FIFO sale: long-term gain at 20%, plus commission', () => {
    const cost = sellCost({ accountId: 'brokerage', symbol: 'X', quantity: x('4'), price: usd('150.00'), date: '2024-08-01' });
    expect([cost.longTermGainUsd.toString(), cost.taxUsd.toString(), cost.costUsd.toString(), cost.lots.map((l) => l.lotId)]).toEqual(['200.00', '40.00', '41.00', ['old']]);
  });

  it('counts a loss as a benefit (negative cost), unless a recent purchase would wash it', () => {
    const sellNew = createSellCostFunction({ ledger, profile: { ...profile, defaultMethod: 'lifo' }, rates });
    const late = sellNew({ accountId: 'brokerage', symbol: 'X', quantity: x('10'), price: usd('150.00'), date: '2024-08-01' });
    expect([late.shortTermGainUsd.toString(), late.washSaleRisk, late.costUsd.toString()]).toEqual(['-300.00', false, '-120.00']);
    const early = sellNew({ accountId: 'brokerage', symbol: 'X', quantity: x('10'), price: usd('150.00'), date: '2024-05-20' });
    expect([early.washSaleRisk, early.taxUsd.toString()]).toEqual([true, '0.00']);
  });

  it('charges no tax in an IRA', () => {
    expect(sellCost({ accountId: 'ira', symbol: 'X', quantity: x('10'), price: usd('250.00'), date: '2024-08-01' }).taxUsd.toString()).toBe('0.00');
  });

  it('refuses to sell more than the account holds with INSUFFICIENT_SHARES', () => {
    expect(() => sellCost({ accountId: 'brokerage', symbol: 'X', quantity: x('21'), price: usd('1.00'), date: '2024-08-01' })).toThrow(/only 20 are held/);
  });
});
