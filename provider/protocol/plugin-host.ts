/**
 * The go-plugin side of the process: magic cookie, unix socket in a private temp dir, AutoMTLS
 * credentials and the handshake line. Nothing here writes to stdout except the handshake itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServerCertificate } from "./auto-mtls";

export const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
export const MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
const CORE_PROTOCOL_VERSION = 1;
export const APP_PROTOCOL_VERSION = 6;

export const NOT_A_PROGRAM_MESSAGE =
  "This binary is a plugin. These are not meant to be executed directly.\n" +
  "Please execute the program that consumes these plugins, which will load any plugins\n" +
  "automatically: run terraform instead (terraform init, plan, apply).\n" +
  "To install this provider for terraform, run `npx flinkform provider install`.\n";

/** Why the process cannot serve as a plugin (wrong launcher), or null when it can. */
export function launchProblem(env: NodeJS.ProcessEnv): string | null {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) return NOT_A_PROGRAM_MESSAGE;
  const versions = env.PLUGIN_PROTOCOL_VERSIONS;
  if (
    versions &&
    !versions
      .split(",")
      .map((v) => v.trim())
      .includes(String(APP_PROTOCOL_VERSION))
  ) {
    return `This provider speaks plugin protocol ${APP_PROTOCOL_VERSION}, but the client offers only ${versions}. Use terraform 1.0 or newer.\n`;
  }
  return null;
}

export interface SocketDir {
  socketPath: string;
  cleanup(): void;
}

/** A private directory for the socket; PLUGIN_UNIX_SOCKET_DIR is honoured when set. */
export function createSocketDir(env: NodeJS.ProcessEnv): SocketDir {
  const dir = mkdtempSync(path.join(env.PLUGIN_UNIX_SOCKET_DIR || tmpdir(), "tfnode-"));
  let removed = false;
  return {
    socketPath: path.join(dir, "plugin.sock"),
    cleanup() {
      if (removed) return;
      removed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TransportSecurity {
  /** The server's key and certificate, and the one client certificate trusted; absent for plaintext. */
  tls?: { key: string; cert: string; clientCa: string };
  /** Last handshake field: the server cert DER in unpadded base64, or "" for plaintext. */
  handshakeCert: string;
}

/**
 * mTLS when terraform passes its client cert (the normal case): terraform's cert is the only root
 * we trust, and the server requires the client to present it.
 */
export function transportSecurity(env: NodeJS.ProcessEnv): TransportSecurity {
  const clientCert = env.PLUGIN_CLIENT_CERT;
  if (!clientCert) return { handshakeCert: "" };
  const cert = createServerCertificate();
  return {
    tls: { key: cert.keyPem, cert: cert.certPem, clientCa: clientCert },
    handshakeCert: cert.handshakeBase64,
  };
}

export function handshakeLine(socketPath: string, handshakeCert: string): string {
  return `${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|unix|${socketPath}|grpc|${handshakeCert}\n`;
}
