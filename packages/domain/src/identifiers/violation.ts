import { RULES, type RuleCode } from '../rules/catalog.js';
import type { EntityRef, FieldPath, Violation } from '../validation/result.js';

/** A violation of a catalogued rule; its severity comes from the catalog. Vietnamese is stored NFC. */
export function identifierViolation(code: RuleCode, path: FieldPath, vi: string, en: string, entity?: EntityRef): Violation {
  const v: Violation = { code, severity: RULES[code].severity, path, message: { vi: vi.normalize('NFC'), en } };
  return entity ? { ...v, entity } : v;
}
