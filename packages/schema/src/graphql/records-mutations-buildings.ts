import {
  createApartmentBuildingInput,
  createApartmentComplexInput,
  createApartmentInput,
  createApartmentOwnershipInput,
  updateApartmentBuildingInput,
  updateApartmentComplexInput,
  updateApartmentInput,
  updateApartmentOwnershipInput,
  type Violation,
} from '@coso/domain';
import { ApartmentBuildingRef, ApartmentComplexRef, ApartmentOwnershipRef } from './buildings.js';
import { registerEntityMutations } from './entity-mutations.js';
import { OwnershipKind } from './enums.js';
import { generatedNode } from './generated-entities.js';
import { checkRefs, invalid, others, period } from './records-mutations-support.js';

/** Buildings: apartment buildings and complexes, their blocks and apartments, and who owns each apartment when. */

const BUILDING = { typename: 'ApartmentBuilding', label: { vi: 'Nhà chung cư', en: 'Apartment building' } };

registerEntityMutations({
  noun: 'ApartmentBuilding',
  typename: 'ApartmentBuilding',
  ref: ApartmentBuildingRef,
  fields: {
    name: { type: 'String', required: true },
    address: { type: 'String' },
    residentialGroupId: {
      type: 'ID',
      required: true,
      idOf: 'AdministrativeUnit',
      description: 'Tổ dân phố nơi có nhà / The residential group the building stands in.',
    },
    complexId: { type: 'ID', idOf: 'ApartmentComplex', description: 'Cụm nhà chung cư / The complex it belongs to, if any.' },
    apartmentCount: { type: 'Int', required: true, description: 'Số căn hộ / Number of apartments.' },
    blockCount: { type: 'Int', required: true, description: 'Số khối nhà / Number of blocks (≥ 1).' },
    multipleOwners: {
      type: 'Boolean',
      required: true,
      description: 'Nhiều chủ sở hữu / Several owners (a single-owner building needs no board).',
    },
    handoverStartedOn: { type: 'Date', description: 'Ngày bắt đầu bàn giao / First apartments handed over.' },
    halfHandedOverOn: { type: 'Date', description: 'Ngày bàn giao đủ 50% căn hộ / Half of the apartments handed over.' },
    firstConferenceOn: { type: 'Date', description: 'Hội nghị nhà chung cư lần đầu / First building conference.' },
    ...period,
  },
  createSchema: createApartmentBuildingInput,
  updateSchema: updateApartmentBuildingInput,
  endable: true,
  check: async (tx, rec) => {
    const refs = await checkRefs(
      tx,
      rec,
      {
        residentialGroupId: {
          typename: 'AdministrativeUnit',
          label: { vi: 'Tổ dân phố', en: 'Residential group' },
          kinds: ['RESIDENTIAL_GROUP'],
        },
        complexId: { typename: 'ApartmentComplex', label: { vi: 'Cụm nhà chung cư', en: 'Apartment complex' } },
      },
      String(rec.validFrom),
    );
    const out: Violation[] = [...refs.violations];
    if (typeof rec.blockCount === 'number' && rec.blockCount < 1) {
      out.push(
        invalid(['blockCount'], 'Nhà chung cư có ít nhất một khối nhà.', `A building has at least one block (got ${rec.blockCount}).`),
      );
    }
    return out;
  },
});

registerEntityMutations({
  noun: 'ApartmentComplex',
  typename: 'ApartmentComplex',
  ref: ApartmentComplexRef,
  fields: { name: { type: 'String', required: true }, ...period },
  createSchema: createApartmentComplexInput,
  updateSchema: updateApartmentComplexInput,
  endable: true,
});

registerEntityMutations({
  noun: 'Apartment',
  typename: 'Apartment',
  ref: generatedNode('Apartment'),
  fields: {
    buildingId: { type: 'ID', required: true, idOf: 'ApartmentBuilding' },
    blockId: { type: 'ID', idOf: 'BuildingBlock', description: 'Khối nhà / The block, in a multi-block building.' },
    number: { type: 'String', required: true, description: 'Số căn hộ / Apartment number, unique in the building.' },
    handedOverOn: { type: 'Date', description: 'Ngày bàn giao / Handover date.' },
  },
  createSchema: createApartmentInput,
  updateSchema: updateApartmentInput,
  endable: false,
  check: async (tx, rec) => {
    const refs = await checkRefs(tx, rec, {
      buildingId: BUILDING,
      blockId: { typename: 'BuildingBlock', label: { vi: 'Khối nhà', en: 'Building block' } },
    });
    const out: Violation[] = [...refs.violations];
    const block = refs.rows.blockId;
    if (block && refs.rows.buildingId && block.buildingId !== rec.buildingId) {
      out.push(
        invalid(
          ['blockId'],
          `Khối "${String(block.name)}" không thuộc nhà chung cư "${String(refs.rows.buildingId.name)}".`,
          `Block "${String(block.name)}" is not part of building "${String(refs.rows.buildingId.name)}".`,
        ),
      );
    }
    if ((await others(tx, 'apartment', { buildingId: rec.buildingId, number: rec.number }, rec.id)).length) {
      out.push(
        invalid(
          ['number'],
          `Nhà chung cư đã có căn hộ số "${String(rec.number)}".`,
          `The building already has an apartment numbered "${String(rec.number)}".`,
        ),
      );
    }
    return out;
  },
});

registerEntityMutations({
  noun: 'ApartmentOwnership',
  typename: 'ApartmentOwnership',
  ref: ApartmentOwnershipRef,
  fields: {
    apartmentId: { type: 'ID', required: true, idOf: 'Apartment' },
    personId: { type: 'ID', required: true, idOf: 'Person' },
    kind: { type: OwnershipKind, required: true, description: 'Chủ sở hữu / người sử dụng hợp pháp / Owner or authorised user.' },
    ...period,
  },
  createSchema: createApartmentOwnershipInput,
  updateSchema: updateApartmentOwnershipInput,
  endable: true,
  check: async (tx, rec) =>
    (
      await checkRefs(
        tx,
        rec,
        {
          apartmentId: { typename: 'Apartment', label: { vi: 'Căn hộ', en: 'Apartment' } },
          personId: { typename: 'Person', label: { vi: 'Người', en: 'Person' } },
        },
        String(rec.validFrom),
      )
    ).violations,
});
