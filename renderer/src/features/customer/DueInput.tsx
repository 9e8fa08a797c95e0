import { TextInput } from '@mantine/core';
import { earliestDueInput } from './followUpTime';

interface Props {
  /** The datetime-local value, on the agent's clock ("2026-03-04T17:00"). */
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  description?: string;
}

/** When a follow-up is due: a date and time on the agent's clock, from this minute on (the browser's picker offers nothing earlier). */
export function DueInput({ value, onChange, error, description }: Props) {
  return (
    <TextInput
      size="xs"
      label="Due"
      type="datetime-local"
      value={value}
      min={earliestDueInput()}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error ?? undefined}
      description={description}
      required
    />
  );
}
