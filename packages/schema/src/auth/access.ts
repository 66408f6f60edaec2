import DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import { preparedRead } from '../database/prepared-read.js';
import { modelFacts } from '../entities/data-model.js';
import { definitionOf, type EntityType, isEntityType } from '../entities/definitions.js';
import { notPartyWhere, placeWhere, type Territory } from '../entities/places.js';
import type { AdministrativeUnit, PrismaClient } from '../generated/prisma/client.js';
import { bilingualError } from '../graphql/bilingual-error.js';
import { fromDbDate, toDbDate } from '../store/db-dates.js';
import { SIGN_IN, signInMessage } from './credentials.js';
import { LOCATORS, type Location, PUBLIC_TYPES } from './locator.js';
import { conditionKey, isMarked } from './read-marks.js';
import { canWrite, isAdmin, isSignedIn, isTerritorial, seesPartyData, seesPersonalData, type Viewer } from './viewer.js';

type FindIds = { findMany(args: object): Promise<Array<{ id: string }>> };

/** Records whose changes move the territory itself (the place hierarchy). */
const TERRITORY_TYPES = new Set(['AdministrativeUnit', 'UnitParent']);
const DAY_MS = 86_400_000;

/**
 * Per-request access decisions, made in the schema layer so no client can go around them:
 * - territorial staff (district, ward) read and write only their territory: their unit and every
 *   unit below it today (units since ended count by where they were on their last day); they also
 *   read the units above theirs (names for breadcrumbs), nothing else;
 * - records that reveal party membership need a party-organisation role;
 * - unmasked citizen IDs and phones need a role that keeps the records, and each read is logged.
 */
export class Access {
  /** The territory's unit ids, read when a decision first needs them (most requests never do: SQL filters by scope and day). */
  private units: Promise<{ read: Set<string>; write: Set<string> }> | null = null;
  private on: string | null = null;
  private scopeRow: AdministrativeUnit | null = null;
  private readonly loaders = new Map<string, DataLoader<string, Location | undefined>>();
  private readonly readChecks = new Map<string, DataLoader<string, boolean>>();
  private readonly personalReads: Array<{ personId: string; field: string }> = [];
  /** Log writes scheduled or under way; a write leaves this set only when it has finished. */
  private readonly logWrites = new Set<Promise<void>>();
  private flushScheduled = false;
  private stale: 'records' | 'territory' | null = null;
  private refreshing: Promise<void> | null = null;
  /** `readWhere(type)` as read-marks.ts names it, per type: a row marked with it is readable without a statement. */
  private readonly readKeys = new Map<string, string>();

  /**
   * `scopeUnit`: the territorial viewer's scope unit as this request's session lookup read it
   * (sessions.ts), so the territory's day needs no statement; without it `load()` reads it.
   */
  constructor(
    private readonly prisma: PrismaClient,
    readonly viewer: Viewer,
    readonly today: string,
    private readonly requestId?: string,
    scopeUnit?: AdministrativeUnit | null,
  ) {
    if (isTerritorial(viewer) && scopeUnit?.id === viewer.scopeUnitId) this.setScope(scopeUnit);
  }

  /** Fixes the territory's day once per request (from the scope unit's row); call before execution. */
  async load(): Promise<this> {
    if (!isTerritorial(this.viewer) || this.on !== null) return this;
    await this.loadScope();
    return this;
  }

  private async loadScope(): Promise<void> {
    const viewer = this.viewer;
    if (!isTerritorial(viewer)) return;
    const row = await this.prisma.administrativeUnit.findUnique({ where: { id: viewer.scopeUnitId as string } });
    this.setScope(row);
  }

  /**
   * The day the territory is read as of: today; for a unit since ended (a district after 1/7/2025),
   * its last day, so its staff keep the area they were responsible for.
   */
  private setScope(row: AdministrativeUnit | null): void {
    this.scopeRow = row;
    const lastDay = row?.validTo ? fromDbDate(new Date(row.validTo.getTime() - DAY_MS)) : null;
    this.on = lastDay !== null && lastDay < this.today ? lastDay : this.today;
  }

  /**
   * The viewer's scope unit as this request read it (for `me { scopeUnit }`), when it is this unit;
   * null otherwise (the caller reads it).
   */
  scopeUnit(id: string): AdministrativeUnit | null {
    return this.scopeRow?.id === id ? this.scopeRow : null;
  }

  /**
   * A write of this request changed records of these types (its writer reports them after the
   * commit, read from the audit entries the transaction wrote): the next decision re-reads where records are, and the territory itself when
   * units or their parents changed — so a ward user sees the group they just created, and a
   * record moved out of their territory is no longer theirs within the same request.
   */
  noteChanges(entityTypes: readonly string[]): void {
    if (!entityTypes.length) return;
    if (this.stale !== 'territory') this.stale = 'records';
    if (entityTypes.some((t) => TERRITORY_TYPES.has(t))) this.stale = 'territory';
  }

  /**
   * Applies noted changes before a decision (after the write committed: decisions come after it).
   * Concurrent decisions wait for the same refresh.
   */
  private async fresh(): Promise<void> {
    if (this.stale) {
      const stale = this.stale;
      this.stale = null;
      this.refreshing = this.refresh(stale);
    }
    if (this.refreshing) await this.refreshing;
  }

  private async refresh(stale: 'records' | 'territory'): Promise<void> {
    this.loaders.clear();
    this.readChecks.clear();
    // Rows filtered before the write proved nothing about the territory after it.
    this.readKeys.clear();
    if (stale === 'territory' && isTerritorial(this.viewer)) {
      this.units = null;
      // The scope unit itself may have been ended by the write: its day is read again.
      await this.loadScope();
    }
  }

  /**
   * The territory's unit ids as of its day, read once per request and only by the decisions that
   * need a set (a write's places, a count's or a report's scope, a unit no list filtered): one
   * query on the unit closure (migration unit_closure): its own units (with ended ones where they
   * were on their last day: the closure's after-end rows) and, to read only, the units above.
   */
  private territorySets(): Promise<{ read: Set<string>; write: Set<string> }> {
    this.units ??= this.computeTerritory();
    return this.units;
  }

  private async computeTerritory(): Promise<{ read: Set<string>; write: Set<string> }> {
    const t = this.territory();
    if (!t) throw new Error('territorySets() of a viewer without territory');
    const on = fromDbDate(t.on);
    const rows = await this.prisma.$queryRaw<Array<{ id: string; above: boolean }>>`
      SELECT c.descendant_id::text AS id, false AS above FROM unit_closure c
        WHERE c.ancestor_id = ${t.scopeId}::uuid AND c.valid_from <= ${on}::date AND (c.valid_to IS NULL OR ${on}::date < c.valid_to)
      UNION ALL
      SELECT c.ancestor_id::text, true FROM unit_closure c
        WHERE c.descendant_id = ${t.scopeId}::uuid AND NOT c.after_end AND c.valid_from <= ${on}::date AND (c.valid_to IS NULL OR ${on}::date < c.valid_to)`;
    const write = new Set<string>([t.scopeId]);
    const read = new Set<string>([t.scopeId]);
    for (const r of rows) {
      read.add(r.id);
      if (!r.above) write.add(r.id);
    }
    return { read, write };
  }

  /** A territorial viewer's territory for list filters (scope and day, for SQL); null = all. */
  territory(): Territory | null {
    if (!isTerritorial(this.viewer)) return null;
    if (this.on === null) throw new Error('Access.load() was not awaited before execution');
    return { scopeId: this.viewer.scopeUnitId as string, on: toDbDate(this.on) };
  }

  get signedIn(): boolean {
    return isSignedIn(this.viewer);
  }

  get seesParty(): boolean {
    return seesPartyData(this.viewer);
  }

  get seesPersonal(): boolean {
    return seesPersonalData(this.viewer);
  }

  /** Unit ids a territorial viewer may write (own territory); null = all (admins). */
  async territoryUnits(): Promise<Set<string> | null> {
    if (!isTerritorial(this.viewer)) return null;
    await this.fresh();
    return (await this.territorySets()).write;
  }

  private locate(type: string, id: string): Promise<Location | undefined> {
    let loader = this.loaders.get(type);
    if (!loader) {
      const locator = LOCATORS[type];
      if (!locator) throw new Error(`No locator for ${type}`);
      loader = new DataLoader(async (ids) => {
        const found = await locator(this.prisma, ids);
        return ids.map((id) => found.get(id));
      });
      this.loaders.set(type, loader);
    }
    return loader.load(id);
  }

  /**
   * The condition a record of this type meets when the viewer may read it: at a place of their
   * territory (the unit closure, as of the territory's day) and, without party rights, revealing no
   * party membership. `{}` for viewers who read everything. Lists filter by it; `canRead` asks it
   * of the records a request meets, one statement per type per batch.
   */
  readWhere(type: EntityType): Record<string, unknown> {
    const and: Record<string, unknown>[] = [];
    const t = this.territory();
    if (t) and.push(placeWhere(type, t));
    const notParty = this.seesParty ? null : notPartyWhere(type);
    if (notParty) and.push(notParty);
    return and.length ? { AND: and } : {};
  }

  /**
   * A row a query returned under `readWhere(type)` (read-marks.ts); any row when that condition is
   * empty (a viewer without territory reading a type without a party condition: the row exists).
   */
  private marked(type: EntityType, row: object): boolean {
    let key = this.readKeys.get(type);
    if (key === undefined) {
      const where = this.readWhere(type);
      key = Object.keys(where).length ? conditionKey(type, where) : '';
      this.readKeys.set(type, key);
    }
    return key === '' || isMarked(row, key);
  }

  private readable(type: EntityType, id: string): Promise<boolean> {
    let loader = this.readChecks.get(type);
    if (!loader) {
      const delegate = (this.prisma as unknown as Record<string, FindIds>)[modelFacts(type).delegate];
      if (!delegate) throw new Error(`No delegate for ${type}`);
      loader = new DataLoader(async (ids) => {
        const rows = await delegate.findMany({ where: { AND: [{ id: { in: [...ids] } }, this.readWhere(type)] }, select: { id: true } });
        const open = new Set(rows.map((r) => r.id));
        return ids.map((x) => open.has(x));
      });
      this.readChecks.set(type, loader);
    }
    return loader.load(id);
  }

  /**
   * A place a territorial viewer meets outside a list that filtered it (a unit's parent, a person's
   * residence): the scope itself at once (the first branch of `unitReadable`); any other from the
   * territory's units, read once per request when the first such place is met (the same closure
   * rows on the same day as `unitReadable`; lists-match-read-check.test.ts holds them equal), so
   * however many levels of units a selection meets, they cost one statement at most.
   */
  private async unitReadable(id: string): Promise<boolean> {
    if (id === this.territory()?.scopeId) return true;
    return (await this.territorySets()).read.has(id);
  }

  /**
   * May the viewer read this record? Used by every object type (node, nested relations, lists).
   * `row`, the object a query returned, is readable without a statement when that query already
   * filtered it by `readWhere(type)` (read-marks.ts).
   */
  async canRead(type: string, id: string, row?: object): Promise<boolean> {
    if (!this.signedIn) return false;
    await this.fresh();
    if (PUBLIC_TYPES.has(type)) return true;
    // A type without a place (an account) is for administrators only.
    if (!LOCATORS[type] || !isEntityType(type)) return isAdmin(this.viewer);
    if (!isTerritorial(this.viewer) && this.seesParty) return true;
    // Every record of an always-party type reveals party membership.
    if (!this.seesParty && definitionOf(type).party === 'always') return false;
    if (row && this.marked(type, row)) return true;
    if (type === 'AdministrativeUnit' && isTerritorial(this.viewer)) return this.unitReadable(id);
    return this.readable(type, id);
  }

  /**
   * May the viewer write a record located at these existing records? All must be in a territorial
   * writer's territory; and a writer without party-organisation rights may neither change a record
   * that reveals party membership nor attach anything to a party body (a party membership's home
   * cell, a cell's members, a party committee's nominations are party work).
   */
  async canWriteAt(refs: ReadonlyArray<{ type: string; id: string }>): Promise<boolean> {
    if (!canWrite(this.viewer)) return false;
    if (!isTerritorial(this.viewer) && this.seesParty) return true;
    await this.fresh();
    const territory = isTerritorial(this.viewer) ? (await this.territorySets()).write : null;
    for (const ref of refs) {
      // A record with no place (an account) is for administrators only.
      if (!LOCATORS[ref.type]) return isAdmin(this.viewer);
      const at = await this.locate(ref.type, ref.id);
      if (!at) return false;
      if (!this.seesParty && (at.party || at.partyBody)) return false;
      if (territory && !at.units.some((u) => territory.has(u))) return false;
    }
    return true;
  }

  /** Whether any of these organisation ids is a party body (a cell, a committee); unknown ids are not. */
  async namesPartyBody(ids: readonly string[]): Promise<boolean> {
    if (!ids.length) return false;
    await this.fresh();
    const found = await Promise.all(ids.map((id) => this.locate('Organization', id)));
    return found.some((at) => at?.partyBody === true);
  }

  async assertWritable(refs: ReadonlyArray<{ type: string; id: string }>): Promise<void> {
    if (!(await this.canWriteAt(refs))) throw forbidden();
  }

  /** Records a read of an unmasked personal detail; written in one batch per tick. */
  logPersonalRead(personId: string, field: string): void {
    if (this.viewer.kind !== 'account') return;
    this.personalReads.push({ personId, field });
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const write = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
    this.logWrites.add(write);
    // Leaves the set when done either way; a failure reaches whoever awaits settled().
    write.then(
      () => this.logWrites.delete(write),
      () => this.logWrites.delete(write),
    );
  }

  /** Writes pending read-log entries (the gateway awaits settled() before answering). */
  async flush(): Promise<void> {
    const viewer = this.viewer;
    const batch = this.personalReads.splice(0);
    this.flushScheduled = false;
    if (!batch.length || viewer.kind !== 'account') return;
    // One prepared statement, not Prisma's createMany: a page of people logs dozens of reads on
    // every request, and compiling that insert was the largest part of the people search's gateway
    // CPU (tests/bench/README.md). The columns' defaults (id, at) are the table's, as with Prisma.
    await preparedRead(this.prisma, LOG_READS_SQL, [
      viewer.accountId,
      batch.map((r) => r.personId),
      batch.map((r) => r.field),
      this.requestId ?? null,
    ]);
  }

  /** Resolves once every read logged so far is written, including writes already under way. */
  async settled(): Promise<void> {
    while (this.logWrites.size) await Promise.all(this.logWrites);
  }
}

const LOG_READS_SQL = `INSERT INTO "personal_data_reads" (account_id, person_id, field, request_id)
  SELECT $1::uuid, r.person_id, r.field, $4::text FROM unnest($2::uuid[], $3::text[]) AS r(person_id, field)`;

/** A read that names a party body, kind or status, by a viewer without party rights. */
export function partyDataForbidden(): GraphQLError {
  return bilingualError('FORBIDDEN', {
    vi: 'Chỉ cán bộ tổ chức đảng được lọc, đếm theo chi bộ, đảng ủy hoặc đảng tịch.',
    en: 'Only party-organisation staff may filter or count by a party cell, a party committee or party membership.',
  });
}

export function forbidden(): GraphQLError {
  return bilingualError('FORBIDDEN', {
    vi: 'Bạn không có quyền truy cập dữ liệu này.',
    en: 'You are not allowed to access this data.',
  });
}

/** Sign-in required: why the request has no session (credentials.ts) and how to sign in, in the message and in `extensions.signIn`. */
export function unauthenticated(viewer?: Viewer): GraphQLError {
  const credential = (viewer?.kind === 'anonymous' ? viewer.credential : undefined) ?? 'MISSING';
  return bilingualError('UNAUTHENTICATED', signInMessage(credential), { credential, signIn: SIGN_IN });
}
