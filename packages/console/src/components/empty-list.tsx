import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a list with nothing in it says: what it would hold, and what to do next. */
export function EmptyList({
  icon,
  title,
  description,
  action,
}: {
  icon: ReactNode;
  title: string;
  description: string;
  action?: ReactNode;
}) {
  return (
    <EmptyState icon={icon} title={title} description={description} py="xl">
      {action}
    </EmptyState>
  );
}
