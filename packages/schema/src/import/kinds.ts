import {
  boardRowInput,
  columnsOf,
  type ImportColumn,
  idField,
  type LocalizedText,
  optionalIdField,
  toEstablishBoardInput,
} from '@coso/domain';
import { z } from 'zod';
import { ENTITY_SPECS, type EntitySpec } from '../graphql/entity-mutations.js';
import { activeOnWhere, fromDbDate, toDbDate } from '../store/db-dates.js';
import type { Tx } from '../store/transaction.js';
import { establishBoardIn } from '../use-cases/boards.js';

/**
 * A kind written through a workflow use-case instead of `createX` (a board is established with its
 * term, members and establishment record in one): the row's own schema (the columns come from it),
 * the mutation whose territory check applies, the write, and the record read back as a row — so a
 * re-import tells "unchanged" from a change the workflow cannot make (that is consolidation's).
 */
export interface ImportWorkflow {
  schema: z.ZodType;
  /** Reference fields of the row → the type they name. */
  references: Readonly<Record<string, string>>;
  mutation: string;
  /** The workflow's input from the row's resolved values. */
  toInput: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Writes the record; returns its id. */
  create: (tx: Tx, input: Record<string, unknown>) => Promise<string>;
  /** The record as the row's fields read it. */
  current: (tx: Tx, id: string) => Promise<Record<string, unknown>>;
  /** The row's column a violation of the workflow's input names (a board's `members[i]` → head, deputies or members). */
  columnOf?: (path: readonly (string | number)[], values: Record<string, unknown>) => string | undefined;
}

/** members[0] is the head, then the deputies, then the members (`toEstablishBoardInput`'s order). */
function boardColumnOf(path: readonly (string | number)[], values: Record<string, unknown>): string | undefined {
  if (path[0] !== 'members') return typeof path[0] === 'string' ? path[0] : undefined;
  const i = Number(path[1]);
  const deputies = Array.isArray(values.deputyIds) ? values.deputyIds.length : 0;
  if (!Number.isInteger(i)) return 'memberIds';
  return i === 0 ? 'headId' : i <= deputies ? 'deputyIds' : 'memberIds';
}

/** A board as its establishment row reads it: the first term and the members who took office with it. */
async function boardAsRow(tx: Tx, id: string): Promise<Record<string, unknown>> {
  const board = await tx.organization.findUniqueOrThrow({ where: { id } });
  const term = await tx.boardTerm.findFirst({ where: { boardId: id }, orderBy: { termNumber: 'asc' } });
  const established = await tx.boardChange.findFirst({ where: { boardId: id, kind: 'ESTABLISHMENT' } });
  const from = term ? fromDbDate(term.validFrom) : fromDbDate(board.validFrom);
  const members = await tx.membership.findMany({ where: { organizationId: id, ...activeOnWhere(from) }, orderBy: { id: 'asc' } });
  const withRole = (role: string) => members.filter((m) => m.role === role).map((m) => m.personId);
  return {
    buildingId: board.buildingId,
    complexId: board.complexId,
    name: board.name,
    electedOn: term ? fromDbDate(term.electedOn) : null,
    validFrom: from,
    validTo: term?.validTo ? fromDbDate(term.validTo) : null,
    decisionNumber: established?.decisionNumber ?? null,
    headId: withRole('HEAD')[0] ?? null,
    deputyIds: withRole('DEPUTY_HEAD'),
    memberIds: withRole('MEMBER'),
  };
}

const ESTABLISH_BOARD: ImportWorkflow = {
  schema: boardRowInput,
  references: {
    buildingId: 'ApartmentBuilding',
    complexId: 'ApartmentComplex',
    headId: 'Person',
    deputyIds: 'Person',
    memberIds: 'Person',
  },
  mutation: 'establishBoard',
  toInput: toEstablishBoardInput,
  create: async (tx, input) => (await establishBoardIn(tx, input)).id,
  current: boardAsRow,
  columnOf: boardColumnOf,
};

/**
 * What can be imported. A kind names the write it makes (a registered entity's `createX`, whose
 * spec carries the domain's input schema, its rules and its references) and only what the schema
 * cannot say: values it fixes, fields it leaves out, a header that reads better in its context,
 * the field that identifies a row without a source key, and an example row for the template.
 * Columns, types, required fields, enum lists and labels all come from the input schema.
 */
export interface ImportKind {
  name: string;
  label: LocalizedText;
  /** The entity's noun in `createX` / `updateX`. */
  noun: string;
  /** Values every row gets (a residential group is a unit of kind RESIDENTIAL_GROUP). */
  fixed?: Readonly<Record<string, unknown>>;
  omit?: readonly string[];
  /** Headers that read better for this kind than the field's general label. */
  labels?: Readonly<Record<string, LocalizedText>>;
  /**
   * Create-only fields the write takes beyond its create schema's shape (a party cell's committee),
   * with the schema of one cell; their references come from the spec's `createOnly`.
   */
  extra?: Readonly<Record<string, z.ZodType>>;
  /** The write's input from a row's resolved values (a cell's one place into the body's `unitIds`). */
  toInput?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Written through a workflow use-case (its columns from the workflow's row schema). */
  workflow?: ImportWorkflow;
  /** A field that identifies an existing record when the row has no source key (a citizen ID). */
  naturalKey?: string;
  /**
   * The template's example row, as a person fills it in. The examples build on each other in the
   * order of IMPORT_KINDS (the person of the people example holds the post of the memberships one);
   * on the access fixture each passes the dry run once those before it are imported.
   */
  example: Readonly<Record<string, string | number>>;
  /**
   * Which of the entity's records its export writes, beyond `fixed.kind` and being valid on the
   * date (the bodies no other kind covers; a board's changes while the board exists).
   */
  exportWhere?: (asOf: string) => Readonly<Record<string, unknown>>;
}

/** The places a body serves: one or more units in one cell ("…; …"). */
const unitList = z.array(idField).optional();

export const IMPORT_KINDS: readonly ImportKind[] = [
  {
    name: 'people',
    label: { vi: 'Nhân khẩu', en: 'People' },
    noun: 'Person',
    naturalKey: 'citizenId',
    example: {
      sourceKey: 'VD-01',
      fullName: 'Nguyễn Thị Mai',
      sex: 'Nữ',
      birthDate: '12/05/1990',
      birthYear: 1990,
      citizenId: '001190123456',
      phone: '0912 345 678',
      residenceUnitId: 'Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi',
    },
  },
  {
    name: 'residential-groups',
    label: { vi: 'Tổ dân phố', en: 'Residential groups' },
    noun: 'Unit',
    fixed: { kind: 'RESIDENTIAL_GROUP', kindLabel: 'Tổ dân phố' },
    // A residential group has no official code; its kind is the template's.
    omit: ['kind', 'kindLabel', 'code'],
    labels: { name: { vi: 'Tên tổ dân phố', en: 'Residential group' }, parentId: { vi: 'Phường, xã', en: 'Ward or commune' } },
    example: { sourceKey: 'VD-TDP-20', name: 'Tổ dân phố số 20 (Phúc Lợi)', parentId: 'Phúc Lợi', validFrom: '01/07/2025' },
  },
  {
    name: 'complexes',
    label: { vi: 'Cụm nhà chung cư', en: 'Apartment complexes' },
    noun: 'ApartmentComplex',
    labels: { name: { vi: 'Tên cụm nhà chung cư', en: 'Complex' } },
    example: { sourceKey: 'VD-CUM-01', name: 'Cụm nhà ở Phúc Lợi Xanh', validFrom: '01/08/2025' },
  },
  {
    name: 'buildings',
    label: { vi: 'Nhà chung cư', en: 'Apartment buildings' },
    noun: 'ApartmentBuilding',
    labels: { name: { vi: 'Tên nhà chung cư', en: 'Building' } },
    example: {
      sourceKey: 'VD-CC-01',
      name: 'Chung cư Phúc Lợi Xanh',
      address: 'Số 8 ngõ 12 phố Phúc Lợi',
      residentialGroupId: 'Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi',
      apartmentCount: 240,
      blockCount: 2,
      multipleOwners: 'Có',
      handoverStartedOn: '01/08/2025',
      halfHandedOverOn: '15/10/2025',
      validFrom: '01/08/2025',
    },
  },
  {
    name: 'organizations',
    label: { vi: 'Cơ quan, tổ chức', en: 'Bodies' },
    noun: 'Organization',
    // Party cells have a kind of their own. A management board is a body too (with its building or
    // complex): the boards kind establishes one with its first term and members; this one writes
    // the body alone, its changes and members coming from their own files.
    extra: { parentId: optionalIdField, unitIds: unitList },
    exportWhere: () => ({ kind: { not: 'PARTY_CELL' } }),
    labels: {
      parentId: { vi: 'Tổ chức cấp trên', en: 'Body above' },
      unitIds: { vi: 'Địa bàn phụ trách', en: 'Places served' },
    },
    example: {
      sourceKey: 'VD-TC-20',
      kind: 'Ban công tác Mặt trận',
      name: 'Ban công tác Mặt trận TDP số 20 Phúc Lợi',
      unitIds: 'Tổ dân phố số 20 (Phúc Lợi), Phúc Lợi',
      validFrom: '01/08/2025',
    },
  },
  {
    name: 'memberships',
    label: { vi: 'Người giữ chức vụ', en: 'People with posts' },
    noun: 'Membership',
    // The post record and a board member's building are the boards' workflows' business.
    omit: ['postId', 'buildingId'],
    labels: { personId: { vi: 'Số định danh cá nhân', en: 'Citizen ID' }, role: { vi: 'Chức vụ', en: 'Role' } },
    example: {
      sourceKey: 'VD-CV-01',
      personId: '001190123456',
      organizationId: 'Ban công tác Mặt trận TDP số 1 Phúc Lợi',
      role: 'Thành viên',
      validFrom: '01/08/2025',
    },
  },
  {
    name: 'party-memberships',
    label: { vi: 'Đảng viên của chi bộ', en: 'Party cell members' },
    noun: 'PartyMembership',
    labels: { personId: { vi: 'Số định danh cá nhân', en: 'Citizen ID' } },
    example: {
      sourceKey: 'VD-DV-01',
      personId: '001190123456',
      status: 'Chính thức',
      homeCellId: 'Chi bộ TDP số 1 Phúc Lợi',
      admittedOn: '19/05/2015',
      validFrom: '19/05/2015',
    },
  },
  {
    name: 'party-cells',
    label: { vi: 'Chi bộ', en: 'Party cells' },
    noun: 'Organization',
    fixed: { kind: 'PARTY_CELL' },
    // Its kind is the template's; a cell is no board nor branch.
    omit: ['kind', 'massOrganization', 'buildingId', 'complexId'],
    extra: { parentId: idField, unitIds: unitList },
    labels: {
      name: { vi: 'Tên chi bộ', en: 'Party cell' },
      parentId: { vi: 'Đảng ủy cấp trên', en: 'Party committee above' },
      unitIds: { vi: 'Tổ dân phố phụ trách', en: 'Residential groups served' },
    },
    example: {
      sourceKey: 'VD-CB-20',
      name: 'Chi bộ TDP số 20 Phúc Lợi',
      parentId: 'Đảng ủy phường Phúc Lợi',
      unitIds: 'Tổ dân phố số 20 (Phúc Lợi), Phúc Lợi',
      validFrom: '01/08/2025',
    },
  },
  {
    name: 'residence-contacts',
    label: { vi: 'Đảng viên giữ mối liên hệ nơi cư trú (QĐ 213)', en: 'Regulation 213 residence contacts' },
    noun: 'ResidenceContact',
    labels: { personId: { vi: 'Số định danh cá nhân', en: 'Citizen ID' } },
    example: {
      sourceKey: 'VD-213-01',
      personId: '001190123456',
      residenceCellId: 'Chi bộ TDP số 20 Phúc Lợi',
      category: 'Bình thường',
      validFrom: '01/09/2025',
    },
  },
  {
    name: 'directives',
    label: { vi: 'Chỉ thị, thông tri', en: 'Directives' },
    noun: 'Directive',
    labels: { issuerId: { vi: 'Cơ quan ban hành', en: 'Issued by' }, scopeUnitId: { vi: 'Địa bàn áp dụng', en: 'Applies to' } },
    example: {
      sourceKey: 'VD-CT-01',
      code: '01-CT/ĐU',
      title: 'Chỉ thị của Đảng ủy phường về hệ thống chính trị ở tổ dân phố có nhà chung cư',
      issuedOn: '15/09/2025',
      issuerId: 'Đảng ủy phường Phúc Lợi',
      scopeUnitId: 'Phúc Lợi',
    },
  },
  {
    name: 'boards',
    label: { vi: 'Ban quản trị nhà chung cư', en: 'Management boards' },
    noun: 'Organization',
    workflow: ESTABLISH_BOARD,
    // The boards standing on the date, each as its establishment row reads it (the workflow's `current`).
    exportWhere: () => ({ kind: 'MANAGEMENT_BOARD' }),
    labels: {
      name: { vi: 'Tên ban quản trị', en: 'Board' },
      buildingId: { vi: 'Nhà chung cư', en: 'Building' },
      complexId: { vi: 'Cụm nhà chung cư', en: 'Complex' },
      validFrom: { vi: 'Ngày bắt đầu nhiệm kỳ', en: 'Term starts' },
      validTo: { vi: 'Ngày kết thúc nhiệm kỳ', en: 'Term ends' },
      decisionNumber: { vi: 'Số quyết định thành lập', en: 'Establishment decision number' },
      headId: { vi: 'Trưởng ban (số định danh)', en: 'Head (citizen ID)' },
      deputyIds: { vi: 'Phó ban (số định danh)', en: 'Deputies (citizen IDs)' },
      memberIds: { vi: 'Ủy viên (số định danh)', en: 'Members (citizen IDs)' },
    },
    example: {
      sourceKey: 'VD-BQT-01',
      buildingId: 'Chung cư Phúc Lợi Xanh',
      name: 'Ban quản trị Chung cư Phúc Lợi Xanh',
      electedOn: '20/09/2025',
      validFrom: '01/10/2025',
      validTo: '01/10/2028',
      decisionNumber: '125/QĐ-UBND',
      headId: '001190123456',
      deputyIds: '001085012345',
      memberIds: '001182000111',
    },
  },
  {
    name: 'board-changes',
    label: { vi: 'Thành lập, kiện toàn ban quản trị', en: 'Board establishments and consolidations' },
    noun: 'BoardChange',
    exportWhere: (asOf) => ({ board: activeOnWhere(asOf) }),
    labels: {
      boardId: { vi: 'Ban quản trị', en: 'Board' },
      on: { vi: 'Ngày quyết định', en: 'Decided on' },
      directiveId: { vi: 'Theo chỉ thị, thông tri', en: 'Under directive' },
    },
    example: {
      sourceKey: 'VD-KT-01',
      boardId: 'Ban quản trị Chung cư Phúc Lợi Xanh',
      kind: 'Rà soát, kiện toàn',
      on: '15/03/2026',
      decisionNumber: '12/QĐ-UBND',
      directiveId: 'VD-CT-01',
    },
  },
  {
    name: 'petitions',
    label: { vi: 'Đơn thư', en: 'Petitions' },
    noun: 'Petition',
    // Petitions received up to the date: those before the directive are a figure of their own.
    exportWhere: (asOf) => ({ receivedOn: { lte: toDbDate(asOf) } }),
    labels: { residentialGroupId: { vi: 'Tổ dân phố', en: 'Residential group' }, buildingId: { vi: 'Nhà chung cư', en: 'Building' } },
    example: {
      sourceKey: 'VD-DT-01',
      kind: 'Phản ánh',
      subject: 'Phản ánh thang máy chậm sửa chữa (Chung cư Phúc Lợi Xanh)',
      receivedOn: '05/11/2025',
      residentialGroupId: 'Tổ dân phố số 1 (Phúc Lợi), Phúc Lợi',
      buildingId: 'Chung cư Phúc Lợi Xanh',
    },
  },
  {
    name: 'reviews',
    label: { vi: 'Hội nghị sơ kết, tổng kết', en: 'Review conferences' },
    noun: 'ImplementationReview',
    labels: { title: { vi: 'Tên hội nghị', en: 'Conference' }, organizerId: { vi: 'Đơn vị tổ chức', en: 'Organised by' } },
    example: {
      sourceKey: 'VD-HN-01',
      directiveId: 'VD-CT-01',
      kind: 'Sơ kết',
      heldOn: '15/12/2025',
      organizerId: 'Đảng ủy phường Phúc Lợi',
      title: 'Hội nghị sơ kết thực hiện Chỉ thị 01-CT/ĐU của Đảng ủy phường Phúc Lợi',
    },
  },
  {
    name: 'presentations',
    label: { vi: 'Tham luận tại hội nghị', en: 'Presentations at review conferences' },
    noun: 'Presentation',
    labels: { title: { vi: 'Tên tham luận', en: 'Presentation' }, category: { vi: 'Đơn vị trình bày thuộc', en: 'Presenter category' } },
    example: {
      sourceKey: 'VD-TL-01',
      reviewId: 'VD-HN-01',
      title: 'Kết quả thành lập Ban quản trị và chi bộ ở tổ dân phố có nhà chung cư',
      category: 'Cấp ủy đảng',
      presenterOrganizationId: 'Đảng ủy phường Phúc Lợi',
    },
  },
  {
    name: 'commendations',
    label: { vi: 'Khen thưởng', en: 'Commendations' },
    noun: 'Commendation',
    labels: { reviewId: { vi: 'Khen tại hội nghị', en: 'Given at the conference' } },
    example: {
      sourceKey: 'VD-KTH-01',
      directiveId: 'VD-CT-01',
      reviewId: 'VD-HN-01',
      kind: 'Cá nhân',
      recipientPersonId: '001190123456',
      decidedOn: '10/12/2025',
      decisionNumber: '15-QĐ/ĐU',
    },
  },
  {
    name: 'nominations',
    label: { vi: 'Giới thiệu tham gia Ban quản trị', en: 'Nominations to management boards' },
    noun: 'Nomination',
    labels: { personId: { vi: 'Người được giới thiệu (số định danh)', en: 'Nominee (citizen ID)' } },
    example: {
      sourceKey: 'VD-GT-01',
      nominatingOrganizationId: 'Đảng ủy phường Phúc Lợi',
      personId: '001190123456',
      boardId: 'Ban quản trị Chung cư Phúc Lợi Xanh',
      category: 'Đảng viên',
      nominatedOn: '10/09/2025',
      outcome: 'Trúng cử',
      directiveId: 'VD-CT-01',
    },
  },
  {
    name: 'trainings',
    label: { vi: 'Lớp tập huấn', en: 'Trainings' },
    noun: 'Training',
    labels: { title: { vi: 'Tên lớp tập huấn', en: 'Training' } },
    example: {
      sourceKey: 'VD-TH-01',
      title: 'Tập huấn phòng cháy, chữa cháy cho Ban quản trị nhà chung cư phường Phúc Lợi',
      topics: 'Phòng cháy chữa cháy; Cứu nạn, cứu hộ',
      heldOn: '20/10/2025',
      organizerId: 'Đảng ủy phường Phúc Lợi',
    },
  },
  {
    name: 'training-attendances',
    label: { vi: 'Người dự tập huấn', en: 'Training attendances' },
    noun: 'TrainingAttendance',
    labels: { personId: { vi: 'Người dự (số định danh)', en: 'Attendee (citizen ID)' } },
    example: { sourceKey: 'VD-DTH-01', trainingId: 'VD-TH-01', personId: '001190123456' },
  },
];

export function importKind(name: string): ImportKind | undefined {
  return IMPORT_KINDS.find((k) => k.name === name);
}

/** The registered write of a kind (the schema's area modules must have been loaded: `buildSchema()`). */
export function specOf(kind: ImportKind): EntitySpec {
  const spec = ENTITY_SPECS.find((s) => s.noun === kind.noun);
  if (!spec) throw new Error(`import kind ${kind.name}: no entity ${kind.noun} is registered (build the schema first)`);
  return spec;
}

/** The kind's columns: the create schema's fields (references from the write's GraphQL ids), the source key first. */
export function columnsOfKind(kind: ImportKind): ImportColumn[] {
  const relabel = (c: ImportColumn): ImportColumn => {
    const label = kind.labels?.[c.key];
    return label ? { ...c, label, aliases: [...(c.aliases ?? []), c.label.vi] } : c;
  };
  if (kind.workflow) return columnsOf(kind.workflow.schema, { references: kind.workflow.references, omit: kind.omit ?? [] }).map(relabel);
  const spec = specOf(kind);
  const fields = { ...spec.fields, ...(spec.createOnly ?? {}) };
  const references = Object.fromEntries(Object.entries(fields).flatMap(([key, f]) => (f.idOf ? [[key, f.idOf]] : [])));
  return columnsOf(spec.createSchema, { references, omit: kind.omit ?? [], extra: kind.extra ?? {} }).map(relabel);
}
