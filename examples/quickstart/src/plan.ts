import { createLedger, type LedgerStore } from '@kronos/core-ledger';
import { compilePlan, createLognormalModel, parseGoal, resolveCurrentAssets, simulateGoal, solveContribution, type BalanceReader } from '@kronos/goals';
import { buildModelPortfolio } from '@kronos/portfolio';
import { scoreRiskQuestionnaire } from '@kronos/risk';

/** Yearly drift and volatility of the two sleeves the demo simulates (broad equities and broad bonds). */
const equityDrift = 0.07;
const bondDrift = 0.03;
const equityVolatility = 0.18;
const bondVolatility = 0.06;
const correlation = 0.1;

/**
 * The demo's second part, on the books `runBooks` wrote: Ana answers the risk
 * questionnaire, gets a model portfolio for her score, and checks her
 * retirement plan by a seeded Monte Carlo simulation that starts from her
 * own savings account in the ledger (through goals' `BalanceReader` port).
 * Returns the printed report; the same store and seed print the same text.
 */
export async function runPlan(store: LedgerStore): Promise<string> {
  const ledger = createLedger({ store });
  const profile = scoreRiskQuestionnaire({
    version: '2026-01', age: 38, horizonYears: 27, incomeStability: 'stable', liquidityNeeds: 'little',
    netWorthBand: '50k_250k', lossReaction: 'hold', experience: 'moderate', goalType: 'growth',
  });
  const model = buildModelPortfolio(profile.combined);
  const equityWeight = model.holdings.filter((h) => h.assetClass.endsWith('_equity')).reduce((sum, h) => sum + h.weight, 0);

  // goals never imports core-ledger: the host adapts the ledger to the port in a few lines.
  const balances: BalanceReader = {
    async balancesOf(entityId) {
      const accounts = (await ledger.listAccounts(entityId)).filter((account) => account.type === 'asset');
      return Promise.all(accounts.map(async (account) => ({ accountId: account.id, amount: (await ledger.getBalance({ accountId: account.id, asOf: '2026-01-31' })).toString() })));
    },
  };
  const goal = parseGoal({
    type: 'retirement', id: 'ana-retirement', asOf: '2026-02-01',
    currentAssets: { kind: 'ledger', holdings: [{ entityId: 'ana', accountIds: ['ana:checking'] }] },
    currentAge: 38, retirementAge: 65, lifeExpectancy: 92,
    annualSpending: '48000', contributions: [{ amount: '1500', growthRatePerYear: 0.02 }],
    inflation: { kind: 'fixed', ratePerYear: 0.025 }, feeBps: Math.round(model.expenseRatioBps),
  });
  const saved = await resolveCurrentAssets(goal.currentAssets, { balances });
  const covariance = [
    [equityVolatility ** 2, correlation * equityVolatility * bondVolatility],
    [correlation * equityVolatility * bondVolatility, bondVolatility ** 2],
  ];
  const returns = createLognormalModel({ driftPerYear: [equityDrift, bondDrift], covariancePerYear: covariance });
  const simulation = { seed: 'kronos-demo', paths: 5000, allocation: { kind: 'fixed' as const, weights: [equityWeight, 1 - equityWeight] } };
  const result = simulateGoal(compilePlan(goal, saved), returns, simulation);
  // The extra monthly saving that lifts the plan to an 80% success rate, on the same seeded paths.
  const extra = solveContribution(goal, { model: returns, currentAssets: saved, simulation, targetSuccess: 0.8 });
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const atRetirement = result.bands.points.find((point) => point.age === 65);
  return [
    `Risk profile: ${profile.label} (score ${profile.combined} of 10; tolerance ${profile.tolerance}, capacity ${profile.capacity})`,
    `Model portfolio (${model.expenseRatioBps.toFixed(1)} bps a year):`,
    ...model.holdings.map((h) => `  ${h.fund.symbol.padEnd(6)} ${percent(h.weight).padStart(6)}  ${h.assetClass}`),
    `Retirement plan from ${saved} USD saved (the ledger's ana:checking), 5,000 seeded paths:`,
    `  success ${percent(result.success.probability)} ± ${percent(result.success.standardError)}`,
    `  wealth at 65 in today's money: 5th percentile ${Math.round(atRetirement?.values[0] ?? 0)}, median ${Math.round(atRetirement?.values[2] ?? 0)}, 95th ${Math.round(atRetirement?.values[4] ?? 0)} USD`,
    `  to reach 80%: save ${Number(extra.value).toFixed(2)} USD more a month (success then ${percent(extra.success.probability)})`,
  ].join('\n');
}
