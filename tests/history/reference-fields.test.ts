import type { DocumentNode, FieldNode, InlineFragmentNode, OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The admin web's modules, loaded by path: they are built for the bundler's module resolution,
 * which this package's type check does not follow; what the test uses of them is typed here.
 */
interface HistoryReferences {
  globalId(type: string, uuid: string): string;
  referenceType(field: string, entityType?: string): string | null;
  referenceOf(field: string, entityType: string | undefined, value: unknown): { type: string; id: string } | null;
  referencedIds(entries: ReadonlyArray<{ entityType?: string; before?: unknown; after?: unknown }>): string[];
  referenceName(node: { __typename?: string; id: string }): string | null;
}
const web = (file: string) => new URL(`../../apps/admin-web/src/records/${file}`, import.meta.url).href;
const { globalId, referencedIds, referenceName, referenceOf, referenceType } = (await import(
  web('history-references.ts')
)) as HistoryReferences;
const { RecordHistoryReferencesDocument } = (await import(web('record-documents.ts'))) as {
  RecordHistoryReferencesDocument: DocumentNode;
};

import { MODEL_NAMES, modelFacts } from '../../packages/schema/src/entities/data-model.js';
import { LOG_MODELS } from '../../packages/schema/src/entities/definitions.js';

/**
 * The change history names every record an id in a diff points to. The ids a trail can hold are
 * the foreign-key columns of the audited models (every model but the logs), read here from the
 * Prisma data model: each must be known to the admin web's reference table, with the right type,
 * and that type must be asked for by name in the query that names references.
 */
const AUDITED = MODEL_NAMES.filter((name) => !Object.hasOwn(LOG_MODELS, name));
const REFERENCES = AUDITED.flatMap((model) => [...modelFacts(model).foreignKeys].map(([column, target]) => ({ model, column, target })));

/** The types the references query has a fragment for, with the fields it selects. */
function fragments(): Map<string, string[]> {
  const operation = RecordHistoryReferencesDocument.definitions[0] as OperationDefinitionNode;
  const nodes = operation.selectionSet.selections[0] as FieldNode;
  const out = new Map<string, string[]>();
  for (const selection of nodes.selectionSet?.selections ?? []) {
    if (selection.kind !== 'InlineFragment') continue;
    const fragment = selection as InlineFragmentNode;
    const type = fragment.typeCondition?.name.value ?? '';
    out.set(type, [...(out.get(type) ?? []), ...fragment.selectionSet.selections.map((s) => (s as FieldNode).name.value)]);
  }
  return out;
}

/** A node of `type` as the query returns it: every selected field filled (objects with a name and a full name). */
function sampleNode(type: string, fields: readonly string[]) {
  const node: { __typename: string; id: string; [field: string]: unknown } = { __typename: type, id: 'x' };
  for (const field of fields) {
    node[field] =
      field === 'building' || field === 'board' || field === 'person'
        ? { id: 'y', name: `${type}.${field}`, fullName: `${type}.${field}` }
        : field === 'signedOn'
          ? '2026-11-01'
          : `${type}.${field}`;
  }
  return node;
}

const UUID = '343ab85c-1f7e-4a3b-9c1d-2e3f4a5b6c7d';

describe('the references of the change history', () => {
  it('covers every foreign key of every audited model', () => {
    expect(REFERENCES.length).toBeGreaterThan(40);
    for (const { model, column, target } of REFERENCES) {
      expect(referenceType(column, model), `${model}.${column} → ${target}`).toBe(target);
      expect(referenceOf(column, model, UUID), `${model}.${column}`).toEqual({ type: target, id: globalId(target, UUID) });
    }
  });

  it('asks every referenced type for a name, and makes a label of what comes back', () => {
    const asked = fragments();
    for (const target of new Set(REFERENCES.map((r) => r.target))) {
      const fields = asked.get(target);
      expect(fields, `the references query names ${target}`).toBeDefined();
      const label = referenceName(sampleNode(target, fields ?? []));
      expect(label, `a ${target} gets a label`).toBeTruthy();
    }
  });

  it('finds every id of an entry, those inside a value made of fields too (a member’s person)', () => {
    for (const { model, column, target } of REFERENCES) {
      const ids = referencedIds([
        { entityType: model, before: null, after: { [column]: UUID, members: [{ role: 'HEAD', [column]: UUID }] } },
      ]);
      expect(ids, `${model}.${column}`).toEqual([globalId(target, UUID)]);
    }
  });
});
