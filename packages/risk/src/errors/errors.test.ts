import { describe, expect, it } from 'vitest';
import { KronosError, isKronosError } from './index.js';

describe('KronosError', () => {
  it('carries a stable code, a message and frozen details', () => {
    const error = new KronosError('NOT_FOUND', 'No account acc_1: create it first.', { accountId: 'acc_1' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toEqual({ accountId: 'acc_1' });
    expect(Object.isFrozen(error.details)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(error.toJSON()).toEqual({ name: 'KronosError', code: 'NOT_FOUND', message: 'No account acc_1: create it first.', details: { accountId: 'acc_1' } });
  });

  it('is recognised across copies of the class through its brand', () => {
    const foreign = Object.defineProperty(new Error('x'), Symbol.for('@kronos/error'), { value: true });
    expect(foreign instanceof KronosError).toBe(true);
    expect(new Error('plain') instanceof KronosError).toBe(false);
    expect(isKronosError(new KronosError('INVALID_INPUT', 'bad'), 'INVALID_INPUT')).toBe(true);
    expect(isKronosError(new KronosError('INVALID_INPUT', 'bad'), 'NOT_FOUND')).toBe(false);
  });
});
