import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { type CodeBlock, RUNNABLE_LANGS, type RunAsAccount } from './doc-blocks.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Where the blocks run: the gateway's address (no trailing '/') and a bearer token per account. */
export interface DocGateway {
  url: string;
  token(account: Exclude<RunAsAccount, 'anonymous'>): Promise<string>;
}

/** What running a block gave: `failure` says why it does not run as documented; `output` what it printed or answered. */
export interface BlockOutcome {
  failure?: string;
  output: string;
}

/** A block's variables for a shell or Python example: `$COSO_URL`, and `$COSO_TOKEN` when it runs as an account. */
async function exampleEnv(block: CodeBlock, gateway: DocGateway): Promise<NodeJS.ProcessEnv> {
  const account = block.annotation.kind === 'run-as' ? block.annotation.account : 'anonymous';
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', COSO_URL: gateway.url };
  if (account !== 'anonymous') env.COSO_TOKEN = await gateway.token(account);
  return env;
}

/** Runs one annotated block (blockProblem(block) is undefined) and says whether it ran as documented. */
export async function runBlock(block: CodeBlock, gateway: DocGateway): Promise<BlockOutcome> {
  const { annotation } = block;
  const runtime = RUNNABLE_LANGS[block.lang as keyof typeof RUNNABLE_LANGS];
  if (annotation.kind === 'run') return runScript(block, annotation.runtime);
  if (annotation.kind !== 'run-as') return { output: '' };
  if (runtime === 'graphql') return runGraphql(block, gateway, annotation.account, annotation.expectError);
  const env = await exampleEnv(block, gateway);
  const scratch = mkdtempSync(join(tmpdir(), 'coso-doc-'));
  try {
    const result =
      runtime === 'python'
        ? await run('python3', ['-'], { input: block.code, env, cwd: scratch })
        : await run('bash', ['-e', '-o', 'pipefail', '-c', block.code], { env, cwd: scratch });
    const output = `${result.stdout}${result.stderr}`;
    if (result.error) return { failure: `${runtime} did not run: ${result.error.message}`, output };
    if (result.status !== 0) return { failure: `${runtime} exited with ${result.status}:\n${output}`, output };
    return { ...answerProblem(result.stdout, annotation.expectError), output };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A shell example prints the gateway's JSON: no `errors` in it, or the one it says it shows. */
function answerProblem(stdout: string, expectError: string | undefined): { failure?: string } {
  if (expectError) {
    return stdout.includes(`"code":"${expectError}"`) || stdout.includes(`"code": "${expectError}"`)
      ? {}
      : { failure: `expected an error ${expectError}; printed:\n${stdout}` };
  }
  return /"errors"\s*:/.test(stdout) ? { failure: `the answer holds errors:\n${stdout}` } : {};
}

async function runGraphql(block: CodeBlock, gateway: DocGateway, account: RunAsAccount, expectError?: string): Promise<BlockOutcome> {
  const token = account === 'anonymous' ? null : await gateway.token(account);
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: block.code, ...(block.variables ? { variables: block.variables } : {}) }),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: Array<{ message: string; path?: unknown; extensions?: { code?: string } }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { failure: `HTTP ${response.status}, not JSON: ${text.slice(0, 500)}`, output: text };
  }
  const errors = body.errors ?? [];
  if (expectError) {
    return errors.some((e) => e.extensions?.code === expectError)
      ? { output: text }
      : { failure: `expected an error ${expectError}; the answer was ${text.slice(0, 1000)}`, output: text };
  }
  if (errors.length) {
    const listed = errors.map((e) => `${e.extensions?.code ?? '?'} at ${JSON.stringify(e.path ?? [])}: ${e.message}`).join('\n');
    return { failure: `HTTP ${response.status}, errors:\n${listed}`, output: text };
  }
  const typed = typedErrors(body.data);
  if (typed.length) return { failure: `a mutation answered a typed error: ${JSON.stringify(typed).slice(0, 1000)}`, output: text };
  return { output: text };
}

/** Every object in a result whose `__typename` is a typed error (ValidationError, LoginError, …): a write example that was refused. */
function typedErrors(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) typedErrors(v, found);
  else if (value && typeof value === 'object') {
    const typename = (value as { __typename?: unknown }).__typename;
    if (typeof typename === 'string' && /Error$/.test(typename)) found.push(value);
    for (const v of Object.values(value)) typedErrors(v, found);
  }
  return found;
}

/**
 * Runs a node or ts block as a module of the repository (so `@coso/domain` resolves to the
 * workspace's build); a ts block is transpiled first (types are the type checker's business, not
 * the runner's). Each `// → text` comment promises a line of output, in order.
 */
async function runScript(block: CodeBlock, runtime: 'node' | 'ts'): Promise<BlockOutcome> {
  const dir = mkdtempSync(join(REPO, 'node_modules', '.coso-doc-'));
  try {
    const source =
      runtime === 'ts'
        ? ts.transpileModule(block.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
        : block.code;
    const file = join(dir, 'example.mjs');
    writeFileSync(file, source);
    const result = await run(process.execPath, [file], { cwd: dir });
    const output = `${result.stdout}${result.stderr}`;
    if (result.error || result.status !== 0)
      return { failure: `node exited with ${result.status}:\n${output}${result.error?.message ?? ''}`, output };
    const promised = [...block.code.matchAll(/\/\/ → (.*)$/gm)].map((m) => (m[1] ?? '').trim());
    if (promised.length) {
      const printed = result.stdout.trim().split('\n');
      if (JSON.stringify(printed) !== JSON.stringify(promised)) {
        return { failure: `printed\n${printed.join('\n')}\nbut the comments promise\n${promised.join('\n')}`, output };
      }
    }
    return { output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A child process, awaited without blocking the event loop (a blocked loop let the HTTP client
 * reuse a keep-alive connection the gateway had meanwhile closed). Killed after two minutes.
 */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<{ status: number | null; stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let error: Error | undefined;
    const timer = setTimeout(() => {
      error = new Error('killed after 120 s');
      child.kill('SIGKILL');
    }, 120_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (e) => {
      error = e;
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ...(error ? { error } : {}) });
    });
    child.stdin.end(options.input ?? '');
  });
}
