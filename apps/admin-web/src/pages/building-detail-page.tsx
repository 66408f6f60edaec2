import { useQuery } from '@apollo/client/react';
import { FIELD_LABELS, formatViDate } from '@coso/domain';
import { Alert, Button, Card, Descriptions, Empty, Flex, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { BuildingDetailDocument } from '../buildings/building-detail-documents';
import type { BuildingDetailQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { recordsMessages } from '../i18n/messages/records';
import { forbiddenParts } from '../lists/partial-errors';
import { unitLabel } from '../lists/record-links';

import { DetailHeader } from '../records/detail-header';
import { currentNode, detailProblem } from '../records/detail-problem';
import { DetailLoading, DetailProblemView } from '../records/detail-states';
import { periodText } from '../records/period';
import { RecordHistory } from '../records/record-history';
import { detailPath, useAsOfInsideRecord, useDetailAsOf } from '../records/use-detail-as-of';
import { useSignedInUser } from '../session/session';

type Building = Extract<NonNullable<BuildingDetailQuery['node']>, { __typename: 'ApartmentBuilding' }>;

/**
 * /buildings/:id — an apartment building's facts (the figures Directive 05 counts), its residential
 * group, its management board on the date (or the button to establish one), and its history.
 */
export function BuildingDetailPage() {
  const { t, language } = useMessages(recordsMessages);
  const user = useSignedInUser();
  const navigate = useNavigate();
  const id = decodeURIComponent(useParams().id ?? '');
  const { asOf, setAsOf } = useDetailAsOf();
  const { data, previousData, loading, error, refetch } = useQuery(BuildingDetailDocument, {
    variables: { id, asOf },
    errorPolicy: 'all',
  });
  const node = currentNode(data, previousData, id);
  useAsOfInsideRecord(node?.__typename === 'ApartmentBuilding' ? node : null);
  const problem = detailProblem(error, node, 'ApartmentBuilding', loading);
  if (problem) return <DetailProblemView problem={problem} error={error} onRetry={() => void refetch()} listPath="/buildings" />;
  if (node?.__typename !== 'ApartmentBuilding') return <DetailLoading />;
  const building: Building = node;
  const { onlyForbidden } = forbiddenParts(error, true);
  const label = (field: keyof typeof FIELD_LABELS) => FIELD_LABELS[field][language];
  const day = (date: string | null) => (date ? formatViDate(date) : '—');
  const complexBoards = building.complex?.boards ?? [];
  const establish = () => navigate(`/boards/establish?buildingId=${encodeURIComponent(building.id)}`);

  return (
    <Flex vertical gap={16}>
      <DetailHeader
        title={building.name}
        kindText={t('records.building.kind')}
        validFrom={building.validFrom}
        validTo={building.validTo}
        asOf={asOf}
        onAsOf={setAsOf}
        trail={[
          { title: t('records.building.list'), to: '/buildings' },
          { title: unitLabel(building.residentialGroup), to: detailPath('units', building.residentialGroup.id, asOf) },
          { title: building.name },
        ]}
      />
      {onlyForbidden && <Alert type="warning" showIcon title={t('records.partialData')} />}

      <Card title={t('records.facts')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'address', label: label('address'), children: building.address ?? '—' },
            {
              key: 'group',
              label: label('residentialGroupId'),
              children: <Link to={detailPath('units', building.residentialGroup.id, asOf)}>{unitLabel(building.residentialGroup)}</Link>,
            },
            ...(building.complex ? [{ key: 'complex', label: label('complexId'), children: building.complex.name }] : []),
            { key: 'blockCount', label: label('blockCount'), children: building.blockCount },
            {
              key: 'blocks',
              label: t('records.building.blocks'),
              children: building.blocks.length ? building.blocks.map((b) => b.name).join(', ') : '—',
            },
            { key: 'apartmentCount', label: label('apartmentCount'), children: building.apartmentCount },
            {
              key: 'multipleOwners',
              label: label('multipleOwners'),
              children: building.multipleOwners ? (language === 'vi' ? 'Có' : 'Yes') : language === 'vi' ? 'Không' : 'No',
            },
            { key: 'handoverStartedOn', label: label('handoverStartedOn'), children: day(building.handoverStartedOn) },
            { key: 'halfHandedOverOn', label: label('halfHandedOverOn'), children: day(building.halfHandedOverOn) },
            { key: 'firstConferenceOn', label: label('firstConferenceOn'), children: day(building.firstConferenceOn) },
            { key: 'period', label: t('records.period'), children: periodText(t, building.validFrom, building.validTo) },
          ]}
        />
      </Card>

      <Card title={t('records.building.board', { asOf: formatViDate(asOf) })}>
        {building.board ? (
          <Flex vertical gap={4}>
            <Link to={detailPath('organizations', building.board.id, asOf)}>
              <Typography.Text strong>{building.board.name}</Typography.Text>
            </Link>
            <Typography.Text type="secondary">{periodText(t, building.board.validFrom, building.board.validTo)}</Typography.Text>
          </Flex>
        ) : building.complex ? (
          complexBoards.length > 0 ? (
            <Flex vertical gap={4}>
              <Typography.Text>{t('records.building.complexBoards', { complex: building.complex.name })}</Typography.Text>
              {complexBoards.map((b) => (
                <Link key={b.id} to={detailPath('organizations', b.id, asOf)}>
                  {b.name}
                </Link>
              ))}
            </Flex>
          ) : (
            <Typography.Text>{t('records.building.complexNoBoard', { complex: building.complex.name })}</Typography.Text>
          )
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.building.noBoard', { asOf: formatViDate(asOf) })}>
            {user.permissions.canWrite && !building.validTo && (
              <Button type="primary" onClick={establish}>
                {t('records.building.establishBoard')}
              </Button>
            )}
          </Empty>
        )}
      </Card>

      <RecordHistory id={building.id} />
    </Flex>
  );
}
