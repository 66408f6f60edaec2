import type { IsoDate } from '@coso/domain';

interface DirectiveLike {
  id: string;
  issuedOn: IsoDate;
  reviews: ReadonlyArray<{ heldOn: IsoDate }>;
}

/** The directive a report opens on: the one in the address, else the most recently issued. */
export function chosenDirective<D extends DirectiveLike>(directives: readonly D[], wanted: string | null): D | undefined {
  const named = wanted ? directives.find((d) => d.id === wanted) : undefined;
  if (named) return named;
  return [...directives].sort((a, b) => (a.issuedOn < b.issuedOn ? 1 : a.issuedOn > b.issuedOn ? -1 : 0))[0];
}

/**
 * The date a report is made as of by default: the directive's latest review conference held by
 * today (the figures a review reported), else `fallback` (today, or the territory's last day).
 */
export function defaultReportDate(directive: DirectiveLike | undefined, today: IsoDate, fallback: IsoDate): IsoDate {
  // ISO dates sort as text: the last one is the latest.
  const held = (directive?.reviews ?? [])
    .map((r) => r.heldOn)
    .filter((d) => d <= today)
    .sort();
  return held.at(-1) ?? fallback;
}
