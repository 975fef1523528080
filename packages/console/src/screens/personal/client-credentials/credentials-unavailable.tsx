import { Alert } from '@mantine/core';
import type { Session } from '../../../session/session';

/**
 * Why the person cannot have client credentials here, and whom to ask; undefined when they can. Read from
 * the session, so the screen explains rather than calling the API to be refused.
 */
export function unavailableReason(session: Session): { title: string; text: string } | undefined {
  const { organization, login, user } = session;
  if (!organization.programmaticAccessAvailable) {
    return {
      title: 'Programmatic access is not available',
      text: 'The platform operator has not made programmatic access available to this organization. Ask them to.',
    };
  }
  if (!organization.programmaticAccessEnabled) {
    return {
      title: 'Programmatic access is off',
      text: login.isOrganizationAdmin
        ? 'Turn it on in Organization settings › Programmatic Access; until then no credential works.'
        : 'An organization admin has to turn it on in Organization settings › Programmatic Access.',
    };
  }
  if (!user) {
    return {
      title: 'You have no user in this account',
      text: 'A client credential acts as your user. Ask an organization admin to create one for you.',
    };
  }
  return undefined;
}

export function CredentialsUnavailable({ reason }: { reason: { title: string; text: string } }) {
  return (
    <Alert color="indigo" title={reason.title}>
      {reason.text}
    </Alert>
  );
}
