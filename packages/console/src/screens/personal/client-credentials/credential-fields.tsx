import { Textarea, TextInput } from '@mantine/core';
import { maxDescriptionLength } from '@portcullis/core/names';

/** The name and description of a client credential, as the create and edit dialogs ask for them. */
export function CredentialFields({
  name,
  description,
  nameError,
  onName,
  onDescription,
  autoFocus = false,
}: {
  name: string;
  description: string;
  nameError: string | undefined;
  onName: (name: string) => void;
  onDescription: (description: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextInput
        label="Name"
        description="Letters, digits, _ . and -, up to 64; unique among your credentials."
        value={name}
        onChange={(event) => onName(event.currentTarget.value)}
        error={nameError}
        required
        data-autofocus={autoFocus || undefined}
      />
      <Textarea
        label="Description"
        description="What uses it, so you know later whether it can go."
        value={description}
        onChange={(event) => onDescription(event.currentTarget.value)}
        maxLength={maxDescriptionLength}
        autosize
        minRows={2}
      />
    </>
  );
}
