import { useQuery } from '@apollo/client/react';
import { formatViDate, type IsoDate, REORGANISATION_KIND_LABELS } from '@coso/domain';
import { Button, Empty, Flex, Skeleton, Tag, Timeline, type TimelineItemProps, Typography } from 'antd';
import type { ExplorerReorganisationsQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { explorerMessages } from '../i18n/messages/explorer';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { unitLabel } from '../lists/record-links';

import { ExplorerReorganisationsDocument } from './explorer-documents';
import { eventDates, eventTense, firstOf } from './place-tree-data';

type EventRow = ExplorerReorganisationsQuery['reorganisations']['nodes'][number];
type EventUnit = EventRow['originalUnits'][number];

const MAX_UNITS = 8;
const TENSE_COLOR = { before: 'blue', on: 'green', after: 'gray' } as const;

export interface ReorganisationTimelineProps {
  asOf: IsoDate;
  /** Shows the map on another date, optionally with a place selected. */
  onNavigate(changes: { asOf: IsoDate; unit?: string }): void;
}

/**
 * Reorganisations as events on a line: what ended and what started, on which legal basis. Each
 * offers its last day before and its first day, to compare the map before and after.
 */
export function ReorganisationTimeline({ asOf, onNavigate }: ReorganisationTimelineProps) {
  const { t, language } = useMessages(explorerMessages);
  const { data, loading, error, refetch } = useQuery(ExplorerReorganisationsDocument);
  if (error && !data) return <LoadErrorAlert title={t('explorer.events.loadError')} error={error} onRetry={() => void refetch()} />;
  if (!data) return loading ? <Skeleton active /> : null;
  const events = data.reorganisations.nodes;
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('explorer.events.empty')} />;

  const units = (list: readonly EventUnit[], date: IsoDate) => {
    const { shown, more } = firstOf(list, MAX_UNITS);
    return (
      <>
        {shown.map((u, i) => (
          <span key={u.id}>
            {i > 0 && ', '}
            <Typography.Link onClick={() => onNavigate({ asOf: date, unit: u.id })}>
              {unitLabel({ kindLabel: u.kindLabel, name: u.name })}
            </Typography.Link>
          </span>
        ))}
        {more > 0 && <Typography.Text type="secondary"> {t('explorer.events.more', { count: more })}</Typography.Text>}
      </>
    );
  };

  const items: TimelineItemProps[] = events.map((event) => {
    const { before, after } = eventDates(event.effectiveOn);
    const tense = eventTense(event.effectiveOn, asOf);
    return {
      key: event.id,
      color: TENSE_COLOR[tense],
      title: formatViDate(event.effectiveOn),
      content: (
        <Flex vertical gap={4} data-testid="explorer-event">
          <Flex gap={8} wrap align="center">
            <Tag color={tense === 'on' ? 'green' : undefined}>{REORGANISATION_KIND_LABELS[event.kind][language]}</Tag>
            <Typography.Text strong>{event.legalBasis}</Typography.Text>
            {tense === 'after' && <Typography.Text type="secondary">{t('explorer.events.notYet')}</Typography.Text>}
          </Flex>
          {event.note && <Typography.Text>{event.note}</Typography.Text>}
          {event.originalUnits.length > 0 && (
            <Typography.Text>
              {t('explorer.events.original')}: {units(event.originalUnits, before)}
            </Typography.Text>
          )}
          {event.resultingUnits.length > 0 && (
            <Typography.Text>
              {t('explorer.events.resulting')}: {units(event.resultingUnits, after)}
            </Typography.Text>
          )}
          <Flex gap={8} wrap>
            <Button size="small" disabled={asOf === before} onClick={() => onNavigate({ asOf: before })}>
              {t('explorer.events.viewBefore', { date: formatViDate(before) })}
            </Button>
            <Button
              size="small"
              type={asOf === after ? 'default' : 'primary'}
              ghost={asOf !== after}
              disabled={asOf === after}
              onClick={() => onNavigate({ asOf: after })}
            >
              {t('explorer.events.viewAfter', { date: formatViDate(after) })}
            </Button>
          </Flex>
        </Flex>
      ),
    };
  });

  return (
    <Flex vertical gap={8}>
      <Timeline items={items} />
      {data.reorganisations.totalCount > events.length && (
        <Typography.Text type="secondary">
          {t('explorer.events.partial', { shown: events.length, total: data.reorganisations.totalCount })}
        </Typography.Text>
      )}
    </Flex>
  );
}
