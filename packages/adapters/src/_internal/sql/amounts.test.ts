import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMinor, minorToDecimal } from './amounts.js';

describe('minorToDecimal', () => {
  it('places the decimal point by the scale and keeps the sign', () => {
    expect([minorToDecimal(1234n, 2), minorToDecimal(-5n, 2), minorToDecimal(7n, 0), minorToDecimal(0n, 3)]).toEqual(['12.34', '-0.05', '7', '0.000']);
  });
});

describe('decimalToMinor', () => {
  it('reads NUMERIC text of any scale up to the account scale, trailing zeros included', () => {
    expect([decimalToMinor('12.34', 2), decimalToMinor('-0.050', 2), decimalToMinor('3', 2), decimalToMinor('-12', 0)]).toEqual([1234n, -5n, 300n, -12n]);
  });
  it('refuses digits beyond the scale and text that is not a decimal', () => {
    expect(() => decimalToMinor('1.005', 2)).toThrow(RangeError);
    expect(() => decimalToMinor('1e3', 2)).toThrow(RangeError);
  });
});

describe('properties', () => {
  it('round-trips: decimalToMinor(minorToDecimal(x, s), s) equals x', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 18 }), (minor, scale) => {
        expect(decimalToMinor(minorToDecimal(minor, scale), scale)).toBe(minor);
      }),
      { numRuns: 300 },
    );
  });
});
