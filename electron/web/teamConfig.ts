import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { isIP } from 'node:net';
import { isLoopbackAddress } from '../../shared/loopback';

/** How a team server listens and how browsers reach it. */
export interface TeamServerConfig {
  /** The address to listen on. */
  host: string;
  port: number;
  /** Certificate and key (PEM) when the server speaks TLS itself. */
  tls: { cert: Buffer; key: Buffer } | null;
  /** The TLS-terminating proxy in front of it: only it may connect, and its X-Forwarded-For names the client. */
  trustProxy: string | null;
  /**
   * The address people open (scheme, host, port): the one origin its WebSocket accepts, and the base
   * of setup and invitation links. Null: the server's own name (its certificate's, or 127.0.0.1)
   * with the port it listens on.
   */
  publicOrigin: string | null;
  /** The name its certificate gives it (first DNS name or IP address), if it has one. */
  serverName: string | null;
}

export class TeamConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamConfigError';
  }
}

export const DEFAULT_TEAM_PORT = 8480;

export { isLoopbackAddress };

/** The name a browser reaches a certificate's server by: its first DNS name (or IP address). */
function certificateName(cert: Buffer): string | null {
  const names = new X509Certificate(cert).subjectAltName ?? '';
  const dns = /DNS:([^,\s]+)/.exec(names)?.[1];
  if (dns) return dns.replace(/^\*\./, '');
  return /IP Address:([^,\s]+)/.exec(names)?.[1] ?? null;
}

function readFile(what: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new TeamConfigError(`Kinship cannot read ${what} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads how to listen from the environment (KINSHIP_HOST, KINSHIP_PORT, KINSHIP_TLS_CERT,
 * KINSHIP_TLS_KEY, KINSHIP_TRUST_PROXY, KINSHIP_PUBLIC_URL) and refuses what would put passwords
 * and sessions on a network in clear: beyond loopback, the server speaks only TLS (its own
 * certificate, or a named proxy that terminates TLS for it).
 */
export function teamServerConfig(env: NodeJS.ProcessEnv = process.env, overrides: { host?: string; port?: number } = {}): TeamServerConfig {
  const host = overrides.host ?? (env.KINSHIP_HOST?.trim() || '127.0.0.1');
  const port = overrides.port ?? (env.KINSHIP_PORT ? Number(env.KINSHIP_PORT) : DEFAULT_TEAM_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TeamConfigError(`KINSHIP_PORT must be a port number (0–65535), not ${JSON.stringify(env.KINSHIP_PORT)}.`);
  const certFile = env.KINSHIP_TLS_CERT?.trim();
  const keyFile = env.KINSHIP_TLS_KEY?.trim();
  if (Boolean(certFile) !== Boolean(keyFile)) throw new TeamConfigError('KINSHIP_TLS_CERT and KINSHIP_TLS_KEY go together: set both (the certificate and its private key, PEM files) or neither.');
  const tls = certFile && keyFile ? { cert: readFile('the certificate', certFile), key: readFile('the private key', keyFile) } : null;
  const trustProxy = env.KINSHIP_TRUST_PROXY?.trim() || null;
  if (trustProxy && isIP(trustProxy) === 0) throw new TeamConfigError(`KINSHIP_TRUST_PROXY must be the proxy's IP address (for example 10.0.0.5), not ${JSON.stringify(trustProxy)}.`);
  let publicOrigin: string | null = null;
  const publicUrl = env.KINSHIP_PUBLIC_URL?.trim();
  if (publicUrl) {
    try {
      publicOrigin = new URL(publicUrl).origin;
    } catch {
      throw new TeamConfigError(`KINSHIP_PUBLIC_URL must be an address such as https://kinship.example.com, not ${JSON.stringify(publicUrl)}.`);
    }
  }
  if (!isLoopbackAddress(host)) {
    if (!tls && !trustProxy) {
      throw new TeamConfigError(
        `Kinship will not listen on ${host} without TLS: people's passwords and sessions would cross the network in clear. ` +
          'Give it a certificate (KINSHIP_TLS_CERT and KINSHIP_TLS_KEY: PEM files), or name the TLS-terminating proxy in front of it ' +
          '(KINSHIP_TRUST_PROXY=<the proxy’s IP address>, with KINSHIP_PUBLIC_URL=https://<the address people open>). ' +
          'On this machine alone, leave KINSHIP_HOST unset (127.0.0.1).',
      );
    }
    if (!tls && trustProxy && !publicOrigin) {
      throw new TeamConfigError('Behind a proxy (KINSHIP_TRUST_PROXY), Kinship needs KINSHIP_PUBLIC_URL: the https:// address people open, which its WebSocket accepts as the one origin.');
    }
    if (!tls && publicOrigin && !publicOrigin.startsWith('https:')) {
      throw new TeamConfigError(`KINSHIP_PUBLIC_URL must be an https:// address when Kinship listens on ${host} behind a proxy (it is ${publicOrigin}).`);
    }
    if (tls && !publicOrigin && !certificateName(tls.cert)) {
      throw new TeamConfigError('The certificate names no DNS name or IP address (subjectAltName): set KINSHIP_PUBLIC_URL to the https:// address people open.');
    }
  }
  return { host, port, tls, trustProxy, publicOrigin, serverName: tls ? certificateName(tls.cert) : null };
}
