import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../graphql-client/error-text';
import { useI18n } from '../i18n/language';
import { LanguageSwitch } from '../i18n/language-switch';
import { useSession } from '../session/session';
import { LoginDocument } from '../session/session-documents';
import { DemoAccountsBanner } from '../shell/demo-accounts-banner';
import { HOME_PATH } from '../shell/sections';

interface Credentials {
  username: string;
  password: string;
}

/** Only paths inside this app: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : HOME_PATH;
}

export function LoginPage() {
  const { t, language } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, { loading }] = useMutation(LoginDocument);
  const [failure, setFailure] = useState<{ vi: string; en: string } | { error: unknown } | null>(null);
  const next = safeNext(params.get('next'));

  if (session.state.status === 'signed-in') return <Navigate to={next} replace />;

  const onFinish = async ({ username, password }: Credentials) => {
    setFailure(null);
    try {
      const { data } = await login({ variables: { username: username.trim(), password } });
      const result = data?.login;
      if (result?.__typename === 'LoginSuccess') {
        await session.signIn(result.token);
        navigate(next, { replace: true });
      } else if (result?.__typename === 'LoginError') {
        setFailure({ vi: result.messageVi, en: result.messageEn });
      }
    } catch (error) {
      setFailure({ error });
    }
  };

  const failureText = failure === null ? null : 'error' in failure ? errorText(failure.error, language) : failure[language];
  const ended = session.state.status === 'signed-out' && session.state.reason === 'ended';

  return (
    <Flex vertical align="center" justify="center" gap={16} style={{ minHeight: '100vh', background: '#f5f5f5', padding: 16 }}>
      <div style={{ width: '100%', maxWidth: 640 }}>
        <DemoAccountsBanner />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('app.name')} · {t('app.tagline')}
            </Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>
        {ended && !failureText && <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('login.sessionEnded')} />}
        {failureText && (
          <Alert style={{ marginTop: 16 }} type="error" showIcon title={t('login.failed')} description={failureText} role="alert" />
        )}
        <Form<Credentials> layout="vertical" style={{ marginTop: 16 }} onFinish={onFinish} requiredMark={false} disabled={loading}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loading}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
