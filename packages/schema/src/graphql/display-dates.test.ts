import { DIRECTIVE_ID, DISTRICT_ID } from '@coso/sample-data';
import { type GraphQLObjectType, GraphQLString, getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_FIXTURE } from '../auth/test-support/sample-fixtures.js';
import { stableUuid } from '../store/stable-id.js';
import { graphqlHarness } from '../testing/graphql-harness.js';
import { bilingualError } from './bilingual-error.js';
import { buildSchema } from './schema.js';

/**
 * A screen shows one date format: the app writes dates dd/mm/yyyy in both languages, so the API's
 * texts do too (an English message with "2022-12-01" beside a picker's "01/12/2022" was two).
 * Every bilingual text type of the schema (an object of exactly `vi` and `en` strings) and every
 * error's localizedMessage writes them so, whatever module wrote the text.
 */

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/** The schema's bilingual text types, found by their shape rather than listed. */
function bilingualTypes() {
  const schema = buildSchema();
  return Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => {
    if (!isObjectType(type) || type.name.startsWith('__')) return false;
    const fields = type.getFields();
    const names = Object.keys(fields).sort();
    return names.join() === 'en,vi' && names.every((n) => getNamedType(fields[n]?.type) === GraphQLString);
  });
}

describe('dates in the texts the API sends', () => {
  it('every bilingual text type writes a text’s dates dd/mm/yyyy in both languages', async () => {
    const types = bilingualTypes();
    expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(['LocalizedText', 'ReportText']));
    const text = { vi: 'Từ 2025-07-01 đến 2022-12-01', en: 'From 2025-07-01 to 2022-12-01, at 2025-07-01T10:00Z, code 2025-07-01-3' };
    for (const type of types) {
      const fields = type.getFields();
      const resolve = (name: 'vi' | 'en') => fields[name]?.resolve?.(text, {}, {}, {} as never);
      expect([type.name, await resolve('vi'), await resolve('en')]).toEqual([
        type.name,
        'Từ 01/07/2025 đến 01/12/2022',
        // A date-time and a longer code are not dates of the text.
        'From 01/07/2025 to 01/12/2022, at 2025-07-01T10:00Z, code 2025-07-01-3',
      ]);
    }
  });

  it("an error's message in both languages", () => {
    const error = bilingualError('X', { vi: 'Ngày 2025-07-01 không hợp lệ', en: 'The date 2025-07-01 is not valid' });
    expect(error.extensions.localizedMessage).toEqual({ vi: 'Ngày 01/07/2025 không hợp lệ', en: 'The date 01/07/2025 is not valid' });
    expect(error.message).toBe('Ngày 01/07/2025 không hợp lệ / The date 01/07/2025 is not valid');
  });

  describe('over the sample data', () => {
    let h: Awaited<ReturnType<typeof graphqlHarness>>;
    beforeAll(async () => {
      h = await graphqlHarness(inject('databaseAdminUrl'), { fixture: SAMPLE_FIXTURE });
    });
    afterAll(() => h.close());

    it("the review report's and the findings' English texts carry the report's dates as the picker shows them", async () => {
      const r = await h.run<{
        directiveReport: { narrative: { en: string }; figures: { definition: { vi: string; en: string } }[] };
        findings: { nodes: { message: { vi: string; en: string } }[] };
      }>(
        `query($d: ID!, $s: ID!) {
          directiveReport(directiveId: $d, scopeId: $s, from: "2021-09-30", to: "2022-12-01") { narrative { en } figures { definition { vi en } } }
          findings(scopeId: $s, asOf: "2025-06-30", first: 200) { nodes { message { vi en } } }
        }`,
        { d: stableUuid(DIRECTIVE_ID), s: stableUuid(DISTRICT_ID) },
      );
      const texts = [
        r.directiveReport.narrative.en,
        ...r.directiveReport.figures.flatMap((f) => [f.definition.vi, f.definition.en]),
        ...r.findings.nodes.flatMap((f) => [f.message.vi, f.message.en]),
      ];
      expect(texts.filter((t) => ISO_DATE.test(t))).toEqual([]);
      const english = r.directiveReport.figures.map((f) => f.definition.en).join('\n');
      expect(english).toContain('on 01/12/2022');
      expect(english).toContain('30/09/2021 to 01/12/2022');
    });
  });
});
