import { Button, Flex, Result, Spin } from 'antd';
import { useNavigate } from 'react-router';
import { useMessages } from '../i18n/language';
import { recordsMessages } from '../i18n/messages/records';
import { LoadErrorAlert } from '../lists/load-error-alert';
import type { DetailProblem } from './detail-problem';

export function DetailLoading() {
  const { t } = useMessages(recordsMessages);
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin size="large" description={t('common.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}

export interface DetailProblemViewProps {
  problem: Exclude<DetailProblem, null>;
  error: unknown;
  onRetry(): void;
  /** Where "back to the list" leads ('/people'). */
  listPath: string;
}

/** A record the page cannot show: refused (403), missing (404), or a failed request (retry). */
export function DetailProblemView({ problem, error, onRetry, listPath }: DetailProblemViewProps) {
  const { t } = useMessages(recordsMessages);
  const navigate = useNavigate();
  if (problem === 'error') return <LoadErrorAlert title={t('records.loadError')} error={error} onRetry={onRetry} />;
  const back = (
    <Button type="primary" onClick={() => navigate(listPath)}>
      {t('records.backToList')}
    </Button>
  );
  return problem === 'forbidden' ? (
    <Result status="403" title={t('records.forbidden.title')} subTitle={t('records.forbidden.text')} extra={back} />
  ) : (
    <Result status="404" title={t('records.notFound.title')} subTitle={t('records.notFound.text')} extra={back} />
  );
}

/** For pages a role may not use at all (a form without write permission). */
export function NoPermissionResult({ backPath }: { backPath: string }) {
  const { t } = useMessages(recordsMessages);
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('records.noPermission.title')}
      subTitle={t('records.noPermission.text')}
      extra={
        <Button type="primary" onClick={() => navigate(backPath)}>
          {t('records.back')}
        </Button>
      }
    />
  );
}
