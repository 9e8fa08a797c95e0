import type { Channel, ConversationStatus, IdentityKind, MessageAuthor, MessageMeta } from './domain';

/**
 * What every channel connector, importer and the demo loader hand to the one ingestion service.
 * The service finds or creates the customer and the conversation, stores the message once
 * (duplicates are recognised by external id, e-mail Message-ID or content), indexes it for search,
 * logs the session event and tells the UI.
 */
export interface IngestMessage {
  channel: Channel;
  customer: {
    displayName: string;
    /** At least one identity; the first one that matches an existing customer wins. */
    identities: { kind: IdentityKind; value: string }[];
  };
  conversation: {
    /** Kinship's own id, for replies and notes written in the console. */
    id?: number;
    /** Connector's own id for the thread (chat session id, call id). E-mail threads by headers. */
    externalRef?: string;
    subject?: string;
    queue?: string;
    /** E-mail of the assigned user, if any. */
    assigneeEmail?: string;
    /** Status to set on the conversation after this message. */
    status?: ConversationStatus;
  };
  message: {
    author: MessageAuthor;
    /** Name shown for agent messages and notes; customers use their display name. */
    authorName?: string;
    /** E-mail of the Kinship user who wrote an agent message or note, when known. */
    authorEmail?: string;
    /** The text; for an HTML e-mail it may be left empty and is then made from the HTML. */
    body: string;
    /** The HTML of an e-mail, kept to be shown sanitised. */
    bodyHtml?: string;
    sentAt: number;
    /** Connector's id for the message (e-mail Message-ID goes in meta.messageId). */
    externalId?: string;
    meta?: MessageMeta;
  };
}

export interface IngestResult {
  messageId: number;
  conversationId: number;
  customerId: number;
  /** False when the message was already stored (a duplicate): nothing changed. */
  created: boolean;
}
