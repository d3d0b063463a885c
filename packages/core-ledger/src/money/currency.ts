import { KronosError } from '../errors/index.js';

/**
 * A currency or any other asset a `Money` can count: its code and its scale,
 * the number of decimals an amount may carry (USD 2, JPY 0, BHD 3, a share
 * quantity whatever the broker reports).
 */
export interface Currency<C extends string = string> {
  readonly code: C;
  readonly scale: number;
}

/** The largest scale an amount may carry (decimals). */
export const scaleMax = 18;

// ISO 4217 minor units, for the codes that are not 2 (the rest of the table is 2).
const isoScaleExceptions: Readonly<Record<string, number>> = {
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  CLF: 4, UYW: 4,
};

// ISO 4217 active codes with 2 minor units.
const isoTwoDecimalCodes = (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
  'GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD ' +
  'MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP ' +
  'PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS ' +
  'TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWG'
).split(' ');

const isoScales: ReadonlyMap<string, number> = new Map([
  ...isoTwoDecimalCodes.map((code) => [code, 2] as const),
  ...Object.entries(isoScaleExceptions),
]);

// Currencies this module built (frozen and checked): resolving one again costs a lookup, not a re-check.
const checked = new WeakSet<Currency>();
const isoCache = new Map<string, Currency>();

const assetCodePattern = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,31}$/;

/**
 * The ISO 4217 currency with this code, with its standard scale.
 *
 * @param code - an ISO 4217 code such as `USD`
 * @returns the currency
 * @throws KronosError `INVALID_INPUT` when the code is not an ISO 4217 currency
 *   (for shares or crypto, use {@link asset} with an explicit scale)
 *
 * @example
 * ```ts
 * currency('JPY'); //=> { code: 'JPY', scale: 0 }
 * currency('BHD'); //=> { code: 'BHD', scale: 3 }
 * ```
 */
export function currency<C extends string>(code: C): Currency<C> {
  const cached = isoCache.get(code);
  if (cached !== undefined) return cached as Currency<C>;
  const scale = isoScales.get(code);
  if (scale === undefined) {
    throw new KronosError(
      'INVALID_INPUT',
      `'${code}' is not an ISO 4217 currency code. Use an upper-case ISO code such as 'USD', or asset('${code}', scale) for shares and other assets.`,
      { code },
    );
  }
  const unit = Object.freeze({ code, scale });
  checked.add(unit);
  isoCache.set(code, unit);
  return unit;
}

/**
 * Any countable asset (a ticker for share quantities, a crypto token) with the
 * scale you choose.
 *
 * @param code - the asset's code, e.g. a ticker (`AAPL`) or a CUSIP
 * @param scale - decimals an amount may carry, 0 to 18
 *
 * @example
 * ```ts
 * asset('AAPL', 6); //=> { code: 'AAPL', scale: 6 }
 * ```
 */
export function asset<C extends string>(code: C, scale: number): Currency<C> {
  if (!assetCodePattern.test(code)) {
    throw new KronosError(
      'INVALID_INPUT',
      `Asset code '${code}' is not valid: use 1 to 32 letters, digits or . _ : / - starting with a letter or digit.`,
      { code },
    );
  }
  if (!Number.isInteger(scale) || scale < 0 || scale > scaleMax) {
    throw new KronosError('INVALID_INPUT', `Scale ${String(scale)} for '${code}' is not valid: use a whole number from 0 to ${scaleMax}.`, { code, scale });
  }
  const unit = Object.freeze({ code, scale });
  checked.add(unit);
  return unit;
}

/** Whether two currencies are the same unit: same code and same scale. */
export function sameCurrency(a: Currency, b: Currency): boolean {
  return a.code === b.code && a.scale === b.scale;
}

/** Resolves a `Currency` or an ISO code to a `Currency`. */
export function toCurrency<C extends string>(value: Currency<C> | C): Currency<C> {
  if (typeof value === 'string') return currency(value);
  if (checked.has(value)) return value;
  return asset(value.code, value.scale);
}
