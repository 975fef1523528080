import { Select } from '@mantine/core';
import type { NetworkPolicy } from '../../api/api-types';

const none = 'none';

/** The organization's own network policy: one of its policies, or none. */
export function NetworkPolicySelect({
  value,
  onChange,
  policies,
  disabled,
}: {
  value: string | null;
  onChange(value: string | null): void;
  /** Undefined while they load or when they could not be read: then only the current choice is offered. */
  policies: NetworkPolicy[] | undefined;
  disabled: boolean;
}) {
  const known = policies ?? [];
  const data = [
    { value: none, label: 'None' },
    ...known.map((policy) => ({ value: policy.id, label: policy.name })),
    ...(value && !known.some((policy) => policy.id === value) ? [{ value, label: value }] : []),
  ];
  return (
    <Select
      label="Network policy"
      description={
        policies && policies.length === 0
          ? 'This organization has no network policies yet; create one under Network policies to limit where its credentials may be used from.'
          : "Applies to every credential of the organization, on top of a credential's own policy: a token request from an address it does not allow is refused."
      }
      data={data}
      value={value ?? none}
      onChange={(chosen) => onChange(!chosen || chosen === none ? null : chosen)}
      allowDeselect={false}
      searchable={known.length > 8}
      disabled={disabled}
    />
  );
}
