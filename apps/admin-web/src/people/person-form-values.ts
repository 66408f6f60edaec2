import { type CreatePersonInput, createPersonInput, type IsoDate, parseInput, type Result, type Sex } from '@coso/domain';

/** The form's fields: those of createPersonInput / updatePersonInput in @coso/domain. */
export const PERSON_FORM_FIELDS = ['fullName', 'sex', 'birthYear', 'birthDate', 'citizenId', 'phone', 'residenceUnitId'] as const;
export type PersonFormField = (typeof PERSON_FORM_FIELDS)[number];

/** What the antd form holds: plain values (dates as ISO strings), blanks as the user left them. */
export interface PersonFormValues {
  fullName?: string;
  sex?: Sex;
  birthYear?: number | null;
  birthDate?: IsoDate | null;
  citizenId?: string;
  phone?: string;
  residenceUnitId?: string | null;
}

/** The person as the server gave it (residence as its global id). */
export interface PersonRecord {
  id: string;
  version: number;
  fullName: string;
  sex: Sex;
  birthYear: number;
  birthDate: IsoDate | null;
  citizenId: string | null;
  phone: string | null;
  residenceUnit: { id: string } | null;
}

export function personFormValues(person: PersonRecord): PersonFormValues {
  return {
    fullName: person.fullName,
    sex: person.sex,
    birthYear: person.birthYear,
    birthDate: person.birthDate,
    citizenId: person.citizenId ?? '',
    phone: person.phone ?? '',
    residenceUnitId: person.residenceUnit?.id ?? null,
  };
}

/** The form's values as the domain schema reads them: a cleared number is missing, not null. */
function asInput(values: PersonFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of PERSON_FORM_FIELDS) {
    const value = values[field];
    if (value !== undefined && !(field === 'birthYear' && value === null)) input[field] = value;
  }
  return input;
}

/**
 * The form checked by the same zod schema the server runs (names normalised, citizen ID compacted
 * and checked against birth year and sex, mobile normalised). An edit is checked whole, with the
 * create schema, because the server checks the merged record that way: a required field the user
 * cleared is reported, not silently left unchanged.
 */
export function validatePerson(values: PersonFormValues): Result<CreatePersonInput> {
  return parseInput(createPersonInput, asInput(values));
}

/**
 * What an update sends: the checked values that differ from the record as last read (null clears
 * a field). Comparing with the record read last means a reload after a conflict keeps what the
 * user typed and sends it against the new version.
 */
export function personChanges(parsed: CreatePersonInput, record: PersonRecord): PersonChanges {
  const before = personFormValues(record);
  const changes: Record<string, unknown> = {};
  for (const field of PERSON_FORM_FIELDS) {
    const next = parsed[field] ?? null;
    const previous = before[field] === '' || before[field] === undefined ? null : before[field];
    if (previous !== next) changes[field] = next;
  }
  return changes as PersonChanges;
}

/** The fields an update changes; null clears one. */
export type PersonChanges = { [K in PersonFormField]?: CreatePersonInput[K] | null };
