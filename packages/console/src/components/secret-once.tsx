import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { tokenCurl } from '../api/token-curl';

function CopyField({
  label,
  value,
  block = false,
  onCopied,
}: {
  label: string;
  value: string;
  block?: boolean;
  onCopied: () => void;
}) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`} withArrow>
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal.9' : 'gray.8'}
                aria-label={`Copy ${label.toLowerCase()}`}
                onClick={() => {
                  copy();
                  onCopied();
                }}
              >
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Code
        block={block}
        data-secret-field={label}
        style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
      >
        {value}
      </Code>
    </Stack>
  );
}

/**
 * A client id and its secret, shown the one time the server answers them: copy buttons, a curl that
 * exchanges them for a token, and the warning that the secret cannot be shown again. Nothing here keeps
 * the secret beyond the dialog showing it.
 */
export function SecretOnce({
  clientId,
  clientSecret,
  onCopied,
}: {
  clientId: string;
  clientSecret: string;
  /** The person copied the secret (alone or in the curl), so closing needs no second question. */
  onCopied: () => void;
}) {
  return (
    <Stack>
      <Alert color="red.9" variant="outline" icon={<IconAlertTriangle />} title="Copy the secret now">
        <Text size="sm">
          This is the only time the secret is shown. It cannot be retrieved again: if it is lost, create a new
          secret.
        </Text>
      </Alert>
      <CopyField label="Client ID" value={clientId} onCopied={() => undefined} />
      <CopyField label="Client secret" value={clientSecret} onCopied={onCopied} />
      <CopyField label="Token request" value={tokenCurl(clientId, clientSecret)} block onCopied={onCopied} />
    </Stack>
  );
}
