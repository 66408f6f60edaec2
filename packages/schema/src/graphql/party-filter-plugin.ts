import { PARTY_ORGANIZATION_KINDS } from '@coso/domain';
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { partyDataForbidden } from '../auth/access.js';
import type { Context } from './context.js';
import { dbId } from './ids.js';
import { type PartyFilterSpec, partyFilterOf, type ReferenceSpec, referenceOf } from './references.js';

/** What a read's arguments name that may be party data: body ids, organisation kinds, party statuses. */
export interface PartyNames {
  bodyIds: Array<{ id: string; path: string }>;
  kinds: Array<{ kind: string; path: string }>;
  statuses: string[];
}

type Declared = { ref?: ReferenceSpec; party?: PartyFilterSpec };

/**
 * Walks a read field's arguments with their input types. A declaration on an input field holds for
 * what is below it (a filter's `id: IdFilter` declared `references('Organization')` covers `id.in`).
 * Values that do not decode are left to the resolver (BAD_USER_INPUT there), read as it reads them.
 */
export function partyNames(args: readonly GraphQLArgument[], values: Record<string, unknown>): PartyNames {
  const out: PartyNames = { bodyIds: [], kinds: [], statuses: [] };
  const visit = (type: GraphQLInputType, value: unknown, path: string, declared: Declared) => {
    if (value === null || value === undefined) return;
    if (isNonNullType(type)) return visit(type.ofType, value, path, declared);
    if (isListType(type)) {
      if (Array.isArray(value)) for (const [i, v] of value.entries()) visit(type.ofType, v, `${path}.${i}`, declared);
      return;
    }
    if (isInputObjectType(type)) {
      const record = value as Record<string, unknown>;
      for (const field of Object.values(type.getFields()))
        visit(field.type, record[field.name], `${path}.${field.name}`, declarationOf(field.extensions, declared));
      return;
    }
    const { ref, party } = declared;
    if (getNamedType(type).name === 'ID' && ref?.typename === 'Organization' && !ref.bodiesOnly) {
      const id = decoded(String(value));
      if (id !== null) out.bodyIds.push({ id, path });
    } else if (party?.kind === 'bodyKind' && !party.bodiesOnly) out.kinds.push({ kind: String(value), path });
    else if (party?.kind === 'status') out.statuses.push(String(value));
  };
  for (const arg of args) visit(arg.type, values[arg.name], arg.name, declarationOf(arg.extensions, {}));
  return out;
}

function declarationOf(extensions: Readonly<Record<string, unknown>> | null | undefined, inherited: Declared): Declared {
  const ref = referenceOf(extensions);
  const party = partyFilterOf(extensions);
  return ref || party ? { ...(ref ? { ref } : {}), ...(party ? { party } : {}) } : inherited;
}

function decoded(value: string): string | null {
  try {
    return dbId(value, 'Organization');
  } catch {
    return null;
  }
}

const PARTY_KINDS: ReadonlySet<string> = new Set(PARTY_ORGANIZATION_KINDS);

/** Whether a field's arguments declare anything party-relevant at all (decided once per field). */
const relevant = new WeakMap<GraphQLField<unknown, unknown>, boolean>();
function declaresParty(field: GraphQLField<unknown, unknown>): boolean {
  let known = relevant.get(field);
  if (known === undefined) {
    const seen = new Set<string>();
    const has = (ext: Readonly<Record<string, unknown>> | null | undefined, type: GraphQLInputType): boolean => {
      const ref = referenceOf(ext);
      const party = partyFilterOf(ext);
      if ((ref?.typename === 'Organization' && !ref.bodiesOnly) || (party && !(party.kind === 'bodyKind' && party.bodiesOnly))) return true;
      const named = getNamedType(type);
      if (!isInputObjectType(named) || seen.has(named.name)) return false;
      seen.add(named.name);
      return Object.values(named.getFields()).some((f) => has(f.extensions, f.type));
    };
    known = field.args.some((a) => has(a.extensions, a.type));
    relevant.set(field, known);
  }
  return known;
}

/**
 * Party data through filters, by construction: a read whose arguments name a party body (a cell's
 * or a committee's id), a party organisation kind or a party status answers what only
 * party-organisation roles may know (who holds a post in a cell, how many people hold one, who is a
 * party member), so for any other viewer it is refused as a whole (FORBIDDEN), counts included, before
 * its resolver runs. Arguments declare what they name (references.ts); a schema test requires it.
 * A field whose result lists the bodies themselves declares `bodiesOnly` and is not refused.
 */
export class PartyFilterPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.parentType === 'Mutation' || Object.keys(fieldConfig.args).length === 0) return resolver;
    return async (parent, args, ctx, info) => {
      const field = info.parentType.getFields()[info.fieldName];
      const access = (ctx as Context).access;
      if (field && !access.seesParty && declaresParty(field)) {
        const named = partyNames(field.args, args as Record<string, unknown>);
        const partyKind = named.kinds.some((k) => PARTY_KINDS.has(k.kind));
        if (named.statuses.length > 0 || partyKind || (await access.namesPartyBody(named.bodyIds.map((b) => b.id))))
          throw partyDataForbidden();
      }
      return resolver(parent, args, ctx, info);
    };
  }
}

const pluginName = 'partyFilter';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      partyFilter: PartyFilterPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, PartyFilterPlugin);

export default pluginName;
