import { useQuery } from '@apollo/client/react';
import type { IsoDate } from '@coso/domain';
import { Select, Spin } from 'antd';
import type { UnitKind } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { recordsMessages } from '../i18n/messages/records';
import { unitLabel } from '../lists/record-links';
import { useDebouncedSearch } from '../lists/use-debounced-search';
import { UnitPickerOptionsDocument } from './unit-picker-documents';

export interface UnitOption {
  id: string;
  name: string;
  kindLabel?: string | null;
  parent?: { name: string; kindLabel?: string | null } | null;
}

/** "Tổ dân phố số 5 — Phường Giang Biên": group names repeat across wards, so the parent tells them apart. */
export function unitOptionLabel(unit: UnitOption): string {
  const own = unitLabel(unit);
  const parent = unit.parent ? unitLabel(unit.parent) : '';
  return parent ? `${own} — ${parent}` : own;
}

export interface UnitPickerProps {
  id?: string;
  value?: string | null;
  onChange?(value: string | null): void;
  asOf: IsoDate;
  kind?: UnitKind;
  /** The unit the value names when the form opens (its label is not in any search result yet). */
  initial?: UnitOption | null;
  placeholder?: string;
  status?: 'error' | 'warning' | '';
}

/**
 * Picks a unit by typing part of its name: the server searches (every word, diacritics
 * optional), 50 answers at a time. Works as an antd form control (value/onChange).
 */
export function UnitPicker({ id, value, onChange, asOf, kind, initial, placeholder, status }: UnitPickerProps) {
  const { t } = useMessages(recordsMessages);
  const { setTyped, search } = useDebouncedSearch();
  const { data, previousData, loading } = useQuery(UnitPickerOptionsDocument, {
    variables: { asOf, search, kind },
    skip: search === '',
  });
  const found = (data ?? previousData)?.units.nodes ?? [];
  const options = found.map((u) => ({ value: u.id, label: unitOptionLabel(u) }));
  if (initial && value === initial.id && !options.some((o) => o.value === initial.id)) {
    options.unshift({ value: initial.id, label: unitOptionLabel(initial) });
  }
  return (
    <Select<string>
      id={id}
      status={status}
      allowClear
      // 50 options at most: all rendered, so the one wanted can be scrolled to (and found by tests).
      virtual={false}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={placeholder ?? t('records.unitPicker.placeholder')}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      notFoundContent={
        loading ? <Spin size="small" /> : search === '' ? t('records.unitPicker.typeToSearch') : t('records.unitPicker.none')
      }
    />
  );
}
