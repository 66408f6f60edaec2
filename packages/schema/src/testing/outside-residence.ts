import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * For tests of a record the viewer may not read beside one they may: someone placed in a territory
 * by a current post on a building's board there (so a territorial viewer reads the person), and a
 * current residential group outside it (for their residence, which that viewer then may not read).
 * The person's current residence is given, to put back.
 */
export async function memberAndGroupOutside(
  prisma: PrismaClient,
  scopeUnitId: string,
): Promise<{ member: { id: string; name: string; residence: string | null }; elsewhere: { id: string } }> {
  const [member] = await prisma.$queryRawUnsafe<Array<{ id: string; name: string; residence: string | null }>>(
    `SELECT p.id::text, p.full_name AS name, p.residence_unit_id::text AS residence FROM people p
      JOIN memberships m ON m.person_id = p.id AND m.valid_to IS NULL
      JOIN organizations o ON o.id = m.organization_id AND o.kind = 'MANAGEMENT_BOARD'
      JOIN apartment_buildings b ON b.id = o.building_id
      JOIN unit_closure c ON c.descendant_id = b.residential_group_id AND c.ancestor_id = $1::uuid
      WHERE p.valid_to IS NULL ORDER BY p.id LIMIT 1`,
    scopeUnitId,
  );
  const [elsewhere] = await prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT u.id::text FROM administrative_units u WHERE u.kind = 'RESIDENTIAL_GROUP' AND u.valid_to IS NULL
      AND NOT EXISTS (SELECT 1 FROM unit_closure c WHERE c.descendant_id = u.id AND c.ancestor_id = $1::uuid) ORDER BY u.id LIMIT 1`,
    scopeUnitId,
  );
  if (!member || !elsewhere) throw new Error('the data has no board member in the territory or no group outside it');
  return { member, elsewhere };
}
