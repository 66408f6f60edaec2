import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, type RouteObject, useRoutes } from 'react-router';
import { RequireSession } from './session/require-session';
import { FullPageSpinner } from './shell/full-page-spinner';
import { HOME_PATH } from './shell/sections';

// Each page is its own chunk, loaded when first visited: the first screen carries only the
// providers and the router.
const named = <K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const LoginPage = named(() => import('./pages/login-page'), 'LoginPage');
const AppShell = named(() => import('./shell/app-shell'), 'AppShell');
const DashboardPage = named(() => import('./pages/dashboard-page'), 'DashboardPage');
const UnitDetailPage = named(() => import('./pages/unit-detail-page'), 'UnitDetailPage');
const ExplorerPage = named(() => import('./pages/explorer-page'), 'ExplorerPage');
const ReorganisationPage = named(() => import('./pages/reorganisation-page'), 'ReorganisationPage');
const BuildingDetailPage = named(() => import('./pages/building-detail-page'), 'BuildingDetailPage');
const OrganizationsPage = named(() => import('./pages/organizations-page'), 'OrganizationsPage');
const OrganizationDetailPage = named(() => import('./pages/organization-detail-page'), 'OrganizationDetailPage');
const EstablishBoardPage = named(() => import('./pages/establish-board-page'), 'EstablishBoardPage');
const ConsolidateBoardPage = named(() => import('./pages/consolidate-board-page'), 'ConsolidateBoardPage');
const PeoplePage = named(() => import('./pages/people-page'), 'PeoplePage');
const PersonDetailPage = named(() => import('./pages/person-detail-page'), 'PersonDetailPage');
const PersonFormPage = named(() => import('./pages/person-form-page'), 'PersonFormPage');
const DirectiveReportPage = named(() => import('./pages/directive-report-page'), 'DirectiveReportPage');
const FindingsPage = named(() => import('./pages/findings-page'), 'FindingsPage');
const AccountsPage = named(() => import('./pages/accounts-page'), 'AccountsPage');
const ImportsPage = named(() => import('./pages/imports-page'), 'ImportsPage');
const ImportBatchPage = named(() => import('./pages/import-batch-page'), 'ImportBatchPage');
const RegistryListRoute = named(() => import('./lists/registry/registry-list-page'), 'RegistryListRoute');
const NotFoundPage = named(() => import('./pages/not-found-page'), 'NotFoundPage');

/** The pages inside the shell (named paths come before `:list`, whatever their order here). Detail pages take the record's global id; lists keep their filters in the query string. */
const pageRoutes: RouteObject[] = [
  { path: 'dashboard', element: <DashboardPage /> },
  { path: 'units/:id', element: <UnitDetailPage /> },
  { path: 'explorer', element: <ExplorerPage /> },
  { path: 'reorganisations/new', element: <ReorganisationPage /> },
  { path: 'buildings/:id', element: <BuildingDetailPage /> },
  { path: 'boards', element: <OrganizationsPage kinds={['MANAGEMENT_BOARD']} /> },
  { path: 'boards/establish', element: <EstablishBoardPage /> },
  { path: 'boards/:id/consolidate', element: <ConsolidateBoardPage /> },
  { path: 'party-cells', element: <OrganizationsPage kinds={['PARTY_CELL']} /> },
  { path: 'organizations', element: <OrganizationsPage /> },
  { path: 'organizations/:id', element: <OrganizationDetailPage /> },
  { path: 'people', element: <PeoplePage /> },
  { path: 'people/new', element: <PersonFormPage /> },
  { path: 'people/:id', element: <PersonDetailPage /> },
  { path: 'people/:id/edit', element: <PersonFormPage /> },
  { path: 'directive-report', element: <DirectiveReportPage /> },
  { path: 'findings', element: <FindingsPage /> },
  { path: 'accounts', element: <AccountsPage /> },
  { path: 'imports', element: <ImportsPage /> },
  { path: 'imports/:id', element: <ImportBatchPage /> },
  // The registry's lists (lists/registry/list-registry.ts): /units, /buildings… A path the
  // registry does not hold shows "page not found".
  { path: ':list', element: <RegistryListRoute /> },
];

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
        children: [{ index: true, element: <Navigate to={HOME_PATH} replace /> }, ...pageRoutes, { path: '*', element: <NotFoundPage /> }],
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
