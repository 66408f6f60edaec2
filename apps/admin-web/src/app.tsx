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
import { REDUCED_MOTION_QUERY, useMediaQuery } from './shell/use-media-query';

const client = createApolloClient();

const TOKEN = { colorPrimary: '#a8071a', borderRadius: 6 };
// Ant Design's animations (menus, dialogs, messages) follow the system's reduced-motion setting.
const THEME = { token: { ...TOKEN, motion: true } };
const STILL_THEME = { token: { ...TOKEN, motion: false } };

function LocalizedApp() {
  const { language } = useI18n();
  const reducedMotion = useMediaQuery(REDUCED_MOTION_QUERY);
  return (
    <ConfigProvider locale={language === 'vi' ? viVN : enUS} theme={reducedMotion ? STILL_THEME : THEME}>
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
