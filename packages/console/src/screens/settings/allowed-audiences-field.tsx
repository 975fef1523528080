import { Radio, Stack, TagsInput } from '@mantine/core';
import { invalidAudiences } from './access-settings';

/**
 * The audiences tokens may be issued for besides this API: null keeps the server's default list
 * (PORTCULLIS_DEFAULT_AUDIENCES), a list (even an empty one) replaces it.
 */
export function AllowedAudiencesField({
  value,
  onChange,
  disabled,
}: {
  value: string[] | null;
  onChange(value: string[] | null): void;
  disabled: boolean;
}) {
  const invalid = value ? invalidAudiences(value) : [];
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Allowed audiences"
        description="The APIs a credential may ask a token for (its audience parameter), besides this one."
        value={value === null ? 'default' : 'listed'}
        onChange={(mode) => onChange(mode === 'default' ? null : (value ?? []))}
      >
        <Stack gap={6} mt="xs">
          <Radio value="default" label="The server's default audiences" disabled={disabled} />
          <Radio value="listed" label="Only this API and the audiences listed below" disabled={disabled} />
        </Stack>
      </Radio.Group>
      {value === null ? null : (
        <TagsInput
          label="Audiences"
          description="Absolute URIs, such as https://api.example.com. Press Enter after each."
          placeholder={value.length === 0 ? 'None: tokens are for this API only' : undefined}
          value={value}
          onChange={onChange}
          splitChars={[' ', ',']}
          acceptValueOnBlur
          clearable
          disabled={disabled}
          error={invalid.length > 0 ? `Not an absolute URI: ${invalid.join(', ')}` : undefined}
        />
      )}
    </Stack>
  );
}
