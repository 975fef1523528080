import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OrganizationRow } from '../../api/api-types';
import { listOrganizations } from '../../api/full-lists';
import { useLoaded } from '../../api/use-loaded';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-list';
import { LoadedContent } from '../../layout/loaded-content';
import { PageTitle } from '../../layout/page-title';
import { CreateOrganizationDialog } from './create-organization-dialog';
import { organizationColumns } from './organization-columns';

const byName = [{ id: 'name', desc: false }];

/** The platform operator's organizations: create one with its first admin, make programmatic access available. */
export function Component() {
  const loaded = useLoaded(listOrganizations);
  // What the operator changes is applied to the list in place, without reading every organization again.
  const [organizations, setOrganizations] = useState<OrganizationRow[]>();
  const [creating, setCreating] = useState(false);
  useEffect(() => setOrganizations(loaded.data), [loaded.data]);

  const replace = useCallback(
    (updated: OrganizationRow) =>
      setOrganizations((current) => current?.map((org) => (org.id === updated.id ? updated : org))),
    [],
  );
  const columns = useMemo(() => organizationColumns(replace), [replace]);

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
      <LoadedContent
        loaded={{ ...loaded, data: organizations }}
        refusalTitle="The organizations could not be listed"
      >
        {(rows) => (
          <DataTable
            label="Organizations"
            data={rows}
            columns={columns}
            getRowId={(org) => org.id}
            initialSort={byName}
            searchLabel="Search organizations"
            searchPlaceholder="Name or display name"
            minWidth={640}
            empty={
              <EmptyList
                icon={<IconBuilding size={28} aria-hidden />}
                title="No organizations yet"
                description="Create one for each customer, with its first organization admin."
              />
            }
          />
        )}
      </LoadedContent>
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
