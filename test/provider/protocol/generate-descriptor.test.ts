import { buildDescriptor } from "../../../provider/protocol/generate-descriptor";
import generated from "../../../provider/protocol/generated/tfplugin6.json";

test("generated/tfplugin6.json is up to date with proto/*.proto (run: npx tsx provider/protocol/generate-descriptor.ts)", () => {
  const { "//": _header, ...committed } = generated as Record<string, unknown>;
  expect(committed).toEqual(buildDescriptor());
});
