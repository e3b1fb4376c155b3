import { readFileSync } from "node:fs";
import { CONTRACT_FILE, deriveContract, renderContract } from "../../scripts/derive-openapi-contract";

/**
 * The contract fixture is derived, never hand-edited: what is committed must be exactly what the
 * script derives from the vendored OpenAPI files, so an edit to either one shows up here.
 */
test("the committed OpenAPI contract fixture is current (npx tsx scripts/derive-openapi-contract.ts)", () => {
  const committed = readFileSync(CONTRACT_FILE, "utf8");
  const derived = renderContract(deriveContract());
  // Line by line, so a stale fixture fails naming the operation or schema that differs.
  expect(committed.split("\n")).toEqual(derived.split("\n"));
});
