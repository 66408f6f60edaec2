import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS } from '@coso/schema';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiToken, type GatewayProcess, startGatewayProcess } from '../support/gateway-process.js';
import { blockProblem, type CodeBlock, codeBlocks, where } from './doc-blocks.js';
import { type DocGateway, runBlock } from './run-block.js';

/**
 * Documentation that runs: every fenced block of the API guide and the READMEs is run as its
 * annotation says (doc-blocks.ts), against one gateway with the sample data for the whole file,
 * in document order (a write example is seen by the examples after it). A block without an
 * annotation, or one that fails, fails the test with its file and line.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DOCUMENTS = ['packages/schema/API.md', 'README.md', 'apps/gateway/README.md', 'packages/domain/README.md', 'CONTRIBUTING.md'];

const blocks: CodeBlock[] = DOCUMENTS.flatMap((file) => codeBlocks(file, readFileSync(join(REPO, file), 'utf8')));

let gatewayProcess: GatewayProcess;
let gateway: DocGateway;

beforeAll(async () => {
  gatewayProcess = await startGatewayProcess({}, { adminUrl: inject('databaseAdminUrl'), runId: inject('databaseRunId') });
  const url = gatewayProcess.baseUrl.replace(/\/$/, '');
  const tokens = new Map<string, Promise<string>>();
  gateway = {
    url,
    token(account) {
      const password = DEMO_ACCOUNTS.find((a) => a.username === account)?.password ?? '';
      if (!tokens.has(account)) tokens.set(account, apiToken(gatewayProcess.baseUrl, account, password));
      return tokens.get(account) as Promise<string>;
    },
  };
});

afterAll(async () => {
  await gatewayProcess?.stop();
});

describe('documentation that runs', () => {
  it('finds the blocks of every document', () => {
    for (const file of DOCUMENTS.filter((f) => f !== 'CONTRIBUTING.md')) {
      expect(
        blocks.some((b) => b.file === file),
        file,
      ).toBe(true);
    }
  });

  it('every block says how it runs, and a graphql block is one named operation', () => {
    const problems = blocks.flatMap((block) => {
      const problem = blockProblem(block);
      return problem ? [`${where(block)}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  // One test per block, named by its place, so a failure says which example lies.
  for (const block of blocks) {
    const how = block.annotation.kind === 'run-as' ? `as ${block.annotation.account}` : block.annotation.kind;
    it.skipIf(block.annotation.kind === 'not-run' || blockProblem(block) !== undefined)(
      `${where(block)} (${block.lang || 'plain'}, ${how})`,
      async () => {
        const outcome = await runBlock(block, gateway);
        expect(outcome.failure, `${where(block)} does not run as documented`).toBeUndefined();
      },
      120_000,
    );
  }
});

describe('the runner refuses an example that lies', () => {
  const wrong = (markdown: string): CodeBlock => {
    const [block] = codeBlocks('wrong.md', markdown);
    if (!block) throw new Error('no block');
    return block;
  };
  const cases: Array<[string, string, RegExp]> = [
    [
      'a field that does not exist',
      '<!-- run-as: phantich -->\n```graphql\nquery Wrong { units(first: 1) { nodes { noSuchField } } }\n```\n',
      /GRAPHQL_VALIDATION_FAILED/,
    ],
    [
      'an admin-only mutation run as an analyst',
      '<!-- run-as: phantich -->\n```graphql\nmutation Lock { lockAccount(input: { id: "00000000-0000-4000-8000-000000000000", version: 1 }) { __typename } }\n```\n',
      /FORBIDDEN/,
    ],
    ['a write the rules refuse', refusedWrite(), /typed error/],
    ['a curl that fails', '<!-- run-as: phantich -->\n```sh\ncurl -sS --fail-with-body "$COSO_URL/no-such-page"\n```\n', /exited with 22/],
    [
      'a curl whose answer holds errors',
      `<!-- run-as: anonymous -->\n\`\`\`sh\ncurl -sS "$COSO_URL/graphql" -H 'content-type: application/json' -d '{"query":"query Q { units(first: 1) { totalCount } }"}'\n\`\`\`\n`,
      /holds errors/,
    ],
    ['Python that raises', '<!-- run-as: phantich -->\n```python\nraise SystemExit("no")\n```\n', /exited with 1/],
    ['node whose output is not the one promised', '<!-- run: node -->\n```js\nconsole.log(1 + 1); // → 3\n```\n', /promise/],
    ['a ts block that throws', "<!-- run: ts -->\n```ts\nconst n: number = 1;\nif (n === 1) throw new Error('boom');\n```\n", /boom/],
    [
      'an expected error that does not come',
      '<!-- run-as: admin; expect-error: FORBIDDEN -->\n```graphql\nquery Fine { units(first: 1) { totalCount } }\n```\n',
      /expected an error FORBIDDEN/,
    ],
  ];
  for (const [name, markdown, why] of cases) {
    it(`fails ${name}`, async () => {
      const block = wrong(markdown);
      expect(blockProblem(block)).toBeUndefined();
      const outcome = await runBlock(block, gateway);
      expect(outcome.failure).toMatch(why);
    });
  }

  it('passes the same shapes when they are right (so the cases above fail for their fault)', async () => {
    const right = [
      '<!-- run-as: phantich -->\n```graphql\nquery Right { units(first: 1) { totalCount } }\n```\n',
      '<!-- run-as: phantich -->\n```sh\ncurl -sS --fail-with-body "$COSO_URL/healthz"\n```\n',
      '<!-- run-as: phantich -->\n```python\nimport os\nassert os.environ["COSO_TOKEN"]\n```\n',
      '<!-- run: node -->\n```js\nconsole.log(1 + 1); // → 2\n```\n',
      '<!-- run: ts -->\n```ts\nconst n: number = 2;\nconsole.log(n); // → 2\n```\n',
      '<!-- run-as: anonymous; expect-error: UNAUTHENTICATED -->\n```graphql\nquery Anonymous { units(first: 1) { totalCount } }\n```\n',
    ];
    for (const markdown of right) {
      const block = wrong(markdown);
      expect((await runBlock(block, gateway)).failure, markdown).toBeUndefined();
    }
  });
});

/** createUnit without a parent: a ValidationError (a typed error in `data`, not in `errors`). */
function refusedWrite(): string {
  return [
    '<!-- run-as: admin -->',
    '```graphql',
    'mutation Refused {',
    '  createUnit(input: { kind: RESIDENTIAL_GROUP, name: "", validFrom: "2024-01-01" }) {',
    '    __typename',
    '    ... on ValidationError { violations { code } }',
    '  }',
    '}',
    '```',
    '',
  ].join('\n');
}
