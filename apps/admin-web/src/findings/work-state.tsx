import { formatViDate } from '@coso/domain';
import { Flex, Segmented, Tag, Typography } from 'antd';
import type { FindingWorkState } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { findingsMessages } from '../i18n/messages/findings';

/** The work filter of the findings list, kept in the address as ?work=open|overdue|closed. */
export type WorkFilterValue = 'all' | 'open' | 'overdue' | 'closed';

export function workFilterFromParam(value: string | null): WorkFilterValue {
  return value === 'open' || value === 'overdue' || value === 'closed' ? value : 'all';
}

/** The `findings` query's arguments for a work filter. */
export function workFilterVariables(value: WorkFilterValue): { states: FindingWorkState[] | null; overdue: boolean | null } {
  if (value === 'open') return { states: ['OPEN'], overdue: null };
  if (value === 'overdue') return { states: ['OPEN'], overdue: true };
  if (value === 'closed') return { states: ['RESOLVED', 'ACCEPTED'], overdue: null };
  return { states: null, overdue: null };
}

export function WorkFilter({ value, onChange }: { value: WorkFilterValue; onChange(value: WorkFilterValue): void }) {
  const { t } = useMessages(findingsMessages);
  return (
    <Segmented<WorkFilterValue>
      aria-label={t('findings.work.filter')}
      data-testid="findings-work-filter"
      value={value}
      onChange={onChange}
      options={(['all', 'open', 'overdue', 'closed'] as const).map((v) => ({ value: v, label: t(`findings.work.filter.${v}`) }))}
    />
  );
}

/** A finding's work in the list: its state (overdue in red), due date, assignee, and how it ended. */
export function WorkCell(props: {
  state: FindingWorkState;
  overdue: boolean;
  closedAutomatically: boolean;
  dueOn: string | null;
  assigneeName: string | null;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedOn: string | null;
  closedByOperation: string | null;
}) {
  const { t } = useMessages(findingsMessages);
  const tag = props.overdue ? (
    <Tag color="red">{t('findings.work.state.overdue')}</Tag>
  ) : props.state === 'OPEN' ? (
    <Tag color="orange">{t('findings.work.state.open')}</Tag>
  ) : props.state === 'RESOLVED' ? (
    <Tag color="green">{props.closedAutomatically ? t('findings.work.state.auto') : t('findings.work.state.resolved')}</Tag>
  ) : (
    <Tag color="default">{t('findings.work.state.accepted')}</Tag>
  );
  return (
    <Flex vertical gap={2} data-testid="finding-work-cell">
      <span>{tag}</span>
      {props.assigneeName && (
        <Typography.Text style={{ fontSize: 12 }}>{t('findings.work.assignedTo', { name: props.assigneeName })}</Typography.Text>
      )}
      {props.dueOn && (
        <Typography.Text type={props.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {t('findings.work.due', { date: formatViDate(props.dueOn) })}
        </Typography.Text>
      )}
      {props.state !== 'OPEN' && (props.resolution || props.closedByOperation || props.resolvedOn) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {props.resolution ??
            (props.closedByOperation
              ? t('findings.work.closedBy', { operation: props.closedByOperation })
              : t('findings.work.closedByDate'))}
          {props.resolvedOn ? ` — ${props.resolvedBy ?? ''} ${formatViDate(props.resolvedOn)}` : ''}
        </Typography.Text>
      )}
    </Flex>
  );
}
