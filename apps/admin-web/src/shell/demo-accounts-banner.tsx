import { useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { graphql } from '../gql';
import { useI18n } from '../i18n/language';

// Public: asked before sign-in too. The server lists the demo accounts whose published password
// still signs in (a fresh `npm start` holds them; a real installation must not).
const InstallationDocument = graphql(`
  query Installation {
    installation {
      openDemoAccounts
    }
  }
`);

/** A warning across the page while any demo account can sign in with its published password. */
export function DemoAccountsBanner() {
  const { t } = useI18n();
  const { data } = useQuery(InstallationDocument, { fetchPolicy: 'cache-and-network' });
  const open = data?.installation.openDemoAccounts ?? [];
  if (open.length === 0) return null;
  return (
    <Alert
      banner
      type="warning"
      showIcon
      // A standing notice, not an event: "status" keeps it apart from the alerts of a failed action.
      role="status"
      data-testid="demo-accounts-banner"
      title={t('shell.demoAccountsTitle')}
      description={t('shell.demoAccounts', { names: open.join(', ') })}
    />
  );
}
