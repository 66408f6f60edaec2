import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import possibleTypes from '../gql/possible-types';
import { readToken, SESSION_ENDED, sessionEvents } from '../session/token-storage';

/** Same origin: the gateway serves this app and /graphql (Vite's dev server proxies it). */
export const GRAPHQL_PATH = '/graphql';

export function createApolloClient(): ApolloClient {
  const auth = new SetContextLink((previous) => {
    const token = readToken();
    if (!token) return {};
    return { headers: { ...previous.headers, authorization: `Bearer ${token}` } };
  });
  const sessionEnd = new ErrorLink(({ error, operation }) => {
    if (operation.operationName === 'Login') return;
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      sessionEvents.dispatchEvent(new Event(SESSION_ENDED));
    }
  });
  return new ApolloClient({
    link: ApolloLink.from([sessionEnd, auth, new HttpLink({ uri: GRAPHQL_PATH })]),
    cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
