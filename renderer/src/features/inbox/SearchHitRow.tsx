import { Badge, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import type { SearchField, SearchHit } from '../../../../shared/contract/domain';
import { MarkedText } from '../../lib/MarkedText';
import { listTime } from '../../lib/time';
import { CHANNEL_LOOK, STATUS_LOOK } from './channelLook';
import rowClasses from './ConversationRow.module.css';
import classes from './SearchHitRow.module.css';

/** The slot a hit takes in the list: its three lines, and two more for the matching message's words. */
export const HIT_HEIGHT = { withMessage: 116, fieldsOnly: 82 } as const;

export const hitHeight = (hit: SearchHit): number => (hit.message ? HIT_HEIGHT.withMessage : HIT_HEIGHT.fieldsOnly);

const FIELD_LABEL: Record<Exclude<SearchField, 'message'>, string> = {
  subject: 'Subject',
  customer: 'Customer',
  email: 'E-mail address',
  phone: 'Phone number',
  handle: 'Chat handle',
};

/** Why a hit was found, in words: "Subject · Customer · 3 messages". */
export function why(hit: SearchHit): string {
  const fields = hit.matchedIn.filter((field): field is Exclude<SearchField, 'message'> => field !== 'message').map((field) => FIELD_LABEL[field]);
  const messages = hit.messageMatches > 0 ? [`${hit.messageMatches} message${hit.messageMatches === 1 ? '' : 's'}`] : [];
  return [...fields, ...messages].join(' · ');
}

interface Props {
  hit: SearchHit;
  selected: boolean;
  onOpen: (conversationId: number, messageId: number | null) => void;
}

/**
 * One conversation found by a search: who, when, its subject and status, why it matched, and the
 * words of its best-matching message with the matches marked. Memoised, and of a height known
 * before it is drawn: hits appear without being measured.
 */
export const SearchHitRow = memo(function SearchHitRow({ hit, selected, onOpen }: Props) {
  const channel = CHANNEL_LOOK[hit.channel];
  const Icon = channel.icon;
  const status = STATUS_LOOK[hit.status];
  const messageId = hit.message?.id ?? null;
  return (
    <UnstyledButton
      className={`${rowClasses.row} ${rowClasses.fill}`}
      data-selected={selected || undefined}
      data-matched={hit.matchedIn.join(' ')}
      data-channel={hit.channel}
      onClick={() => onOpen(hit.conversationId, messageId)}
      data-testid="search-hit"
    >
      <Icon size={18} color={`var(--mantine-color-${channel.color}-6)`} aria-label={channel.label} className={rowClasses.icon} />
      <div className={rowClasses.body}>
        <div className={classes.line}>
          <span className={`${classes.name} ${classes.truncate}`} dir="auto">
            <MarkedText text={hit.customerName} />
          </span>
          <span className={`${classes.small} ${classes.dimmed} ${classes.keep}`}>{listTime(hit.message?.sentAt ?? hit.lastMessageAt ?? 0)}</span>
        </div>
        <div className={classes.line}>
          <span className={`${classes.small} ${classes.truncate}`} dir="auto">
            {hit.subject ? <MarkedText text={hit.subject} /> : <span className={classes.dimmed}>No subject</span>}
          </span>
          <Badge size="xs" variant="light" color={status.color} className={classes.keep}>
            {status.label}
          </Badge>
        </div>
        <div className={`${classes.small} ${classes.dimmed} ${classes.truncate}`} data-testid="search-why">
          Matched: {why(hit)}
          {hit.identity ? (
            <>
              {' — '}
              <MarkedText text={hit.identity} />
            </>
          ) : null}
        </div>
        {hit.message ? (
          <div className={`${classes.small} ${classes.snippet}`} dir="auto">
            <MarkedText text={hit.message.snippet} />
          </div>
        ) : null}
      </div>
    </UnstyledButton>
  );
});
