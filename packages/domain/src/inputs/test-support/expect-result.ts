import type { Result, Violation } from '../../validation/result.js';

/** The value of a successful result; fails the test (showing the violations) otherwise. */
export function parsedValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.violations, null, 1)}`);
  return result.value;
}

/** The violations of a failed result; fails the test otherwise. */
export function violationsOf<T>(result: Result<T>): Violation[] {
  if (result.ok) throw new Error(`expected failure, got ${JSON.stringify(result.value)}`);
  return result.violations;
}

/** Code and dotted path of each violation, for compact assertions. */
export function codesAt(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${v.code}@${v.path.join('.')}`);
}
