import type { ListItem } from '../../api/api-types';

/** One organization as the operator's list shows it. */
export type OrganizationRow = ListItem<'/api/v1/organizations'>;
