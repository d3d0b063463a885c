import { describe, expect, it } from 'vitest';
import { instrument } from './samples.js';

describe('instrument', () => {
  it('turns a //=> comment into an assertion on the expression', () => {
    expect(instrument("Money.zero('USD').toString(); //=> '0.00'")).toBe("__sample.expectEqual(await (Money.zero('USD').toString()), ('0.00'));");
  });
  it('checks the variable of a declaration', () => {
    expect(instrument('const x = f(1); //=> 2')).toBe('const x = f(1); __sample.expectEqual(x, (2));');
  });
  it('expects a throw with the code named in the comment', () => {
    expect(instrument("Money.parse('1e3', 'USD'); // throws KronosError INVALID_INPUT")).toBe(
      "await __sample.expectThrows(async () => { Money.parse('1e3', 'USD'); }, \"INVALID_INPUT\");",
    );
  });
  it('leaves statements and unbalanced fragments alone', () => {
    expect(instrument('if (x) console.log(x); //=> 1')).toBe('if (x) console.log(x); //=> 1');
    expect(instrument('); //=> 3')).toBe('); //=> 3');
  });
});
