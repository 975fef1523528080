import { Badge } from '@mantine/core';
import type { ServiceAccount } from '../../api/api-types';

export type ServiceAccountStatus = 'Active' | 'Disabled' | 'Expired';

export function serviceAccountStatus(sa: ServiceAccount, now = Date.now()): ServiceAccountStatus {
  if (!sa.enabled) return 'Disabled';
  if (sa.validTo && Date.parse(sa.validTo) <= now) return 'Expired';
  return 'Active';
}

const colours: Record<ServiceAccountStatus, string> = { Active: 'teal', Disabled: 'gray', Expired: 'red' };

export function ServiceAccountStatusBadge({ status }: { status: ServiceAccountStatus }) {
  return (
    <Badge color={colours[status]} variant="dot" maw="none">
      {status}
    </Badge>
  );
}
