"""Solves the benchmark's minimum-volatility and maximum-Sharpe QPs with
scipy's SLSQP, for the ratio printed by portfolio.bench.ts. Reads a JSON
problem {covariance: [[...]], expectedReturns: [...], riskFreeRate} from the
file named on the command line; prints {"minVolMs", "maxSharpeMs",
"minVolVariance", "maxSharpeSharpe"} as JSON. Same problems as the bench:
min w'Sw s.t. sum w = 1, 0 <= w <= 1; and the max-Sharpe variable change
min y'Sy s.t. (mu - rf)'y = 1, y >= 0, w = y / sum y."""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize

problem = json.load(open(sys.argv[1]))
S = np.array(problem["covariance"])
mu = np.array(problem["expectedReturns"])
rf = problem["riskFreeRate"]
n = len(mu)
options = {"ftol": 1e-12, "maxiter": 10000}


def timed(run, repeats):
    best = float("inf")
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best, result


def min_vol():
    return minimize(lambda w: w @ S @ w, np.full(n, 1 / n), jac=lambda w: 2 * S @ w, method="SLSQP",
                    bounds=[(0, 1)] * n, constraints=[{"type": "eq", "fun": lambda w: w.sum() - 1, "jac": lambda w: np.ones(n)}],
                    options=options)


def max_sharpe():
    excess = mu - rf
    start = np.maximum(excess, 0) / (np.maximum(excess, 0) @ excess)
    return minimize(lambda y: y @ S @ y, start, jac=lambda y: 2 * S @ y, method="SLSQP", bounds=[(0, None)] * n,
                    constraints=[{"type": "eq", "fun": lambda y: excess @ y - 1, "jac": lambda y: excess}], options=options)


repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
min_vol_ms, a = timed(min_vol, repeats)
max_sharpe_ms, b = timed(max_sharpe, repeats)
w = b.x / b.x.sum()
print(json.dumps({
    "minVolMs": min_vol_ms,
    "maxSharpeMs": max_sharpe_ms,
    "minVolVariance": float(a.x @ S @ a.x),
    "maxSharpeSharpe": float((w @ mu - rf) / np.sqrt(w @ S @ w)),
}))
