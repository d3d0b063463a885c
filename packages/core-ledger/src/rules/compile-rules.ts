import { z } from 'zod';
import { parseInput } from '../_internal/schemas.js';
import { KronosError } from '../errors/index.js';
import { Decimal } from '../money/decimal.js';
import { RuleSchema, rulesPerSetMax, type Rule, type RuleInput } from './rule-schema.js';

/** A text test compiled once: exact, contained or a regular expression. */
export type TextTest = (normalised: string, folded: string) => boolean;

/** One rule with its tests compiled. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly payee: TextTest | null;
  readonly memo: TextTest | null;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  readonly accountIds: ReadonlySet<string> | null;
}

/** Rules validated and compiled once, ready for `applyRules` on many transactions. */
export interface RuleSet {
  readonly kind: 'rule_set';
  /** The parsed rules, in order. */
  readonly rules: readonly Rule[];
  /** @internal */
  readonly compiled: readonly CompiledRule[];
}

/** NFKC, white space collapsed to single spaces, ends trimmed: what text conditions compare. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * Refuses patterns whose backtracking can explode (conservatively): a repeated
 * group that itself holds a repeat or an alternation (`(a+)+`, `(\w*)*`,
 * `(a|ab)*`), and back-references. What is left backtracks polynomially at worst,
 * over payees of at most 500 characters.
 */
function checkRegexSafety(pattern: string, ruleId: string, field: string): void {
  const groups: boolean[] = [];
  let inClass = false;
  let closed: boolean | null = null;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    const justClosed = closed;
    closed = null;
    if (inClass) {
      if (char === '\\') index += 1;
      else if (char === ']') inClass = false;
      continue;
    }
    if (char === '\\') {
      if (/[1-9k]/.test(pattern[index + 1] ?? '')) refuseRegex(pattern, ruleId, field, 'back-references are not allowed');
      index += 1;
    } else if (char === '[') inClass = true;
    else if (char === '(') {
      groups.push(false);
      // Skip a group's modifier ((?: (?= (?! (?<= (?<! (?<name>) so its '?' is not read as a repeat.
      if (pattern[index + 1] === '?') {
        const kind = pattern[index + 2];
        const named = kind === '<' && pattern[index + 3] !== '=' && pattern[index + 3] !== '!';
        const close = named ? pattern.indexOf('>', index) : -1;
        index = named && close !== -1 ? close : index + (kind === '<' ? 3 : 2);
      }
    } else if (char === ')') {
      closed = groups.pop() ?? false;
      if (closed) markRepeat(groups);
    } else if (char === '|') markRepeat(groups);
    else if (char === '*' || char === '+' || char === '{' || char === '?') {
      if (justClosed === true && char !== '?') refuseRegex(pattern, ruleId, field, 'a repeated group must not hold a repeat or an alternation (it backtracks exponentially)');
      markRepeat(groups);
    }
  }
}

function markRepeat(groups: boolean[]): void {
  if (groups.length > 0) groups[groups.length - 1] = true;
}

function refuseRegex(pattern: string, ruleId: string, field: string, why: string): never {
  throw new KronosError('INVALID_INPUT', `Rule '${ruleId}': the ${field} regex /${pattern}/ is refused: ${why}. Simplify the pattern or use match 'contains'.`, { ruleId, field, pattern });
}

function compileText(condition: Rule['conditions']['payee'], ruleId: string, field: string): TextTest | null {
  if (condition === undefined) return null;
  const { match, caseSensitive } = condition;
  if (match === 'regex') {
    checkRegexSafety(condition.value, ruleId, field);
    let regex: RegExp;
    try {
      regex = new RegExp(condition.value, caseSensitive ? 'u' : 'iu');
    } catch (error) {
      throw new KronosError('INVALID_INPUT', `Rule '${ruleId}': the ${field} regex /${condition.value}/ does not compile (${(error as Error).message}). Fix the pattern.`, { ruleId, field, pattern: condition.value });
    }
    return (normalised) => regex.test(normalised);
  }
  const wanted = normaliseText(condition.value);
  const target = caseSensitive ? wanted : wanted.toLowerCase();
  const pick = (normalised: string, folded: string): string => (caseSensitive ? normalised : folded);
  return match === 'exact' ? (normalised, folded) => pick(normalised, folded) === target : (normalised, folded) => pick(normalised, folded).includes(target);
}

/**
 * Validates rules and compiles their patterns once. Pass the result to
 * `applyRules` for every transaction of an import.
 *
 * @throws KronosError `INVALID_INPUT` for a malformed rule, a repeated rule id,
 *   a regex that does not compile or one that could backtrack exponentially
 * @example
 * ```ts
 * const rules = compileRules([{ id: 'coffee', conditions: { payee: { match: 'contains', value: 'coffee' } }, actions: { category: 'ana:food' } }]);
 * rules.rules.length; //=> 1
 * compileRules([{ id: 'bad', conditions: { payee: { match: 'regex', value: '(a+)+' } }, actions: { category: 'x' } }]); // throws INVALID_INPUT
 * ```
 */
export function compileRules(rules: readonly RuleInput[]): RuleSet {
  const parsed = parseInput(z.array(RuleSchema).max(rulesPerSetMax), rules, 'rules');
  const seen = new Set<string>();
  const compiled = parsed.map((rule) => {
    if (seen.has(rule.id)) throw new KronosError('INVALID_INPUT', `Rule id '${rule.id}' appears twice: give every rule its own id.`, { ruleId: rule.id });
    seen.add(rule.id);
    const { amount, accountIds } = rule.conditions;
    return {
      rule,
      payee: compileText(rule.conditions.payee, rule.id, 'payee'),
      memo: compileText(rule.conditions.memo, rule.id, 'memo'),
      min: amount?.min === undefined ? null : new Decimal(amount.min),
      max: amount?.max === undefined ? null : new Decimal(amount.max),
      accountIds: accountIds === undefined ? null : new Set(accountIds),
    };
  });
  return Object.freeze({ kind: 'rule_set', rules: Object.freeze(parsed), compiled: Object.freeze(compiled) });
}
