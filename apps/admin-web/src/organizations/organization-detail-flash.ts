/**
 * What a board form tells the body's page it navigates to (router state): the page says it once,
 * above the record, instead of a toast raised by the form as it leaves.
 */
export interface OrganizationDetailFlash {
  flash: 'established' | 'consolidated';
  name: string;
}

export function isOrganizationDetailFlash(state: unknown): state is OrganizationDetailFlash {
  if (typeof state !== 'object' || state === null) return false;
  const { flash, name } = state as Record<string, unknown>;
  return (flash === 'established' || flash === 'consolidated') && typeof name === 'string';
}
