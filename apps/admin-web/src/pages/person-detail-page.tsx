import { useMutation, useQuery } from '@apollo/client/react';
import { FIELD_LABELS, formatViDate, PARTY_STATUS_LABELS, RESIDENCE_CONTACT_CATEGORY_LABELS, roleLabel, SEX_LABELS } from '@coso/domain';
import { Alert, Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { mutationOutcome } from '../forms/mutation-outcome';
import type { PersonDetailQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { peopleMessages } from '../i18n/messages/people';
import { recordsMessages } from '../i18n/messages/records';
import { forbiddenParts } from '../lists/partial-errors';
import { EndPersonDocument, PersonDetailDocument } from '../people/person-detail-documents';
import { isPersonDetailFlash } from '../people/person-detail-flash';

import { DetailHeader } from '../records/detail-header';
import { currentNode, detailProblem } from '../records/detail-problem';
import { DetailLoading, DetailProblemView } from '../records/detail-states';
import { EndRecordDialog, useEndRecord } from '../records/end-record-dialog';
import { MaskedText } from '../records/masked-text';
import { periodState, periodText } from '../records/period';
import { RecordHistory } from '../records/record-history';
import { unitOptionLabel } from '../records/unit-picker';
import { detailPath, useAsOfInsideRecord, useDetailAsOf } from '../records/use-detail-as-of';
import { useSignedInUser } from '../session/session';

type Person = Extract<NonNullable<PersonDetailQuery['node']>, { __typename: 'Person' }>;
type MembershipRow = Person['memberships'][number];
type PartyRow = NonNullable<Person['partyMemberships']>[number];
type ContactRow = NonNullable<Person['residenceContacts']>[number];

const PARTY_PATHS = ['node.partyMemberships', 'node.residenceContacts'];

/** /people/:id — a person's details (personal data as the role may see it), posts over time, history. */
export function PersonDetailPage() {
  const { t, language } = useMessages(peopleMessages, recordsMessages);
  const user = useSignedInUser();
  const navigate = useNavigate();
  const location = useLocation();
  const id = decodeURIComponent(useParams().id ?? '');
  const { asOf, setAsOf } = useDetailAsOf();
  const [endPerson] = useMutation(EndPersonDocument, { refetchQueries: ['RecordHistory'] });
  const { data, previousData, loading, error, refetch } = useQuery(PersonDetailDocument, { variables: { id, asOf }, errorPolicy: 'all' });
  const { ended, start: startEnding, dialog: endDialog } = useEndRecord(refetch);
  const node = currentNode(data, previousData, id);
  useAsOfInsideRecord(node?.__typename === 'Person' ? node : null);
  const problem = detailProblem(error, node, 'Person', loading);
  if (problem) return <DetailProblemView problem={problem} error={error} onRetry={() => void refetch()} listPath="/people" />;
  if (node?.__typename !== 'Person') return <DetailLoading />;
  const person: Person = node;
  // Party records come as null (with a FORBIDDEN error) to roles without party access: the cards
  // say so themselves; the warning is for anything else the territory hides.
  const { paths: forbiddenPaths, onlyForbidden } = forbiddenParts(error, true);
  const partial = onlyForbidden && [...forbiddenPaths].some((path) => !PARTY_PATHS.some((p) => path.startsWith(p)));
  const flash = isPersonDetailFlash(location.state) ? location.state : null;
  const canWrite = user.permissions.canWrite;
  const label = (field: keyof typeof FIELD_LABELS) => FIELD_LABELS[field][language];

  const membershipColumns = [
    {
      title: t('people.detail.membership.organization'),
      key: 'organization',
      render: (_: unknown, m: MembershipRow) => (
        <Link to={detailPath('organizations', m.organization.id, asOf)}>{m.organization.name}</Link>
      ),
    },
    {
      title: t('people.detail.membership.role'),
      key: 'role',
      render: (_: unknown, m: MembershipRow) => roleLabel(m.role, m.organization.kind)[language],
    },
    { title: t('people.detail.membership.post'), key: 'post', render: (_: unknown, m: MembershipRow) => m.post?.label ?? '—' },
    { title: t('records.column.period'), key: 'period', render: (_: unknown, m: MembershipRow) => periodText(t, m.validFrom, m.validTo) },
    {
      title: t('people.detail.membership.current'),
      key: 'current',
      render: (_: unknown, m: MembershipRow) =>
        periodState(m.validFrom, m.validTo, asOf) === 'active' ? <Tag color="green">{t('records.status.active')}</Tag> : null,
    },
  ];

  const notVisible = <Typography.Text type="secondary">{t('people.detail.notVisible')}</Typography.Text>;

  return (
    <Flex vertical gap={16}>
      <DetailHeader
        title={person.fullName}
        kindText={t('people.detail.kind')}
        validFrom={person.validFrom}
        validTo={ended ?? person.validTo}
        asOf={asOf}
        onAsOf={setAsOf}
        trail={[{ title: t('menu.people'), to: '/people' }, { title: person.fullName }]}
        actions={
          canWrite && (
            <>
              <Button type="primary" onClick={() => navigate(`${detailPath('people', person.id)}/edit`)}>
                {t('people.detail.edit')}
              </Button>
              {!person.validTo && (
                <Button danger onClick={startEnding}>
                  {t('people.detail.end')}
                </Button>
              )}
            </>
          )
        }
      />

      {flash && (
        <Alert
          type="success"
          showIcon
          closable
          title={t(flash.flash === 'created' ? 'people.detail.created' : 'people.detail.saved', { name: flash.name })}
        />
      )}
      {ended && <Alert type="success" showIcon title={t('records.end.done', { on: formatViDate(ended) })} />}
      {partial && <Alert type="warning" showIcon title={t('records.partialData')} />}

      <Card title={t('people.detail.facts')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'fullName', label: label('fullName'), children: person.fullName },
            { key: 'sex', label: label('sex'), children: SEX_LABELS[person.sex][language] },
            {
              key: 'birth',
              label: t('people.detail.birth'),
              children: person.birthDate ? formatViDate(person.birthDate) : t('people.detail.birthYearOnly', { year: person.birthYear }),
            },
            { key: 'citizenId', label: label('citizenId'), children: <MaskedText value={person.citizenId} /> },
            { key: 'phone', label: label('phone'), children: <MaskedText value={person.phone} /> },
            {
              key: 'residence',
              label: label('residenceUnitId'),
              children: person.residenceUnit ? (
                <Link to={detailPath('units', person.residenceUnit.id, asOf)}>{unitOptionLabel(person.residenceUnit)}</Link>
              ) : (
                t('people.detail.residenceNone')
              ),
            },
            { key: 'period', label: t('people.detail.period'), children: periodText(t, person.validFrom, ended ?? person.validTo) },
          ]}
        />
      </Card>

      <Card title={t('people.detail.memberships')}>
        <Table<MembershipRow>
          rowKey="id"
          size="small"
          pagination={false}
          columns={membershipColumns}
          dataSource={person.memberships}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.detail.membershipsEmpty')} /> }}
        />
      </Card>

      <Card title={t('people.detail.partyMemberships')}>
        {person.partyMemberships === null ? (
          notVisible
        ) : (
          <Table<PartyRow>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={person.partyMemberships}
            columns={[
              { title: label('status'), key: 'status', render: (_: unknown, p) => PARTY_STATUS_LABELS[p.status][language] },
              {
                title: label('homeCellId'),
                key: 'cell',
                render: (_: unknown, p) => <Link to={detailPath('organizations', p.homeCell.id, asOf)}>{p.homeCell.name}</Link>,
              },
              { title: label('admittedOn'), key: 'admitted', render: (_: unknown, p) => (p.admittedOn ? formatViDate(p.admittedOn) : '—') },
              { title: t('records.column.period'), key: 'period', render: (_: unknown, p) => periodText(t, p.validFrom, p.validTo) },
            ]}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.detail.partyMembershipsEmpty')} /> }}
          />
        )}
      </Card>

      <Card title={t('people.detail.residenceContacts')}>
        {person.residenceContacts === null ? (
          notVisible
        ) : (
          <Table<ContactRow>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={person.residenceContacts}
            columns={[
              {
                title: label('category'),
                key: 'category',
                render: (_: unknown, c) => RESIDENCE_CONTACT_CATEGORY_LABELS[c.category][language],
              },
              {
                title: label('residenceCellId'),
                key: 'cell',
                render: (_: unknown, c) => <Link to={detailPath('organizations', c.residenceCell.id, asOf)}>{c.residenceCell.name}</Link>,
              },
              { title: t('records.column.period'), key: 'period', render: (_: unknown, c) => periodText(t, c.validFrom, c.validTo) },
            ]}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.detail.residenceContactsEmpty')} /> }}
          />
        )}
      </Card>

      <RecordHistory id={person.id} />

      {canWrite && (
        <EndRecordDialog
          {...endDialog}
          what={t('people.detail.endWhat')}
          name={person.fullName}
          validFrom={person.validFrom}
          suggestedOn={asOf}
          consequence={t('people.detail.endConsequence')}
          end={async (on) => {
            const { data: result } = await endPerson({ variables: { input: { id: person.id, version: person.version, on } } });
            if (!result) throw new Error('no answer');
            return mutationOutcome(result.endPerson);
          }}
        />
      )}
    </Flex>
  );
}
