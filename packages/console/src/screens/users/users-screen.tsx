import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { User } from '../../api/api-types';
import { useLoaded } from '../../api/use-loaded';
import { DataTable } from '../../components/data-table';
import { EmptyList } from '../../components/empty-list';
import { LoadedContent } from '../../layout/loaded-content';
import { PageTitle } from '../../layout/page-title';
import { holds } from '../../session/holds';
import { useSession } from '../../session/session';
import { type UserAction, userColumns } from './user-columns';
import { UserDialog } from './user-dialog';
import { UserStateDialog } from './user-state-dialogs';
import { loadUsersData } from './users-data';

type Open = { dialog: 'none' } | { dialog: 'create' } | { dialog: UserAction; user: User };

/** Firebolt's Govern › Users: who acts in each account, with which roles, and through which login or service account. */
export function Component() {
  const { session } = useSession();
  const loaded = useLoaded(loadUsersData);
  const { data, reload } = loaded;
  const [open, setOpen] = useState<Open>({ dialog: 'none' });
  const close = () => setOpen({ dialog: 'none' });
  const allowed = {
    create: holds(session, 'portcullis.users', 'create'),
    update: holds(session, 'portcullis.users', 'update'),
    delete: holds(session, 'portcullis.users', 'delete'),
  };

  const columns = data ? userColumns(data, allowed, (dialog, user) => setOpen({ dialog, user })) : [];
  const selected = 'user' in open ? open.user : undefined;
  const saved = (name: string) => {
    close();
    reload();
    notifications.show({ color: 'teal', message: `${name} is saved.` });
  };

  return (
    <>
      <PageTitle
        title="Users"
        description="A user acts in one account with its roles. A person's login or a service account acts through it, with exactly those rights."
        actions={
          allowed.create ? (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setOpen({ dialog: 'create' })}
              disabled={!data}
            >
              Create user
            </Button>
          ) : undefined
        }
      />
      <LoadedContent loaded={loaded} refusalTitle="Could not load the users">
        {(users) => (
          <>
            <DataTable
              label="Users"
              data={users.users}
              columns={columns}
              getRowId={(u) => u.id}
              searchLabel="Search users"
              minWidth={1000}
              empty={
                <EmptyList
                  icon={<IconUsers size={28} />}
                  title="No users yet"
                  description="Create a user with the roles a person or a service account needs in an account."
                />
              }
            />
            <UserDialog
              opened={open.dialog === 'create' || open.dialog === 'edit'}
              editing={open.dialog === 'edit' ? selected : undefined}
              data={users}
              onClose={close}
              onSaved={saved}
            />
          </>
        )}
      </LoadedContent>
      {(['deactivate', 'reactivate', 'delete'] as const).map((what) => (
        <UserStateDialog
          key={what}
          what={what}
          user={open.dialog === what ? selected : undefined}
          onClose={close}
          onChanged={reload}
        />
      ))}
    </>
  );
}
