import { ACCOUNT_ROLE_LABELS, columnLabel, enumLabels, type LocalizedText, OUTPUT_VALUE_LABELS, type Violation } from '@coso/domain';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLEnumType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a list export reads from the GraphQL list query the screen runs: where its connection is
 * (`units`, `directiveReport.figure.records`), whether rows come as `nodes` or `edges.node`, and
 * one column per field selected on a row. Columns are derived from the selection and the domain's
 * labels, never written per list: a field without a label is refused, not headed with its key.
 */
export type ColumnType =
  | { kind: 'text'; values?: Readonly<Record<string, LocalizedText>> }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'enum'; labels: Readonly<Record<string, LocalizedText>> }
  /** A related record, written by its name (a place with the place above it, when selected). */
  | { kind: 'record' };

export interface ExportColumn {
  /** The row's response key (an alias when the query gives one). */
  key: string;
  header: LocalizedText;
  type: ColumnType;
}

export interface ListShape {
  /** Response keys from `data` to the connection. */
  path: string[];
  rows: 'nodes' | 'edges';
  columns: ExportColumn[];
  /** The connection selects `totalCount`. */
  counted: boolean;
}

type Shape = { ok: true; value: ListShape } | { ok: false; violations: Violation<string>[] };

function violation(code: string, vi: string, en: string): Violation<string> {
  return { code, severity: 'error', path: ['query'], message: { vi, en } };
}

/** The operation to run: the named one, else the only one. */
export function operationOf(document: DocumentNode, name?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? operations.find((o) => o.name?.value === name) : operations.length === 1 ? operations[0] : undefined;
}

/** The fields of a selection set, inline fragments and fragment spreads flattened. */
function fieldsOf(selection: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  return (selection?.selections ?? []).flatMap((node) => {
    if (node.kind === Kind.FIELD) return [node];
    if (node.kind === Kind.INLINE_FRAGMENT) return fieldsOf(node.selectionSet, fragments);
    return fieldsOf(fragments.get(node.name.value)?.selectionSet, fragments);
  });
}

const keyOf = (field: FieldNode) => (field.alias ?? field.name).value;

function fieldDef(parent: GraphQLCompositeType, field: FieldNode): GraphQLField<unknown, unknown> | undefined {
  return 'getFields' in parent ? parent.getFields()[field.name.value] : undefined;
}

/** A connection: a field whose selection reads `pageInfo { endCursor hasNextPage }` and `nodes` or `edges { node }`. */
function connectionRows(field: FieldNode, fragments: Map<string, FragmentDefinitionNode>): ListShape['rows'] | undefined {
  const fields = fieldsOf(field.selectionSet, fragments);
  const pageInfo = fields.find((f) => f.name.value === 'pageInfo' && !f.alias);
  const info = new Set(fieldsOf(pageInfo?.selectionSet, fragments).map((f) => keyOf(f)));
  if (!info.has('endCursor') || !info.has('hasNextPage')) return undefined;
  if (fields.some((f) => f.name.value === 'nodes' && !f.alias)) return 'nodes';
  const edges = fields.find((f) => f.name.value === 'edges' && !f.alias);
  return edges && fieldsOf(edges.selectionSet, fragments).some((f) => f.name.value === 'node' && !f.alias) ? 'edges' : undefined;
}

interface Found {
  path: string[];
  field: FieldNode;
  type: GraphQLCompositeType;
  rows: ListShape['rows'];
}

/** The fields of a selection set with the type each is read on (`... on AdministrativeUnit` under `node`). */
function typedFields(
  schema: GraphQLSchema,
  selection: SelectionSetNode | undefined,
  parent: GraphQLCompositeType,
  fragments: Map<string, FragmentDefinitionNode>,
): Array<{ field: FieldNode; parent: GraphQLCompositeType }> {
  return (selection?.selections ?? []).flatMap((node) => {
    if (node.kind === Kind.FIELD) return [{ field: node, parent }];
    const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : fragments.get(node.name.value);
    const condition = fragment?.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
    return condition && isCompositeType(condition) ? typedFields(schema, fragment?.selectionSet, condition, fragments) : [];
  });
}

/** Every connection the operation selects, depth first, with its response path. */
function connections(
  schema: GraphQLSchema,
  selection: SelectionSetNode | undefined,
  parent: GraphQLCompositeType,
  path: string[],
  fragments: Map<string, FragmentDefinitionNode>,
): Found[] {
  return typedFields(schema, selection, parent, fragments).flatMap(({ field, parent: on }) => {
    const def = fieldDef(on, field);
    const type = def && getNamedType(def.type);
    if (!type || !isCompositeType(type)) return [];
    const here = [...path, keyOf(field)];
    const rows = connectionRows(field, fragments);
    return rows ? [{ path: here, field, type, rows }] : connections(schema, field.selectionSet, type, here, fragments);
  });
}

/** The domain's words for an enum's values (the account roles' live with the accounts' rules). */
function labelsOf(values: readonly string[]): Readonly<Record<string, LocalizedText>> {
  const roles: readonly string[] = Object.keys(ACCOUNT_ROLE_LABELS);
  return values.length > 0 && values.every((v) => roles.includes(v)) && roles.length === values.length
    ? ACCOUNT_ROLE_LABELS
    : enumLabels(values);
}

/** A column's type from the field's GraphQL type (lists of records are records too). */
function columnType(def: GraphQLField<unknown, unknown>): ColumnType | undefined {
  const named = getNamedType(def.type);
  if (!isLeafType(named)) return { kind: 'record' };
  if (named instanceof GraphQLEnumType) return { kind: 'enum', labels: labelsOf(named.getValues().map((v) => v.value as string)) };
  switch (named.name) {
    case 'ID':
    case 'JSON':
      return undefined; // record ids and raw data are for programs, not for the people a list is exported for
    case 'Int':
    case 'Float':
      return isListType(isNonNullType(def.type) ? def.type.ofType : def.type) ? { kind: 'text' } : { kind: 'number' };
    case 'Boolean':
      return { kind: 'boolean' };
    case 'Date':
      return { kind: 'date' };
    default: {
      const values = OUTPUT_VALUE_LABELS[def.name];
      return values ? { kind: 'text', values } : { kind: 'text' };
    }
  }
}

/** The fields that name a related record in a cell (`recordText`). */
const NAMING_FIELDS = new Set(['name', 'fullName', 'label', 'code', 'vi', 'totalCount', 'nodes', 'title', 'subject']);

/** The list an operation reads, or why it cannot be exported (in both languages). */
export function listShape(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Shape {
  const operation = operationOf(document, operationName);
  if (operation?.operation !== 'query') {
    return {
      ok: false,
      violations: [
        violation(
          'EXPORT_NOT_A_QUERY',
          'Cần đúng một truy vấn (query) đọc danh sách; nếu tài liệu có nhiều thao tác, ghi rõ operationName.',
          'Send exactly one query that reads a list; name it with operationName when the document holds several operations.',
        ),
      ],
    };
  }
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const query = schema.getQueryType() as GraphQLObjectType;
  const found = connections(schema, operation.selectionSet, query, [], fragments);
  const [list] = found;
  const after = new Set((operation.variableDefinitions ?? []).map((v) => v.variable.name.value));
  const pagedByAfter = list?.field.arguments?.some(
    (a) => a.name.value === 'after' && a.value.kind === Kind.VARIABLE && after.has(a.value.name.value) && a.value.name.value === 'after',
  );
  if (!list || found.length > 1 || !pagedByAfter) {
    return {
      ok: false,
      violations: [
        violation(
          'EXPORT_NOT_A_LIST',
          'Truy vấn phải đọc đúng một danh sách phân trang: pageInfo { endCursor hasNextPage }, nodes hoặc edges { node }, và after: $after.',
          'The query must read exactly one paged list: pageInfo { endCursor hasNextPage }, nodes or edges { node }, and after: $after.',
        ),
      ],
    };
  }
  const connectionFields = fieldsOf(list.field.selectionSet, fragments);
  const rowField =
    list.rows === 'nodes'
      ? connectionFields.find((f) => f.name.value === 'nodes')
      : fieldsOf(connectionFields.find((f) => f.name.value === 'edges')?.selectionSet, fragments).find((f) => f.name.value === 'node');
  const connectionType = list.type as GraphQLObjectType;
  const rowType =
    list.rows === 'nodes'
      ? getNamedType(connectionType.getFields().nodes?.type)
      : getNamedType((getNamedType(connectionType.getFields().edges?.type) as GraphQLObjectType).getFields().node?.type);
  const columns: ExportColumn[] = [];
  const unlabelled: string[] = [];
  const seen = new Set<string>();
  for (const field of fieldsOf(rowField?.selectionSet, fragments)) {
    const key = keyOf(field);
    if (seen.has(key) || field.name.value === '__typename') continue;
    seen.add(key);
    const def = rowType && isCompositeType(rowType) ? fieldDef(rowType, field) : undefined;
    const type = def && columnType(def);
    if (!type) continue;
    // A related record is shown by what names it (its name, count, …); one selected for a program's use only
    // (a finding's `work { id version }`) is no column.
    if (type.kind === 'record' && !fieldsOf(field.selectionSet, fragments).some((f) => NAMING_FIELDS.has(f.name.value))) continue;
    const header = columnLabel(field.name.value);
    if (!header) unlabelled.push(field.name.value);
    else columns.push({ key, header, type });
  }
  if (unlabelled.length > 0) {
    return {
      ok: false,
      violations: [
        violation(
          'EXPORT_UNLABELLED_FIELD',
          `Chưa có tên cột tiếng Việt cho trường ${unlabelled.join(', ')}: bỏ trường này khỏi truy vấn xuất.`,
          `No Vietnamese column name for the field ${unlabelled.join(', ')}: leave it out of the exported query.`,
        ),
      ],
    };
  }
  return {
    ok: true,
    value: { path: list.path, rows: list.rows, columns, counted: connectionFields.some((f) => keyOf(f) === 'totalCount') },
  };
}
