import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { GrowingTextarea } from '../../lib/GrowingTextarea';
import { useMutation } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState, type FormEvent } from 'react';
import { usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import { ApiError } from '../../../../shared/contract/errors';
import { useClient } from '../../api/ClientContext';
import { DueInput } from './DueInput';
import { dueFromInput, dueInputValue, dueProblem } from './followUpTime';
import { useFollowUpsChanged } from './useConnection';

interface Props {
  customerId: number;
  /** The conversation the promise belongs to, when it is made from one. */
  conversationId?: number | null;
}

function tomorrowAtFive(): string {
  return dueInputValue(dayjs().add(1, 'day').hour(17).minute(0).second(0).millisecond(0).valueOf());
}

interface Errors {
  description?: string;
  dueAt?: string;
  form?: string;
}

/** "Add follow-up": a promise to the customer, with when it is due. */
export function AddFollowUp({ customerId, conversationId = null }: Props) {
  const client = useClient();
  const changed = useFollowUpsChanged(customerId);
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [due, setDue] = useState(tomorrowAtFive);
  const [errors, setErrors] = useState<Errors>({});
  const addActions = useMemo<PaletteAction[]>(() => [{ id: 'follow-up-add', group: 'Follow-ups', label: 'Add a follow-up…', description: 'A promise to the customer, with when it is due', run: () => setOpen(true) }], []);
  usePaletteActions(addActions);
  const create = useMutation({
    mutationFn: (input: { description: string; dueAt: number }) =>
      client.call('followUps.create', { customerId, conversationId, messageId: null, description: input.description, dueAt: input.dueAt }),
    onSuccess: () => {
      changed();
      setDescription('');
      setDue(tomorrowAtFive());
      setErrors({});
      setOpen(false);
    },
    onError: (error) => {
      const next: Errors = {};
      if (error instanceof ApiError && error.issues) {
        for (const issue of error.issues) {
          if (issue.path.startsWith('description')) next.description = issue.message;
          else if (issue.path.startsWith('dueAt')) next.dueAt = issue.message;
        }
      }
      if (!next.description && !next.dueAt) next.form = error.message;
      setErrors(next);
    },
  });

  if (!open) {
    return (
      <Group>
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setOpen(true)}>
          Add follow-up
        </Button>
      </Group>
    );
  }

  const dueAt = dueFromInput(due);
  // a time already past cannot be chosen (shared/followUpDue.ts), and the field says why as it is picked
  const dueIssue = due ? dueProblem(dueAt) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    if (!description.trim()) next.description = 'Say what was promised';
    else if (description.trim().length > 500) next.description = 'Keep it to 500 characters';
    const problem = dueProblem(dueAt);
    if (problem) next.dueAt = problem;
    setErrors(next);
    if (next.description || next.dueAt) return;
    create.mutate({ description: description.trim(), dueAt });
  };

  return (
    <form onSubmit={submit} aria-label="Add follow-up" noValidate>
      <Stack gap={6}>
        <GrowingTextarea dir="auto"
          label="What was promised"
          size="xs"
          minRows={2}
          maxRows={4}
          autoFocus
          placeholder="e.g. Call back with the refund date"
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={errors.description}
          required
        />
        <DueInput
          value={due}
          onChange={(value) => {
            setDue(value);
            setErrors(({ dueAt: _dropped, ...rest }) => rest);
          }}
          error={errors.dueAt ?? dueIssue}
        />
        {errors.form && (
          <Alert color="red" role="alert" p="xs">
            <Text size="xs">{errors.form}</Text>
          </Alert>
        )}
        <Group gap={6}>
          <Button type="submit" size="compact-sm" loading={create.isPending}>
            Save follow-up
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            onClick={() => {
              setOpen(false);
              setErrors({});
            }}
          >
            Discard
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
