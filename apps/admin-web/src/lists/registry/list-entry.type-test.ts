/**
 * Compile-time tests of defineListEntry's checks (run by `npm run typecheck`): each
 * `@ts-expect-error` line must fail to compile, or tsc reports the directive as unused.
 */
import type { TypedDocumentNode } from '@apollo/client';
import type { UnitsListQuery, UnitsListQueryVariables } from '../../gql/graphql';
import type { ListConnection, TypedListEntry } from './list-entry';

type UnitsEntry = TypedListEntry<UnitsListQuery, UnitsListQueryVariables, 'units'>;
const column = (c: UnitsEntry['columns'][number]) => c;
const filter = (f: UnitsEntry['filters'][number]) => f;
const sort = (s: UnitsEntry['defaultSort']) => s;
const H = { vi: 'Tên', en: 'Name' };

// What the document selects, orders and filters by is accepted.
column({ key: 'name', header: H, format: 'text', field: 'name' });
column({ key: 'parent', header: H, format: 'text', field: 'parent.name' });
column({ key: 'KIND', sort: 'KIND', header: H, format: 'enum', field: 'kind', labels: {} });
filter({ kind: 'search', field: 'name' });
filter({ kind: 'enum', field: 'kind', param: 'kind', label: H, all: H, options: [{ value: 'WARD', label: H }] });
sort({ field: 'VALID_FROM', direction: 'DESC' });

// @ts-expect-error a field the document does not select
column({ key: 'address', header: H, format: 'text', field: 'address' });
// @ts-expect-error a nested field the document does not select
column({ key: 'parent', header: H, format: 'text', field: 'parent.code' });
// @ts-expect-error an order field the API does not have for units
column({ key: 'SIZE', sort: 'APARTMENT_COUNT', header: H, format: 'text', field: 'name' });
// @ts-expect-error a default order by a field the API cannot order by
sort({ field: 'CODE', direction: 'ASC' });
// @ts-expect-error a filter field the API's UnitFilter does not have
filter({ kind: 'ward', field: 'servesUnitId' });
// @ts-expect-error an enum filter's option that is not a value of the enum
filter({ kind: 'enum', field: 'kind', param: 'kind', label: H, all: H, options: [{ value: 'CITY', label: H }] });
// @ts-expect-error a search on a field that is not a text filter
filter({ kind: 'search', field: 'kind' });
// @ts-expect-error a list field that is not a connection of the document
export type NotAConnection = TypedListEntry<UnitsListQuery, UnitsListQueryVariables, 'unit'>;

// A list field without `$orderBy` and `$filter` (a new entity's plain list): no order to choose, no filters.
type PlainResult = { things: ListConnection<{ id: string; name: string }> };
type PlainVariables = { asOf: string; first: number; after?: string | null };
const W = { title: H, total: H, empty: H, loadError: H };
const menu = { order: 999, icon: () => null, label: H };
declare const plainDocument: TypedDocumentNode<PlainResult, PlainVariables>;
declare const unitsDocument: TypedDocumentNode<UnitsListQuery, UnitsListQueryVariables>;

export const plain: TypedListEntry<PlainResult, PlainVariables, 'things'> = {
  path: 'things',
  menu,
  words: W,
  document: plainDocument,
  list: 'things',
  columns: [{ key: 'name', header: H, format: 'text', field: 'name' }],
  filters: [],
};

export const plainSorted: TypedListEntry<PlainResult, PlainVariables, 'things'> = {
  path: 'things',
  menu,
  words: W,
  document: plainDocument,
  list: 'things',
  columns: [],
  filters: [],
  // @ts-expect-error no order to open in without `$orderBy`
  defaultSort: { field: 'NAME', direction: 'ASC' },
};

// @ts-expect-error a document with `$orderBy` opens in a stated order
export const unitsWithoutOrder: TypedListEntry<UnitsListQuery, UnitsListQueryVariables, 'units'> = {
  path: 'units',
  menu,
  words: W,
  document: unitsDocument,
  list: 'units',
  columns: [],
  filters: [],
};
