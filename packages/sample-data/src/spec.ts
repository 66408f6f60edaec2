/**
 * The design of the dataset, as data: how many residential groups each of Long Biên's 14 wards
 * had, which of them have apartment buildings, what happened to each building's management board
 * during the directive's first year, and how many people of the groups' political system sit on
 * the boards. The article's district totals (222 groups, 49 apartment groups in 13 wards, 8 boards
 * established, 31 consolidated, 65 people on boards of whom 43 party members and 29 post
 * holders, 22 Regulation 213 members introduced, Giang Biên 35 + 8, Phúc Đồng 10 + 2) are sums of
 * this table; `spec.test.ts` adds them up, the report tests recount them from the records.
 * Ward keys, names and codes are the real ones (from @coso/domain's history); everything else is
 * invented.
 */

export const OLD_WARD_KEYS = [
  'thuong-thanh',
  'ngoc-thuy',
  'giang-bien',
  'duc-giang',
  'viet-hung',
  'gia-thuy',
  'ngoc-lam',
  'phuc-loi',
  'bo-de',
  'sai-dong',
  'long-bien',
  'thach-ban',
  'phuc-dong',
  'cu-khoi',
] as const;
export type OldWardKey = (typeof OLD_WARD_KEYS)[number];

export const NEW_WARD_KEYS = ['long-bien', 'bo-de', 'viet-hung', 'phuc-loi', 'hong-ha'] as const;
export type NewWardKey = (typeof NEW_WARD_KEYS)[number];

/**
 * What happened to a building's management board (the building's story):
 * - ESTABLISHED: first board elected during the directive's first year (counts in the 8);
 * - CONSOLIDATED: an older board reviewed and consolidated in that year (counts in the 31);
 * - STABLE: an older board, no change in that year;
 * - EXPIRED: an older board whose term ended in 2022 with the next conference only in 2023 (gap);
 * - NO_POLITICAL_SYSTEM: an older board with no member from the group's political system (gap);
 * - NO_BOARD_YET: handed over in 2022, first conference not yet due; board elected in 2023 (gap);
 * - RENTAL: a single-owner rental building, which needs no board.
 */
export type BuildingStory = 'ESTABLISHED' | 'CONSOLIDATED' | 'STABLE' | 'EXPIRED' | 'NO_POLITICAL_SYSTEM' | 'NO_BOARD_YET' | 'RENTAL';

export interface BuildingSpec {
  name: string;
  story: BuildingStory;
  /** Buildings with the same complex name are managed together by one board (the story of the first one applies). */
  complex?: string;
  /** The head of this building's board on 01/12/2022 has had no fire-safety training (gap). */
  untrainedHead?: boolean;
}

export interface ApartmentGroupSpec {
  /** The group's number in its ward ("Tổ dân phố số N"). */
  n: number;
  buildings: readonly BuildingSpec[];
  /** No coordination regulation between the group head and the board on 01/12/2022 (gap). */
  noRegulation?: 'SIGNED_2023' | 'STILL_MISSING';
  /** The group's party cell was founded in 2022 with 2 official and 1 probationary member (gap). */
  weakCell?: boolean;
}

/**
 * People of the groups' political system on the ward's boards on 01/12/2022, and the ward party
 * committee's nominations during the year:
 * - `elected`: nominated by the ward party committee and elected at an establishment or a
 *   consolidation of the year: party members without a post (`party`), party members holding a
 *   post (`both`), post holders who are not party members (`system`);
 * - `incumbent`: on the board since before the directive (not nominated in the year);
 * - `notElected`: nominated in the year, not elected (party members / post holders);
 * - `contacts`: Regulation 213 members introduced [elected, not elected], by the ward party
 *   committee or by the residence cells;
 * - `laterConference`: nominations of the year for the 2023 conference of the ward's EXPIRED board
 *   [elected in 2023, not elected], party members / post holders.
 */
export interface WardQuota {
  elected: { party: number; both: number; system: number };
  incumbent: { party: number; both: number; system: number };
  notElected: { party: number; system: number };
  contacts: { byCommittee: readonly [number, number]; byCells: readonly [number, number] };
  laterConference?: { party: readonly [number, number]; system: readonly [number, number] };
}

export interface WardSpec {
  key: OldWardKey;
  /** Residential groups on 01/12/2022, numbered 1..groups. */
  groups: number;
  apartmentGroups: readonly ApartmentGroupSpec[];
  quota: WardQuota;
  /**
   * Where the ward's groups went on 1/7/2025: `main`, except `others.groups`. Groups 1 and 2 go where
   * @coso/domain's history sends its two sample groups. Sài Đồng (dissolved on 1/1/2025) is
   * handled by `SAI_DONG_TO_PHUC_LOI`.
   */
  to2025: { main: NewWardKey; others?: { ward: NewWardKey; groups: readonly number[] } };
}

const NONE: WardQuota = {
  elected: { party: 0, both: 0, system: 0 },
  incumbent: { party: 0, both: 0, system: 0 },
  notElected: { party: 0, system: 0 },
  contacts: { byCommittee: [0, 0], byCells: [0, 0] },
};

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const WARDS: readonly WardSpec[] = [
  {
    key: 'thuong-thanh',
    groups: 19,
    apartmentGroups: [
      { n: 14, buildings: [{ name: 'Chung cư Thượng Thanh Garden', story: 'CONSOLIDATED' }] },
      { n: 17, buildings: [{ name: 'Chung cư Đuống River', story: 'NO_POLITICAL_SYSTEM', untrainedHead: true }] },
    ],
    quota: { ...NONE, incumbent: { party: 1, both: 0, system: 0 }, notElected: { party: 1, system: 0 } },
    to2025: { main: 'viet-hung', others: { ward: 'bo-de', groups: [2, ...range(13, 19)] } },
  },
  {
    key: 'ngoc-thuy',
    groups: 17,
    apartmentGroups: [
      {
        n: 5,
        buildings: [
          { name: 'Chung cư Ngọc Thụy Riverview A', story: 'CONSOLIDATED' },
          { name: 'Chung cư Ngọc Thụy Riverview B', story: 'STABLE' },
        ],
      },
      { n: 11, buildings: [{ name: 'Chung cư Hồng Hà Residence', story: 'STABLE', untrainedHead: true }] },
    ],
    quota: {
      ...NONE,
      elected: { party: 1, both: 0, system: 0 },
      incumbent: { party: 1, both: 0, system: 1 },
      contacts: { byCommittee: [0, 0], byCells: [0, 1] },
    },
    to2025: { main: 'bo-de', others: { ward: 'hong-ha', groups: [2, 15, 16, 17] } },
  },
  {
    key: 'giang-bien',
    groups: 15,
    apartmentGroups: [
      {
        n: 3,
        buildings: [
          { name: 'Khu nhà ở Giang Biên CT1', story: 'CONSOLIDATED' },
          { name: 'Khu nhà ở Giang Biên CT2', story: 'CONSOLIDATED' },
        ],
      },
      {
        n: 5,
        buildings: [
          { name: 'Chung cư Green Land Giang Biên', story: 'ESTABLISHED' },
          { name: 'Chung cư Giang Biên Xanh', story: 'CONSOLIDATED' },
        ],
      },
      { n: 7, buildings: [{ name: 'Chung cư Phúc Hưng Tower', story: 'CONSOLIDATED' }] },
      {
        n: 9,
        buildings: [
          { name: 'Tòa HH1 Giang Biên', story: 'CONSOLIDATED' },
          { name: 'Tòa HH2 Giang Biên', story: 'ESTABLISHED' },
        ],
      },
      { n: 11, buildings: [{ name: 'Chung cư Sông Đuống Park', story: 'CONSOLIDATED' }] },
      { n: 13, buildings: [{ name: 'Nhà ở xã hội Giang Biên N01', story: 'CONSOLIDATED' }] },
      { n: 14, buildings: [{ name: 'Chung cư Cầu Đuống Residence', story: 'EXPIRED' }] },
    ],
    quota: {
      elected: { party: 13, both: 2, system: 4 },
      incumbent: { party: 1, both: 0, system: 0 },
      notElected: { party: 10, system: 2 },
      contacts: { byCommittee: [3, 1], byCells: [0, 0] },
      laterConference: { party: [4, 2], system: [1, 1] },
    },
    to2025: { main: 'viet-hung', others: { ward: 'phuc-loi', groups: [2, ...range(11, 15)] } },
  },
  {
    key: 'duc-giang',
    groups: 18,
    apartmentGroups: [
      { n: 6, buildings: [{ name: 'Chung cư Đức Giang Plaza', story: 'CONSOLIDATED' }] },
      {
        n: 12,
        buildings: [
          { name: 'Chung cư Hoa Lan Đức Giang', story: 'EXPIRED' },
          { name: 'Chung cư Ngô Gia Tự Tower', story: 'CONSOLIDATED' },
        ],
      },
      { n: 16, buildings: [{ name: 'Tòa A Đức Giang Home', story: 'STABLE', untrainedHead: true }], noRegulation: 'SIGNED_2023' },
    ],
    quota: {
      ...NONE,
      elected: { party: 1, both: 0, system: 0 },
      incumbent: { party: 1, both: 0, system: 2 },
      notElected: { party: 1, system: 0 },
      contacts: { byCommittee: [0, 0], byCells: [1, 0] },
    },
    to2025: { main: 'viet-hung' },
  },
  {
    key: 'viet-hung',
    groups: 16,
    apartmentGroups: [
      {
        n: 4,
        buildings: [
          { name: 'Khu nhà ở Việt Hưng CT15A', story: 'CONSOLIDATED', complex: 'Cụm nhà ở Việt Hưng CT15' },
          { name: 'Khu nhà ở Việt Hưng CT15B', story: 'CONSOLIDATED', complex: 'Cụm nhà ở Việt Hưng CT15' },
        ],
      },
      { n: 6, buildings: [{ name: 'Khu nhà ở Việt Hưng CT12', story: 'CONSOLIDATED' }] },
      {
        n: 8,
        buildings: [
          { name: 'Chung cư Việt Hưng Green', story: 'ESTABLISHED' },
          { name: 'Khu nhà ở Việt Hưng CT18', story: 'CONSOLIDATED' },
        ],
      },
      { n: 10, buildings: [{ name: 'Chung cư Hoa Sữa Việt Hưng', story: 'STABLE' }] },
      { n: 13, buildings: [{ name: 'Chung cư Đoàn Khuê Tower', story: 'CONSOLIDATED' }] },
      { n: 15, buildings: [{ name: 'Nhà ở xã hội Việt Hưng NO3', story: 'STABLE', untrainedHead: true }] },
    ],
    quota: {
      ...NONE,
      elected: { party: 3, both: 0, system: 1 },
      incumbent: { party: 0, both: 1, system: 2 },
      notElected: { party: 1, system: 1 },
      contacts: { byCommittee: [0, 0], byCells: [2, 1] },
    },
    to2025: { main: 'viet-hung', others: { ward: 'phuc-loi', groups: [2, ...range(13, 16)] } },
  },
  {
    key: 'gia-thuy',
    groups: 14,
    apartmentGroups: [
      { n: 3, buildings: [{ name: 'Chung cư Gia Thụy Central', story: 'STABLE' }] },
      { n: 8, buildings: [{ name: 'Chung cư Nguyễn Văn Cừ Tower', story: 'CONSOLIDATED' }] },
      { n: 11, buildings: [{ name: 'Chung cư Gia Quất Home', story: 'STABLE', untrainedHead: true }] },
    ],
    quota: {
      ...NONE,
      elected: { party: 1, both: 0, system: 0 },
      incumbent: { party: 1, both: 0, system: 1 },
      contacts: { byCommittee: [0, 0], byCells: [0, 1] },
    },
    to2025: { main: 'bo-de' },
  },
  {
    key: 'ngoc-lam',
    groups: 16,
    apartmentGroups: [
      { n: 7, buildings: [{ name: 'Chung cư Ngọc Lâm Riverside', story: 'CONSOLIDATED' }] },
      {
        n: 12,
        buildings: [{ name: 'Chung cư Long Biên Bridge View', story: 'NO_POLITICAL_SYSTEM', untrainedHead: true }],
        noRegulation: 'STILL_MISSING',
      },
    ],
    quota: { ...NONE, incumbent: { party: 1, both: 0, system: 0 } },
    to2025: { main: 'bo-de' },
  },
  {
    key: 'phuc-loi',
    groups: 15,
    apartmentGroups: [
      {
        n: 6,
        buildings: [
          { name: 'Chung cư Phúc Lợi Sunrise A', story: 'ESTABLISHED' },
          { name: 'Chung cư Phúc Lợi Sunrise B', story: 'NO_BOARD_YET' },
        ],
      },
      { n: 9, buildings: [{ name: 'Chung cư Vườn Đào Phúc Lợi', story: 'CONSOLIDATED' }] },
      { n: 13, buildings: [{ name: 'Chung cư Phúc Lợi Green Park', story: 'STABLE' }] },
    ],
    quota: {
      ...NONE,
      elected: { party: 1, both: 0, system: 1 },
      incumbent: { party: 0, both: 0, system: 1 },
      notElected: { party: 1, system: 0 },
      contacts: { byCommittee: [0, 0], byCells: [1, 1] },
    },
    to2025: { main: 'phuc-loi' },
  },
  {
    key: 'bo-de',
    groups: 18,
    apartmentGroups: [
      { n: 4, buildings: [{ name: 'Chung cư Bồ Đề Golden', story: 'CONSOLIDATED' }] },
      {
        n: 9,
        buildings: [
          { name: 'Chung cư Sông Hồng Park', story: 'ESTABLISHED' },
          { name: 'Chung cư Ái Mộ Residence', story: 'CONSOLIDATED' },
        ],
      },
      { n: 13, buildings: [{ name: 'Chung cư Sông Hồng Park 2', story: 'STABLE' }] },
    ],
    quota: {
      ...NONE,
      elected: { party: 2, both: 0, system: 1 },
      incumbent: { party: 0, both: 0, system: 1 },
      contacts: { byCommittee: [0, 0], byCells: [1, 1] },
    },
    to2025: { main: 'bo-de', others: { ward: 'hong-ha', groups: [2, 17, 18] } },
  },
  {
    key: 'sai-dong',
    groups: 13,
    apartmentGroups: [
      { n: 3, buildings: [{ name: 'Nhà A1 Khu đô thị Sài Đồng', story: 'CONSOLIDATED' }] },
      { n: 6, buildings: [{ name: 'Nhà A2 Khu đô thị Sài Đồng', story: 'NO_POLITICAL_SYSTEM', untrainedHead: true }] },
      {
        n: 9,
        buildings: [
          { name: 'Chung cư Hoa Phượng Sài Đồng', story: 'CONSOLIDATED' },
          { name: 'Nhà ở cho thuê Sài Đồng', story: 'RENTAL' },
        ],
      },
      { n: 12, buildings: [{ name: 'Chung cư Vũ Xuân Thiều Tower', story: 'STABLE' }] },
    ],
    quota: {
      ...NONE,
      elected: { party: 1, both: 0, system: 0 },
      incumbent: { party: 0, both: 1, system: 1 },
      notElected: { party: 1, system: 0 },
      contacts: { byCommittee: [0, 0], byCells: [1, 0] },
    },
    to2025: { main: 'phuc-loi' },
  },
  {
    key: 'long-bien',
    groups: 15,
    apartmentGroups: [
      { n: 5, buildings: [{ name: 'Chung cư Long Biên Riverside', story: 'CONSOLIDATED' }] },
      { n: 8, buildings: [{ name: 'Chung cư Cổ Linh Garden', story: 'STABLE', untrainedHead: true }], noRegulation: 'SIGNED_2023' },
      { n: 11, buildings: [{ name: 'Chung cư Lâm Du Tower', story: 'CONSOLIDATED' }] },
      {
        n: 14,
        buildings: [
          { name: 'Chung cư Long Biên Eco A', story: 'ESTABLISHED' },
          { name: 'Chung cư Long Biên Eco B', story: 'STABLE' },
        ],
      },
    ],
    quota: {
      ...NONE,
      elected: { party: 2, both: 1, system: 0 },
      incumbent: { party: 0, both: 0, system: 2 },
      notElected: { party: 1, system: 1 },
      contacts: { byCommittee: [0, 0], byCells: [1, 1] },
    },
    to2025: { main: 'long-bien' },
  },
  {
    key: 'thach-ban',
    groups: 17,
    apartmentGroups: [
      { n: 4, buildings: [{ name: 'Chung cư Thạch Bàn NO1', story: 'CONSOLIDATED' }] },
      {
        n: 8,
        buildings: [
          { name: 'Chung cư Thạch Bàn NO2', story: 'CONSOLIDATED' },
          { name: 'Chung cư Thạch Bàn NO3', story: 'ESTABLISHED' },
        ],
      },
      { n: 11, buildings: [{ name: 'Chung cư Hoa Sen Thạch Bàn', story: 'CONSOLIDATED' }] },
      { n: 14, buildings: [{ name: 'Chung cư Cầu Vĩnh Tuy View', story: 'STABLE' }] },
      { n: 17, buildings: [{ name: 'Chung cư Tân Thụy Residence', story: 'NO_BOARD_YET' }], weakCell: true },
    ],
    quota: {
      ...NONE,
      elected: { party: 2, both: 0, system: 1 },
      incumbent: { party: 0, both: 1, system: 1 },
      notElected: { party: 1, system: 0 },
      contacts: { byCommittee: [0, 0], byCells: [1, 1] },
    },
    to2025: { main: 'long-bien' },
  },
  {
    key: 'phuc-dong',
    groups: 14,
    apartmentGroups: [
      {
        n: 3,
        buildings: [
          { name: 'Chung cư Phúc Đồng Garden A', story: 'CONSOLIDATED' },
          { name: 'Chung cư Phúc Đồng Garden B', story: 'CONSOLIDATED' },
        ],
      },
      { n: 6, buildings: [{ name: 'Chung cư Phúc Đồng Sky', story: 'ESTABLISHED' }] },
      { n: 9, buildings: [{ name: 'Chung cư Hoàng Như Tiếp Tower', story: 'CONSOLIDATED' }] },
      { n: 11, buildings: [{ name: 'Chung cư Bắc Cầu Green', story: 'STABLE', untrainedHead: true }] },
      { n: 13, buildings: [{ name: 'Chung cư Phúc Đồng Riverside', story: 'CONSOLIDATED' }] },
    ],
    quota: {
      ...NONE,
      elected: { party: 3, both: 1, system: 1 },
      incumbent: { party: 0, both: 0, system: 1 },
      notElected: { party: 6, system: 1 },
      contacts: { byCommittee: [0, 0], byCells: [2, 1] },
    },
    to2025: { main: 'long-bien', others: { ward: 'phuc-loi', groups: [2, ...range(10, 14)] } },
  },
  {
    key: 'cu-khoi',
    groups: 15,
    apartmentGroups: [],
    quota: NONE,
    to2025: { main: 'long-bien' },
  },
];

/** 1/1/2025: Sài Đồng's groups that went to Phúc Lợi (the others went to Phúc Đồng). Group 1 and 2 follow @coso/domain. */
export const SAI_DONG_TO_PHUC_LOI: ReadonlySet<number> = new Set([1, 3, 4, 5, 6, 7]);

/** Two small groups of Ngọc Lâm served by one party cell (a "chi bộ ghép"). */
export const SHARED_CELL = { ward: 'ngoc-lam' as OldWardKey, groups: [15, 16] as const };

/**
 * Cự Khối's Tổ dân phố số 15: no party cell of its own (its three party members attend the cell of
 * Tổ dân phố số 14) and, until 2023, no apartment building. A building is handed over there in
 * 2023, making it a group with a building and no cell (GROUP_WITHOUT_CELL) until a cell is founded
 * on 1/3/2024.
 */
export const GROUP_WITHOUT_CELL_LATER = {
  ward: 'cu-khoi' as OldWardKey,
  n: 15,
  hostGroup: 14,
  building: 'Chung cư Cự Khối Riverside',
  buildingFrom: '2023-06-01',
  handoverStartedOn: '2023-09-10',
  cellFoundedOn: '2024-03-01',
} as const;

export function wardSpec(key: OldWardKey): WardSpec {
  const w = WARDS.find((x) => x.key === key);
  if (!w) throw new Error(`no ward ${key}`);
  return w;
}

/** Where a group went on 1/7/2025 (for Sài Đồng: through Phúc Lợi or Phúc Đồng). */
export function newWardOfGroup(ward: OldWardKey, n: number): NewWardKey {
  // Sài Đồng's groups follow @coso/domain's two samples: through Phúc Lợi to Phúc Lợi, through Phúc Đồng to Long Biên.
  if (ward === 'sai-dong') return SAI_DONG_TO_PHUC_LOI.has(n) ? 'phuc-loi' : 'long-bien';
  const spec = wardSpec(ward);
  return spec.to2025.others?.groups.includes(n) ? spec.to2025.others.ward : spec.to2025.main;
}
