import { describe, expect, it } from 'vitest';
import { Money } from '../money/money.js';
import { failureCode } from '../testing/fixtures.js';
import { applyRules } from './apply-rules.js';
import { compileRules } from './compile-rules.js';
import type { RuleInput } from './rule-schema.js';

describe('compileRules', () => {
  it('refuses invalid and explosive regexes, back-references, repeated ids and unknown keys with INVALID_INPUT', async () => {
    const regex = (value: string): RuleInput[] => [{ id: 'r', conditions: { payee: { match: 'regex', value } }, actions: { category: 'x' } }];
    for (const bad of ['(unclosed', '(a+)+$', '(\\w*)*', '(a|ab)*c', '(x)\\1', '((ab)*c)+', '[a-', '(?:a+)+', '(?<w>\\w+)*']) expect(await failureCode(async () => compileRules(regex(bad))), bad).toBe('INVALID_INPUT');
    for (const good of ['^amzn mktp', '(inc|llc)$', 'a+b*c?', '[(+*)]+', '\\(a+\\)+', '(ab)+', 'uber\\s*eats', '(?:ab)+', '(?<year>\\d{4})-', '(?=x)abc', '(?<!x)abc', 'amzn(?: mktp)?']) expect(compileRules(regex(good)).rules).toHaveLength(1);
    expect(await failureCode(async () => compileRules([{ id: 'a', actions: { category: 'x' } }, { id: 'a', actions: { category: 'y' } }]))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => compileRules([{ id: 'a', conditions: { payees: { match: 'exact', value: 'x' } }, actions: { category: 'x' } } as unknown as RuleInput]))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => compileRules([{ id: 'a', actions: {} }]))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => compileRules([{ id: 'a', actions: { split: [{ category: 'x', amount: '1' }, { category: 'y', ratio: '0' }] } }]))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => compileRules([{ id: 'a', conditions: { amount: { min: '5', max: '4' } }, actions: { category: 'x' } }]))).toBe('INVALID_INPUT');
  });

  it('gives the same results compiled once as from the plain array', () => {
    const rules: RuleInput[] = [{ id: 'r', conditions: { payee: { match: 'regex', value: 'coffee' } }, actions: { category: 'x' } }];
    const transaction = { date: '2026-03-10', payee: 'Blue Bottle Coffee', amount: Money.of('-6.50', 'USD'), accountId: 'ana:checking' };
    expect(applyRules(compileRules(rules), transaction)).toEqual(applyRules(rules, transaction));
    expect(applyRules(compileRules(rules), transaction).matchedRuleIds).toEqual(['r']);
    const compiled = compileRules(rules);
    rules[0]!.actions.category = 'y';
    expect(applyRules(compiled, transaction).category).toBe('x');
    expect(applyRules(rules, transaction).category).toBe('y');
  });
});
