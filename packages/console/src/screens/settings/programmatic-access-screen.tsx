import { Tabs } from '@mantine/core';
import { useCallback } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { useLoaded } from '../../api/use-loaded';
import { LoadedContent } from '../../layout/loaded-content';
import { PageTitle } from '../../layout/page-title';
import { ProgrammaticAccessTab } from './programmatic-access-tab';

/** Organization settings › Programmatic Access, where FireTail's walkthrough sends an organization admin. */
export function Component() {
  const organization = useLoaded(useCallback(async () => unwrap(await api.GET('/api/v1/organization')), []));
  return (
    <>
      <PageTitle
        title="Organization settings"
        description={organization.data ? organization.data.displayName : undefined}
      />
      <Tabs defaultValue="programmatic-access" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="programmatic-access">Programmatic Access</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="programmatic-access">
          <LoadedContent loaded={organization} refusalTitle="The organization's settings could not be read">
            {(loaded) => <ProgrammaticAccessTab loaded={loaded} />}
          </LoadedContent>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
