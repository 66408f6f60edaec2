import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, type RouteObject, useRoutes } from 'react-router';
import { RequireSession } from './session/require-session';
import { FullPageSpinner } from './shell/full-page-spinner';
import { HOME_PATH, SECTIONS } from './shell/sections';

// Each page is its own chunk, loaded when first visited: the first screen carries only the
// providers and the router.
const named = <K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const LoginPage = named(() => import('./pages/login-page'), 'LoginPage');
const AppShell = named(() => import('./shell/app-shell'), 'AppShell');
const UnitsPage = named(() => import('./pages/units-page'), 'UnitsPage');
const ComingSoonPage = named(() => import('./pages/coming-soon-page'), 'ComingSoonPage');
const NotFoundPage = named(() => import('./pages/not-found-page'), 'NotFoundPage');

const READY_PAGES: Record<string, ComponentType> = { units: UnitsPage };

const sectionRoutes: RouteObject[] = SECTIONS.map((section) => {
  const Page = READY_PAGES[section.path];
  return { path: section.path, element: section.ready && Page ? <Page /> : <ComingSoonPage feature={section.label} /> };
});

export const routes: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageSpinner />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: (
          <Suspense fallback={<FullPageSpinner />}>
            <AppShell />
          </Suspense>
        ),
        children: [
          { index: true, element: <Navigate to={HOME_PATH} replace /> },
          ...sectionRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * The routes, matched by react-router's declarative mode (<BrowserRouter> + useRoutes): the data
 * router (loaders, actions, fetchers) would add about 25 kB gzip to the first screen for nothing,
 * as data comes through Apollo.
 */
export function AppRoutes() {
  return useRoutes(routes);
}
