import { fileURLToPath } from 'node:url';

export const GATEWAY_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const BUILT_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
export const BUILT_CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const BUILT_GRAPHIQL = fileURLToPath(new URL('../../dist/graphiql/index.html', import.meta.url));
