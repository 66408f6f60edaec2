import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../test-support/sign-in.js';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.js';

/**
 * The import's HTTP side on a real gateway (sample data): the template download, the upload with
 * /graphql's body limit and CSRF rule, and the round trip upload → GraphQL preview → commit.
 */
let t: TestGateway;
let origin: string;
let officer: string;

beforeAll(async () => {
  t = await startTestGateway(inject('databaseAdminUrl'));
  origin = new URL(t.gateway.graphqlUrl).origin;
  officer = await signIn(t.gateway.graphqlUrl, 'phuong.giangbien');
});
afterAll(() => t?.close());

const CSV = 'Họ và tên;Giới tính;Năm sinh;Số CCCD\nPhan Văn Tải;Nam;1969;001069777001\nLê Thị Lên;Nữ;1971;001171777002\n';

function post(query: string, body: string, headers: Record<string, string>) {
  return fetch(`${origin}/imports?${query}`, { method: 'POST', body, headers });
}

async function graphql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await fetch(t.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('GET /imports/templates/<kind>.xlsx', () => {
  it('is the kind’s template for a signed-in viewer, 401 otherwise, 400 for a kind that does not exist', async () => {
    expect((await fetch(`${origin}/imports/templates/people.xlsx`)).status).toBe(401);
    const bad = await fetch(`${origin}/imports/templates/ghosts.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    expect(bad.status).toBe(400);
    const res = await fetch(`${origin}/imports/templates/people.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''M%E1%BA%ABu%20nh%E1%BA%ADp");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Dữ liệu', 'Hướng dẫn']);
    expect(workbook.worksheets[0]?.getRow(1).getCell(2).value).toBe('Họ và tên');
  });
});

describe('POST /imports', () => {
  it('refuses what a foreign page could send (simple content types, none) unless a preflight header is there, as /graphql does', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await post('kind=people&fileName=a.csv', CSV, { 'content-type': type, authorization: `Bearer ${officer}` });
      expect(res.status, type).toBe(400);
      expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/CSRF/);
    }
    const forced = await post('kind=people&fileName=a.csv', CSV, {
      'content-type': 'text/plain',
      'apollo-require-preflight': 'true',
      authorization: `Bearer ${officer}`,
    });
    expect(forced.status).toBe(201);
  });

  it('needs a writer (401 signed out, 403 a read-only viewer), a kind, a name and a file it can read; has /graphql’s size limit', async () => {
    const csv = { 'content-type': 'text/csv' };
    expect((await post('kind=people&fileName=a.csv', CSV, csv)).status).toBe(401);
    const reader = await signIn(t.gateway.graphqlUrl, 'xem');
    expect((await post('kind=people&fileName=a.csv', CSV, { ...csv, authorization: `Bearer ${reader}` })).status).toBe(403);
    const auth = { ...csv, authorization: `Bearer ${officer}` };
    const missing = await post('kind=ghosts', CSV, auth);
    expect(missing.status).toBe(400);
    const violations = ((await missing.json()) as { errors: Array<{ extensions: { violations: Array<{ path: string[] }> } }> }).errors[0]
      ?.extensions.violations;
    expect(violations?.map((v) => v.path[0])).toEqual(['kind', 'fileName']);
    const unreadable = await post('kind=people&fileName=a.xlsx', 'not a workbook', auth);
    expect(unreadable.status).toBe(400);
    expect(await unreadable.text()).toContain('Không đọc được tệp');
    const big = await post('kind=people&fileName=a.csv', 'x'.repeat(1024 * 1024 + 1), auth);
    expect(big.status).toBe(413);
    expect(await t.prisma.importBatch.count({ where: { fileName: 'a.xlsx' } })).toBe(0);
  });

  it('uploads, previews over GraphQL and commits: upload → preview → commit', async () => {
    // Each person with a residence in the officer's ward (as of the file's date): one placed nowhere
    // would be a record its author could not read back, refused (packages/schema/src/auth/read-back.ts).
    const placed = [
      'Ngày số liệu: 01/12/2022',
      'Họ và tên;Giới tính;Năm sinh;Số CCCD;Thường trú',
      'Phan Văn Tải;Nam;1969;001069777001;Tổ dân phố số 5, Giang Biên',
      'Lê Thị Lên;Nữ;1971;001171777002;Tổ dân phố số 5, Giang Biên',
      '',
    ].join('\n');
    const res = await post('kind=people&fileName=nhan-khau.csv', placed, {
      'content-type': 'text/csv',
      authorization: `Bearer ${officer}`,
    });
    expect(res.status).toBe(201);
    const { id, sha256 } = (await res.json()) as { id: string; sha256: string };
    expect(sha256).toMatch(/^[0-9a-f]{64}$/u);
    const preview = await graphql<{ importBatch: { fileName: string; preview: { rows: Array<{ action: string }>; errors: unknown[] } } }>(
      'query($id: String!) { importBatch(id: $id) { fileName preview { rows { action } errors { rowNumber column code message { en } } } } }',
      { id },
      officer,
    );
    expect(preview.importBatch).toEqual({
      fileName: 'nhan-khau.csv',
      preview: { rows: [{ action: 'CREATE' }, { action: 'CREATE' }], errors: [] },
    });
    const committed = await graphql<{ commitImport: { data: { committed: boolean; batch: { status: string } } } }>(
      'mutation($input: CommitImportInput!) { commitImport(input: $input) { ... on MutationCommitImportSuccess { data { committed batch { status } } } } }',
      { input: { batchId: id } },
      officer,
    );
    expect(committed.commitImport.data).toEqual({ committed: true, batch: { status: 'COMMITTED' } });
    expect(await t.prisma.person.count({ where: { citizenId: { in: ['001069777001', '001171777002'] } } })).toBe(2);
  });
});
