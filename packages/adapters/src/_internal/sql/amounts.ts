/**
 * Conversions between the port's `bigint` minor units and the decimal text of
 * a `NUMERIC` column. Exact both ways: a value that does not fit its scale is
 * a programmer error (the schema's checks make it impossible), so it throws.
 */

const decimalText = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * `1234n`, scale 2 -> `'12.34'`.
 *
 * @example minorToDecimal(-5n, 2) // '-0.05'
 */
export function minorToDecimal(minor: bigint, scale: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString();
  if (scale === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/**
 * `'12.34'`, scale 2 -> `1234n`; extra trailing zeros are fine, other extra digits throw.
 *
 * @example decimalToMinor('-0.050', 2) // -5n
 */
export function decimalToMinor(text: string, scale: number): bigint {
  const match = decimalText.exec(text);
  if (match === null) throw new RangeError(`decimalToMinor: '${text}' is not a plain decimal`);
  const fraction = match[3] ?? '';
  if (fraction.length > scale && !/^0*$/.test(fraction.slice(scale))) {
    throw new RangeError(`decimalToMinor: '${text}' has more than ${scale} decimals`);
  }
  const magnitude = BigInt(match[2]! + fraction.slice(0, scale).padEnd(scale, '0'));
  return match[1] === '-' ? -magnitude : magnitude;
}
