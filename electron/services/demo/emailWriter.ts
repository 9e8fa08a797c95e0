/**
 * Turns an email script into a realistic thread: greetings and sign-offs, signatures, replies that
 * quote the message before them, and Message-ID / In-Reply-To / References headers in meta.
 */
import type { Agent } from './brand';
import { SUPPORT_FROM, agentEmailSignature, BRAND_DOMAIN } from './brand';
import { atTimeOfDay, DAY, formatQuoteDate, HOUR, MINUTE } from './clock';
import type { ConversationPlan, EmailScript, EmailTurn } from './conversationPlan';
import type { ConversationRecorder } from './conversationRecorder';
import type { DemoCustomer } from './people';
import type { Random } from './seededRandom';

interface SentEmail {
  messageId: string;
  from: string;
  sentAt: number;
  /** The text this email added (what the next reply quotes). */
  ownText: string;
}

export function writeEmailThread(recorder: ConversationRecorder, plan: ConversationPlan, script: EmailScript, rng: Random): void {
  const { customer, agent } = plan;
  const customerFrom = `${customer.displayName} <${customer.email}>`;
  const sent: SentEmail[] = [];
  let at = plan.start;
  script.turns.forEach((turn, index) => {
    if (index > 0) {
      at += Math.max(1, Math.round(turn.gapMinutes)) * MINUTE;
      at = turn.speaker === 'customer' ? awake(at) : duringOpeningHours(at, rng);
    }
    if (turn.speaker === 'note') {
      recorder.add('note', turn.body, at, { agent });
      return;
    }
    const fromCustomer = turn.speaker === 'customer';
    const previous = sent[sent.length - 1];
    const ownText = fromCustomer
      ? customerEmailText(turn, customer, previous ? agent : null, rng)
      : agentEmailText(turn, customer, agent);
    const body = previous ? `${ownText}\n\n${quote(previous)}` : ownText;
    const messageId = fromCustomer
      ? `<${rng.token(10).toUpperCase()}.${recorder.ref}-${recorder.count + 1}@${customer.emailDomain}>`
      : `<${recorder.ref}.${recorder.count + 1}.${rng.token(6)}@${BRAND_DOMAIN}>`;
    const from = fromCustomer ? customerFrom : SUPPORT_FROM;
    const meta: Record<string, unknown> = {
      messageId,
      from,
      to: [fromCustomer ? SUPPORT_FROM : customerFrom],
      subject: previous ? `Re: ${script.subject}` : script.subject,
    };
    if (previous) {
      meta.inReplyTo = previous.messageId;
      meta.references = sent.map((email) => email.messageId);
    }
    if (turn.attachments && turn.attachments.length > 0) meta.attachments = turn.attachments.map(photoAttachment);
    recorder.add(fromCustomer ? 'customer' : 'agent', body, at, fromCustomer ? { meta } : { agent, meta });
    sent.push({ messageId, from, sentAt: at, ownText });
  });
}

/** Agents write between 08:00 and 20:00; later replies go out the next morning. */
function duringOpeningHours(at: number, rng: Random): number {
  const hour = new Date(at).getUTCHours();
  if (hour >= 8 && hour < 20) return at;
  const nextMorning = atTimeOfDay(hour >= 20 ? at + DAY : at, 8, 0);
  return nextMorning + rng.int(5, 110) * MINUTE;
}

/** Customers mostly sleep between midnight and seven. */
function awake(at: number): number {
  const hour = new Date(at).getUTCHours();
  return hour < 7 ? at + (7 - hour) * HOUR : at;
}

function quote(email: SentEmail): string {
  const quoted = email.ownText
    .split('\n')
    .map((line) => (line.length > 0 ? `> ${line}` : '>'))
    .join('\n');
  return `On ${formatQuoteDate(email.sentAt)}, ${email.from} wrote:\n${quoted}`;
}

/** A photo as the contract lists an attachment, with a plausible size made from its name (no draw from the random sequence). */
function photoAttachment(name: string): { name: string; size: number; contentType: string } {
  let size = 0;
  for (const char of name) size = (size * 31 + char.charCodeAt(0)) % 3_000_000;
  return { name, size: 400_000 + size, contentType: 'image/jpeg' };
}

function attachmentLines(turn: EmailTurn): string[] {
  return (turn.attachments ?? []).map((name) => `[image: ${name}]`);
}

function customerEmailText(turn: EmailTurn, customer: DemoCustomer, replyingTo: Agent | null, rng: Random): string {
  const greeting =
    turn.greeting !== undefined ? turn.greeting : customerGreeting(customer, replyingTo, rng);
  const signOff = turn.signOff !== undefined ? turn.signOff : customerSignOff(customer, rng);
  const parts = [greeting, turn.body, attachmentLines(turn).join('\n'), signOff, customer.signature];
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('\n\n');
}

function customerGreeting(customer: DemoCustomer, replyingTo: Agent | null, rng: Random): string | null {
  if (replyingTo && rng.chance(0.6)) return rng.pick([`Hi ${replyingTo.firstName},`, `Hello ${replyingTo.firstName},`, `Dear ${replyingTo.firstName},`]);
  if (replyingTo && customer.signOffStyle === 'brief') return null;
  if (customer.signOffStyle === 'formal') return rng.pick(['Hello,', 'Dear Sir or Madam,', 'Good morning,']);
  return rng.pick(['Hi,', 'Hi there,', 'Hello Larkspur team,', 'Hello,']);
}

function customerSignOff(customer: DemoCustomer, rng: Random): string {
  const first = customer.firstName;
  switch (customer.signOffStyle) {
    case 'formal':
      return rng.pick([`Kind regards,\n${customer.displayName}`, `Regards,\n${customer.displayName}`, `Many thanks,\n${first}`]);
    case 'friendly':
      return rng.pick([`Thanks,\n${first}`, `Many thanks,\n${first}`, `Cheers,\n${first}`, `Best wishes,\n${first}`]);
    default:
      return rng.pick([first, first.slice(0, 1)]);
  }
}

function agentEmailText(turn: EmailTurn, customer: DemoCustomer, agent: Agent): string {
  const greeting = turn.greeting !== undefined ? turn.greeting : `Hi ${customer.firstName},`;
  const signature = turn.signOff === null ? null : agentEmailSignature(agent, turn.signOff ?? agent.signOff);
  const parts = [greeting, turn.body, attachmentLines(turn).join('\n'), signature];
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('\n\n');
}
