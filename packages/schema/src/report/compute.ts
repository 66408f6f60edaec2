import type { DirectiveReport, DirectiveReportQuery, Finding, FindingsQuery, Result } from '@coso/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { sqlFindings } from './sql-findings.js';
import { sqlDirectiveReport } from './sql-report.js';

/**
 * The directive report, computed by the database for the scope and period asked (`sql-report.ts`:
 * set-based statements, held to the domain's definitions by a differential property test on
 * generated states), so memory follows the answer, not the city. Stops issuing statements once
 * `signal` is aborted.
 */
export async function storedDirectiveReport(
  prisma: PrismaClient,
  query: DirectiveReportQuery,
  signal?: AbortSignal,
): Promise<Result<DirectiveReport>> {
  return sqlDirectiveReport(prisma, query, signal);
}

/**
 * The findings, computed by the database for the scope and date asked (`sql-findings.ts`: one
 * set-based statement, held to the domain's checks by a differential property test on generated
 * states), worded by the domain.
 */
export async function storedFindings(prisma: PrismaClient, query: FindingsQuery, signal?: AbortSignal): Promise<Result<Finding[]>> {
  return sqlFindings(prisma, query, signal);
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
