import { Select } from '@mantine/core';
import { useMemo } from 'react';

function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  return [...zones].sort();
}

/** An IANA time zone, searchable; the list is the browser's own, so it always knows the zone it runs in. */
export function TimeZoneSelect({
  value,
  onChange,
  label = 'Time zone',
}: {
  value: string;
  onChange: (zone: string) => void;
  label?: string;
}) {
  const data = useMemo(() => timeZones(value), [value]);
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No time zone of that name"
      maxDropdownHeight={280}
      miw={220}
    />
  );
}
