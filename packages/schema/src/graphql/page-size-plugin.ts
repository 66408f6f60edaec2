import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { bilingualError } from './bilingual-error.js';

/**
 * Refuses `first`/`last` above the maximum page size with a clear error instead of silently
 * returning fewer rows than asked (an analyst's script would take a clamped page for the whole).
 */
export const MAX_PAGE_SIZE = 200;

export class PageSizePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!('first' in fieldConfig.args) && !('last' in fieldConfig.args)) return resolver;
    return (parent, args, ctx, info) => {
      for (const name of ['first', 'last'] as const) {
        const value = (args as Record<string, unknown>)[name];
        if (typeof value === 'number' && (value < 0 || value > MAX_PAGE_SIZE)) {
          throw bilingualError(
            'BAD_USER_INPUT',
            {
              vi: `"${name}" phải từ 0 đến ${MAX_PAGE_SIZE} (nhận ${value}); dùng phân trang với "after".`,
              en: `"${name}" must be between 0 and ${MAX_PAGE_SIZE} (got ${value}); page with "after".`,
            },
            { argument: name, maximum: MAX_PAGE_SIZE },
          );
        }
      }
      return resolver(parent, args, ctx, info);
    };
  }
}

const pluginName = 'pageSize';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      pageSize: PageSizePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, PageSizePlugin);

export default pluginName;
