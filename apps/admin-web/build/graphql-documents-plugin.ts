import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * graphql-codegen's client preset resolves `graphql(\`…\`)` at run time through one map of every
 * document in the app (src/gql/gql.ts), and keeps every document in one module
 * (src/gql/graphql.ts): bundled as is, all of them would land in the first screen's chunk and grow
 * with each page. This build step does what the preset's Babel/SWC plugins do, one step further:
 * each call becomes an import of a small module holding only that generated document (the same
 * JSON the preset wrote), so a page's queries ship in that page's chunk. Types are unchanged:
 * TypeScript still checks the source against src/gql/.
 */
export function graphqlDocumentsPlugin(generatedModule: string): Plugin {
  return {
    name: 'coso:graphql-documents',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(VIRTUAL_PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL_PREFIX}`)) return null;
      this.addWatchFile(generatedModule);
      const name = id.slice(VIRTUAL_PREFIX.length + 1);
      return `export default ${generatedDocumentJson(readFileSync(generatedModule, 'utf8'), name)};`;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/src/gql/')) return null;
      const rewritten = rewriteGraphqlCalls(code);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}

const VIRTUAL_PREFIX = 'virtual:coso-graphql-document/';
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const DEFINITION = /^(?:\s|#[^\n]*\n)*(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/;

/** The generated export for a document: `query Me` → `MeDocument`, `fragment SessionUser` → `SessionUserFragmentDoc`. */
export function generatedDocumentName(source: string): string {
  const match = DEFINITION.exec(source);
  if (!match) throw new Error(`A graphql() document must start with a named operation or fragment: ${source.trim().slice(0, 80)}`);
  return match[1] === 'fragment' ? `${match[2]}FragmentDoc` : `${match[2]}Document`;
}

/** `code` with every `graphql(\`…\`)` replaced by its own document module, or null when it has none. */
export function rewriteGraphqlCalls(code: string): string | null {
  const names = new Set<string>();
  const body = code.replace(CALL, (_call, source: string) => {
    const name = generatedDocumentName(source);
    names.add(name);
    return `__document_${name}`;
  });
  if (names.size === 0) return null;
  const imports = [...names].map((name) => `import __document_${name} from ${JSON.stringify(VIRTUAL_PREFIX + name)};`).join('');
  // On the first line, so line numbers stay those of the source.
  return imports + body;
}

/** The JSON of `export const <name> = {…} as unknown as DocumentNode<…>;` in the client preset's graphql.ts. */
export function generatedDocumentJson(generated: string, name: string): string {
  const line = generated.split('\n').find((l) => l.startsWith(`export const ${name} = `));
  const json = line?.slice(`export const ${name} = `.length).replace(/ as unknown as DocumentNode<.*>;$/, '');
  if (json === undefined || !json.startsWith('{"kind":"Document"')) {
    throw new Error(`src/gql/graphql.ts has no document ${name}: run \`npx turbo run generate --filter=@coso/admin-web\`.`);
  }
  JSON.parse(json); // fails loudly if the preset's output format ever changes
  return json;
}
