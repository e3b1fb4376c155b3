/**
 * `flinkform local start` takes its token from a file or the environment, so it never shows in `ps`,
 * and does not echo a token given that way; what it writes under the data directory is its owner's.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "../../../cli/commands/local-start";
import { resolveLocalToken } from "../../../cli/commands/local-token";
import { tempDir } from "../../controlplane/helpers";

const TOKEN = "file-token-0123456789abcdef";

function tokenFile(content: string, mode = 0o600): string {
  const file = path.join(tempDir(), "token");
  fs.writeFileSync(file, content, { mode });
  fs.chmodSync(file, mode);
  return file;
}

describe("resolveLocalToken", () => {
  test("reads a one-line file (its newline is not part of the token) without a warning when it is 0600", () => {
    expect(resolveLocalToken({ tokenFile: tokenFile(`${TOKEN}\n`) })).toEqual({
      token: TOKEN,
      source: "file",
      warnings: [],
    });
  });

  test("warns when other users can read the file", () => {
    const file = tokenFile(TOKEN, 0o644);
    expect(resolveLocalToken({ tokenFile: file })).toMatchObject({
      token: TOKEN,
      warnings: [`--token-file ${file} can be read by other users (mode 0644); chmod 600 ${file}`],
    });
  });

  test.each([
    ["a missing file", () => path.join(tempDir(), "nope"), /: cannot read it \(ENOENT\)$/],
    ["an empty file", () => tokenFile("\n"), /: the file is empty$/],
    ["two lines", () => tokenFile(`${TOKEN}\nsecond\n`), /: the token must be a single line$/],
  ])("refuses %s with a message naming the file", (_label, file, message) => {
    const f = file();
    const result = resolveLocalToken({ tokenFile: f });
    expect(result).toEqual(expect.stringContaining(`--token-file ${f}`));
    expect(result).toMatch(message);
  });

  test("a token on the command line works, with a warning that ps shows it; one from the environment does not warn", () => {
    expect(resolveLocalToken(parseArgs(["--token", TOKEN], {}) as never)).toMatchObject({
      token: TOKEN,
      source: "flag",
      warnings: [expect.stringMatching(/^--token is visible to every user of this machine \(ps\)/)],
    });
    expect(resolveLocalToken(parseArgs([], { FLINKFORM_LOCAL_TOKEN: TOKEN }) as never)).toEqual({
      token: TOKEN,
      source: "env",
      warnings: [],
    });
  });

  test("--token and --token-file together are refused", () => {
    expect(parseArgs(["--token", TOKEN, "--token-file", "f"], {})).toBe("--token and --token-file: give one");
  });
});

test("local start --token-file: the token works, is in no command line, is not printed; the process umask is 077", async () => {
  const file = tokenFile(`${TOKEN}\n`);
  const dataDir = path.join(tempDir(), "data");
  const main = path.resolve(__dirname, "../../../cli/main.ts");
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      main,
      "local",
      "start",
      "--engine",
      "simulated",
      "--data",
      dataDir,
      "--quiet",
      "--token-file",
      file,
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FLINKFORM_LOCAL_TOKEN: "" } },
  );
  let out = "";
  let err = "";
  child.stderr!.on("data", (c: Buffer) => {
    err += c.toString();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (c: Buffer) => {
        out += c.toString();
        if (/export FLINK_API_URL=.*\n/.test(out)) resolve();
      });
      child.on("exit", (code) => reject(new Error(`exited early with ${code}: ${out}${err}`)));
    });
    const url = /url:\s+(\S+)/.exec(out)![1]!;
    expect(out).toContain(`token:   (in ${file})`);
    expect(out).toContain(`FLINK_API_TOKEN="$(cat ${file})"`);
    expect(out + err).not.toContain(TOKEN);
    const call = (token: string) =>
      fetch(`${url}/project/local/service`, { headers: { authorization: `aivenv1 ${token}` } });
    expect((await call(TOKEN)).status).toBe(200);
    expect((await call("some-other-token-123")).status).toBe(401);
    const cmdline = fs.readFileSync(`/proc/${child.pid}/cmdline`, "utf8");
    expect(cmdline).toContain("--token-file");
    expect(cmdline).not.toContain(TOKEN);
    // Files Flink, Kafka and the logs create under the data directory get no group or other access.
    expect(fs.readFileSync(`/proc/${child.pid}/status`, "utf8")).toMatch(/^Umask:\s+0077$/m);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}, 60_000);
