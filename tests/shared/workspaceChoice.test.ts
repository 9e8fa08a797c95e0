import { describe, expect, it } from 'vitest';
import { parseWorkspaceChoice, teamServerOrigin } from '../../shared/contract/workspaceChoice';

describe('the team server address typed on the first screen', () => {
  it('becomes the server’s origin: https by default, path and query dropped', () => {
    expect(teamServerOrigin('kinship.example.com')).toEqual({ ok: true, origin: 'https://kinship.example.com' });
    expect(teamServerOrigin('  https://Kinship.Example.com:8443/inbox?x=1#y ')).toEqual({ ok: true, origin: 'https://kinship.example.com:8443' });
    expect(teamServerOrigin('10.0.0.7:8480')).toEqual({ ok: true, origin: 'https://10.0.0.7:8480' });
  });

  it('plain http only to this computer itself (a server on loopback)', () => {
    expect(teamServerOrigin('http://127.0.0.1:8480')).toEqual({ ok: true, origin: 'http://127.0.0.1:8480' });
    expect(teamServerOrigin('http://localhost:8480/')).toEqual({ ok: true, origin: 'http://localhost:8480' });
    expect(teamServerOrigin('http://[::1]:8480')).toEqual({ ok: true, origin: 'http://[::1]:8480' });
    const clear = teamServerOrigin('http://kinship.example.com');
    expect(clear).toMatchObject({ ok: false, message: expect.stringContaining('only over https://') });
  });

  it('refuses what cannot be a team server, saying why', () => {
    expect(teamServerOrigin('   ')).toMatchObject({ ok: false, message: expect.stringContaining('Type the address') });
    expect(teamServerOrigin('https://ada:secret@kinship.example.com')).toMatchObject({ ok: false, message: expect.stringContaining('Leave the name and password out') });
    expect(teamServerOrigin('ftp://kinship.example.com')).toMatchObject({ ok: false, message: expect.stringContaining('https://') });
    expect(teamServerOrigin('file:///etc/passwd')).toMatchObject({ ok: false });
    expect(teamServerOrigin('javascript://alert(1)')).toMatchObject({ ok: false });
    expect(teamServerOrigin('https://exa mple.com')).toMatchObject({ ok: false, message: expect.stringContaining('is not a web address') });
  });
});

describe('a choice as it crosses IPC or comes back from its file', () => {
  it('exactly this desk, or a team server with its address; anything else is none', () => {
    expect(parseWorkspaceChoice({ kind: 'desk' })).toEqual({ kind: 'desk' });
    expect(parseWorkspaceChoice({ kind: 'team', origin: 'https://kinship.example.com' })).toEqual({ kind: 'team', origin: 'https://kinship.example.com' });
    for (const input of [null, 'desk', [], {}, { kind: 'cloud' }, { kind: 'team' }, { kind: 'team', origin: '' }, { kind: 'team', origin: 7 }, { kind: 'team', origin: 'x'.repeat(301) }, { kind: 'desk', extra: 1 }, { kind: 'team', origin: 'https://a.example', __proto__: null, more: 1 }]) {
      expect(parseWorkspaceChoice(input), JSON.stringify(input)).toBeNull();
    }
  });
});
