import {
  buildSchema,
  type GraphQLNamedType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  Kind,
  type OperationDefinitionNode,
  type TypeNode,
  validate,
} from 'graphql';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from '../../app-routes';
import { messageParams } from '../../i18n/dictionary';
import { visibleMenuItems } from '../../shell/menu';
import { SECTIONS } from '../../shell/sections';
import { rowFieldPaths } from './document-selection';
import type { Column, ListEntry, Words } from './list-entry';
import { LIST_ENTRIES, listEntryAt } from './list-registry';

// The API contract the typed documents are generated from (codegen.ts reads the same file), as
// text: the app's tests run without Node's types, so Vite reads it.
const [schemaSource] = Object.values(
  import.meta.glob<string>('../../../../../packages/schema/schema.graphql', { query: '?raw', import: 'default', eager: true }),
);
if (!schemaSource) throw new Error('packages/schema/schema.graphql not found: the list documents cannot be checked against the API');
const schema = buildSchema(schemaSource);

/** The row fields a column reads: what its document must select for it. */
function fieldsRead(column: Column): string[] {
  switch (column.format) {
    case 'text':
    case 'number':
    case 'date':
      return [column.field, ...(column.secondary ? [column.secondary] : [])];
    case 'period':
      return ['validFrom', 'validTo'];
    case 'enum':
      return [column.field, ...(column.ownLabel ? [column.ownLabel] : [])];
    case 'place':
      return [column.field, `${column.field}.name`, ...(column.secondary ? [column.secondary, `${column.secondary}.name`] : [])];
    case 'link': {
      const target = column.field ? `${column.field}.` : '';
      const secondary = column.secondary
        ? [column.secondary, ...(column.secondaryDisplay === 'place' ? [`${column.secondary}.name`] : [])]
        : [];
      return [...(column.field ? [column.field] : []), `${target}id`, `${target}name`, ...secondary];
    }
    case 'custom':
      return [];
  }
}

/** Every text an entry shows, with where it is shown. */
function entryWords(entry: ListEntry): Array<[string, Words]> {
  const words: Array<[string, Words]> = [
    ['menu.label', entry.menu.label],
    ...Object.entries(entry.words).map(([name, w]): [string, Words] => [`words.${name}`, w]),
  ];
  for (const column of entry.columns) {
    words.push([`column ${column.key}`, column.header]);
    if (column.hint) words.push([`column ${column.key} hint`, column.hint]);
    if (column.format === 'link' && column.missing?.action) words.push([`column ${column.key} action`, column.missing.action.label]);
  }
  for (const filter of entry.filters) {
    if (filter.kind === 'enum') {
      words.push([`filter ${filter.param}`, filter.label], [`filter ${filter.param} all`, filter.all]);
      for (const option of filter.options) words.push([`filter ${filter.param} ${option.value}`, option.label]);
    }
    if (filter.kind === 'boolean')
      words.push(...(['label', 'all', 'yes', 'no'] as const).map((k): [string, Words] => [`filter ${filter.param} ${k}`, filter[k]]));
  }
  return words;
}

function operation(entry: ListEntry): OperationDefinitionNode {
  const op = entry.document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) throw new Error(`${entry.path}: the document has no operation`);
  return op;
}

const namedTypeName = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeName(type.type));

/** The input type of one of the document's variables (`$filter` → BuildingFilter). */
function variableType(entry: ListEntry, name: string): GraphQLNamedType | undefined {
  const definition = operation(entry).variableDefinitions?.find((v) => v.variable.name.value === name);
  return definition ? schema.getType(namedTypeName(definition.type)) : undefined;
}

/** The named type of an input field, when the input type has that field. */
function inputFieldType(input: GraphQLNamedType | undefined, field: string): GraphQLNamedType | undefined {
  if (!isInputObjectType(input)) return undefined;
  const type = input.getFields()[field]?.type;
  return type ? getNamedType(type) : undefined;
}

describe('the registry of listed types', () => {
  it('holds at least the lists moved onto it, each path once, none taken by another section', () => {
    const paths = LIST_ENTRIES.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['units', 'buildings']));
    expect(new Set(paths).size).toBe(paths.length);
    for (const section of SECTIONS) expect(paths, section.path).not.toContain(section.path);
    const orders = [...SECTIONS.map((s) => s.order), ...LIST_ENTRIES.map((e) => e.menu.order)];
    expect(new Set(orders).size, 'menu positions are unique').toBe(orders.length);
  });

  it('answers an address that is no list with no entry', () => {
    expect(listEntryAt('no-such-list')).toBeUndefined();
    expect(listEntryAt(undefined)).toBeUndefined();
  });

  describe.each(LIST_ENTRIES.map((entry) => [entry.path, entry] as const))('%s', (path, entry) => {
    it('has a route: /<path> reaches the registry page for this entry, not another page', () => {
      const matched = matchRoutes(routes, `/${path}`);
      const leaf = matched?.at(-1);
      expect(leaf?.route.path).toBe(':list');
      expect(listEntryAt(leaf?.params.list)).toBe(entry);
    });

    it('has a menu item under its label in both languages, for the roles it is meant for', () => {
      for (const admin of [true, false]) {
        const item = visibleMenuItems({
          admin,
          canWrite: true,
          downloadsTemplates: true,
          seesPartyData: true,
          seesPersonalData: true,
          territorial: !admin,
        }).find((i) => i.path === path);
        if (!admin && entry.menu.adminOnly) expect(item).toBeUndefined();
        else expect(item?.label).toEqual(entry.menu.label);
      }
    });

    it('selects every field its columns read, and the connection the page pages through', () => {
      const selected = rowFieldPaths(entry.document, entry.list);
      expect(selected.has('id')).toBe(true);
      for (const column of entry.columns)
        for (const field of fieldsRead(column)) expect(selected, `${column.key} reads ${field}`).toContain(field);
    });

    it('is a valid document of the API, with the variables the page sends', () => {
      expect(validate(schema, entry.document).map((e) => e.message)).toEqual([]);
      const variables = (operation(entry).variableDefinitions ?? []).map((v) => v.variable.name.value);
      expect(variables).toEqual(expect.arrayContaining(['asOf', 'first', 'after']));
      for (const name of variables) expect(['asOf', 'first', 'after', 'filter', 'orderBy']).toContain(name);
      if (!variables.includes('filter')) expect(entry.filters).toEqual([]);
    });

    it("orders by the API's order fields, by a sortable column by default, each column key once", () => {
      const sortable = entry.columns.flatMap((c) => (c.sort ? [c.sort] : []));
      const order = variableType(entry, 'orderBy');
      if (order === undefined) {
        expect(sortable, 'no $orderBy: no sortable column').toEqual([]);
        expect(entry.defaultSort).toBeUndefined();
      } else {
        const field = inputFieldType(order, 'field');
        expect(isEnumType(field)).toBe(true);
        const values = isEnumType(field) ? field.getValues().map((v) => v.name) : [];
        for (const s of sortable) expect(values).toContain(s);
        expect(sortable).toContain(entry.defaultSort?.field);
      }
      const keys = entry.columns.map((c) => c.sort ?? c.key);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("filters by fields of the API's filter input, each of the kind its control sends", () => {
      const input = variableType(entry, 'filter');
      if (entry.filters.length > 0) expect(isInputObjectType(input)).toBe(true);
      for (const filter of entry.filters) {
        const type = inputFieldType(input, filter.field);
        const expected = { search: 'TextFilter', ward: 'ID', boolean: 'Boolean' } as const;
        if (filter.kind === 'enum') {
          expect(isEnumType(type), filter.field).toBe(true);
          const values = isEnumType(type) ? type.getValues().map((v) => v.name) : [];
          for (const option of filter.options) expect(values).toContain(option.value);
        } else expect(type?.name, filter.field).toBe(expected[filter.kind]);
      }
      const params = entry.filters.map((f) => (f.kind === 'search' ? 'q' : f.kind === 'ward' ? 'ward' : f.param));
      for (const reserved of ['asOf', 'sort', 'dir', 'size']) expect(params).not.toContain(reserved);
      expect(new Set(params).size).toBe(params.length);
    });

    it('says everything in Vietnamese (NFC) and English, with the same parameters; the total has its count', () => {
      for (const [where, words] of entryWords(entry)) {
        expect(words.vi.trim(), where).not.toBe('');
        expect(words.en.trim(), where).not.toBe('');
        expect(words.vi.normalize('NFC'), `${where} is NFC`).toBe(words.vi);
        expect(words.vi, `${where} is translated`).not.toBe(words.en);
        expect(messageParams(words.en), where).toEqual(messageParams(words.vi));
      }
      expect(messageParams(entry.words.total.vi)).toEqual(['count']);
    });
  });
});
