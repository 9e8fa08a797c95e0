import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  /** The submit button's words ("Save tag"). */
  children: ReactNode;
  disabled: boolean;
  saving: boolean;
  onCancel: () => void;
}

/** An in-place settings form's last two buttons: submit, then Cancel. */
export function SaveOrCancel({ children, disabled, saving, onCancel }: Props) {
  return (
    <>
      <Button type="submit" size="xs" disabled={disabled} loading={saving}>
        {children}
      </Button>
      <Button size="xs" variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </>
  );
}
