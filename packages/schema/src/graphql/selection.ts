/**
 * Pothos plans `{ select: {} }` for an include-mode object whose requested fields are all plain
 * columns; Prisma refuses an empty select. Loading the row's columns is what such a field needs.
 */
export function nonEmpty<T>(selection: T): T | true {
  if (selection && typeof selection === 'object' && 'select' in selection) {
    const select = (selection as { select?: object }).select;
    if (select && Object.keys(select).length === 0) {
      const { select: _drop, ...rest } = selection as Record<string, unknown>;
      return (Object.keys(rest).length ? rest : true) as T | true;
    }
  }
  return selection;
}
