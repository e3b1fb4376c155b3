import { attributePath, errorDiagnostic } from "../../../provider/protocol/diagnostics";
import { decodeDynamicValue } from "../../../provider/protocol/dynamic-value";
import { createLogger, registerSecret } from "../../../provider/protocol/logger";
import { guardedCall } from "../../../provider/protocol/rpc-guard";
import type { RpcContext } from "../../../provider/protocol/rpc-types";

const ctx: RpcContext = { signal: new AbortController().signal, log: createLogger({ level: "off" }) };

describe("guardedCall", () => {
  it("turns an escaped exception into an ERROR diagnostic naming it a provider bug", async () => {
    const res = await guardedCall(
      "PlanResourceChange",
      async () => {
        throw new TypeError("cannot read properties of undefined");
      },
      {},
      ctx,
    );
    expect(res).toEqual({
      diagnostics: [
        {
          severity: "ERROR",
          summary: "Unexpected provider error",
          detail: "This is a bug in the provider: cannot read properties of undefined",
        },
      ],
    });
  });

  it("reports undecodable values as invalid input, at the attribute when known", async () => {
    const res = await guardedCall(
      "ValidateResourceConfig",
      async () => {
        decodeDynamicValue({ json: Buffer.from('{"name": 5}') }, ["object", { name: "string" }]);
        return {};
      },
      {},
      ctx,
    );
    expect(res).toMatchObject({
      diagnostics: [
        {
          severity: "ERROR",
          summary: "Invalid Value From Terraform",
          attribute: { steps: [{ attribute_name: "name" }] },
        },
      ],
    });
  });

  it("masks secrets in diagnostics a handler returns or throws", async () => {
    registerSecret("pw-secret-42");
    const returned = await guardedCall(
      "ConfigureProvider",
      async () => ({ diagnostics: [errorDiagnostic("Login Failed", "password pw-secret-42 rejected")] }),
      {},
      ctx,
    );
    expect(JSON.stringify(returned)).not.toContain("pw-secret-42");
    const thrown = await guardedCall(
      "ConfigureProvider",
      async () => {
        throw new Error("bad pw-secret-42");
      },
      {},
      ctx,
    );
    expect(JSON.stringify(thrown)).not.toContain("pw-secret-42");
  });

  it("reports StopProvider failures in its Error field", async () => {
    const res = await guardedCall(
      "StopProvider",
      async () => {
        throw new Error("could not cancel");
      },
      {},
      ctx,
    );
    expect(res).toEqual({ Error: "could not cancel" });
  });

  it("treats a handler that returns nothing as a provider bug", async () => {
    const res = await guardedCall("ReadResource", async () => undefined as never, {}, ctx);
    expect(res).toMatchObject({ diagnostics: [{ summary: "Unexpected provider error" }] });
  });
});

describe("attributePath", () => {
  it("builds steps for attributes, list indexes and map keys", () => {
    expect(attributePath(["flink_user_config", "number_of_task_slots"])).toEqual({
      steps: [{ attribute_name: "flink_user_config" }, { attribute_name: "number_of_task_slots" }],
    });
    expect(attributePath(["source", 1, "create_table", { key: "k" }])).toEqual({
      steps: [
        { attribute_name: "source" },
        { element_key_int: 1 },
        { attribute_name: "create_table" },
        { element_key_string: "k" },
      ],
    });
  });
});
