// The hand-written SQL floor of `npm run bench`: a minimal HTTP server (node:http + pg) that answers
// each bench case with ONE SQL statement building the exact JSON coso's gateway returns for the
// administrator (compare.mjs checks the equality before it measures). No GraphQL, no ORM, no
// per-object checks: what the database alone costs for the same answer, over the same HTTP.
//
//   DATABASE_URL=… node tests/bench/floor-server.mjs   → prints "ready http://127.0.0.1:<port>/"
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { searchKey } from '@coso/domain';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });

/** `valid_from <= d < valid_to` (NULL = current), as coso's `activeOnWhere`. */
const active = (t, d = '$1') => `(${t}.valid_from <= ${d}::date AND (${t}.valid_to IS NULL OR ${t}.valid_to > ${d}::date))`;
/** Relay global id as coso encodes it: base64 of "Type:uuid". */
const globalId = (type, t) => `translate(encode(convert_to('${type}:' || ${t}.id::text, 'UTF8'), 'base64'), E'\\n', '')`;

const SQL = {
  // `me`: the session behind the token (not revoked, not expired, account not locked or ended).
  me: `SELECT json_build_object('me', json_build_object(
      'username', a.username, 'role', a.role,
      'scopeUnit', (SELECT json_build_object('name', u.name) FROM administrative_units u WHERE u.id = a.scope_unit_id),
      'permissions', json_build_object('canWrite', a.role IN ('SYSTEM_ADMIN', 'DISTRICT_STAFF', 'WARD_STAFF')))) AS data
    FROM sessions s JOIN accounts a ON a.id = s.account_id
    WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
      AND (a.locked_at IS NULL OR a.locked_at > now())
      AND (a.valid_to IS NULL OR a.valid_to > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`,

  // Units list: 14 wards with code and parent (first 20, names in the column's Vietnamese order).
  units: `WITH w AS (SELECT u.* FROM administrative_units u WHERE u.kind = 'WARD' AND ${active('u')})
    SELECT json_build_object('units', json_build_object(
      'totalCount', (SELECT count(*) FROM w),
      'nodes', COALESCE((SELECT json_agg(json_build_object(
          'id', ${globalId('AdministrativeUnit', 'p')}, 'name', p.name,
          'code', (SELECT c.code FROM unit_codes c WHERE c.unit_id = p.id AND ${active('c')} LIMIT 1),
          'parent', (SELECT json_build_object('name', pu.name) FROM unit_parents l JOIN administrative_units pu ON pu.id = l.parent_id
                     WHERE l.unit_id = p.id AND ${active('l')} LIMIT 1)) ORDER BY p.name, p.id)
        FROM (SELECT * FROM w ORDER BY name, id LIMIT 20) p), '[]'))) AS data`,

  // People search: every folded word a LIKE on name_search; a page of 20 with total; the
  // administrator sees citizen IDs and phones unmasked, and each such read is logged (as coso does).
  people: `WITH found AS (SELECT p.* FROM people p WHERE ${active('p')} AND p.name_search LIKE ALL ($2::text[])),
    page AS (SELECT * FROM found ORDER BY full_name, id LIMIT 20),
    logged AS (INSERT INTO personal_data_reads (account_id, person_id, field)
      SELECT $3::uuid, page.id, f.field FROM page CROSS JOIN LATERAL (VALUES ('citizenId', page.citizen_id), ('phone', page.phone)) AS f(field, value)
      WHERE f.value IS NOT NULL)
    SELECT json_build_object('people', json_build_object(
      'totalCount', (SELECT count(*) FROM found),
      'nodes', COALESCE((SELECT json_agg(json_build_object(
          'id', ${globalId('Person', 'page')}, 'fullName', page.full_name, 'birthYear', page.birth_year,
          'citizenId', page.citizen_id, 'phone', page.phone,
          'residenceUnit', (SELECT json_build_object('name', r.name) FROM administrative_units r WHERE r.id = page.residence_unit_id))
          ORDER BY page.full_name, page.id) FROM page), '[]'))) AS data`,

  // Nested read: 5 wards → 20 groups → 5 buildings → board → 10 members → person.
  nested: `SELECT json_build_object('units', json_build_object('nodes', COALESCE(json_agg(json_build_object(
      'name', w.name,
      'children', json_build_object('nodes', (SELECT COALESCE(json_agg(json_build_object(
          'name', g.name,
          'buildings', json_build_object('nodes', (SELECT COALESCE(json_agg(json_build_object(
              'name', b.name,
              'board', (SELECT json_build_object('name', o.name,
                  'members', json_build_object('nodes', (SELECT COALESCE(json_agg(json_build_object(
                      'role', m.role, 'person', json_build_object('fullName', m.full_name)) ORDER BY m.role, m.full_name), '[]')
                    FROM (SELECT m.role, pe.full_name FROM memberships m JOIN people pe ON pe.id = m.person_id
                          WHERE m.organization_id = o.id AND ${active('m')} ORDER BY m.role, pe.full_name LIMIT 10) m)))
                FROM organizations o WHERE o.building_id = b.id AND o.kind = 'MANAGEMENT_BOARD' AND ${active('o')} LIMIT 1))
              ORDER BY b.name, b.id), '[]')
            FROM (SELECT * FROM apartment_buildings b WHERE b.residential_group_id = g.id AND ${active('b')}
                  ORDER BY b.name, b.id LIMIT 5) b)))
          ORDER BY g.name, g.link_id), '[]')
        FROM (SELECT gu.id, gu.name, l.id AS link_id FROM unit_parents l JOIN administrative_units gu ON gu.id = l.unit_id
              WHERE l.parent_id = w.id AND ${active('l')} AND ${active('gu')} AND gu.kind = 'RESIDENTIAL_GROUP'
              ORDER BY gu.name, l.id LIMIT 20) g)))
      ORDER BY w.name, w.id), '[]'))) AS data
    FROM (SELECT * FROM administrative_units w WHERE w.kind = 'WARD' AND ${active('w')} ORDER BY w.name, w.id LIMIT 5) w`,
};

const hash = (token) => createHash('sha256').update(token).digest('hex');

/** The parameters of each case: the as-of date (the bench's) and what the case needs. */
async function params(name, request, token) {
  const asOf = request.asOf ?? '2022-12-01';
  if (name === 'me') return [hash(token)];
  if (name === 'people') {
    const words = searchKey(request.search).split(' ').filter(Boolean);
    const patterns = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return [asOf, patterns, request.accountId];
  }
  return [asOf];
}

const server = createServer((req, res) => {
  const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', async () => {
    try {
      if (!(name in SQL)) throw new Error(`no case ${name}`);
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const request = body ? JSON.parse(body) : {};
      const { rows } = await pool.query(SQL[name], await params(name, request, token));
      const out = JSON.stringify({ data: rows[0]?.data ?? null });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    } catch (error) {
      const out = JSON.stringify({ errors: [{ message: String(error) }] });
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(out);
    }
  });
});
server.listen(0, '127.0.0.1', () => console.log(`ready http://127.0.0.1:${server.address().port}/`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
