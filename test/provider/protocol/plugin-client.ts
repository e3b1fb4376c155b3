/**
 * Starts a provider bundle the way go-plugin does (env, client cert, handshake on stdout) and
 * gives the test a mTLS gRPC client, so the server can be exercised without terraform.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import * as grpc from "@grpc/grpc-js";
import { createServerCertificate } from "../../../provider/protocol/auto-mtls";
import { controllerService, providerService } from "../../../provider/protocol/grpc-definitions";
import { MAGIC_COOKIE_VALUE } from "../../../provider/protocol/plugin-host";

export interface RunningPlugin {
  child: ChildProcessWithoutNullStreams;
  handshake: string[];
  socketPath: string;
  serverCert: X509Certificate;
  stderr: () => string;
  call<T = Record<string, unknown>>(method: string, request: object, client?: grpc.Client): Promise<T>;
  /** A provider client with the given credentials (default: terraform's mTLS client cert). */
  client(credentials?: grpc.ChannelCredentials): grpc.Client;
  shutdown(): Promise<void>;
  exited: Promise<number | null>;
}

const pem = (derBase64: string) =>
  `-----BEGIN CERTIFICATE-----\n${derBase64.replace(/.{1,64}/g, "$&\n")}-----END CERTIFICATE-----\n`;

export async function startPlugin(
  bundlePath: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunningPlugin> {
  const terraformCert = createServerCertificate();
  const child = spawn(process.execPath, [bundlePath], {
    env: {
      PATH: process.env.PATH,
      TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: "5,6",
      PLUGIN_CLIENT_CERT: terraformCert.certPem,
      ...extraEnv,
    },
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
    });
    void exited.then((code) => reject(new Error(`plugin exited ${code} before the handshake: ${err}`)));
  });
  const handshake = line.split("|");
  const certB64 = handshake[5]!;
  const padded = certB64 + "=".repeat((4 - (certB64.length % 4)) % 4);
  const serverCertPem = pem(padded);
  const defaultCreds = grpc.credentials.createSsl(
    Buffer.from(serverCertPem),
    Buffer.from(terraformCert.keyPem),
    Buffer.from(terraformCert.certPem),
  );
  const Provider = grpc.makeGenericClientConstructor(providerService(), "Provider");
  const Controller = grpc.makeGenericClientConstructor(controllerService(), "Controller");
  const options = { "grpc.ssl_target_name_override": "localhost", "grpc.default_authority": "localhost" };
  const address = `unix:${handshake[3]}`;
  const makeClient = (creds = defaultCreds) => new Provider(address, creds, options);
  const provider = makeClient();
  return {
    child,
    handshake,
    socketPath: handshake[3]!,
    serverCert: new X509Certificate(Buffer.from(padded, "base64")),
    stderr: () => err,
    exited,
    client: makeClient,
    call: (method, request, client = provider) =>
      new Promise((resolve, reject) => {
        const fn = (
          client as unknown as Record<string, grpc.requestCallback<unknown> & ((...a: unknown[]) => void)>
        )[method]!;
        fn.call(client, request, { deadline: Date.now() + 20_000 }, (e: Error | null, res: unknown) =>
          e ? reject(e) : resolve(res as never),
        );
      }),
    shutdown: () =>
      new Promise((resolve) => {
        const controller = new Controller(address, defaultCreds, options);
        (controller as unknown as { Shutdown: (r: object, cb: () => void) => void }).Shutdown({}, () => {
          controller.close();
          resolve();
        });
      }),
  };
}
