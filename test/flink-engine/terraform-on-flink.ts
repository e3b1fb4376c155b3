/**
 * The real terraform against a control plane on the flink engine, for the tests of one `describe`:
 * a working directory initialised before them and removed after them, its apply and plan, and what
 * terraform's state and the control plane report.
 */
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv, type TerraformResult } from "../acceptance/harness";
import { type Json, restUrlOf } from "./flink-env";

export interface TerraformOnFlink {
  readonly acc: AcceptanceEnv;
  readonly wd: string;
  /** A folder for what the jobs write (their filesystem sinks), removed with the rest. */
  readonly out: string;
  /** The values terraform's state holds for the resource at `address`. */
  stateOf(address?: string): Promise<Json>;
  /** The base URL of the service's Flink REST API, as the control plane reports it. */
  restUrl(): Promise<string>;
  /** Writes `config` as main.tf (when given) and applies it: terraform's result, whatever its exit code. */
  apply(config?: string): Promise<TerraformResult>;
  /** The same, failing the test with terraform's output when the apply fails. */
  applyOk(config?: string): Promise<string>;
  /** Writes `config` as main.tf (when given) and plans it: terraform's result. */
  plan(config?: string): Promise<TerraformResult>;
  /** Whether a plan finds nothing to change. */
  planIsEmpty(): Promise<boolean>;
}

/** Call in a `describe`: `service` is the service's name, `firstConfig` main.tf's first content. */
export function terraformOnFlink(service: string, firstConfig: (out: string) => string): TerraformOnFlink {
  let env: AcceptanceEnv | undefined;
  let workdir = "";
  const acc = () => {
    if (!env) throw new Error("terraformOnFlink: the environment starts in beforeAll; use it in tests");
    return env;
  };
  const out = () => path.join(acc().dir, "out");
  const write = (config?: string) => {
    if (config !== undefined) acc().writeConfig(workdir, config);
  };
  const APPLY = ["apply", "-auto-approve", "-input=false"];

  beforeAll(async () => {
    env = await startAcceptanceEnv({ engine: { kind: "flink" } });
    workdir = env.workdir(service, firstConfig(out()));
    await env.tf(workdir, ["init", "-input=false"]);
  });
  afterAll(async () => {
    await env?.close();
  });

  return {
    get acc() {
      return acc();
    },
    get wd() {
      return workdir;
    },
    get out() {
      return out();
    },
    async stateOf(address = "flink_application_deployment.d") {
      const show = JSON.parse(await acc().tf(workdir, ["show", "-json"]));
      return show.values.root_module.resources.find((r: Json) => r.address === address).values;
    },
    async restUrl() {
      return restUrlOf((await acc().api<Json>("GET", `/project/local/service/${service}`)).body.service);
    },
    apply(config) {
      write(config);
      return acc().terraform(workdir, [...APPLY, "-no-color"]);
    },
    applyOk(config) {
      write(config);
      return acc().tf(workdir, APPLY); // with -no-color
    },
    plan(config) {
      write(config);
      return acc().terraform(workdir, ["plan", "-no-color", "-input=false"]);
    },
    async planIsEmpty() {
      return (
        (await acc().terraform(workdir, ["plan", "-detailed-exitcode", "-no-color", "-input=false"])).code ===
        0
      );
    },
  };
}
