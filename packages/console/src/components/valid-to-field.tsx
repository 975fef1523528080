import { Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { latestValidTo, toWallClock } from '@portcullis/core/time';
import { wallClockText } from '../time/expiry';
import {
  browserTimeZone,
  localInputValue,
  presetAllowed,
  presetDays,
  type ValidToChoice,
  validToRequest,
} from '../time/valid-to-choice';
import { TimeZoneSelect } from './time-zone-select';

const dayMs = 86_400_000;

function choiceKey(choice: ValidToChoice): string {
  return choice.kind === 'days' ? String(choice.days) : choice.kind;
}

/** What the choice means, with its zone beside the time, or why it cannot be saved. */
function outcome(choice: ValidToChoice, maximumDays: number | null, now: number, current: string) {
  const checked = validToRequest(choice, maximumDays, now);
  if ('problem' in checked) return { text: checked.problem, problem: true };
  const { request } = checked;
  if (request === 'keep') return { text: `Stays ${current}.`, problem: false };
  if (request.validTo === null) return { text: 'Never expires.', problem: false };
  const zone = request.timezone ?? 'UTC';
  return { text: `Valid until ${wallClockText(request.validTo)} (${zone}).`, problem: false };
}

/**
 * A credential's valid-to: FireTail's presets, no expiry, or a date and time in a zone that defaults to the
 * browser's, the zone always shown beside the time. Choices beyond the organization's maximum lifetime
 * are disabled, and a custom time beyond it says so before anything is sent.
 */
export function ValidToField({
  value,
  onChange,
  maximumDays,
  now,
  current,
}: {
  value: ValidToChoice;
  onChange: (choice: ValidToChoice) => void;
  maximumDays: number | null;
  now: number;
  /** When editing: the valid-to as it is, offered as "keep". */
  current?: string;
}) {
  const result = outcome(value, maximumDays, now, current ?? '');
  const pick = (key: string) => {
    if (key === 'keep' || key === 'never') onChange({ kind: key });
    else if (key === 'custom') {
      const timezone = browserTimeZone();
      onChange({ kind: 'custom', local: localInputValue(now + 30 * dayMs, timezone), timezone });
    } else onChange({ kind: 'days', days: Number(key) });
  };
  const custom = value.kind === 'custom' ? value : undefined;

  return (
    <Stack gap="xs">
      <Radio.Group
        label="Valid to"
        description={
          maximumDays === null
            ? undefined
            : `Your organization allows personal credentials to last at most ${maximumDays} days.`
        }
        value={choiceKey(value)}
        onChange={pick}
      >
        <Group mt="xs" gap="md">
          {current === undefined ? null : <Radio value="keep" label="Keep as it is" />}
          {presetDays.map((days) => (
            <Radio
              key={days}
              value={String(days)}
              label={`${days} days`}
              disabled={!presetAllowed(days, maximumDays)}
            />
          ))}
          <Radio value="never" label="No expiry" disabled={maximumDays !== null} />
          <Radio value="custom" label="Custom date and time" />
        </Group>
      </Radio.Group>
      {custom ? (
        <Group align="flex-start" gap="sm">
          <TextInput
            type="datetime-local"
            label="Date and time"
            description={`In ${custom.timezone}`}
            value={custom.local}
            min={localInputValue(now, custom.timezone)}
            max={
              maximumDays === null
                ? undefined
                : toWallClock(latestValidTo(maximumDays, now), custom.timezone).slice(0, 16)
            }
            onChange={(event) => onChange({ ...custom, local: event.currentTarget.value })}
            required
          />
          <TimeZoneSelect
            value={custom.timezone}
            onChange={(timezone) => onChange({ ...custom, timezone })}
          />
        </Group>
      ) : null}
      <Text size="sm" c={result.problem ? 'red.9' : undefined} aria-live="polite" data-valid-to-outcome>
        {result.text}
      </Text>
    </Stack>
  );
}
