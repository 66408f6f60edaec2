import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';

/** Declares a field whose resolver refuses some roles (FORBIDDEN) while its parent stays readable. */
export const ROLE_GATED = 'cosoRoleGated';
export function roleGated(): Record<string, unknown> {
  return { [ROLE_GATED]: true };
}

/** Whether a field may be FORBIDDEN for some role while its parent is answered: field-level scopes, or declared. */
export function isRoleGated(config: { extensions?: Readonly<Record<string, unknown>> | null }, authScopes: unknown): boolean {
  return authScopes !== undefined || config.extensions?.[ROLE_GATED] === true;
}

/**
 * One forbidden part does not blank the answer (issue #17): a read field that some role may not see
 * is made nullable, so it comes back null with a FORBIDDEN error at its own path while the rest of
 * the answer (the report's figures, the person) stays. Mutations are left as declared.
 */
export class RoleGatedPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (fieldConfig.parentType === 'Mutation') return fieldConfig;
    const scopes = (fieldConfig.pothosOptions as { authScopes?: unknown }).authScopes;
    if (!isRoleGated(fieldConfig, scopes) || fieldConfig.type.nullable) return fieldConfig;
    return { ...fieldConfig, type: { ...fieldConfig.type, nullable: true } } as PothosOutputFieldConfig<Types>;
  }
}

const pluginName = 'roleGated';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      roleGated: RoleGatedPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, RoleGatedPlugin);

export default pluginName;
