/**
 * The Electron fuses Kinship ships with (https://www.electronjs.org/docs/latest/tutorial/fuses):
 * bits in the Electron binary flipped once at package time, before code signing, by flipFuses.ts.
 * Named as @electron/fuses names them (FuseV1Options); plain data, tested as is.
 */
export const KINSHIP_FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn Kinship's signed binary into a plain Node for anyone. */
  RunAsNode: false,
  /** NODE_OPTIONS (e.g. --require) would let the environment inject code into the main process. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect / --inspect-brk would open a debugger into the main process. */
  EnableNodeCliInspectArguments: false,
  /** app.asar is checked against the hash in the signed binary (macOS, Windows) … */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** … and the app loads only from app.asar, so a loose app/ folder beside it cannot take over. */
  OnlyLoadAppFromAsar: true,
  /** Chromium's cookie store is encrypted with the OS key (Kinship keeps none, but nothing is lost). */
  EnableCookieEncryption: true,
  /** Pages come over app://, so file:// needs no privileges beyond a browser's. */
  GrantFileProtocolExtraPrivileges: false,
} as const satisfies Record<string, boolean>;

export type KinshipFuse = keyof typeof KINSHIP_FUSES;
