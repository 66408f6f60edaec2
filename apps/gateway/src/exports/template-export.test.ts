import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../test-support/sign-in.js';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.js';

/**
 * `GET /exports/templates/<kind>.xlsx` over HTTP on the sample (#14): a ward officer's export of
 * their people imports back through `POST /imports` with every row UNCHANGED; a viewer's export
 * (citizen IDs masked) is refused whole by the import, whoever uploads it; bad parameters and no
 * session are the gateway's JSON errors.
 */
let t: TestGateway;
let origin = '';
const tokens: Record<string, string> = {};
const AS_OF = '2022-12-01';

beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'));
  origin = new URL(t.gateway.graphqlUrl).origin;
  for (const name of ['phuong.giangbien', 'xem', 'admin']) tokens[name] = await signIn(t.gateway.graphqlUrl, name);
}, 300_000);
afterAll(() => t?.close());

const exportAs = (name: string | null, path: string) =>
  fetch(`${origin}${path}`, name ? { headers: { authorization: `Bearer ${tokens[name]}` } } : {});

async function previewOf(name: string, file: Buffer) {
  const upload = await fetch(`${origin}/imports?kind=people&fileName=nhan-khau.xlsx`, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${tokens[name]}` },
  });
  expect(upload.status, await upload.clone().text()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  const res = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[name]}` },
    body: JSON.stringify({
      query:
        'query($id: String!) { importBatch(id: $id) { preview { counts { rows unchanged } errors { rowNumber column code message { en } } } } }',
      variables: { id },
    }),
  });
  const body = (await res.json()) as {
    data: {
      importBatch: {
        preview: {
          counts: { rows: number; unchanged: number };
          errors: Array<{ rowNumber: number | null; column: string | null; code: string; message: { en: string } }>;
        };
      };
    };
  };
  return body.data.importBatch.preview;
}

describe('GET /exports/templates/<kind>.xlsx (#14)', () => {
  it('a ward officer’s people, in the template, import back with nothing changed', async () => {
    const res = await exportAs('phuong.giangbien', `/exports/templates/people.xlsx?asOf=${AS_OF}`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const file = Buffer.from(await res.arrayBuffer());
    const before = await t.prisma.person.count();
    const preview = await previewOf('phuong.giangbien', file);
    expect(preview.errors).toEqual([]);
    // Counted over the whole sheet (the preview's rows are a page).
    expect(preview.counts.rows).toBeGreaterThan(10);
    expect(preview.counts.unchanged).toBe(preview.counts.rows);
    expect(await t.prisma.person.count()).toBe(before);
    const line = t.logs.find((l) => l.msg === 'export' && l.export === 'templates/people.xlsx');
    expect(line).toMatchObject({ actor: 'phuong.giangbien', rows: preview.counts.rows, maskedPeople: 0 });
  }, 300_000);

  it('a viewer’s export, citizen IDs masked, is refused whole by the import (an administrator uploading it too)', async () => {
    const res = await exportAs('xem', `/exports/templates/people.xlsx?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    const preview = await previewOf('admin', Buffer.from(await res.arrayBuffer()));
    expect(preview.errors.map((e) => [e.rowNumber, e.code])).toEqual([[null, 'IMPORT_WITHHELD_FILE']]);
    expect(preview.counts.rows).toBe(0);
  }, 300_000);

  it('refuses an unknown kind and a bad date with every problem (400), and no session (401)', async () => {
    const bad = await exportAs('xem', '/exports/templates/nobody.xlsx?asOf=01-12-2022');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: Array<{ extensions: { code: string; violations: Array<{ path: string[] }> } }> };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]?.extensions.violations.map((v) => v.path[0])).toEqual(['kind', 'asOf']);
    expect((await exportAs(null, '/exports/templates/people.xlsx')).status).toBe(401);
  });
});
