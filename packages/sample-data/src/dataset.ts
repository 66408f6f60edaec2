import type { BoardTerm, DomainState } from '@coso/domain';
import { Boards } from './boards.js';
import { DatasetBuilder } from './builder.js';
import { buildingsAndBoards } from './buildings.js';
import { DirectiveWork } from './directive-work.js';
import { PoliticalSystems } from './political-system.js';
import { abolitionOfDistrictsPlan, applyPlan, saiDongDissolutionPlan } from './reorganisations.js';
import { planSeats } from './seats.js';
import { bodies, places } from './structure.js';

interface Built {
  state: DomainState;
  /** Board terms recognised by the new wards' People's Committees, which exist only after 1/7/2025. */
  laterTerms: BoardTerm[];
}

function build(): Built {
  const b = new DatasetBuilder(places());
  bodies(b);
  const { buildings, boards } = buildingsAndBoards(b);
  const planned = planSeats(boards);
  new PoliticalSystems(b, planned).build();
  const built = new Boards(b, planned).build(boards);
  new DirectiveWork(b, planned, built, buildings).build();
  return { state: b.state, laterTerms: built.flatMap((x) => x.laterTerms) };
}

/**
 * Long Biên before the 2025 reorganisations: everything recorded up to then (the 2022 review and
 * the later records that do not depend on the 2025 bodies), with the hierarchy of 2003–2024.
 * Pure and deterministic: every call returns an equal, fresh state.
 */
export function longBien2022DatasetBeforeReorganisations(): DomainState {
  return build().state;
}

/**
 * The sample dataset: Long Biên district as its 01/12/2022 review of Directive 05-TT/QU saw it, on
 * the real 2003–2025 hierarchy, with the two 2025 reorganisations applied through
 * `applyReorganisation` (Sài Đồng dissolved on 1/1/2025; districts abolished on 1/7/2025, all 222
 * groups moved to the new wards under Hà Nội). Pure and deterministic: every call returns an
 * equal, fresh state.
 */
export function longBien2022Dataset(): DomainState {
  const { state, laterTerms } = build();
  const afterSaiDong = applyPlan(state, saiDongDissolutionPlan(state));
  const after = applyPlan(afterSaiDong, abolitionOfDistrictsPlan(afterSaiDong));
  return { ...after, boardTerms: [...after.boardTerms, ...laterTerms] };
}
