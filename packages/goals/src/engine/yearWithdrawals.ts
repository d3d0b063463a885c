import type { CashflowPlan } from '../model/compilePlan.js';
import {
  constantRealWithdrawal,
  guytonKlingerWithdrawal,
  percentOfPortfolioWithdrawal,
  vanguardDynamicWithdrawal,
  vpwPercentage,
  type WithdrawalYearState,
} from '../withdrawal/strategies.js';
import type { WithdrawalState } from './pathBlocks.js';
import type { Schedule } from './schedule.js';

/**
 * Sets each path's withdrawal for the year starting at `month` with the plan's
 * strategy. For constant real spending the amount is the spending need (net of
 * other income and grossed up for tax month by month); for the others it is the
 * gross amount taken from the portfolio.
 */
export function setYearWithdrawals(plan: CashflowPlan, schedule: Schedule, s: { wealth: Float64Array; priceIndex: Float64Array }, w: WithdrawalState, month: number): void {
  const yearIndex = Math.round((month - plan.withdrawalStartMonth) / 12);
  const yearsRemaining = Math.max(1, Math.ceil((schedule.horizonMonths - month) / 12));
  const strategy = plan.withdrawal;
  // One state object, refilled per path: a year of 10,000 paths allocates nothing.
  const state: { -readonly [K in keyof WithdrawalYearState]: WithdrawalYearState[K] } = {
    yearIndex,
    yearsRemaining,
    portfolioValue: 0,
    priorWithdrawal: 0,
    inflationLastYear: 0,
    portfolioReturnLastYear: 0,
  };
  for (let p = 0; p < s.wealth.length; p++) {
    const value = s.wealth[p] as number;
    const price = s.priceIndex[p] as number;
    state.portfolioValue = value;
    state.priorWithdrawal = w.annualWithdrawal[p] as number;
    state.inflationLastYear = price / (w.yearStartPrice[p] as number) - 1;
    state.portfolioReturnLastYear = (w.yearGrowth[p] as number) - 1;
    let amount: number;
    switch (strategy.kind) {
      case 'constantReal':
        amount = constantRealWithdrawal(plan.spendingReal * price, state);
        break;
      case 'percentOfPortfolio':
        amount = percentOfPortfolioWithdrawal(strategy.rate, strategy.floorRatio * plan.spendingReal * price, (strategy.ceilingRatio ?? Number.POSITIVE_INFINITY) * plan.spendingReal * price, value);
        break;
      case 'guytonKlinger':
        amount = guytonKlingerWithdrawal(strategy, state);
        break;
      case 'vpw': {
        const ageNow = plan.startAge === null ? null : plan.startAge + month / 12;
        const years = ageNow === null ? yearsRemaining : Math.max(1, Math.ceil(strategy.endAge - ageNow));
        amount = vpwPercentage(strategy.realRate, years) * value;
        break;
      }
      case 'vanguardDynamic':
        amount = vanguardDynamicWithdrawal(strategy, state);
        break;
    }
    w.annualWithdrawal[p] = amount;
    w.yearStartPrice[p] = price;
    w.yearStartWealth[p] = value;
    w.yearGrowth[p] = 1;
  }
}
