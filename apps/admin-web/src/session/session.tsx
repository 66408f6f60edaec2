import { useApolloClient } from '@apollo/client/react';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionUserFragment } from '../gql/graphql';
import { LogoutDocument, MeDocument } from './session-documents';
import { clearToken, readToken, SESSION_ENDED, sessionEvents, writeToken } from './token-storage';

export type SessionUser = SessionUserFragment;

export type SessionState =
  | { status: 'checking' }
  | { status: 'unreachable' }
  /** `visitor`: never signed in in this tab; `ended`: the server ended the session; `logout`: the user signed out. */
  | { status: 'signed-out'; reason: 'visitor' | 'ended' | 'logout' }
  | { status: 'signed-in'; user: SessionUser };

export interface Session {
  state: SessionState;
  /** Keeps the token of a successful login and reads who signed in; rejects when that fails. */
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
  /** Asks the server again who is signed in (after the server could not be reached). */
  recheck(): void;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in: the token in sessionStorage, confirmed by `me` on load. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [state, setState] = useState<SessionState>(() =>
    readToken() ? { status: 'checking' } : { status: 'signed-out', reason: 'visitor' },
  );

  useEffect(() => {
    if (state.status !== 'checking') return;
    let cancelled = false;
    client
      .query({ query: MeDocument, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        if (cancelled) return;
        const me = data?.me;
        if (me) {
          setState({ status: 'signed-in', user: me });
        } else {
          clearToken();
          setState({ status: 'signed-out', reason: 'ended' });
        }
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'unreachable' });
      });
    return () => {
      cancelled = true;
    };
  }, [client, state.status]);

  useEffect(() => {
    const ended = () => {
      clearToken();
      void client.clearStore();
      setState({ status: 'signed-out', reason: 'ended' });
    };
    sessionEvents.addEventListener(SESSION_ENDED, ended);
    return () => sessionEvents.removeEventListener(SESSION_ENDED, ended);
  }, [client]);

  const signIn = useCallback(
    async (token: string) => {
      // Another account's answers (other territory, other masking) must not be shown from the cache.
      await client.clearStore();
      writeToken(token);
      try {
        const { data } = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
        if (!data?.me) throw new Error('signed in, but `me` is empty');
        setState({ status: 'signed-in', user: data.me });
      } catch (error) {
        clearToken();
        throw error;
      }
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await client.mutate({ mutation: LogoutDocument });
    } catch {
      // The token is dropped here whatever the server says; it expires there by itself.
    }
    clearToken();
    await client.clearStore();
    setState({ status: 'signed-out', reason: 'logout' });
  }, [client]);

  const recheck = useCallback(() => setState({ status: 'checking' }), []);

  const value = useMemo<Session>(() => ({ state, signIn, signOut, recheck }), [state, signIn, signOut, recheck]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession() outside <SessionProvider>');
  return context;
}

/** The signed-in user; only for components under <RequireSession>. */
export function useSignedInUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedInUser() without a signed-in user');
  return state.user;
}
