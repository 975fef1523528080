import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { largestPage, loadAllPages } from '../../api/load-all-pages';
import { RefusalAlert } from '../../api/refusal-alert';
import { useLoaded } from '../../api/use-loaded';
import { PageTitle } from '../../layout/page-title';
import { ScreenLoading } from '../../layout/screen-loading';
import { CreateOrganizationDialog } from './create-organization-dialog';
import type { OrganizationRow } from './organization-row';
import { OrganizationsTable } from './organizations-table';

const loadOrganizations = () =>
  loadAllPages(async (cursor) =>
    unwrap(
      await api.GET('/api/v1/organizations', {
        params: { query: { limit: largestPage, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );

/** The platform operator's organizations: create one with its first admin, make programmatic access available. */
export function Component() {
  const loaded = useLoaded(loadOrganizations);
  const [organizations, setOrganizations] = useState<OrganizationRow[]>();
  const [creating, setCreating] = useState(false);
  useEffect(() => setOrganizations(loaded.data), [loaded.data]);

  const replace = useCallback(
    (updated: OrganizationRow) =>
      setOrganizations((current) => current?.map((org) => (org.id === updated.id ? updated : org))),
    [],
  );

  return (
    <>
      <PageTitle
        title="Organizations"
        description="Every organization on this server. Programmatic access is unavailable to an organization until you make it available; its admins then switch it on themselves."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Create organization
          </Button>
        }
      />
      <RefusalAlert error={loaded.error} title="The organizations could not be listed" />
      {organizations ? (
        <OrganizationsTable organizations={organizations} onChanged={replace} />
      ) : loaded.error ? null : (
        <ScreenLoading />
      )}
      <CreateOrganizationDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(created, adminEmail) => {
          setCreating(false);
          setOrganizations((current) => [...(current ?? []), created]);
          notifications.show({
            color: 'green',
            title: `${created.displayName} created`,
            message: `${adminEmail} can sign in now as its organization admin.`,
          });
        }}
      />
    </>
  );
}
