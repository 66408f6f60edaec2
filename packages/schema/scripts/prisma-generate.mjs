// Runs `prisma generate` offline. The Prisma CLI insists on a native schema-engine binary that it
// would download from outside the npm registry; generate does not need it, so we point the CLI at
// a stub that exits 1 with a clear message (an empty stub would make `migrate` silently succeed).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const stubDir = join(pkg, 'node_modules', '.cache', 'coso');
const stub = join(stubDir, 'schema-engine-stub');
mkdirSync(stubDir, { recursive: true });
writeFileSync(
  stub,
  '#!/bin/sh\necho "coso: the Prisma schema engine is not used here; run npm run db:migrate or db:migration:create (packages/schema)" >&2\nexit 1\n',
);
chmodSync(stub, 0o755);

// The workspace root's node_modules/.bin holds both `prisma` and the `prisma-pothos-types` generator.
const bin = join(pkg, '..', '..', 'node_modules', '.bin');
execFileSync(join(bin, 'prisma'), ['generate', '--schema', 'prisma/schema.prisma'], {
  cwd: pkg,
  stdio: 'inherit',
  env: {
    ...process.env,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
