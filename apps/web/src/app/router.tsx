import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { RootLayout } from './root-layout';
import { RouteError } from './routes/route-error';
import { ShowsRoute } from './routes/shows';

/** The shows page ships in the first chunk; every other screen is fetched when first visited. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <ShowsRoute /> },
      { path: 'login', lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginRoute })) },
      { path: 'register', lazy: () => import('./routes/register').then((m) => ({ Component: m.RegisterRoute })) },
      { path: 'shows/:id', lazy: () => import('./routes/book-show').then((m) => ({ Component: m.BookShowRoute })) },
      {
        path: 'my-bookings',
        lazy: () => import('./routes/my-bookings').then((m) => ({ Component: m.MyBookingsRoute })),
      },
      {
        path: 'bookings/:id',
        lazy: () => import('./routes/receipt').then((m) => ({ Component: m.ReceiptRoute })),
      },
      { path: 'admin', lazy: () => import('./routes/admin').then((m) => ({ Component: m.AdminRoute })) },
      {
        path: 'admin/reports',
        lazy: () => import('./routes/admin-reports').then((m) => ({ Component: m.AdminReportsRoute })),
      },
      {
        path: 'admin/shows/:id',
        lazy: () => import('./routes/admin-show').then((m) => ({ Component: m.AdminShowRoute })),
      },
      {
        path: 'admin/series/:id',
        lazy: () => import('./routes/admin-series').then((m) => ({ Component: m.AdminSeriesRoute })),
      },
      { path: '*', lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })) },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
export const createTestRouter = (path: string) => createMemoryRouter(routes, { initialEntries: [path] });
