import type { Answer } from './answer-type';
import type { paths } from './schema';

/** One item of a paged list: the type of what `GET Path` answers in `items`. */
export type ListItem<Path extends keyof paths> =
  Answer<Path, 'get' & keyof paths[Path]> extends {
    items: (infer Item)[];
  }
    ? Item
    : never;

export type ServiceAccount = ListItem<'/api/v1/service-accounts'>;
export type User = ListItem<'/api/v1/users'>;
export type Role = ListItem<'/api/v1/roles'>;
export type Account = ListItem<'/api/v1/accounts'>;
export type NetworkPolicy = ListItem<'/api/v1/network-policies'>;
export type Login = ListItem<'/api/v1/logins'>;
export type AccessKey = ListItem<'/api/v1/users/me/access-keys'>;
export type ClientCredential = ListItem<'/api/v1/client-credentials'>;
/** One organization as the platform operator's list shows it. */
export type OrganizationRow = ListItem<'/api/v1/organizations'>;
