import { Modal } from '@mantine/core';
import { ShownOnce, type ShownOnceContent } from './shown-once';
import { useSecretGuard } from './use-secret-guard';

/** A credential shown once in a dialog of its own, open while there is one to show. */
export function ShownOnceDialog({
  title,
  shown,
  onClose,
}: {
  title: string;
  shown: ShownOnceContent | undefined;
  onClose(): void;
}) {
  const guard = useSecretGuard(onClose);
  return (
    <Modal opened={Boolean(shown)} onClose={guard.requestClose} title={title} size="lg">
      {shown ? <ShownOnce {...shown} guard={guard} /> : null}
    </Modal>
  );
}
