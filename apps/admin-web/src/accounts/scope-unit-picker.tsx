import { useQuery } from '@apollo/client/react';
import { todayInVietnam } from '@coso/domain';
import { Select } from 'antd';
import { useState } from 'react';
import { useMessages } from '../i18n/language';
import { accountsMessages } from '../i18n/messages/accounts';
import { unitLabel } from '../lists/record-links';

import { ScopeUnitOptionsDocument } from './accounts-documents';

export interface ScopeUnitPickerProps {
  id?: string;
  value?: string | null;
  onChange?(value: string | null): void;
  /** The account's current territory, shown while the options load or when it has ended. */
  current?: { id: string; name: string; kindLabel: string | null } | null;
}

/** A territory: a province, district, ward or commune alive today, found by server search (diacritics optional). */
export function ScopeUnitPicker({ id, value, onChange, current }: ScopeUnitPickerProps) {
  const { t } = useMessages(accountsMessages);
  const [search, setSearch] = useState('');
  const { data, loading } = useQuery(ScopeUnitOptionsDocument, { variables: { asOf: todayInVietnam(), search: search || null } });
  const options = (data?.units.nodes ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: unitLabel(current) });
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      placeholder={t('accounts.form.scopePlaceholder')}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      notFoundContent={loading ? t('common.loading') : t('accounts.form.scopeNone')}
    />
  );
}
