import fs from 'node:fs';
import path from 'node:path';
import type { ManifestEntry } from './modelManifest';

export const DEFAULT_HUB_URL = 'https://huggingface.co';

export interface DownloadProgress {
  file: string;
  /** Bytes of all files so far, and in all (as far as the server said). */
  loaded: number;
  total: number;
}

/**
 * Fetches a model's files from the hub into the app's model cache (cacheDir/owner/name), each to
 * a temporary name first, so an interrupted download never leaves a half model behind.
 */
export async function downloadModel(
  model: ManifestEntry,
  cacheDir: string,
  onProgress: (progress: DownloadProgress) => void,
  hubUrl: string = process.env.KINSHIP_HUB_URL ?? DEFAULT_HUB_URL,
): Promise<string> {
  const target = path.join(cacheDir, ...model.hubId.split('/'));
  const staging = `${target}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  let loaded = 0;
  let total = 0;
  try {
    for (const file of model.files) {
      const response = await fetch(`${hubUrl}/${model.hubId}/resolve/main/${file}`);
      if (!response.ok || !response.body) throw new Error(`${file}: the hub answered ${response.status} ${response.statusText}`);
      total += Number(response.headers.get('content-length') ?? 0);
      const destination = path.join(staging, file);
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      const out = fs.createWriteStream(destination);
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        loaded += chunk.byteLength;
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        onProgress({ file, loaded, total: Math.max(total, loaded) });
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(staging, target);
    return target;
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new Error(`The model ${model.hubId} could not be downloaded: ${reason}`, { cause: error });
  }
}
