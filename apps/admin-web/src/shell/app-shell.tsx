import { LogoutOutlined } from '@ant-design/icons';
import { ACCOUNT_ROLE_LABELS } from '@coso/domain';
import { Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/language';
import { LanguageSwitch } from '../i18n/language-switch';
import { useSession, useSignedInUser } from '../session/session';
import { DemoAccountsBanner } from './demo-accounts-banner';
import { FullPageSpinner } from './full-page-spinner';
import { selectedMenuKey, visibleMenuItems } from './menu';
import { MenuSectionContext } from './menu-section';
import { SECTION_ICONS } from './section-icons';

const { Header, Sider, Content } = Layout;

/** Sidebar menu, the signed-in user (name, role, territory), language switch, sign-out; pages in the content area. */
export function AppShell() {
  const { t, language } = useI18n();
  const user = useSignedInUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const [declaredSection, setDeclaredSection] = useState<string | null>(null);
  const selected = selectedMenuKey(location.pathname, declaredSection);
  const items = visibleMenuItems(user.permissions.admin);
  const scopeName = user.scopeUnit ? [user.scopeUnit.kindLabel, user.scopeUnit.name].filter(Boolean).join(' ') : null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={232}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? 'coso' : t('app.name')}
        </div>
        <nav aria-label={t('shell.menu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items.map((item) => ({
              key: item.path,
              icon: item.icon ? <item.icon /> : SECTION_ICONS[item.path],
              label: item.label[language],
            }))}
            onClick={({ key }) => navigate(`/${key}`)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', paddingInline: 24, borderBottom: '1px solid #f0f0f0' }}>
          <Flex align="center" justify="flex-end" gap={16} style={{ height: '100%' }}>
            <Space size={8} data-testid="signed-in-user">
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Tag color="blue">{ACCOUNT_ROLE_LABELS[user.role][language]}</Tag>
              <Typography.Text type="secondary">{scopeName ? t('shell.scope', { name: scopeName }) : t('shell.scopeAll')}</Typography.Text>
            </Space>
            <LanguageSwitch />
            <Button
              icon={<LogoutOutlined />}
              loading={signingOut}
              onClick={() => {
                setSigningOut(true);
                void signOut();
              }}
            >
              {t('shell.logout')}
            </Button>
          </Flex>
        </Header>
        <DemoAccountsBanner />
        <Content style={{ padding: 24 }}>
          <MenuSectionContext value={setDeclaredSection}>
            <Suspense fallback={<FullPageSpinner />}>
              <Outlet />
            </Suspense>
          </MenuSectionContext>
        </Content>
      </Layout>
    </Layout>
  );
}
