import { isKronosError } from '@kronos/core-ledger';

/** The KronosError code `run` throws, 'not a KronosError' for another throw, undefined when it returns. */
export function thrownCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isKronosError(error) ? error.code : 'not a KronosError';
  }
  return undefined;
}
