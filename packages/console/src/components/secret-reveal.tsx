import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';

export interface RevealedValue {
  label: string;
  value: string;
  /**
   * The value carries the secret (the secret itself, or a command holding it): closing before any such
   * value was copied asks first.
   */
  secret?: boolean;
}

export interface SecretRevealProps {
  /** Open while there is something to show; the values are never kept beyond this dialog. */
  opened: boolean;
  title: string;
  values: RevealedValue[];
  onClose(): void;
  /** More to show under the values (a ready-to-paste command, say). */
  children?: ReactNode;
}

/** One value, read-only, selectable and with its copy button. */
function RevealedField({ field, onCopied }: { field: RevealedValue; onCopied(): void }) {
  return (
    <TextInput
      label={field.label}
      value={field.value}
      readOnly
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      onFocus={(event) => event.currentTarget.select()}
      rightSection={
        <CopyButton value={field.value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : `Copy ${field.label.toLowerCase()}`} withArrow>
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                aria-label={`Copy ${field.label.toLowerCase()}`}
                onClick={() => {
                  copy();
                  onCopied();
                }}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}

/**
 * Credentials shown the one time the server returns them: each with a copy button, the warning that they
 * cannot be retrieved again, and a question before closing when a secret was not copied.
 */
export function SecretReveal({ opened, title, values, onClose, children }: SecretRevealProps) {
  const [copied, setCopied] = useState<ReadonlySet<string>>(new Set());
  const [askingToClose, setAskingToClose] = useState(false);
  useEffect(() => {
    if (opened) {
      setCopied(new Set());
      setAskingToClose(false);
    }
  }, [opened]);

  const secretCopied = values.some((v) => v.secret && copied.has(v.label));
  const requestClose = () => {
    if (values.some((v) => v.secret) && !secretCopied) setAskingToClose(true);
    else onClose();
  };

  return (
    <Modal opened={opened} onClose={requestClose} title={title} size="lg">
      <Stack>
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Copy it now">
          This is the only time Portcullis shows{' '}
          {values.some((v) => v.secret) ? 'the secret' : 'these values'}: it keeps only a hash and cannot show
          it again. Store it in your secret manager before you close this.
        </Alert>
        {values.map((field) => (
          <RevealedField
            key={field.label}
            field={field}
            onCopied={() => setCopied((previous) => new Set(previous).add(field.label))}
          />
        ))}
        {children}
        {askingToClose ? (
          <Alert color="red" role="alert" title="Close without copying?">
            <Text size="sm">
              You have not copied the secret. Once this closes it cannot be retrieved: you would have to
              create a new one.
            </Text>
            <Group mt="sm">
              <Button variant="default" size="xs" onClick={() => setAskingToClose(false)}>
                Go back
              </Button>
              <Button color="red" size="xs" onClick={onClose}>
                Close without copying
              </Button>
            </Group>
          </Alert>
        ) : (
          <Group justify="flex-end">
            <Button onClick={requestClose}>Done</Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
