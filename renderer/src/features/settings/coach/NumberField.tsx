import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * A number in the playbook. It keeps what is typed ("-", "0.") while the playbook holds a number:
 * NaN when the box is left empty or unreadable (the check then says "Enter a number"), or undefined
 * for an optional figure left empty.
 */
export interface NumberFieldProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  value: number | undefined;
  onValue: (value: number | undefined) => void;
  /** Empty means "not set" (undefined) rather than a missing number. */
  optional?: boolean;
}

function parse(text: string | number, optional: boolean): number | undefined {
  if (typeof text === 'number') return text;
  if (text.trim() === '') return optional ? undefined : Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

const same = (a: number | undefined, b: number | undefined) => a === b || (Number.isNaN(a) && Number.isNaN(b));

export function NumberField({ value, onValue, optional = false, ...props }: NumberFieldProps) {
  const shown = (n: number | undefined): string | number => (n === undefined || Number.isNaN(n) ? '' : n);
  const [text, setText] = useState<string | number>(shown(value));
  // follow changes made elsewhere (discard, restore), but not the echo of our own typing
  useEffect(() => setText((current) => (same(parse(current, optional), value) ? current : shown(value))), [value, optional]);
  return (
    <NumberInput
      {...props}
      value={text}
      onChange={(next) => {
        setText(next);
        onValue(parse(next, optional));
      }}
    />
  );
}
