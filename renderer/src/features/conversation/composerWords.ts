import type { Channel } from '../../../../shared/contract/domain';

/** What the composer calls a reply and a note, and what it says about them, in this kind of conversation. */
export interface ComposerWords {
  replyTab: string;
  replyLabel: string;
  replyPlaceholder: string;
  /** A line under the switch saying what a reply here is (null when it needs no saying). */
  replyHint: string | null;
  noteTab: string;
  noteLabel: string;
  notePlaceholder: string;
  noteHint: string | null;
  noteFooter: string;
}

/**
 * A call is spoken: nothing typed here reaches the caller on the call. A "reply" in a voice
 * conversation is a written follow-up to the caller, kept with the call on the record (no text or
 * e-mail connector sends it yet, as for every channel); a note is a call note for the team.
 */
export function composerWords(channel: Channel, customerName: string): ComposerWords {
  if (channel === 'voice') {
    return {
      replyTab: `Written follow-up to ${customerName}`,
      replyLabel: `Written follow-up to ${customerName}`,
      replyPlaceholder: `What to tell ${customerName} in writing after the call…`,
      replyHint: `Not said on the call: a written message to ${customerName} after it, kept with this call on the record (no text or e-mail connector sends it out yet). To note what was said, use Call note.`,
      noteTab: 'Call note',
      noteLabel: 'Call note (only your team sees it)',
      notePlaceholder: 'What was said or agreed on the call; the caller never sees it…',
      noteHint: null,
      noteFooter: 'Call notes are for your team only.',
    };
  }
  return {
    replyTab: `Reply to ${customerName}`,
    replyLabel: `Reply to ${customerName}`,
    replyPlaceholder: `Write to ${customerName}…`,
    replyHint: null,
    noteTab: 'Internal note',
    noteLabel: 'Internal note (only your team sees it)',
    notePlaceholder: 'A note for your team; the customer never sees it…',
    noteHint: null,
    noteFooter: 'Notes are for your team only.',
  };
}
