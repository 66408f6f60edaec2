import type { z } from 'zod';

/**
 * The keys an input schema of the domain requires (those that do not accept "left out"). GraphQL
 * input fields take their non-null from here, so the API's schema and the rules say the same thing:
 * a field the rules require is `Type!`, one they let go is optional. Null for a schema that is not
 * an object (its fields keep what their specs say).
 */
export function requiredKeys(schema: z.ZodType): ReadonlySet<string> | null {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape || typeof shape !== 'object') return null;
  return new Set(Object.entries(shape).flatMap(([key, field]) => (field.safeParse(undefined).success ? [] : [key])));
}
