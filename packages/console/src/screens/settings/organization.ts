import type { Answer } from '../../api/answer-type';
import type { AccessSettings } from './access-settings';

/** The caller's organization, as `GET /api/v1/organization` describes it. */
export type Organization = Answer<'/api/v1/organization', 'get'>;

export function accessSettingsOf(organization: Organization): AccessSettings {
  return {
    tokenTtlSeconds: organization.tokenTtlSeconds,
    allowedAudiences: organization.allowedAudiences,
    networkPolicyId: organization.networkPolicyId,
    maxCredentialLifetimeDays: organization.maxCredentialLifetimeDays,
  };
}
