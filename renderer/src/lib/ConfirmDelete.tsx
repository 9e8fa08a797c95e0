import { Alert, Button, Group, Modal } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  /** What is about to be deleted, or null when nothing is (the dialog is closed). */
  title: string | null;
  onClose: () => void;
  onConfirm: () => void;
  /** The delete button's words ("Delete tag"). */
  confirmLabel: string;
  pending: boolean;
  error: Error | null;
  /** What deleting it does. */
  children: ReactNode;
}

/** The settings' "Delete …?" dialog: what deleting does, why it failed if it did, and "Keep it" beside the delete button. */
export function ConfirmDelete({ title, onClose, onConfirm, confirmLabel, pending, error, children }: Props) {
  return (
    <Modal opened={title !== null} onClose={onClose} title={title ?? ''} centered>
      {title !== null && (
        <>
          {children}
          {error && (
            <Alert color="red" role="alert" p="xs" mt="sm">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end" mt="md" gap="xs">
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
            <Button color="red" loading={pending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
