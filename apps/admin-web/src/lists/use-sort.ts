import type { SorterResult } from 'antd/es/table/interface';
import type { ParamChanges } from './use-list-params';

export type SortDirection = 'ASC' | 'DESC';

export interface ListSort<F extends string> {
  field: F;
  direction: SortDirection;
}

/**
 * The list's order in the address (?sort=NAME&dir=DESC), checked against the fields the API can
 * order by; `fallback` when missing. The server sorts (Vietnamese collation), never the table.
 */
export function sortFromParams<F extends string>(params: URLSearchParams, fields: readonly F[], fallback: ListSort<F>): ListSort<F> {
  const field = fields.find((f) => f === params.get('sort'));
  if (!field) return fallback;
  return { field, direction: params.get('dir') === 'DESC' ? 'DESC' : 'ASC' };
}

/** antd's sortOrder for a column ordered by `field`. */
export function columnSortOrder<F extends string>(sort: ListSort<F>, field: F): 'ascend' | 'descend' | null {
  if (sort.field !== field) return null;
  return sort.direction === 'DESC' ? 'descend' : 'ascend';
}

/**
 * The address change for a click on a sortable column header. Column keys are the API's order
 * fields; a click that clears the order goes back to the default (no parameters).
 */
export function sortChange<T>(sorter: SorterResult<T> | SorterResult<T>[], fields: readonly string[]): ParamChanges {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  const key = one?.columnKey;
  if (!one?.order || typeof key !== 'string' || !fields.includes(key)) return { sort: null, dir: null };
  return { sort: key, dir: one.order === 'descend' ? 'DESC' : null };
}
