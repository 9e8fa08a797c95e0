import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { SignedIn } from '../../../../shared/contract/people';
import { accountsApi, AccountError } from '../../api/accountsApi';
import { AuthCard } from './AuthCard';

/** The team server's sign-in page. */
export function SignInPage({ onSignedIn, notice, needsFirstAdmin }: { onSignedIn(signedIn: SignedIn): void; notice?: string | null; needsFirstAdmin?: boolean }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AccountError | Error | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await accountsApi.signIn(email, password));
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title="Sign in" intro="Sign in to your team’s Kinship server.">
      {notice && !error && (
        <Alert color="blue" role="status">
          {notice}
        </Alert>
      )}
      {needsFirstAdmin && (
        <Alert color="yellow" role="status" title="This server has no admin yet">
          Whoever started it can open the one-time setup link it printed on its console to create the first admin account.
        </Alert>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Sign in">
        <Stack gap="sm">
          <TextInput label="E-mail address" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} data-autofocus autoFocus />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
          {error && (
            <Alert color={error instanceof AccountError && error.code === 'rate-limited' ? 'orange' : 'red'} icon={<IconAlertCircle />} role="alert">
              {error.message}
            </Alert>
          )}
          <Button type="submit" loading={busy} disabled={!email.trim() || !password}>
            Sign in
          </Button>
          <Text size="xs" c="dimmed">
            No account yet? An admin of this server can invite you.
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
