import { addDays, formatViDate, type IsoDate, ORGANIZATION_KIND_LABELS, UNIT_KIND_LABELS } from '@coso/domain';
import { Alert, Button, Descriptions, Empty, Flex, Skeleton, Tree, Typography } from 'antd';
import { Link } from 'react-router';
import type { ExplorerPlaceQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { explorerMessages } from '../i18n/messages/explorer';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { unitLabel } from '../lists/record-links';

import { type BodyNode, bodyTree } from './body-tree-data';

export type ExplorerPlace = Extract<NonNullable<ExplorerPlaceQuery['node']>, { __typename: 'AdministrativeUnit' }>;

export interface PlaceDetailsProps {
  asOf: IsoDate;
  place: ExplorerPlace | null;
  loading: boolean;
  error: unknown;
  onRetry(): void;
  /** Shows another place (the parent) or another date (the place's first or last day). */
  onNavigate(changes: { unit?: string; asOf?: IsoDate }): void;
}

/** The selected place on the date: kind, code, period, parent, and the bodies serving it. */
export function PlaceDetails({ asOf, place, loading, error, onRetry, onNavigate }: PlaceDetailsProps) {
  const { t, language } = useMessages(explorerMessages);
  if (error && !place) return <LoadErrorAlert title={t('explorer.place.loadError')} error={error} onRetry={onRetry} />;
  if (!place)
    return loading ? <Skeleton active /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('explorer.place.notFound')} />;

  const kind = language === 'vi' ? (place.kindLabel ?? UNIT_KIND_LABELS[place.kind].vi) : UNIT_KIND_LABELS[place.kind].en;
  const lastDay = place.validTo ? addDays(place.validTo, -1) : null;
  const period = lastDay
    ? t('explorer.periodClosed', { from: formatViDate(place.validFrom), to: formatViDate(lastDay) })
    : t('explorer.periodOpen', { from: formatViDate(place.validFrom) });
  const alive = place.validFrom <= asOf && (place.validTo === null || asOf < place.validTo);

  return (
    <Flex vertical gap={12} data-testid="explorer-place">
      <Flex align="baseline" justify="space-between" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {unitLabel({ kindLabel: place.kindLabel, name: place.name })}
        </Typography.Title>
        <Link to={`/units/${encodeURIComponent(place.id)}?asOf=${asOf}`}>{t('explorer.place.openRecord')}</Link>
      </Flex>

      {!alive && (
        <Alert
          type="warning"
          showIcon
          title={t('explorer.place.notOnDate', { name: place.name, asOf: formatViDate(asOf), period })}
          action={
            lastDay && asOf > lastDay ? (
              <Button size="small" onClick={() => onNavigate({ asOf: lastDay })}>
                {t('explorer.place.viewLastDay', { date: formatViDate(lastDay) })}
              </Button>
            ) : (
              <Button size="small" onClick={() => onNavigate({ asOf: place.validFrom })}>
                {t('explorer.place.viewFirstDay', { date: formatViDate(place.validFrom) })}
              </Button>
            )
          }
        />
      )}

      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('explorer.place.kind')}>{kind}</Descriptions.Item>
        <Descriptions.Item label={t('explorer.place.code')}>{place.code ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('explorer.place.parent')}>
          {place.parent ? (
            <Typography.Link data-testid="explorer-place-parent" onClick={() => place.parent && onNavigate({ unit: place.parent.id })}>
              {unitLabel({ kindLabel: place.parent.kindLabel, name: place.parent.name })}
            </Typography.Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('explorer.place.period')}>{period}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('explorer.bodies.title')}
      </Typography.Title>
      {place.organizations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('explorer.bodies.empty', { asOf: formatViDate(asOf) })} />
      ) : (
        <Tree<BodyNode>
          aria-label={t('explorer.bodies.title')}
          data-testid="explorer-bodies"
          selectable={false}
          showLine
          blockNode
          treeData={bodyTree(place.organizations)}
          titleRender={(node) => (
            <span>
              <Typography.Text type="secondary">{ORGANIZATION_KIND_LABELS[node.body.kind][language]}: </Typography.Text>
              <Link to={`/organizations/${encodeURIComponent(node.body.id)}?asOf=${asOf}`}>{node.body.name}</Link>
              {node.count > 0 && (
                <Typography.Text type="secondary"> ({t('explorer.bodies.subCount', { count: node.count })})</Typography.Text>
              )}
            </span>
          )}
        />
      )}
    </Flex>
  );
}
