import { KronosError } from '../errors/index.js';

/**
 * Attempts a rejection sampler may make for one draw. Every sampler here
 * accepts with probability above 1/2 per attempt, so reaching this bound
 * (probability below 2^-1000) means a broken generator, not bad luck.
 */
export const rejectionAttemptsMax = 1000;

export function rejectionExhausted(sampler: string): KronosError {
  return new KronosError('INVALID_STATE', `The ${sampler} sampler rejected ${rejectionAttemptsMax} draws in a row; the random generator is broken.`, {
    sampler,
    attempts: rejectionAttemptsMax,
  });
}
