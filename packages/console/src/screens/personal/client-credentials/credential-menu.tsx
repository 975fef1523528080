import { IconKey, IconPencil, IconTrash } from '@tabler/icons-react';
import { RowMenu } from '../../../components/row-menu';
import type { CredentialRow } from './client-credential';

export type CredentialAction = 'edit' | 'secret' | 'delete';

/** Firebolt's "…" menu of a credential, in its table row or on its card. */
export function CredentialMenu({
  credential,
  onAction,
}: {
  credential: CredentialRow;
  onAction: (action: CredentialAction, credential: CredentialRow) => void;
}) {
  return (
    <RowMenu
      name={credential.name}
      items={[
        { label: 'Edit', icon: IconPencil, onClick: () => onAction('edit', credential) },
        { label: 'Create a new secret', icon: IconKey, onClick: () => onAction('secret', credential) },
        { label: 'Delete', icon: IconTrash, danger: true, onClick: () => onAction('delete', credential) },
      ]}
    />
  );
}
