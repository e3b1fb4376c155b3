/**
 * Where `flinkform local start` takes its API token from, and how the banner shows it. A token on
 * the command line (`--token`) is visible to every local user in `ps`; a file (`--token-file`) or
 * the environment (`FLINKFORM_LOCAL_TOKEN`) is not, and a token given that way is never echoed.
 */
import fs from "node:fs";

export type TokenSource = "generated" | "flag" | "file" | "env";

export interface TokenArgs {
  readonly token?: string;
  readonly tokenFile?: string;
  /** `--token` was given (rather than FLINKFORM_LOCAL_TOKEN). */
  readonly tokenOnCommandLine?: boolean;
}

export interface LocalToken {
  /** Absent: the control plane generates one. */
  readonly token?: string;
  readonly source: TokenSource;
  /** Lines for stderr: a token others can read. */
  readonly warnings: readonly string[];
}

/** The token to start with, or the message of why it cannot be read. */
export function resolveLocalToken(args: TokenArgs): LocalToken | string {
  if (args.tokenFile !== undefined) {
    let text: string;
    let mode: number;
    try {
      text = fs.readFileSync(args.tokenFile, "utf8");
      mode = fs.statSync(args.tokenFile).mode & 0o777;
    } catch (err) {
      return `--token-file ${args.tokenFile}: cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
    }
    // One line, as `echo TOKEN > file` or a secrets manager writes it.
    const token = text.replace(/\r?\n$/, "");
    if (!token) return `--token-file ${args.tokenFile}: the file is empty`;
    if (/[\r\n]/.test(token)) return `--token-file ${args.tokenFile}: the token must be a single line`;
    const warnings =
      (mode & 0o077) !== 0
        ? [
            `--token-file ${args.tokenFile} can be read by other users (mode ${mode.toString(8).padStart(4, "0")}); ` +
              `chmod 600 ${args.tokenFile}`,
          ]
        : [];
    return { token, source: "file", warnings };
  }
  if (args.token === undefined) return { source: "generated", warnings: [] };
  if (!args.tokenOnCommandLine) return { token: args.token, source: "env", warnings: [] };
  return {
    token: args.token,
    source: "flag",
    warnings: [
      "--token is visible to every user of this machine (ps); use --token-file FILE or FLINKFORM_LOCAL_TOKEN",
    ],
  };
}

const shellQuote = (s: string) => (/^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/**
 * The banner's `token:` value and what `export FLINK_API_TOKEN=` is set to. A token the user gave in
 * a file or the environment stays there: the banner names where it is.
 */
export function tokenBanner(token: string, source: TokenSource, tokenFile?: string) {
  if (source === "file" && tokenFile !== undefined)
    return { shown: `(in ${tokenFile})`, exported: `"$(cat ${shellQuote(tokenFile)})"` };
  if (source === "env")
    return { shown: "(from FLINKFORM_LOCAL_TOKEN)", exported: '"$FLINKFORM_LOCAL_TOKEN"' };
  return { shown: token, exported: token };
}
