import { isUuid } from '@coso/domain';
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';
import type { PersonalField } from '../../auth/personal-data.js';
import { modelFacts } from '../../entities/data-model.js';
import { definitionOf, isEntityType } from '../../entities/definitions.js';
import { activeOnWhere } from '../../store/db-dates.js';
import { inheritedOr } from '../as-of.js';
import { membersQuery } from '../bodies.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { boardWhere, buildingsQuery } from '../buildings.js';
import type { Context } from '../context.js';
import { keepNotes } from '../hidden-records.js';
import { bindingOf, checkListCursor, listTag, parentTag, recordTag } from '../list-cursors.js';
import { type PeopleOrderValue, type PersonFilterValue, peopleOrder, personWhere } from '../people.js';
import { CHILD_ORDER, childLinksWhere, unitsOrder, unitWhere } from '../places.js';
import { scoped } from '../territory-filters.js';
import { FALLBACK, PERSONAL, PERSONAL_FIELDS } from './finish-answer.js';
import { PRE_RESOLVED } from './pre-resolved-plugin.js';
import { conjuncts, onRelated, Proven, withoutImplied } from './proven.js';
import { COMPILED_ROOTS, type CompiledRead } from './roots.js';
import {
  Aliases,
  columnOf,
  cursorSql,
  isObject,
  NotCompiled,
  orderSql,
  Params,
  relationJoin,
  type SqlScope,
  tableOf,
  whereSql,
} from './where-sql.js';

/**
 * The explorer's nested read — units → children → buildings → board → members → person — as ONE
 * SQL statement generated from the GraphQL selection (issue #13): the statement builds the JSON the
 * client receives, each object marked pre-resolved (`PRE_RESOLVED`), and the pre-resolved plugin
 * makes every field below the root hand it through. Each level filters by the same Prisma condition
 * its Pothos field builds (`childLinksWhere`, `buildingsQuery`, `boardWhere`, `membersQuery`,
 * `unitWhere` + `scoped`: as-of dates, the viewer's territory as an `EXISTS` on the closure, party
 * rules), written as SQL by `where-sql.ts`; scalars are the fields Pothos exposes as a column, so a
 * field with its own resolver (masking, logging, a role gate) is not covered.
 *
 * What it covers, and nothing else (anything else throws `NotCompiled` and the whole root field is
 * answered by the resolvers): the root `units` and `people` (asOf, filter, orderBy, first; the
 * people search's `minPosts` and party filters excepted) and `node(id:)` of a place (the explorer's
 * next page of children); a unit's `code` and `parent`, a person's `residenceUnit` and personal
 * details (finish-answer.ts); connections asked for `nodes`, `edges`, `pageInfo`, `totalCount` and
 * `__typename` with `first` in 1…MAX_PAGE_SIZE or left out, and `after` on the root lists and on a
 * place's `children` below `node(id:)` (`before` and `last` fall back, and so does `after` on a list
 * below a list of parents); the links below; on every object `id`, `__typename` and exposed columns
 * without arguments or auth scopes, of any alias, through fragments and `@include`/`@skip`
 * (graphql-js' own field collection).
 *
 * A level does not prove again what the row it hangs off proved (proven.ts): the board's and the
 * members' territory under a board the statement found inside it, the members' people (the
 * definitions' implication, `relatedReadable`).
 */

/** A link from an object to related rows, as the Pothos field of that name reads them. */
interface Link {
  /** The arguments the link understands; any other (a cursor) is not compiled. */
  args: readonly string[];
  list: boolean;
  /** The Prisma relation from the parent's model to the rows, then (optionally) from each row to the node. */
  relation: string;
  node?: string;
  query: (ctx: Context, asOf: string, args: Record<string, unknown>) => { where: unknown; orderBy?: unknown };
  /**
   * A to-one link whose record the viewer may not be allowed to read (its type's read check would
   * refuse it with an error on the field): the statement checks `readWhere` of the record's type
   * and, when it fails, the resolvers answer the root field (finish-answer.ts).
   */
  checked?: true;
}

const LINKS: Record<string, Link> = {
  'AdministrativeUnit.children': {
    args: ['asOf', 'kind', 'first', 'after'],
    list: true,
    relation: 'childLinks',
    node: 'unit',
    query: (ctx, asOf, args) => ({ where: childLinksWhere(ctx, asOf, args.kind as string | undefined), orderBy: CHILD_ORDER }),
  },
  'AdministrativeUnit.buildings': {
    args: ['asOf', 'first'],
    list: true,
    relation: 'buildings',
    query: (ctx, asOf) => buildingsQuery(ctx, asOf),
  },
  'ApartmentBuilding.board': { args: ['asOf'], list: false, relation: 'boards', query: (ctx, asOf) => ({ where: boardWhere(ctx, asOf) }) },
  'Organization.members': {
    args: ['asOf', 'role', 'first'],
    list: true,
    relation: 'memberships',
    query: (ctx, asOf, args) => membersQuery(ctx, asOf, args.role as string | undefined),
  },
  // The members' where already requires the person readable (`relatedReadable`).
  'Membership.person': { args: [], list: false, relation: 'person', query: () => ({ where: {} }) },
  // As `parent`'s select reads it: the link held on the date, then its parent.
  'AdministrativeUnit.parent': {
    args: ['asOf'],
    list: false,
    relation: 'parentLinks',
    node: 'parent',
    checked: true,
    query: (_ctx, asOf) => ({ where: activeOnWhere(asOf) }),
  },
  'Person.residenceUnit': { args: [], list: false, relation: 'residenceUnit', checked: true, query: () => ({ where: {} }) },
};

/**
 * Scalars a field's own select or resolver reads, as it reads them: `code` is the
 * code held on the date (`code`'s select: the first of the codes active on the date).
 */
const DERIVED_SCALARS: Record<string, (walk: Walk, alias: string, asOf: string) => string> = {
  'AdministrativeUnit.code': (walk, alias, asOf) => {
    const c = walk.aliases.next();
    const join = relationJoin('AdministrativeUnit', alias, 'codes', c);
    const where = whereSql(join.model, c, activeOnWhere(asOf), walk);
    return `(SELECT ${c}.${columnOf(join.model, 'code')} FROM ${tableOf(join.model)} ${c} WHERE ${join.on} AND ${where} LIMIT 1)`;
  },
  // Its resolver's `fromDbDateOrNull`: the date, or null while the unit lives.
  'AdministrativeUnit.validTo': (_walk, alias) => `to_char(${alias}.${columnOf('AdministrativeUnit', 'validTo')}, 'YYYY-MM-DD')`,
};

interface Walk extends SqlScope {
  readonly ctx: Context;
  readonly info: GraphQLResolveInfo;
  /** Each object carries the pre-resolved mark (graphql-js walks it), or is the response as is (compiled-operation.ts). */
  readonly marked: boolean;
  /** Set when the answer may hold a record the viewer may not read (finish-answer.ts' `FALLBACK`). */
  fallback: boolean;
  /** Set when the answer holds personal details to finish in Node (finish-answer.ts' `PERSONAL`). */
  personal: boolean;
  /** The row whose id the request names (`node(id:)`): a list below it may start after a cursor bound to it. */
  readonly record?: { alias: string; type: string; id: string };
}

/** The root `units` field as one statement, or `NotCompiled` (the caller falls back to the resolvers). */
export function compileUnits(info: GraphQLResolveInfo, args: Record<string, unknown>, ctx: Context, marked = true): CompiledRead {
  onlyArgs(args, ['asOf', 'filter', 'orderBy', 'first', 'after'], 'Query.units');
  const asOf = inheritedOr(ctx, args.asOf as string | undefined);
  const where = scoped(ctx, 'AdministrativeUnit', unitWhere(args as Parameters<typeof unitWhere>[0], asOf));
  return compileList(
    { info, ctx, marked },
    'AdministrativeUnit',
    where,
    unitsOrder(args.orderBy as Parameters<typeof unitsOrder>[0]),
    args,
    asOf,
  );
}

COMPILED_ROOTS.set('Query.units', compileUnits);

/**
 * The root `people` field (the people search) as one statement: its condition is `people`'s own
 * (`personWhere` + `scoped`: the territory as the person's place rows joined with the closure);
 * personal details are finished by the resolvers' own functions (finish-answer.ts). A filter the
 * resolvers check or read first (`minPosts`: a grouped count; `partyStatus` and
 * `memberOfOrganizationId`: the party-filter plugin's refusal) is not compiled.
 */
export function compilePeople(info: GraphQLResolveInfo, args: Record<string, unknown>, ctx: Context, marked = true): CompiledRead {
  onlyArgs(args, ['asOf', 'filter', 'orderBy', 'first', 'after'], 'Query.people');
  const filter = args.filter as PersonFilterValue | null | undefined;
  if (filter?.minPosts != null || filter?.partyStatus != null || filter?.memberOfOrganizationId != null)
    throw new NotCompiled('people: a filter its resolver checks or reads first');
  const asOf = inheritedOr(ctx, args.asOf as string | undefined);
  const where = scoped(ctx, 'Person', personWhere(filter, asOf));
  return compileList({ info, ctx, marked }, 'Person', where, peopleOrder(args.orderBy as PeopleOrderValue), args, asOf);
}

COMPILED_ROOTS.set('Query.people', compilePeople);

/** The record types `node(id:)` is compiled for: a place (the explorer's next page of children). */
const NODE_TYPES = new Set(['AdministrativeUnit']);

/**
 * The root `node(id:)` of a place as one statement: the row by its id, when the viewer may read it
 * (`readWhere`, as the type's read check asks it), with its selection; the lists below it may start
 * after a cursor bound to it. A row the viewer may not read, or none, is the resolvers' to answer
 * (FORBIDDEN or null: finish-answer.ts' fallback), as is a record of another type.
 */
export function compileNode(info: GraphQLResolveInfo, args: Record<string, unknown>, ctx: Context, marked = true): CompiledRead {
  onlyArgs(args, ['id'], 'Query.node');
  const ref = args.id as { typename?: unknown; id?: unknown } | undefined;
  const typename = ref?.typename;
  if (typeof typename !== 'string' || !NODE_TYPES.has(typename) || typeof ref?.id !== 'string' || !isUuid(ref.id))
    throw new NotCompiled('node: not a place');
  const type = info.schema.getType(typename);
  if (!isObjectType(type) || !isEntityType(typename)) throw new NotCompiled(`node: ${typename}`);
  const aliases = new Aliases();
  const x = aliases.next();
  const walk: Walk = {
    info,
    ctx,
    marked,
    params: new Params(),
    aliases,
    // A record the viewer may not read, or none at all: the resolvers answer (FALLBACK_JSON below).
    fallback: true,
    personal: false,
    record: { alias: x, type: typename, id: ref.id },
  };
  const id = walk.params.add(ref.id, 'uuid');
  const readable = ctx.access.readWhere(typename);
  // graphql-js resolves the Node interface's type by `__typename` (the relay plugin's resolveType).
  let object = objectJson(walk, type, info.fieldNodes, x, inheritedOr(ctx, undefined), new Proven(readable), marked);
  if (Object.keys(readable).length) object = `CASE WHEN ${whereSql(typename, x, readable, walk)} THEN ${object} ELSE ${FALLBACK_JSON} END`;
  const sql = `${COMPILED_MARK} SELECT COALESCE((SELECT ${object} FROM ${tableOf(typename)} ${x} WHERE ${x}."id" = ${id}), ${FALLBACK_JSON}) AS data`;
  return compiledOf(walk, sql);
}

/** A statement and what its walk found it needs (finish-answer.ts, `Params.planPerValues`). */
function compiledOf(walk: Walk, sql: string): CompiledRead {
  const compiled: CompiledRead = { sql, params: walk.params.values };
  if (walk.fallback) compiled.fallback = true;
  if (walk.personal) compiled.personal = true;
  if (walk.params.planPerValues) compiled.planPerValues = true;
  return compiled;
}

COMPILED_ROOTS.set('Query.node', compileNode);

/** A root list of `model` rows meeting `where`, in `orderBy` order, as one statement. */
function compileList(
  request: { info: GraphQLResolveInfo; ctx: Context; marked: boolean },
  model: string,
  where: unknown,
  orderBy: unknown,
  args: Record<string, unknown>,
  asOf: string,
): CompiledRead {
  const walk: Walk = { ...request, params: new Params(), aliases: new Aliases(), fallback: false, personal: false };
  const { info } = request;
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) throw new NotCompiled(`${model}: not an object`);
  const field = info.parentType.getFields()[info.fieldName];
  const binding = field && bindingOf(field);
  if (!binding) throw new NotCompiled(`${model}: no list cursor binding`);
  // The tags the list-cursor plugin binds this list's cursors to (list-cursors.ts): a root field's parent is none.
  // The arguments as sent: `args` has been through the argument mappers (its `after` is the inner cursor).
  const sent = getArgumentValues(field, info.fieldNodes[0] as FieldNode, info.variableValues);
  const list = listTag(binding, sent, asOf);
  const parent = parentTag(undefined, info);
  const after = typeof sent.after === 'string' ? afterId(sent.after, list, parent) : undefined;
  const paging: Paging = {
    size: pageSize(args.first),
    after: after !== undefined,
    // Walked by graphql-js, the root field's page is bound by the list-cursor plugin itself (its wrapper is outside this one).
    cursor: boundCursor(walk.marked ? undefined : () => walk.params.add(`L1:${list}.${parent}:`, 'text')),
  };
  const rows: Rows = (a, page) => {
    const order = orderSql(model, a, orderBy, walk);
    const condition = whereSql(model, a, where, walk);
    return {
      from: [`${tableOf(model)} ${a}`, ...order.joins].join(' '),
      // The total is every row the condition meets, wherever the page starts (Pothos counts without the cursor).
      where: page && after !== undefined ? `${condition} AND ${cursorSql(model, a, orderBy, after, walk)}` : condition,
      order: order.keys,
      row: a,
      cursor: `${a}."id"`,
      proven: new Proven(where),
    };
  };
  const json = connectionJson(walk, connection, info.fieldNodes, paging, asOf, rows);
  return compiledOf(walk, `${COMPILED_MARK} SELECT ${json} AS data`);
}

/** What the statement answers where the resolvers must (finish-answer.ts). */
const FALLBACK_JSON = `'{"${FALLBACK}": 1}'::json`;

/** How a compiled statement begins (in the statement log: which reads the compiler answered). */
export const COMPILED_MARK = '/* coso: compiled read */';

function onlyArgs(args: Record<string, unknown>, known: readonly string[], where: string): void {
  for (const [name, value] of Object.entries(args))
    if (value !== undefined && value !== null && !known.includes(name)) throw new NotCompiled(`${where}(${name})`);
}

/**
 * The row id inside an `after` cursor of this list (the list-cursor plugin's binding, then Pothos'
 * `GPC:S:<uuid>`), or `NotCompiled`: a cursor of another list or parent, or one Pothos would read
 * otherwise, keeps the resolvers' refusal.
 */
function afterId(cursor: string, list: string, parent: string): string {
  let inner: string;
  try {
    inner = checkListCursor(cursor, { list, parent }, { field: '', argument: 'after' });
  } catch {
    throw new NotCompiled('after: not a cursor of this list');
  }
  const [, id = ''] = /^GPC:S:(.*)$/s.exec(Buffer.from(inner, 'base64').toString('utf8')) ?? [];
  if (!isUuid(id) || Buffer.from(`GPC:S:${id}`).toString('base64') !== inner) throw new NotCompiled('after: not a row cursor');
  return id;
}

/** A connection's page: its size, whether it starts after a cursor, and the cursor a row hands out. */
interface Paging {
  size: number;
  /** Prisma's `cursor` + `skip: 1` (Pothos' `after`): the rows from the cursor's row on (`Rows.where`), the first skipped. */
  after: boolean;
  /** The cursor of the row whose cursor id is this SQL expression (NULL for NULL). */
  cursor: (id: string) => string;
}

const base64Sql = (text: string) => `translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'\\n', '')`;

/**
 * A row's cursor as the list-cursor plugin hands it out: base64 of `L1:<list>.<parent>:` and the
 * Prisma plugin's cursor, base64 of `GPC:S:<id>` (list-cursors.ts) — or the Prisma plugin's alone,
 * without `prefix`. `prefix` binds the prefix's parameter when a cursor is first asked for (an
 * unused parameter would have no type).
 */
function boundCursor(prefix: (() => string) | undefined): (id: string) => string {
  let bound: string | undefined;
  return (id) => {
    const inner = base64Sql(`'GPC:S:' || ${id}::text`);
    if (!prefix) return inner;
    bound ??= prefix();
    return base64Sql(`${bound} || ${inner}`);
  };
}

function pageSize(first: unknown): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  // Out of range: the page-size plugin's refusal is the resolvers' to give.
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new NotCompiled(`first: ${first}`);
  return first;
}

/**
 * Rows of one list level — of its page (with `after`'s condition) or all of them (its total): the
 * FROM (with any join to the node), the condition, the order, the node's row alias and the SQL of a
 * row's cursor id (a link's own, for a list of links).
 */
type Rows = (alias: string, page: boolean) => { from: string; where: string; order: string[]; row: string; cursor: string; proven: Proven };

/** The connection fields read off the page's rows. */
const PAGE_FIELDS = new Set(['nodes', 'edges', 'pageInfo']);

/**
 * A connection's JSON. Its page (`nodes`, `edges`, `pageInfo`) is one reading of `size + 1` rows, as
 * Pothos reads them (the extra row says whether there is a next page; after a cursor the first row
 * is skipped, Prisma's `skip: 1`); its total a count of its own. For a search (rows found by a
 * pattern, not read in an index's order: `Params.patterns` grew while the page's condition was
 * written) the total is a window count over every row the condition meets, taken before the page's
 * LIMIT, so the matches are read once instead of twice; a list read in its order stops at the page,
 * so it keeps its count apart, as does a page after a cursor (its rows are not all the condition
 * meets).
 */
function connectionJson(
  walk: Walk,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  paging: Paging,
  asOf: string,
  rows: Rows,
): string {
  const fields = subfields(walk, type, nodes);
  const asked = new Set([...fields.values()].map((f) => (f[0] as FieldNode).name.value));
  const paged = [...asked].some((name) => PAGE_FIELDS.has(name));
  // Read before the selection below (the hidden notes keep the resolvers' order).
  const patterns = walk.params.patterns;
  const r = paged ? rows(walk.aliases.next(), true) : undefined;
  const shared = walk.params.patterns > patterns && asked.has('totalCount') && !paging.after;
  const x = walk.aliases.next();
  // The page's rows are those numbered up to `last`; a row after them means a next page.
  const last = paging.size + (paging.after ? 1 : 0);
  const onPage = `FILTER (WHERE ${x}."$n" <= ${last})`;
  const pageOf = (json: string) => `COALESCE(json_agg(${json} ORDER BY ${x}."$n") ${onPage}, '[]'::json)`;
  const nodeType = () => {
    const t = getNamedType(type.getFields().nodes?.type);
    if (!isObjectType(t)) throw new NotCompiled(`${type.name}.nodes`);
    return t;
  };
  const pairs = fieldPairs(walk, type, fields, (name, fieldNodes) => {
    switch (name) {
      case 'nodes':
        return pageOf(objectJson(walk, nodeType(), fieldNodes, x, asOf, r?.proven));
      case 'edges':
        return pageOf(edgeJson(walk, type, fieldNodes, x, paging, nodeType, asOf, r?.proven));
      case 'pageInfo':
        return pageInfoJson(walk, type, fieldNodes, x, paging, onPage);
      case 'totalCount': {
        if (shared) return `COALESCE(max(${x}."$total"), 0)::int`;
        const t = rows(walk.aliases.next(), false);
        return `(SELECT count(*)::int FROM ${t.from} WHERE ${t.where})`;
      }
      default:
        throw new NotCompiled(`${type.name}.${name}`);
    }
  });
  if (!r) return buildObject(pairs);
  const order = r.order.length ? r.order.join(', ') : '1';
  const total = shared ? ', count(*) OVER () AS "$total"' : '';
  return `(SELECT ${buildObject(pairs)} FROM (SELECT ${r.row}.*, ${r.cursor} AS "$c", row_number() OVER (ORDER BY ${order}) AS "$n"${total} FROM ${r.from} WHERE ${r.where} ORDER BY ${order} LIMIT ${last + 1}${paging.after ? ' OFFSET 1' : ''}) ${x})`;
}

/** One edge of the page's row `x`: its cursor and node. */
function edgeJson(
  walk: Walk,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  x: string,
  paging: Paging,
  nodeType: () => GraphQLObjectType,
  asOf: string,
  proven: Proven | undefined,
): string {
  const edge = getNamedType(type.getFields().edges?.type);
  if (!isObjectType(edge)) throw new NotCompiled(`${type.name}.edges`);
  const pairs = fieldPairs(walk, edge, subfields(walk, edge, nodes), (name, fieldNodes) => {
    if (name === 'cursor') return paging.cursor(`${x}."$c"`);
    if (name === 'node') return objectJson(walk, nodeType(), fieldNodes, x, asOf, proven);
    throw new NotCompiled(`${edge.name}.${name}`);
  });
  return buildObject(pairs);
}

/** The page's `pageInfo`, as Pothos' `wrapConnectionResult` answers it for `first` and `after`. */
function pageInfoJson(walk: Walk, type: GraphQLObjectType, nodes: readonly FieldNode[], x: string, paging: Paging, onPage: string): string {
  const info = getNamedType(type.getFields().pageInfo?.type);
  if (!isObjectType(info)) throw new NotCompiled(`${type.name}.pageInfo`);
  const pairs = fieldPairs(walk, info, subfields(walk, info, nodes), (name) => {
    switch (name) {
      // A full page and one row more.
      case 'hasNextPage':
        return `count(*) > ${paging.size}`;
      // Pothos: true whenever `after` is given (no `last` or `before` is compiled).
      case 'hasPreviousPage':
        return `${paging.after}`;
      case 'startCursor':
        return paging.cursor(`(array_agg(${x}."$c" ORDER BY ${x}."$n") ${onPage})[1]`);
      case 'endCursor':
        return paging.cursor(`(array_agg(${x}."$c" ORDER BY ${x}."$n" DESC) ${onPage})[1]`);
      default:
        throw new NotCompiled(`${info.name}.${name}`);
    }
  });
  return buildObject(pairs);
}

type Subfields = ReturnType<typeof collectSubfields>;

/** The fields asked of an object of `type` (graphql-js' own collection: aliases, fragments, `@include`/`@skip`). */
const subfields = (walk: Walk, type: GraphQLObjectType, nodes: readonly FieldNode[]): Subfields =>
  collectSubfields(walk.info.schema, walk.info.fragments, walk.info.variableValues, type, nodes);

/**
 * An object's key–value pairs: the pre-resolved mark, then each asked field under its response key
 * — `__typename` as the type's name, any other field as `value` writes it (or refuses it).
 */
function fieldPairs(
  walk: Walk,
  type: GraphQLObjectType,
  fields: Subfields,
  value: (name: string, fieldNodes: readonly FieldNode[], key: string) => string,
): string[] {
  const pairs: string[] = walk.marked ? [`'${PRE_RESOLVED}', 1`] : [];
  for (const [key, fieldNodes] of fields) {
    const name = (fieldNodes[0] as FieldNode).name.value;
    // Response keys are GraphQL names ([_A-Za-z0-9]): safe as literals.
    pairs.push(`'${key}', ${name === '__typename' ? `'${type.name}'` : value(name, fieldNodes, key)}`);
  }
  return pairs;
}

/** json_build_object takes at most 100 arguments. */
function buildObject(pairs: string[]): string {
  if (pairs.length > 50) throw new NotCompiled('more than 49 fields on one object');
  return `json_build_object(${pairs.join(', ')})`;
}

/** An object of row `alias`, which meets the conditions `proven` (its links' rows need not prove them again). */
function objectJson(
  walk: Walk,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  alias: string,
  inherited: string,
  proven: Proven | undefined,
  typename = false,
): string {
  const model = type.name;
  if (!isEntityType(model)) throw new NotCompiled(`${model} is no record type`);
  const personal = new Set(definitionOf(model).personal ?? []);
  const personalKeys: Array<[string, PersonalField]> = [];
  const fields = subfields(walk, type, nodes);
  const pairs = fieldPairs(walk, type, fields, (name, fieldNodes, key) => {
    const node = fieldNodes[0] as FieldNode;
    const field = type.getFields()[name];
    if (!field) throw new NotCompiled(`${model}.${name}`);
    const options = field.extensions?.pothosOptions as { authScopes?: unknown } | undefined;
    if (options?.authScopes) throw new NotCompiled(`${model}.${name} has auth scopes`);
    const args = getArgumentValues(field as GraphQLField<unknown, unknown>, node, walk.info.variableValues);
    if (model === 'Person' && isPersonalField(name) && personal.has(name) && field.args.length === 0) {
      // Filled in Node by the Person fields' own rules (finish-answer.ts); the key keeps its place.
      personalKeys.push([key, name]);
      return 'NULL';
    }
    const derived = DERIVED_SCALARS[`${model}.${name}`];
    if (derived) {
      onlyArgs(args, ['asOf'], `${model}.${name}`);
      return derived(walk, alias, (args.asOf as string | undefined) ?? inherited);
    }
    if (name === 'id' && type.getInterfaces().some((i) => i.name === 'Node')) {
      // The relay plugin's global id: base64 of "Type:uuid".
      return base64Sql(`'${model}:' || ${alias}."id"::text`);
    }
    const exposed = field.extensions?.pothosExposedField;
    if (typeof exposed === 'string' && field.args.length === 0) {
      if (personal.has(exposed)) throw new NotCompiled(`${model}.${name} is personal data`);
      // Never a NULL where the schema promises a value (graphql-js would refuse it; a response built here could not).
      if (isNonNullType(field.type) && !modelFacts(model).columns.get(exposed)?.required)
        throw new NotCompiled(`${model}.${name} may be null`);
      return scalarJson(field, `${alias}.${columnOf(model, exposed)}`);
    }
    const link = LINKS[`${model}.${name}`];
    if (!link) throw new NotCompiled(`${model}.${name}`);
    onlyArgs(args, link.args, `${model}.${name}`);
    // A field's own date, else the nearest above (resolveAsOf's order; the root's already has the operation's and today).
    const asOf = (args.asOf as string | undefined) ?? inherited;
    return linkJson(walk, model, alias, proven, link, field, fieldNodes, args, asOf);
  });
  if (typename) {
    const asked = fields.get('__typename')?.[0] as FieldNode | undefined;
    if (!asked) pairs.push(`'__typename', '${model}'`);
    // A response key `__typename` that is another field's alias would stand where the type's name must.
    else if (asked.name.value !== '__typename') throw new NotCompiled('__typename: an alias');
  }
  if (personalKeys.length) {
    walk.personal = true;
    const stored = PERSONAL_FIELDS.map((f) => {
      const column = `${alias}.${columnOf(model, f)}`;
      return `'${f}', ${modelFacts(model).dates.has(f) ? `to_char(${column}, 'YYYY-MM-DD')` : column}`;
    });
    pairs.push(
      `'${PERSONAL}', json_build_object('id', ${alias}."id", ${stored.join(', ')}, 'fields', '${JSON.stringify(personalKeys)}'::json)`,
    );
  }
  return buildObject(pairs);
}

const isPersonalField = (name: string): name is PersonalField => (PERSONAL_FIELDS as readonly string[]).includes(name);

/** Scalars whose JSON from PostgreSQL is what graphql-js serialises them to. */
const PLAIN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

function scalarJson(field: GraphQLField<unknown, unknown>, column: string): string {
  const type = getNamedType(field.type);
  if (type.name === 'Date') return `to_char(${column}, 'YYYY-MM-DD')`;
  if (PLAIN_SCALARS.has(type.name)) return column;
  // A Prisma enum: the database's value is the GraphQL value's name.
  if (isEnumType(type) && type.getValues().every((v) => v.value === v.name)) return column;
  throw new NotCompiled(`${field.name}: ${type.name}`);
}

function linkJson(
  walk: Walk,
  model: string,
  parent: string,
  parentProven: Proven | undefined,
  link: Link,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  args: Record<string, unknown>,
  asOf: string,
): string {
  let query: ReturnType<Link['query']> | undefined;
  const list = link.list ? listOf(walk, model, parent, field, args, asOf) : undefined;
  const rows: Rows = (a, page) => {
    // Asked as the Pothos field asks it: after the selection below (the hidden notes keep its order).
    query ??= link.query(walk.ctx, asOf, args);
    const join = relationJoin(model, parent, link.relation, a);
    // What the parent row proved is not proved again (proven.ts).
    const own = withoutImplied(join.model, query.where, join.back, parentProven);
    // A page after a cursor: the rows from the cursor's row on (`Paging.after`).
    const fromCursor = (joined: Record<string, string>) =>
      page && list?.after !== undefined ? ` AND ${cursorSql(join.model, a, query?.orderBy, list.after, walk, joined)}` : '';
    if (!link.node) {
      const where = `${join.on} AND ${whereSql(join.model, a, own, walk)}${fromCursor({})}`;
      const order = orderSql(join.model, a, query.orderBy, walk);
      const from = [`${tableOf(join.model)} ${a}`, ...order.joins].join(' ');
      return { from, where, order: order.keys, row: a, cursor: `${a}."id"`, proven: provenNodes(link, query.where) };
    }
    // The node's row is joined for the answer: its conditions (`{ <node>: X }`) are X on that row
    // (no second read of it), and an order by its columns reads it there.
    const node = link.node;
    const n = walk.aliases.next();
    const all = conjuncts(own);
    const onNode = all.filter((c) => onRelated(c, node));
    const onLink = all.filter((c) => !onNode.includes(c));
    const nodeWhere = { AND: onNode.map((c) => onRelated(c, node)) };
    const nodeJoin = relationJoin(join.model, a, node, n);
    const where = `${join.on} AND ${whereSql(join.model, a, { AND: onLink }, walk)} AND ${whereSql(nodeJoin.model, n, nodeWhere, walk)}${fromCursor({ [node]: n })}`;
    const order = orderSql(join.model, a, query.orderBy, walk, { [node]: n });
    const from = [`${tableOf(join.model)} ${a}`, `JOIN ${tableOf(nodeJoin.model)} ${n} ON ${nodeJoin.on}`, ...order.joins].join(' ');
    return { from, where, order: order.keys, row: n, cursor: `${a}."id"`, proven: provenNodes(link, query.where) };
  };
  const type = getNamedType(field.type);
  if (!isObjectType(type)) throw new NotCompiled(`${model}.${field.name}`);
  if (list) {
    // The parent's tag as `parentTag` makes it for a record: the first 11 base64url characters of
    // the SHA-256 of its JSON [type, id].
    const cursor = boundCursor(() => {
      const record = `${walk.params.add(`[${JSON.stringify(model)},`, 'text')} || to_json(${parent}."id"::text)::text || ']'`;
      const tag = `substr(translate(encode(sha256(convert_to(${record}, 'UTF8')), 'base64'), '+/', '-_'), 1, 11)`;
      return `(${walk.params.add(`L1:${list.tag}.`, 'text')} || ${tag} || ':')`;
    });
    return connectionJson(walk, type, nodes, { size: pageSize(args.first), after: list.after !== undefined, cursor }, asOf, rows);
  }
  const x = walk.aliases.next();
  // The row's conditions, without noting what they hide: the query is asked below, in the resolvers' order.
  const restore = keepNotes(walk.ctx);
  let proven: Proven;
  try {
    proven = provenNodes(link, link.query(walk.ctx, asOf, args).where);
  } finally {
    restore();
  }
  let object = objectJson(walk, type, nodes, x, asOf, proven);
  if (link.checked && isEntityType(type.name)) {
    const readable = walk.ctx.access.readWhere(type.name);
    if (Object.keys(readable).length) {
      walk.fallback = true;
      object = `CASE WHEN ${whereSql(type.name, x, readable, walk)} THEN ${object} ELSE ${FALLBACK_JSON} END`;
    }
  }
  const r = rows(walk.aliases.next(), true);
  // A non-null link is a required key with no condition of its own: its row exists (the foreign key).
  const unconditional = query !== undefined && isObject(query.where) && Object.keys(query.where).length === 0;
  if (isNonNullType(field.type) && !(unconditional && modelFacts(model).relations.get(link.relation)?.required))
    throw new NotCompiled(`${model}.${field.name} may be null`);
  const order = r.order.length ? ` ORDER BY ${r.order.join(', ')}` : '';
  return `(SELECT ${object} FROM (SELECT ${r.row}.* FROM ${r.from} WHERE ${r.where}${order} LIMIT 1) ${x})`;
}

/**
 * A nested list's tag (list-cursors.ts) and the row id of its `after` cursor. A nested list's
 * cursor is bound to the record the list hangs off, so `after` is compiled only under the one row
 * whose id the request names (`node(id:)`: the explorer's next page of children); under a list of
 * parents the resolvers answer (each parent but one would refuse the cursor).
 */
function listOf(
  walk: Walk,
  model: string,
  parent: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  asOf: string,
): { tag: string; after?: string } {
  const binding = bindingOf(field);
  if (!binding) throw new NotCompiled(`${model}.${field.name}: no list cursor binding`);
  const tag = listTag(binding, args, asOf);
  if (args.after === undefined || args.after === null) return { tag };
  if (typeof args.after !== 'string' || walk.record?.alias !== parent) throw new NotCompiled(`${model}.${field.name}(after) below a list`);
  return { tag, after: afterId(args.after, tag, recordTag(walk.record.type, walk.record.id)) };
}

/** What a link's rows meet: its condition, or for a link to a node its conditions on the node (`{ <node>: X }`). */
function provenNodes(link: Link, where: unknown): Proven {
  const node = link.node;
  if (!node) return new Proven(where);
  return new Proven(conjuncts(where).flatMap((c) => onRelated(c, node) ?? []));
}
