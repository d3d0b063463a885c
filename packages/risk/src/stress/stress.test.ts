import { describe, expect, it } from 'vitest';
import { createStressScenario, historicalScenarios, runStressTest, StressScenarioSchema } from '../index.js';

const byId = (id: string) => historicalScenarios.find((s) => s.id === id)!;

describe('historicalScenarios', () => {
  it('covers 1987, 2000-02, 2008, 2020 and 2022, each valid against the schema', () => {
    expect(historicalScenarios.map((s) => s.id)).toEqual(['crash_1987', 'dotcom_2000_2002', 'gfc_2008', 'covid_2020', 'rates_2022']);
    for (const s of historicalScenarios) expect(StressScenarioSchema.safeParse(s).success).toBe(true);
  });

  it('derives every shock from its two cited index levels', () => {
    for (const scenario of historicalScenarios) {
      for (const { shock, source } of scenario.shocks) {
        expect(source).toBeDefined();
        expect(source!.to.date > source!.from.date).toBe(true);
        expect(shock).toBeCloseTo(source!.to.level / source!.from.level - 1, 4);
      }
    }
  });
});

describe('runStressTest', () => {
  const positions = [
    { id: 'spy', assetClass: 'us_equity', marketValue: 60_000 },
    { id: 'qqq', assetClass: 'us_tech_equity', marketValue: 20_000 },
    { id: 'voo', assetClass: 'us_equity', marketValue: 10_000 },
    { id: 'agg', assetClass: 'us_aggregate_bonds', marketValue: 10_000 },
  ];

  it('reports P&L by position, by asset class and in total', () => {
    const r = runStressTest(positions, byId('covid_2020'));
    expect(r.byPosition.map((p) => p.pnl)).toEqual([60_000 * -0.3392, 20_000 * -0.3012, 10_000 * -0.3392, 0]);
    const equity = r.byAssetClass.find((g) => g.assetClass === 'us_equity')!;
    expect(equity.marketValue).toBe(70_000);
    expect(equity.pnl).toBeCloseTo(-23_744, 8);
    expect(r.total.pnl).toBeCloseTo(-23_744 - 6_024, 8);
    expect(r.total.returnFraction).toBeCloseTo(-0.29768, 10);
    expect(r.unshockedAssetClasses).toEqual(['us_aggregate_bonds']);
  });

  it('makes a short position gain when its class falls', () => {
    const r = runStressTest([{ id: 'short', assetClass: 'us_equity', marketValue: -1000 }], byId('gfc_2008'));
    expect(r.total.pnl).toBeCloseTo(567.8, 10);
  });

  it('applies a proxy class to a class the scenario leaves out, and says so', () => {
    const r = runStressTest(positions, byId('gfc_2008'), { proxies: { us_tech_equity: 'us_equity' } });
    expect(r.byPosition[1]).toMatchObject({ id: 'qqq', shock: -0.5678, proxy: 'us_equity' });
    expect(r.byPosition[1]!.pnl).toBeCloseTo(-11_356, 8);
    expect(r.unshockedAssetClasses).toEqual(['us_aggregate_bonds']);
  });

  it('refuses an unshocked class when asked to', () => {
    expect(() => runStressTest(positions, byId('gfc_2008'), { unshocked: 'error' })).toThrow(
      expect.objectContaining({ code: 'UNSHOCKED_ASSET_CLASS' }),
    );
  });

  it('runs a custom scenario and refuses a malformed one', () => {
    const custom = createStressScenario({
      id: 'stagflation',
      name: 'Equities -25%, bonds -10%',
      shocks: [
        { assetClass: 'us_equity', shock: -0.25 },
        { assetClass: 'us_tech_equity', shock: -0.35 },
        { assetClass: 'us_aggregate_bonds', shock: -0.1 },
      ],
    });
    expect(runStressTest(positions, custom).total.pnl).toBeCloseTo(-17_500 - 7_000 - 1_000, 8);
    expect(() => createStressScenario({ id: 'x', name: 'x', shocks: [{ assetClass: 'a', shock: -1.5 }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() =>
      createStressScenario({ id: 'x', name: 'x', shocks: [{ assetClass: 'a', shock: -0.1 }, { assetClass: 'a', shock: -0.2 }] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => runStressTest([{ id: 'p', assetClass: 'a', marketValue: Number.NaN }], custom)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
