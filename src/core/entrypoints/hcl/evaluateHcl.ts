import type { HclExpression } from './hclSyntax';

/** A value an HCL expression evaluates to; `UNKNOWN` when Stageflow cannot know it without running Bake. */
export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue } | typeof UNKNOWN;

/** The value of what Stageflow does not evaluate (an unknown function, a for expression, a template directive). */
export const UNKNOWN: unique symbol = Symbol('unknown');

/** A user function of the file: `function "name" { params = [...] result = ... }`. */
export interface HclFunction {
  params: string[];
  result: HclExpression;
}

/** What names mean while evaluating: variables (looked up lazily, so defaults may use each other) and functions. */
export interface HclScope {
  /** The variable's value, `undefined` when no such name exists. */
  variable(name: string): HclValue | undefined;
  function(name: string): HclFunction | undefined;
}

/**
 * Evaluates an expression as Bake's HCL would, for the part of the language Bake files use: literals, templates,
 * variables, tuples, objects, attribute and index access, operators, conditionals, user functions and a few
 * standard functions. Anything else is `UNKNOWN` (never an exception), and so is every expression built on it.
 */
export function evaluateHcl(expression: HclExpression, scope: HclScope, depth = 0): HclValue {
  if (depth > 64) return UNKNOWN; // a recursive user function
  const evaluate = (inner: HclExpression) => evaluateHcl(inner, scope, depth + 1);
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'template': {
      if (expression.hasDirective) return UNKNOWN;
      if (expression.parts.length === 1 && 'expression' in expression.parts[0]) {
        // "${x}" alone keeps x's type, as in HCL.
        return evaluate(expression.parts[0].expression);
      }
      let text = '';
      for (const part of expression.parts) {
        if ('text' in part) {
          text += part.text;
          continue;
        }
        const value = toText(evaluate(part.expression));
        if (value === UNKNOWN) return UNKNOWN;
        text += value;
      }
      return text;
    }
    case 'variable': {
      const value = scope.variable(expression.name);
      return value === undefined ? UNKNOWN : value;
    }
    case 'tuple':
      return freeze(expression.items.map(evaluate));
    case 'object': {
      const object: { [key: string]: HclValue } = {};
      for (const item of expression.items) {
        const key = toText(evaluate(item.key));
        if (key === UNKNOWN) return UNKNOWN;
        object[key] = evaluate(item.value);
      }
      return object;
    }
    case 'getAttr': {
      const target = evaluate(expression.target);
      return isObject(target) && Object.hasOwn(target, expression.name) ? target[expression.name] : UNKNOWN;
    }
    case 'index': {
      const target = evaluate(expression.target);
      const key = evaluate(expression.key);
      if (Array.isArray(target) && typeof key === 'number') return target[key] ?? UNKNOWN;
      if (isObject(target) && typeof key === 'string') return Object.hasOwn(target, key) ? target[key] : UNKNOWN;
      return UNKNOWN;
    }
    case 'unary': {
      const operand = evaluate(expression.operand);
      if (expression.operator === '!') return typeof operand === 'boolean' ? !operand : UNKNOWN;
      return typeof operand === 'number' ? -operand : UNKNOWN;
    }
    case 'binary':
      return evaluateBinary(expression.operator, evaluate(expression.left), () => evaluate(expression.right));
    case 'conditional': {
      const condition = evaluate(expression.condition);
      if (typeof condition !== 'boolean') return UNKNOWN;
      return condition ? evaluate(expression.whenTrue) : evaluate(expression.whenFalse);
    }
    case 'call':
      return evaluateCall(expression.name, expression.expandFinal ? UNKNOWN_ARGS : expression.args.map(evaluate), scope, depth);
    case 'unsupported':
      return UNKNOWN;
  }
}

const UNKNOWN_ARGS: HclValue[] = [UNKNOWN];

/** A value as template text: strings, numbers and booleans convert, anything else is unknown (null is an error). */
export function toText(value: HclValue): string | typeof UNKNOWN {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return UNKNOWN;
}

function isObject(value: HclValue): value is { [key: string]: HclValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function freeze(items: HclValue[]): HclValue {
  return items.includes(UNKNOWN) ? UNKNOWN : items;
}

function evaluateBinary(operator: string, left: HclValue, right: () => HclValue): HclValue {
  if (operator === '&&' || operator === '||') {
    if (typeof left !== 'boolean') return UNKNOWN;
    if (operator === '&&' && !left) return false;
    if (operator === '||' && left) return true;
    const value = right();
    return typeof value === 'boolean' ? value : UNKNOWN;
  }
  const rightValue = right();
  if (left === UNKNOWN || rightValue === UNKNOWN) return UNKNOWN;
  if (operator === '==' || operator === '!=') {
    const equal = sameValue(left, rightValue);
    return equal === UNKNOWN ? UNKNOWN : operator === '==' ? equal : !equal;
  }
  const a = toNumber(left);
  const b = toNumber(rightValue);
  if (a === null || b === null) return UNKNOWN;
  switch (operator) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? UNKNOWN : a / b;
    case '%':
      return b === 0 ? UNKNOWN : a % b;
    default:
      return UNKNOWN;
  }
}

/** HCL equality: a number and its decimal string are not equal (different types); structures compare deeply. */
function sameValue(a: HclValue, b: HclValue): boolean | typeof UNKNOWN {
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function toNumber(value: HclValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return Number(value);
  return null;
}

/** The standard functions Bake files most use to pick values; others (md5, timestamp, ...) stay unknown. */
const STANDARD_FUNCTIONS: Record<string, (args: HclValue[]) => HclValue> = {
  equal: ([a, b]) => sameValue(a, b),
  notequal: ([a, b]) => {
    const equal = sameValue(a, b);
    return equal === UNKNOWN ? UNKNOWN : !equal;
  },
  and: (args) => (args.every((a) => typeof a === 'boolean') ? args.every(Boolean) : UNKNOWN),
  or: (args) => (args.every((a) => typeof a === 'boolean') ? args.some(Boolean) : UNKNOWN),
  not: ([a]) => (typeof a === 'boolean' ? !a : UNKNOWN),
  lower: ([a]) => (typeof a === 'string' ? a.toLowerCase() : UNKNOWN),
  upper: ([a]) => (typeof a === 'string' ? a.toUpperCase() : UNKNOWN),
  trimspace: ([a]) => (typeof a === 'string' ? a.trim() : UNKNOWN),
  coalesce: (args) => {
    for (const arg of args) {
      if (arg === UNKNOWN) return UNKNOWN;
      if (arg !== null && arg !== '') return arg;
    }
    return UNKNOWN;
  },
  join: ([separator, list]) => {
    if (typeof separator !== 'string' || !Array.isArray(list)) return UNKNOWN;
    const texts = list.map(toText);
    return texts.includes(UNKNOWN) ? UNKNOWN : texts.join(separator);
  },
  concat: (lists) => (lists.every(Array.isArray) ? (lists as HclValue[][]).flat() : UNKNOWN),
};

function evaluateCall(name: string, args: HclValue[], scope: HclScope, depth: number): HclValue {
  if (args.includes(UNKNOWN)) return UNKNOWN;
  const user = scope.function(name);
  if (user) {
    if (user.params.length !== args.length) return UNKNOWN;
    const bound = new Map<string, HclValue>(user.params.map((param, i) => [param, args[i]]));
    const inner: HclScope = {
      variable: (variable) => (bound.has(variable) ? bound.get(variable) : scope.variable(variable)),
      function: (fn) => scope.function(fn),
    };
    return evaluateHcl(user.result, inner, depth + 1);
  }
  const standard = Object.hasOwn(STANDARD_FUNCTIONS, name) ? STANDARD_FUNCTIONS[name] : undefined;
  return standard ? standard(args) : UNKNOWN;
}
