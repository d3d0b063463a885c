"""Reference values for the estimator tests: PyPortfolioOpt's risk-model code
(risk_models.py, expected_returns.py) and scikit-learn's ledoit_wolf / oas,
transcribed to plain numpy (no pandas here) and run on test-data/stock_prices.csv.
Run: python3 packages/risk/scripts/reference_estimators.py"""
import csv, os
import numpy as np

here = os.path.dirname(__file__)
rows = list(csv.reader(open(os.path.join(here, '..', 'test-data', 'stock_prices.csv'))))
P = np.array([[float(v) if v else np.nan for v in r[1:]] for r in rows[1:]])
R = P[1:] / P[:-1] - 1                       # pct_change(fill_method=None)
R = R[~np.all(np.isnan(R), axis=1)]         # dropna(how="all")
t, n = R.shape

def pair_cov(a, b):
    m = ~np.isnan(a) & ~np.isnan(b)
    return np.cov(a[m], b[m])[0, 1]
S = np.array([[pair_cov(R[:, i], R[:, j]) for j in range(n)] for i in range(n)])
X = np.nan_to_num(R)

def sk_lw(X):
    X = X - X.mean(0); ns, nf = X.shape
    X2 = X ** 2; tr = X2.sum(0) / ns; mu = tr.sum() / nf
    beta_ = np.sum(X2.T @ X2); delta_ = np.sum((X.T @ X) ** 2) / ns ** 2
    beta = 1. / (nf * ns) * (beta_ / ns - delta_)
    delta = (delta_ - 2. * mu * tr.sum() + nf * mu ** 2) / nf
    beta = min(beta, delta); sh = 0 if beta == 0 else beta / delta
    emp = X.T @ X / ns; mu = np.trace(emp) / nf
    return (1 - sh) * emp + sh * mu * np.eye(nf), sh

def sk_oas(X):
    X = X - X.mean(0); ns, nf = X.shape; emp = X.T @ X / ns
    alpha = np.mean(emp ** 2); mu = np.trace(emp) / nf
    num = alpha + mu ** 2; den = (ns + 1) * (alpha - mu ** 2 / nf)
    sh = 1.0 if den == 0 else min(num / den, 1.0)
    return (1 - sh) * emp + sh * mu * np.eye(nf), sh

def single_factor(X):
    t, n = np.shape(X); Xm = X - X.mean(axis=0); xmkt = X.mean(axis=1).reshape(t, 1)
    sample = np.cov(np.append(Xm, xmkt, axis=1), rowvar=False) * (t - 1) / t
    betas = sample[0:n, n].reshape(n, 1); varmkt = sample[n, n]; sample = sample[:n, :n]
    F = np.dot(betas, betas.T) / varmkt; F[np.eye(n) == 1] = np.diag(sample)
    c = np.linalg.norm(sample - F, "fro") ** 2; y = Xm ** 2
    p = 1 / t * np.sum(np.dot(y.T, y)) - np.sum(sample ** 2)
    rdiag = 1 / t * np.sum(y ** 2) - sum(np.diag(sample) ** 2)
    z = Xm * np.tile(xmkt, (n,))
    v1 = 1 / t * np.dot(y.T, z) - np.tile(betas, (n,)) * sample
    roff1 = np.sum(v1 * np.tile(betas, (n,)).T) / varmkt - np.sum(np.diag(v1) * betas.T) / varmkt
    v3 = 1 / t * np.dot(z.T, z) - varmkt * sample
    roff3 = np.sum(v3 * np.dot(betas, betas.T)) / varmkt ** 2 - np.sum(np.diag(v3).reshape(-1, 1) * betas ** 2) / varmkt ** 2
    r = rdiag + 2 * roff1 - roff3; k = (p - r) / c; delta = max(0, min(1, k / t))
    return delta * F + (1 - delta) * sample, delta

def constant_correlation(X, S):
    t, n = np.shape(X); var = np.diag(S).reshape(-1, 1); std = np.sqrt(var)
    _var = np.tile(var, (n,)); _std = np.tile(std, (n,))
    r_bar = (np.sum(S / (_std * _std.T)) - n) / (n * (n - 1))
    F = r_bar * (_std * _std.T); F[np.eye(n) == 1] = var.reshape(-1)
    Xm = X - X.mean(axis=0); y = Xm ** 2
    pi_mat = np.dot(y.T, y) / t - 2 * np.dot(Xm.T, Xm) * S / t + S ** 2; pi_hat = np.sum(pi_mat)
    term1 = np.dot((Xm ** 3).T, Xm) / t; help_ = np.dot(Xm.T, Xm) / t; help_diag = np.diag(help_)
    term2 = np.tile(help_diag, (n, 1)).T * S; term3 = help_ * _var; term4 = _var * S
    theta_mat = term1 - term2 - term3 + term4; theta_mat[np.eye(n) == 1] = np.zeros(n)
    rho_hat = sum(np.diag(pi_mat)) + r_bar * np.sum(np.dot((1 / std), std.T) * theta_mat)
    gamma_hat = np.linalg.norm(S - F, "fro") ** 2
    delta = max(0.0, min(1.0, (pi_hat - rho_hat) / gamma_hat / t))
    return delta * F + (1 - delta) * S, delta

def ewm_last(x, span):
    a = 2 / (span + 1); num = den = 0.0
    for v in x:
        num *= 1 - a; den *= 1 - a
        if not np.isnan(v): num += v; den += 1
    return num / den

def show(name, M, d=None):
    M = M * 252
    print(name, 'delta', repr(d), 'AAPL,AAPL', repr(M[1, 1]), 'GOOG,AAPL', repr(M[0, 1]), 'GE,AMD', repr(M[5, 6]), 'SBUX,JPM', repr(M[19, 18]))

show('sample', S)
show('lw_constant_variance', *sk_lw(X))
show('lw_single_factor', *single_factor(X))
show('lw_constant_correlation', *constant_correlation(X, S))
show('oas', *sk_oas(X))
drops = np.fmin(R - 0.000079, 0); show('semicov', drops.T @ drops / t)
E = np.array([[ewm_last((R[:, i] - np.nanmean(R[:, i])) * (R[:, j] - np.nanmean(R[:, j])), 180) for j in range(n)] for i in range(n)])
show('exp_cov', E)
print('ema_return', [repr((1 + ewm_last(R[:, i], 500)) ** 252 - 1) for i in (0, 1, 19)])
print('eigvalsh sample', repr(np.linalg.eigvalsh(S * 252)[:3].tolist()), repr(np.linalg.eigvalsh(S * 252)[-1]))

# Complete rows only (every stock listed): the gap-free path of the estimators.
C = R[~np.any(np.isnan(R), axis=1)]
SC = np.cov(C, rowvar=False)
print('complete rows', C.shape[0])
print('complete constant_correlation delta', repr(constant_correlation(C, SC)[1]), 'AAPL,AAPL', repr(constant_correlation(C, SC)[0][1, 1] * 252))
print('complete single_factor delta', repr(single_factor(C)[1]))
