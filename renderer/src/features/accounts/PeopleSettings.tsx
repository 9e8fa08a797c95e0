import { Alert, Badge, Button, CopyButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle, IconCheck, IconCopy, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../../shared/contract/domain';
import type { NewInvitation, PeopleList, Person } from '../../../../shared/contract/people';
import { accountsApi } from '../../api/accountsApi';
import { fullTime, listTime } from '../../lib/time';
import { ROLE_DESCRIPTIONS, ROLE_NAMES } from './roleNames';
import { useSignedIn } from './SignedInContext';
import { PresenceDot } from '../live/PresenceDot';
import { peopleKey } from './peopleKey';
import { usePresence } from '../live/useLive';
import classes from './PeopleSettings.module.css';

/** A status is read whole: the badge is never narrower than its words (Mantine's would cut them in a narrow cell). */
const WHOLE = 'max-content';

function StatusBadge({ person }: { person: Person }) {
  if (!person.active && person.deactivatedReason)
    return (
      <Tooltip label={person.deactivatedReason} multiline w={320}>
        <Badge color="gray" miw={WHOLE} tabIndex={0}>
          Deactivated
        </Badge>
      </Tooltip>
    );
  if (!person.active)
    return (
      <Badge color="gray" miw={WHOLE}>
        Deactivated
      </Badge>
    );
  if (!person.canSignIn)
    return (
      <Tooltip label="Known from the workspace (the demo, or a channel) but has no password: invite them to let them sign in.">
        <Badge color="yellow" variant="light" tabIndex={0} miw={WHOLE}>
          Cannot sign in
        </Badge>
      </Tooltip>
    );
  return (
    <Badge color="teal" variant="light" miw={WHOLE}>
      {person.openSessions > 0 ? 'Signed in' : 'Active'}
    </Badge>
  );
}

/** Settings → People (admins of a team server): who can sign in, invitations, deactivation. */
export function PeopleSettings() {
  const account = useSignedIn();
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: peopleKey, queryFn: accountsApi.people });
  const presence = usePresence();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [made, setMade] = useState<NewInvitation | null>(null);
  const [confirming, setConfirming] = useState<Person | null>(null);
  const settle = { onSuccess: (list: PeopleList) => queryClient.setQueryData(peopleKey, list) };
  const invite = useMutation({
    mutationFn: () => accountsApi.invite({ email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) }),
    onSuccess: (answer) => {
      setMade(answer);
      setEmail('');
      setName('');
      void queryClient.invalidateQueries({ queryKey: peopleKey });
    },
  });
  const deactivate = useMutation({ mutationFn: (personId: number) => accountsApi.deactivate(personId), ...settle, onSettled: () => setConfirming(null) });
  const reactivate = useMutation({ mutationFn: (personId: number) => accountsApi.reactivate(personId), ...settle });
  const changeRole = useMutation({ mutationFn: ({ personId, role }: { personId: number; role: Role }) => accountsApi.changeRole(personId, role), ...settle });
  const withdraw = useMutation({ mutationFn: (invitationId: number) => accountsApi.withdrawInvitation(invitationId), ...settle });
  const actionError = changeRole.error ?? deactivate.error ?? reactivate.error ?? withdraw.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    setMade(null);
    invite.mutate();
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="people-settings-title">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" id="people-settings-title">
            People
          </Title>
          <Text size="sm" c="dimmed">
            Who can sign in to this server. Invite someone with a one-time link; deactivating a person signs them out everywhere at once.
          </Text>
        </div>

        <form onSubmit={submit} aria-label="Invite someone" noValidate>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label="E-mail address" type="email" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} w={240} />
            <TextInput label="Name" description="Optional: they can change it" value={name} onChange={(event) => setName(event.currentTarget.value)} w={180} />
            <Select
              label="Role"
              w={160}
              allowDeselect={false}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              data={ROLES.map((value) => ({ value, label: ROLE_NAMES[value] }))}
              description={ROLE_DESCRIPTIONS[role]}
              comboboxProps={{ withinPortal: true }}
            />
            <Button type="submit" leftSection={<IconUserPlus size={16} aria-hidden />} loading={invite.isPending} disabled={!email.trim()}>
              Invite
            </Button>
          </Group>
        </form>
        {invite.error && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {invite.error.message}
          </Alert>
        )}
        {made && (
          <Alert color="teal" title={`Invitation for ${made.invitation.email} (${ROLE_NAMES[made.invitation.role]})`} role="status">
            <Stack gap="xs">
              <Text size="sm">Send them this link. It works once, until {fullTime(made.invitation.expiresAt)}, and is shown only now.</Text>
              <Group gap="xs" wrap="nowrap">
                <TextInput readOnly value={made.link} aria-label="Invitation link" style={{ flex: 1 }} onFocus={(event) => event.currentTarget.select()} />
                <CopyButton value={made.link}>
                  {({ copied, copy }) => (
                    <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        {actionError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {actionError.message}
          </Alert>
        )}
        {people.error && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {people.error.message}
          </Alert>
        )}

        {people.data && (
          // each person on one row: name over address, then role, status and last sign-in, which never wrap or
          // clip; a section narrower than that scrolls sideways rather than squeeze them
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="xs" aria-label="People">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th className={classes.noWrap}>Last sign-in</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.people.map((person) => {
                  const self = person.id === account?.signedIn.person.id;
                  const here = presence.get(person.id)?.state ?? 'offline';
                  return (
                    <Table.Tr key={person.id} c={person.active ? undefined : 'dimmed'}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap" align="baseline">
                          {person.active && <PresenceDot state={here} name={person.name} />}
                          <div className={classes.person}>
                            <Text size="sm">
                              {person.name}
                              {self && (
                                <Text span size="xs" c="dimmed">
                                  {' '}
                                  (you)
                                </Text>
                              )}
                            </Text>
                            <Text size="xs" c="dimmed" className={classes.address}>
                              {person.email}
                            </Text>
                          </div>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {person.active ? (
                          <Select
                            size="xs"
                            w={130}
                            aria-label={`${person.name}'s role`}
                            data={ROLES.map((value) => ({ value, label: ROLE_NAMES[value] }))}
                            value={person.role}
                            allowDeselect={false}
                            disabled={changeRole.isPending && changeRole.variables.personId === person.id}
                            onChange={(value) => {
                              const chosen = ROLES.find((one) => one === value);
                              if (chosen && chosen !== person.role) changeRole.mutate({ personId: person.id, role: chosen });
                            }}
                          />
                        ) : (
                          ROLE_NAMES[person.role]
                        )}
                      </Table.Td>
                      <Table.Td className={classes.noWrap}>
                        <StatusBadge person={person} />
                      </Table.Td>
                      <Table.Td className={classes.noWrap}>{person.lastSignInAt ? <span title={fullTime(person.lastSignInAt)}>{listTime(person.lastSignInAt)}</span> : '—'}</Table.Td>
                      <Table.Td ta="right" className={classes.noWrap}>
                        {person.active
                          ? person.canSignIn &&
                            !self && (
                              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirming(person)} aria-label={`Deactivate ${person.name}`}>
                                Deactivate
                              </Button>
                            )
                          : person.canSignIn &&
                            !person.deactivatedReason && (
                              <Button size="compact-sm" variant="subtle" onClick={() => reactivate.mutate(person.id)} loading={reactivate.isPending && reactivate.variables === person.id} aria-label={`Reactivate ${person.name}`}>
                                Reactivate
                              </Button>
                            )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        {people.data && people.data.invitations.length > 0 && (
          <Stack gap="xs">
            <Title order={4} size="h5" id="invitations-title">
              Open invitations
            </Title>
            <Table verticalSpacing="xs" aria-labelledby="invitations-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Invited by</Table.Th>
                  <Table.Th>Works until</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.invitations.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>{invitation.email}</Table.Td>
                    <Table.Td>{ROLE_NAMES[invitation.role]}</Table.Td>
                    <Table.Td>{invitation.invitedBy ?? '—'}</Table.Td>
                    <Table.Td>{fullTime(invitation.expiresAt)}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => withdraw.mutate(invitation.id)} aria-label={`Withdraw the invitation for ${invitation.email}`}>
                        Withdraw
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>

      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming ? `Deactivate ${confirming.name}?` : ''} centered>
        {confirming && (
          <Stack gap="md">
            <Text size="sm">
              {confirming.name} ({confirming.email}) will be signed out everywhere now and cannot sign in again until reactivated. Their conversations, notes and history stay as they are.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button color="red" loading={deactivate.isPending} onClick={() => deactivate.mutate(confirming.id)}>
                Deactivate
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
