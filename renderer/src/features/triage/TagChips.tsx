import { Badge, CloseButton, Group } from '@mantine/core';
import type { Tag } from '../../../../shared/contract/triage';

interface Props {
  tags: Tag[];
  /** Show at most this many, then "+N". */
  max?: number;
  size?: 'xs' | 'sm';
  /** When given, each chip has a button that removes it. */
  onRemove?: (tag: Tag) => void;
}

/** A conversation's tags as small chips, in their colours. */
export function TagChips({ tags, max = Infinity, size = 'xs', onRemove }: Props) {
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  const hidden = tags.length - shown.length;
  return (
    <Group gap={4} wrap="nowrap" style={{ minWidth: 0, overflow: 'hidden', flexShrink: 1 }} data-testid="tag-chips">
      {shown.map((tag) => (
        <Badge
          key={tag.id}
          size={size}
          variant="light"
          color={tag.color ?? 'gray'}
          radius="sm"
          data-testid="tag-chip"
          style={{ textTransform: 'none', flexShrink: 0, maxWidth: 140 }}
          rightSection={onRemove ? <CloseButton size={14} aria-label={`Remove tag ${tag.name}`} onClick={() => onRemove(tag)} /> : undefined}
        >
          {tag.name}
        </Badge>
      ))}
      {hidden > 0 && (
        <Badge size={size} variant="outline" color="gray" radius="sm" title={tags.slice(max).map((tag) => tag.name).join(', ')} style={{ textTransform: 'none', flexShrink: 0 }}>
          +{hidden}
        </Badge>
      )}
    </Group>
  );
}
