import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { type GraphQLFieldResolver, getNamedType, isCompositeType } from 'graphql';
import { asOfScope, inheritedAt, type PlannedPosition } from './as-of.js';

type SelectFn = (args: object, ctx: object, nested: unknown, node: unknown, position?: PlannedPosition) => unknown;

/**
 * Carries a field's `asOf` down to everything below it (issue #17), for `resolveAsOf`: each field
 * that has fields below it records the date it holds (its own, else its parent's) under its response
 * path before its resolver runs; each Prisma select function is run with its planned position known,
 * so a nested field planned into its parent's query finds the dates above it too.
 */
export class AsOfScopePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const select = (fieldConfig.extensions as { pothosPrismaSelect?: unknown } | undefined)?.pothosPrismaSelect;
    if (typeof select !== 'function') return fieldConfig;
    const planned: SelectFn = (args, ctx, nested, node, position) => {
      const scope = asOfScope(ctx);
      const outer = scope.planning;
      scope.planning = position;
      try {
        return (select as SelectFn)(args, ctx, nested, node, position);
      } finally {
        scope.planning = outer;
      }
    };
    return { ...fieldConfig, extensions: { ...fieldConfig.extensions, pothosPrismaSelect: planned } };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const datedField = 'asOf' in fieldConfig.args;
    return (parent, args, ctx, info) => {
      // Leaves without an asOf of their own pass nothing down: nothing to record.
      if (!datedField && !isCompositeType(getNamedType(info.returnType))) return resolver(parent, args, ctx, info);
      const scope = asOfScope(ctx);
      scope.variables = info.variableValues;
      const own = datedField ? (args as { asOf?: string | null }).asOf : undefined;
      const held = own ?? inheritedAt(scope, info.path.prev);
      scope.byPath.set(info.path, held);
      scope.byNode.set(info.fieldNodes[0] as (typeof info.fieldNodes)[number], held);
      const outer = scope.resolving;
      scope.resolving = info;
      try {
        return resolver(parent, args, ctx, info);
      } finally {
        scope.resolving = outer;
      }
    };
  }
}

const pluginName = 'asOfScope';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      asOfScope: AsOfScopePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, AsOfScopePlugin);

export default pluginName;
