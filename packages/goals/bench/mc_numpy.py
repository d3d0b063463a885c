"""Vectorised numpy implementation of the model goals.bench.ts times.

Same model, same statistics: two lognormal assets (monthly log returns
N((mu - diag(Sigma)/2)/12, Sigma/12)) rebalanced monthly to 60/40, 10,000
paths x 480 months, contributions of 1,500 a month for 240 months, then
constant real withdrawals of 60,000 a year (priced at the start of each
retirement year) with 2.5 % fixed inflation; a path is depleted the first
month a payment cannot be met; exact real percentiles (5/25/50/75/95) of
wealth at each year-end. Prints one JSON line with the wall-clock and CPU
times of each run: {"ms": [...], "cpuMs": [...], "success": p}.
"""
import json
import sys
import time

import numpy as np

PATHS, MONTHS, RETIRE = 10_000, 480, 240


def run(seed: int) -> float:
    rng = np.random.default_rng(seed)
    mu = np.array([0.07, 0.03])
    cov = np.array([[0.0324, 0.0018], [0.0018, 0.0036]])
    mean = (mu - np.diag(cov) / 2) / 12
    chol_t = np.linalg.cholesky(cov / 12).T
    weights = np.array([0.6, 0.4])
    price = 1.025 ** (np.arange(MONTHS + 1) / 12)
    wealth = np.full(PATHS, 200_000.0)
    depleted = np.full(PATHS, -1)
    bands = []
    for t in range(MONTHS):
        growth = np.exp(mean + rng.standard_normal((PATHS, 2)) @ chol_t) @ weights
        if t < RETIRE:
            flow = 1500.0
        else:
            flow = -60_000.0 * price[RETIRE + 12 * ((t - RETIRE) // 12)] / 12
        total = wealth + flow
        short = total < 0
        depleted[short & (depleted < 0)] = t
        total[short] = 0.0
        wealth = total * growth
        if (t + 1) % 12 == 0:
            bands.append(np.percentile(wealth / price[t + 1], [5, 25, 50, 75, 95]))
    return float(np.mean(depleted < 0))


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times = []
    cpu_times = []
    success = 0.0
    for r in range(repeats):
        start = time.perf_counter()
        cpu_start = time.process_time()
        success = run(r)
        cpu_times.append((time.process_time() - cpu_start) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"ms": times, "cpuMs": cpu_times, "success": success}))


if __name__ == "__main__":
    main()
