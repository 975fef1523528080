import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { SecretGuard } from './use-secret-guard';

export interface ShownValue {
  label: string;
  value: string;
  /** It is the secret: copying it is what lets the person close without a second question. */
  secret?: boolean;
}

/** What the server answers once for a new credential, as the person needs it. */
export interface ShownOnceContent {
  values: ShownValue[];
  /** A ready-to-paste command that uses the credential; it holds the secret. */
  command: { label: string; value: string };
}

const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

function CopyValue({ label, value, onCopied }: { label: string; value: string; onCopied?(): void }) {
  const name = `Copy ${label.toLowerCase()}`;
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : name} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal.9' : 'gray.8'}
            aria-label={name}
            onClick={() => {
              copy();
              onCopied?.();
            }}
          >
            {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** Asked when the person closes before copying: focus moves to the way back, the safe answer. */
function CloseWithoutCopying({ onStay, onLeave }: { onStay(): void; onLeave(): void }) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <Alert color="red.9" variant="outline" title="Close without copying the secret?">
      <Text size="sm">
        You have not copied the secret. Once this closes it cannot be retrieved again; you would have to
        create a new one.
      </Text>
      <Group mt="sm" gap="sm">
        <Button ref={stay} size="xs" onClick={onStay}>
          Go back to the secret
        </Button>
        <Button size="xs" variant="default" onClick={onLeave}>
          Close without copying
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * A credential the one time the server answers it: the warning, each value read-only with its copy button,
 * the command ready to paste, and Done, which asks first when the secret was not copied. Nothing here keeps
 * the values beyond the dialog showing them.
 */
export function ShownOnce({ values, command, guard }: ShownOnceContent & { guard: SecretGuard }) {
  return (
    <Stack>
      <Alert color="red.9" variant="outline" icon={<IconAlertTriangle />} title="Copy the secret now">
        <Text size="sm">
          This is the only time Portcullis shows the secret: it keeps only a hash and cannot show it again.
          Store it in your secret manager before you close this; if it is lost, create a new one.
        </Text>
      </Alert>
      {values.map((shown) => (
        <TextInput
          key={shown.label}
          label={shown.label}
          value={shown.value}
          readOnly
          styles={monospace}
          onFocus={(event) => event.currentTarget.select()}
          rightSection={
            <CopyValue
              label={shown.label}
              value={shown.value}
              onCopied={shown.secret ? guard.markCopied : undefined}
            />
          }
        />
      ))}
      <Textarea
        label={command.label}
        value={command.value}
        readOnly
        autosize
        styles={monospace}
        onFocus={(event) => event.currentTarget.select()}
        rightSection={<CopyValue label={command.label} value={command.value} onCopied={guard.markCopied} />}
        rightSectionProps={{ style: { alignItems: 'flex-start', paddingTop: 4 } }}
      />
      {guard.asking ? (
        <CloseWithoutCopying onStay={guard.stay} onLeave={guard.leave} />
      ) : (
        <Group justify="flex-end">
          <Button onClick={guard.requestClose}>Done</Button>
        </Group>
      )}
    </Stack>
  );
}
