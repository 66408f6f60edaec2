import { type LocalizedText, RULES } from '@coso/domain';

/** A finding rule's title from the catalogue ("Tổ dân phố có nhà chung cư chưa có chi bộ"), else its code. */
export function ruleTitle(code: string): LocalizedText {
  const rule = (RULES as Record<string, { title: LocalizedText } | undefined>)[code];
  return rule?.title ?? { vi: code, en: code };
}
