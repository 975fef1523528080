import { Textarea } from '@mantine/core';
import { parseEntries } from '@portcullis/core/network-policies';

/** One address or range a line, as a person types them; blank lines are ignored. */
export function entryLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The entries the server would refuse, by the same rule it applies (core's parseEntries). */
export function invalidEntries(text: string): string[] {
  return parseEntries(entryLines(text)).invalid;
}

/** An allowed or blocked list, checked as it is typed. */
export function EntryListField({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description: string;
  value: string;
  onChange(value: string): void;
}) {
  const invalid = invalidEntries(value);
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      autosize
      minRows={3}
      maxRows={10}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      error={invalid.length > 0 ? `Not an IP address or CIDR range: ${invalid.join(', ')}` : undefined}
    />
  );
}
