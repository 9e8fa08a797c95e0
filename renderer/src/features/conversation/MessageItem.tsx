import { Paper, Text } from '@mantine/core';
import { memo } from 'react';
import { IconPaperclip } from '@tabler/icons-react';
import type { Channel, Message, MessageAttachment } from '../../../../shared/contract/domain';
import { cleanMessageMeta } from '../../../../shared/contract/messageMeta';
import { fullTime, listTime } from '../../lib/time';
import { ReadingBadge } from '../analysis/ReadingBadge';
import { EmailBody } from './EmailBody';
import { EmailHtml } from './EmailHtml';
import { attachmentDetails } from './attachmentLabel';
import classes from './MessageItem.module.css';

interface Props {
  message: Message;
  channel: Channel;
  focused: boolean;
  /** A chat message right after another of the same author: drawn close under it, without the name again. */
  grouped?: boolean;
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
 * sanitiser exists), so whatever a customer sends is shown exactly as written. Memoised: the
 * thread draws its rows again as it is scrolled and measured, and a message that has not changed
 * is not drawn again.
 */
export const MessageItem = memo(function MessageItem({ message, channel, focused, grouped = false }: Props) {
  if (message.author === 'system') {
    return (
      <Text size="xs" c="dimmed" ta="center" className={classes.system} data-message-id={message.id} data-focused={focused || undefined}>
        {message.body} · {fullTime(message.sentAt)}
      </Text>
    );
  }
  // stored details are read through the contract's check: one stored before it existed cannot break the thread
  const { meta, dropped } = cleanMessageMeta(channel, message.meta);
  if (channel === 'chat' && message.author !== 'note') return <ChatBubble message={message} focused={focused} grouped={grouped} dropped={dropped.length > 0} />;
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
        <Text size="xs" fw={600} dir="auto">
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
          <span className={classes.text} dir="auto">
            {message.body.slice(callOffset[0].length)}
          </span>
        </div>
      ) : (
        <div className={classes.text} dir="auto">
          {message.body}
        </div>
      )}
      {meta.attachments && meta.attachments.length > 0 && <Attachments files={meta.attachments} />}
      {dropped.length > 0 && (
        <Text size="xs" c="dimmed" mt={6} data-testid="dropped-meta">
          Some details that came with this message could not be read and are not shown:{' '}
          {dropped.map((entry) => `${entry.field} (${entry.reason})`).join('; ')}.
        </Text>
      )}
    </Paper>
  );
});

/** The files that came with a message: name, type and size (or that the size was not given). */
function Attachments({ files }: { files: MessageAttachment[] }) {
  return (
    <ul className={classes.attachments} aria-label="Attachments">
      {files.map((file, index) => {
        const { name, details } = attachmentDetails(file);
        return (
          <li key={`${index}-${name}`} className={classes.attachment} data-testid="attachment" data-size-known={file.size !== undefined || undefined}>
            <IconPaperclip size={14} aria-hidden className={classes.attachmentIcon} />
            <span className={classes.attachmentName} dir="auto" title={name}>
              {name}
            </span>
            <span className={classes.attachmentDetails}>{details}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A chat message as a bubble: the customer's on the left, the agent's on the right; a run of
 * messages from one author sits together under one name, each with its time on hover (and
 * always for screen readers).
 */
function ChatBubble({ message, focused, grouped, dropped }: { message: Message; focused: boolean; grouped: boolean; dropped: boolean }) {
  const time = fullTime(message.sentAt);
  const who = authorLabel(message, 'chat');
  return (
    <div
      className={classes.bubble}
      data-author={message.author}
      data-channel="chat"
      data-message-id={message.id}
      data-focused={focused || undefined}
      data-grouped={grouped || undefined}
      data-testid="message"
      title={time}
    >
      {!grouped && (
        <Text size="xs" fw={600} className={classes.bubbleAuthor} dir="auto">
          {who}
        </Text>
      )}
      <div className={classes.bubbleLine}>
        <div className={classes.bubbleBody}>
          <div className={classes.text} dir="auto">
            {message.body}
          </div>
        </div>
        {/* the reading and the time move together: a hidden time never takes a line of its own */}
        <span className={classes.bubbleMeta}>
          {message.reading && (
            <span className={classes.bubbleReading}>
              <ReadingBadge reading={message.reading} />
            </span>
          )}
          <time className={classes.bubbleTime} dateTime={new Date(message.sentAt).toISOString()} aria-label={`${grouped ? `${who}, ` : ''}${time}`}>
            {listTime(message.sentAt)}
          </time>
        </span>
      </div>
      {dropped && (
        <Text size="xs" c="dimmed" data-testid="dropped-meta">
          Some details that came with this message could not be read and are not shown.
        </Text>
      )}
    </div>
  );
}
