import { KronosError } from '@kronos/core-ledger';
import { measurePortfolio, normaliseProblem, type PortfolioProblem, type PortfolioResult } from './portfolio-problem.js';

export interface HierarchicalRiskParityOptions {
  /**
   * Correlation used for the clustering distance (default: derived from the
   * covariance). PyPortfolioOpt uses pandas' pairwise correlation of returns.
   */
  readonly correlation?: Float64Array | readonly (readonly number[])[];
}

/** One merge of the dendrogram, in SciPy's linkage-matrix convention. */
export interface LinkageRow {
  /** Cluster ids merged (leaves are 0..n-1, merge k creates n + k); left < right. */
  readonly left: number;
  readonly right: number;
  readonly distance: number;
  readonly size: number;
}

export interface HierarchicalRiskParityResult extends PortfolioResult {
  /** Tickers in quasi-diagonal (dendrogram leaf) order. */
  readonly order: readonly string[];
  readonly linkage: readonly LinkageRow[];
}

/**
 * Hierarchical risk parity (Lopez de Prado, 2016): single-linkage clustering
 * on the distance sqrt((1 - rho) / 2), leaves in dendrogram order, then
 * recursive bisection of that order into halves weighted by the inverse of
 * each half's inverse-variance-portfolio variance.
 *
 * @example
 * ```ts
 * const result = hierarchicalRiskParity({ covariance: [[0.04, 0, 0], [0, 0.01, 0], [0, 0, 0.01]] });
 * Array.from(result.weights, (w) => Number(w.toFixed(12))); //=> [0.111111111111, 0.444444444444, 0.444444444444]
 * ```
 */
export function hierarchicalRiskParity(problem: PortfolioProblem, options: HierarchicalRiskParityOptions = {}): HierarchicalRiskParityResult {
  const normalised = normaliseProblem(problem);
  const { n, covariance } = normalised;
  const correlation = readCorrelation(options.correlation, covariance, n);
  const distance = correlation.map((rho) => Math.sqrt(Math.min(1, Math.max(0, (1 - rho) / 2))));
  const linkage = singleLinkage(distance, n);
  const order = leafOrder(linkage, n);
  const weights = bisect(covariance, n, order);
  return { ...measurePortfolio(normalised, weights), order: order.map((i) => normalised.tickers[i]!), linkage };
}

function readCorrelation(correlation: HierarchicalRiskParityOptions['correlation'], covariance: Float64Array, n: number): Float64Array {
  if (correlation === undefined) {
    return covariance.map((value, k) => value / Math.sqrt(covariance[Math.floor(k / n) * (n + 1)]! * covariance[(k % n) * (n + 1)]!));
  }
  const flat = correlation instanceof Float64Array ? correlation : Float64Array.from(correlation.flat());
  if (flat.length !== n * n) throw new KronosError('INVALID_INPUT', `The correlation must be ${n}x${n} like the covariance.`, {});
  return flat;
}

/** Single linkage through a minimum spanning tree (Prim, O(n^2)), merges by increasing distance. */
export function singleLinkage(distance: Float64Array, n: number): LinkageRow[] {
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const edges: { a: number; b: number; distance: number }[] = [];
  let current = 0;
  for (let step = 0; step < n - 1; step++) {
    inTree[current] = 1;
    let next = -1;
    for (let i = 0; i < n; i++) {
      if (inTree[i] === 1) continue;
      const d = distance[current * n + i]!;
      if (d < best[i]!) {
        best[i] = d;
        parent[i] = current;
      }
      if (next < 0 || best[i]! < best[next]!) next = i;
    }
    edges.push({ a: parent[next]!, b: next, distance: best[next]! });
    current = next;
  }
  edges.sort((x, y) => x.distance - y.distance);
  const root = Int32Array.from({ length: 2 * n }, (_, i) => i);
  const size = new Int32Array(2 * n).fill(1);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]!]!;
    return i;
  };
  return edges.map((edge, k) => {
    const a = find(edge.a);
    const b = find(edge.b);
    const id = n + k;
    root[a] = id;
    root[b] = id;
    size[id] = size[a]! + size[b]!;
    return { left: Math.min(a, b), right: Math.max(a, b), distance: edge.distance, size: size[id]! };
  });
}

/** Leaves of the dendrogram, left subtree first (SciPy's to_tree().pre_order()). */
function leafOrder(linkage: readonly LinkageRow[], n: number): number[] {
  const order: number[] = [];
  const stack = [n + linkage.length - 1];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id < n) {
      order.push(id);
      continue;
    }
    const row = linkage[id - n]!;
    stack.push(row.right, row.left);
  }
  return order;
}

/** Variance of the inverse-variance portfolio of a cluster. */
function clusterVariance(covariance: Float64Array, n: number, members: readonly number[]): number {
  const inverse = members.map((i) => 1 / covariance[i * n + i]!);
  const total = inverse.reduce((s, v) => s + v, 0);
  let variance = 0;
  members.forEach((i, a) => members.forEach((j, b) => (variance += (inverse[a]! / total) * covariance[i * n + j]! * (inverse[b]! / total))));
  return variance;
}

/** Recursive bisection of the ordered assets into halves (breadth first, as in the paper). */
function bisect(covariance: Float64Array, n: number, order: readonly number[]): Float64Array {
  const weights = new Float64Array(n).fill(1);
  let clusters: number[][] = [order.slice()];
  while (clusters.length > 0) {
    clusters = clusters.filter((c) => c.length > 1).flatMap((c) => [c.slice(0, c.length >> 1), c.slice(c.length >> 1)]);
    for (let k = 0; k < clusters.length; k += 2) {
      const first = clusters[k]!;
      const second = clusters[k + 1]!;
      const firstVariance = clusterVariance(covariance, n, first);
      const secondVariance = clusterVariance(covariance, n, second);
      const alpha = 1 - firstVariance / (firstVariance + secondVariance);
      for (const i of first) weights[i] = weights[i]! * alpha;
      for (const i of second) weights[i] = weights[i]! * (1 - alpha);
    }
  }
  return weights;
}
