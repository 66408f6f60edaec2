import { describe, expect, it } from 'vitest';
import { generatedDocumentJson, generatedDocumentName, rewriteGraphqlCalls } from './graphql-documents-plugin';

describe('rewriteGraphqlCalls', () => {
  it('replaces each graphql() call by an import of its own document module', () => {
    const code = [
      "import { graphql } from '../gql';",
      'graphql(`fragment SessionUser on Me { username }`);',
      'export const MeDocument = graphql(`',
      '  query Me { me { ...SessionUser } }',
      '`);',
    ].join('\n');
    expect(rewriteGraphqlCalls(code)).toBe(
      [
        'import __document_SessionUserFragmentDoc from "virtual:coso-graphql-document/SessionUserFragmentDoc";' +
          'import __document_MeDocument from "virtual:coso-graphql-document/MeDocument";' +
          "import { graphql } from '../gql';",
        '__document_SessionUserFragmentDoc;',
        'export const MeDocument = __document_MeDocument;',
      ].join('\n'),
    );
  });

  it('leaves files without documents alone', () => {
    expect(rewriteGraphqlCalls('const graphqlUrl = "/graphql";')).toBeNull();
  });
});

describe('generatedDocumentName', () => {
  it('follows the client preset naming', () => {
    expect(generatedDocumentName('\n  # the list\n  query UnitsList($asOf: Date!) { units { totalCount } }')).toBe('UnitsListDocument');
    expect(generatedDocumentName('mutation Login { logout }')).toBe('LoginDocument');
    expect(generatedDocumentName('fragment UnitRow on AdministrativeUnit { id }')).toBe('UnitRowFragmentDoc');
  });

  it('refuses anonymous documents', () => {
    expect(() => generatedDocumentName('{ me { username } }')).toThrow(/named operation or fragment/);
  });
});

describe('generatedDocumentJson', () => {
  const generated = [
    'export type MeQuery = { me: { username: string } | null };',
    'export const MeDocument = {"kind":"Document","definitions":[]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;',
  ].join('\n');

  it('takes the document literal the preset wrote', () => {
    expect(generatedDocumentJson(generated, 'MeDocument')).toBe('{"kind":"Document","definitions":[]}');
  });

  it('says to run codegen when a document is missing', () => {
    expect(() => generatedDocumentJson(generated, 'LoginDocument')).toThrow(/turbo run generate/);
  });
});
