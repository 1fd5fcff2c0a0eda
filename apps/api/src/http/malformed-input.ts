/** Deeper JSON than this is refused before validation, whose recursion it would overflow. */
export const MAX_JSON_DEPTH = 32;

/** A lone UTF-16 surrogate (no character at all) or NUL (which PostgreSQL text cannot hold). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what it looks for
const INVALID_CHARACTER = /[\p{Cs}\u0000]/u;

interface Node {
  value: unknown;
  parent?: Node;
  key?: string;
  depth: number;
}

/** Arrays and plain objects, whatever their prototype (query strings have a bare one). */
const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  Array.isArray(value) || Object.prototype.toString.call(value) === '[object Object]';

/** `policy.triageSchoolDays`, `holidays.2`: the same paths the validation messages use. */
function pathOf(node: Node, what: string): string {
  const keys: string[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return keys.length > 0 ? keys.reverse().join('.') : what;
}

/**
 * What is wrong with a parsed JSON body (or query string), as a validation
 * message, or undefined when nothing is. One iterative pass: no recursion to
 * overflow, and it stops at the first nesting level beyond `maxDepth`.
 */
export function malformedInputProblem(
  input: unknown,
  what: string,
  maxDepth = MAX_JSON_DEPTH,
): string | undefined {
  const pending: Node[] = [{ value: input, depth: 0 }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { value, key, depth } = node;
    if (key !== undefined && INVALID_CHARACTER.test(key)) {
      return `${pathOf(node.parent!, what)} has a field name with an invalid character`;
    }
    if (typeof value === 'string') {
      if (INVALID_CHARACTER.test(value))
        return `${pathOf(node, what)} contains an invalid character`;
      continue;
    }
    if (!isContainer(value)) continue;
    if (depth === maxDepth) return `${what} is nested more than ${maxDepth} levels deep`;
    const entries = Object.entries(value);
    // Pushed last-first, so fields are checked (and the first problem named) in order.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      pending.push({ value: entries[i][1], parent: node, key: entries[i][0], depth: depth + 1 });
    }
  }
  return undefined;
}
