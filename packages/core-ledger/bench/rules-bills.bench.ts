/**
 * Categorisation rules and bill schedules, pure functions (no store).
 * Prints `bench core-ledger <case> <value> <unit>` lines, rates per CPU second
 * of this process: on a shared machine the steadier figure. The plain-array
 * case validates and compiles the rules on every call; the ratio against the
 * compiled set is measured in the same run.
 */
// The package's own source, so the figures are those of the code as it stands (no build step needed).
import { applyRules, compileRules, Money, upcomingBills, type BillInput, type RuleInput } from '../src/index.js';

const ruleCount = 200;
const words = ['coffee', 'market', 'fuel', 'adobe', 'uber', 'rent', 'power', 'water', 'phone', 'gym'];
const rules: RuleInput[] = Array.from({ length: ruleCount }, (_, index) => {
  const word = `${words[index % words.length]}${Math.floor(index / words.length)}`;
  const payee = index % 3 === 0 ? { match: 'regex' as const, value: `^${word}\\b` } : { match: 'contains' as const, value: word };
  return { id: `r${index}`, conditions: { payee, ...(index % 4 === 0 ? { amount: { min: '5.00', max: '500.00' } } : {}) }, actions: { category: `cat-${index % 17}`, flags: index % 5 === 0 ? ['review'] : [] } };
});
const transactions = Array.from({ length: 20_000 }, (_, index) => ({
  date: '2026-03-01',
  payee: `${words[index % words.length]}${index % 25} store #${index}`,
  amount: Money.fromMinorUnits(-BigInt(100 + ((index * 7919) % 50_000)), 'USD'),
  accountId: 'ana:checking',
}));

function print(name: string, value: number, unit: string): void {
  console.log(`bench core-ledger ${name} ${value >= 100 ? Math.round(value) : value.toFixed(2)} ${unit}`);
}

function cpuSeconds(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

const compiled = compileRules(rules);
let matched = 0;
for (const transaction of transactions.slice(0, 2000)) matched += applyRules(compiled, transaction).matchedRuleIds.length; // warm-up
const compiledSeconds = cpuSeconds(() => {
  for (const transaction of transactions) matched += applyRules(compiled, transaction).matchedRuleIds.length;
});
const plainCount = 500;
const plainSeconds = cpuSeconds(() => {
  for (const transaction of transactions.slice(0, plainCount)) matched += applyRules(rules, transaction).matchedRuleIds.length;
});
if (matched === 0) throw new Error('no rule matched: the benchmark measures nothing');
const compiledRate = transactions.length / compiledSeconds;
const plainRate = plainCount / plainSeconds;
print(`apply_rules_${ruleCount}_compiled`, compiledRate, 'tx/cpu-s');
print(`apply_rules_${ruleCount}_plain_array`, plainRate, 'tx/cpu-s');
print('apply_rules_compiled_vs_plain', compiledRate / plainRate, 'ratio');

const kinds: BillInput['schedule'][] = [{ kind: 'monthly', day: 31 }, { kind: 'weekly', everyWeeks: 2, anchor: '2026-01-02' }, { kind: 'yearly', date: '02-29' }, { kind: 'last_business_day', holidays: ['2026-12-31'] }];
const bills: BillInput[] = Array.from({ length: 1000 }, (_, index) => ({
  id: `bill-${index}`, payee: `Payee ${index}`, entityId: 'ana', payFromAccountId: 'ana:checking', schedule: kinds[index % kinds.length]!, amount: '42.00', currency: 'USD', startDate: '2026-01-01',
}));
let occurrences = 0;
const billSeconds = cpuSeconds(() => {
  occurrences = upcomingBills(bills, { from: '2026-01-01', to: '2026-12-31' }).length;
});
print('upcoming_bills_1000_bills_1_year', occurrences / billSeconds, 'occurrences/cpu-s');
