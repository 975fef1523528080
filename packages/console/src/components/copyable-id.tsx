import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** An id in monospace with a button that copies it; `of` names the object for the button's label. */
export function CopyableId({ id, of }: { id: string; of: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Code>{id}</Code>
      <CopyButton value={id} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy ID'} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal.9' : 'gray.8'}
              size="sm"
              aria-label={`Copy ID of ${of}`}
              onClick={copy}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
