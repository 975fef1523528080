import { Stack, Text } from '@mantine/core';
import { toWallClock } from '@portcullis/core/time';
import { expiryOf, wallClockText } from '../time/expiry';

export interface Validity {
  validTo: string | null;
  validToLocal: string | null;
  timezone: string | null;
}

/** A valid-to in the zone it was entered in, with how long is left, in a warning colour near the end. */
export function ValidToText({ validity, now = Date.now() }: { validity: Validity; now?: number }) {
  if (!validity.validTo) return <Text size="sm">No expiry</Text>;
  const [time, zone] =
    validity.validToLocal && validity.timezone
      ? [wallClockText(validity.validToLocal), validity.timezone]
      : [wallClockText(toWallClock(Date.parse(validity.validTo), 'UTC')), 'UTC'];
  const expiry = expiryOf(validity.validTo, now);
  const near = expiry.state === 'expired' || expiry.state === 'soon';
  return (
    <Stack gap={0}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {time} {zone}
      </Text>
      <Text size="xs" c={near ? 'red.9' : 'dimmed'} fw={near ? 700 : undefined}>
        {expiry.state === 'expired' ? 'Expired' : expiry.state === 'never' ? '' : expiry.text}
      </Text>
    </Stack>
  );
}
