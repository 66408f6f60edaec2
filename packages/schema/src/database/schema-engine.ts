import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

/**
 * Prisma's own schema engine, compiled to WebAssembly and shipped on npm, driven by hand: the
 * Prisma CLI would download a native binary instead, which this project cannot do (no internet).
 * Its API is internal, hence the exact version pin in package.json.
 *
 * The engine needs a live PostgreSQL connection even to diff two datamodels; it does not change it.
 */
export interface SchemaDiffer {
  /** SQL that turns a database made from `from` (null = empty) into one made from `to`. */
  diff(from: string | null, to: string): Promise<string>;
}

let initialised: Promise<void> | undefined;

/** The global WebAssembly object (Node's lib types here do not declare it). */
interface WasmRuntime {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
function wasmRuntime(): WasmRuntime {
  return (globalThis as unknown as { WebAssembly: WasmRuntime }).WebAssembly;
}

async function initialiseWasm(): Promise<void> {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bytes = await readFile(join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await wasmRuntime().instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports as Parameters<typeof bg.__wbg_set_wasm>[0]);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === 'function') start();
}

export async function createSchemaDiffer(connectionString: string): Promise<SchemaDiffer> {
  initialised ??= initialiseWasm();
  await initialised;
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, factory);
  const target = (content: string) => ({ tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content }] });
  return {
    async diff(from, to) {
      const result = await engine.diff({
        from: from === null ? { tag: 'empty' } : target(from),
        to: target(to),
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      return result.stdout ?? '';
    },
  };
}

/** True when a diff script contains no statement (the engine prints a comment for an empty diff). */
export function isEmptyDiff(sql: string): boolean {
  return sql
    .split('\n')
    .map((l) => l.trim())
    .every((l) => l === '' || l.startsWith('--'));
}
