import { type ApartmentBuilding, addDays, addMonths, type Id, type IsoDate } from '@coso/domain';
import type { DatasetBuilder } from './builder.js';
import { boardIdOfBuilding, boardIdOfComplex, buildingId, complexId, residentialGroupId } from './ids.js';
import { itemAt, Random } from './random.js';
import {
  type ApartmentGroupSpec,
  type BuildingSpec,
  type BuildingStory,
  GROUP_WITHOUT_CELL_LATER,
  type OldWardKey,
  WARDS,
} from './spec.js';
import { groupName, wardName } from './structure.js';

/** A building as built, with what the rest of the generator needs to know about it. */
export interface BuildingRecord {
  building: ApartmentBuilding;
  spec: BuildingSpec;
  ward: OldWardKey;
  n: number;
  /** Block ids by index (empty for a single-block building). */
  blockIds: Id[];
}

export type BoardStory = Exclude<BuildingStory, 'NO_BOARD_YET' | 'RENTAL'> | 'LATE';

/** A management board to build: what it manages, where, when it was first elected and what happens to it. */
export interface BoardPlan {
  id: Id;
  name: string;
  ward: OldWardKey;
  n: number;
  groupId: Id;
  story: BoardStory;
  buildings: BuildingRecord[];
  complexId?: Id;
  /** The first building conference, which elected the board (term 1 starts). */
  establishedOn: IsoDate;
  /** CONSOLIDATED: the day members were replaced or added during the directive's first year. */
  consolidatedOn?: IsoDate;
  /** EXPIRED: the 2023 conference that elected the next term. */
  nextTermOn?: IsoDate;
  untrainedHead: boolean;
}

/** The directive's first year, as the report counts it (both ends included). */
export const PERIOD_FROM = '2021-09-30';
export const PERIOD_TO = '2022-12-01';

/** The boards whose term lapsed in 2022: the day term 1 began, and the 2023 conference. */
const EXPIRED_TERMS: Readonly<Record<string, { establishedOn: IsoDate; nextTermOn: IsoDate }>> = {
  'giang-bien': { establishedOn: '2016-09-18', nextTermOn: '2023-03-18' },
  'duc-giang': { establishedOn: '2019-06-30', nextTermOn: '2023-01-15' },
};

/** Establishment days of the 8 boards founded in the directive's first year, in spec order. */
const ESTABLISHED_ON = [
  '2021-11-20',
  '2022-01-09',
  '2022-03-13',
  '2022-04-24',
  '2022-06-12',
  '2022-07-31',
  '2022-09-18',
  '2022-10-16',
] as const;

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

export function boardName(managed: string): string {
  return `Ban quản trị ${lowerFirst(managed)}`;
}

/**
 * Every apartment building of 2022 (and the 2023 one in Cự Khối), the two complexes' worth of
 * structure, blocks, and the plan of every management board. Building dates follow the law's
 * clock: the first conference (the board's establishment) within 12 months of half the
 * apartments being handed over.
 */
export function buildingsAndBoards(b: DatasetBuilder): { buildings: BuildingRecord[]; boards: BoardPlan[] } {
  const rng = Random.forPart('buildings');
  const buildings: BuildingRecord[] = [];
  const boards: BoardPlan[] = [];
  let established = 0;

  for (const ward of WARDS) {
    for (const group of ward.apartmentGroups) {
      const complexes = new Map<string, BoardPlan>();
      const complexDates = new Map<string, DatesPlan>();
      group.buildings.forEach((spec, i) => {
        const story = spec.story;
        // The buildings of a complex were handed over together and elected one board.
        const plan =
          (spec.complex ? complexDates.get(spec.complex) : undefined) ??
          boardDates(rng, story, ward.key, () => itemAt(ESTABLISHED_ON, established++));
        if (spec.complex) complexDates.set(spec.complex, plan);
        const record = addBuilding(b, rng, ward.key, group, spec, i + 1, plan);
        buildings.push(record);
        if (story === 'RENTAL') return;
        if (spec.complex) {
          const existing = complexes.get(spec.complex);
          if (existing) {
            existing.buildings.push(record);
            return;
          }
          const cid = complexId(ward.key, group.n);
          b.state.complexes.push({ id: cid, name: spec.complex, validFrom: record.building.validFrom, validTo: null });
          const board = boardPlan(boardIdOfComplex(cid), boardName(spec.complex), ward.key, group.n, spec, record, plan, cid);
          complexes.set(spec.complex, board);
          boards.push(board);
          return;
        }
        boards.push(boardPlan(boardIdOfBuilding(record.building.id), boardName(spec.name), ward.key, group.n, spec, record, plan));
      });
    }
  }
  // The complexes' buildings know their complex.
  for (const board of boards) {
    if (!board.complexId) continue;
    for (const r of board.buildings) r.building.complexId = board.complexId;
  }
  buildings.push(laterBuilding(b));
  return { buildings, boards };
}

interface DatesPlan {
  establishedOn: IsoDate;
  story: BoardStory;
  consolidatedOn?: IsoDate;
  nextTermOn?: IsoDate;
  handoverStartedOn: IsoDate | null;
  halfHandedOverOn: IsoDate | null;
}

function boardDates(rng: Random, story: BuildingStory, ward: OldWardKey, nextEstablished: () => IsoDate): DatesPlan {
  if (story === 'RENTAL') return { establishedOn: '2018-05-01', story: 'STABLE', handoverStartedOn: null, halfHandedOverOn: null };
  if (story === 'NO_BOARD_YET') {
    const handoverStartedOn = rng.dateBetween('2022-01-10', '2022-03-20');
    const halfHandedOverOn = addMonths(handoverStartedOn, rng.int(3, 4));
    // The first conference is due within 12 months of half the apartments being handed over: held in 2023.
    const establishedOn = addDays(addMonths(halfHandedOverOn, rng.int(9, 10)), rng.int(0, 20));
    return { establishedOn, story: 'LATE', handoverStartedOn, halfHandedOverOn };
  }
  let establishedOn: IsoDate;
  let nextTermOn: IsoDate | undefined;
  if (story === 'ESTABLISHED') establishedOn = nextEstablished();
  else if (story === 'EXPIRED') {
    const fixed = EXPIRED_TERMS[ward];
    if (!fixed) throw new Error(`no expired-term dates for ${ward}`);
    establishedOn = fixed.establishedOn;
    nextTermOn = fixed.nextTermOn;
  } else establishedOn = rng.dateBetween('2012-03-01', '2021-05-31');
  const halfHandedOverOn = addDays(establishedOn, -rng.int(story === 'ESTABLISHED' ? 130 : 95, story === 'ESTABLISHED' ? 300 : 330));
  const handoverStartedOn = addDays(halfHandedOverOn, -rng.int(story === 'ESTABLISHED' ? 90 : 30, 240));
  const consolidatedOn = story === 'CONSOLIDATED' ? rng.dateBetween('2021-11-15', '2022-11-20') : undefined;
  return {
    establishedOn,
    story,
    handoverStartedOn,
    halfHandedOverOn,
    ...(consolidatedOn ? { consolidatedOn } : {}),
    ...(nextTermOn ? { nextTermOn } : {}),
  };
}

function addBuilding(
  b: DatasetBuilder,
  rng: Random,
  ward: OldWardKey,
  group: ApartmentGroupSpec,
  spec: BuildingSpec,
  index: number,
  dates: DatesPlan,
): BuildingRecord {
  const id = buildingId(ward, group.n, index);
  const rental = spec.story === 'RENTAL';
  const size = spec.complex
    ? 'medium'
    : rng.weighted([
        ['small', 2],
        ['medium', 5],
        ['large', 2],
      ] as const);
  const apartmentCount = size === 'small' ? rng.int(60, 149) : size === 'medium' ? rng.int(150, 500) : rng.int(501, 800);
  const blockCount = spec.complex || apartmentCount < 250 ? 1 : apartmentCount <= 500 ? rng.int(1, 2) : rng.int(2, 3);
  const building: ApartmentBuilding = {
    id,
    name: spec.name.normalize('NFC'),
    address: `${groupName(group.n)}, phường ${wardName(ward)}, quận Long Biên, Hà Nội`,
    residentialGroupId: residentialGroupId(ward, group.n),
    complexId: null,
    apartmentCount,
    blockCount,
    multipleOwners: !rental,
    handoverStartedOn: dates.handoverStartedOn,
    halfHandedOverOn: dates.halfHandedOverOn,
    firstConferenceOn: rental ? null : dates.establishedOn,
    validFrom: dates.handoverStartedOn ?? dates.establishedOn,
    validTo: null,
  };
  b.state.buildings.push(building);
  const blockIds: Id[] = [];
  if (blockCount > 1) {
    for (let k = 0; k < blockCount; k++) {
      const blockId = `${id}-block-${k + 1}`;
      b.state.blocks.push({ id: blockId, buildingId: id, name: `Tòa ${'ABC'.charAt(k)}` });
      blockIds.push(blockId);
    }
  }
  return { building, spec, ward, n: group.n, blockIds };
}

function boardPlan(
  id: Id,
  name: string,
  ward: OldWardKey,
  n: number,
  spec: BuildingSpec,
  record: BuildingRecord,
  dates: DatesPlan,
  complex?: Id,
): BoardPlan {
  return {
    id,
    name,
    ward,
    n,
    groupId: residentialGroupId(ward, n),
    story: dates.story,
    buildings: [record],
    ...(complex ? { complexId: complex } : {}),
    establishedOn: dates.establishedOn,
    ...(dates.consolidatedOn ? { consolidatedOn: dates.consolidatedOn } : {}),
    ...(dates.nextTermOn ? { nextTermOn: dates.nextTermOn } : {}),
    untrainedHead: spec.untrainedHead === true,
  };
}

/** The building handed over in 2023 in a group with no party cell of its own (GROUP_WITHOUT_CELL from then until 2024). */
function laterBuilding(b: DatasetBuilder): BuildingRecord {
  const g = GROUP_WITHOUT_CELL_LATER;
  const building: ApartmentBuilding = {
    id: buildingId(g.ward, g.n, 1),
    name: g.building,
    address: `${groupName(g.n)}, phường ${wardName(g.ward)}, quận Long Biên, Hà Nội`,
    residentialGroupId: residentialGroupId(g.ward, g.n),
    complexId: null,
    apartmentCount: 264,
    blockCount: 1,
    multipleOwners: true,
    handoverStartedOn: g.handoverStartedOn,
    halfHandedOverOn: null,
    firstConferenceOn: null,
    validFrom: g.buildingFrom,
    validTo: null,
  };
  b.state.buildings.push(building);
  return { building, spec: { name: g.building, story: 'NO_BOARD_YET' }, ward: g.ward, n: g.n, blockIds: [] };
}
