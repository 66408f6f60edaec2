import {
  computeFindings,
  type DirectiveReport,
  type DirectiveReportQuery,
  directiveReport,
  type Finding,
  type FindingsQuery,
  type Result,
} from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { readScopedState } from './scoped-state.js';

/**
 * The directive report and the findings, computed by the domain's reference definitions over the
 * stored records (the same functions other teams use), so the API's figures are the domain's by
 * construction. Only the scope's part of the state is read (`scoped-state.ts`, proven to give the
 * whole state's answers); set-based SQL, proven against this reference on generated data, is the
 * next step for city-wide scopes.
 */
export async function storedDirectiveReport(prisma: PrismaClient, query: DirectiveReportQuery): Promise<Result<DirectiveReport>> {
  return directiveReport(await readScopedState(prisma, query.scopeUnitId), query);
}

export async function storedFindings(prisma: PrismaClient, query: FindingsQuery): Promise<Result<Finding[]>> {
  return computeFindings(await readScopedState(prisma, query.scopeUnitId), query);
}

/**
 * Party figures: counts of who is a party member (or holds a party post) among people a reader
 * can see. Their records (who) need party-data rights; for other readers their values are given
 * only where the review article publishes them: totals at district or city level (43 party members
 * on boards, 22 Regulation 213 members, 65 / 29 political-system people), and the ward committees'
 * nominations by ward (Giang Biên 35, Phúc Đồng 10). See API.md, "Party data and personal data".
 */
export const PARTY_FIGURES = new Set([
  'politicalSystemPeopleOnBoards',
  'partyMembersOnBoards',
  // Its people include cell secretaries and committee members: who they are is party data.
  'politicalSystemMembersOnBoards',
  'residenceContactMembersIntroduced',
  'nominatedPartyMembers',
]);

/** Party figures whose per-ward values the article publishes (each ward committee's nominations). */
export const PARTY_FIGURES_PUBLISHED_BY_WARD = new Set(['nominatedPartyMembers']);

/**
 * Findings that state a party fact about a body or its people: how many official members a cell
 * has (fewer than the Charter's minimum), that none of a board's members is a party member or
 * political-system member. Party-organisation roles only.
 */
export const PARTY_FINDINGS: ReadonlySet<string> = new Set(['CELL_MIN_OFFICIAL_MEMBERS', 'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER']);
