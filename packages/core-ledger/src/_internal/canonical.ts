import type { JsonValue } from '../ports/ledger-store.js';

/**
 * Canonical JSON: object keys sorted, no whitespace, so equal values always
 * encode to equal text (idempotency fingerprints and audit hashes rely on it).
 */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(record).sort();
  if (keys.length === 0) return '{}';
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
