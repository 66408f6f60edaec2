import { useQuery } from '@apollo/client/react';
import { type IsoDate, UNIT_KIND_LABELS, type UnitKind } from '@coso/domain';
import { Select } from 'antd';
import { useEffect } from 'react';
import type { ReorganisationUnitOptionsQuery, UnitFilter } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { reorganisationMessages } from '../i18n/messages/reorganisation';
import { unitLabel } from '../lists/record-links';
import { useDebouncedSearch } from '../lists/use-debounced-search';
import { ReorganisationUnitOptionsDocument } from './reorganisation-documents';

export type UnitOption = ReorganisationUnitOptionsQuery['units']['nodes'][number];

interface CommonProps {
  id: string;
  asOf: IsoDate;
  /** Only places of these kinds. */
  kinds?: readonly UnitKind[];
  /** Only the places directly below this one (on `asOf`). */
  parentId?: string | null;
  /** Places seen so far, by id, so a chosen place keeps its label while the search changes. */
  known: ReadonlyMap<string, UnitOption>;
  /** Reports the places the server answered with (their kinds serve the form's checks). */
  onOptions(units: readonly UnitOption[]): void;
  placeholder?: string;
  disabled?: boolean;
}

export type UnitSelectProps = CommonProps &
  (
    | { multiple: true; value?: string[]; onChange?(value: string[]): void }
    | { multiple?: false; value?: string | null; onChange?(value: string | null): void }
  );

/**
 * Choose places that exist on a date: the server searches their names (diacritics optional),
 * each option names its parent, since many places share a name ("Tổ dân phố số 1").
 */
export function UnitSelect(props: UnitSelectProps) {
  const { t, language } = useMessages(reorganisationMessages);
  const { id, asOf, kinds, parentId, known, onOptions } = props;
  const { setTyped, search } = useDebouncedSearch();

  const filter: UnitFilter = {};
  if (search) filter.name = { search };
  if (kinds && kinds.length > 0) filter.kindIn = [...kinds];
  if (parentId) filter.parentId = parentId;
  const { data, previousData, loading } = useQuery(ReorganisationUnitOptionsDocument, {
    variables: { asOf, filter },
    skip: parentId === null,
  });
  const units = (data ?? previousData)?.units.nodes;
  const selected = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  // A place chosen before this select searched (prefilled from the address) is read by its id.
  const missing = selected.filter((value) => !known.has(value) && !units?.some((u) => u.id === value));
  const chosen = useQuery(ReorganisationUnitOptionsDocument, {
    variables: { asOf, filter: { id: { in: missing } } },
    skip: missing.length === 0,
  });
  const chosenUnits = chosen.data?.units.nodes;
  useEffect(() => {
    if (units) onOptions(units);
  }, [units, onOptions]);
  useEffect(() => {
    if (chosenUnits) onOptions(chosenUnits);
  }, [chosenUnits, onOptions]);

  const label = (u: UnitOption) => {
    const kind = language === 'vi' ? (u.kindLabel ?? UNIT_KIND_LABELS[u.kind].vi) : UNIT_KIND_LABELS[u.kind].en;
    const parent = u.parent ? ` — ${unitLabel({ kindLabel: u.parent.kindLabel, name: u.parent.name })}` : '';
    return `${unitLabel({ kindLabel: kind, name: u.name })}${parent}`;
  };
  const shown = new Map((units ?? []).map((u) => [u.id, u]));
  for (const value of selected) {
    const unit = known.get(value);
    if (unit && !shown.has(value)) shown.set(value, unit);
  }
  const options = [...shown.values()].map((u) => ({ value: u.id, label: label(u) }));

  const common = {
    id,
    options,
    loading,
    allowClear: true,
    disabled: props.disabled,
    placeholder: props.placeholder ?? t('reorganisation.unitSelect.placeholder'),
    notFoundContent: loading ? t('common.loading') : t('reorganisation.unitSelect.none'),
    showSearch: { filterOption: false, onSearch: setTyped },
    style: { width: '100%' },
  } as const;

  if (props.multiple) {
    const { onChange } = props;
    return <Select<string[]> {...common} mode="multiple" value={props.value ?? []} onChange={(v) => onChange?.(v)} />;
  }
  const { onChange } = props;
  return <Select<string | null> {...common} value={props.value ?? null} onChange={(v) => onChange?.(v ?? null)} />;
}
