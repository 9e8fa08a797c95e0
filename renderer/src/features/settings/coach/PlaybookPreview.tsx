import { Alert, Badge, Group, List, Loader, Paper, Select, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import type { RuleCheck } from '../../../../../shared/contract/coach';
import type { ConversationSummary } from '../../../../../shared/contract/domain';
import { useClient } from '../../../api/ClientContext';
import { queryKeys } from '../../../app/queryKeys';
import { CHANNEL_LABEL, CHECKED_CONDITION_LABEL, KIND_LABEL, score } from './playbookWords';
import type { PlaybookPreviewState } from './usePlaybookPreview';

interface PlaybookPreviewProps {
  conversationId: number | null;
  onConversation: (id: number | null) => void;
  preview: PlaybookPreviewState;
}

const PICK_LIMIT = 50;

function optionLabel(conversation: ConversationSummary, withMood: boolean): string {
  const subject = conversation.subject?.trim() || 'no subject';
  const mood = withMood && conversation.mood ? ` · sentiment ${score(conversation.mood.sentiment)}${conversation.mood.emotion ? `, ${conversation.mood.emotion}` : ''}` : '';
  return `${conversation.customer.displayName} — ${subject} (${CHANNEL_LABEL[conversation.channel]}${mood})`;
}

/** The conversations to try the playbook on: the most upset first, then the most recent. */
function usePreviewConversations() {
  const client = useClient();
  const upset = useQuery({
    queryKey: queryKeys.conversations({ sort: 'upset', limit: PICK_LIMIT, for: 'playbook-preview' }),
    queryFn: () => client.call('conversations.list', { sort: 'upset', limit: PICK_LIMIT }),
  });
  const recent = useQuery({
    queryKey: queryKeys.conversations({ sort: 'recent', limit: PICK_LIMIT, for: 'playbook-preview' }),
    queryFn: () => client.call('conversations.list', { sort: 'recent', limit: PICK_LIMIT }),
  });
  const upsetItems = useMemo(() => upset.data?.items ?? [], [upset.data]);
  const recentItems = useMemo(() => recent.data?.items ?? [], [recent.data]);
  const data = useMemo(() => {
    const seen = new Set(upsetItems.map((conversation) => conversation.id));
    const groups = [
      { group: 'Most upset', items: upsetItems.map((conversation) => ({ value: String(conversation.id), label: optionLabel(conversation, true) })) },
      {
        group: 'Most recent',
        items: recentItems.filter((conversation) => !seen.has(conversation.id)).map((conversation) => ({ value: String(conversation.id), label: optionLabel(conversation, false) })),
      },
    ];
    return groups.filter((group) => group.items.length > 0);
  }, [upsetItems, recentItems]);
  return { data, first: upsetItems[0]?.id ?? recentItems[0]?.id ?? null, loading: upset.isLoading || recent.isLoading, error: upset.error ?? recent.error };
}

function ruleStatus(check: RuleCheck): { label: string; color: string } {
  if (check.shown) return { label: 'Shown', color: 'teal' };
  if (check.fired) return { label: 'Fired, not shown', color: 'yellow' };
  if (!check.enabled) return { label: 'Turned off', color: 'gray' };
  return { label: 'Not fired', color: 'gray' };
}

function RuleCheckItem({ check }: { check: RuleCheck }) {
  const status = ruleStatus(check);
  return (
    <Paper withBorder p="xs" radius="sm" component="li" data-testid="preview-rule" data-fired={check.fired} data-shown={check.shown}>
      <Group gap="xs" wrap="nowrap">
        <Badge size="sm" color={status.color} variant={check.shown ? 'filled' : 'light'} miw={120}>
          {status.label}
        </Badge>
        <Text size="sm" fw={600}>
          {check.title}
        </Text>
        <Text size="xs" c="dimmed">
          {KIND_LABEL[check.kind]}
        </Text>
      </Group>
      {check.conditions.length > 0 && (
        <List size="xs" mt={6} spacing={2} listStyleType="none" aria-label={`Conditions of “${check.title}”`}>
          {check.conditions.map((condition, index) => (
            <List.Item
              key={`${condition.condition}-${index}`}
              icon={
                <ThemeIcon size={16} radius="xl" color={condition.met ? 'teal' : 'red'} variant="light" aria-hidden>
                  {condition.met ? <IconCheck size={12} /> : <IconX size={12} />}
                </ThemeIcon>
              }
            >
              <VisuallyHidden>{condition.met ? 'met: ' : 'not met: '}</VisuallyHidden>
              <b>{CHECKED_CONDITION_LABEL[condition.condition] ?? condition.condition}</b>
              {condition.detail ? ` — ${condition.detail}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {check.conditions.length === 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          No conditions.
        </Text>
      )}
      {check.whyNot && (
        <Text size="xs" mt={4}>
          <b>{check.fired ? 'Why not shown:' : 'Why not:'}</b> {check.whyNot}
        </Text>
      )}
    </Paper>
  );
}

/** Try the playbook as edited on a real conversation: the prompts it would show, and how every rule fared. */
export function PlaybookPreview({ conversationId, onConversation, preview }: PlaybookPreviewProps) {
  const conversations = usePreviewConversations();
  useEffect(() => {
    if (conversationId === null && conversations.first !== null) onConversation(conversations.first);
  }, [conversationId, conversations.first, onConversation]);

  const result = preview.data;
  // the ones that fired first, in playbook order otherwise
  const rules = result ? [...result.rules].sort((a, b) => Number(b.shown) - Number(a.shown) || Number(b.fired) - Number(a.fired)) : [];
  const firedCount = result?.rules.filter((rule) => rule.fired).length ?? 0;

  return (
    <Stack gap="sm" component="section" aria-labelledby="playbook-preview-title">
      <Group justify="space-between">
        <Title order={4} size="h5" id="playbook-preview-title">
          Preview on a conversation
        </Title>
        {conversationId !== null && preview.catchingUp && !preview.blocked && (
          <Group gap={6} role="status">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              Updating…
            </Text>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Runs the playbook as edited here, saved or not, against a real conversation. Nothing is recorded and no agent sees it.
      </Text>
      <Select
        label="Conversation"
        placeholder={conversations.loading ? 'Loading conversations…' : 'Search by customer or subject'}
        data={conversations.data}
        value={conversationId === null ? null : String(conversationId)}
        onChange={(value) => onConversation(value ? Number(value) : null)}
        searchable
        nothingFoundMessage="No conversation matches"
        maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }}
      />
      {conversations.error && (
        <Alert color="red" role="alert">
          Could not list conversations: {conversations.error.message}
        </Alert>
      )}
      {!conversations.loading && conversations.data.length === 0 && !conversations.error && <Text size="sm">There are no conversations to preview yet.</Text>}
      {preview.blocked && (
        <Alert color="yellow" role="status">
          Fix the problems in the playbook to preview it.
        </Alert>
      )}
      {preview.isError && (
        <Alert color="red" role="alert">
          The preview failed: {preview.error.message}
        </Alert>
      )}
      {result && (
        <>
          <Title order={5} size="h6">
            Prompts the agent would see ({result.suggestions.length})
          </Title>
          {result.suggestions.length === 0 ? (
            <Text size="sm">No prompt would be shown on this conversation.</Text>
          ) : (
            <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Prompts the agent would see">
              {result.suggestions.map((suggestion) => (
                <Paper key={suggestion.ruleId} component="li" withBorder p="xs" radius="sm" bg="var(--mantine-color-teal-light)" data-testid="preview-suggestion">
                  <Group gap="xs">
                    <Text size="sm" fw={700}>
                      {suggestion.title}
                    </Text>
                    <Badge size="xs" variant="outline">
                      {KIND_LABEL[suggestion.kind]}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    Because: {suggestion.reason}
                  </Text>
                  <Text size="sm" mt={4}>
                    “{suggestion.text}”
                  </Text>
                </Paper>
              ))}
            </Stack>
          )}
          <Title order={5} size="h6">
            Every rule ({firedCount} of {result.rules.length} fired)
          </Title>
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="How each rule fared">
            {rules.map((check) => (
              <RuleCheckItem key={check.ruleId} check={check} />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
