import type { TypedDocumentNode } from '@apollo/client';
import type { LocalizedText } from '@coso/domain';
import { type DocumentNode, Kind } from 'graphql';
import type { ComponentType, ReactNode } from 'react';
import type { SessionUser } from '../../session/session';
import type { RecordPageType } from '../record-links';
import type { ListSort, SortDirection } from '../use-sort';

/** Words in both languages, Vietnamese first (NFC, with diacritics): `{ vi, en }`. */
export type Words = LocalizedText;

/**
 * The variables a registry list's document takes: the page's date and cursor page, and its filter
 * and order when the list field has them (the page sends only the variables the document declares).
 */
export interface ListVariables {
  asOf: string;
  filter?: object | null;
  orderBy?: ReadonlyArray<{ field: string; direction?: SortDirection | null }> | { field: string } | null;
  first: number;
  after?: string | null;
}

/** A Relay connection as the list fields answer it. */
export interface ListConnection<Row> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: readonly Row[];
}

/** A row as the generic page reads it: an id and fields read by path. */
export type ListRow = { id: string } & Readonly<Record<string, unknown>>;

/** What a custom column's renderer may use besides its row. */
export interface CellContext {
  asOf: string;
  language: keyof Words;
  user: SessionUser;
}

/* ----- Typed (compile-time) form: what an entry file writes ----- */

type Depth = [unknown, unknown, unknown];

/** The dotted paths of a row's fields, nested objects included ("residentialGroup.parent"), three levels deep. */
export type FieldPath<T, D extends unknown[] = Depth> = T extends readonly unknown[]
  ? never
  : T extends object
    ? {
        [K in keyof T & string]:
          | K
          | (D extends [unknown, ...infer Rest extends unknown[]] ? `${K}.${FieldPath<NonNullable<T[K]>, Rest>}` : never);
      }[keyof T & string]
    : never;

/** The fields of a result that are connections (`units`, `buildings`). */
export type ConnectionKey<Result> = {
  [K in keyof Result & string]: Result[K] extends ListConnection<{ id: string }> ? K : never;
}[keyof Result & string];

export type RowOf<Result, K extends keyof Result> = Result[K] extends ListConnection<infer Row> ? Row : never;

/** The order fields a document's `$orderBy` accepts (`NAME`, `APARTMENT_COUNT`). */
export type SortFieldOf<V> = V extends { orderBy?: infer O }
  ? Exclude<NonNullable<O>, readonly unknown[]> extends { field: infer F extends string }
    ? F
    : never
  : never;

/** The input type of a document's `$filter`. */
export type FilterOf<V> = V extends { filter?: infer F } ? NonNullable<F> : never;

type KeysWhere<T, V> = { [K in keyof T & string]-?: NonNullable<T[K]> extends V ? K : never }[keyof T & string];

interface ColumnBase<S extends string> {
  /** Unique in the entry; for a sortable column, the API's order field. */
  key: string;
  header: Words;
  /** A tooltip on the header. */
  hint?: Words;
  /** The API's order field this column sorts by (the server sorts, Vietnamese collation). */
  sort?: S;
}

/** How a column shows its field. */
export type TypedColumn<Row, S extends string> = ColumnBase<S> &
  (
    | { format: 'text'; field: FieldPath<Row>; secondary?: FieldPath<Row> }
    | { format: 'number'; field: FieldPath<Row> }
    | { format: 'date'; field: FieldPath<Row> }
    /** validFrom – validTo (the last day in force), "từ …" while open. */
    | { format: 'period' }
    /**
     * An enum value by its labels; `ownLabel`: the record's own Vietnamese word for it (a unit's
     * "Thị trấn"), shown in Vietnamese when present.
     */
    | { format: 'enum'; field: FieldPath<Row>; labels: Readonly<Record<string, Words>>; ownLabel?: FieldPath<Row> }
    /** A place by its kind and name ("Phường Giang Biên"), as text. */
    | { format: 'place'; field: FieldPath<Row>; secondary?: FieldPath<Row> }
    /**
     * A link to a record's detail page (`field` the related record, or the row itself when absent),
     * named by its `name` (`display: 'place'`: kind and name). `secondary`: a line under it.
     * `missing`: when there is none, "Chưa có" and an action for those who may write.
     */
    | {
        format: 'link';
        field?: FieldPath<Row>;
        to: RecordPageType;
        display?: 'name' | 'place';
        strong?: boolean;
        secondary?: FieldPath<Row>;
        secondaryDisplay?: 'text' | 'place';
        missing?: { action?: { label: Words; href(row: Row): string | null } };
      }
    /** Anything else, rendered by the entry. */
    | { format: 'custom'; render(row: Row, context: CellContext): ReactNode }
  );

type EnumFilter<F> = {
  [K in keyof F & string]: NonNullable<F[K]> extends string
    ? {
        kind: 'enum';
        field: K;
        /** The address parameter (`?kind=WARD`). */
        param: string;
        label: Words;
        all: Words;
        options: ReadonlyArray<{ value: NonNullable<F[K]>; label: Words }>;
      }
    : never;
}[keyof F & string];

/** A list's filters, in the address and in `$filter`. */
export type TypedFilter<F> =
  /** Search by name, every word, diacritics optional (`?q=`). */
  | { kind: 'search'; field: KeysWhere<F, { search?: string | null }> }
  /** One ward of the account's territory (`?ward=`). */
  | { kind: 'ward'; field: KeysWhere<F, string | number> }
  | EnumFilter<F>
  /** Yes / no / all (`?board=yes`). */
  | { kind: 'boolean'; field: KeysWhere<F, boolean>; param: string; label: Words; all: Words; yes: Words; no: Words };

/** The menu entry of a list. */
export interface MenuPlacement {
  /** Position in the menu, ascending (the other sections' numbers are in shell/sections.ts). */
  order: number;
  icon: ComponentType;
  label: Words;
  /** Shown only to system administrators. */
  adminOnly?: boolean;
}

/** The words of a list page besides its columns and filters. */
export interface ListWords {
  title: Words;
  /** "{count} đơn vị". */
  total: Words;
  empty: Words;
  loadError: Words;
}

/** The order a list opens in: required when its document takes `$orderBy`, absent otherwise. */
type DefaultSort<S extends string> = [S] extends [never] ? { defaultSort?: undefined } : { defaultSort: ListSort<S> };

/** A list page as an entry file writes it, checked against its document's types. */
export type TypedListEntry<Result, Variables extends ListVariables, K extends ConnectionKey<Result>> = {
  /** The route (`/units`) and the menu key. */
  path: string;
  menu: MenuPlacement;
  words: ListWords;
  document: TypedDocumentNode<Result, Variables>;
  /** The connection field the document reads. */
  list: K;
  columns: ReadonlyArray<TypedColumn<RowOf<Result, K>, SortFieldOf<Variables>>>;
  /** `[]` when the document takes no `$filter`. */
  filters: ReadonlyArray<TypedFilter<FilterOf<Variables>>>;
} & DefaultSort<SortFieldOf<Variables>>;

/* ----- Erased (run-time) form: what the menu, the routes and the page read ----- */

export type Column = ColumnBase<string> &
  (
    | { format: 'text' | 'date' | 'number'; field: string; secondary?: string }
    | { format: 'period' }
    | { format: 'enum'; field: string; labels: Readonly<Record<string, Words>>; ownLabel?: string }
    | { format: 'place'; field: string; secondary?: string }
    | {
        format: 'link';
        field?: string;
        to: RecordPageType;
        display?: 'name' | 'place';
        strong?: boolean;
        secondary?: string;
        secondaryDisplay?: 'text' | 'place';
        missing?: { action?: { label: Words; href(row: ListRow): string | null } };
      }
    | { format: 'custom'; render(row: ListRow, context: CellContext): ReactNode }
  );

export type Filter =
  | { kind: 'search'; field: string }
  | { kind: 'ward'; field: string }
  | { kind: 'enum'; field: string; param: string; label: Words; all: Words; options: ReadonlyArray<{ value: string; label: Words }> }
  | { kind: 'boolean'; field: string; param: string; label: Words; all: Words; yes: Words; no: Words };

export interface ListEntry {
  path: string;
  menu: MenuPlacement;
  words: ListWords;
  document: DocumentNode;
  list: string;
  columns: readonly Column[];
  filters: readonly Filter[];
  defaultSort?: ListSort<string> | undefined;
}

/**
 * A registry entry, its document, columns, order and filters checked against the document's result
 * and variables at compile time; the registry keeps it with those types erased.
 */
export function defineListEntry<Result, Variables extends ListVariables, const K extends ConnectionKey<Result>>(
  entry: TypedListEntry<Result, Variables, K>,
): ListEntry;
// The checked signature above is what entries call; a row type is one of the ListRows the page reads.
export function defineListEntry(entry: ListEntry): ListEntry {
  return entry;
}

/** The variables a document declares (`asOf`, `filter`…): the page sends only those. */
export function declaredVariables(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION)
      for (const v of definition.variableDefinitions ?? []) names.add(v.variable.name.value);
  }
  return names;
}

/** The value at a dotted path of a row ("residentialGroup.parent.name"); undefined past a missing object. */
export function valueAt(row: unknown, path: string): unknown {
  let value: unknown = row;
  for (const name of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** The connection `list` of an answer, when it has the shape of one. */
export function connectionOf(data: unknown, list: string): ListConnection<ListRow> | undefined {
  const connection = valueAt(data, list);
  if (connection === null || typeof connection !== 'object') return undefined;
  const { totalCount, pageInfo, nodes } = connection as Partial<ListConnection<ListRow>>;
  if (typeof totalCount !== 'number' || !pageInfo || !Array.isArray(nodes)) return undefined;
  return { totalCount, pageInfo, nodes };
}
