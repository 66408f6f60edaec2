import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpinner } from '../shell/full-page-spinner';
import { useSession } from './session';

const SessionUnreachable = lazy(async () => ({ default: (await import('./session-unreachable')).SessionUnreachable }));

/** The signed-in part of the app; anyone else goes to /login and comes back after. */
export function RequireSession() {
  const { state, recheck } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'checking':
      return <FullPageSpinner />;
    case 'unreachable':
      return (
        <Suspense fallback={<FullPageSpinner />}>
          <SessionUnreachable onRetry={recheck} />
        </Suspense>
      );
    case 'signed-out': {
      // Back to where the visitor was going after signing in; not after signing out (the next
      // person at this computer starts afresh).
      const next = `${location.pathname}${location.search}`;
      const search = next === '/' || state.reason === 'logout' ? '' : `?next=${encodeURIComponent(next)}`;
      return <Navigate to={`/login${search}`} replace />;
    }
    case 'signed-in':
      return <Outlet />;
  }
}
