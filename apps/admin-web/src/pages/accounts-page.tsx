import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { ACCOUNT_ROLE_LABELS, addDays, formatViDate, maxDate, todayInVietnam } from '@coso/domain';
import { Button, DatePicker, Empty, Flex, message, Popconfirm, Radio, Result, Space, Table, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AccountForm } from '../accounts/account-form';
import { AccountsListDocument, ClearLoginThrottlesDocument, EndAccountDocument, LockAccountDocument } from '../accounts/accounts-documents';
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
import { displayDateTime } from '../records/history-diff';

import { useSignedInUser } from '../session/session';

type AccountRow = NonNullable<AccountsListQuery['accounts']>['nodes'][number];

/**
 * Locks an account now (lockAccount: refused from this instant, its sessions end at once — also on
 * the day it was created) or from a later date (endAccount). Nothing is deleted.
 */
function LockAccountButton({ account, onEnded }: { account: AccountRow; onEnded(): Promise<unknown> }) {
  const { t, language } = useMessages(accountsMessages, formsMessages);
  // A lock by date must come after the account's first day (accountEndViolations); today when it can.
  const earliest = addDays(account.validFrom, 1);
  const [when, setWhen] = useState<'now' | 'date'>('now');
  const [on, setOn] = useState(maxDate(todayInVietnam(), earliest));
  const [lockAccount, lockState] = useMutation(LockAccountDocument);
  const [endAccount, endState] = useMutation(EndAccountDocument);
  const lock = async () => {
    const input = { id: account.id, version: account.version };
    if (when === 'now') {
      const result = await lockAccount({ variables: { input } });
      return {
        outcome: mutationOutcome(result.data?.lockAccount ?? notFound),
        done: t('accounts.end.doneNow', { username: account.username }),
      };
    }
    const result = await endAccount({ variables: { input: { ...input, on } } });
    return {
      outcome: mutationOutcome(result.data?.endAccount ?? notFound),
      done: t('accounts.end.done', { username: account.username, on: formatViDate(on) }),
    };
  };
  return (
    <Popconfirm
      title={t('accounts.end.title', { username: account.username })}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>{t('accounts.end.text')}</Typography.Text>
          <Radio.Group aria-label={t('accounts.end.when')} value={when} onChange={(e) => setWhen(e.target.value)}>
            <Radio value="now">{t('accounts.end.now')}</Radio>
            <Radio value="date">{t('accounts.end.fromDate')}</Radio>
          </Radio.Group>
          {when === 'date' && (
            <DatePicker
              aria-label={t('accounts.end.on')}
              format="DD/MM/YYYY"
              allowClear={false}
              value={dayjs(on)}
              disabledDate={(date) => date.format('YYYY-MM-DD') < earliest}
              onChange={(date) => date && setOn(date.format('YYYY-MM-DD'))}
            />
          )}
        </Flex>
      }
      okText={t('accounts.end.confirm')}
      cancelText={t('forms.cancel')}
      okButtonProps={{ danger: true, loading: lockState.loading || endState.loading }}
      onConfirm={async () => {
        try {
          const { outcome, done } = await lock();
          if (outcome.kind === 'done') void message.success(done);
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

const notFound = { __typename: 'NotFoundError', localizedMessage: { vi: '', en: '' } } as const;

/** Clears the account's failed-sign-in delays (clearLoginThrottles), e.g. after its holder was slowed down by someone else's guesses. */
function ClearThrottlesButton({ account, onCleared }: { account: AccountRow; onCleared(): Promise<unknown> }) {
  const { t, language } = useMessages(accountsMessages, formsMessages);
  const [clear, { loading }] = useMutation(ClearLoginThrottlesDocument);
  return (
    <Popconfirm
      title={t('accounts.throttle.title', { username: account.username })}
      description={t('accounts.throttle.text')}
      okText={t('accounts.throttle.confirm')}
      cancelText={t('forms.cancel')}
      okButtonProps={{ loading }}
      onConfirm={async () => {
        try {
          const result = await clear({ variables: { input: { id: account.id, version: account.version } } });
          const outcome = mutationOutcome(result.data?.clearLoginThrottles ?? notFound);
          if (outcome.kind === 'done') void message.success(t('accounts.throttle.done', { username: account.username }));
          else if (outcome.kind === 'conflict') void message.warning(t('forms.conflict.title'));
          else if (outcome.kind === 'invalid') void message.error(outcome.violations.map((v) => v.message[language]).join(' '));
          else void message.error(localizedText(outcome.message, language) || t('forms.notFound'));
        } catch (error) {
          void message.error(errorText(error, language));
        }
        await onCleared();
      }}
    >
      <Button size="small">{t('accounts.throttle.button')}</Button>
    </Popconfirm>
  );
}

/** Locked now (lockAccount), or from a date that has come (endAccount). */
function isLocked(a: AccountRow, today: string): boolean {
  return a.lockedAt != null || (a.validTo != null && a.validTo <= today);
}

/**
 * The accounts (administrators only): who may sign in, with which role and territory; create,
 * edit (role, territory, party data, password reset), lock now or from a date, clear sign-in delays.
 * History is kept: a locked account stays listed with when it was locked.
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
  const accounts = (data ?? previousData)?.accounts ?? undefined;
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
        a.lockedAt ? (
          <Tag>{t('accounts.status.locked', { at: displayDateTime(a.lockedAt) })}</Tag>
        ) : a.validTo && a.validTo <= today ? (
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
        isLocked(a, today) ? null : (
          <Space wrap>
            <Button size="small" onClick={() => setEditing(a)}>
              {t('accounts.edit')}
            </Button>
            {a.username !== user.username && <LockAccountButton account={a} onEnded={refetch} />}
            <ClearThrottlesButton account={a} onCleared={refetch} />
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
          answered: data?.accounts ?? undefined,
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
