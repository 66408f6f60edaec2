/** A figure as reports write it: "222", or "49/49" when it counts out of a denominator. */
export function figureText(value: number, denominator: number | null | undefined): string {
  return denominator === null || denominator === undefined ? String(value) : `${value}/${denominator}`;
}

/**
 * The share of a figure in its denominator, as a whole percent (floored, so 99.6 % of the way is
 * not shown as done), or null without a denominator; 0 of 0 is null too (nothing to do).
 */
export function percentOf(value: number, denominator: number | null | undefined): number | null {
  if (denominator === null || denominator === undefined || denominator <= 0) return null;
  return Math.min(100, Math.floor((value * 100) / denominator));
}

/** "98 %" the Vietnamese way (a space before %), "98%" in English. */
export function percentText(percent: number, language: 'vi' | 'en'): string {
  return language === 'vi' ? `${percent} %` : `${percent}%`;
}
