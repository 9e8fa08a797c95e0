import { describe, expect, it } from 'vitest';
import { fuseConfig } from '../../../electron/launcher/flipFuses';
import { KINSHIP_FUSES } from '../../../electron/launcher/fuseSettings';

/** @electron/fuses 2.x's FuseV1Options: each fuse's index in the binary's fuse wire. */
const FuseV1Options: Record<string, number> = {
  RunAsNode: 0,
  EnableCookieEncryption: 1,
  EnableNodeOptionsEnvironmentVariable: 2,
  EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4,
  OnlyLoadAppFromAsar: 5,
  LoadBrowserProcessSpecificV8Snapshot: 6,
  GrantFileProtocolExtraPrivileges: 7,
};

describe('the fuses Kinship ships with', () => {
  it('turn off Node from outside and load only the signed app, with cookies encrypted', () => {
    expect(KINSHIP_FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('are handed to @electron/fuses by index, for wire version 1', () => {
    expect(fuseConfig({ FuseVersion: { V1: '1' }, FuseV1Options }, false)).toEqual({
      version: '1',
      resetAdHocDarwinSignature: false,
      0: false,
      1: true,
      2: false,
      3: false,
      4: true,
      5: true,
      7: false,
    });
  });

  it('refuse an @electron/fuses that does not know one of them', () => {
    const { GrantFileProtocolExtraPrivileges: _, ...older } = FuseV1Options;
    expect(() => fuseConfig({ FuseVersion: { V1: '1' }, FuseV1Options: older }, false)).toThrow(/GrantFileProtocolExtraPrivileges/);
  });
});
