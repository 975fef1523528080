import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { maxDescriptionLength } from '@portcullis/core/names';
import { type FormEvent, useEffect, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { RefusalAlert } from '../../api/refusal-alert';
import { ValidToField } from '../../components/valid-to-field';
import { defaultChoice, type ValidToChoice, validToRequest } from '../../time/valid-to-choice';

export interface CreatedKeyPair {
  accessKey: string;
  secretKey: string;
}

/** No expiry unless the organization caps how long personal credentials last (then its default choice). */
function initialChoice(maximumDays: number | null): ValidToChoice {
  return maximumDays === null ? { kind: 'never' } : defaultChoice(maximumDays, Date.now());
}

/** Firefly's "Create Key Pair": a description and an optional valid-to; the pair acts with your rights. */
export function CreateAccessKeyDialog({
  opened,
  maximumDays,
  onClose,
  onCreated,
}: {
  opened: boolean;
  /** The organization's cap on personal credentials, in days; null for none. */
  maximumDays: number | null;
  onClose(): void;
  onCreated(pair: CreatedKeyPair): void;
}) {
  const [description, setDescription] = useState('');
  const [validTo, setValidTo] = useState<ValidToChoice>(() => initialChoice(maximumDays));
  const [refusal, setRefusal] = useState<unknown>();
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (opened) {
      setDescription('');
      setValidTo(initialChoice(maximumDays));
      setRefusal(undefined);
    }
  }, [opened, maximumDays]);

  const checked = validToRequest(validTo, maximumDays, Date.now());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ('problem' in checked) return;
    const { request } = checked;
    setPending(true);
    setRefusal(undefined);
    try {
      const created = unwrap(
        await api.POST('/api/v1/users/me/access-keys', {
          body: {
            ...(description ? { description } : {}),
            ...(request !== 'keep' && request.validTo !== null
              ? { validTo: request.validTo, timezone: request.timezone }
              : {}),
          },
        }),
      );
      onCreated({ accessKey: created.accessKey, secretKey: created.secretKey });
    } catch (error) {
      setRefusal(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Create key pair" size="lg">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Textarea
            label="Description"
            description="Where you will use it, so you can tell your key pairs apart."
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            maxLength={maxDescriptionLength}
            autosize
            minRows={2}
            data-autofocus
          />
          <ValidToField value={validTo} onChange={setValidTo} maximumDays={maximumDays} now={Date.now()} />
          <RefusalAlert error={refusal} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={'problem' in checked}>
              Create key pair
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
