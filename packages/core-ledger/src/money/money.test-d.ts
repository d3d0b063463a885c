import { describe, expectTypeOf, it } from 'vitest';
import { Money } from './money.js';

describe('Money types', () => {
  it('refuses to mix currencies at compile time', () => {
    const dollars = Money.of('1', 'USD');
    const euros = Money.of('1', 'EUR');
    expectTypeOf(dollars).toEqualTypeOf<Money<'USD'>>();
    // @ts-expect-error a Money<'EUR'> is not a Money<'USD'>
    dollars.add(euros);
    expectTypeOf(dollars.add(Money.of('2', 'USD'))).toEqualTypeOf<Money<'USD'>>();
  });
  it('takes no JS number as an amount', () => {
    // @ts-expect-error amounts are decimal strings or Decimals, never numbers
    Money.of(1.5, 'USD');
  });
});
