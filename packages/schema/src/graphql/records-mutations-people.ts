import {
  createPartyMembershipInput,
  createResidenceContactInput,
  createResidenceContactReviewInput,
  updatePartyMembershipInput,
  updateResidenceContactInput,
  updateResidenceContactReviewInput,
  type Violation,
} from '@coso/domain';
import { activeOnWhere } from '../store/db-dates.js';
import { registerEntityMutations } from './entity-mutations.js';
import { PartyStatus, ResidenceContactCategory } from './enums.js';
import { PartyMembershipRef, ResidenceContactRef, ResidenceContactReviewRef } from './people.js';
import { checkRefs, invalid, others, period, refsOnlyCheck } from './records-mutations-support.js';

/**
 * People: party membership over time (status and home cell), Regulation 213 residence contact, and
 * the residence cell's yearly comments. Party membership is sensitive personal data: every write
 * goes through the change sink like any other.
 */

const PERSON = { typename: 'Person', label: { vi: 'Người', en: 'Person' } };
const PARTY_CELL = { typename: 'Organization', label: { vi: 'Chi bộ', en: 'Party cell' }, kinds: ['PARTY_CELL'] };

registerEntityMutations({
  noun: 'PartyMembership',
  typename: 'PartyMembership',
  ref: PartyMembershipRef,
  fields: {
    personId: { type: 'ID', required: true, idOf: 'Person' },
    status: { type: PartyStatus, required: true, description: 'Dự bị / chính thức / Probationary or official.' },
    homeCellId: {
      type: 'ID',
      required: true,
      idOf: 'Organization',
      description: 'Chi bộ sinh hoạt / The party cell the member belongs to.',
    },
    admittedOn: { type: 'Date', description: 'Ngày vào Đảng / Date of admission to the Party.' },
    ...period,
  },
  createSchema: createPartyMembershipInput,
  updateSchema: updatePartyMembershipInput,
  endable: true,
  // One record per person at a time is the database's exclusion constraint (MEMBERSHIP_OVERLAP).
  checkMany: refsOnlyCheck('PartyMembership', { personId: PERSON, homeCellId: PARTY_CELL }, (rec) => String(rec.validFrom)),
});

registerEntityMutations({
  noun: 'ResidenceContact',
  typename: 'ResidenceContact',
  ref: ResidenceContactRef,
  fields: {
    personId: { type: 'ID', required: true, idOf: 'Person' },
    residenceCellId: {
      type: 'ID',
      required: true,
      idOf: 'Organization',
      description: 'Chi bộ nơi cư trú / The party cell where the member lives.',
    },
    category: { type: ResidenceContactCategory, required: true },
    ...period,
  },
  createSchema: createResidenceContactInput,
  updateSchema: updateResidenceContactInput,
  endable: true,
  check: async (tx, rec) => {
    const on = String(rec.validFrom);
    const refs = await checkRefs(
      tx,
      rec,
      { personId: PERSON, residenceCellId: { ...PARTY_CELL, label: { vi: 'Chi bộ nơi cư trú', en: 'Residence cell' } } },
      on,
    );
    const out: Violation[] = [...refs.violations];
    if (!refs.rows.personId) return out;
    // Regulation 213 is about party members: the person is one on the date, in another cell.
    const party = await tx.partyMembership.findFirst({ where: { personId: String(rec.personId), ...activeOnWhere(on) } });
    const name = String(refs.rows.personId.fullName);
    if (!party) {
      out.push(
        invalid(
          ['personId'],
          `"${name}" không có đảng tịch vào ngày ${on}; chỉ đảng viên mới giữ mối liên hệ với nơi cư trú (QĐ 213-QĐ/TW).`,
          `"${name}" has no party membership on ${on}; only party members keep contact with their place of residence (Regulation 213).`,
        ),
      );
    } else if (party.homeCellId === rec.residenceCellId) {
      out.push(
        invalid(
          ['residenceCellId'],
          `Chi bộ nơi cư trú trùng với chi bộ sinh hoạt của "${name}"; QĐ 213 áp dụng khi đảng viên sinh hoạt ở nơi làm việc.`,
          `The residence cell is "${name}"’s own home cell; Regulation 213 applies to members whose cell is at their workplace.`,
        ),
      );
    }
    return out;
  },
});

registerEntityMutations({
  noun: 'ResidenceContactReview',
  typename: 'ResidenceContactReview',
  ref: ResidenceContactReviewRef,
  fields: {
    residenceContactId: { type: 'ID', required: true, idOf: 'ResidenceContact' },
    year: { type: 'Int', required: true, description: 'Năm được nhận xét / The year commented on.' },
    reviewedOn: { type: 'Date', required: true },
    comment: { type: 'String', required: true, description: 'Nhận xét / The cell’s comment, with the Front work committee.' },
  },
  createSchema: createResidenceContactReviewInput,
  updateSchema: updateResidenceContactReviewInput,
  endable: false,
  check: async (tx, rec) => {
    const refs = await checkRefs(tx, rec, {
      residenceContactId: { typename: 'ResidenceContact', label: { vi: 'Sinh hoạt nơi cư trú', en: 'Residence contact' } },
    });
    const out: Violation[] = [...refs.violations];
    const same = await others(tx, 'residenceContactReview', { residenceContactId: rec.residenceContactId, year: rec.year }, rec.id);
    if (same.length) {
      out.push(
        invalid(
          ['year'],
          `Đã có nhận xét năm ${String(rec.year)} cho đảng viên này; hãy sửa nhận xét đó.`,
          `There is already a review for ${String(rec.year)} of this member; correct that one instead.`,
        ),
      );
    }
    return out;
  },
});
