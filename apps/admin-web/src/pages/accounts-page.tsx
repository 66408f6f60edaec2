import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { ACCOUNT_ROLE_LABELS, addDays, formatViDate, maxDate, todayInVietnam } from '@coso/domain';
import { Button, DatePicker, Empty, Flex, message, Popconfirm, Result, Space, Table, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AccountForm } from '../accounts/account-form';
import { AccountsListDocument, EndAccountDocument } from '../accounts/accounts-documents';
import { mutationOutcome } from '../forms/mutation-outcome';
import type { AccountsListQuery } from '../gql/graphql';
import { errorText } from '../graphql-client/error-text';
import { localizedText } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { accountsMessages } from '../i18n/messages/accounts';
import { formsMessages } from '../i18n/messages/forms';
import { cursorPager, ListPager } from '../lists/list-pager';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { unitLabel } from '../lists/record-links';
import { pageSizeFromParam, useCursorPages } from '../lists/use-cursor-pages';
import { useListParams } from '../lists/use-list-params';

import { useSignedInUser } from '../session/session';

type AccountRow = AccountsListQuery['accounts']['nodes'][number];

/** Locks an account from a date (its sessions end then); nothing is deleted. */
function EndAccountButton({ account, onEnded }: { account: AccountRow; onEnded(): Promise<unknown> }) {
  const { t, language } = useMessages(accountsMessages, formsMessages);
  // The lock date must come after the account's first day (accountEndViolations); today when it can.
  const earliest = addDays(account.validFrom, 1);
  const [on, setOn] = useState(maxDate(todayInVietnam(), earliest));
  const [endAccount, { loading }] = useMutation(EndAccountDocument);
  return (
    <Popconfirm
      title={t('accounts.end.title', { username: account.username })}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>{t('accounts.end.text')}</Typography.Text>
          <DatePicker
            aria-label={t('accounts.end.on')}
            format="DD/MM/YYYY"
            allowClear={false}
            value={dayjs(on)}
            disabledDate={(date) => date.format('YYYY-MM-DD') < earliest}
            onChange={(date) => date && setOn(date.format('YYYY-MM-DD'))}
          />
        </Flex>
      }
      okText={t('accounts.end.confirm')}
      cancelText={t('forms.cancel')}
      okButtonProps={{ danger: true, loading }}
      onConfirm={async () => {
        try {
          const result = await endAccount({ variables: { input: { id: account.id, version: account.version, on } } });
          const outcome = mutationOutcome(result.data?.endAccount ?? { __typename: 'NotFoundError', localizedMessage: { vi: '', en: '' } });
          if (outcome.kind === 'done') void message.success(t('accounts.end.done', { username: account.username, on: formatViDate(on) }));
          else if (outcome.kind === 'conflict') void message.warning(t('forms.conflict.title'));
          else if (outcome.kind === 'invalid') void message.error(outcome.violations.map((v) => v.message[language]).join(' '));
          else void message.error(localizedText(outcome.message, language) || t('forms.notFound'));
        } catch (error) {
          void message.error(errorText(error, language));
        }
        await onEnded();
      }}
    >
      <Button size="small" danger>
        {t('accounts.end.button')}
      </Button>
    </Popconfirm>
  );
}

/**
 * The accounts (administrators only): who may sign in, with which role and territory; create,
 * edit (role, territory, party data, password reset) and lock from a date. History is kept: a
 * locked account stays listed with its end date.
 */
export function AccountsPage() {
  const { t, language } = useMessages(accountsMessages, formsMessages);
  const user = useSignedInUser();
  const { params, update } = useListParams();
  const size = pageSizeFromParam(params.get('size'));
  const pages = useCursorPages(String(size));
  const [editing, setEditing] = useState<AccountRow | null | undefined>(undefined);
  const { data, previousData, loading, error, refetch } = useQuery(AccountsListDocument, {
    variables: { first: size, after: pages.after },
    skip: !user.permissions.admin,
  });
  if (!user.permissions.admin) {
    return <Result status="403" title={t('accounts.forbidden.title')} subTitle={t('accounts.forbidden.text')} />;
  }
  const accounts = (data ?? previousData)?.accounts;
  const today = todayInVietnam();

  const columns: TableProps<AccountRow>['columns'] = [
    {
      key: 'username',
      title: t('accounts.column.username'),
      render: (_: unknown, a) => (
        <Flex vertical>
          <Typography.Text strong>{a.username}</Typography.Text>
          <Typography.Text type="secondary">{a.displayName}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'role',
      title: t('accounts.column.role'),
      render: (_: unknown, a) => (
        <Space size={4} wrap>
          <Tag color="blue">{ACCOUNT_ROLE_LABELS[a.role][language]}</Tag>
          {a.partyOrganisation && <Tag color="red">{t('accounts.column.party')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'scope',
      title: t('accounts.column.scope'),
      render: (_: unknown, a) => (a.scopeUnit ? unitLabel(a.scopeUnit) : t('accounts.column.scopeAll')),
    },
    {
      key: 'status',
      title: t('accounts.column.status'),
      render: (_: unknown, a) =>
        a.validTo && a.validTo <= today ? (
          <Tag>{t('accounts.status.ended', { on: formatViDate(addDays(a.validTo, -1)) })}</Tag>
        ) : (
          <Tag color="green">
            {a.validTo ? t('accounts.status.until', { on: formatViDate(addDays(a.validTo, -1)) }) : t('accounts.status.active')}
          </Tag>
        ),
    },
    {
      key: 'actions',
      title: t('accounts.column.actions'),
      render: (_: unknown, a) =>
        a.validTo && a.validTo <= today ? null : (
          <Space>
            <Button size="small" onClick={() => setEditing(a)}>
              {t('accounts.edit')}
            </Button>
            {a.username !== user.username && <EndAccountButton account={a} onEnded={refetch} />}
          </Space>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('accounts.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('accounts.create')}
        </Button>
      </Flex>
      {error && <LoadErrorAlert title={t('accounts.loadError')} error={error} onRetry={() => void refetch()} />}
      <Table<AccountRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={accounts?.nodes ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: loading ? t('common.loading') : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      />
      <ListPager
        {...cursorPager({
          testId: 'accounts-total',
          totalText: (count) => t('accounts.total', { count }),
          shown: accounts,
          answered: data?.accounts,
          loading,
          pages,
          size,
          update,
        })}
      />
      {editing !== undefined && <AccountForm account={editing} open onClose={() => setEditing(undefined)} onSaved={() => refetch()} />}
    </Flex>
  );
}
