import type { Organization, OrganizationKind } from '../model/bodies.js';
import type { AdministrativeUnit, Id, UnitKind } from '../model/places.js';
import type { DomainState } from '../model/state.js';
import type { IsoDate } from '../time/dates.js';
import { isActiveOn } from '../time/period.js';

/** The part of the state the place hierarchy needs. */
export type PlacesState = Pick<DomainState, 'units' | 'unitCodes' | 'unitParents'>;

/** The part of the state the body hierarchy needs. */
export type BodiesState = Pick<DomainState, 'organizations' | 'organizationParents' | 'organizationAreas'>;

/**
 * Resolves the hierarchy of places as of any date. Build once per state; the indexes make
 * `childrenOf`, `ancestorsOf` and `unitByCode` cheap enough to call per row in reports.
 */
export class PlaceHierarchy {
  private readonly unitsById = new Map<Id, AdministrativeUnit>();
  private readonly parentLinksByChild = new Map<Id, DomainState['unitParents']>();
  private readonly childLinksByParent = new Map<Id, DomainState['unitParents']>();
  private readonly codesByUnit = new Map<Id, DomainState['unitCodes']>();
  private readonly codesByCode = new Map<string, DomainState['unitCodes']>();

  constructor(private readonly state: PlacesState) {
    for (const u of state.units) this.unitsById.set(u.id, u);
    for (const link of state.unitParents) {
      push(this.parentLinksByChild, link.unitId, link);
      push(this.childLinksByParent, link.parentId, link);
    }
    for (const c of state.unitCodes) {
      push(this.codesByUnit, c.unitId, c);
      push(this.codesByCode, c.code, c);
    }
  }

  unit(id: Id): AdministrativeUnit | undefined {
    return this.unitsById.get(id);
  }

  /** The unit if it exists on `on`. */
  unitOn(id: Id, on: IsoDate): AdministrativeUnit | undefined {
    const u = this.unitsById.get(id);
    return u && isActiveOn(u, on) ? u : undefined;
  }

  /** All units alive on `on`, optionally of one kind. */
  unitsOn(on: IsoDate, kind?: UnitKind): AdministrativeUnit[] {
    return this.state.units.filter((u) => isActiveOn(u, on) && (kind === undefined || u.kind === kind));
  }

  parentIdOf(id: Id, on: IsoDate): Id | null {
    const link = (this.parentLinksByChild.get(id) ?? []).find((l) => isActiveOn(l, on));
    return link ? link.parentId : null;
  }

  parentOf(id: Id, on: IsoDate): AdministrativeUnit | undefined {
    const pid = this.parentIdOf(id, on);
    return pid === null ? undefined : this.unitOn(pid, on);
  }

  /** Children alive on `on` whose parent link is valid on `on`. */
  childrenOf(id: Id, on: IsoDate, kind?: UnitKind): AdministrativeUnit[] {
    const out: AdministrativeUnit[] = [];
    for (const link of this.childLinksByParent.get(id) ?? []) {
      if (!isActiveOn(link, on)) continue;
      const child = this.unitOn(link.unitId, on);
      if (child && (kind === undefined || child.kind === kind)) out.push(child);
    }
    return out;
  }

  /** Parent, grandparent, … up to the root, nearest first. Stops on a cycle. */
  ancestorsOf(id: Id, on: IsoDate): AdministrativeUnit[] {
    const out: AdministrativeUnit[] = [];
    const seen = new Set<Id>([id]);
    let current = this.parentOf(id, on);
    while (current && !seen.has(current.id)) {
      out.push(current);
      seen.add(current.id);
      current = this.parentOf(current.id, on);
    }
    return out;
  }

  /** Every unit below `id` on `on` (not including it), depth-first, optionally of one kind. */
  descendantsOf(id: Id, on: IsoDate, kind?: UnitKind): AdministrativeUnit[] {
    const out: AdministrativeUnit[] = [];
    const seen = new Set<Id>([id]);
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop() as Id;
      for (const child of this.childrenOf(next, on)) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        stack.push(child.id);
        if (kind === undefined || child.kind === kind) out.push(child);
      }
    }
    return out;
  }

  /** True when `id` is `scopeId` or lies below it on `on`. */
  isWithin(id: Id, scopeId: Id, on: IsoDate): boolean {
    if (id === scopeId) return true;
    return this.ancestorsOf(id, on).some((a) => a.id === scopeId);
  }

  /** The nearest unit of `kind` at or above `id` on `on` (e.g. the ward of a residential group). */
  enclosingOfKind(id: Id, kinds: readonly UnitKind[], on: IsoDate): AdministrativeUnit | undefined {
    const self = this.unitOn(id, on);
    if (self && kinds.includes(self.kind)) return self;
    return this.ancestorsOf(id, on).find((a) => kinds.includes(a.kind));
  }

  codeOf(id: Id, on: IsoDate): string | null {
    const c = (this.codesByUnit.get(id) ?? []).find((x) => isActiveOn(x, on));
    return c ? c.code : null;
  }

  /** Which unit a code meant on a date (00118: Ngọc Thụy before 1/7/2025, Bồ Đề after). */
  unitByCode(code: string, on: IsoDate): AdministrativeUnit | undefined {
    const c = (this.codesByCode.get(code) ?? []).find((x) => isActiveOn(x, on));
    return c ? this.unit(c.unitId) : undefined;
  }
}

/**
 * Resolves bodies as of a date: which bodies serve a place, sub-organisations, and the body of a
 * kind that serves a place (the party cell of a residential group).
 */
export class BodyHierarchy {
  private readonly orgsById = new Map<Id, Organization>();
  private readonly areasByUnit = new Map<Id, DomainState['organizationAreas']>();
  private readonly areasByOrg = new Map<Id, DomainState['organizationAreas']>();
  private readonly parentLinksByOrg = new Map<Id, DomainState['organizationParents']>();
  private readonly childLinksByOrg = new Map<Id, DomainState['organizationParents']>();

  constructor(private readonly state: BodiesState) {
    for (const o of state.organizations) this.orgsById.set(o.id, o);
    for (const a of state.organizationAreas) {
      push(this.areasByUnit, a.unitId, a);
      push(this.areasByOrg, a.organizationId, a);
    }
    for (const p of state.organizationParents) {
      push(this.parentLinksByOrg, p.organizationId, p);
      push(this.childLinksByOrg, p.parentId, p);
    }
  }

  organization(id: Id): Organization | undefined {
    return this.orgsById.get(id);
  }

  organizationOn(id: Id, on: IsoDate): Organization | undefined {
    const o = this.orgsById.get(id);
    return o && isActiveOn(o, on) ? o : undefined;
  }

  organizationsOn(on: IsoDate, kind?: OrganizationKind): Organization[] {
    return this.state.organizations.filter((o) => isActiveOn(o, on) && (kind === undefined || o.kind === kind));
  }

  /** Bodies alive on `on` that serve the place `unitId` on `on`. */
  servingUnit(unitId: Id, on: IsoDate, kind?: OrganizationKind): Organization[] {
    const out: Organization[] = [];
    for (const a of this.areasByUnit.get(unitId) ?? []) {
      if (!isActiveOn(a, on)) continue;
      const o = this.organizationOn(a.organizationId, on);
      if (o && (kind === undefined || o.kind === kind) && !out.includes(o)) out.push(o);
    }
    return out;
  }

  /** Places a body serves on `on`. */
  areasOf(organizationId: Id, on: IsoDate): Id[] {
    return (this.areasByOrg.get(organizationId) ?? []).filter((a) => isActiveOn(a, on)).map((a) => a.unitId);
  }

  parentIdOf(organizationId: Id, on: IsoDate): Id | null {
    const link = (this.parentLinksByOrg.get(organizationId) ?? []).find((l) => isActiveOn(l, on));
    return link ? link.parentId : null;
  }

  subOrganizationsOf(organizationId: Id, on: IsoDate, kind?: OrganizationKind): Organization[] {
    const out: Organization[] = [];
    for (const link of this.childLinksByOrg.get(organizationId) ?? []) {
      if (!isActiveOn(link, on)) continue;
      const o = this.organizationOn(link.organizationId, on);
      if (o && (kind === undefined || o.kind === kind)) out.push(o);
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
