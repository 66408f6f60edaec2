/**
 * @coso/sample-data: the coso sample dataset. Long Biên (Hà Nội) as the 01/12/2022 review of
 * Directive 05-TT/QU saw it, on the real 2003–2025 hierarchy, with fictional people. Pure and
 * deterministic, no I/O.
 */
export { CITY_ROOT_IDS, cityDataset, cityParts, cityRecordIds, cloneId, cloneUnitCode, MAX_CITY_DISTRICTS } from './city.js';
export { longBien2022Dataset, longBien2022DatasetBeforeReorganisations } from './dataset.js';
export { type DeliberateGap, deliberateGaps, GROUP_WITHOUT_CELL_ON } from './gaps.js';
export {
  CITY_PARTY_COMMITTEE_ID,
  DIRECTIVE_CODE,
  DIRECTIVE_ID,
  DIRECTIVE_ISSUED_ON,
  DISTRICT_ID,
  DISTRICT_PARTY_COMMITTEE_ID,
  DISTRICT_PEOPLES_COMMITTEE_ID,
  HANOI_ID,
  NEW_WARD_IDS,
  REVIEW_DATE,
  REVIEW_ID,
  residentialGroupId,
  WARD_IDS,
  wardPartyCommitteeId,
} from './ids.js';
export { abolitionOfDistrictsPlan, saiDongDissolutionPlan } from './reorganisations.js';
export { NEW_WARD_KEYS, type NewWardKey, OLD_WARD_KEYS, type OldWardKey } from './spec.js';
