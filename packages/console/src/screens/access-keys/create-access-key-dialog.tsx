import { Modal, Textarea } from '@mantine/core';
import { maxDescriptionLength } from '@portcullis/core/names';
import { useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { DialogForm } from '../../components/dialog-form';
import { ValidToField } from '../../components/valid-to-field';
import { defaultChoice, type ValidToChoice, validToRequest } from '../../time/valid-to-choice';

export interface CreatedKeyPair {
  accessKey: string;
  secretKey: string;
}

interface CreateProps {
  /** The organization's cap on personal credentials, in days; null for none. */
  maximumDays: number | null;
  onCreated(pair: CreatedKeyPair): void;
}

/** No expiry unless the organization caps how long personal credentials last (then its default choice). */
function initialChoice(maximumDays: number | null): ValidToChoice {
  return maximumDays === null ? { kind: 'never' } : defaultChoice(maximumDays, Date.now());
}

/** Firefly's "Create Key Pair": a description and an optional valid-to; the pair acts with your rights. */
export function CreateAccessKeyDialog({
  opened,
  onClose,
  ...form
}: CreateProps & { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create key pair" size="lg">
      <CreateAccessKeyForm onCancel={onClose} {...form} />
    </Modal>
  );
}

/** Inside the dialog, so each opening starts empty. */
function CreateAccessKeyForm({ maximumDays, onCreated, onCancel }: CreateProps & { onCancel(): void }) {
  const [description, setDescription] = useState('');
  const [validTo, setValidTo] = useState<ValidToChoice>(() => initialChoice(maximumDays));
  const checked = validToRequest(validTo, maximumDays, Date.now());

  const submit = async () => {
    if ('problem' in checked) return;
    const { request } = checked;
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
  };

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel="Create key pair"
      disabled={'problem' in checked}
    >
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
    </DialogForm>
  );
}
