/** What a form tells the detail page it navigates to (router state): shown once, above the record. */
export interface PersonDetailFlash {
  flash: 'created' | 'saved';
  name: string;
}

export function isPersonDetailFlash(state: unknown): state is PersonDetailFlash {
  if (typeof state !== 'object' || state === null) return false;
  const { flash, name } = state as Record<string, unknown>;
  return (flash === 'created' || flash === 'saved') && typeof name === 'string';
}
