/**
 * The built provider answers GetProviderSchema with bytes encoded at build time: they must be the
 * current schema, exactly what encoding the response at run time gives.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { providerService } from "../../../provider/protocol/grpc-definitions";
import { encodeProviderSchemaResponse } from "../../../provider/schema-response-bytes";
import { type RunningPlugin, startPlugin } from "../protocol/plugin-client";

const bundle = path.join(__dirname, "..", "..", "..", "dist", "terraform-provider-flink.cjs");
let plugin: RunningPlugin | undefined;
afterEach(async () => {
  await plugin?.shutdown();
});

test("the start-up bundle carries the schema response encoded from the current schema", () => {
  // dist/ is what `npm run build` made from this tree (the acceptance tests run it too).
  expect(readFileSync(bundle, "utf8")).toContain(encodeProviderSchemaResponse().toString("base64"));
});

test("GetProviderSchema from the built provider equals the response encoded at run time", async () => {
  plugin = await startPlugin(bundle);
  const served = await plugin.call("GetProviderSchema", {});
  const decode = providerService().GetProviderSchema!.responseDeserialize;
  expect(served).toEqual(decode(encodeProviderSchemaResponse()));
  expect(Object.keys((served as { resource_schemas: object }).resource_schemas)).toContain(
    "flink_application",
  );
});
