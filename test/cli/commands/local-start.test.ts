import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "../../../cli/commands/local-start";
import { tempDir } from "../../controlplane/helpers";

describe("flinkform local start", () => {
  test("parses flags, and FLINKFORM_LOCAL_TOKEN sets the token", () => {
    expect(
      parseArgs(["--port", "8123", "--data", "d", "--project", "acme", "--speed=2"], {
        FLINKFORM_LOCAL_TOKEN: "from-env-token",
      }),
    ).toEqual({
      port: 8123,
      data: "d",
      project: "acme",
      token: "from-env-token",
      timeScale: 0.5,
      quiet: false,
    });
    expect(parseArgs(["--token", "flag-token-1"], { FLINKFORM_LOCAL_TOKEN: "env" })).toMatchObject({
      token: "flag-token-1",
    });
  });

  test.each([
    [["--port", "70000"], /--port must be an integer/],
    [["--speed", "0"], /--speed must be a positive number/],
    [["--time-scale", "0"], /--time-scale must be a positive number/],
    [["--bogus"], /unknown option --bogus|needs a value/],
    [["--data"], /--data needs a value/],
  ])("rejects %j", (argv, message) => {
    expect(parseArgs(argv, {})).toMatch(message);
  });

  test("--speed 100 makes the simulated engine 100 times faster; --time-scale 0.01 says the same, with a note", () => {
    expect(parseArgs(["--speed", "100"], {})).toMatchObject({ timeScale: 0.01 });
    expect(parseArgs(["--speed", "100"], {})).not.toHaveProperty("deprecated");
    expect(parseArgs(["--time-scale", "0.01"], {})).toMatchObject({
      timeScale: 0.01,
      deprecated:
        "--time-scale is deprecated and will be removed: it multiplies durations (--time-scale 0.01 makes everything 100 times faster); use --speed 100",
    });
    expect(parseArgs(["--time-scale", "2"], {})).toMatchObject({
      deprecated: expect.stringContaining("makes everything 2 times slower); use --speed 0.5"),
    });
  });

  /** Starts `flinkform local start` as a user does; resolves with stdout up to the token line, then stops it. */
  async function startAndStop(
    extra: string[],
  ): Promise<{ banner: string; stderr: string; code: number | null }> {
    const main = path.resolve(__dirname, "../../../cli/main.ts");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", main, "local", "start", "--data", tempDir(), "--quiet", ...extra],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FLINKFORM_LOCAL_TOKEN: "" } },
    );
    let out = "";
    let stderr = "";
    child.stderr!.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const banner = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (c: Buffer) => {
        out += c.toString();
        if (/export FLINK_API_URL=.*\n/.test(out)) resolve(out);
      });
      child.on("exit", (code) => reject(new Error(`exited early with ${code}: ${out}${stderr}`)));
    });
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
    return { banner, stderr, code };
  }

  test("the banner says what the speed means, and the deprecated flag prints its note", async () => {
    const fast = await startAndStop(["--engine", "simulated", "--speed", "100"]);
    expect(fast.banner).toMatch(/engine: +simulated, speed 100 \(a 60 s service build takes 0\.6 s\)/);
    expect(fast.stderr).toBe("");
    const old = await startAndStop(["--engine", "simulated", "--time-scale", "0.01"]);
    expect(old.banner).toMatch(/engine: +simulated, speed 100 \(a 60 s service build takes 0\.6 s\)/);
    expect(old.stderr).toContain(
      "flinkform local start: --time-scale is deprecated and will be removed: it multiplies durations (--time-scale 0.01 makes everything 100 times faster); use --speed 100",
    );
    expect(old.code).toBe(0);
  }, 60_000);

  test("runs in the foreground, prints URL, project and a generated token, serves, and stops on SIGTERM", async () => {
    const main = path.resolve(__dirname, "../../../cli/main.ts");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", main, "local", "start", "--data", tempDir(), "--quiet"],
      {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, FLINKFORM_LOCAL_TOKEN: "" },
      },
    );
    let out = "";
    const banner = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (c: Buffer) => {
        out += c.toString();
        if (/token:\s+\S+\n/.test(out)) resolve(out);
      });
      child.on("exit", (code) => reject(new Error(`exited early with ${code}: ${out}`)));
    });
    const url = /url:\s+(\S+)/.exec(banner)![1]!;
    const token = /token:\s+(\S+)/.exec(banner)![1]!;
    expect(banner).toMatch(/project:\s+local/);
    expect(token.length).toBeGreaterThanOrEqual(16);
    const res = await fetch(`${url}/project/local/service`, {
      headers: { authorization: `aivenv1 ${token}` },
    });
    expect(res.status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });
});
