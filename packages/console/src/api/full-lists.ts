import { ApiError, unwrap } from './api-error';
import { api } from './client';
import { largestPage, loadAllPages } from './load-all-pages';

/** A side list a screen can do without: not being allowed to read it leaves it undefined. */
export const unlessForbidden = <T>(load: Promise<T>): Promise<T | undefined> =>
  load.catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 403) return undefined;
    throw error;
  });

// Each list the console shows whole, read page after page (see loadAllPages for why whole).
const page = { limit: largestPage };

export const listServiceAccounts = () =>
  loadAllPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/service-accounts', { params: { query: { ...page, cursor } } })),
  );

/** Every user of the organization, in every account (the API filters them by nothing). */
export const listUsers = () =>
  loadAllPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/users', { params: { query: { ...page, cursor } } })),
  );

export const listNetworkPolicies = () =>
  loadAllPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/network-policies', { params: { query: { ...page, cursor } } })),
  );

export const listRoles = () =>
  loadAllPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/roles', { params: { query: { ...page, cursor } } })),
  );

export const listAccounts = () =>
  loadAllPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/accounts', { params: { query: { ...page, cursor } } })),
  );

export const listLogins = () =>
  loadAllPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/logins', { params: { query: { ...page, cursor } } })),
  );

/** The signed-in person's own client credentials: nobody lists anyone else's. */
export const listClientCredentials = () =>
  loadAllPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/client-credentials', { params: { query: { ...page, cursor } } })),
  );

/** The signed-in person's own key pairs. */
export const listAccessKeys = () =>
  loadAllPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/users/me/access-keys', { params: { query: { ...page, cursor } } })),
  );

/** Every organization on the server, for the platform operator. */
export const listOrganizations = () =>
  loadAllPages(async (cursor) =>
    unwrap(await api.GET('/api/v1/organizations', { params: { query: { ...page, cursor } } })),
  );
