import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider } from 'antd';
// The ES builds of the locales (antd/locale/* re-exports the CommonJS ones, which would bundle twice).
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app-routes';
import { createApolloClient } from './graphql-client/apollo-client';
import { LanguageProvider, useI18n } from './i18n/language';
import { SessionProvider } from './session/session';

const client = createApolloClient();

/**
 * A user whose system asks for reduced motion (an accessibility setting) gets Ant Design's
 * transitions turned off: menus, dropdowns, dialogs and drawers appear and go at once (loading
 * spinners still turn; messages, drawn outside this provider, keep theirs). Read as the app starts:
 * switching Ant Design's motion while it runs would remount the whole tree (its MotionWrapper adds
 * providers the first time motion differs), losing what a form holds.
 */
const REDUCED_MOTION = typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const THEME = { token: { colorPrimary: '#a8071a', borderRadius: 6, motion: !REDUCED_MOTION } };

function LocalizedApp() {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'vi' ? viVN : enUS} theme={THEME}>
      <ApolloProvider client={client}>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </ApolloProvider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LanguageProvider>
      <LocalizedApp />
    </LanguageProvider>
  );
}
