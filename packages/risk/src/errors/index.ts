/**
 * The Kronos error family.
 *
 * Every package throws `KronosError`s with a stable `code`. Packages that may
 * not import core-ledger (risk, workflow-runtime: see DESIGN.md) declare their
 * own class with the same brand, so `instanceof KronosError` holds for an error
 * from any Kronos package and across ESM/CJS copies of one package.
 */

const brand = Symbol.for('@kronos/error');

/** Codes every package may throw. A package adds its own as string literals. */
export type KronosErrorCode =
  | 'INVALID_INPUT'
  | 'UNBALANCED_ENTRY'
  | 'ENTITY_MISMATCH'
  | 'CURRENCY_MISMATCH'
  | 'SCALE_EXCEEDED'
  | 'INSUFFICIENT_FUNDS'
  | 'CREDIT_LIMIT_EXCEEDED'
  | 'PERIOD_LOCKED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'ACCOUNT_CLOSED'
  | 'INVALID_STATE'
  | 'AUDIT_CHAIN_BROKEN'
  | 'STORE_FAILURE'
  | (string & {});

/**
 * An expected, handled failure: bad input or a refused operation.
 *
 * @example
 * ```ts
 * try {
 *   Money.parse('12.345', 'USD');
 * } catch (error) {
 *   if (error instanceof KronosError) console.log(error.code); //=> 'SCALE_EXCEEDED'
 * }
 * ```
 */
export class KronosError extends Error {
  /** A stable, machine-readable code such as `UNBALANCED_ENTRY`. */
  readonly code: KronosErrorCode;
  /** Structured facts about the failure (ids, amounts, paths). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: KronosErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KronosError';
    this.code = code;
    this.details = Object.freeze({ ...details });
    Object.defineProperty(this, brand, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  /** A JSON-safe view: `{ name, code, message, details }`. */
  toJSON(): { name: string; code: string; message: string; details: Readonly<Record<string, unknown>> } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Tells whether `value` is a Kronos error, optionally with a given code.
 *
 * @example
 * ```ts
 * isKronosError(new KronosError('NOT_FOUND', 'No account acc_1.'), 'NOT_FOUND'); //=> true
 * ```
 */
export function isKronosError(value: unknown, code?: KronosErrorCode): value is KronosError {
  return value instanceof KronosError && (code === undefined || value.code === code);
}
