import { DEMO_ACCOUNTS } from '@coso/schema';

/** Signs a demo account in over HTTP and returns its bearer token. */
export async function signIn(graphqlUrl: string, username = 'admin'): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } ... on LoginError { code } } }',
      variables: { u: username, p: account.password },
    }),
  });
  const body = (await res.json()) as { data?: { login: { __typename: string; token?: string; code?: string } } };
  const token = body.data?.login.token;
  if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(body)}`);
  return token;
}
