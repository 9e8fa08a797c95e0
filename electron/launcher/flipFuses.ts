import { pathToFileURL } from 'node:url';
import { KINSHIP_FUSES } from './fuseSettings';

/**
 * Flips Kinship's fuses (fuseSettings.ts) in a packaged Electron binary, at package time and before
 * code signing: `node out/main/flipFuses.js <path to the packaged app's Electron executable or .app>`.
 * (The packager's afterPack hook calls flipKinshipFuses with the same path.)
 *
 * Needs @electron/fuses (2.1.3, a devDependency of the packaging step). It is loaded on demand so
 * the rest of Kinship builds and runs without it; with the package installed this may become a
 * plain `import { flipFuses, FuseVersion, FuseV1Options } from '@electron/fuses'`.
 */
interface ElectronFusesModule {
  flipFuses(pathToElectron: string, config: Record<string | number, unknown>): Promise<unknown>;
  FuseVersion: { V1: string };
  FuseV1Options: Record<string, number>;
}

/** The config @electron/fuses expects: the wire version and each fuse by its index. */
export function fuseConfig(fuses: Pick<ElectronFusesModule, 'FuseVersion' | 'FuseV1Options'>, resetAdHocDarwinSignature: boolean): Record<string | number, unknown> {
  const config: Record<string | number, unknown> = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature };
  for (const [name, value] of Object.entries(KINSHIP_FUSES)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`This @electron/fuses does not know the fuse ${name}; update it.`);
    config[index] = value;
  }
  return config;
}

export async function flipKinshipFuses(pathToElectron: string): Promise<void> {
  const moduleName = '@electron/fuses';
  const fuses = (await import(moduleName)) as ElectronFusesModule;
  // an arm64 macOS build that is not signed straight after needs its ad-hoc signature redone
  await fuses.flipFuses(pathToElectron, fuseConfig(fuses, process.platform === 'darwin' && process.arch === 'arm64'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2];
  if (!target) {
    console.error('Usage: node out/main/flipFuses.js <packaged Electron executable or .app>');
    process.exit(2);
  }
  flipKinshipFuses(target).then(
    () => console.log(`Kinship's fuses are set in ${target}: ${Object.entries(KINSHIP_FUSES).map(([name, on]) => `${name}=${on ? 'on' : 'off'}`).join(', ')}`),
    (error: unknown) => {
      console.error(`The fuses could not be flipped: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
