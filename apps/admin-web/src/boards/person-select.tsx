import { useQuery } from '@apollo/client/react';
import { type IsoDate, matchesSearch } from '@coso/domain';
import { Select, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import { useMessages } from '../i18n/language';
import { boardsMessages } from '../i18n/messages/boards';
import { useDebouncedSearch } from '../lists/use-debounced-search';
import { BoardPeopleSearchDocument } from './board-documents';

/** A person as the picker shows them. */
export interface KnownPerson {
  id: string;
  fullName: string;
  birthYear?: number | null;
  /** Why they are offered first (the apartment they own), if they are. */
  note?: string | null;
}

export const personLabel = (p: KnownPerson) => (p.birthYear ? `${p.fullName} (${p.birthYear})` : p.fullName);

export interface PersonSelectProps {
  id?: string;
  value?: string | null;
  onChange?(value: string | null): void;
  label: string;
  asOf: IsoDate;
  /** Offered first, filtered as the user types: the building's owners (only owners may sit on a board). */
  owners: readonly KnownPerson[];
  /** Every person the page has seen, so a chosen person keeps their name when the search moves on. */
  known: ReadonlyMap<string, KnownPerson>;
  onFound(people: readonly KnownPerson[]): void;
  status?: 'error';
}

/**
 * Picks a person: the building's owners first, then anyone the server finds by name (every
 * word, diacritics optional) once two letters are typed.
 */
export function PersonSelect({ id, value, onChange, label, asOf, owners, known, onFound, status }: PersonSelectProps) {
  const { t } = useMessages(boardsMessages);
  const { typed, setTyped, search } = useDebouncedSearch();
  const { data, loading } = useQuery(BoardPeopleSearchDocument, { variables: { search, asOf }, skip: search.length < 2 });
  const found = useMemo(() => (search.length < 2 ? [] : (data?.people.nodes ?? [])), [data, search]);
  useEffect(() => {
    if (found.length > 0) onFound(found);
  }, [found, onFound]);

  const ownerIds = new Set(owners.map((o) => o.id));
  const ownerOptions = owners
    .filter((o) => !typed.trim() || matchesSearch(o.fullName, typed))
    .map((o) => ({ value: o.id, label: personLabel(o), title: personLabel(o) }));
  const foundOptions = found
    .filter((p) => !ownerIds.has(p.id))
    .map((p) => {
      const text = personLabel(p);
      return { value: p.id, label: p.residenceUnit ? `${text} — ${p.residenceUnit.name}` : text, title: text };
    });
  const chosen = value ? known.get(value) : undefined;
  const listed = new Set([...ownerOptions, ...foundOptions].map((o) => o.value));
  const options = [
    ...(chosen && !listed.has(chosen.id) ? [{ value: chosen.id, label: personLabel(chosen), title: personLabel(chosen) }] : []),
    ...(ownerOptions.length ? [{ label: t('boards.picker.owners'), title: t('boards.picker.owners'), options: ownerOptions }] : []),
    ...(foundOptions.length ? [{ label: t('boards.picker.found'), title: t('boards.picker.found'), options: foundOptions }] : []),
  ];

  return (
    <Select<string>
      id={id}
      aria-label={label}
      placeholder={t('boards.picker.placeholder')}
      value={value ?? undefined}
      onChange={(next) => {
        setTyped('');
        onChange?.(next ?? null);
      }}
      allowClear
      status={status}
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onBlur={() => setTyped('')}
      options={options}
      notFoundContent={
        loading ? <Spin size="small" /> : typed.trim().length < 2 ? t('boards.picker.typeToSearch') : t('boards.picker.nobody')
      }
    />
  );
}
