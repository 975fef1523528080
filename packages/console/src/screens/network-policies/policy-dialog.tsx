import { Modal, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { DialogForm } from '../../components/dialog-form';
import { objectNameProblem } from '../../names/object-name-problem';
import { EntryListField, entryLines, invalidEntries } from './entry-list-field';
import { PolicyAttachments, type PolicyWithAttachments } from './policy-attachments';

interface PolicyDialogProps {
  opened: boolean;
  /** The policy being edited, as read just now; undefined creates one. */
  editing?: PolicyWithAttachments | undefined;
  onClose(): void;
  onSaved(): void;
}

/**
 * Creates a policy, or edits one (`editing`): name, description and the two lists, checked as they are
 * typed; an edit says first what the change applies to at once.
 */
export function PolicyDialog({ opened, editing, onClose, onSaved }: PolicyDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? `Edit network policy ${editing.name}` : 'Create network policy'}
      size="lg"
    >
      <PolicyForm editing={editing} onCancel={onClose} onSaved={onSaved} />
    </Modal>
  );
}

/** Inside the dialog, so each opening starts from the policy as it is (or an empty one). */
function PolicyForm({
  editing,
  onCancel,
  onSaved,
}: {
  editing: PolicyWithAttachments | undefined;
  onCancel(): void;
  onSaved(): void;
}) {
  const [draft, setDraft] = useState(() => ({
    name: editing?.name ?? '',
    description: editing?.description ?? '',
    allowed: editing?.allowed.join('\n') ?? '',
    blocked: editing?.blocked.join('\n') ?? '',
  }));
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const nameProblem = draft.name ? objectNameProblem(draft.name) : undefined;
  const invalid = invalidEntries(draft.allowed).length + invalidEntries(draft.blocked).length;
  const ready = draft.name !== '' && !nameProblem && invalid === 0;

  const submit = async () => {
    const body = {
      name: draft.name,
      description: draft.description,
      allowed: entryLines(draft.allowed),
      blocked: entryLines(draft.blocked),
    };
    if (editing) {
      unwrap(
        await api.PATCH('/api/v1/network-policies/{id}', { params: { path: { id: editing.id } }, body }),
      );
    } else {
      unwrap(await api.POST('/api/v1/network-policies', { body }));
    }
    onSaved();
    onCancel();
  };

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={editing ? 'Save' : 'Create'}
      disabled={!ready}
    >
      {editing ? (
        <div>
          <Text size="sm" fw={600}>
            A change applies at once to
          </Text>
          <PolicyAttachments attachedTo={editing.attachedTo} />
        </div>
      ) : null}
      <TextInput
        label="Name"
        required
        value={draft.name}
        onChange={(e) => set('name')(e.currentTarget.value)}
        error={nameProblem}
        data-autofocus
      />
      <TextInput
        label="Description"
        value={draft.description}
        onChange={(e) => set('description')(e.currentTarget.value)}
      />
      <EntryListField
        label="Allowed"
        description="One IPv4 or IPv6 address or CIDR range a line, such as 203.0.113.0/24. Empty: every address not blocked."
        value={draft.allowed}
        onChange={set('allowed')}
      />
      <EntryListField
        label="Blocked"
        description="Refused even when an allowed range covers them."
        value={draft.blocked}
        onChange={set('blocked')}
      />
    </DialogForm>
  );
}
