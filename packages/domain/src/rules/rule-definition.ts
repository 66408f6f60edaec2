import type { EntityType, LocalizedText, Severity } from '../validation/result.js';

/**
 * Every rule the platform checks, with a stable code. Codes are API: the GraphQL errors, the
 * findings and the admin web switch on them, so a code is never renamed or reused.
 *
 * - `error`: blocks a write (the mutation is refused and nothing changes);
 * - `warning`: never blocks; it is reported as a finding.
 *
 * Numeric limits are not here: they are dated rule data (`rule-data.ts`), because the law changes.
 */
export interface RuleDefinition<Code extends string = string> {
  /** The rule's stable code, the key it has in the catalogue. */
  code: Code;
  severity: Severity;
  appliesTo: EntityType;
  /** Legal or policy source, as cited in docs/domain.md. */
  source: string;
  title: LocalizedText;
}

/**
 * A catalogue entry. Marked free of side effects so a bundler drops every entry of a catalogue
 * nothing reads (an app that validates a citizen ID does not carry the board rules).
 */
/* @__NO_SIDE_EFFECTS__ */
export function rule<const Code extends string>(
  code: Code,
  severity: Severity,
  appliesTo: EntityType,
  source: string,
  vi: string,
  en: string,
): RuleDefinition<Code> {
  return { code, severity, appliesTo, source, title: { vi, en } };
}
