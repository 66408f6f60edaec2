import { Kind, parse } from 'graphql';

/**
 * The fenced code blocks of a Markdown document and how CI runs each (CONTRIBUTING.md,
 * "Documentation that runs"): the HTML comment on the line before the fence (blank lines allowed)
 * says it — `<!-- run-as: <account> -->` (graphql, sh, python against a started gateway as that
 * demo account, or `anonymous`), `<!-- run: node -->` / `<!-- run: ts -->` (code run as is),
 * `<!-- not-run: <why> -->`, and `<!-- variables -->` for the ```json block of variables that
 * follows a graphql block. `run-as` may add `expect-error: <CODE>` for an example that shows a
 * refusal: it then fails unless the answer is that error.
 */

/** The accounts a `run-as` may name: the sample data's demo accounts (README) and `anonymous`. */
export const RUN_AS_ACCOUNTS = ['admin', 'quan.longbien', 'phuong.giangbien', 'phantich', 'xem', 'anonymous'] as const;
export type RunAsAccount = (typeof RUN_AS_ACCOUNTS)[number];

export type Annotation =
  | { kind: 'run-as'; account: RunAsAccount; expectError?: string }
  | { kind: 'run'; runtime: 'node' | 'ts' }
  | { kind: 'not-run'; why: string }
  | { kind: 'variables' };

export interface CodeBlock {
  /** The document, as given to `codeBlocks` (a path relative to the repository). */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The fence's info string's first word, lower-cased ('' when none). */
  lang: string;
  code: string;
  /** The comment before the fence, or why it could not be read. */
  annotation: Annotation | { kind: 'missing' | 'invalid'; text: string };
  /** For a graphql block: the ```json block of variables right after it, parsed. */
  variables?: Record<string, unknown>;
}

/** A block that cannot be run as written: what is wrong, for `file:line`. */
export interface BlockProblem {
  block: CodeBlock;
  problem: string;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const COMMENT = /^\s*<!--\s*([\s\S]*?)\s*-->\s*$/;

export const RUNNABLE_LANGS = {
  graphql: 'graphql',
  sh: 'sh',
  bash: 'sh',
  shell: 'sh',
  python: 'python',
  py: 'python',
  js: 'node',
  javascript: 'node',
  mjs: 'node',
  ts: 'ts',
  typescript: 'ts',
} as const;

/** Every fenced block of `markdown` with the annotation before it; `variables` blocks are folded into their graphql block. */
export function codeBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const text = lines[j] ?? '';
      const closing = text.trim();
      if (closing.startsWith(fence) && /^[`~]+$/.test(closing) && closing[0] === fence[0]) break;
      // A fence indented in a list item: its lines lose that indent (and no more).
      body.push(text.replace(new RegExp(`^ {0,${indent.length}}`), ''));
    }
    blocks.push({ file, line: i + 1, lang: info.toLowerCase(), code: `${body.join('\n')}\n`, annotation: annotationBefore(lines, i) });
    i = j;
  }
  return foldVariables(blocks);
}

function annotationBefore(lines: string[], fenceIndex: number): CodeBlock['annotation'] {
  let k = fenceIndex - 1;
  while (k >= 0 && (lines[k] ?? '').trim() === '') k--;
  const comment = COMMENT.exec(lines[k] ?? '');
  if (!comment) return { kind: 'missing', text: (lines[k] ?? '').trim() };
  return parseAnnotation(comment[1] ?? '');
}

export function parseAnnotation(text: string): CodeBlock['annotation'] {
  const runAs = /^run-as:\s*([\w.-]+)(?:\s*;\s*expect-error:\s*([A-Z_]+))?$/.exec(text);
  if (runAs) {
    const account = runAs[1] as RunAsAccount;
    if (!RUN_AS_ACCOUNTS.includes(account)) return { kind: 'invalid', text };
    return { kind: 'run-as', account, ...(runAs[2] ? { expectError: runAs[2] } : {}) };
  }
  const run = /^run:\s*(node|ts)$/.exec(text);
  if (run) return { kind: 'run', runtime: run[1] as 'node' | 'ts' };
  const notRun = /^not-run:\s*(\S[\s\S]*)$/.exec(text);
  if (notRun) return { kind: 'not-run', why: notRun[1] ?? '' };
  if (text === 'variables') return { kind: 'variables' };
  return { kind: 'invalid', text };
}

/** A ```json block marked `<!-- variables -->` becomes the `variables` of the graphql block just before it. */
function foldVariables(blocks: CodeBlock[]): CodeBlock[] {
  const out: CodeBlock[] = [];
  for (const block of blocks) {
    const previous = out.at(-1);
    if (block.annotation.kind === 'variables' && block.lang === 'json' && previous?.lang === 'graphql' && !previous.variables) {
      try {
        previous.variables = JSON.parse(block.code) as Record<string, unknown>;
        continue;
      } catch (error) {
        block.annotation = { kind: 'invalid', text: `variables that are not JSON: ${(error as Error).message}` };
      }
    }
    out.push(block);
  }
  return out;
}

/** What is wrong with a block before running it: no or a bad annotation, an annotation that does not fit its language, a graphql block that is not one named operation. */
export function blockProblem(block: CodeBlock): string | undefined {
  const { annotation, lang } = block;
  if (annotation.kind === 'missing') {
    return `no annotation before the block: put <!-- run-as: <account> -->, <!-- run: node|ts --> or <!-- not-run: <why> --> on the line before the fence (found ${JSON.stringify(annotation.text)})`;
  }
  if (annotation.kind === 'invalid') return `annotation not understood: ${JSON.stringify(annotation.text)}`;
  if (annotation.kind === 'variables') return 'a <!-- variables --> block must be a ```json block right after a graphql block';
  if (annotation.kind === 'not-run') return undefined;
  const runtime = RUNNABLE_LANGS[lang as keyof typeof RUNNABLE_LANGS];
  if (annotation.kind === 'run') {
    return runtime === annotation.runtime ? undefined : `<!-- run: ${annotation.runtime} --> on a \`${lang || 'plain'}\` block`;
  }
  if (runtime !== 'graphql' && runtime !== 'sh' && runtime !== 'python') {
    return `<!-- run-as --> runs graphql, sh and python blocks, not \`${lang || 'plain'}\``;
  }
  if (runtime === 'graphql') return graphqlProblem(block.code);
  return undefined;
}

/** A graphql block holds one named operation (and fragments), so it can be pasted and sent as is. */
function graphqlProblem(code: string): string | undefined {
  let operations: Array<{ name?: string }>;
  try {
    operations = parse(code)
      .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? { name: d.name.value } : {}));
  } catch (error) {
    return `not valid GraphQL: ${(error as Error).message}`;
  }
  if (operations.length !== 1) return `a graphql block holds one operation; this one holds ${operations.length}`;
  if (!operations[0]?.name) return 'the operation has no name: write `query Name { … }` (or `mutation Name …`)';
  return undefined;
}

/** `file:line` of a block, for failure messages. */
export function where(block: CodeBlock): string {
  return `${block.file}:${block.line}`;
}
