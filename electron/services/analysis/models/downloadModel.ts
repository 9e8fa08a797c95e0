import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { manifestBytes, type ManifestEntry, type ManifestFile } from './modelManifest';

export const DEFAULT_HUB_URL = 'https://huggingface.co';

/** Written beside a downloaded model's files once all of them matched their pinned hashes. */
export const DOWNLOAD_RECORD = 'kinship-download.json';

export interface DownloadProgress {
  file: string;
  /** Bytes of all the model's files so far (kept ones from an earlier try included), and in all. */
  loaded: number;
  total: number;
}

/** A file from the hub that is not the one the manifest pins: it was deleted, nothing was installed. */
export class ModelIntegrityError extends Error {}

/**
 * Where a model is kept (cacheDir/owner/name) and where its files gather until all are verified.
 * The gathering folder is hidden (cacheDir/.partial/…) and named for the revision, so a model
 * search never finds half a model and a new revision never resumes an old one's bytes.
 */
export function downloadFolders(model: ManifestEntry, cacheDir: string) {
  const [owner, name] = model.hubId.split('/') as [string, string];
  const stagingRoot = path.join(cacheDir, '.partial');
  return {
    target: path.join(cacheDir, owner, name),
    stagingRoot,
    stagingPrefix: `${owner}--${name}--`,
    staging: path.join(stagingRoot, `${owner}--${name}--${model.revision}`),
  };
}

/** Bytes already gathered for the model from an earlier, interrupted try (0 when none). */
export function keptBytes(model: ManifestEntry, cacheDir: string): number {
  const { staging } = downloadFolders(model, cacheDir);
  return model.files.reduce((sum, file) => sum + sizeOf(path.join(staging, file.path)), 0);
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The most a file may grow to before the download is stopped (a hub that sends too much is refused). */
function byteLimit(file: ManifestFile): number {
  return file.approximate ? Math.ceil(file.bytes * 1.01) + 64 * 1024 : file.bytes;
}

interface FetchOptions {
  url: string;
  destination: string;
  file: ManifestFile;
  revision: string;
  onBytes: (bytes: number) => void;
}

/**
 * Fetches one file into the gathering folder, resuming from the bytes already there when the hub
 * allows ranges, and checks its sha256. A file that does not match is deleted.
 */
async function fetchFile({ url, destination, file, revision, onBytes }: FetchOptions, mayResume = true): Promise<void> {
  let have = sizeOf(destination);
  if (have > 0) {
    if ((await sha256Of(destination)) === file.sha256) {
      onBytes(have);
      return;
    }
    if (!mayResume || have >= byteLimit(file)) {
      fs.rmSync(destination, { force: true });
      have = 0;
    }
  }
  const response = await fetch(url, have > 0 ? { headers: { Range: `bytes=${have}-` } } : {});
  if (have > 0 && response.status === 416) {
    await response.body?.cancel();
    fs.rmSync(destination, { force: true });
    return fetchFile({ url, destination, file, revision, onBytes }, false);
  }
  if (response.status === 206) {
    // the part must start where ours ends, or the two would not make one file
    if (!(response.headers.get('content-range') ?? '').startsWith(`bytes ${have}-`)) {
      await response.body?.cancel();
      fs.rmSync(destination, { force: true });
      return fetchFile({ url, destination, file, revision, onBytes }, false);
    }
  } else if (response.ok) {
    have = 0; // the hub sent the whole file: start it again
  } else {
    await response.body?.cancel();
    throw new Error(`${file.hubPath}: the hub answered ${response.status} ${response.statusText}`.trim());
  }
  if (!response.body) throw new Error(`${file.hubPath}: the hub sent no content`);
  const announced = response.headers.get('content-length');
  if (!file.approximate && announced !== null && have + Number(announced) !== file.bytes) {
    await response.body.cancel();
    fs.rmSync(destination, { force: true });
    throw new ModelIntegrityError(
      `${file.hubPath} is ${mb(have + Number(announced))} on the hub, not the ${mb(file.bytes)} pinned for revision ${revision.slice(0, 7)}; nothing was installed.`,
    );
  }
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const hash = createHash('sha256');
  if (have > 0) {
    for await (const chunk of fs.createReadStream(destination)) hash.update(chunk as Buffer);
    onBytes(have);
  }
  const out = await fs.promises.open(destination, have > 0 ? 'a' : 'w');
  let size = have;
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > byteLimit(file)) throw new ModelIntegrityError(`${file.hubPath} from the hub is larger than the ${mb(file.bytes)} pinned for revision ${revision.slice(0, 7)}; it was deleted and nothing was installed.`);
      hash.update(chunk);
      await out.write(chunk);
      onBytes(chunk.byteLength);
    }
  } catch (error) {
    await out.close();
    if (error instanceof ModelIntegrityError) fs.rmSync(destination, { force: true });
    throw error;
  }
  await out.close();
  const actual = hash.digest('hex');
  if (actual !== file.sha256) {
    fs.rmSync(destination, { force: true });
    throw new ModelIntegrityError(
      `${file.hubPath} from the hub does not match the sha256 pinned for revision ${revision.slice(0, 7)} (expected ${file.sha256.slice(0, 12)}…, got ${actual.slice(0, 12)}…). The file was deleted and nothing was installed.`,
    );
  }
}

/**
 * Fetches a model's files at its pinned revision into the app's model cache (cacheDir/owner/name).
 * Files gather in a hidden folder; only when every one matches its pinned sha256 does the folder
 * take the model's place, so a model search never sees half a model. An interrupted download
 * keeps what it fetched and the next one resumes from there; a file that does not match is deleted.
 */
export async function downloadModel(
  model: ManifestEntry,
  cacheDir: string,
  onProgress: (progress: DownloadProgress) => void,
  hubUrl: string = process.env.KINSHIP_HUB_URL ?? DEFAULT_HUB_URL,
): Promise<string> {
  const { target, staging, stagingRoot, stagingPrefix } = downloadFolders(model, cacheDir);
  // bytes gathered for another revision of this model can never be resumed
  for (const entry of fs.existsSync(stagingRoot) ? fs.readdirSync(stagingRoot) : []) {
    if (entry.startsWith(stagingPrefix) && path.join(stagingRoot, entry) !== staging) fs.rmSync(path.join(stagingRoot, entry), { recursive: true, force: true });
  }
  const total = manifestBytes(model);
  // a progress event for every 0.5% (and each file's end), not for every network chunk
  const step = Math.max(64 * 1024, Math.floor(total / 200));
  let loaded = 0;
  let reported = -step;
  try {
    for (const file of model.files) {
      const url = `${hubUrl}/${model.hubId}/resolve/${model.revision}/${file.hubPath}`;
      await fetchFile({
        url,
        destination: path.join(staging, file.path),
        file,
        revision: model.revision,
        onBytes: (bytes) => {
          loaded += bytes;
          if (loaded - reported >= step) {
            reported = loaded;
            onProgress({ file: file.hubPath, loaded, total: Math.max(total, loaded) });
          }
        },
      });
      reported = loaded;
      onProgress({ file: file.hubPath, loaded, total: Math.max(total, loaded) });
    }
    fs.writeFileSync(
      path.join(staging, DOWNLOAD_RECORD),
      JSON.stringify({ hubId: model.hubId, revision: model.revision, files: model.files.map(({ path: p, sha256, bytes }) => ({ path: p, sha256, bytes })) }, null, 2),
    );
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(staging, target);
    onProgress({ file: '', loaded, total: loaded });
    return target;
  } catch (error) {
    if (error instanceof ModelIntegrityError) throw new ModelIntegrityError(`The model ${model.hubId} was not installed: ${error.message}`, { cause: error });
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    const kept = keptBytes(model, cacheDir);
    throw new Error(
      `The model ${model.hubId} could not be downloaded: ${reason}.${kept > 0 ? ` ${mb(kept)} of ${mb(total)} are kept; downloading again resumes from there.` : ''}`,
      { cause: error },
    );
  }
}
