import { PlusOutlined } from '@ant-design/icons';
import { addDays, formatViDate, isIsoDate, UNIT_KINDS, type UnitKind } from '@coso/domain';
import { Button, Flex, type TableProps, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { I18n } from '../../i18n/language';
import { recordPath, unitLabel } from '../record-links';
import { columnSortOrder, type ListSort } from '../use-sort';
import { type CellContext, type Column, type ListRow, valueAt } from './list-entry';

const NONE = '—';

interface Named {
  id: string;
  name: string;
  kind?: UnitKind;
  kindLabel?: string | null;
}

/** A related record as the API answers it (`{ id, name, kindLabel? }`), when `value` is one. */
function named(value: unknown): Named | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { id, name, kind, kindLabel } = value as Partial<Record<keyof Named, unknown>>;
  if (typeof id !== 'string' || typeof name !== 'string') return undefined;
  return {
    id,
    name,
    kind: UNIT_KINDS.find((k) => k === kind),
    kindLabel: typeof kindLabel === 'string' ? kindLabel : null,
  };
}

function displayText(value: unknown, display: 'name' | 'place' | 'text' | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const record = named(value);
  if (record) return display === 'place' ? unitLabel(record) : record.name;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export interface ColumnsContext extends CellContext {
  t: I18n['t'];
  /** The list field (`units`): FORBIDDEN errors' paths start with it. */
  list: string;
  /** Paths of the fields the server withheld as outside the territory (`units.nodes.3.parent`). */
  forbidden: ReadonlySet<string>;
  /** The order in force, when the list has one. */
  sort: ListSort<string> | undefined;
}

/** A field the server left empty: "Ngoài địa bàn" when it withheld it (outside the territory), else `fallback`. */
function absent(context: ColumnsContext, index: number, field: string, fallback: ReactNode): ReactNode {
  if (!context.forbidden.has(`${context.list}.nodes.${index}.${field}`)) return fallback;
  return <Typography.Text type="secondary">{context.t('lists.outsideTerritory')}</Typography.Text>;
}

/** A cell with a quieter second line under it (a building's address, a group's ward), or "Ngoài địa bàn" there. */
function withSecondary(
  main: ReactNode,
  row: ListRow,
  index: number,
  column: { secondary?: string; secondaryDisplay?: 'text' | 'place' },
  context: ColumnsContext,
) {
  if (!column.secondary) return main;
  const text = displayText(valueAt(row, column.secondary), column.secondaryDisplay ?? 'text');
  const secondary = text ? <Typography.Text type="secondary">{text}</Typography.Text> : absent(context, index, column.secondary, null);
  return (
    <Flex vertical>
      {main}
      {secondary}
    </Flex>
  );
}

/** "từ 01/07/2025", or "01/01/2020 – 30/06/2025" (the last day in force). */
function period(row: ListRow, t: I18n['t']): string {
  const from = valueAt(row, 'validFrom');
  const to = valueAt(row, 'validTo');
  if (typeof from !== 'string' || !isIsoDate(from)) return NONE;
  if (typeof to === 'string' && isIsoDate(to))
    return t('lists.periodClosed', { from: formatViDate(from), to: formatViDate(addDays(to, -1)) });
  return t('lists.from', { from: formatViDate(from) });
}

/** One cell of a registry list. */
export function renderCell(column: Column, row: ListRow, index: number, context: ColumnsContext): ReactNode {
  const { language } = context;
  switch (column.format) {
    case 'text': {
      const text = displayText(valueAt(row, column.field), 'text');
      return withSecondary(text ?? absent(context, index, column.field, NONE), row, index, column, context);
    }
    case 'number': {
      const value = valueAt(row, column.field);
      return typeof value === 'number' ? value.toLocaleString('vi-VN') : NONE;
    }
    case 'date': {
      const value = valueAt(row, column.field);
      return typeof value === 'string' && isIsoDate(value) ? formatViDate(value) : NONE;
    }
    case 'period':
      return period(row, context.t);
    case 'enum': {
      const value = valueAt(row, column.field);
      if (typeof value !== 'string') return NONE;
      const own = column.ownLabel && language === 'vi' ? valueAt(row, column.ownLabel) : undefined;
      return typeof own === 'string' && own ? own : (column.labels[value]?.[language] ?? value);
    }
    case 'place': {
      const text = displayText(valueAt(row, column.field), 'place');
      return withSecondary(
        text ?? absent(context, index, column.field, NONE),
        row,
        index,
        { secondary: column.secondary, secondaryDisplay: 'place' },
        context,
      );
    }
    case 'link': {
      const target = named(column.field ? valueAt(row, column.field) : row);
      if (!target) {
        const action = column.missing?.action;
        const href = action && context.user.permissions.canWrite ? action.href(row) : null;
        const missing = column.missing ? (
          <Flex gap={8} align="center">
            <Tag color="orange">{context.t('lists.none')}</Tag>
            {action && href && (
              <Link to={href}>
                <Button size="small" icon={<PlusOutlined />}>
                  {action.label[language]}
                </Button>
              </Link>
            )}
          </Flex>
        ) : (
          NONE
        );
        return column.field ? absent(context, index, column.field, missing) : missing;
      }
      const text = column.display === 'place' ? unitLabel(target) : target.name;
      const link = (
        <Link to={recordPath(column.to, target.id, context.asOf)}>
          {column.strong ? <Typography.Text strong>{text}</Typography.Text> : text}
        </Link>
      );
      return withSecondary(link, row, index, column, context);
    }
    case 'custom':
      return column.render(row, context);
  }
}

/** The antd columns of a registry entry: headers (with hints), server-side order, cells. */
export function tableColumns(columns: readonly Column[], context: ColumnsContext): TableProps<ListRow>['columns'] {
  return columns.map((column) => ({
    // A sortable column's key is its order field: a header click names it (sortChange).
    key: column.sort ?? column.key,
    title: column.hint ? (
      <Tooltip title={column.hint[context.language]}>{column.header[context.language]}</Tooltip>
    ) : (
      column.header[context.language]
    ),
    align: column.format === 'number' ? 'right' : undefined,
    sorter: column.sort !== undefined,
    sortOrder: column.sort !== undefined && context.sort ? columnSortOrder(context.sort, column.sort) : undefined,
    render: (_: unknown, row: ListRow, index: number) => renderCell(column, row, index, context),
  }));
}
