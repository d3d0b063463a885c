import { KronosError } from '@kronos/risk';

export { KronosError };

/** Throws `INVALID_INPUT` unless `condition` holds: for options given by the caller. */
export function requireInput(condition: boolean, message: string, details: Record<string, unknown> = {}): asserts condition {
  if (!condition) throw new KronosError('INVALID_INPUT', message, details);
}
