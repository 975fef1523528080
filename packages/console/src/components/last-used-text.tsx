import { Text, Tooltip } from '@mantine/core';

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** When a credential was last used, as "5 minutes ago" with the exact time on hover; "never" if not yet. */
export function LastUsedText({ at, now = Date.now() }: { at: string | null; now?: number }) {
  if (!at) return <Text size="sm">never</Text>;
  const ago = now - Date.parse(at);
  const [unit, size] = steps.find(([, ms]) => ago >= ms) ?? ['second', 1000];
  return (
    <Tooltip label={new Date(at).toLocaleString()} withArrow>
      <Text size="sm" component="span" tabIndex={0}>
        {relative.format(-Math.floor(ago / size), unit)}
      </Text>
    </Tooltip>
  );
}
