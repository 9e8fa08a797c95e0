import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach } from 'vitest';

const servers: http.Server[] = [];
afterEach(async () => {
  while (servers.length) {
    const server = servers.pop()!;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** The files a stand-in model folder holds, as a manifest lists them (hub path = local path). */
export const STANDIN_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'onnx/model.onnx'];

export interface FakeHubOptions {
  /** The model repository served, e.g. "kinship-test/ekman-standin". */
  hubId: string;
  /** The only revision it answers for. */
  revision: string;
  /** The folder whose files are served. */
  folder: string;
  /** Serve different bytes for these files (same length, one byte changed). */
  tamper?: string[];
  /** Stop after sending this many bytes of this file, cutting the connection (once). */
  cutOff?: { file: string; afterBytes: number };
  /** Ignore Range requests (always send the whole file). */
  noRanges?: boolean;
}

export interface FakeHub {
  url: string;
  /** Every request: its path and Range header. */
  requests: { path: string; range: string | null; status: number }[];
}

/**
 * A stand-in for the Hugging Face hub on 127.0.0.1: real HTTP, real files, served only at
 * /<hubId>/resolve/<revision>/<file>, with Content-Length and byte ranges as the hub does.
 */
export async function startFakeHub(options: FakeHubOptions): Promise<FakeHub> {
  const requests: FakeHub['requests'] = [];
  let cutDone = false;
  const server = http.createServer((request, response) => {
    const prefix = `/${options.hubId}/resolve/${options.revision}/`;
    const url = request.url ?? '';
    const relative = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : null;
    const file = relative ? path.join(options.folder, relative) : null;
    const range = request.headers.range ?? null;
    if (!relative || !file || !file.startsWith(options.folder + path.sep) || !fs.existsSync(file)) {
      requests.push({ path: url, range, status: 404 });
      response.writeHead(404).end('Entry not found');
      return;
    }
    let body = fs.readFileSync(file);
    if (options.tamper?.includes(relative)) {
      body = Buffer.from(body);
      body[body.length >> 1] = body[body.length >> 1]! ^ 0xff;
    }
    let start = 0;
    const match = !options.noRanges && range ? /^bytes=(\d+)-$/.exec(range) : null;
    if (match) {
      start = Number(match[1]);
      if (start >= body.length) {
        requests.push({ path: url, range, status: 416 });
        response.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
        return;
      }
      response.writeHead(206, { 'Content-Length': body.length - start, 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}`, 'Accept-Ranges': 'bytes' });
      requests.push({ path: url, range, status: 206 });
    } else {
      response.writeHead(200, { 'Content-Length': body.length, 'Accept-Ranges': 'bytes' });
      requests.push({ path: url, range, status: 200 });
    }
    const part = body.subarray(start);
    if (options.cutOff && !cutDone && options.cutOff.file === relative) {
      cutDone = true;
      // send the first part, then drop the connection mid-file
      response.write(part.subarray(0, options.cutOff.afterBytes), () => response.destroy());
      return;
    }
    response.end(part);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A manifest entry for a stand-in folder, with the real sizes and sha256 of its files. */
export function manifestEntryFor(hubId: string, revision: string, folder: string, labels = 'Ekman') {
  return {
    hubId,
    revision,
    labels,
    licence: 'test',
    files: STANDIN_FILES.map((file) => ({ hubPath: file, path: file, sha256: sha256File(path.join(folder, file)), bytes: fs.statSync(path.join(folder, file)).size })),
  };
}

/** Writes models.json into dir with these entries and returns its path. */
export function writeManifest(dir: string, emotion: object, sentiment: object = emotion): string {
  const file = path.join(dir, 'models.json');
  fs.writeFileSync(file, JSON.stringify({ emotion, sentiment }));
  return file;
}
