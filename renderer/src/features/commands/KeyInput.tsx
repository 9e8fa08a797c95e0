import { TextInput, type TextInputProps } from '@mantine/core';
import { displayKey, keyOfEvent } from './keyOfEvent';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'onKeyDown' | 'readOnly'> {
  value: string | null;
  /** The key pressed (as the keymap spells it), or null when cleared with Backspace/Delete. */
  onKey: (key: string | null) => void;
}

/** A field that records the keys pressed in it instead of typing them (Tab still moves on). */
export function KeyInput({ value, onKey, ...props }: Props) {
  return (
    <TextInput
      {...props}
      readOnly
      placeholder="Press keys…"
      value={value ? displayKey(value) : ''}
      onKeyDown={(event) => {
        if (event.key === 'Tab') return;
        event.preventDefault();
        event.stopPropagation();
        if (event.key === 'Backspace' || event.key === 'Delete') {
          onKey(null);
          return;
        }
        const key = keyOfEvent(event.nativeEvent);
        if (key) onKey(key);
      }}
    />
  );
}
