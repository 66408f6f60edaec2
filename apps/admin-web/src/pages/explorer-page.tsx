import { skipToken, useQuery } from '@apollo/client/react';
import { addDays, formatViDate } from '@coso/domain';
import { Alert, Button, Card, Col, Empty, Flex, Form, Row, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { ExplorerPlaceDocument } from '../explorer/explorer-documents';
import { type ExplorerPlace, PlaceDetails } from '../explorer/place-details';
import { PlaceTree } from '../explorer/place-tree';
import { scopeOnDate } from '../explorer/place-tree-data';
import { ReorganisationTimeline } from '../explorer/reorganisation-timeline';
import type { UnitFilter } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { explorerMessages } from '../i18n/messages/explorer';
import { AsOfPicker } from '../lists/as-of-picker';
import { useAsOf } from '../lists/use-as-of';
import { useListParams } from '../lists/use-list-params';

import { isRecordedState } from '../reorganisation/recorded-state';
import { useSignedInUser } from '../session/session';

const scopeName = (unit: { kindLabel: string | null; name: string }) => [unit.kindLabel, unit.name].filter(Boolean).join(' ');

/**
 * The hierarchy explorer (/explorer?asOf=&unit=): places on a date as a tree, the selected place
 * with the bodies serving it, and the reorganisations as events that move the date to before or
 * after them. Date and place live in the address.
 */
export function ExplorerPage() {
  const { t } = useMessages(explorerMessages);
  const user = useSignedInUser();
  const location = useLocation();
  const { params, update } = useListParams();
  const { asOf, fallback: fallbackAsOf } = useAsOf(params.get('asOf'));
  const unitId = params.get('unit') || null;
  const scope = user.scopeUnit;
  const onDate = scopeOnDate(scope, asOf);
  const recorded = isRecordedState(location.state) ? location.state.recorded : null;

  const place = useQuery(ExplorerPlaceDocument, unitId ? { variables: { id: unitId, asOf }, errorPolicy: 'all' } : skipToken);
  const node = (place.data ?? place.previousData)?.node;
  const selected: ExplorerPlace | null = node?.__typename === 'AdministrativeUnit' && node.id === unitId ? node : null;

  const rootFilter: UnitFilter | null =
    onDate.kind === 'all' ? { kind: 'PROVINCE' } : onDate.kind === 'scope' ? { id: { equals: onDate.id } } : null;
  const navigate = (changes: { unit?: string; asOf?: string }) => update(changes);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('explorer.title')}
      </Typography.Title>

      <Flex justify="space-between" align="center" wrap gap={12}>
        <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('explorer.asOf')} htmlFor="explorer-as-of" style={{ marginBottom: 0 }}>
            <AsOfPicker id="explorer-as-of" value={asOf} onChange={(date) => update({ asOf: date })} />
          </Form.Item>
        </Form>
        {user.permissions.canWrite && (
          <Link to={`/reorganisations/new?on=${addDays(asOf, 1)}${unitId ? `&from=${encodeURIComponent(unitId)}` : ''}`}>
            <Button type="primary">{t('explorer.record')}</Button>
          </Link>
        )}
      </Flex>

      {recorded && (
        <Alert
          type="success"
          showIcon
          closable
          title={t('explorer.recorded', { legalBasis: recorded.legalBasis, date: formatViDate(recorded.effectiveOn) })}
        />
      )}

      {scope && onDate.kind === 'ended' && (
        <Alert
          type="warning"
          showIcon
          title={t('explorer.afterScopeEnded', { asOf: formatViDate(asOf), name: scopeName(scope), ended: formatViDate(onDate.ended) })}
          action={
            <Button size="small" onClick={() => update({ asOf: addDays(onDate.ended, -1), unit: null })}>
              {t('explorer.viewLastDay', { date: formatViDate(addDays(onDate.ended, -1)) })}
            </Button>
          }
        />
      )}
      {scope && onDate.kind === 'scope' && scope.validTo && (
        <Alert
          type="info"
          showIcon
          title={t('explorer.scopeEnded', {
            name: scopeName(scope),
            ended: formatViDate(scope.validTo),
            lastDay: formatViDate(fallbackAsOf),
          })}
        />
      )}
      {scope && onDate.kind === 'notYet' && (
        <Alert
          type="info"
          showIcon
          title={t('explorer.scopeNotYet', { asOf: formatViDate(asOf), name: scopeName(scope), from: formatViDate(onDate.from) })}
          action={
            <Button size="small" onClick={() => update({ asOf: onDate.from, unit: null })}>
              {t('explorer.viewFirstDay', { date: formatViDate(onDate.from) })}
            </Button>
          }
        />
      )}

      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={10}>
          <Card title={t('explorer.tree.title', { asOf: formatViDate(asOf) })} size="small">
            {rootFilter ? (
              <PlaceTree
                key={`${asOf} ${JSON.stringify(rootFilter)}`}
                asOf={asOf}
                rootFilter={rootFilter}
                selectedId={unitId}
                ancestorIds={selected?.ancestors.map((a) => a.id) ?? []}
                onSelect={(id) => update({ unit: id })}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('explorer.tree.outsideScope')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card size="small">
              {unitId ? (
                <PlaceDetails
                  asOf={asOf}
                  place={selected}
                  loading={place.loading}
                  error={place.error}
                  onRetry={() => void place.refetch()}
                  onNavigate={navigate}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('explorer.place.choose')} />
              )}
            </Card>
            <Card title={t('explorer.events.title')} size="small">
              <ReorganisationTimeline asOf={asOf} onNavigate={navigate} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
