/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Every name a partner can import has TSDoc: the entry points are those of package.json's
 * `exports`, their exports are listed by the TypeScript compiler (re-exports followed to the
 * declaration), and a name counts as documented when its declaration carries a doc comment.
 */
const packageDir = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string }>;
};

/** `./dist/text/index.d.ts` → `src/text/index.ts`. */
const entryFiles = Object.values(manifest.exports)
  .filter((e): e is { types: string } => typeof e === 'object')
  .map((e) => join(packageDir, e.types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts')));

function undocumentedExports(): string[] {
  const program = ts.createProgram(entryFiles, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const missing = new Set<string>();
  for (const file of entryFiles) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`no module for ${file}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.getDeclarations() ?? [];
      const documented = declarations.some((d) => ts.getJSDocCommentsAndTags(d).length > 0 || hasDocOnStatement(d));
      if (!documented) missing.add(`${exported.name} (${declarations[0]?.getSourceFile().fileName.replace(`${packageDir}/`, '') ?? '?'})`);
    }
  }
  return [...missing].sort();
}

/** A `const` is documented on its statement (`/** … *\/ export const x = …`), not on the declarator. */
function hasDocOnStatement(d: ts.Declaration): boolean {
  const statement = ts.isVariableDeclaration(d) ? d.parent.parent : undefined;
  return statement !== undefined && ts.getJSDocCommentsAndTags(statement).length > 0;
}

describe('the public surface', () => {
  it('has TSDoc on every export of every entry point', () => {
    expect(undocumentedExports()).toEqual([]);
  });
});
