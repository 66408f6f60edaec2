/**
 * One feature's messages: Vietnamese (the keys' source of truth) and English with the same keys,
 * checked by the compiler. Each feature owns a module under messages/, merged by dictionary.ts.
 */
export function defineMessages<const V extends Record<string, string>>(vi: V, en: { [K in keyof V]: string }) {
  return { vi, en: en as Record<keyof V, string> };
}
