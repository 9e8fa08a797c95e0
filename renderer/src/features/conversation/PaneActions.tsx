import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconColumns2, IconExternalLink, IconX } from '@tabler/icons-react';
import { useClient } from '../../api/ClientContext';
import classes from './ConversationView.module.css';

interface Props {
  conversationId: number;
  onKeepBeside?: (() => void) | undefined;
  onClose?: (() => void) | undefined;
}

/** Keep a conversation open beside the next one, close it, or give it a window of its own. */
export function PaneActions({ conversationId, onKeepBeside, onClose }: Props) {
  const client = useClient();
  return (
    <Group gap={2} wrap="nowrap" className={classes.actions} data-testid="pane-actions">
      {onKeepBeside && (
        <Tooltip label="Keep open beside the next conversation (b)">
          <ActionIcon variant="subtle" color="gray" aria-label="Keep this conversation open beside the next" onClick={onKeepBeside}>
            <IconColumns2 size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <Tooltip label={client.host === 'electron' ? 'Open in its own window (Shift+O)' : 'Open in a new tab (Shift+O)'}>
        <ActionIcon variant="subtle" color="gray" aria-label="Open the conversation in its own window" onClick={() => client.openConversationWindow(conversationId)}>
          <IconExternalLink size={16} />
        </ActionIcon>
      </Tooltip>
      {onClose && (
        <Tooltip label="Close (Shift+B)">
          <ActionIcon variant="subtle" color="gray" aria-label="Close the conversation kept beside" onClick={onClose}>
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
