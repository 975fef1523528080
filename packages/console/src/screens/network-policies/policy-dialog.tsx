import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { isObjectName } from '@portcullis/core/names';
import { type FormEvent, useEffect, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { RefusalAlert } from '../../api/refusal-alert';
import { EntryListField, entryLines, invalidEntries } from './entry-list-field';
import { PolicyAttachments, type PolicyWithAttachments } from './policy-attachments';

interface Draft {
  name: string;
  description: string;
  allowed: string;
  blocked: string;
}

const emptyDraft: Draft = { name: '', description: '', allowed: '', blocked: '' };

/**
 * Creates a policy, or edits one (`editing`): name, description and the two lists, checked as they are
 * typed; an edit says first what the change applies to at once.
 */
export function PolicyDialog({
  opened,
  editing,
  onClose,
  onSaved,
}: {
  opened: boolean;
  editing?: PolicyWithAttachments | undefined;
  onClose(): void;
  onSaved(): void;
}) {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [refusal, setRefusal] = useState<unknown>();
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setRefusal(undefined);
    setDraft(
      editing
        ? {
            name: editing.name,
            description: editing.description,
            allowed: editing.allowed.join('\n'),
            blocked: editing.blocked.join('\n'),
          }
        : emptyDraft,
    );
  }, [opened, editing]);

  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const nameProblem =
    draft.name && !isObjectName(draft.name)
      ? 'Letters, digits, _ . - (up to 64), not starting with . or -'
      : undefined;
  const invalid = invalidEntries(draft.allowed).length + invalidEntries(draft.blocked).length;
  const ready = draft.name !== '' && !nameProblem && invalid === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setPending(true);
    setRefusal(undefined);
    const body = {
      name: draft.name,
      description: draft.description,
      allowed: entryLines(draft.allowed),
      blocked: entryLines(draft.blocked),
    };
    try {
      if (editing) {
        unwrap(
          await api.PATCH('/api/v1/network-policies/{id}', { params: { path: { id: editing.id } }, body }),
        );
      } else {
        unwrap(await api.POST('/api/v1/network-policies', { body }));
      }
      onSaved();
      onClose();
    } catch (error) {
      setRefusal(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? `Edit network policy ${editing.name}` : 'Create network policy'}
      size="lg"
    >
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
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
          <RefusalAlert error={refusal} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={!ready}>
              {editing ? 'Save' : 'Create'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
