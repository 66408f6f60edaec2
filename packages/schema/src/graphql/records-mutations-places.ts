import {
  checkUnitParent,
  createUnitCodeInput,
  createUnitParentInput,
  findCodeConflicts,
  periodsOverlap,
  type UnitKind,
  type UnitParent,
  updateUnitCodeInput,
  updateUnitParentInput,
  type Violation,
  validateAdminCode,
} from '@coso/domain';
import { loadSlice } from '../store/load-slice.js';
import { registerEntityMutations } from './entity-mutations.js';
import { generatedNode } from './generated-entities.js';
import { checkRefs, period } from './records-mutations-support.js';

/**
 * Places: a unit's administrative codes and its parent links, each for a period. A unit's first
 * code and parent come with `createUnit`; these record the later ones (and corrections).
 */

const UNIT = { typename: 'AdministrativeUnit', label: { vi: 'Đơn vị hành chính', en: 'Administrative unit' } };

registerEntityMutations({
  noun: 'UnitCode',
  typename: 'UnitCode',
  ref: generatedNode('UnitCode'),
  fields: {
    unitId: { type: 'ID', required: true, idOf: 'AdministrativeUnit', description: 'Đơn vị mang mã / The unit holding the code.' },
    code: { type: 'String', required: true, description: 'Mã / Official code: 2 digits (province), 3 (district), 5 (ward, commune).' },
    ...period,
  },
  createSchema: createUnitCodeInput,
  updateSchema: updateUnitCodeInput,
  endable: true,
  check: async (tx, rec) => {
    const validFrom = String(rec.validFrom);
    const validTo = (rec.validTo as string | null | undefined) ?? null;
    const code = String(rec.code);
    const refs = await checkRefs(tx, rec, { unitId: UNIT }, validFrom);
    const out: Violation[] = [...refs.violations];
    const unit = refs.rows.unitId;
    // The input only knows the code's shape; its length must also fit the unit's level.
    if (unit) out.push(...validateAdminCode(code, unit.kind as UnitKind, ['code']));
    const slice = await loadSlice(tx, { unitCodes: { OR: [{ code }, { unitId: String(rec.unitId) }] } });
    const stored = slice.unitCodes.filter((c) => c.id !== rec.id);
    out.push(...findCodeConflicts(stored, { unitId: String(rec.unitId), code, validFrom, validTo }, ['code']));
    for (const other of stored) {
      if (other.unitId !== rec.unitId || !periodsOverlap(other, { validFrom, validTo })) continue;
      out.push({
        code: 'ADMIN_CODE_UNIQUE',
        severity: 'error',
        path: ['code'],
        message: {
          vi: `Đơn vị đã mang mã ${other.code} từ ${other.validFrom}${other.validTo ? ` đến trước ${other.validTo}` : ''}; mỗi đơn vị chỉ có một mã tại một thời điểm (hãy kết thúc mã cũ trước).`,
          en: `The unit already holds code ${other.code} from ${other.validFrom}${other.validTo ? ` until before ${other.validTo}` : ''}; a unit has one code at a time (end the old one first).`,
        },
      });
    }
    return out;
  },
});

registerEntityMutations({
  noun: 'UnitParent',
  typename: 'UnitParent',
  ref: generatedNode('UnitParent'),
  fields: {
    unitId: { type: 'ID', required: true, idOf: 'AdministrativeUnit', description: 'Đơn vị trực thuộc / The unit below.' },
    parentId: { type: 'ID', required: true, idOf: 'AdministrativeUnit', description: 'Đơn vị cấp trên / The unit above.' },
    ...period,
  },
  createSchema: createUnitParentInput,
  updateSchema: updateUnitParentInput,
  endable: true,
  // One parent at a time, of an allowed level (the domain rule; the stored link itself is ignored).
  check: async (tx, rec) => {
    const unitId = String(rec.unitId);
    const parentId = String(rec.parentId);
    const slice = await loadSlice(tx, { units: { id: { in: [unitId, parentId] } }, unitParents: { unitId } });
    const link: UnitParent = {
      id: rec.id,
      unitId,
      parentId,
      validFrom: String(rec.validFrom),
      validTo: (rec.validTo as string | null | undefined) ?? null,
    };
    return checkUnitParent(slice, link);
  },
});
