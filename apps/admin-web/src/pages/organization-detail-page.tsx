import { useMutation, useQuery } from '@apollo/client/react';
import {
  BOARD_CHANGE_KIND_LABELS,
  FIELD_LABELS,
  formatViDate,
  MASS_ORGANIZATION_LABELS,
  ORGANIZATION_KIND_LABELS,
  PARTY_STATUS_LABELS,
  roleLabel,
} from '@coso/domain';
import { Alert, Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { mutationOutcome } from '../forms/mutation-outcome';
import type { OrganizationDetailQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { boardsMessages } from '../i18n/messages/boards';
import { recordsMessages } from '../i18n/messages/records';
import { forbiddenParts } from '../lists/partial-errors';
import { unitLabel } from '../lists/record-links';
import { memberCount } from '../organizations/member-count';
import { EndOrganizationDocument, OrganizationDetailDocument } from '../organizations/organization-detail-documents';
import { isOrganizationDetailFlash } from '../organizations/organization-detail-flash';

import { DetailHeader } from '../records/detail-header';
import { currentNode, detailProblem } from '../records/detail-problem';
import { DetailLoading, DetailProblemView } from '../records/detail-states';
import { EndRecordDialog, useEndRecord } from '../records/end-record-dialog';
import { periodText } from '../records/period';
import { RecordHistory } from '../records/record-history';
import { detailPath, useAsOfInsideRecord, useDetailAsOf } from '../records/use-detail-as-of';
import { useSignedInUser } from '../session/session';
import { organizationSection } from '../shell/menu';
import { useMenuSection } from '../shell/menu-section';

type Organization = Extract<NonNullable<OrganizationDetailQuery['node']>, { __typename: 'Organization' }>;
type MemberRow = Organization['members']['nodes'][number];
type TermRow = Organization['terms'][number];
type ChangeRow = Organization['changes'][number];
type PartyMemberRow = NonNullable<Organization['partyMembers']>['nodes'][number];

/**
 * /organizations/:id — a body as of a date: kind, parent, places served, members and their roles
 * then; for a management board its terms, establishment and consolidations; sub-organisations;
 * ending it (writers); history.
 */
export function OrganizationDetailPage() {
  const { t, language } = useMessages(recordsMessages, boardsMessages);
  const user = useSignedInUser();
  const navigate = useNavigate();
  const location = useLocation();
  const id = decodeURIComponent(useParams().id ?? '');
  const { asOf, setAsOf } = useDetailAsOf();
  const [endOrganization] = useMutation(EndOrganizationDocument, { refetchQueries: ['RecordHistory'] });
  const { data, previousData, loading, error, refetch } = useQuery(OrganizationDetailDocument, {
    variables: { id, asOf, party: user.permissions.seesPartyData },
    errorPolicy: 'all',
  });
  const { ended, start: startEnding, dialog: endDialog } = useEndRecord(refetch);
  const node = currentNode(data, previousData, id);
  useAsOfInsideRecord(node?.__typename === 'Organization' ? node : null);
  useMenuSection(node?.__typename === 'Organization' ? organizationSection(node.kind) : null);
  const problem = detailProblem(error, node, 'Organization', loading);
  if (problem) return <DetailProblemView problem={problem} error={error} onRetry={() => void refetch()} listPath="/organizations" />;
  if (node?.__typename !== 'Organization') return <DetailLoading />;
  const org: Organization = node;
  const { paths: forbiddenPaths, onlyForbidden } = forbiddenParts(error, true);
  const date = formatViDate(asOf);
  const isBoard = org.kind === 'MANAGEMENT_BOARD';
  const canWrite = user.permissions.canWrite;
  const validTo = ended ?? org.validTo;
  const listPath = `/${organizationSection(org.kind)}`;
  const flash = isOrganizationDetailFlash(location.state) ? location.state : null;
  const isCell = org.kind === 'PARTY_CELL';
  // A party body's members are party data: a role without party access gets none, which is not "0".
  const hiddenFromViewer = memberCount(org, user.permissions.seesPartyData).kind === 'hidden';

  const parent = org.parent ? (
    <Link to={detailPath('organizations', org.parent.id, asOf)}>{org.parent.name}</Link>
  ) : forbiddenPaths.has('node.parent') ? (
    <Typography.Text type="secondary">{t('records.outsideTerritory')}</Typography.Text>
  ) : (
    t('records.organization.noParent')
  );

  const facts = [
    { key: 'kind', label: t('records.organization.kind'), children: ORGANIZATION_KIND_LABELS[org.kind][language] },
    ...(org.massOrganization
      ? [
          {
            key: 'mass',
            label: FIELD_LABELS.massOrganization[language],
            children: MASS_ORGANIZATION_LABELS[org.massOrganization][language],
          },
        ]
      : []),
    { key: 'parent', label: t('records.organization.parent'), children: parent },
    {
      key: 'areas',
      label: t('records.organization.areas'),
      children: org.areas.length ? (
        <Flex gap={8} wrap>
          {org.areas.map((a) => (
            <Link key={a.id} to={detailPath('units', a.id, asOf)}>
              {unitLabel(a)}
            </Link>
          ))}
        </Flex>
      ) : (
        t('records.organization.areasEmpty')
      ),
    },
    ...(org.building
      ? [
          {
            key: 'building',
            label: t('records.organization.manages'),
            children: <Link to={detailPath('buildings', org.building.id, asOf)}>{org.building.name}</Link>,
          },
        ]
      : []),
    ...(org.complex ? [{ key: 'complex', label: t('records.organization.manages'), children: org.complex.name }] : []),
    { key: 'period', label: t('records.period'), children: periodText(t, org.validFrom, validTo) },
  ];

  return (
    <Flex vertical gap={16}>
      <DetailHeader
        title={org.name}
        kindText={ORGANIZATION_KIND_LABELS[org.kind][language]}
        validFrom={org.validFrom}
        validTo={validTo}
        asOf={asOf}
        onAsOf={setAsOf}
        trail={[
          { title: t(isBoard ? 'menu.boards' : org.kind === 'PARTY_CELL' ? 'menu.partyCells' : 'records.organization.list'), to: listPath },
          ...(org.parent ? [{ title: org.parent.name, to: detailPath('organizations', org.parent.id, asOf) }] : []),
          { title: org.name },
        ]}
        actions={
          canWrite &&
          !validTo && (
            <>
              {isBoard && (
                <Button type="primary" onClick={() => navigate(`/boards/${encodeURIComponent(org.id)}/consolidate`)}>
                  {t('records.organization.consolidate')}
                </Button>
              )}
              <Button danger onClick={startEnding}>
                {t('records.end.button')}
              </Button>
            </>
          )
        }
      />
      {flash && (
        <Alert
          type="success"
          showIcon
          title={t(flash.flash === 'established' ? 'boards.establish.done' : 'boards.consolidate.done', { name: flash.name })}
        />
      )}
      {ended && <Alert type="success" showIcon title={t('records.end.done', { on: formatViDate(ended) })} />}
      {onlyForbidden && <Alert type="warning" showIcon title={t('records.partialData')} />}

      <Card title={t('records.facts')}>
        <Descriptions column={{ xs: 1, md: 2 }} items={facts} />
      </Card>

      <Card
        title={t('records.organization.members', { asOf: date })}
        extra={
          <Typography.Text type="secondary">
            {hiddenFromViewer
              ? t('records.organization.countHidden')
              : t('records.organization.membersCount', { count: org.members.totalCount })}
          </Typography.Text>
        }
      >
        <Table<MemberRow>
          rowKey="id"
          size="small"
          pagination={org.members.nodes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          dataSource={org.members.nodes}
          columns={[
            {
              title: t('records.organization.member.person'),
              key: 'person',
              render: (_: unknown, m) => <Link to={detailPath('people', m.person.id, asOf)}>{m.person.fullName}</Link>,
            },
            { title: t('records.organization.member.role'), key: 'role', render: (_: unknown, m) => roleLabel(m.role, org.kind)[language] },
            {
              title: t('records.organization.member.post'),
              key: 'post',
              render: (_: unknown, m) => [m.post?.label, m.building?.name].filter(Boolean).join(' — ') || '—',
            },
            { title: t('records.organization.member.since'), key: 'since', render: (_: unknown, m) => formatViDate(m.validFrom) },
          ]}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t(hiddenFromViewer ? 'records.organization.partyMembersHidden' : 'records.organization.membersEmpty')}
              />
            ),
          }}
        />
      </Card>

      {isCell && (
        <Card
          title={t('records.organization.partyMembers', { asOf: date })}
          data-testid="party-members"
          extra={
            <Typography.Text type="secondary">
              {org.partyMembers
                ? t('records.organization.partyMembersCount', { count: org.partyMembers.totalCount })
                : t('records.organization.countHidden')}
            </Typography.Text>
          }
        >
          {org.partyMembers ? (
            <Table<PartyMemberRow>
              rowKey="id"
              size="small"
              pagination={org.partyMembers.nodes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              dataSource={org.partyMembers.nodes}
              columns={[
                {
                  title: t('records.organization.member.person'),
                  key: 'person',
                  render: (_: unknown, m) => <Link to={detailPath('people', m.person.id, asOf)}>{m.person.fullName}</Link>,
                },
                {
                  title: t('records.organization.partyMember.status'),
                  key: 'status',
                  render: (_: unknown, m) => PARTY_STATUS_LABELS[m.status][language],
                },
                {
                  title: t('records.organization.partyMember.admitted'),
                  key: 'admitted',
                  render: (_: unknown, m) => (m.admittedOn ? formatViDate(m.admittedOn) : '—'),
                },
              ]}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.organization.partyMembersEmpty')} />,
              }}
            />
          ) : (
            <Alert type="info" showIcon title={t('records.organization.partyMembersHidden')} />
          )}
        </Card>
      )}

      {(isBoard || org.terms.length > 0) && (
        <Card title={t('records.organization.terms')}>
          <Table<TermRow>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={org.terms}
            columns={[
              {
                title: t('records.organization.term.number'),
                key: 'number',
                render: (_: unknown, term) => t('records.organization.term.numberValue', { number: term.termNumber }),
              },
              { title: t('records.organization.term.elected'), key: 'elected', render: (_: unknown, term) => formatViDate(term.electedOn) },
              {
                title: t('records.column.period'),
                key: 'period',
                render: (_: unknown, term) => periodText(t, term.validFrom, term.validTo),
              },
              {
                title: t('records.organization.term.recognition'),
                key: 'recognition',
                render: (_: unknown, term) =>
                  term.recognitionDecisionNumber ? (
                    t('records.organization.term.recognitionValue', {
                      number: term.recognitionDecisionNumber,
                      on: term.recognitionDecidedOn ? formatViDate(term.recognitionDecidedOn) : '—',
                    })
                  ) : (
                    <Tag color="orange">{t('records.organization.term.notRecognised')}</Tag>
                  ),
              },
            ]}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.organization.termsEmpty')} /> }}
          />
        </Card>
      )}

      {(isBoard || org.changes.length > 0) && (
        <Card title={t('records.organization.changes')}>
          <Table<ChangeRow>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={org.changes}
            columns={[
              {
                title: t('records.organization.change.kind'),
                key: 'kind',
                render: (_: unknown, c) => BOARD_CHANGE_KIND_LABELS[c.kind][language],
              },
              { title: t('records.organization.change.on'), key: 'on', render: (_: unknown, c) => formatViDate(c.on) },
              { title: t('records.organization.change.decision'), key: 'decision', render: (_: unknown, c) => c.decisionNumber ?? '—' },
              { title: t('records.organization.change.note'), key: 'note', render: (_: unknown, c) => c.note ?? '—' },
            ]}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.organization.changesEmpty')} /> }}
          />
        </Card>
      )}

      {org.subOrganizations.length > 0 && (
        <Card title={t('records.organization.subOrganizations', { asOf: date })}>
          <Flex vertical gap={6}>
            {org.subOrganizations.map((s) => (
              <Flex key={s.id} gap={8} align="center">
                <Tag>{ORGANIZATION_KIND_LABELS[s.kind][language]}</Tag>
                <Link to={detailPath('organizations', s.id, asOf)}>{s.name}</Link>
              </Flex>
            ))}
          </Flex>
        </Card>
      )}

      <RecordHistory id={org.id} />

      {canWrite && (
        <EndRecordDialog
          {...endDialog}
          what={t('records.organization.endWhat')}
          name={org.name}
          validFrom={org.validFrom}
          suggestedOn={asOf}
          consequence={t('records.organization.endConsequence')}
          end={async (on) => {
            const { data: result } = await endOrganization({ variables: { input: { id: org.id, version: org.version, on } } });
            if (!result) throw new Error('no answer');
            return mutationOutcome(result.endOrganization);
          }}
        />
      )}
    </Flex>
  );
}
