"""Reference values for the metric tests on real data: empyrical's formulas
(stats.py) written out in numpy and applied to SPY daily returns from
test-data/spy_prices.csv and AAPL from stock_prices.csv (aligned on SPY's dates).
Run: python3 packages/risk/scripts/reference_metrics.py"""
import csv, os
import numpy as np
from scipy import stats

here = os.path.dirname(__file__)
spy_rows = list(csv.reader(open(os.path.join(here, '..', 'test-data', 'spy_prices.csv'))))[1:]
spy_dates = [r[0] for r in spy_rows]
spy = np.array([float(r[1]) for r in spy_rows])
r = spy[1:] / spy[:-1] - 1
stock_rows = list(csv.reader(open(os.path.join(here, '..', 'test-data', 'stock_prices.csv'))))
col = stock_rows[0].index('AAPL')
aapl_by_date = {row[0]: float(row[col]) for row in stock_rows[1:] if row[col]}
aapl_prices = np.array([aapl_by_date.get(d, np.nan) for d in spy_dates])
a = aapl_prices[1:] / aapl_prices[:-1] - 1

ann = 252
print('annual_volatility', repr(np.nanstd(r, ddof=1) * np.sqrt(ann)))
print('sharpe', repr(np.nanmean(r - 0.0001) / np.nanstd(r - 0.0001, ddof=1) * np.sqrt(ann)))
down = np.clip(r, -np.inf, 0)
print('sortino', repr(np.nanmean(r) * ann / (np.sqrt(np.nanmean(down ** 2)) * np.sqrt(ann))))
wealth = np.concatenate([[1.0], np.cumprod(1 + r)])
print('max_drawdown', repr(np.min(wealth / np.maximum.accumulate(wealth) - 1)))
print('annual_return', repr(wealth[-1] ** (ann / len(r)) - 1))
print('var_hist_95', repr(-np.percentile(r, 5)))
k = int((len(r) - 1) * 0.05)
print('cvar_hist_95', repr(-np.mean(np.partition(r, k)[:k + 1])))
mu, sd = r.mean(), r.std(ddof=1)
print('var_gauss_99', repr(-(mu + stats.norm.ppf(0.01) * sd)))
S, K = stats.skew(r), stats.kurtosis(r); z = stats.norm.ppf(0.01)
zcf = z + (z * z - 1) * S / 6 + (z ** 3 - 3 * z) * K / 24 - (2 * z ** 3 - 5 * z) * S * S / 36
print('var_cf_99', repr(-(mu + zcf * sd)))
mask = ~np.isnan(a) & ~np.isnan(r)
slope, intercept, *_ = stats.linregress(r[mask], a[mask])
print('beta_aapl_spy', repr(slope))
print('alpha_aapl_spy', repr((1 + np.nanmean(a - slope * r)) ** ann - 1))
print('tracking_error_aapl_spy', repr(np.nanstd(a - r, ddof=1) * np.sqrt(ann)))
print('information_ratio_aapl_spy', repr(np.nanmean(a - r) / np.nanstd(a - r, ddof=1)))
