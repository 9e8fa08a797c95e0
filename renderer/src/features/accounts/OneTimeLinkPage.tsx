import { Alert, Badge, Button, Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { LinkInfo, SignedIn } from '../../../../shared/contract/people';
import { accountsApi } from '../../api/accountsApi';
import { AuthCard } from './AuthCard';
import { NewPasswordFields, newPasswordProblem } from './NewPasswordFields';
import { ROLE_NAMES } from './roleNames';


/**
 * A one-time link opened: the first admin's setup (name, e-mail, password) or an invitation (name
 * and password; the e-mail and role are the invitation's). Used, the person is signed in.
 */
export function OneTimeLinkPage({ kind, token, onSignedIn, onDone }: { kind: 'setup' | 'invite'; token: string; onSignedIn(signedIn: SignedIn): void; onDone(): void }) {
  const [info, setInfo] = useState<LinkInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    accountsApi.describeLink(kind, token).then(
      (described) => {
        if (!live) return;
        setInfo(described);
        if (described.valid && described.kind === 'invite' && described.name) setName(described.name);
      },
      (caught: unknown) => live && setLoadError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [kind, token]);

  const title = kind === 'setup' ? 'Set up the first admin' : 'Join your team on Kinship';
  if (loadError || (info && !info.valid)) {
    return (
      <AuthCard title={title}>
        <Alert color="orange" icon={<IconAlertCircle />} role="alert">
          {loadError ?? (info && !info.valid ? info.message : '')}
        </Alert>
        <Button variant="light" onClick={onDone}>
          Go to sign-in
        </Button>
      </AuthCard>
    );
  }
  if (!info) {
    return (
      <Center h="100vh">
        <Loader aria-label="Checking the link" />
      </Center>
    );
  }
  const invitedEmail = info.kind === 'invite' ? info.email : email;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = newPasswordProblem(password, repeat, invitedEmail) ?? (!name.trim() ? 'A name is needed.' : null);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const signedIn = kind === 'setup' ? await accountsApi.setUp({ token, name, email, password }) : await accountsApi.acceptInvitation({ token, name, password });
      onSignedIn(signedIn);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title={title}
      intro={
        info.kind === 'setup'
          ? 'This link works once. The admin invites the team and can deactivate people; you will be signed in when it is done.'
          : 'Choose the name your colleagues see and a password. This invitation works once.'
      }
    >
      {info.kind === 'invite' && (
        <Group gap="xs">
          <Text size="sm">
            Invited as <b>{info.email}</b>
          </Text>
          <Badge variant="light">{ROLE_NAMES[info.role]}</Badge>
        </Group>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
        <Stack gap="sm">
          <TextInput label="Your name" autoComplete="name" required value={name} onChange={(event) => setName(event.currentTarget.value)} autoFocus />
          {info.kind === 'setup' && <TextInput label="E-mail address" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} />}
          <NewPasswordFields email={invitedEmail} password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
          {error && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            {info.kind === 'setup' ? 'Create the admin account' : 'Join and sign in'}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
