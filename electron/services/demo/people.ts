/**
 * The demo's customers: names, email addresses, chat handles and phone numbers, and how each of
 * them writes (signature, sign-off, chat style). Every customer keeps the same identities for life,
 * so the ingestion service merges their chats, emails and calls into one person.
 */
import type { Channel, IdentityKind } from '../../../shared/contract/domain';
import type { Random } from './seededRandom';

export interface DemoCustomer {
  displayName: string;
  firstName: string;
  email: string;
  emailDomain: string;
  handle: string;
  /** "+44 7700 900123" (the range set aside for drama). */
  phone: string;
  /** Lines under the sign-off ("Sent from my iPhone", or "--" and a job title), or null. */
  signature: string | null;
  signOffStyle: 'formal' | 'friendly' | 'brief';
  chatStyle: 'casual' | 'tidy';
  channelWeights: Record<Channel, number>;
}

const FIRST_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Freya', 'Lily', 'Sophie', 'Emily', 'Chloe', 'Ella', 'Poppy', 'Evie', 'Ruby', 'Zara',
  'Maya', 'Leah', 'Imogen', 'Harriet', 'Rosie', 'Niamh', 'Megan', 'Kirsty', 'Joanne', 'Claire', 'Helen', 'Sarah',
  'Rachel', 'Fiona', 'Bethany', 'Nadia', 'Fatima', 'Anika', 'Mei', 'Yasmin', 'Carmen', 'Alice', 'Eleanor', 'Jasmine',
  'Lucy', 'Oliver', 'George', 'Harry', 'Jack', 'Noah', 'Leo', 'Arthur', 'Oscar', 'Charlie', 'James', 'William',
  'Henry', 'Samuel', 'Joseph', 'Ethan', 'Adam', 'Ryan', 'Callum', 'Jamie', 'Ben', 'Rhys', 'Owen', 'Dylan', 'Kieran',
  'Stuart', 'Graham', 'Paul', 'Neil', 'Andrew', 'Simon', 'Rohan', 'Arjun', 'Kwame', 'Tariq', 'Mateo', 'Piotr',
  'Luca', 'Hamish', 'Finn', 'Gareth', 'Colin', 'Bernard', 'Maureen', 'Pauline', 'Gwen', 'Shirley',
];

const LAST_NAMES = [
  'Smith', 'Patel', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker',
  'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Lewis',
  'Martin', 'Jackson', 'Clarke', 'Turner', 'Hill', 'Scott', 'Cooper', 'Morris', 'Ward', 'Moore', 'King', 'Watson',
  'Baker', 'Harrison', 'Morgan', 'Allen', 'Campbell', 'Young', 'Mitchell', 'Kelly', 'Chapman', 'Bailey', 'Bell',
  'Murphy', 'Russell', 'Begum', 'Ali', 'Hussain', 'Chen', 'Okafor', 'Mensah', 'Kowalski', 'Novak', 'Rossi',
  'Fernandes', 'Doyle', "O'Brien", 'MacLeod', 'Fraser', 'Lloyd', 'Price', 'Pritchard', 'Sutherland', 'Holloway',
  'Fairbairn', 'Ashdown',
];

const HOME_DOMAINS = ['mailbox.example', 'inbox.example', 'postbox.example', 'homemail.example', 'quickpost.example'];

const WORKPLACES = [
  { domain: 'brightwater-dental.example', company: 'Brightwater Dental', title: 'Practice Manager' },
  { domain: 'hollins-architects.example', company: 'Hollins Architects', title: 'Associate Architect' },
  { domain: 'northgate-school.example', company: 'Northgate Academy', title: 'Head of Year 9' },
  { domain: 'kestrel-accounting.example', company: 'Kestrel Accounting', title: 'Senior Accountant' },
  { domain: 'riverside-vets.example', company: 'Riverside Veterinary Practice', title: 'Veterinary Nurse' },
  { domain: 'meadowbank-nhs.example', company: 'Meadowbank Health Centre', title: 'Community Nurse' },
  { domain: 'copperleaf-design.example', company: 'Copperleaf Design Studio', title: 'Creative Director' },
];

const DEVICE_SIGNATURES = ['Sent from my iPhone', 'Sent from my iPad', 'Get Outlook for Android', 'Sent from my Galaxy'];

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');

/** Identities the customer gives on a channel: the channel's own first, then the email they are known by. */
export function identitiesFor(customer: DemoCustomer, channel: Channel): { kind: IdentityKind; value: string }[] {
  const email = { kind: 'email' as const, value: customer.email };
  if (channel === 'email') return [email];
  if (channel === 'chat') return [{ kind: 'chat', value: customer.handle }, email];
  return [{ kind: 'phone', value: customer.phone }, email];
}

export interface FixedCustomer {
  displayName: string;
  email: string;
  handle: string;
  phoneSuffix: number;
  signature: string | null;
  signOffStyle: DemoCustomer['signOffStyle'];
  chatStyle: DemoCustomer['chatStyle'];
}

/** Hands out customers with unique names, handles and phone numbers. */
export class PeopleFactory {
  private readonly names = new Set<string>();
  private readonly handles = new Set<string>();
  private readonly phones = new Set<number>();
  private readonly emails = new Set<string>();

  constructor(private readonly rng: Random) {}

  /** A scripted customer (the story arcs), whose details are written by hand. */
  fixed(spec: FixedCustomer): DemoCustomer {
    this.claim(spec.displayName, spec.handle, spec.phoneSuffix, spec.email);
    const firstName = spec.displayName.split(' ')[0] ?? spec.displayName;
    return {
      displayName: spec.displayName,
      firstName,
      email: spec.email,
      emailDomain: spec.email.split('@')[1] ?? 'mailbox.example',
      handle: spec.handle,
      phone: phoneNumber(spec.phoneSuffix),
      signature: spec.signature,
      signOffStyle: spec.signOffStyle,
      chatStyle: spec.chatStyle,
      channelWeights: { chat: 1, email: 1, voice: 1 },
    };
  }

  /** A new customer with a name nobody else in the workspace has. */
  random(): DemoCustomer {
    const { rng } = this;
    let first = rng.pick(FIRST_NAMES);
    let last = rng.pick(LAST_NAMES);
    while (this.names.has(`${first} ${last}`)) {
      first = rng.pick(FIRST_NAMES);
      last = rng.pick(LAST_NAMES);
    }
    const displayName = `${first} ${last}`;
    const work = rng.chance(0.2) ? rng.pick(WORKPLACES) : null;
    const emailDomain = work ? work.domain : rng.pick(HOME_DOMAINS);
    let local = rng.pick([
      `${slug(first)}.${slug(last)}`,
      `${slug(first)}${slug(last).slice(0, 1)}${rng.int(10, 99)}`,
      `${slug(first).slice(0, 1)}${slug(last)}`,
      `${slug(first)}_${slug(last)}`,
    ]);
    while (this.emails.has(`${local}@${emailDomain}`)) local = `${local}${rng.int(1, 9)}`;
    let handle = rng.pick([
      `${slug(first)}_${slug(last).slice(0, 1)}${rng.int(10, 99)}`,
      `${slug(first)}${slug(last)}`,
      `${slug(first)}.${slug(last)}`,
      `${slug(last)}${slug(first).slice(0, 1)}`,
      `${slug(first)}${rng.int(80, 99)}`,
    ]);
    while (this.handles.has(handle)) handle = `${handle}${rng.int(1, 9)}`;
    let phone = rng.int(0, 999);
    while (this.phones.has(phone)) phone = (phone + 1) % 1000;
    this.claim(displayName, handle, phone, `${local}@${emailDomain}`);

    const signatureKind = work ? 'work' : rng.pick(['device', 'device', 'none', 'none', 'name'] as const);
    const signature =
      signatureKind === 'work' && work
        ? `--\n${displayName}\n${work.title} | ${work.company}`
        : signatureKind === 'device'
          ? rng.pick(DEVICE_SIGNATURES)
          : signatureKind === 'name'
            ? `--\n${displayName}`
            : null;
    const favourite = rng.pick(['chat', 'email', 'voice'] as const);
    const channelWeights: Record<Channel, number> = { chat: rng.int(1, 3), email: rng.int(1, 3), voice: rng.int(1, 3) };
    channelWeights[favourite] += 3;
    return {
      displayName,
      firstName: first,
      email: `${local}@${emailDomain}`,
      emailDomain,
      handle,
      phone: phoneNumber(phone),
      signature,
      signOffStyle: work ? 'formal' : rng.pick(['formal', 'friendly', 'friendly', 'brief'] as const),
      chatStyle: rng.chance(0.7) ? 'casual' : 'tidy',
      channelWeights,
    };
  }

  private claim(name: string, handle: string, phone: number, email: string): void {
    if (this.names.has(name) || this.handles.has(handle) || this.phones.has(phone) || this.emails.has(email)) {
      throw new Error(`Demo customer ${name} clashes with one already made`);
    }
    this.names.add(name);
    this.handles.add(handle);
    this.phones.add(phone);
    this.emails.add(email);
  }
}

function phoneNumber(suffix: number): string {
  return `+44 7700 900${String(suffix).padStart(3, '0')}`;
}
