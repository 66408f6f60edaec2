import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { ACCOUNT_ROLE_LABELS } from '@coso/domain';
import { Button, Drawer, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/language';
import { LanguageSwitch } from '../i18n/language-switch';
import { GlobalSearch } from '../search/global-search';
import { useSession, useSignedInUser } from '../session/session';
import { DemoAccountsBanner } from './demo-accounts-banner';
import { FullPageSpinner } from './full-page-spinner';
import { selectedMenuKey, visibleMenuItems } from './menu';
import { MenuSectionContext } from './menu-section';
import { SECTION_ICONS } from './section-icons';
import { useIsPhone } from './use-phone';
import './phone.css';

const { Header, Sider, Content } = Layout;

/**
 * Sidebar menu, the signed-in user (name, role, territory), language switch, sign-out; pages in
 * the content area. On a phone (use-phone.ts) the menu is a drawer over the page and the header
 * keeps one line: the menu button, the user's name (cut short, never wrapped), language, sign-out;
 * the role and territory are at the top of the drawer. The search (search/global-search.tsx) is
 * in the header, on a phone on a line of its own below it.
 */
export function AppShell() {
  const { t, language } = useI18n();
  const user = useSignedInUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const phone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const [declaredSection, setDeclaredSection] = useState<string | null>(null);
  const selected = selectedMenuKey(location.pathname, declaredSection);
  const items = visibleMenuItems(user.permissions);
  const scopeName = user.scopeUnit ? [user.scopeUnit.kindLabel, user.scopeUnit.name].filter(Boolean).join(' ') : null;
  const role = ACCOUNT_ROLE_LABELS[user.role][language];
  const scope = scopeName ? t('shell.scope', { name: scopeName }) : t('shell.scopeAll');

  const menu = (
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
        onClick={({ key }) => {
          setDrawerOpen(false);
          navigate(`/${key}`);
        }}
      />
    </nav>
  );

  const signOutButton = (
    <Button
      icon={<LogoutOutlined />}
      aria-label={t('shell.logout')}
      title={phone ? t('shell.logout') : undefined}
      loading={signingOut}
      onClick={() => {
        setSigningOut(true);
        void signOut();
      }}
    >
      {phone ? null : t('shell.logout')}
    </Button>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={272}
          title={t('app.name')}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <div style={{ padding: '12px 16px', background: '#fff' }} data-testid="drawer-user">
            <Space size={4} orientation="vertical">
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Tag color="blue">{role}</Tag>
              <Typography.Text type="secondary">{scope}</Typography.Text>
            </Space>
          </div>
          {menu}
        </Drawer>
      ) : (
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
          {menu}
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          data-testid="app-header"
          style={{
            background: '#fff',
            paddingInline: phone ? 8 : 24,
            borderBottom: '1px solid #f0f0f0',
            ...(phone ? { position: 'sticky', top: 0, zIndex: 10 } : {}),
          }}
        >
          <Flex align="center" justify="flex-end" gap={phone ? 8 : 16} style={{ height: '100%', minWidth: 0 }}>
            {phone && (
              <>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('shell.openMenu')}
                  aria-expanded={drawerOpen}
                  onClick={() => setDrawerOpen(true)}
                />
                <Typography.Text strong style={{ whiteSpace: 'nowrap', marginInlineEnd: 'auto' }}>
                  coso
                </Typography.Text>
              </>
            )}
            {!phone && (
              <div style={{ marginInlineEnd: 'auto', minWidth: 0 }}>
                <GlobalSearch width={360} />
              </div>
            )}
            {phone ? (
              <Typography.Text
                strong
                data-testid="signed-in-user"
                title={`${user.displayName} — ${role} — ${scope}`}
                ellipsis
                style={{ minWidth: 0, flex: '0 1 auto', whiteSpace: 'nowrap' }}
              >
                {user.displayName}
              </Typography.Text>
            ) : (
              <Space size={8} data-testid="signed-in-user">
                <Typography.Text strong>{user.displayName}</Typography.Text>
                <Tag color="blue">{role}</Tag>
                <Typography.Text type="secondary">{scope}</Typography.Text>
              </Space>
            )}
            <LanguageSwitch />
            {signOutButton}
          </Flex>
        </Header>
        {phone && (
          <div style={{ padding: '8px 12px', background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
            <GlobalSearch width="100%" />
          </div>
        )}
        <DemoAccountsBanner />
        <Content className="coso-content" style={{ padding: phone ? 12 : 24 }}>
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
