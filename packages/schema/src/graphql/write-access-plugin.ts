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
import { referenceOf } from './references.js';

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
 * the arguments with their GraphQL input types and each ID field's declared reference.
 */
export function inputReferences(args: readonly GraphQLArgument[], values: Record<string, unknown>): InputReference[] {
  const out: InputReference[] = [];
  const visit = (type: GraphQLInputType, value: unknown, path: string, ext: Readonly<Record<string, unknown>> | null | undefined): void => {
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
      for (const field of Object.values(type.getFields())) visit(field.type, record[field.name], `${path}.${field.name}`, field.extensions);
      return;
    }
    const spec = referenceOf(ext);
    if (getNamedType(type).name !== 'ID' || !spec) return;
    const id = recordId(String(value), spec.typename, spec.planRef ?? false);
    if (id !== null) out.push({ type: spec.typename, id, write: (spec.changes ?? false) || !PUBLIC_TYPES.has(spec.typename), path });
  };
  for (const arg of args) visit(arg.type, values[arg.name], arg.name, arg.extensions);
  return out;
}

/** The database id an input value names, null for a plan's own name of a new record; a wrong id is BAD_USER_INPUT. */
function recordId(value: string, typename: string, planRef: boolean): string | null {
  if (isUuid(value)) return value;
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeRecordId(value);
  } catch (error) {
    if (planRef) return null;
    throw error;
  }
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

export async function assertReferencesAllowed(ctx: Context, refs: readonly InputReference[]): Promise<void> {
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
