import type { RouteObject } from 'react-router';
import { holds } from '../session/holds';
import type { Session } from '../session/session';

/**
 * Every screen behind sign-in: its path, its place in the navigation, who sees it there, and its code,
 * loaded when first opened so the first page stays small.
 */
export interface ConsoleScreen {
  path: string;
  /** In the navigation under this label; screens reached from another (a user's page) have none. */
  label?: string;
  section?: 'Organization' | 'Personal' | 'Platform';
  visibleTo?: (session: Session) => boolean;
  lazy: RouteObject['lazy'];
}

export const consoleScreens: ConsoleScreen[] = [
  {
    path: 'settings/programmatic-access',
    label: 'Organization settings',
    section: 'Organization',
    visibleTo: (session) =>
      session.login.isOrganizationAdmin || holds(session, 'portcullis.organization', 'get'),
    lazy: () => import('./settings/programmatic-access-screen'),
  },
  {
    path: 'service-accounts',
    label: 'Service accounts',
    section: 'Organization',
    visibleTo: (session) => holds(session, 'portcullis.service_accounts', 'list'),
    lazy: () => import('./service-accounts/service-accounts-screen'),
  },
  {
    path: 'users',
    label: 'Users',
    section: 'Organization',
    visibleTo: (session) => holds(session, 'portcullis.users', 'list'),
    lazy: () => import('./users/users-screen'),
  },
  { path: 'users/:id', lazy: () => import('./users/user-screen') },
  {
    path: 'network-policies',
    label: 'Network policies',
    section: 'Organization',
    visibleTo: (session) => holds(session, 'portcullis.network_policies', 'list'),
    lazy: () => import('./network-policies/network-policies-screen'),
  },
  {
    path: 'audit-log',
    label: 'Audit log',
    section: 'Organization',
    visibleTo: (session) => holds(session, 'portcullis.audit_log', 'list'),
    lazy: () => import('./audit-log/audit-log-screen'),
  },
  {
    path: 'client-credentials',
    label: 'Client credentials',
    section: 'Personal',
    visibleTo: (session) => holds(session, 'portcullis.client_credentials', 'list'),
    lazy: () => import('./personal/client-credentials-screen'),
  },
  {
    path: 'access-keys',
    label: 'My access keys',
    section: 'Personal',
    visibleTo: (session) => Boolean(session.user) && holds(session, 'portcullis.client_credentials', 'list'),
    lazy: () => import('./access-keys/access-keys-screen'),
  },
  {
    path: 'organizations',
    label: 'Organizations',
    section: 'Platform',
    visibleTo: (session) => session.login.isPlatformOperator,
    lazy: () => import('./platform/organizations-screen'),
  },
];
