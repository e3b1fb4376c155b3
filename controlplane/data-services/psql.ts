import { spawn } from "node:child_process";
import type { LocalDataAddresses } from "./local-data-addresses";

/**
 * Runs SQL with psql against a PostgreSQL database; rows come back as `a,b,c` lines. The password
 * goes to psql in its environment, never on its command line (where `ps` would show it).
 */
export function psql(pg: NonNullable<LocalDataAddresses["postgres"]>, sql: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "psql",
      [
        "-X",
        "-q",
        "-A",
        "-t",
        "-F",
        ",",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        pg.host,
        "-p",
        String(pg.port),
      ].concat(["-U", pg.user, "-d", pg.database]),
      { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, PGPASSWORD: pg.password } },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    child.once("error", (e) => reject(new Error(`psql could not run: ${e.message}`)));
    child.once("exit", (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`psql: ${err.trim()}`)),
    );
    child.stdin.end(sql);
  });
}
