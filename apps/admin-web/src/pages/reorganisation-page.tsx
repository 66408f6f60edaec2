import { isIsoDate } from '@coso/domain';
import { Button, Flex, Result, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMessages } from '../i18n/language';
import { reorganisationMessages } from '../i18n/messages/reorganisation';
import { ReorganisationForm } from '../reorganisation/reorganisation-form';
import { useSignedInUser } from '../session/session';

/**
 * Record a reorganisation (/reorganisations/new?on=&from=): for accounts that may write. The
 * explorer links here with its date and selected place prefilled.
 */
export function ReorganisationPage() {
  const { t } = useMessages(reorganisationMessages);
  const user = useSignedInUser();
  const [params] = useSearchParams();
  const on = params.get('on');
  const from = params.get('from');

  if (!user.permissions.canWrite) {
    return (
      <Result
        status="403"
        title={t('reorganisation.forbidden.title')}
        subTitle={t('reorganisation.forbidden.text')}
        extra={
          <Link to="/explorer">
            <Button type="primary">{t('reorganisation.toExplorer')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('reorganisation.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reorganisation.intro')} <Link to="/explorer">{t('reorganisation.toExplorer')}</Link>
      </Typography.Paragraph>
      <ReorganisationForm initialEffectiveOn={on && isIsoDate(on) ? on : null} initialFromParentId={from || null} />
    </Flex>
  );
}
