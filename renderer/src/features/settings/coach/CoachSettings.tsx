import { Alert, Anchor, Badge, Button, Divider, Group, List, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLeaveGuard } from '../../shell/leaveGuard';
import type { Playbook, RuleCheck } from '../../../../../shared/contract/coach';
import { ApiError } from '../../../../../shared/contract/errors';
import type { MethodOutput } from '../../../../../shared/contract/methods';
import { useClient } from '../../../api/ClientContext';
import classes from './CoachSettings.module.css';
import { DraftCheckSettings } from './DraftCheckSettings';
import { NumberField } from './NumberField';
import { checkPlaybook, describeIssuePath, errorAt, type PlaybookIssue, ruleIndexOf } from './playbookIssues';
import { PlaybookPreview } from './PlaybookPreview';
import { RuleList } from './RuleList';
import { usePlaybookPreview } from './usePlaybookPreview';

export const playbookKey = ['playbook.get'] as const;

export const READ_ONLY_NOTE = 'Only a supervisor or an admin can change the playbook.';

/**
 * Settings → Coach playbook: the rules the empathy coach follows (when each fires, what it offers),
 * its draft check, and a preview on a real conversation. Supervisors edit; everyone else reads.
 */
export function CoachSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: playbookKey, queryFn: () => client.call('playbook.get', {}) });

  /** The playbook as saved (as JSON, to compare with the one being edited). */
  const savedJson = useRef<string | null>(null);
  const [savedPlaybook, setSavedPlaybook] = useState<Playbook | null>(null);
  const [draft, setDraft] = useState<Playbook | null>(null);
  const [serverIssues, setServerIssues] = useState<PlaybookIssue[]>([]);
  const [open, setOpen] = useState<string[]>([]);
  const [conversationId, setConversationId] = useState<number | null>(null);
  const [confirmingRestore, setConfirmingRestore] = useState(false);

  // a new saved playbook (loaded, saved, restored, changed elsewhere) replaces the one being edited;
  // a refetch of the same one (e.g. after a role switch) keeps the edits
  useEffect(() => {
    const next = saved.data?.playbook;
    if (!next) return;
    const json = JSON.stringify(next);
    if (json === savedJson.current) return;
    savedJson.current = json;
    setSavedPlaybook(next);
    setDraft(next);
    setServerIssues([]);
  }, [saved.data]);

  const canEdit = saved.data?.canEdit ?? false;
  const readOnly = !canEdit;
  // switching to a role that cannot edit drops unsaved edits (they could be neither saved nor discarded)
  useEffect(() => {
    if (readOnly && savedPlaybook) setDraft(savedPlaybook);
  }, [readOnly, savedPlaybook]);
  const dirty = useMemo(() => draft !== null && savedPlaybook !== null && JSON.stringify(draft) !== savedJson.current, [draft, savedPlaybook]);
  // leaving Settings, or closing the window, with unsaved edits asks first
  useLeaveGuard(dirty, 'Discard your unsaved changes to the coach’s playbook?');
  const ownIssues = useMemo(() => (draft && canEdit ? checkPlaybook(draft) : []), [draft, canEdit]);
  const issues = useMemo(() => {
    const known = new Set(ownIssues.map((issue) => `${issue.path}\n${issue.message}`));
    return [...ownIssues, ...serverIssues.filter((issue) => !known.has(`${issue.path}\n${issue.message}`))];
  }, [ownIssues, serverIssues]);

  const preview = usePlaybookPreview(conversationId, draft);
  const checks = useMemo(() => (preview.data ? new Map<string, RuleCheck>(preview.data.rules.map((rule) => [rule.ruleId, rule])) : null), [preview.data]);

  const onSaved = (result: MethodOutput<'playbook.save'>) => {
    // what was saved (or the default restored) is now both the saved and the edited playbook
    savedJson.current = JSON.stringify(result.playbook);
    setSavedPlaybook(result.playbook);
    setDraft(result.playbook);
    setServerIssues([]);
    queryClient.setQueryData(playbookKey, result);
  };
  const save = useMutation({
    mutationFn: (playbook: Playbook | null) => client.call('playbook.save', { playbook }),
    onSuccess: onSaved,
    onError: (error) => {
      if (error instanceof ApiError && error.issues) setServerIssues(error.issues);
    },
  });

  const edit = (change: (playbook: Playbook) => Playbook) => {
    setDraft((current) => (current ? change(current) : current));
    if (serverIssues.length) setServerIssues([]);
  };

  if (saved.isError) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="coach-playbook-title">
        <Title order={3} size="h4" id="coach-playbook-title" mb="sm">
          Coach playbook
        </Title>
        <Alert color="red" role="alert">
          The playbook could not be loaded: {saved.error.message}
        </Alert>
      </Paper>
    );
  }
  if (!draft || !saved.data) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="coach-playbook-title">
        <Group gap="xs">
          <Title order={3} size="h4" id="coach-playbook-title">
            Coach playbook
          </Title>
          <Loader size="xs" aria-label="Loading the playbook" />
        </Group>
      </Paper>
    );
  }

  const saveError = save.error && !(save.error instanceof ApiError && save.error.code === 'invalid-input' && save.error.issues?.length) ? save.error.message : null;
  const blocking = ownIssues.length;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="coach-playbook-title" data-testid="coach-settings" className={classes.panel}>
      <Stack gap="sm">
        <Group justify="space-between" py={6} className={classes.actions} data-dirty={dirty || undefined}>
          <Group gap="xs">
            <Title order={3} size="h4" id="coach-playbook-title">
              Coach playbook
            </Title>
            <span aria-live="polite">
              {dirty && (
                <Badge color="orange" variant="light" data-testid="unsaved-changes">
                  Unsaved changes
                </Badge>
              )}
            </span>
          </Group>
          {canEdit && (
            <Group gap="xs">
              <Button size="xs" variant="subtle" color="gray" onClick={() => setConfirmingRestore(true)} disabled={save.isPending || (saved.data.isDefault && !dirty)}>
                Restore defaults
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={!dirty || save.isPending}
                onClick={() => {
                  setDraft(savedPlaybook);
                  setServerIssues([]);
                  save.reset();
                }}
              >
                Discard changes
              </Button>
              {blocking > 0 && (
                <Text size="xs" c="red.8">
                  Fix {blocking === 1 ? '1 problem' : `${blocking} problems`} to save
                </Text>
              )}
              <Button size="xs" onClick={() => save.mutate(draft)} loading={save.isPending && save.variables !== null} disabled={!dirty || blocking > 0}>
                Save
              </Button>
            </Group>
          )}
        </Group>
        <Group gap="xs">
          <Badge variant="light" color={saved.data.isDefault ? 'gray' : 'blue'}>
            {saved.data.isDefault ? 'Kinship’s default' : 'Changed by a supervisor'}
          </Badge>
          {!saved.data.isDefault && canEdit && (
            <Text size="xs" c="dimmed">
              Restore defaults goes back to the playbook Kinship ships with.
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          What the empathy coach suggests to agents and when: each rule fires when all its conditions hold, and offers one of its wordings with the {'{placeholders}'} filled in from the conversation. When more rules fire than are shown, the higher priority wins (one prompt of each kind).
        </Text>
        {readOnly && (
          <Alert color="gray" icon={<IconLock size={18} aria-hidden />} role="note" data-testid="playbook-read-only">
            {READ_ONLY_NOTE}
          </Alert>
        )}
        {canEdit && issues.length > 0 && (
          <Alert color="red" title={blocking > 0 ? `${issues.length === 1 ? '1 problem' : `${issues.length} problems`} to fix before saving` : 'The playbook was not saved'} role="alert">
            <List size="sm" spacing={2}>
              {issues.slice(0, 12).map((issue) => {
                const ruleIndex = ruleIndexOf(issue.path);
                const ruleId = ruleIndex === null ? undefined : draft.rules[ruleIndex]?.id;
                const where = describeIssuePath(issue.path, draft);
                return (
                  <List.Item key={`${issue.path}-${issue.message}`}>
                    {ruleId ? (
                      <Anchor component="button" type="button" size="sm" onClick={() => setOpen((current) => (current.includes(ruleId) ? current : [...current, ruleId]))}>
                        {where}
                      </Anchor>
                    ) : (
                      <b>{where}</b>
                    )}
                    : {issue.message}
                  </List.Item>
                );
              })}
              {issues.length > 12 && <List.Item>…and {issues.length - 12} more</List.Item>}
            </List>
          </Alert>
        )}
        {saveError && (
          <Alert color="red" role="alert">
            {saveError}
          </Alert>
        )}
        <NumberField
          size="xs"
          label="Prompts shown at once"
          description="At most this many (1 to 6), one of each kind"
          min={1}
          max={6}
          allowDecimal={false}
          w={260}
          value={draft.maxPrompts}
          disabled={readOnly}
          error={errorAt(issues, 'playbook.maxPrompts')}
          onValue={(maxPrompts) => edit((playbook) => ({ ...playbook, maxPrompts: maxPrompts ?? Number.NaN }))}
        />
        <Title order={4} size="h5" mt="xs">
          Rules ({draft.rules.length})
        </Title>
        <RuleList
          rules={draft.rules}
          onChange={(rules) => edit((playbook) => ({ ...playbook, rules }))}
          readOnly={readOnly}
          issues={issues}
          open={open}
          onOpen={setOpen}
          checks={checks}
        />
        <Divider my="xs" />
        <DraftCheckSettings settings={draft.draftCheck} onChange={(draftCheck) => edit((playbook) => ({ ...playbook, draftCheck }))} readOnly={readOnly} issues={issues} />
        <Divider my="xs" />
        <PlaybookPreview conversationId={conversationId} onConversation={setConversationId} preview={preview} />
      </Stack>
      <Modal opened={confirmingRestore} onClose={() => setConfirmingRestore(false)} title="Restore the default playbook?" centered>
        <Stack gap="sm">
          <Text size="sm">
            Every rule, wording and draft-check setting goes back to Kinship’s default, for the whole team. Changes made here, saved or not, are lost.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirmingRestore(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={save.isPending && save.variables === null}
              onClick={() => save.mutate(null, { onSettled: () => setConfirmingRestore(false) })}
            >
              Restore defaults
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
