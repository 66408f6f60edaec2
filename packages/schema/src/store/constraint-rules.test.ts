import { ROLES, RULES, singleHolderSeat } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../database/prisma-client.js';
import { createTestDatabase } from '../testing/test-database.js';
import { CONSTRAINT_RULES, INTERNAL_CONSTRAINTS, ruleOfConstraint } from './constraint-rules.js';
import { SYSTEM_WRITER, writeTransaction } from './transaction.js';
import { ValidationError } from './write-errors.js';

/**
 * The rules the database holds: every constraint of the migrated database answers with a rule code
 * (a new constraint without one fails here), and each rule that a race could slip past the
 * application's checks is refused by the database with the code the domain uses, at its field.
 */

let prisma: PrismaClient;
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  const db = await createTestDatabase(inject('databaseAdminUrl'));
  drop = db.drop;
  prisma = createPrismaClient(db.url);
  await prisma.$executeRawUnsafe(`
    INSERT INTO administrative_units (id, kind, name, name_search, valid_from) VALUES
      ('00000000-0000-4000-8000-000000000001', 'RESIDENTIAL_GROUP', 'Tổ dân phố số 1', 'to dan pho so 1', '2000-01-01');
    INSERT INTO people (id, full_name, name_search, sex, birth_year, valid_from, citizen_id) VALUES
      ('00000000-0000-4000-8000-0000000000a1', 'Nguyễn Văn An', 'nguyen van an', 'MALE', 1970, '2000-01-01', '001070000001'),
      ('00000000-0000-4000-8000-0000000000a2', 'Trần Thị Bình', 'tran thi binh', 'FEMALE', 1975, '2000-01-01', NULL);
    INSERT INTO apartment_buildings (id, name, name_search, residential_group_id, apartment_count, block_count, multiple_owners, valid_from) VALUES
      ('00000000-0000-4000-8000-0000000000d1', 'Chung cư A', 'chung cu a', '00000000-0000-4000-8000-000000000001', 100, 1, true, '2015-01-01');
    INSERT INTO organizations (id, kind, name, name_search, valid_from, valid_to, building_id) VALUES
      ('00000000-0000-4000-8000-0000000000b1', 'MANAGEMENT_BOARD', 'Ban quản trị A', 'ban quan tri a', '2020-01-01', NULL, '00000000-0000-4000-8000-0000000000d1'),
      ('00000000-0000-4000-8000-0000000000b2', 'PARTY_CELL', 'Chi bộ 1', 'chi bo 1', '2010-01-01', NULL, NULL),
      ('00000000-0000-4000-8000-0000000000b3', 'PARTY_CELL', 'Chi bộ 2', 'chi bo 2', '2010-01-01', NULL, NULL),
      ('00000000-0000-4000-8000-0000000000b4', 'FRONT_WORK_COMMITTEE', 'Ban công tác Mặt trận', 'ban cong tac mat tran', '2010-01-01', NULL, NULL);
    INSERT INTO posts (id, organization_id, role, label, valid_from, valid_to) VALUES
      ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000b1', 'DEPUTY_HEAD', 'Phó ban', '2020-01-01', '2023-01-01');
    INSERT INTO memberships (id, person_id, organization_id, role, valid_from) VALUES
      ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', 'HEAD', '2020-01-01');
    INSERT INTO organization_parents (id, organization_id, parent_id, valid_from) VALUES
      ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000b4', '00000000-0000-4000-8000-0000000000b2', '2010-01-01');
  `);
});
afterAll(async () => {
  await prisma.$disconnect();
  await drop();
});

/** The violations a write raises when the database refuses it (the application's checks are not run). */
async function refusal(sql: string): Promise<string[]> {
  try {
    await writeTransaction(prisma, 'test', SYSTEM_WRITER, async (tx) => {
      await tx.$executeRawUnsafe(sql);
    });
  } catch (error) {
    if (error instanceof ValidationError) return error.violations.map((v) => `${v.code}@${v.path.join('.')}`);
    throw error;
  }
  return [];
}

describe('every constraint of the database has its rule', () => {
  it('maps each exclusion, check, unique and trigger constraint to a rule code of the domain', async () => {
    const names = await prisma.$queryRawUnsafe<Array<{ name: string }>>(`
      SELECT conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'public' AND c.contype IN ('c', 'x', 'u', 't')
      UNION SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%' AND indexname NOT LIKE '%_pkey'
        AND tablename <> '_prisma_migrations'`);
    // Trigger functions raise the names of the rules they hold (memberships_within_post_life).
    const raisedElsewhere = await prisma.$queryRawUnsafe<Array<{ src: string }>>(
      `SELECT prosrc AS src FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND prosrc LIKE '%violates check constraint%'`,
    );
    const unmapped = names.map((n) => n.name).filter((n) => !ruleOfConstraint(n) && !INTERNAL_CONSTRAINTS.has(n));
    expect(unmapped).toEqual([]);
    const known = new Set(names.map((n) => n.name));
    const stale = Object.keys(CONSTRAINT_RULES).filter((n) => !known.has(n) && !raisedElsewhere.some((f) => f.src.includes(`"${n}"`)));
    expect(stale).toEqual([]);
    for (const [name, rule] of Object.entries(CONSTRAINT_RULES)) expect(RULES[rule.code], name).toBeDefined();
  });

  it('holds the domain’s single-holder seats, role by role', async () => {
    for (const role of ROLES) {
      const [row] = await prisma.$queryRawUnsafe<Array<{ seat: string | null }>>(
        `SELECT coso_single_holder_seat($1::"Role") AS seat`,
        role,
      );
      expect(row?.seat ?? null, role).toBe(singleHolderSeat(role));
    }
  });
});

describe('the database refuses what the rules refuse, with the rule’s code', () => {
  it('a second head of a body in the same period (another person)', async () => {
    expect(
      await refusal(`INSERT INTO memberships (id, person_id, organization_id, role, valid_from) VALUES
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000b1', 'INTERIM_HEAD', '2024-01-01')`),
    ).toEqual(['POST_ONE_HOLDER@role']);
  });

  it('the next head from the day the head leaves is accepted', async () => {
    await writeTransaction(prisma, 'test', SYSTEM_WRITER, async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE memberships SET valid_to = '2024-01-01' WHERE id = '00000000-0000-4000-8000-0000000000c1'`);
      await tx.$executeRawUnsafe(`INSERT INTO memberships (id, person_id, organization_id, role, valid_from) VALUES
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000b1', 'HEAD', '2024-01-01')`);
    });
    expect(await prisma.membership.count({ where: { organizationId: '00000000-0000-4000-8000-0000000000b1', role: 'HEAD' } })).toBe(2);
  });

  it('a commendation names its kind’s recipient and only that one: of the 8 shapes, 2 are accepted', async () => {
    await prisma.$executeRawUnsafe(`INSERT INTO directives (id, code, title, issued_on, issuer_id, scope_unit_id) VALUES
      ('00000000-0000-4000-8000-000000000099', '05-TT/QU', 'Thông tri', '2021-09-30', '00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-000000000001')
      ON CONFLICT DO NOTHING`);
    const accepted: string[] = [];
    for (const kind of ['COLLECTIVE', 'INDIVIDUAL']) {
      for (const org of [null, "'00000000-0000-4000-8000-0000000000b1'"]) {
        for (const person of [null, "'00000000-0000-4000-8000-0000000000a1'"]) {
          const shape = `${kind}:${org ? 'body' : '-'}:${person ? 'person' : '-'}`;
          const refused =
            await refusal(`INSERT INTO commendations (id, directive_id, kind, recipient_organization_id, recipient_person_id, decided_on)
            VALUES (gen_random_uuid(), '00000000-0000-4000-8000-000000000099', '${kind}', ${org ?? 'NULL'}, ${person ?? 'NULL'}, '2022-12-01')`);
          if (refused.length === 0) accepted.push(shape);
          else expect(refused, shape).toEqual(['REQUIRED_FIELD@kind']);
        }
      }
    }
    expect(accepted.sort()).toEqual(['COLLECTIVE:body:-', 'INDIVIDUAL:-:person']);
  });

  it('a membership that starts before its body', async () => {
    expect(
      await refusal(`INSERT INTO memberships (id, person_id, organization_id, role, valid_from, valid_to) VALUES
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000b1', 'MEMBER', '2010-01-01', '2010-11-02')`),
    ).toEqual(['MEMBERSHIP_WITHIN_BODY@validFrom']);
  });

  it('a membership outside its post’s life', async () => {
    expect(
      await refusal(`INSERT INTO memberships (id, person_id, organization_id, role, post_id, valid_from) VALUES
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', 'DEPUTY_HEAD', '00000000-0000-4000-8000-0000000000e1', '2024-06-01')`),
    ).toEqual(['MEMBERSHIP_WITHIN_BODY@postId']);
  });

  it('ending a body while a membership goes on; ending both in one transaction is accepted', async () => {
    expect(await refusal(`UPDATE organizations SET valid_to = '2025-01-01' WHERE id = '00000000-0000-4000-8000-0000000000b1'`)).toEqual([
      'MEMBERSHIP_WITHIN_BODY@validTo',
    ]);
    await writeTransaction(prisma, 'test', SYSTEM_WRITER, async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE organizations SET valid_to = '2026-01-01' WHERE id = '00000000-0000-4000-8000-0000000000b1'`);
      await tx.$executeRawUnsafe(
        `UPDATE memberships SET valid_to = '2026-01-01' WHERE organization_id = '00000000-0000-4000-8000-0000000000b1' AND valid_to IS NULL`,
      );
    });
    const board = await prisma.organization.findUniqueOrThrow({ where: { id: '00000000-0000-4000-8000-0000000000b1' } });
    expect(board.validTo?.toISOString().slice(0, 10)).toBe('2026-01-01');
  });

  it('judges a membership as it stands at commit: inserted open, then ended within its body, is accepted', async () => {
    await writeTransaction(prisma, 'test', SYSTEM_WRITER, async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO memberships (id, person_id, organization_id, role, valid_from) VALUES
        ('00000000-0000-4000-8000-0000000000c9', '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000b1', 'MEMBER', '2025-02-01')`);
      await tx.$executeRawUnsafe(`UPDATE memberships SET valid_to = '2025-12-01' WHERE id = '00000000-0000-4000-8000-0000000000c9'`);
    });
    expect(await prisma.membership.count({ where: { id: '00000000-0000-4000-8000-0000000000c9' } })).toBe(1);
  });

  it('a second board of one building in an overlapping period', async () => {
    expect(
      await refusal(`INSERT INTO organizations (id, kind, name, name_search, valid_from, building_id) VALUES
        (gen_random_uuid(), 'MANAGEMENT_BOARD', 'Ban quản trị A mới', 'ban quan tri a moi', '2025-06-01', '00000000-0000-4000-8000-0000000000d1')`),
    ).toEqual(['BOARD_ONE_PER_BUILDING@buildingId']);
  });

  it('a citizen ID that belongs to another person', async () => {
    expect(await refusal(`UPDATE people SET citizen_id = '001070000001' WHERE id = '00000000-0000-4000-8000-0000000000a2'`)).toEqual([
      'CITIZEN_ID_UNIQUE@citizenId',
    ]);
  });

  it('a second parent body at the same time', async () => {
    expect(
      await refusal(`INSERT INTO organization_parents (id, organization_id, parent_id, valid_from) VALUES
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000b4', '00000000-0000-4000-8000-0000000000b3', '2020-01-01')`),
    ).toEqual(['ORGANIZATION_ONE_PARENT@parentId']);
  });
});
