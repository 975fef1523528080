import { Alert } from '@mantine/core';
import { useSession } from '../session/session';

/**
 * Says why credentials cannot be used or managed while programmatic access is off, and whom to ask: the
 * platform operator makes it available, an organization admin turns it on.
 */
export function ProgrammaticAccessNotice() {
  const { session } = useSession();
  const { programmaticAccessAvailable, programmaticAccessEnabled } = session.organization;
  if (programmaticAccessEnabled) return null;
  return (
    <Alert color="yellow" title="Programmatic access is off" mb="md">
      {programmaticAccessAvailable
        ? 'Credentials cannot be created or used until an organization admin turns on Programmatic Access in the organization settings.'
        : 'The platform operator has not made programmatic access available to this organization yet; ask them, then an organization admin can turn it on.'}
    </Alert>
  );
}
