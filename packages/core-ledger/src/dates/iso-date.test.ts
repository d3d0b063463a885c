import { describe, expect, it } from 'vitest';
import { KronosError } from '../errors/index.js';
import { IsoDateSchema, IsoInstantSchema, assertIsoDate, isIsoDate } from './iso-date.js';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });
});

describe('assertIsoDate', () => {
  it('names the field and the expected form', () => {
    expect(() => assertIsoDate('31/01/2026', 'effectiveDate')).toThrow(KronosError);
    expect(() => assertIsoDate('31/01/2026', 'effectiveDate')).toThrow(/effectiveDate '31\/01\/2026'.*YYYY-MM-DD/);
    expect(assertIsoDate('2026-01-31')).toBe('2026-01-31');
  });
});

describe('schemas', () => {
  it('parse dates and UTC instants', () => {
    expect(IsoDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(IsoInstantSchema.safeParse('2026-01-31T12:00:00.000Z').success).toBe(true);
    expect(IsoInstantSchema.safeParse('2026-01-31T12:00:00+02:00').success).toBe(false);
  });
});
