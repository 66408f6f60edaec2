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
import { readState } from '../store/state-tables.js';

/**
 * The directive report and the findings, computed by the domain's reference definitions over the
 * stored records (the same functions other teams use), so the API's figures are the domain's by
 * construction. The whole state is read per call: about 10 000 rows for Long Biên, well under a
 * second; a set-based SQL version, proven against this reference on generated data, is the next
 * step if a city-wide scope needs it.
 */
export async function storedDirectiveReport(prisma: PrismaClient, query: DirectiveReportQuery): Promise<Result<DirectiveReport>> {
  return directiveReport(await readState(prisma), query);
}

export async function storedFindings(prisma: PrismaClient, query: FindingsQuery): Promise<Result<Finding[]>> {
  return computeFindings(await readState(prisma), query);
}

/** Figures whose records would reveal who is a party member: their drill-down needs party-data rights. */
export const PARTY_FIGURES = new Set([
  'politicalSystemPeopleOnBoards',
  'partyMembersOnBoards',
  'residenceContactMembersIntroduced',
  'nominatedPartyMembers',
]);
