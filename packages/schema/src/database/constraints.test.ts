import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, withClient } from '../testing/test-database.js';

const adminUrl = inject('databaseAdminUrl');
let url = '';
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  ({ url, drop } = await createTestDatabase(adminUrl));
});
afterAll(() => drop());

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const U3 = '00000000-0000-4000-8000-000000000003';
const P1 = '00000000-0000-4000-8000-0000000000a1';
const O1 = '00000000-0000-4000-8000-0000000000b1';

async function seed(c: pg.Client) {
  await c.query(
    `INSERT INTO administrative_units (id, kind, name, name_search, valid_from) VALUES
       ($1, 'DISTRICT', 'Long Biên', 'long bien', '2003-11-06'),
       ($2, 'WARD', 'Ngọc Thụy', 'ngoc thuy', '2003-11-06'),
       ($3, 'WARD', 'Bồ Đề', 'bo de', '2025-07-01')`,
    [U1, U2, U3],
  );
  await c.query(
    `INSERT INTO people (id, full_name, name_search, sex, birth_year, valid_from) VALUES ($1, 'Nguyễn Văn An', 'nguyen van an', 'MALE', 1970, '2020-01-01')`,
    [P1],
  );
  await c.query(
    `INSERT INTO organizations (id, kind, name, name_search, valid_from) VALUES ($1, 'PARTY_CELL', 'Chi bộ TDP 1', 'chi bo tdp 1', '2010-01-01')`,
    [O1],
  );
}

/** Runs `sql` in a savepoint and returns the constraint PostgreSQL names in its error, or null. */
async function violates(c: pg.Client, sql: string, params: unknown[] = []): Promise<string | null> {
  await c.query('SAVEPOINT s');
  try {
    await c.query(sql, params);
    await c.query('RELEASE SAVEPOINT s');
    return null;
  } catch (error) {
    await c.query('ROLLBACK TO SAVEPOINT s');
    return (error as { constraint?: string }).constraint ?? (error as Error).message;
  }
}

describe('PostgreSQL holds the key rules', () => {
  it('keeps one parent per unit at a time, and accepts a parent change that ends the first', async () => {
    await withClient(url, async (c) => {
      await c.query('BEGIN');
      await seed(c);
      await c.query(
        `INSERT INTO unit_parents (id, unit_id, parent_id, valid_from, valid_to) VALUES (gen_random_uuid(), $1, $2, '2003-11-06', '2025-07-01')`,
        [U2, U1],
      );
      expect(
        await violates(
          c,
          `INSERT INTO unit_parents (id, unit_id, parent_id, valid_from) VALUES (gen_random_uuid(), $1, $2, '2025-06-30')`,
          [U2, U3],
        ),
      ).toBe('unit_parents_one_at_a_time');
      expect(
        await violates(
          c,
          `INSERT INTO unit_parents (id, unit_id, parent_id, valid_from) VALUES (gen_random_uuid(), $1, $2, '2025-07-01')`,
          [U2, U3],
        ),
      ).toBeNull();
      await c.query('ROLLBACK');
    });
  });

  it('lets code 00118 pass from Ngọc Thụy to Bồ Đề on 2025-07-01, but never to two units at once', async () => {
    await withClient(url, async (c) => {
      await c.query('BEGIN');
      await seed(c);
      await c.query(
        `INSERT INTO unit_codes (id, unit_id, code, valid_from, valid_to) VALUES (gen_random_uuid(), $1, '00118', '2003-11-06', '2025-07-01')`,
        [U2],
      );
      expect(
        await violates(c, `INSERT INTO unit_codes (id, unit_id, code, valid_from) VALUES (gen_random_uuid(), $1, '00118', '2025-06-01')`, [
          U3,
        ]),
      ).toBe('unit_codes_one_holder_at_a_time');
      expect(
        await violates(c, `INSERT INTO unit_codes (id, unit_id, code, valid_from) VALUES (gen_random_uuid(), $1, '00118', '2025-07-01')`, [
          U3,
        ]),
      ).toBeNull();
      expect(
        await violates(c, `INSERT INTO unit_codes (id, unit_id, code, valid_from) VALUES (gen_random_uuid(), $1, '0118', '2025-07-01')`, [
          U1,
        ]),
      ).toBe('unit_codes_format');
      await c.query('ROLLBACK');
    });
  });

  it('refuses two overlapping memberships of one person in one post, and reversed periods', async () => {
    await withClient(url, async (c) => {
      await c.query('BEGIN');
      await seed(c);
      const insert = `INSERT INTO memberships (id, person_id, organization_id, role, valid_from, valid_to) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`;
      await c.query(insert, [P1, O1, 'SECRETARY', '2020-01-01', '2022-01-01']);
      expect(await violates(c, insert, [P1, O1, 'SECRETARY', '2021-12-31', null])).toBe('memberships_no_overlap');
      expect(await violates(c, insert, [P1, O1, 'SECRETARY', '2022-01-01', null])).toBeNull();
      expect(await violates(c, insert, [P1, O1, 'COMMITTEE_MEMBER', '2021-06-01', null])).toBeNull();
      expect(await violates(c, insert, [P1, O1, 'MEMBER', '2021-06-01', '2021-06-01'])).toBe('memberships_period');
      await c.query('ROLLBACK');
    });
  });

  it('checks identifiers and board targets', async () => {
    await withClient(url, async (c) => {
      await c.query('BEGIN');
      await seed(c);
      expect(await violates(c, `UPDATE people SET citizen_id = '00108501234' WHERE id = $1`, [P1])).toBe('people_citizen_id_format');
      expect(await violates(c, `UPDATE people SET phone = '0212345678' WHERE id = $1`, [P1])).toBe('people_phone_format');
      expect(
        await violates(
          c,
          `INSERT INTO organizations (id, kind, name, name_search, valid_from) VALUES (gen_random_uuid(), 'MANAGEMENT_BOARD', 'BQT', 'bqt', '2022-01-01')`,
        ),
      ).toBe('organizations_board_target');
      await c.query('ROLLBACK');
    });
  });

  it('sorts names in Vietnamese order', async () => {
    await withClient(url, async (c) => {
      await c.query('BEGIN');
      for (const [i, name] of ['Đức Giang', 'Bồ Đề', 'Dương Nội', 'Cự Khối', 'Ngọc Thụy', 'Ngọc Lâm'].entries()) {
        await c.query(
          `INSERT INTO administrative_units (id, kind, name, name_search, valid_from) VALUES (gen_random_uuid(), 'WARD', $1, $2, '2020-01-01')`,
          [name, `x${i}`],
        );
      }
      const { rows } = await c.query<{ name: string }>('SELECT name FROM administrative_units ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(['Bồ Đề', 'Cự Khối', 'Dương Nội', 'Đức Giang', 'Ngọc Lâm', 'Ngọc Thụy']);
      await c.query('ROLLBACK');
    });
  });
});
