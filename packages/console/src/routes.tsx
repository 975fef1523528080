import type { RouteObject } from 'react-router';
import { Outlet } from 'react-router';
import { ConsoleShell } from './layout/console-shell';
import { consoleScreens } from './screens/console-screens';
import { NotFoundScreen } from './screens/not-found-screen';
import { OverviewScreen } from './screens/overview-screen';
import { SignInScreen } from './screens/sign-in-screen';
import { SessionProvider } from './session/session';

export const routes: RouteObject[] = [
  {
    element: (
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    ),
    children: [
      { path: 'sign-in', element: <SignInScreen /> },
      {
        element: <ConsoleShell />,
        children: [
          { index: true, element: <OverviewScreen /> },
          ...consoleScreens.map((screen) => ({ path: screen.path, lazy: screen.lazy })),
          { path: '*', element: <NotFoundScreen /> },
        ],
      },
    ],
  },
];
