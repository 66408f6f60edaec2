import { IDENTIFIER_RULES, type IdentifierRuleCode } from '../rules/identifier-rules.js';
import type { EntityRef, FieldPath, Violation } from '../validation/result.js';

/** A violation of a catalogued rule; its severity comes from the catalog. Vietnamese is stored NFC. */
export function identifierViolation(code: IdentifierRuleCode, path: FieldPath, vi: string, en: string, entity?: EntityRef): Violation {
  const v: Violation = { code, severity: IDENTIFIER_RULES[code].severity, path, message: { vi: vi.normalize('NFC'), en } };
  return entity ? { ...v, entity } : v;
}
