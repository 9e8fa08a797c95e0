/** Larkspur Home: the fictional home-goods shop the demo workspace belongs to, and its staff. */

export const BRAND_NAME = 'Larkspur Home';
export const BRAND_DOMAIN = 'larkspur.example';
export const SUPPORT_ADDRESS = `support@${BRAND_DOMAIN}`;
export const SUPPORT_FROM = `${BRAND_NAME} Support <${SUPPORT_ADDRESS}>`;
export const SUPPORT_PHONE = '0117 496 0321';
/** Where a lost customer goes instead. */
export const COMPETITOR = 'Oakhaven Interiors';

export interface StaffMember {
  name: string;
  email: string;
  role: 'agent' | 'supervisor' | 'executive';
}

export interface Agent extends StaffMember {
  role: 'agent';
  firstName: string;
  /** How this agent signs an email ("Warm wishes,"). */
  signOff: string;
}

const staffEmail = (name: string): string =>
  `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(' ', '.')}@${BRAND_DOMAIN}`;

function agent(name: string, signOff: string): Agent {
  return { name, email: staffEmail(name), role: 'agent', firstName: name.split(' ')[0] ?? name, signOff };
}

export const AGENTS: readonly Agent[] = [
  agent('Aisha Khan', 'Warm wishes,'),
  agent('Tom Beckett', 'Best,'),
  agent('Sofia Marin', 'Kind regards,'),
  agent("Liam O'Connor", 'All the best,'),
  agent('Grace Adeyemi', 'Kind regards,'),
];

export const SUPERVISOR: StaffMember = { name: 'Hannah Cole', email: staffEmail('Hannah Cole'), role: 'supervisor' };
export const EXECUTIVE: StaffMember = {
  name: 'Robert Ashworth',
  email: staffEmail('Robert Ashworth'),
  role: 'executive',
};

export const STAFF: readonly StaffMember[] = [...AGENTS, SUPERVISOR, EXECUTIVE];

export function agentNamed(firstName: string): Agent {
  const found = AGENTS.find((a) => a.firstName === firstName);
  if (!found) throw new Error(`No demo agent called ${firstName}`);
  return found;
}

/** The block under every agent email. */
export function agentEmailSignature(agentMember: Agent, signOff: string = agentMember.signOff): string {
  return [
    signOff,
    agentMember.firstName,
    '',
    '--',
    agentMember.name,
    `Customer Care, ${BRAND_NAME}`,
    `${SUPPORT_ADDRESS} · ${SUPPORT_PHONE}`,
  ].join('\n');
}
