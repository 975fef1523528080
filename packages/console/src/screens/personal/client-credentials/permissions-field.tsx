import { Button, Group, Stack, Text } from '@mantine/core';
import { type Catalog, PermissionSet, type PresetName, presets } from '@portcullis/core/permissions';
import { useState } from 'react';
import { PermissionMatrix } from '../../../components/permission-matrix';

const presetLabels: Record<PresetName, string> = { admin: 'Admin', read_only: 'Read Only' };

/**
 * FireTail's Admin and Read Only buttons over the matrix: each fills it with core's preset, within what
 * the person holds, and says so when the preset reaches beyond that.
 */
export function PermissionsField({
  catalog,
  value,
  onChange,
  assignable,
}: {
  catalog: Catalog;
  value: PermissionSet;
  onChange: (next: PermissionSet) => void;
  assignable: PermissionSet;
}) {
  const [note, setNote] = useState<string>();
  const fill = (preset: PresetName) => {
    const wanted = presets[preset](catalog);
    const filled = wanted.intersect(assignable);
    onChange(filled);
    setNote(
      filled.equals(wanted)
        ? undefined
        : `${presetLabels[preset]} filled only the permissions you hold: you can only assign permissions you currently possess.`,
    );
  };
  const presetButtons = (
    <Group gap="xs">
      {(Object.keys(presetLabels) as PresetName[]).map((preset) => (
        <Button key={preset} variant="default" onClick={() => fill(preset)}>
          {presetLabels[preset]}
        </Button>
      ))}
      <Button
        variant="subtle"
        onClick={() => {
          onChange(PermissionSet.empty(catalog));
          setNote(undefined);
        }}
      >
        Clear
      </Button>
    </Group>
  );
  return (
    <Stack gap="xs">
      <PermissionMatrix
        catalog={catalog}
        value={value}
        onChange={(next) => {
          onChange(next);
          setNote(undefined);
        }}
        assignable={assignable}
        toolbar={presetButtons}
      />
      {note ? (
        <Text size="sm" aria-live="polite">
          {note}
        </Text>
      ) : null}
    </Stack>
  );
}
