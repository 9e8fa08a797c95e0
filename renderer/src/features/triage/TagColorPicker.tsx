import { ColorSwatch, Group } from '@mantine/core';
import { TAG_COLORS, type TagColor } from '../../../../shared/contract/triage';

interface Props {
  value: TagColor | null;
  onChange: (color: TagColor | null) => void;
  /** What the group of swatches is called for a screen reader. */
  label: string;
}

/** The tag palette as a row of swatches; choosing the chosen one again leaves the tag grey. */
export function TagColorPicker({ value, onChange, label }: Props) {
  return (
    <Group gap={4} role="radiogroup" aria-label={label}>
      {TAG_COLORS.map((option) => (
        <ColorSwatch
          key={option}
          component="button"
          type="button"
          role="radio"
          aria-checked={value === option}
          aria-label={option}
          color={`var(--mantine-color-${option}-5)`}
          size={18}
          onClick={() => onChange(value === option ? null : option)}
          style={{ outline: value === option ? '2px solid var(--mantine-color-dark-4)' : undefined, outlineOffset: 1 }}
        />
      ))}
    </Group>
  );
}
