import { addDays, daysBetween, type Id, type IsoDate, maxDate, minDate, type PetitionKind, type TrainingTopic, yearOf } from '@coso/domain';
import { type BuiltBoard, seatsOn } from './boards.js';
import type { DatasetBuilder } from './builder.js';
import type { BuildingRecord } from './buildings.js';
import {
  cellId,
  DIRECTIVE_CODE,
  DIRECTIVE_ID,
  DIRECTIVE_ISSUED_ON,
  DISTRICT_FRONT_ID,
  DISTRICT_ID,
  DISTRICT_PARTY_COMMITTEE_ID,
  DISTRICT_PEOPLES_COMMITTEE_ID,
  DISTRICT_URBAN_OFFICE_ID,
  frontWorkCommitteeId,
  leadershipId,
  REVIEW_DATE,
  REVIEW_ID,
  wardPartyCommitteeId,
} from './ids.js';
import { itemAt, Random, required } from './random.js';
import type { PlannedMember } from './seats.js';
import { type OldWardKey, WARDS } from './spec.js';

/**
 * The directive's work, as the article tells it: the directive and its review conference with five
 * presentations and 25 + 25 commendations, the nominations of the year, trainings with attendance,
 * petitions before and after the directive, and the coordination regulations between group heads
 * and boards.
 */
export class DirectiveWork {
  private readonly rng = Random.forPart('directive-work');

  constructor(
    private readonly b: DatasetBuilder,
    private readonly planned: readonly PlannedMember[],
    private readonly boards: readonly BuiltBoard[],
    private readonly buildings: readonly BuildingRecord[],
  ) {}

  build(): void {
    this.directiveAndReview();
    this.nominations();
    this.trainings();
    this.petitions();
    this.coordinationRegulations();
    this.residenceContactReviews();
  }

  private directiveAndReview(): void {
    const s = this.b.state;
    s.directives.push({
      id: DIRECTIVE_ID,
      code: DIRECTIVE_CODE,
      title:
        'Thông tri của Ban Thường vụ Quận ủy về nâng cao chất lượng hoạt động của hệ thống chính trị ở tổ dân phố có nhà chung cư trên địa bàn quận',
      issuedOn: DIRECTIVE_ISSUED_ON,
      issuerId: DISTRICT_PARTY_COMMITTEE_ID,
      scopeUnitId: DISTRICT_ID,
    });
    s.reviews.push({
      id: REVIEW_ID,
      directiveId: DIRECTIVE_ID,
      kind: 'INTERIM',
      heldOn: REVIEW_DATE,
      organizerId: DISTRICT_PARTY_COMMITTEE_ID,
      title: 'Hội nghị sơ kết một năm thực hiện Thông tri số 05-TT/QU của Ban Thường vụ Quận ủy',
    });

    const presentingBoard = this.board('giang-bien', 'ESTABLISHED');
    const presentingGroup = { ward: 'phuc-dong' as OldWardKey, n: 3 };
    const presentations: Array<
      [string, 'PARTY_COMMITTEE' | 'GOVERNMENT_OFFICE' | 'FATHERLAND_FRONT' | 'RESIDENTIAL_GROUP' | 'MANAGEMENT_BOARD', Id, Id | null]
    > = [
      [
        'Việc quán triệt, triển khai và kết quả thực hiện Thông tri số 05-TT/QU tại Đảng bộ phường Giang Biên',
        'PARTY_COMMITTEE',
        wardPartyCommitteeId('giang-bien'),
        null,
      ],
      [
        'Công tác tham mưu Ủy ban nhân dân quận triển khai các nội dung quản lý nhà nước về nhà chung cư',
        'GOVERNMENT_OFFICE',
        DISTRICT_URBAN_OFFICE_ID,
        null,
      ],
      [
        'Vai trò của Mặt trận Tổ quốc trong việc kiện toàn, nâng cao chất lượng hoạt động của hệ thống chính trị tại các tổ dân phố có nhà chung cư',
        'FATHERLAND_FRONT',
        DISTRICT_FRONT_ID,
        null,
      ],
      [
        'Vai trò của tổ dân phố trong việc triển khai thực hiện Quy chế phối hợp giữa tổ trưởng tổ dân phố và Ban quản trị nhà chung cư',
        'RESIDENTIAL_GROUP',
        leadershipId(presentingGroup.ward, presentingGroup.n),
        this.holderOf(leadershipId(presentingGroup.ward, presentingGroup.n), 'HEAD'),
      ],
      [
        'Tầm quan trọng của Thông tri số 05-TT/QU trong việc đào tạo nghiệp vụ về phòng cháy, chữa cháy cho Ban quản trị nhà chung cư',
        'MANAGEMENT_BOARD',
        presentingBoard.plan.id,
        this.headOn(presentingBoard, REVIEW_DATE),
      ],
    ];
    presentations.forEach(([title, category, organizationId, personId], i) => {
      s.presentations.push({
        id: `presentation-${i + 1}`,
        reviewId: REVIEW_ID,
        title,
        category,
        presenterOrganizationId: organizationId,
        presenterPersonId: personId,
      });
    });
    this.commendations();
  }

  /** 25 collectives and 25 individuals of the wards, commended by the district's Standing Committee. */
  private commendations(): void {
    const rng = this.rng;
    const apartmentGroups = WARDS.flatMap((w) => w.apartmentGroups.filter((g) => !g.weakCell).map((g) => ({ ward: w.key, n: g.n })));
    const boardsWithPeople = this.boards.filter((x) => x.plan.story === 'ESTABLISHED' || x.plan.story === 'CONSOLIDATED');
    const collectives: Id[] = [
      wardPartyCommitteeId('giang-bien'),
      wardPartyCommitteeId('phuc-dong'),
      wardPartyCommitteeId('viet-hung'),
      ...rng
        .shuffle(apartmentGroups)
        .slice(0, 9)
        .map((g) => cellId(g.ward, g.n)),
      ...rng
        .shuffle(boardsWithPeople)
        .slice(0, 7)
        .map((x) => x.plan.id),
      ...rng
        .shuffle(apartmentGroups)
        .slice(0, 3)
        .map((g) => leadershipId(g.ward, g.n)),
      ...rng
        .shuffle(apartmentGroups)
        .slice(0, 3)
        .map((g) => frontWorkCommitteeId(g.ward, g.n)),
    ];
    const individuals = new Set<Id>();
    const addUpTo = (ids: readonly Id[], n: number): void => {
      let added = 0;
      for (const id of ids) {
        if (added >= n) return;
        if (individuals.has(id)) continue;
        individuals.add(id);
        added += 1;
      }
    };
    const trainedHeads = boardsWithPeople.filter((x) => !x.plan.untrainedHead).map((x) => this.headOn(x, REVIEW_DATE));
    addUpTo(rng.shuffle(trainedHeads), 8);
    addUpTo(
      rng.shuffle(apartmentGroups).map((g) => this.holderOf(cellId(g.ward, g.n), 'SECRETARY')),
      8,
    );
    addUpTo(
      rng.shuffle(apartmentGroups).map((g) => this.holderOf(leadershipId(g.ward, g.n), 'HEAD')),
      5,
    );
    addUpTo(
      rng.shuffle(apartmentGroups).map((g) => this.holderOf(frontWorkCommitteeId(g.ward, g.n), 'HEAD')),
      4,
    );
    if (new Set(collectives).size !== 25 || individuals.size !== 25) throw new Error('commendations: 25 + 25 distinct recipients expected');
    const decidedOn = '2022-11-28';
    collectives.forEach((organizationId, i) => {
      this.b.state.commendations.push({
        id: `commendation-collective-${i + 1}`,
        directiveId: DIRECTIVE_ID,
        reviewId: REVIEW_ID,
        kind: 'COLLECTIVE',
        recipientOrganizationId: organizationId,
        decidedOn,
        decisionNumber: '1582-QĐ/QU',
      });
    });
    [...individuals].forEach((personId, i) => {
      this.b.state.commendations.push({
        id: `commendation-individual-${i + 1}`,
        directiveId: DIRECTIVE_ID,
        reviewId: REVIEW_ID,
        kind: 'INDIVIDUAL',
        recipientPersonId: personId,
        decidedOn,
        decisionNumber: '1583-QĐ/QU',
      });
    });
  }

  /** Every nomination planned in seats.ts, by the ward party committee or by the residence cell. */
  private nominations(): void {
    const sorted = this.planned.filter((m) => m.nomination).sort((a, b) => (a.nomination?.on ?? '').localeCompare(b.nomination?.on ?? ''));
    for (const m of sorted) {
      const n = required(m.nomination, 'nomination');
      this.b.state.nominations.push({
        id: this.b.nextId('nomination'),
        nominatingOrganizationId: n.by === 'WARD_PARTY_COMMITTEE' ? wardPartyCommitteeId(m.board.ward) : cellId(m.board.ward, m.board.n),
        personId: required(m.personId, 'nominee'),
        boardId: m.board.id,
        category: n.category,
        nominatedOn: n.on,
        outcome: n.outcome,
        directiveId: DIRECTIVE_ID,
      });
    }
  }

  /**
   * Fire-safety (PCCC), rescue and building-operation courses. Every board head of 01/12/2022 has
   * attended a fire-safety course by then, except the heads the spec marks untrained (a gap the
   * findings show); five of those attend the 2023 course.
   */
  private trainings(): void {
    const rng = this.rng;
    const courses: Array<[string, TrainingTopic[], IsoDate, Id]> = [
      [
        'Tập huấn phòng cháy, chữa cháy cho Ban quản trị nhà chung cư (đợt 1)',
        ['FIRE_SAFETY'],
        '2021-11-12',
        DISTRICT_PEOPLES_COMMITTEE_ID,
      ],
      [
        'Tập huấn nghiệp vụ phòng cháy, chữa cháy và cứu nạn, cứu hộ cho Ban quản trị nhà chung cư năm 2022',
        ['FIRE_SAFETY', 'RESCUE'],
        '2022-04-15',
        DISTRICT_PEOPLES_COMMITTEE_ID,
      ],
      ['Tập huấn công tác quản lý, vận hành nhà chung cư', ['BUILDING_OPERATION'], '2022-08-20', DISTRICT_URBAN_OFFICE_ID],
      [
        'Tập huấn phòng cháy, chữa cháy cho Ban quản trị nhà chung cư (đợt 2)',
        ['FIRE_SAFETY'],
        '2022-10-25',
        DISTRICT_PEOPLES_COMMITTEE_ID,
      ],
      [
        'Tập huấn phòng cháy, chữa cháy, cứu nạn, cứu hộ và vận hành nhà chung cư năm 2023',
        ['FIRE_SAFETY', 'RESCUE', 'BUILDING_OPERATION'],
        '2023-06-10',
        DISTRICT_PEOPLES_COMMITTEE_ID,
      ],
    ];
    const ids = courses.map(([title, topics, heldOn, organizerId], i) => {
      const id = `training-${i + 1}`;
      this.b.state.trainings.push({ id, title, topics, heldOn, organizerId });
      return id;
    });
    const [first, second, operation, third, later] = ids;
    if (!first || !second || !operation || !third || !later) throw new Error('trainings');
    const attended = new Set<string>();
    const attend = (trainingId: Id, personId: Id): void => {
      const key = `${trainingId}|${personId}`;
      if (attended.has(key)) return;
      attended.add(key);
      this.b.state.trainingAttendances.push({ id: this.b.nextId('attendance'), trainingId, personId });
    };
    let untrained = 0;
    for (const board of this.boards) {
      if (board.plan.story === 'LATE') {
        for (const s of seatsOn(board, '2023-06-10')) if (s.role !== 'MEMBER') attend(later, s.personId);
        continue;
      }
      const now = seatsOn(board, REVIEW_DATE);
      for (const s of now) {
        if (s.role === 'HEAD') {
          if (board.plan.untrainedHead) {
            if (untrained++ < 5) attend(later, s.personId);
          } else attend(rng.pick([first, second, third]), s.personId);
          if (rng.chance(0.6)) attend(operation, s.personId);
        } else if (s.role === 'DEPUTY_HEAD') {
          if (rng.chance(0.5)) attend(rng.pick([second, third]), s.personId);
          if (rng.chance(0.3)) attend(operation, s.personId);
        } else if (rng.chance(0.08)) attend(rng.pick([first, second, third]), s.personId);
      }
    }
  }

  /**
   * Petitions (đơn thư) about apartment buildings, received over the same number of days before
   * and after the directive (the report's two windows): 46 before, 27 after, and a few older ones.
   * Each has a status history; those still open on 01/12/2022 are settled later.
   */
  private petitions(): void {
    const rng = this.rng;
    const length = daysBetween(DIRECTIVE_ISSUED_ON, REVIEW_DATE) + 1;
    const beforeFrom = addDays(DIRECTIVE_ISSUED_ON, -length);
    const windows: Array<[IsoDate, IsoDate, number]> = [
      ['2019-03-01', addDays(beforeFrom, -1), 6],
      [beforeFrom, addDays(DIRECTIVE_ISSUED_ON, -1), 46],
      [DIRECTIVE_ISSUED_ON, REVIEW_DATE, 27],
    ];
    const subjects: Record<PetitionKind, readonly string[]> = {
      REPORT: [
        'Phản ánh thang máy thường xuyên hỏng, chậm sửa chữa',
        'Phản ánh hệ thống báo cháy không hoạt động',
        'Phản ánh tình trạng để xe lấn chiếm lối thoát hiểm',
        'Phản ánh tiếng ồn từ hoạt động kinh doanh ở tầng dịch vụ',
        'Phản ánh rò rỉ nước từ bể chứa trên mái',
      ],
      PROPOSAL: [
        'Kiến nghị chủ đầu tư bàn giao kinh phí bảo trì 2% cho Ban quản trị',
        'Kiến nghị tổ chức hội nghị nhà chung cư bầu Ban quản trị',
        'Kiến nghị công khai thu chi phí dịch vụ quản lý vận hành',
        'Kiến nghị bổ sung chỗ để xe cho cư dân',
      ],
      COMPLAINT: [
        'Khiếu nại việc tăng giá dịch vụ quản lý vận hành',
        'Khiếu nại việc thu phí gửi xe không đúng thỏa thuận',
        'Khiếu nại việc chậm cấp giấy chứng nhận quyền sở hữu căn hộ',
      ],
      DENUNCIATION: ['Tố cáo việc sử dụng kinh phí bảo trì sai mục đích', 'Tố cáo việc tự ý chuyển đổi công năng phần diện tích chung'],
    };
    const candidates = this.buildings.filter((r) => r.building.multipleOwners);
    let n = 0;
    for (const [from, to, count] of windows) {
      const days = Array.from({ length: count }, () => rng.dateBetween(from, to)).sort();
      for (const receivedOn of days) {
        const standing = candidates.filter((r) => r.building.validFrom <= receivedOn);
        const record = rng.pick(standing);
        const kind = rng.weighted<PetitionKind>([
          ['REPORT', 4],
          ['PROPOSAL', 3],
          ['COMPLAINT', 2],
          ['DENUNCIATION', 1],
        ]);
        const id = `petition-${String(++n).padStart(3, '0')}`;
        this.b.state.petitions.push({
          id,
          kind,
          subject: `${rng.pick(subjects[kind])} (${record.building.name})`,
          receivedOn,
          residentialGroupId: record.building.residentialGroupId,
          buildingId: record.building.id,
        });
        const inProgress = addDays(receivedOn, rng.int(2, 10));
        const settled = addDays(inProgress, rng.int(15, 75));
        const changes: Array<['RECEIVED' | 'IN_PROGRESS' | 'RESOLVED' | 'REJECTED', IsoDate]> = [
          ['RECEIVED', receivedOn],
          ['IN_PROGRESS', inProgress],
          [rng.chance(0.85) ? 'RESOLVED' : 'REJECTED', settled],
        ];
        changes.forEach(([status, on], i) => {
          this.b.state.petitionStatusChanges.push({ id: `${id}-status-${i + 1}`, petitionId: id, status, on });
        });
      }
    }
  }

  /**
   * A coordination regulation between the group head and each board of the group, most signed in
   * the directive's first year. The groups the spec marks have none on 01/12/2022 (a gap); two sign
   * in 2023.
   */
  private coordinationRegulations(): void {
    const rng = this.rng;
    for (const ward of WARDS) {
      for (const group of ward.apartmentGroups) {
        const boards = this.boards.filter((x) => x.plan.ward === ward.key && x.plan.n === group.n);
        boards.forEach((board) => {
          const est = board.plan.establishedOn;
          let signedOn: IsoDate;
          if (group.noRegulation === 'STILL_MISSING') return;
          if (board.plan.story === 'LATE') signedOn = addDays(est, rng.int(30, 60));
          else if (group.noRegulation === 'SIGNED_2023') signedOn = rng.dateBetween('2023-04-03', '2023-05-26');
          else if (est >= DIRECTIVE_ISSUED_ON) signedOn = minDate(addDays(est, rng.int(20, 60)), '2022-11-28');
          else if (rng.chance(0.7)) signedOn = rng.dateBetween('2021-11-01', '2022-10-31');
          else signedOn = rng.dateBetween(maxDate(addDays(est, 30), '2018-01-01'), '2021-09-15');
          const id = `regulation-${board.plan.id.replace(/^board-/, '')}`;
          this.b.state.coordinationRegulations.push({
            id,
            residentialGroupId: board.plan.groupId,
            boardId: board.plan.id,
            signedOn,
            validFrom: signedOn,
            validTo: null,
          });
          if (signedOn < '2022-10-01' && rng.chance(0.5)) {
            const reviewed = rng.dateBetween('2022-11-01', '2022-11-28');
            this.b.state.coordinationRegulationEvents.push({
              id: `${id}-event-1`,
              regulationId: id,
              kind: 'REVIEWED',
              on: reviewed,
              note: 'Đánh giá việc thực hiện quy chế phối hợp theo Thông tri số 05-TT/QU.',
            });
            if (rng.chance(0.25)) {
              this.b.state.coordinationRegulationEvents.push({
                id: `${id}-event-2`,
                regulationId: id,
                kind: 'AMENDED',
                on: rng.dateBetween('2023-02-01', '2023-04-28'),
                note: 'Sửa đổi, bổ sung nội dung phối hợp về phòng cháy, chữa cháy và sử dụng kinh phí bảo trì.',
              });
            }
          }
        });
      }
    }
  }

  /** Regulation 213: the residence cell comments on each member every year (through 2025). */
  private residenceContactReviews(): void {
    const rng = this.rng;
    const comments = [
      'Giữ mối liên hệ thường xuyên với chi bộ nơi cư trú; gương mẫu thực hiện nghĩa vụ công dân nơi cư trú.',
      'Tham gia đầy đủ các hoạt động của tổ dân phố; gia đình chấp hành tốt quy định của nhà chung cư.',
      'Tích cực tham gia công tác của Ban quản trị và các phong trào ở khu dân cư.',
      'Thực hiện tốt Quy định 213-QĐ/TW; được cư dân tín nhiệm.',
    ] as const;
    for (const contact of this.b.state.residenceContacts) {
      for (let year = yearOf(contact.validFrom); year <= 2025; year++) {
        const reviewedOn = rng.dateBetween(maxDate(contact.validFrom, `${year}-12-01`), `${year}-12-31`);
        this.b.state.residenceContactReviews.push({
          id: `${contact.id}-review-${year}`,
          residenceContactId: contact.id,
          year,
          reviewedOn,
          comment: rng.pick(comments),
        });
      }
    }
  }

  // ─── Lookups ───

  private board(ward: OldWardKey, story: BuiltBoard['plan']['story']): BuiltBoard {
    return required(
      this.boards.find((x) => x.plan.ward === ward && x.plan.story === story),
      `${story} board in ${ward}`,
    );
  }

  private headOn(board: BuiltBoard, day: IsoDate): Id {
    return itemAt(
      seatsOn(board, day).filter((s) => s.role === 'HEAD'),
      0,
    ).personId;
  }

  /** The person holding `role` in a body on the review day. */
  private holderOf(organizationId: Id, role: 'HEAD' | 'SECRETARY'): Id {
    return required(
      this.b.state.memberships.find(
        (m) =>
          m.organizationId === organizationId &&
          m.role === role &&
          m.validFrom <= REVIEW_DATE &&
          (m.validTo === null || REVIEW_DATE < m.validTo),
      ),
      `${role} of ${organizationId}`,
    ).personId;
  }
}
