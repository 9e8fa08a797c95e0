import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { GrowingTextarea } from '../../../lib/GrowingTextarea';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import { COACH_PLACEHOLDERS, PLAYBOOK_LIMITS, type CoachPlaceholder } from '../../../../../shared/contract/coach';
import { errorAt, type PlaybookIssue } from './playbookIssues';

interface WordingsEditorProps {
  wordings: string[];
  onChange: (wordings: string[]) => void;
  readOnly: boolean;
  issues: readonly PlaybookIssue[];
  /** The wordings' path in the playbook, e.g. "playbook.rules.3.wordings". */
  path: string;
  ruleTitle: string;
}

const PLACEHOLDERS = Object.entries(COACH_PLACEHOLDERS) as [CoachPlaceholder, string][];

/** A rule's phrasings, one box each, with chips that insert a {placeholder} where the caret was. */
export function WordingsEditor({ wordings, onChange, readOnly, issues, path, ruleTitle }: WordingsEditorProps) {
  const boxes = useRef<(HTMLTextAreaElement | null)[]>([]);
  /** The box last typed in and its selection, where a chip inserts. */
  const caret = useRef<{ index: number; start: number; end: number } | null>(null);

  const remember = (index: number, box: HTMLTextAreaElement) => {
    caret.current = { index, start: box.selectionStart, end: box.selectionEnd };
  };

  const insert = (name: CoachPlaceholder) => {
    const token = `{${name}}`;
    const at = caret.current && caret.current.index < wordings.length ? caret.current : null;
    const index = at?.index ?? Math.max(0, wordings.length - 1);
    const current = wordings[index] ?? '';
    const start = at ? Math.min(at.start, current.length) : current.length;
    const end = at ? Math.min(at.end, current.length) : current.length;
    const before = current.slice(0, start);
    const after = current.slice(end);
    // a space either side unless there is one already (or the edge of the text, or punctuation after)
    const lead = before && !/\s$/.test(before) ? ' ' : '';
    const trail = after && !/^[\s,.;:!?’'”)]/.test(after) ? ' ' : '';
    const next = `${before}${lead}${token}${trail}${after}`;
    onChange(wordings.length ? wordings.map((wording, i) => (i === index ? next : wording)) : [next]);
    const position = before.length + lead.length + token.length;
    caret.current = { index, start: position, end: position };
    requestAnimationFrame(() => {
      const box = boxes.current[index];
      if (box) {
        box.focus();
        box.setSelectionRange(position, position);
      }
    });
  };

  const full = wordings.length >= PLAYBOOK_LIMITS.wordingsPerRule;
  // issues about the list itself ("A rule needs at least one wording"), not one of its boxes
  const listError = [...new Set(issues.filter((issue) => issue.path === path).map((issue) => issue.message))].join('; ');

  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Wordings
      </Text>
      <Text size="xs" c="dimmed">
        The coach offers one of these (never the same one twice in a row). A wording whose placeholder cannot be filled in a conversation is skipped there, so keep some without placeholders.
        {` Up to ${PLAYBOOK_LIMITS.wordingsPerRule} wordings, each at most ${PLAYBOOK_LIMITS.wordingLength} characters with at most ${PLAYBOOK_LIMITS.placeholdersPerWording} placeholders.`}
      </Text>
      {!readOnly && (
        <Group gap={4} role="group" aria-label={`Insert a placeholder (${ruleTitle})`}>
          <Text size="xs" c="dimmed" mr={4}>
            Insert:
          </Text>
          {PLACEHOLDERS.map(([name, meaning]) => (
            <Tooltip key={name} label={meaning} withArrow openDelay={300}>
              <Button
                size="compact-xs"
                variant="light"
                radius="xl"
                aria-label={`Insert {${name}}: ${meaning}`}
                // keep the caret in the wording while the chip is clicked
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => insert(name)}
              >
                {`{${name}}`}
              </Button>
            </Tooltip>
          ))}
        </Group>
      )}
      {wordings.map((wording, index) => (
        <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
          <GrowingTextarea
            ref={(box) => {
              boxes.current[index] = box;
            }}
            size="xs"
            label={`Wording ${index + 1}`}
            minRows={1}
            maxRows={5}
            value={wording}
            readOnly={readOnly}
            disabled={readOnly}
            error={errorAt(issues, `${path}.${index}`)}
            style={{ flex: 1 }}
            onChange={(event) => {
              const value = event.currentTarget.value;
              remember(index, event.currentTarget);
              onChange(wordings.map((old, i) => (i === index ? value : old)));
            }}
            onSelect={(event) => remember(index, event.currentTarget)}
            onFocus={(event) => remember(index, event.currentTarget)}
          />
          {!readOnly && (
            <ActionIcon
              mt={22}
              variant="subtle"
              color="red"
              aria-label={`Remove wording ${index + 1}`}
              onClick={() => {
                caret.current = null;
                onChange(wordings.filter((_, i) => i !== index));
              }}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      {listError && (
        <Text size="xs" c="red" role="alert">
          {listError}
        </Text>
      )}
      {!readOnly && (
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} w="fit-content" disabled={full} onClick={() => onChange([...wordings, ''])}>
            Add a wording
          </Button>
          {full && (
            <Text size="xs" c="dimmed">
              {`A rule has at most ${PLAYBOOK_LIMITS.wordingsPerRule} wordings.`}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
