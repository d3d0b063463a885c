import { Money, asset, KronosError } from '@kronos/core-ledger';

const rent = Money.of('1250.00', 'USD');
console.log(rent.allocate(['1', '1', '1']).map(String).join(' '));
console.log(Money.of('3.5', asset('VTI', 6)).toString());
try {
  Money.parse('1e3', 'USD');
} catch (error) {
  console.log(error instanceof KronosError, error.code);
}
