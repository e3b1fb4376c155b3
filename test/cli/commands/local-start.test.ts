import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "../../../cli/commands/local-start";
import { tempDir } from "../../controlplane/helpers";

describe("flinkform local start", () => {
  test("parses flags, and FLINKFORM_LOCAL_TOKEN sets the token", () => {
    expect(
      parseArgs(["--port", "8123", "--data", "d", "--project", "acme", "--time-scale=0.5"], {
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
    [["--time-scale", "0"], /--time-scale must be a positive number/],
    [["--bogus"], /unknown option --bogus|needs a value/],
    [["--data"], /--data needs a value/],
  ])("rejects %j", (argv, message) => {
    expect(parseArgs(argv, {})).toMatch(message);
  });

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
