import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  capmReturn,
  computeReturns,
  covarianceToCorrelation,
  correlationToCovariance,
  createSeriesTable,
  eigenSymmetric,
  emaHistoricalReturn,
  exponentialCovariance,
  ledoitWolfCovariance,
  matrixFromRows,
  matrixToRows,
  meanHistoricalReturn,
  oracleApproximatingCovariance,
  sampleCovariance,
  semicovariance,
  shrunkCovariance,
  type CovarianceEstimate,
  type SeriesTable,
} from '../index.js';
import { loadSpyPrices, loadStockPrices } from '../__tests__/fixtures.js';

const prices = loadStockPrices();
const returns = computeReturns(prices);

const dummyPrices = (rows: number[][]): SeriesTable =>
  createSeriesTable({ dates: rows.map((_, i) => `2024-01-0${i + 1}`), columns: rows[0]!.map((_, j) => `X${j}`), rows });

// The dummy price table of PyPortfolioOpt's test_sample_cov_dummy and test_mean_historical_returns_dummy
// (its fourth, negative-price column of the mean test is refused by computeReturns and left out).
const pyPortfolioOptDummy = [
  [4.0, 2.0, 0.6],
  [4.2, 2.1, 0.59],
  [3.9, 2.0, 0.58],
  [4.3, 2.1, 0.62],
  [4.1, 2.2, 0.63],
];

function expectAllClose(actual: ArrayLike<number>, expected: readonly number[], decimals: number): void {
  expect(actual.length).toBe(expected.length);
  // numpy.testing.assert_array_almost_equal's criterion: |actual - expected| < 1.5 x 10^-decimals.
  expected.forEach((e, i) => expect(Math.abs(actual[i]! - e)).toBeLessThan(1.5 * 10 ** -decimals));
}

const entry = (c: CovarianceEstimate, a: string, b: string): number =>
  c.matrix.data[c.assets.indexOf(a) * c.assets.length + c.assets.indexOf(b)]!;

describe('meanHistoricalReturn', () => {
  it('reproduces PyPortfolioOpt test_mean_historical_returns on stock_prices.csv', () => {
    // tests/test_expected_returns.py, correct_mean (assert_array_almost_equal: 6 decimals).
    const published = [
      0.247967, 0.294304, 0.284037, 0.1923164, 0.371327, 0.1360093, 0.0328503, 0.1200115, 0.10554, 0.0423457, 0.1002559, 0.1442237,
      -0.0792602, 0.1430506, 0.0736356, 0.238835, 0.388665, 0.226717, 0.1561701, 0.2318153,
    ];
    expectAllClose(meanHistoricalReturn(returns).values, published, 6);
  });

  it('reproduces PyPortfolioOpt test_mean_historical_returns_dummy, geometric and arithmetic', () => {
    const r = computeReturns(dummyPrices(pyPortfolioOptDummy));
    // Published: [0.0061922, 0.0241137, 0.0122722, -0.0421775] and [0.0086560, 0.0250000, 0.0128697, -0.03632333]
    // (check_less_precise=4). The fourth column has negative prices, which computeReturns refuses; see the next test.
    expectAllClose(meanHistoricalReturn(r, { frequency: 1 }).values, [0.0061922, 0.0241137, 0.0122722], 6);
    expectAllClose(meanHistoricalReturn(r, { frequency: 1, compounding: false }).values, [0.008656, 0.025, 0.0128697], 6);
  });

  it('refuses negative prices instead of computing returns from them', () => {
    expect(() => computeReturns(dummyPrices([[-12], [-13.2]]))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('scales the arithmetic mean with the frequency (test_mean_historical_returns_frequency)', () => {
    const daily = meanHistoricalReturn(returns, { compounding: false });
    const weekly = meanHistoricalReturn(returns, { compounding: false, frequency: 52 });
    daily.values.forEach((v, i) => expect(v / 252).toBeCloseTo(weekly.values[i]! / 52, 12));
  });
});

describe('emaHistoricalReturn', () => {
  it('matches the pandas ewm(span=500) transcription', () => {
    // scripts/reference_estimators.py (ewm with adjust=True, ignore_na=False) on stock_prices.csv.
    const ema = emaHistoricalReturn(returns);
    expect(ema.values[0]).toBeCloseTo(0.1773172849394704, 10);
    expect(ema.values[1]).toBeCloseTo(0.268149380415871, 10);
    expect(ema.values[19]).toBeCloseTo(0.10261334402459177, 10);
  });

  it('tends to the arithmetic mean as the span grows (test_ema_historical_return_limit)', () => {
    const sma = meanHistoricalReturn(returns, { compounding: false });
    const ema = emaHistoricalReturn(returns, { compounding: false, span: 1e10 });
    expectAllClose(ema.values, Array.from(sma.values), 6);
  });
});

describe('capmReturn', () => {
  // The published CAPM values were produced when capm_return's risk_free_rate defaulted to 0.02;
  // today's default (and ours) is 0, so the tests pass it explicitly.
  it('reproduces PyPortfolioOpt test_capm_no_benchmark (equal-weighted market)', () => {
    const published = [
      0.22148462799238577, 0.2835429647498704, 0.14693081977908462, 0.1488989354304723, 0.4162399750335195, 0.22716772604184535,
      0.3970337136813829, 0.16733214988182069, 0.31791477659742146, 0.17279931642386534, 0.15271750464365566, 0.351778014382922,
      0.32859883451716376, 0.1501938182844417, 0.268295486802897, 0.31632339201710874, 0.27753479916328516, 0.16959588523287855,
      0.3089119447773357, 0.2558719211959501,
    ];
    expectAllClose(capmReturn(returns, { riskFreeRate: 0.02 }).values, published, 6);
  });

  it('reproduces PyPortfolioOpt test_capm_with_benchmark against SPY', () => {
    const published = [
      0.09115799375654746, 0.09905386632033128, 0.05676282405265752, 0.06291827346436336, 0.13147799781014877, 0.10239088012000815,
      0.1311567086884512, 0.07339649698626659, 0.1301248935078549, 0.07620949056643983, 0.07629095442513395, 0.12163575425541985,
      0.10400070536161658, 0.0781736030988492, 0.09185177050469516, 0.10245700691271296, 0.11268307946677197, 0.07870087187919145,
      0.1275598841214107, 0.09536788741392595,
    ];
    const market = computeReturns(loadSpyPrices());
    const mu = capmReturn(returns, { market, riskFreeRate: 0.02 });
    expectAllClose(mu.values, published, 6);
    const arithmetic = capmReturn(returns, { market, riskFreeRate: 0.02, compounding: false });
    arithmetic.values.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(mu.values[i]!));
  });

  it('refuses a market table with several columns', () => {
    expect(() => capmReturn(returns, { market: returns })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('sampleCovariance', () => {
  it('reproduces PyPortfolioOpt test_sample_cov_dummy', () => {
    const r = computeReturns(dummyPrices(pyPortfolioOptDummy));
    const published = [
      [0.006661687937656102, 0.00264970955585574, 0.0020849735375206195],
      [0.00264970955585574, 0.0023450491307634215, 0.00096770864287974],
      [0.0020849735375206195, 0.00096770864287974, 0.0016396416271856837],
    ];
    expectAllClose(sampleCovariance(r, { frequency: 1 }).matrix.data, published.flat(), 15);
  });

  it('uses the dates each pair shares on stock_prices.csv', () => {
    // scripts/reference_estimators.py: pandas DataFrame.cov() semantics (pairwise complete, ddof 1) x 252.
    const s = sampleCovariance(returns);
    expect(s.repaired).toBe(false);
    expect(entry(s, 'AAPL', 'AAPL')).toBeCloseTo(0.2075369051755125, 12);
    expect(entry(s, 'GOOG', 'AAPL')).toBeCloseTo(0.046202279171746324, 12);
    expect(entry(s, 'SBUX', 'JPM')).toBeCloseTo(0.049530034157728796, 12);
  });

  it('divides by 126 when the frequency drops from 252 to 2 (test_sample_cov_frequency)', () => {
    const a = sampleCovariance(returns);
    const b = sampleCovariance(returns, { frequency: 2 });
    a.matrix.data.forEach((v, k) => expect(v / 126).toBeCloseTo(b.matrix.data[k]!, 15));
  });

  it('refuses two assets that share fewer than two dates', () => {
    const r = createSeriesTable({ dates: ['2024-01-02', '2024-01-03', '2024-01-04'], columns: ['A', 'B'], rows: [[0.1, null], [0.2, null], [null, 0.1]] });
    expect(() => sampleCovariance(r)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('semicovariance and exponentialCovariance', () => {
  it('match the PyPortfolioOpt transcriptions on stock_prices.csv', () => {
    const semi = semicovariance(returns);
    expect(entry(semi, 'AAPL', 'AAPL')).toBeCloseTo(0.09326312965740666, 12);
    expect(entry(semi, 'GE', 'AMD')).toBeCloseTo(0.037547206754141624, 12);
    const ew = exponentialCovariance(returns);
    expect(entry(ew, 'AAPL', 'AAPL')).toBeCloseTo(0.05338645531793086, 12);
    expect(entry(ew, 'SBUX', 'JPM')).toBeCloseTo(0.018747577470860304, 12);
  });

  it('is zero when the benchmark is very negative (test_semicovariance_benchmark)', () => {
    semicovariance(returns, { benchmark: -0.5 }).matrix.data.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-4));
  });

  it('tends to the sample covariance as the span grows (test_exp_cov_limits)', () => {
    const sample = sampleCovariance(returns);
    const wide = exponentialCovariance(returns, { span: 1e20 });
    let worst = 0;
    wide.matrix.data.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - sample.matrix.data[k]!))));
    expect(worst).toBeLessThan(1e-3);
  });
});

describe('shrinkage estimators', () => {
  // Reference: scripts/reference_estimators.py, PyPortfolioOpt's CovarianceShrinkage and
  // scikit-learn's ledoit_wolf / oas transcribed to numpy, on stock_prices.csv.
  const cases = [
    ['constantVariance', () => ledoitWolfCovariance(returns), 0.006256103367537101, 0.2070374532237838, 0.022142793443999262],
    ['singleFactor', () => ledoitWolfCovariance(returns, { target: 'singleFactor' }), 0.01844624093477943, 0.2075077771888212, 0.02231356896871062],
    ['constantCorrelation', () => ledoitWolfCovariance(returns, { target: 'constantCorrelation' }), 0.017955063987226228, 0.2075369051755125, 0.04600210232526341],
    ['oracle approximating', () => oracleApproximatingCovariance(returns), 0.002063961513856284, 0.2073526118237605, 0.022236203558485056],
  ] as const;
  for (const [name, estimate, delta, aaplVariance, googAapl] of cases) {
    it(`${name}: matches the reference intensity and entries`, () => {
      const c = estimate();
      expect(c.shrinkage).toBeCloseTo(delta, 10);
      expect(entry(c, 'AAPL', 'AAPL')).toBeCloseTo(aaplVariance, 10);
      expect(entry(c, 'GOOG', 'AAPL')).toBeCloseTo(googAapl, 10);
    });
  }

  it('takes the gap-free path on the 895 dates when every stock is listed, with the same results', () => {
    // scripts/reference_estimators.py, rows of returns with no missing value.
    const keep = returns.dates.map((_, t) => returns.values.subarray(t * 20, (t + 1) * 20).every((v) => !Number.isNaN(v)));
    const complete = createSeriesTable({
      dates: returns.dates.filter((_, t) => keep[t]),
      columns: [...returns.columns],
      rows: returns.dates.flatMap((_, t) => (keep[t] ? [Array.from(returns.values.subarray(t * 20, (t + 1) * 20))] : [])),
    });
    expect(complete.dates.length).toBe(895);
    const cc = ledoitWolfCovariance(complete, { target: 'constantCorrelation' });
    expect(cc.shrinkage).toBeCloseTo(0.06418641027586872, 10);
    expect(entry(cc, 'AAPL', 'AAPL')).toBeCloseTo(0.05330390860394726, 12);
    expect(ledoitWolfCovariance(complete, { target: 'singleFactor' }).shrinkage).toBeCloseTo(0.06911881187000195, 10);
  });

  it('shrunkCovariance with δ = 0 is the sample covariance and with δ = 1 the scaled identity', () => {
    const sample = sampleCovariance(returns);
    shrunkCovariance(returns, { shrinkage: 0 }).matrix.data.forEach((v, k) => expect(v).toBeCloseTo(sample.matrix.data[k]!, 12));
    const target = shrunkCovariance(returns, { shrinkage: 1 }).matrix;
    let traceSample = 0;
    for (let i = 0; i < 20; i++) traceSample += sample.matrix.data[i * 21]!;
    expect(target.data[0]).toBeCloseTo(traceSample / 20, 12);
    expect(target.data[1]).toBe(0);
    expect(() => shrunkCovariance(returns, { shrinkage: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('covarianceToCorrelation', () => {
  it('round-trips with correlationToCovariance', () => {
    const cov = matrixFromRows([[0.04, 0.006], [0.006, 0.09]]);
    const corr = covarianceToCorrelation(cov);
    expect(corr.data[1]).toBeCloseTo(0.1, 15);
    matrixToRows(correlationToCovariance(corr, [0.2, 0.3])).flat().forEach((v, k) => expect(v).toBeCloseTo(cov.data[k]!, 15));
  });
});

const randomReturns = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 8, max: 30 }))
  .chain(([n, t]) =>
    fc.array(fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: n, maxLength: n }), { minLength: t, maxLength: t }),
  )
  .map((rows) =>
    createSeriesTable({
      dates: rows.map((_, i) => `2024-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`),
      columns: rows[0]!.map((_, j) => `A${j}`),
      rows,
    }),
  );

describe('properties', () => {
  const estimators: [string, (r: SeriesTable) => CovarianceEstimate][] = [
    ['sample', (r) => sampleCovariance(r)],
    ['semicovariance', (r) => semicovariance(r)],
    ['exponential', (r) => exponentialCovariance(r, { span: 10 })],
    ['ledoit-wolf constant variance', (r) => ledoitWolfCovariance(r)],
    ['ledoit-wolf single factor', (r) => ledoitWolfCovariance(r, { target: 'singleFactor' })],
    ['ledoit-wolf constant correlation', (r) => ledoitWolfCovariance(r, { target: 'constantCorrelation' })],
    ['oracle approximating', (r) => oracleApproximatingCovariance(r)],
  ];
  for (const [name, estimate] of estimators) {
    it(`${name} covariance is symmetric and positive semi-definite`, () => {
      fc.assert(
        fc.property(randomReturns, (r) => {
          fc.pre(r.values.some((v) => v !== 0));
          const { matrix } = estimate(r);
          const n = matrix.rows;
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(matrix.data[i * n + j]).toBe(matrix.data[j * n + i]);
          const { values } = eigenSymmetric(matrix);
          expect(values[0]!).toBeGreaterThanOrEqual(-1e-10 * Math.max(1, Math.abs(values[n - 1]!)));
        }),
        { numRuns: 40 },
      );
    });
  }
});
