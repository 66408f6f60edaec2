import { isUuid } from '@coso/domain';
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { forbidden } from '../auth/access.js';
import { PUBLIC_TYPES } from '../auth/locator.js';
import type { Context } from './context.js';
import { badId, decodeRecordId } from './ids.js';
import { PLAN_REF_NAME, referenceOf } from './references.js';

/** A record a mutation's input names, and whether the write changes it or only points at it. */
export interface InputReference {
  type: string;
  id: string;
  /** Write access needed (changed, or pointed at and not a public document); else read access. */
  write: boolean;
  /** Where in the arguments ('input.members.2.personId'), for messages and tests. */
  path: string;
}

/**
 * Every record named by a mutation's arguments, nested inputs and lists included, found by walking
 * the arguments with their GraphQL input types and each ID field's declared reference. Values are
 * read trimmed, as the domain's input schemas read them. A field that may name a record the same
 * input creates (a reorganisation's `ref`) is skipped only for a name the input does declare.
 */
export function inputReferences(args: readonly GraphQLArgument[], values: Record<string, unknown>): InputReference[] {
  type Visit = (type: GraphQLInputType, value: unknown, path: string, ext: Readonly<Record<string, unknown>> | null | undefined) => void;
  const walk = (leaf: Visit) => {
    const visit: Visit = (type, value, path, ext) => {
      if (value === null || value === undefined) return;
      if (isNonNullType(type)) {
        visit(type.ofType, value, path, ext);
        return;
      }
      if (isListType(type)) {
        if (Array.isArray(value)) for (const [i, v] of value.entries()) visit(type.ofType, v, `${path}.${i}`, ext);
        return;
      }
      if (isInputObjectType(type)) {
        const record = value as Record<string, unknown>;
        for (const field of Object.values(type.getFields()))
          visit(field.type, record[field.name], `${path}.${field.name}`, field.extensions);
        return;
      }
      leaf(type, value, path, ext);
    };
    for (const arg of args) visit(arg.type, values[arg.name], arg.name, arg.extensions);
  };
  const planNames = new Set<string>();
  walk((_type, value, _path, ext) => {
    if (ext?.[PLAN_REF_NAME] && typeof value === 'string') planNames.add(value.trim());
  });
  const out: InputReference[] = [];
  walk((type, value, path, ext) => {
    const spec = referenceOf(ext);
    if (getNamedType(type).name !== 'ID' || !spec) return;
    const given = String(value).trim();
    if (spec.planRef && planNames.has(given)) return;
    // In a plan, a value that is neither an id nor a declared name names nothing that exists: the
    // workflow refuses it with its own violation. Anything that decodes is checked.
    const id = spec.planRef ? decodesTo(given, spec.typename) : recordId(given, spec.typename);
    if (id !== null) out.push({ type: spec.typename, id, write: (spec.write ?? false) || !PUBLIC_TYPES.has(spec.typename), path });
  });
  return out;
}

/** The database id a value names, or null when it is no id at all (a wrong type's id is still refused). */
function decodesTo(value: string, typename: string): string | null {
  try {
    return recordId(value, typename);
  } catch (error) {
    if (isUuid(value)) throw error;
    try {
      decodeRecordId(value);
    } catch {
      return null;
    }
    throw error;
  }
}

/** The database id an input value names; anything else is BAD_USER_INPUT before the resolver runs. */
function recordId(value: string, typename: string): string {
  if (isUuid(value)) return value.toLowerCase();
  const decoded = decodeRecordId(value);
  if (decoded.typename !== typename) throw badId(value, typename);
  return decoded.id;
}

/**
 * Territory on writes, by construction: before any mutation's resolver runs, every record its
 * input names must be writable by the viewer (inside a territorial writer's territory), or readable
 * where the input only points at a public document (a directive, a review). Runs inside scope-auth
 * (signed in and allowed to write come first) and outside every resolver and workflow.
 */
export class WriteAccessPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.parentType !== 'Mutation') return resolver;
    return async (parent, args, ctx, info) => {
      const field = info.parentType.getFields()[info.fieldName];
      const refs = field ? inputReferences(field.args, args as Record<string, unknown>) : [];
      if (refs.length > 0) await assertReferencesAllowed(ctx as Context, refs);
      return resolver(parent, args, ctx, info);
    };
  }
}

/** Below GraphQL too: bulk import checks each row's references with it, per reference, to say which cell. */
export async function assertReferencesAllowed(ctx: Pick<Context, 'access'>, refs: readonly InputReference[]): Promise<void> {
  await ctx.access.assertWritable(refs.filter((r) => r.write));
  for (const ref of refs.filter((r) => !r.write)) if (!(await ctx.access.canRead(ref.type, ref.id))) throw forbidden();
}

const pluginName = 'writeAccess';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      writeAccess: WriteAccessPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, WriteAccessPlugin);

export default pluginName;
