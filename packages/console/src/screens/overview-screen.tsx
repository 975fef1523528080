import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../layout/page-title';
import { useSession } from '../session/session';
import { consoleScreens } from './console-screens';

/** Where a person lands: who they are here, and the screens they can open. */
export function OverviewScreen() {
  const { session } = useSession();
  const screens = consoleScreens.filter((s) => s.label && (s.visibleTo?.(session) ?? true));
  const role = session.login.isPlatformOperator
    ? 'platform operator'
    : session.login.isOrganizationAdmin
      ? 'organization admin'
      : 'member';
  return (
    <>
      <PageTitle
        title={`Welcome, ${session.login.name}`}
        description={`You are signed in to ${session.organization.displayName} as ${role}.`}
      />
      {session.organization.programmaticAccessEnabled ? null : (
        <Text mb="md">
          Programmatic access is off in this organization, so service accounts and client credentials cannot
          be used yet.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {screens.map((screen) => (
          <Card withBorder key={screen.path}>
            <Anchor component={Link} to={`/${screen.path}`} fw={600}>
              {screen.label}
            </Anchor>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
