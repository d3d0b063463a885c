import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  alphaBeta,
  annualReturn,
  annualVolatility,
  beta,
  calmarRatio,
  cornishFisherVar,
  correlationMatrix,
  createRng,
  createSeriesTable,
  cumulativeReturns,
  downsideRisk,
  drawdownDetails,
  fillNormal,
  gaussianVar,
  historicalCvar,
  historicalVar,
  informationRatio,
  maxDrawdown,
  monteCarloVar,
  rollMetric,
  rollPairMetric,
  rollingMaxDrawdown,
  rollingSharpeRatio,
  rollingVolatility,
  sharpeRatio,
  sortinoRatio,
  trackingError,
} from '../index.js';

// Test vectors of quantopian/empyrical empyrical/tests/test_stats.py (assert_almost_equal, 8 decimals unless noted),
// from the releases whose statistics skip missing returns (nanmean/nanstd); alpha from 0.5.x, which compounds it.
const pct = (values: number[]) => values.map((v) => v / 100);
const simpleBenchmark = pct([0, 1, 0, 1, 0, 1, 0, 1, 0]);
const flatLine1 = pct([1, 1, 1, 1, 1, 1, 1, 1, 1]);
const positiveReturns = pct([1, 2, 1, 1, 1, 1, 1, 1, 1]);
const negativeReturns = pct([0, -6, -7, -1, -9, -2, -6, -8, -5]);
const mixedReturns = pct([Number.NaN, 1, 10, -4, 2, 3, 2, 1, -10]);
const weeklyReturns = pct([0, 1, 10, -4, 2, 3, 2, 1, -10]);
const one = [-0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779, 0.01268925, -0.03357711, 0.01797036];
const two = [0.01846232, 0.00793951, -0.01448395, 0.00422537, -0.00339611, 0.03756813, 0.0151531, 0.03549769];

const close = (actual: number, expected: number, decimals = 8) => {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else if (!Number.isFinite(expected)) expect(actual).toBe(expected);
  else expect(Math.abs(actual - expected)).toBeLessThan(1.5 * 10 ** -decimals);
};

describe('cumulativeReturns', () => {
  it('matches empyrical test_cum_returns (4 decimals)', () => {
    const expected = [0.0, 0.01, 0.111, 0.066559, 0.08789, 0.12052, 0.14293, 0.15436, 0.03893];
    cumulativeReturns(mixedReturns).forEach((v, i) => close(v, expected[i]!, 4));
  });
});

describe('maxDrawdown', () => {
  it('matches empyrical test_max_drawdown', () => {
    close(maxDrawdown([]), Number.NaN);
    close(maxDrawdown(pct([1])), 0);
    close(maxDrawdown(simpleBenchmark), 0);
    close(maxDrawdown(mixedReturns), -0.1);
    close(maxDrawdown(positiveReturns), 0);
    close(maxDrawdown(negativeReturns), -0.365907303498736);
    close(maxDrawdown(pct([10, -10, 10])), -0.1);
  });
});

describe('drawdownDetails', () => {
  it('reports the peak, trough, recovery and their durations', () => {
    const d = drawdownDetails([0.1, -0.2, 0.05, 0.2, 0.01]);
    expect(d.peakIndex).toBe(0);
    expect(d.troughIndex).toBe(1);
    expect(d.recoveryIndex).toBe(3);
    expect([d.declinePeriods, d.recoveryPeriods, d.underwaterPeriods]).toEqual([1, 2, 3]);
  });

  it('reports no recovery when wealth never regains the peak, and a loss in the first period', () => {
    const d = drawdownDetails([-0.1, 0.05]);
    expect(d.peakIndex).toBe(-1);
    expect(d.recoveryIndex).toBeNull();
    expect(d.recoveryPeriods).toBeNull();
    expect(d.underwaterPeriods).toBe(2);
  });
});

describe('annualReturn', () => {
  it('matches empyrical test_annual_ret', () => {
    close(annualReturn(mixedReturns), 1.9135925373194231);
    close(annualReturn(weeklyReturns, { periodsPerYear: 52 }), 0.24690830513998208);
    close(annualReturn(weeklyReturns, { periodsPerYear: 12 }), 0.052242061386048144);
  });
});

describe('annualVolatility', () => {
  it('matches empyrical test_annual_volatility', () => {
    close(annualVolatility(flatLine1), 0);
    close(annualVolatility(mixedReturns), 0.9136465399704637);
    close(annualVolatility(weeklyReturns, { periodsPerYear: 52 }), 0.38851569394870583);
    close(annualVolatility(weeklyReturns, { periodsPerYear: 12 }), 0.18663690238892558);
  });
});

describe('calmarRatio', () => {
  it('matches empyrical test_calmar', () => {
    close(calmarRatio([]), Number.NaN);
    close(calmarRatio(pct([1])), Number.NaN);
    close(calmarRatio(mixedReturns), 19.135925373194233);
    close(calmarRatio(weeklyReturns, { periodsPerYear: 52 }), 2.4690830513998208);
    close(calmarRatio(weeklyReturns, { periodsPerYear: 12 }), 0.52242061386048144);
  });
});

describe('sharpeRatio', () => {
  it('matches empyrical test_sharpe_ratio', () => {
    close(sharpeRatio([]), Number.NaN);
    close(sharpeRatio(pct([1])), Number.NaN);
    close(sharpeRatio(mixedReturns, { riskFree: mixedReturns }), Number.NaN);
    close(sharpeRatio(mixedReturns), 1.7238613961706866);
    close(sharpeRatio(mixedReturns, { riskFree: simpleBenchmark }), 0.34111411441060574);
    close(sharpeRatio(positiveReturns), 52.915026221291804);
    close(sharpeRatio(negativeReturns), -24.406808633910085);
  });
});

describe('downsideRisk', () => {
  it('matches empyrical test_downside_risk', () => {
    close(downsideRisk(pct([1])), 0);
    close(downsideRisk(mixedReturns, { requiredReturn: mixedReturns }), 0);
    close(downsideRisk(mixedReturns), 0.60448325038829653);
    close(downsideRisk(mixedReturns, { requiredReturn: 0.1 }), 1.7161730681956295);
    close(downsideRisk(weeklyReturns, { periodsPerYear: 52 }), 0.25888650451930134);
    close(downsideRisk(weeklyReturns, { periodsPerYear: 52, requiredReturn: 0.1 }), 0.7733045971672482);
    close(downsideRisk(weeklyReturns, { periodsPerYear: 12 }), 0.1243650540411842);
    close(downsideRisk(one), 0.20671788246185202);
    close(downsideRisk(two, { periodsPerYear: 52 }), 0.037928477556776516);
  });
});

describe('sortinoRatio', () => {
  it('matches empyrical test_sortino', () => {
    close(sortinoRatio([]), Number.NaN);
    close(sortinoRatio(pct([1])), Number.NaN);
    close(sortinoRatio(mixedReturns, { requiredReturn: mixedReturns }), Number.NaN);
    close(sortinoRatio(mixedReturns), 2.605531251673693);
    close(sortinoRatio(mixedReturns, { requiredReturn: flatLine1 }), -1.3934779588919977);
    close(sortinoRatio(positiveReturns), Number.POSITIVE_INFINITY);
    close(sortinoRatio(negativeReturns), -13.532743075043401);
    close(sortinoRatio(one), 3.0639640966566306);
  });

  it("differs from empyrical's weekly/monthly vectors only by their daily-annualised downside deviation", () => {
    // empyrical's published weekly and monthly Sortino values divide by the downside deviation annualised with
    // 252 whatever the period; ours annualises both terms with periodsPerYear, so ours = theirs x sqrt(252 / periodsPerYear).
    close(sortinoRatio(weeklyReturns, { periodsPerYear: 52 }), 0.50690062680370862 * Math.sqrt(252 / 52));
    close(sortinoRatio(weeklyReturns, { periodsPerYear: 12 }), 0.11697706772393276 * Math.sqrt(252 / 12));
    close(sortinoRatio(two, { periodsPerYear: 12 }), 1.8138553865239282 * Math.sqrt(252 / 12));
  });
});

describe('informationRatio', () => {
  it('matches empyrical test_information_ratio / test_excess_sharpe', () => {
    close(informationRatio([], 0), Number.NaN);
    close(informationRatio(pct([1]), 0), Number.NaN);
    close(informationRatio(mixedReturns, 0), 0.10859306069076737);
    close(informationRatio(mixedReturns, flatLine1), -0.06515583641446039);
  });

  it('annualises on request and tracking error is the annualised active deviation', () => {
    close(informationRatio(mixedReturns, 0, { annualize: true }), 0.10859306069076737 * Math.sqrt(252));
    close(trackingError(mixedReturns, simpleBenchmark), annualVolatility(mixedReturns.map((r, t) => r - simpleBenchmark[t]!)), 12);
  });
});

describe('alphaBeta', () => {
  const shifted = [Number.NaN, ...negativeReturns.slice(1)];
  it('matches empyrical test_alpha_beta', () => {
    const ab = alphaBeta(mixedReturns, shifted);
    close(ab.alpha, -0.9997853834885004);
    close(ab.beta, -0.71296296296296313);
    const self = alphaBeta(mixedReturns, mixedReturns);
    close(self.alpha, 0);
    close(self.beta, 1);
    const inverse = alphaBeta(mixedReturns, mixedReturns.map((r) => -r));
    close(inverse.alpha, 0);
    close(inverse.beta, -1);
  });

  it('is NaN against a constant benchmark (test_beta) and refuses misaligned series', () => {
    close(beta(mixedReturns, flatLine1), Number.NaN);
    close(beta(pct([1]), pct([1])), Number.NaN);
    expect(() => beta([0.1, 0.2], [0.1])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('historicalVar', () => {
  it('matches empyrical test_value_at_risk with the sign flipped to a loss', () => {
    close(historicalVar([1, 2], { confidence: 1 - 1e-12 }), -1, 6);
    close(historicalVar([1, 2], { confidence: 0.7 }), -1.3);
    close(historicalVar([1, 81, 82, 83, 84, 85], { confidence: 0.9 }), -41);
    close(historicalVar([1, 81, 82, 83, 84, 85], { confidence: 0.8 }), -81);
    close(historicalVar([1, 81, 82, 83, 84, 85], { confidence: 0.7 }), -81.5);
  });

  it('refuses a confidence outside (0, 1) and an empty series', () => {
    expect(() => historicalVar([0.1], { confidence: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => historicalVar([])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('historicalCvar', () => {
  it('averages the returns at or below the VaR, as empyrical test_conditional_value_at_risk checks', () => {
    const returns = fillNormal(createRng('cvar'), new Float64Array(21)).map((z) => 0.02 * z);
    for (const cutoff of [0.0499, 0.05, 0.2, 0.999]) {
      const varLoss = historicalVar(returns, { confidence: 1 - cutoff });
      const tail = returns.filter((r) => r <= -varLoss);
      close(historicalCvar(returns, { confidence: 1 - cutoff }), -tail.reduce((a, b) => a + b, 0) / tail.length, 12);
    }
  });
});

describe('parametric VaR', () => {
  it('gives z σ - μ for the Gaussian and matches scipy on a skewed sample for Cornish-Fisher', () => {
    const r = [0.01, -0.01, 0.02, -0.02];
    close(gaussianVar(r, { confidence: 0.95 }), 1.6448536269514722 * Math.sqrt(0.001 / 3), 12);
    // Reference (numpy/scipy here): x = [0.03,-0.01,0.002,-0.04,0.015,0.007,-0.022,0.05]; mu = mean, s = std(ddof=1),
    // S = scipy.stats.skew(x), K = scipy.stats.kurtosis(x); z = norm.ppf(0.01); -(mu + zcf s) = 0.05594681644573907.
    close(cornishFisherVar([0.03, -0.01, 0.002, -0.04, 0.015, 0.007, -0.022, 0.05], { confidence: 0.99 }), 0.05594681644573907, 10);
  });

  it('Monte Carlo VaR converges to the Gaussian VaR and is reproducible from its seed', () => {
    const history = fillNormal(createRng('hist'), new Float64Array(500)).map((z) => 0.0005 + 0.01 * z);
    const a = monteCarloVar(history, { rng: createRng('mc'), scenarios: 200_000 });
    const b = monteCarloVar(history, { rng: createRng('mc'), scenarios: 200_000 });
    expect(a).toEqual(b);
    expect(Math.abs(a.valueAtRisk - gaussianVar(history)) / gaussianVar(history)).toBeLessThan(0.01);
    expect(a.conditionalValueAtRisk).toBeGreaterThan(a.valueAtRisk);
    const fat = monteCarloVar(history, { rng: createRng('mc'), scenarios: 200_000, degreesOfFreedom: 4, confidence: 0.999 });
    expect(fat.valueAtRisk).toBeGreaterThan(gaussianVar(history, { confidence: 0.999 }));
  });
});

describe('rollMetric', () => {
  it('matches empyrical test_roll_max_drawdown (4 decimals) and test_roll_sharpe_ratio', () => {
    const dd = rollMetric(negativeReturns, 6, maxDrawdown);
    [-0.2282, -0.2745, -0.2899, -0.2747].forEach((e, i) => close(dd[i]!, e, 4));
    const fastDd = rollingMaxDrawdown(negativeReturns, 6);
    dd.forEach((v, i) => close(fastDd[i]!, v, 14));
    const sharpe = rollMetric(negativeReturns, 6, (w) => sharpeRatio(w));
    [-18.09162052, -26.79897486, -26.69138263, -25.72298838].forEach((e, i) => close(sharpe[i]!, e, 7));
    const mixed = rollMetric(mixedReturns, 6, (w) => sharpeRatio(w));
    [7.57445259, 8.22784105, 8.22784105, -3.1374751].forEach((e, i) => close(mixed[i]!, e, 7));
    expect(rollMetric([], 6, maxDrawdown).length).toBe(0);
  });

  it('computes rolling Sharpe and volatility in one pass with the same values as the windowed metrics', () => {
    const fast = rollingSharpeRatio(mixedReturns, 6);
    [7.57445259, 8.22784105, 8.22784105, -3.1374751].forEach((e, i) => close(fast[i]!, e, 7));
    const series = fillNormal(createRng('roll'), new Float64Array(400)).map((z) => 0.0004 + 0.012 * z);
    const slow = rollMetric(series, 63, (w) => annualVolatility(w));
    rollingVolatility(series, 63).forEach((v, i) => close(v, slow[i]!, 12));
    const slowSharpe = rollMetric(series, 63, (w) => sharpeRatio(w, { riskFree: 0.0001 }));
    rollingSharpeRatio(series, 63, { riskFree: 0.0001 }).forEach((v, i) => close(v, slowSharpe[i]!, 9));
  });

  it('rolls two aligned series and refuses a bad window', () => {
    expect(Array.from(rollPairMetric([0.02, -0.02, 0.04], [0.01, -0.01, 0.02], 2, (r, b) => beta(r, b)))).toEqual([2, 2]);
    expect(() => rollMetric([1], 0, maxDrawdown)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('correlationMatrix', () => {
  it('correlates each pair over shared dates', () => {
    const r = createSeriesTable({
      dates: ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'],
      columns: ['A', 'B'],
      rows: [[0.01, null], [-0.01, -0.02], [0.02, 0.04], [0.0, 0.0]],
    });
    const { matrix } = correlationMatrix(r);
    expect(matrix.data[0]).toBe(1);
    expect(matrix.data[1]).toBeCloseTo(1, 12);
  });
});

const returnSeries = fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 2, maxLength: 200 });

describe('properties', () => {
  it('VaR is monotone in confidence', () => {
    fc.assert(
      fc.property(returnSeries, fc.double({ min: 0.5, max: 0.98, noNaN: true }), fc.double({ min: 0.001, max: 0.019, noNaN: true }), (r, c, step) => {
        expect(historicalVar(r, { confidence: c + step })).toBeGreaterThanOrEqual(historicalVar(r, { confidence: c }) - 1e-15);
        expect(gaussianVar(r, { confidence: c + step })).toBeGreaterThanOrEqual(gaussianVar(r, { confidence: c }) - 1e-15);
      }),
      { numRuns: 200 },
    );
  });

  it('CVaR is at least VaR in loss terms', () => {
    fc.assert(
      fc.property(returnSeries, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (r, c) => {
        expect(historicalCvar(r, { confidence: c })).toBeGreaterThanOrEqual(historicalVar(r, { confidence: c }) - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('the drawdown of a non-decreasing wealth series is zero', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 100 }), (r) => {
        const d = drawdownDetails(r);
        expect(d.maxDrawdown).toBe(0);
        expect(d.underwaterPeriods).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('the one-pass rolling maximum drawdown equals the windowed maximum drawdown', () => {
    fc.assert(
      fc.property(returnSeries, fc.integer({ min: 1, max: 30 }), (r, window) => {
        const slow = rollMetric(r, window, maxDrawdown);
        rollingMaxDrawdown(r, window).forEach((v, i) => expect(v).toBeCloseTo(slow[i]!, 12));
      }),
      { numRuns: 200 },
    );
  });

  it('maximum drawdown lies in [-1, 0]', () => {
    fc.assert(
      fc.property(returnSeries, (r) => {
        const d = maxDrawdown(r);
        expect(d).toBeLessThanOrEqual(0);
        expect(d).toBeGreaterThanOrEqual(-1);
      }),
      { numRuns: 200 },
    );
  });
});
