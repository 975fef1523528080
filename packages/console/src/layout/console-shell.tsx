import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { consoleScreens } from '../screens/console-screens';
import { signInPath, useOptionalSession } from '../session/session';
import { ScreenLoading } from './screen-loading';

const sections = ['Organization', 'Personal', 'Platform'] as const;

/** The frame of every signed-in screen: who is signed in, the navigation, and the screen itself. */
export function ConsoleShell() {
  const { session, signOut } = useOptionalSession();
  const location = useLocation();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  if (!session) return <Navigate to={signInPath(location)} replace />;

  const visible = consoleScreens.filter((s) => s.label && (s.visibleTo?.(session) ?? true));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navigationOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navigationOpen ? 'Close navigation' : 'Open navigation'}
            />
            <Text component={Link} to="/" fw={700} size="lg">
              Portcullis
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="xs" truncate>
              {session.organization.displayName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" truncate>
              {session.login.email}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Console">
        <ScrollArea>
          <Stack gap="md">
            <NavLink
              component={Link}
              to="/"
              label="Overview"
              active={location.pathname === '/'}
              onClick={close}
            />
            {sections.map((section) => {
              const screens = visible.filter((s) => s.section === section);
              if (screens.length === 0) return null;
              return (
                <Stack gap={2} key={section}>
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm">
                    {section}
                  </Text>
                  {screens.map((screen) => (
                    <NavLink
                      key={screen.path}
                      component={Link}
                      to={`/${screen.path}`}
                      label={screen.label}
                      active={
                        location.pathname === `/${screen.path}` ||
                        location.pathname.startsWith(`/${screen.path}/`)
                      }
                      onClick={close}
                    />
                  ))}
                </Stack>
              );
            })}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<ScreenLoading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
