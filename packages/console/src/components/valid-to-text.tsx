import { Badge, Stack, Text } from '@mantine/core';
import { expiryOf, type Validity, validToText } from '../time/expiry';

/**
 * A valid-to in the zone it was entered in, and how long is left: a warning badge in the last week,
 * "expired" after.
 */
export function ValidToText({ validity, now = Date.now() }: { validity: Validity; now?: number }) {
  const shown = validToText(validity);
  if (!shown) return <Text size="sm">No expiry</Text>;
  const expiry = expiryOf(validity.validTo, now);
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {shown.time}
      </Text>
      <Text size="xs">{shown.zone}</Text>
      {expiry.state === 'expired' ? (
        <Badge color="red.9" size="sm" miw="max-content">
          expired
        </Badge>
      ) : expiry.state === 'soon' ? (
        <Badge color="orange.5" autoContrast size="sm" miw="max-content">
          {expiry.text}
        </Badge>
      ) : expiry.state === 'later' ? (
        <Text size="xs">{expiry.text}</Text>
      ) : null}
    </Stack>
  );
}
