import type { DomainState } from '@coso/domain';
import { longBienHistory } from '@coso/domain/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createPrismaClient } from '../../database/prisma-client.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { stableUuid } from '../../store/stable-id.js';
import { writeState } from '../../store/state-tables.js';
import type { DatabaseFixture } from '../../testing/test-database.js';
import { viewerOf } from '../../testing/viewer.js';

export { viewerOf };

import { createDemoAccounts } from '../demo-accounts.js';
import { hashPassword } from '../passwords.js';
import type { AccountRole, AccountViewer, Viewer } from '../viewer.js';

/**
 * The data the access tests share: the Long Biên history (2003 → the 2025 reorganisations) plus
 * three "sides", each a residential group with a body, a person heading it, a building and a
 * commendation of that person:
 *
 * - A: Tổ dân phố số 1 (Phúc Lợi), in the new ward Phúc Lợi (from 1/7/2025), formerly in Long Biên district;
 * - B: Tổ dân phố số 1 (Long Biên), in the new ward Long Biên, formerly in Long Biên district too;
 * - C: Tổ dân phố số 1 (Hàng Bạc), in Hoàn Kiếm district: never part of Long Biên.
 *
 * B's and C's "commuters" live there but also sit on A's body, so a record the A side may read
 * leads, through a relation, to a record it may not (their residence, their other memberships).
 * All three buildings belong to one complex. Party records (cells, party memberships, a
 * Regulation 213 contact, nominations) hang off side A.
 */
export type SideKey = 'A' | 'B' | 'C';

export interface Side {
  key: SideKey;
  /** Fixture keys (→ `stableUuid`). */
  ward: string;
  group: string;
  org: string;
  person: string;
  /** Lives on this side and holds a post in A's body (for A: A's own person). */
  commuter: string;
  /** The commuter's membership in this side's body. */
  membership: string;
  building: string;
  commendation: string;
}

export const SIDES: Record<SideKey, Side> = {
  A: {
    key: 'A',
    ward: 'ward-2025-phuc-loi',
    group: 'group-phuc-loi-1',
    org: 'front-a',
    person: 'person-a',
    commuter: 'person-a',
    membership: 'membership-a-front-a',
    building: 'building-a',
    commendation: 'commendation-a',
  },
  B: {
    key: 'B',
    ward: 'ward-2025-long-bien',
    group: 'group-long-bien-1',
    org: 'front-b',
    person: 'person-b',
    commuter: 'person-xb',
    membership: 'membership-xb-front-b',
    building: 'building-b',
    commendation: 'commendation-b',
  },
  C: {
    key: 'C',
    ward: 'ward-hang-bac',
    group: 'group-hang-bac-1',
    org: 'front-c',
    person: 'person-c',
    commuter: 'person-xc',
    membership: 'membership-xc-front-c',
    building: 'building-c',
    commendation: 'commendation-c',
  },
};

export const PEOPLE: Record<string, { fullName: string; sex: 'MALE' | 'FEMALE'; birthYear: number; citizenId: string; phone: string }> = {
  'person-a': { fullName: 'Nguyễn Văn An', sex: 'MALE', birthYear: 1985, citizenId: '001085012345', phone: '0912345689' },
  'person-b': { fullName: 'Trần Thị Bình', sex: 'FEMALE', birthYear: 1990, citizenId: '001190054321', phone: '0987654321' },
  'person-c': { fullName: 'Lê Văn Cường', sex: 'MALE', birthYear: 1978, citizenId: '001078123456', phone: '0903123456' },
  'person-xb': { fullName: 'Phạm Thị Dung', sex: 'FEMALE', birthYear: 1982, citizenId: '001182000111', phone: '0934000111' },
  'person-xc': { fullName: 'Hoàng Văn Em', sex: 'MALE', birthYear: 1975, citizenId: '001075000222', phone: '0945000222' },
};

/** Database id of a fixture key. */
export const uid = (key: string): string => stableUuid(key);
/** Global id of a fixture key. */
export const gid = (type: string, key: string): string => encodeGlobalID(type, stableUuid(key));

export const FRONT_NAMES: Record<SideKey, string> = {
  A: 'Ban công tác Mặt trận TDP số 1 Phúc Lợi',
  B: 'Ban công tác Mặt trận TDP số 1 Long Biên',
  C: 'Ban công tác Mặt trận TDP số 1 Hàng Bạc',
};

/** The Long Biên history with the three sides and the party records added. */
export function accessState(): DomainState {
  const s = longBienHistory();
  const since = '2003-11-06';
  // Hoàn Kiếm: a district outside Long Biên (kept simple: not reorganised here).
  s.units.push(
    { id: 'district-hoan-kiem', kind: 'DISTRICT', kindLabel: 'Quận', name: 'Hoàn Kiếm', validFrom: since, validTo: null },
    { id: 'ward-hang-bac', kind: 'WARD', kindLabel: 'Phường', name: 'Hàng Bạc', validFrom: since, validTo: null },
    {
      id: 'group-hang-bac-1',
      kind: 'RESIDENTIAL_GROUP',
      kindLabel: 'Tổ dân phố',
      name: 'Tổ dân phố số 1 (Hàng Bạc)',
      validFrom: since,
      validTo: null,
    },
  );
  s.unitParents.push(
    { id: 'parent-district-hoan-kiem', unitId: 'district-hoan-kiem', parentId: 'hanoi', validFrom: since, validTo: null },
    { id: 'parent-ward-hang-bac', unitId: 'ward-hang-bac', parentId: 'district-hoan-kiem', validFrom: since, validTo: null },
    { id: 'parent-group-hang-bac-1', unitId: 'group-hang-bac-1', parentId: 'ward-hang-bac', validFrom: since, validTo: null },
  );
  for (const [key, p] of Object.entries(PEOPLE)) {
    const side = Object.values(SIDES).find((x) => x.person === key || x.commuter === key);
    s.people.push({ id: key, ...p, residenceUnitId: side?.group ?? null });
  }
  s.complexes.push({ id: 'complex-x', name: 'Cụm chung cư liên phường', validFrom: '2015-01-01', validTo: null });
  s.organizations.push({ id: 'city-party', kind: 'CITY_PARTY_COMMITTEE', name: 'Thành ủy Hà Nội', validFrom: '1945-01-01', validTo: null });
  s.organizationAreas.push({
    id: 'area-city-party',
    organizationId: 'city-party',
    unitId: 'hanoi',
    validFrom: '1945-01-01',
    validTo: null,
  });
  s.directives.push({
    id: 'directive-05',
    code: '05-TT/QU',
    title: 'Thông tri về công tác quản lý nhà chung cư',
    issuedOn: '2021-09-30',
    issuerId: 'city-party',
    scopeUnitId: 'hanoi',
  });
  for (const side of Object.values(SIDES)) {
    s.organizations.push({
      id: side.org,
      kind: 'FRONT_WORK_COMMITTEE',
      name: FRONT_NAMES[side.key],
      validFrom: '2010-01-01',
      validTo: null,
    });
    s.organizationAreas.push({
      id: `area-${side.org}`,
      organizationId: side.org,
      unitId: side.group,
      validFrom: '2010-01-01',
      validTo: null,
    });
    s.memberships.push({
      id: `membership-${side.person}-head`,
      personId: side.person,
      organizationId: side.org,
      role: 'HEAD',
      validFrom: '2020-01-01',
      validTo: null,
    });
    if (side.commuter !== side.person) {
      s.memberships.push(
        { id: side.membership, personId: side.commuter, organizationId: side.org, role: 'MEMBER', validFrom: '2020-01-01', validTo: null },
        {
          id: `membership-${side.commuter.slice('person-'.length)}-front-a`,
          personId: side.commuter,
          organizationId: 'front-a',
          role: 'MEMBER',
          validFrom: '2020-01-01',
          validTo: null,
        },
      );
    }
    s.buildings.push({
      id: side.building,
      name: `Chung cư ${side.key}`,
      residentialGroupId: side.group,
      complexId: 'complex-x',
      apartmentCount: 120,
      blockCount: 1,
      multipleOwners: true,
      validFrom: '2015-01-01',
      validTo: null,
    });
    s.commendations.push({
      id: side.commendation,
      directiveId: 'directive-05',
      kind: 'INDIVIDUAL',
      recipientPersonId: side.person,
      decidedOn: '2022-10-01',
    });
  }
  // Side A's own person's membership is the one the matrix reads.
  const a = s.memberships.find((m) => m.id === 'membership-person-a-head');
  if (a) a.id = SIDES.A.membership;
  // Party records (side A): cells, a ward party committee, party memberships, a Regulation 213 contact, nominations.
  s.organizations.push(
    { id: 'cell-a', kind: 'PARTY_CELL', name: 'Chi bộ TDP số 1 Phúc Lợi', validFrom: '2010-01-01', validTo: null },
    { id: 'cell-work', kind: 'PARTY_CELL', name: 'Chi bộ Công ty Thăng Long', validFrom: '2010-01-01', validTo: null },
    { id: 'ward-party-a', kind: 'WARD_PARTY_COMMITTEE', name: 'Đảng ủy phường Phúc Lợi', validFrom: '2025-07-01', validTo: null },
    {
      id: 'board-a',
      kind: 'MANAGEMENT_BOARD',
      name: 'Ban quản trị Chung cư A',
      buildingId: 'building-a',
      validFrom: '2021-01-01',
      validTo: null,
    },
  );
  s.organizationAreas.push(
    { id: 'area-cell-a', organizationId: 'cell-a', unitId: SIDES.A.group, validFrom: '2010-01-01', validTo: null },
    { id: 'area-ward-party-a', organizationId: 'ward-party-a', unitId: SIDES.A.ward, validFrom: '2025-07-01', validTo: null },
    { id: 'area-board-a', organizationId: 'board-a', unitId: SIDES.A.group, validFrom: '2021-01-01', validTo: null },
  );
  s.memberships.push({
    id: 'membership-a-cell-a',
    personId: 'person-a',
    organizationId: 'cell-a',
    role: 'SECRETARY',
    validFrom: '2020-01-01',
    validTo: null,
  });
  s.partyMemberships.push(
    {
      id: 'party-a',
      personId: 'person-a',
      status: 'OFFICIAL',
      homeCellId: 'cell-a',
      admittedOn: '2010-05-19',
      validFrom: '2010-05-19',
      validTo: null,
    },
    { id: 'party-xb', personId: 'person-xb', status: 'OFFICIAL', homeCellId: 'cell-work', validFrom: '2012-01-01', validTo: null },
  );
  s.residenceContacts.push({
    id: 'contact-xb',
    personId: 'person-xb',
    residenceCellId: 'cell-a',
    category: 'NORMAL',
    validFrom: '2021-01-01',
    validTo: null,
  });
  s.nominations.push(
    {
      id: 'nomination-party',
      nominatingOrganizationId: 'ward-party-a',
      personId: 'person-a',
      boardId: 'board-a',
      category: 'PARTY_MEMBER',
      nominatedOn: '2025-08-01',
      outcome: 'ELECTED',
    },
    {
      id: 'nomination-front',
      nominatingOrganizationId: 'ward-party-a',
      personId: 'person-xb',
      boardId: 'board-a',
      category: 'POLITICAL_SYSTEM_MEMBER',
      nominatedOn: '2025-08-01',
      outcome: 'ELECTED',
    },
  );
  return s;
}

/** Accounts beyond the demo ones: staff of the new wards, with and without party-organisation rights. */
export const EXTRA_ACCOUNTS: ReadonlyArray<{ username: string; role: AccountRole; scopeUnitKey: string; partyOrganisation: boolean }> = [
  { username: 'phuong.phucloi', role: 'WARD_STAFF', scopeUnitKey: SIDES.A.ward, partyOrganisation: true },
  { username: 'canbo.phucloi', role: 'WARD_STAFF', scopeUnitKey: SIDES.A.ward, partyOrganisation: false },
  { username: 'phuong.longbien', role: 'WARD_STAFF', scopeUnitKey: SIDES.B.ward, partyOrganisation: false },
  { username: 'phuong.viethung', role: 'WARD_STAFF', scopeUnitKey: 'ward-2025-viet-hung', partyOrganisation: true },
];

export const EXTRA_PASSWORD = 'mat-khau-thu-nghiem';

/** Writes the fixture, the demo accounts and the extra accounts. */
export async function loadAccessFixture(prisma: PrismaClient): Promise<void> {
  await writeState(prisma, accessState());
  await createDemoAccounts(prisma);
  for (const a of EXTRA_ACCOUNTS) {
    await prisma.account.create({
      data: {
        id: stableUuid(`account-${a.username}`),
        username: a.username,
        displayName: a.username,
        passwordHash: await hashPassword(EXTRA_PASSWORD),
        role: a.role,
        scopeUnitId: stableUuid(a.scopeUnitKey),
        partyOrganisation: a.partyOrganisation,
        validFrom: new Date('2020-01-01T00:00:00Z'),
      },
    });
  }
}

/** The access fixture as a template the test files of a run clone (`graphqlHarness(url, { fixture })`). */
export const ACCESS_FIXTURE: DatabaseFixture = { name: 'access', load: (url) => withClientOf(url, loadAccessFixture) };

/** A Prisma client on `url` for `work`, disconnected after it (a template takes no open connection). */
export async function withClientOf(url: string, work: (prisma: PrismaClient) => Promise<void>): Promise<void> {
  const prisma = createPrismaClient(url);
  try {
    await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * The viewers of the named fixture accounts, loaded once: the lookup answers one of them by name
 * and throws for a name that was not loaded (a mistake in the test's setup, not a finding).
 */
export async function viewersOf(prisma: PrismaClient, names: readonly string[]): Promise<(name: string) => AccountViewer> {
  const viewers = new Map<string, AccountViewer>();
  for (const name of names) viewers.set(name, await viewerOf(prisma, name));
  return (name) => {
    const v = viewers.get(name);
    if (!v) throw new Error(`test setup: no viewer ${name}`);
    return v;
  };
}

export const ANONYMOUS: Viewer = { kind: 'anonymous' };
