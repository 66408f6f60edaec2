import { useQuery } from '@apollo/client/react';
import type { IsoDate } from '@coso/domain';
import { Select, Spin } from 'antd';
import { useMessages } from '../i18n/language';
import { boardsMessages } from '../i18n/messages/boards';
import { useDebouncedSearch } from '../lists/use-debounced-search';
import { BuildingsWithoutBoardDocument } from './board-documents';

export interface BuildingSelectProps {
  id?: string;
  value?: string | null;
  onChange?(value: string | null): void;
  asOf: IsoDate;
  /** The chosen building's name, when it is known before any search (preselected from the address). */
  chosenName?: string | null;
  status?: 'error';
}

/** Picks a building that has no board on the date, searched on the server by name. */
export function BuildingSelect({ id, value, onChange, asOf, chosenName, status }: BuildingSelectProps) {
  const { t } = useMessages(boardsMessages);
  const { typed, setTyped, search } = useDebouncedSearch();
  const { data, previousData, loading } = useQuery(BuildingsWithoutBoardDocument, {
    variables: { asOf, search: search || null, first: 20 },
  });
  const nodes = (data ?? previousData)?.buildings.nodes ?? [];
  const options = nodes.map((b) => {
    const text = `${b.name} — ${b.residentialGroup.name}`;
    return { value: b.id, label: text, title: b.name };
  });
  if (value && !options.some((o) => o.value === value)) {
    // Preselected from the address: its name once loaded; never the raw id.
    const label = chosenName ?? t('boards.field.unknownBuilding');
    options.unshift({ value, label, title: label });
  }

  return (
    <Select<string>
      id={id}
      placeholder={t('boards.field.buildingPlaceholder')}
      value={value ?? undefined}
      onChange={(next) => {
        setTyped('');
        onChange?.(next ?? null);
      }}
      status={status}
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onBlur={() => setTyped('')}
      options={options}
      notFoundContent={loading ? <Spin size="small" /> : t('boards.field.noBuilding')}
    />
  );
}
