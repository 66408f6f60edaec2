import {
  addYears,
  type DomainState,
  type Id,
  type IsoDate,
  type MassOrganization,
  type Membership,
  type OrganizationKind,
  type PartyStatus,
  type Person,
  type Role,
  type Sex,
} from '@coso/domain';
import { IdentityRegistry } from './identity.js';
import { vietnameseName } from './names.js';
import { Random } from './random.js';

/** Options of a new person: sex (random when left out), birth-year range, residence. */
export interface PersonOptions {
  sex?: Sex;
  /** Probability of MALE when `sex` is left out. */
  male?: number;
  born: readonly [number, number];
  residenceUnitId: Id;
}

/**
 * The state being built, with readable sequential ids (`person-0001`) and one random stream per
 * part. Records are pushed in a fixed order, so the output is byte-identical on every run.
 */
export class DatasetBuilder {
  private readonly counters = new Map<string, number>();
  private readonly peopleRng = Random.forPart('people');
  private readonly identities = new IdentityRegistry(Random.forPart('identities'));
  private readonly peopleById = new Map<Id, Person>();
  private readonly names = new Set<string>();

  constructor(readonly state: DomainState) {}

  /** `prefix-0001`, `prefix-0002`, … */
  nextId(prefix: string): Id {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${String(n).padStart(4, '0')}`;
  }

  person(options: PersonOptions): Person {
    const rng = this.peopleRng;
    const sex: Sex = options.sex ?? (rng.chance(options.male ?? 0.5) ? 'MALE' : 'FEMALE');
    const birthYear = rng.int(options.born[0], options.born[1]);
    const birthDate = rng.dateBetween(`${birthYear}-01-01`, `${birthYear}-12-31`);
    // Names repeat in real life; here each is unique, so that a search or a list never shows two people alike.
    let fullName = vietnameseName(rng, sex, birthYear);
    while (this.names.has(fullName)) fullName = vietnameseName(rng, sex, birthYear);
    this.names.add(fullName);
    const person: Person = {
      id: this.nextId('person'),
      fullName,
      sex,
      birthDate,
      birthYear,
      citizenId: this.identities.citizenId(birthYear, sex),
      phone: this.identities.mobile(),
      residenceUnitId: options.residenceUnitId,
    };
    this.state.people.push(person);
    this.peopleById.set(person.id, person);
    return person;
  }

  personById(id: Id): Person {
    const p = this.peopleById.get(id);
    if (!p) throw new Error(`sample data: no person ${id}`);
    return p;
  }

  organization(
    id: Id,
    kind: OrganizationKind,
    name: string,
    validFrom: IsoDate,
    options: { parentId?: Id; unitIds?: readonly Id[]; buildingId?: Id; complexId?: Id; massOrganization?: MassOrganization } = {},
  ): Id {
    this.state.organizations.push({
      id,
      kind,
      name: name.normalize('NFC'),
      validFrom,
      validTo: null,
      ...(options.massOrganization ? { massOrganization: options.massOrganization } : {}),
      ...(options.buildingId ? { buildingId: options.buildingId } : {}),
      ...(options.complexId ? { complexId: options.complexId } : {}),
    });
    if (options.parentId) this.parent(id, options.parentId, validFrom);
    for (const unitId of options.unitIds ?? []) this.area(id, unitId, validFrom);
    return id;
  }

  parent(organizationId: Id, parentId: Id, validFrom: IsoDate): void {
    this.state.organizationParents.push({ id: `parent-of-${organizationId}`, organizationId, parentId, validFrom, validTo: null });
  }

  area(organizationId: Id, unitId: Id, validFrom: IsoDate): void {
    this.state.organizationAreas.push({ id: this.nextId('area'), organizationId, unitId, validFrom, validTo: null });
  }

  post(organizationId: Id, role: Role, label: string, validFrom: IsoDate): Id {
    const id = `post-${role.toLowerCase().replaceAll('_', '-')}-${organizationId}`;
    this.state.posts.push({ id, organizationId, role, label: label.normalize('NFC'), validFrom, validTo: null });
    return id;
  }

  membership(
    personId: Id,
    organizationId: Id,
    role: Role,
    validFrom: IsoDate,
    validTo: IsoDate | null = null,
    extra: { postId?: Id; buildingId?: Id } = {},
  ): Membership {
    const m: Membership = {
      id: this.nextId('membership'),
      personId,
      organizationId,
      role,
      validFrom,
      validTo,
      ...(extra.postId ? { postId: extra.postId } : {}),
      ...(extra.buildingId ? { buildingId: extra.buildingId } : {}),
    };
    this.state.memberships.push(m);
    return m;
  }

  /**
   * Party membership from `validFrom`. A probationary member becomes official 12 months after
   * admission: the probationary record ends then and an official one starts (history is kept).
   */
  partyMembership(
    personId: Id,
    homeCellId: Id,
    validFrom: IsoDate,
    status: PartyStatus,
    admittedOn: IsoDate,
    validTo: IsoDate | null = null,
  ): void {
    if (status === 'PROBATIONARY') {
      const officialOn = addYears(admittedOn, 1);
      const endsProbation = validTo === null || officialOn < validTo;
      this.state.partyMemberships.push({
        id: this.nextId('party'),
        personId,
        status: 'PROBATIONARY',
        homeCellId,
        admittedOn,
        validFrom,
        validTo: endsProbation ? officialOn : validTo,
      });
      if (endsProbation) {
        this.state.partyMemberships.push({
          id: this.nextId('party'),
          personId,
          status: 'OFFICIAL',
          homeCellId,
          admittedOn,
          validFrom: officialOn,
          validTo,
        });
      }
      return;
    }
    this.state.partyMemberships.push({ id: this.nextId('party'), personId, status, homeCellId, admittedOn, validFrom, validTo });
  }
}
