import { useQuery } from '@apollo/client/react';
import type { IsoDate } from '@coso/domain';
import { Select } from 'antd';
import { useState } from 'react';
import { useMessages } from '../i18n/language';
import { reportMessages } from '../i18n/messages/report';
import { unitLabel } from '../lists/record-links';
import { ReportScopeOptionsDocument } from './report-documents';

export interface ScopePickerProps {
  id: string;
  asOf: IsoDate;
  value: string | undefined;
  onChange(scopeId: string): void;
}

/**
 * The place a report is made for: the current one, or another found by name on the report date
 * (the server searches without diacritics, and within the account's territory only).
 */
export function ScopePicker({ id, asOf, value, onChange }: ScopePickerProps) {
  const { t } = useMessages(reportMessages);
  const [search, setSearch] = useState('');
  const { data, previousData, loading } = useQuery(ReportScopeOptionsDocument, {
    variables: { asOf, scopeId: value ?? '', search: search.trim(), searching: search.trim() !== '' },
    skip: !value && search.trim() === '',
  });
  const shown = data ?? previousData;
  const current = shown?.current && 'name' in shown.current ? shown.current : null;
  const options = new Map<string, string>();
  if (value) options.set(value, current ? unitLabel(current) : t('common.loading'));
  for (const unit of shown?.units?.nodes ?? []) options.set(unit.id, unitLabel(unit));
  return (
    <Select<string>
      id={id}
      style={{ width: 260 }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={loading}
      value={value}
      placeholder={t('report.scopePlaceholder')}
      notFoundContent={search.trim() ? t('report.scopeNotFound') : null}
      onChange={(next) => {
        setSearch('');
        onChange(next);
      }}
      options={[...options].map(([unitId, label]) => ({ value: unitId, label }))}
    />
  );
}
