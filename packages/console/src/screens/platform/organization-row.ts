import type { Answer } from '../../api/answer-type';

/** One organization as the operator's list shows it. */
export type OrganizationRow = Answer<'/api/v1/organizations', 'get'>['items'][number];
