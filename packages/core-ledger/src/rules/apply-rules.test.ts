import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../money/money.js';
import { applyRules, type AccountOwner } from './apply-rules.js';
import { compileRules } from './compile-rules.js';
import type { RuleInput, RuleTransaction } from './rule-schema.js';
import { failureCode } from '../testing/fixtures.js';

const usd = (amount: string): Money => Money.of(amount, 'USD');
const tx = (overrides: Partial<RuleTransaction> = {}): RuleTransaction => ({ date: '2026-03-10', payee: 'Blue Bottle Coffee #12', amount: usd('-6.50'), accountId: 'ana:checking', ...overrides });

describe('applyRules conditions', () => {
  it('matches payees exactly, by contained text or by regex, after case folding and white-space collapsing', () => {
    const rules: RuleInput[] = [
      { id: 'exact', conditions: { payee: { match: 'exact', value: 'blue  bottle coffee #12 ' } }, actions: { flags: ['exact'] } },
      { id: 'contains', conditions: { payee: { match: 'contains', value: 'BOTTLE' } }, actions: { flags: ['contains'] } },
      { id: 'regex', conditions: { payee: { match: 'regex', value: '^blue bottle .*#\\d+$' } }, actions: { flags: ['regex'] } },
      { id: 'sensitive', conditions: { payee: { match: 'contains', value: 'BOTTLE', caseSensitive: true } }, actions: { flags: ['sensitive'] } },
      { id: 'other', conditions: { payee: { match: 'contains', value: 'starbucks' } }, actions: { flags: ['other'] } },
    ];
    expect(applyRules(rules, tx({ payee: '  Blue Bottle   COFFEE #12' })).flags).toEqual(['exact', 'contains', 'regex']);
    expect(applyRules(rules, tx({ payee: 'ＢＬＵＥ BOTTLE' })).flags).toEqual(['contains', 'sensitive']);
  });

  it('bounds the magnitude inclusively and picks the sign with direction', () => {
    const rules: RuleInput[] = [{ id: 'mid', conditions: { amount: { min: '10.00', max: '20.00' }, direction: 'outflow' }, actions: { category: 'x' } }];
    const hit = (amount: string) => applyRules(rules, tx({ amount: usd(amount) })).matchedRuleIds.length === 1;
    expect(['-10.00', '-20.00', '-15.00'].map(hit)).toEqual([true, true, true]);
    expect(['-9.99', '-20.01', '15.00', '10.00'].map(hit)).toEqual([false, false, false, false]);
    expect(applyRules([{ id: 'in', conditions: { direction: 'inflow' }, actions: { category: 'x' } }], tx({ amount: usd('0') })).matchedRuleIds).toEqual([]);
  });

  it('matches accounts, inclusive date ranges, currency and memo', () => {
    const rules: RuleInput[] = [
      { id: 'acct', conditions: { accountIds: ['ana:card'] }, actions: { flags: ['acct'] } },
      { id: 'march', conditions: { date: { from: '2026-03-01', to: '2026-03-31' } }, actions: { flags: ['march'] } },
      { id: 'eur', conditions: { currency: 'EUR' }, actions: { flags: ['eur'] } },
      { id: 'memo', conditions: { memo: { match: 'contains', value: 'recurring' } }, actions: { flags: ['memo'] } },
    ];
    expect(applyRules(rules, tx({ accountId: 'ana:card', date: '2026-03-31', memo: 'RECURRING payment' })).flags).toEqual(['acct', 'march', 'memo']);
    expect(applyRules(rules, tx({ date: '2026-04-01', amount: Money.of('-3.00', 'EUR') })).flags).toEqual(['eur']);
  });
});

describe('applyRules semantics', () => {
  it('lets the first matching rule that sets a field win, accumulates flags, and stops on stop', () => {
    const rules: RuleInput[] = [
      { id: 'a', conditions: { payee: { match: 'contains', value: 'coffee' } }, actions: { category: 'ana:food', flags: ['coffee'] } },
      { id: 'b', enabled: false, actions: { category: 'ana:never', flags: ['disabled'] } },
      { id: 'c', actions: { category: 'ana:other', envelope: 'env:fun', renamePayee: 'Blue Bottle', flags: ['coffee', 'any'] }, stop: true },
      { id: 'd', actions: { envelope: 'env:late', flags: ['late'] } },
    ];
    const result = applyRules(rules, tx());
    expect(result).toMatchObject({ category: 'ana:food', envelope: 'env:fun', payee: 'Blue Bottle', flags: ['coffee', 'any'], matchedRuleIds: ['a', 'c'], splits: [], expenseOf: null, commingling: null });
    expect(applyRules(rules, tx({ payee: 'Rent' }))).toMatchObject({ category: 'ana:other', payee: 'Blue Bottle', matchedRuleIds: ['c'] });
  });

  it('splits by fixed amounts first, then ratios of the rest, with the transaction sign', () => {
    const rules: RuleInput[] = [{ id: 's', actions: { split: [{ category: 'fee', amount: '1.00' }, { category: 'a', ratio: '1' }, { category: 'b', ratio: '2' }] } }];
    const splits = applyRules(rules, tx({ amount: usd('-11.00') })).splits;
    expect(splits.map((part) => [part.category, part.amount.toString()])).toEqual([['fee', '-1.00'], ['a', '-3.34'], ['b', '-6.66']]);
  });

  it('refuses a split whose fixed parts do not fit the amount, naming the rule', async () => {
    const over: RuleInput[] = [{ id: 'over', actions: { split: [{ category: 'a', amount: '8.00' }, { category: 'b', amount: '4.00' }] } }];
    expect(await failureCode(async () => applyRules(over, tx({ amount: usd('-10.00') })))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => applyRules(over, tx({ amount: usd('-13.00') })))).toBe('INVALID_INPUT');
    expect(applyRules(over, tx({ amount: usd('-12.00') })).splits.map((part) => part.amount.toString())).toEqual(['-8.00', '-4.00']);
    const withRatio: RuleInput[] = [{ id: 'r', actions: { split: [{ category: 'a', amount: '8.00' }, { category: 'b', ratio: '1' }] } }];
    expect(await failureCode(async () => applyRules(withRatio, tx({ amount: usd('-7.99') })))).toBe('INVALID_INPUT');
  });

  it('flags a personal expense paid by the LLC and an LLC expense paid personally, and nothing else', () => {
    const owners = new Map<string, AccountOwner>([
      ['llc:checking', { entityId: 'llc', entityKind: 'single_member_llc' }],
      ['ana:checking', { entityId: 'ana', entityKind: 'individual' }],
      ['trust:checking', { entityId: 't', entityKind: 'trust' }],
    ]);
    const options = { accountOwner: (id: string) => owners.get(id) };
    const rules: RuleInput[] = [
      { id: 'groceries', conditions: { payee: { match: 'contains', value: 'whole foods' } }, actions: { expenseOf: 'personal' } },
      { id: 'adobe', conditions: { payee: { match: 'contains', value: 'adobe' } }, actions: { expenseOf: 'business' } },
    ];
    expect(applyRules(rules, tx({ payee: 'WHOLE FOODS', accountId: 'llc:checking' }), options).commingling).toEqual({
      kind: 'personal_expense_paid_by_llc', ruleId: 'groceries', accountId: 'llc:checking', entityId: 'llc', suggestedFix: 'owner_draw',
    });
    expect(applyRules(rules, tx({ payee: 'Adobe Creative Cloud', accountId: 'ana:checking' }), options).commingling?.kind).toBe('llc_expense_paid_personally');
    expect(applyRules(rules, tx({ payee: 'WHOLE FOODS', accountId: 'ana:checking' }), options).commingling).toBeNull();
    expect(applyRules(rules, tx({ payee: 'WHOLE FOODS', accountId: 'trust:checking' }), options).commingling).toBeNull();
    expect(applyRules(rules, tx({ payee: 'WHOLE FOODS refund', accountId: 'llc:checking', amount: usd('5.00') }), options).commingling).toBeNull();
    expect(applyRules(rules, tx({ payee: 'WHOLE FOODS', accountId: 'llc:checking' })).commingling).toBeNull();
  });
});

const words = ['coffee', 'rent', 'uber', 'adobe', 'shell'];
const ruleArb = (index: number) =>
  fc.record({ word: fc.constantFrom(...words), category: fc.constantFrom('a', 'b', 'c', 'd'), stop: fc.boolean() }).map(({ word, category, stop }) => ({
    id: `r${index}`,
    conditions: { payee: { match: 'contains' as const, value: word } },
    actions: { category },
    stop,
  }));
const rulesArb = fc.integer({ min: 0, max: 8 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => ruleArb(index))));
const payeeArb = fc.subarray(words).map((picked) => `POS ${picked.join(' ').toUpperCase()} 123`);

describe('properties', () => {
  it('split parts sum exactly to the whole and carry its sign', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -1_000_000n, max: 1_000_000n }),
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }),
        (cents, fixedCents, ratios) => {
          fc.pre(ratios.some((ratio) => ratio > 0));
          const whole = Money.fromMinorUnits(cents, 'USD');
          const fixedTotal = fixedCents.reduce((a, b) => a + BigInt(b), 0n);
          fc.pre(fixedTotal <= (cents < 0n ? -cents : cents));
          const split = [
            ...fixedCents.map((c, i) => ({ category: `f${i}`, amount: Money.fromMinorUnits(BigInt(c), 'USD').toString() })),
            ...ratios.map((ratio, i) => ({ category: `r${i}`, ratio: String(ratio) })),
          ];
          fc.pre(split.length >= 2);
          const parts = applyRules([{ id: 's', actions: { split } }], tx({ amount: whole })).splits;
          expect(Money.sum(parts.map((part) => part.amount), 'USD').equals(whole)).toBe(true);
          for (const part of parts) expect(part.amount.isZero() || part.amount.isNegative() === whole.isNegative()).toBe(true);
        },
      ),
    );
  });

  it('is deterministic: the same rules and transaction give the same result', () => {
    fc.assert(
      fc.property(rulesArb, payeeArb, (rules, payee) => {
        const first = applyRules(rules, tx({ payee }));
        expect(applyRules(structuredClone(rules), tx({ payee }))).toEqual(first);
        expect(applyRules(compileRules(rules), tx({ payee }))).toEqual(first);
      }),
    );
  });

  it('is order-sensitive exactly as documented: matches run in order up to the first stop, the first setter wins', () => {
    fc.assert(
      fc.property(rulesArb, payeeArb, (rules, payee) => {
        const folded = payee.toLowerCase();
        const matching = rules.filter((rule) => folded.includes(rule.conditions.payee.value));
        const stopAt = matching.findIndex((rule) => rule.stop);
        const ran = stopAt === -1 ? matching : matching.slice(0, stopAt + 1);
        const result = applyRules(rules, tx({ payee }));
        expect(result.matchedRuleIds).toEqual(ran.map((rule) => rule.id));
        expect(result.category).toBe(ran[0]?.actions.category ?? null);
        const noStops = rules.map((rule) => ({ ...rule, stop: false }));
        expect(applyRules([...noStops].reverse(), tx({ payee })).category).toBe(matching.at(-1)?.actions.category ?? null);
      }),
    );
  });
});
