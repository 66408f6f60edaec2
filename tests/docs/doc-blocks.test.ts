import { describe, expect, it } from 'vitest';
import { blockProblem, codeBlocks, where } from './doc-blocks.js';

/** The reading of annotations and the checks made before anything runs (no gateway needed). */
describe('doc-blocks', () => {
  it('reads each block with its line, language and the comment before it (blank lines allowed)', () => {
    const md = [
      '# Title', // 1
      '<!-- run-as: phantich -->', // 2
      '', // 3
      '```graphql', // 4
      'query Q { units(first: 1) { totalCount } }', // 5
      '```', // 6
      '<!-- variables -->', // 7
      '```json', // 8
      '{ "n": 1 }', // 9
      '```', // 10
      'Text.', // 11
      '<!-- not-run: output shown -->', // 12
      '```text', // 13
      'x', // 14
      '```', // 15
      '1. A list item:', // 16
      '', // 17
      '   <!-- run: node -->', // 18
      '   ```js', // 19
      '   console.log(1);', // 20
      '     // kept indent', // 21
      '   ```', // 22
    ].join('\n');
    const blocks = codeBlocks('doc.md', md);
    expect(blocks.map((b) => [where(b), b.lang, b.annotation.kind])).toEqual([
      ['doc.md:4', 'graphql', 'run-as'],
      ['doc.md:13', 'text', 'not-run'],
      ['doc.md:19', 'js', 'run'],
    ]);
    expect(blocks[0]?.variables).toEqual({ n: 1 });
    expect(blocks[2]?.code).toBe('console.log(1);\n  // kept indent\n');
    expect(blocks.map(blockProblem)).toEqual([undefined, undefined, undefined]);
  });

  it('refuses the examples the API guide used to hold: no annotation, three anonymous operations, an unknown account', () => {
    const cases: Array<[string, RegExp]> = [
      ['```graphql\nquery A { units { totalCount } }\n```\n', /no annotation/],
      ['Some text.\n\n```sh\nnpm start\n```\n', /no annotation/],
      [
        '<!-- run-as: phantich -->\n```graphql\n{ a: units { totalCount } }\n{ b: units { totalCount } }\n{ c: units { totalCount } }\n```\n',
        /holds 3/,
      ],
      ['<!-- run-as: phantich -->\n```graphql\n{ units { totalCount } }\n```\n', /no name/],
      ['<!-- run-as: phantich -->\n```graphql\nquery Broken { units {\n```\n', /not valid GraphQL/],
      ['<!-- run-as: root -->\n```graphql\nquery A { units { totalCount } }\n```\n', /not understood/],
      ['<!-- run-as: phantich -->\n```js\nconsole.log(1)\n```\n', /not `js`/],
      ['<!-- run: node -->\n```python\nprint(1)\n```\n', /on a `python` block/],
      ['<!-- variables -->\n```json\n{}\n```\n', /variables/],
      [
        '<!-- run-as: phantich -->\n```graphql\nquery A { units { totalCount } }\n```\n<!-- variables -->\n```json\n{ nope\n```\n',
        /not JSON/,
      ],
    ];
    for (const [md, problem] of cases) {
      const problems = codeBlocks('doc.md', md).map(blockProblem);
      expect(
        problems.some((p) => p !== undefined && problem.test(p)),
        `${md} → ${JSON.stringify(problems)}`,
      ).toBe(true);
    }
  });

  it('reads an expected error on run-as', () => {
    const [block] = codeBlocks(
      'doc.md',
      '<!-- run-as: xem; expect-error: FORBIDDEN -->\n```graphql\nquery A { units { totalCount } }\n```\n',
    );
    expect(block?.annotation).toEqual({ kind: 'run-as', account: 'xem', expectError: 'FORBIDDEN' });
  });
});
