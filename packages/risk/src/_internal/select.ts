/**
 * Rearranges `a` in place so that a[k] is the value a full sort would put
 * there, everything before it is ≤ a[k] and everything after is ≥ a[k]
 * (Hoare's quickselect with a median-of-three pivot). Expected O(n); each
 * pass strictly shrinks the range, so at most n passes run.
 */
export function selectInPlace(a: Float64Array, k: number): void {
  let left = 0;
  let right = a.length - 1;
  for (let pass = 0; right > left && pass < a.length; pass++) {
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * The q-quantile with numpy's default linear interpolation, position (n - 1) q,
 * found by selection instead of a full sort. Reorders `a`.
 */
export function quantileInPlace(a: Float64Array, q: number): number {
  const n = a.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const lower = Math.floor(position);
  selectInPlace(a, lower);
  const low = a[lower]!;
  if (lower + 1 >= n) return low;
  let next = Number.POSITIVE_INFINITY;
  for (let i = lower + 1; i < n; i++) if (a[i]! < next) next = a[i]!;
  return low + (position - lower) * (next - low);
}
