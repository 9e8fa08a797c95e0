import { Badge, Paper, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { Channel, Message } from '../../../../shared/contract/domain';
import { cleanMessageMeta } from '../../../../shared/contract/messageMeta';
import { fullTime } from '../../lib/time';
import { ReadingBadge } from '../analysis/ReadingBadge';
import { EmailBody } from './EmailBody';
import { EmailHtml } from './EmailHtml';
import classes from './MessageItem.module.css';

interface Props {
  message: Message;
  channel: Channel;
  focused: boolean;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "[02:15] Customer says…" → the offset into the call and the note itself. */
const CALL_OFFSET = /^\[(\d{1,2}:\d{2}(?::\d{2})?)\]\s*/;

function authorLabel(message: Message, channel: Channel): string {
  if (message.author === 'note') return `${channel === 'voice' ? 'Call note' : 'Internal note'} · ${message.authorName ?? 'agent'}`;
  if (message.author === 'system') return 'Kinship';
  return message.authorName ?? (message.author === 'customer' ? 'Customer' : 'Agent');
}

/**
 * One message, as text: bodies are never interpreted as HTML (e-mails are hostile until a
 * sanitiser exists), so whatever a customer sends is shown exactly as written.
 */
export function MessageItem({ message, channel, focused }: Props) {
  if (message.author === 'system') {
    return (
      <Text size="xs" c="dimmed" ta="center" className={classes.system} data-message-id={message.id} data-focused={focused || undefined}>
        {message.body} · {fullTime(message.sentAt)}
      </Text>
    );
  }
  // stored details are read through the contract's check: one stored before it existed cannot break the thread
  const { meta, dropped } = cleanMessageMeta(channel, message.meta);
  const email = channel === 'email' && message.author !== 'note';
  const callOffset = channel === 'voice' && message.author === 'note' ? CALL_OFFSET.exec(message.body) : null;
  return (
    <Paper
      withBorder
      p="sm"
      className={classes.message}
      data-author={message.author}
      data-channel={channel}
      data-message-id={message.id}
      data-focused={focused || undefined}
      data-testid="message"
    >
      <div className={classes.meta}>
        <Text size="xs" fw={600}>
          {authorLabel(message, channel)}
        </Text>
        <div className={classes.metaRight}>
          {message.reading && <ReadingBadge reading={message.reading} />}
          <Text size="xs" c="dimmed">
            {fullTime(message.sentAt)}
          </Text>
        </div>
      </div>
      {email && (meta.from || meta.to) ? (
        <Text size="xs" c="dimmed" mb={6}>
          {meta.from && <>From {meta.from} </>}
          {meta.to && <>to {meta.to.join(', ')}</>}
        </Text>
      ) : null}
      {email && message.html ? (
        <EmailHtml html={message.html} />
      ) : email ? (
        <EmailBody body={message.body} />
      ) : callOffset ? (
        <div className={classes.callNote}>
          <span className={classes.offset} aria-label={`${callOffset[1]} into the call`}>
            {callOffset[1]}
          </span>
          <span className={classes.text}>{message.body.slice(callOffset[0].length)}</span>
        </div>
      ) : (
        <div className={classes.text}>{message.body}</div>
      )}
      {meta.attachments && meta.attachments.length > 0 && (
        <div className={classes.attachments} role="list" aria-label="Attachments">
          {meta.attachments.map((file, index) => (
            <Badge key={`${index}-${file.name}`} role="listitem" variant="outline" color="gray" leftSection={<IconPaperclip size={12} aria-hidden />} style={{ textTransform: 'none' }}>
              {file.name} · {formatSize(file.size)}
            </Badge>
          ))}
        </div>
      )}
      {dropped.length > 0 && (
        <Text size="xs" c="dimmed" mt={6} data-testid="dropped-meta">
          Some details that came with this message could not be read and are not shown:{' '}
          {dropped.map((entry) => `${entry.field} (${entry.reason})`).join('; ')}.
        </Text>
      )}
    </Paper>
  );
}
