import {
  createOrganizationAreaInput,
  createOrganizationParentInput,
  createPostInput,
  periodsOverlap,
  updateOrganizationAreaInput,
  updateOrganizationParentInput,
  updatePostInput,
  type Violation,
} from '@coso/domain';
import { activeOnWhere, fromDbDate } from '../store/db-dates.js';
import { OrganizationAreaRef, OrganizationParentRef } from './bodies.js';
import { registerEntityMutations } from './entity-mutations.js';
import { Role } from './enums.js';
import { PostRef } from './people.js';
import { checkRefs, invalid, openOn, others, period, refsOnlyCheck } from './records-mutations-support.js';

/**
 * Bodies: a body's parent body and the places it serves, each for a period, and the posts it has.
 * A body's first parent and areas come with `createOrganization`; these record later changes.
 */

const ORGANIZATION = { typename: 'Organization', label: { vi: 'Tổ chức', en: 'Body' } };
const PARENT_ORGANIZATION = { typename: 'Organization', label: { vi: 'Tổ chức cấp trên', en: 'Parent body' } };
const UNIT = { typename: 'AdministrativeUnit', label: { vi: 'Địa bàn', en: 'Place' } };

/** Parent links are followed at most this far up when looking for a cycle (real trees are 4–5 deep). */
const MAX_BODY_DEPTH = 12;

registerEntityMutations({
  noun: 'OrganizationParent',
  typename: 'OrganizationParent',
  ref: OrganizationParentRef,
  fields: {
    organizationId: { type: 'ID', required: true, idOf: 'Organization', description: 'Tổ chức trực thuộc / The sub-organisation.' },
    parentId: { type: 'ID', required: true, idOf: 'Organization', description: 'Tổ chức cấp trên / The body above.' },
    ...period,
  },
  createSchema: createOrganizationParentInput,
  updateSchema: updateOrganizationParentInput,
  endable: true,
  // One parent at a time is the database's exclusion constraint (mapped to a ValidationError).
  check: async (tx, rec) => {
    const on = String(rec.validFrom);
    const refs = await checkRefs(tx, rec, { organizationId: ORGANIZATION, parentId: PARENT_ORGANIZATION }, on);
    if (refs.violations.length) return refs.violations;
    // No cycle: the new parent must not sit (on that date) below the body itself.
    let current = String(rec.parentId);
    for (let depth = 0; depth < MAX_BODY_DEPTH; depth++) {
      const up = await tx.organizationParent.findFirst({
        where: { organizationId: current, ...activeOnWhere(on), NOT: { id: rec.id } },
        select: { parentId: true },
      });
      if (!up) return [];
      if (up.parentId === rec.organizationId) {
        return [
          invalid(
            ['parentId'],
            `Tổ chức cấp trên "${String(refs.rows.parentId?.name)}" đang trực thuộc chính tổ chức này vào ngày ${on}; quan hệ trực thuộc không được tạo vòng.`,
            `Parent body "${String(refs.rows.parentId?.name)}" sits below this very body on ${on}; parent links must not form a cycle.`,
          ),
        ];
      }
      current = up.parentId;
    }
    return [];
  },
});

registerEntityMutations({
  noun: 'OrganizationArea',
  typename: 'OrganizationArea',
  ref: OrganizationAreaRef,
  fields: {
    organizationId: { type: 'ID', required: true, idOf: 'Organization' },
    unitId: { type: 'ID', required: true, idOf: 'AdministrativeUnit', description: 'Địa bàn / The place served.' },
    ...period,
  },
  createSchema: createOrganizationAreaInput,
  updateSchema: updateOrganizationAreaInput,
  endable: true,
  check: async (tx, rec) => {
    const validFrom = String(rec.validFrom);
    const validTo = (rec.validTo as string | null | undefined) ?? null;
    const refs = await checkRefs(tx, rec, { organizationId: ORGANIZATION, unitId: UNIT }, validFrom);
    const out: Violation[] = [...refs.violations];
    const same = await others(tx, 'organizationArea', { organizationId: rec.organizationId, unitId: rec.unitId }, rec.id);
    for (const s of same) {
      const p = { validFrom: fromDbDate(s.validFrom as Date), validTo: s.validTo instanceof Date ? fromDbDate(s.validTo) : null };
      if (!periodsOverlap(p, { validFrom, validTo })) continue;
      out.push(
        invalid(
          ['validFrom'],
          `Tổ chức đã phụ trách địa bàn này từ ${p.validFrom}${p.validTo ? ` đến trước ${p.validTo}` : ''}; không ghi trùng thời gian.`,
          `The body already serves this place from ${p.validFrom}${p.validTo ? ` until before ${p.validTo}` : ''}; periods must not overlap.`,
        ),
      );
    }
    return out;
  },
});

registerEntityMutations({
  noun: 'Post',
  typename: 'Post',
  ref: PostRef,
  fields: {
    organizationId: { type: 'ID', required: true, idOf: 'Organization' },
    role: { type: Role, required: true },
    label: { type: 'String', required: true, description: 'Tên chức danh / e.g. "Bí thư chi bộ", "Trưởng ban".' },
    ...period,
  },
  createSchema: createPostInput,
  updateSchema: updatePostInput,
  endable: true,
  checkMany: refsOnlyCheck('Post', { organizationId: ORGANIZATION }, (rec) => String(rec.validFrom)),
  // A post still held is not ended under its holder: end the memberships first.
  checkEnd: async (tx, rec, on) => {
    const held = await openOn(tx, 'membership', { postId: rec.id }, on);
    if (!held) return [];
    return [
      invalid(
        ['on'],
        `Chức danh "${String(rec.label)}" còn ${held} người giữ sau ngày ${on}; hãy kết thúc các chức vụ đó trước.`,
        `Post "${String(rec.label)}" is still held by ${held} membership(s) after ${on}; end them first.`,
      ),
    ];
  },
});
