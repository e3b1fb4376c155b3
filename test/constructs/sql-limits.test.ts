/**
 * Hostile SQL in a construct ends in a synth error naming the limit, never a crash or a hang.
 */
import { CLICKS_STATEMENT, clickstreamParts } from "./fixtures";
import { newStack, synthValidated } from "./helpers";

function withStatement(statement: string) {
  const stack = newStack();
  const parts = clickstreamParts(stack, { taskSlots: 4 });
  parts.app.addVersion({ statement, sources: [parts.clicks], sinks: [parts.perMinute] });
  return stack;
}

describe("SQL limits at synth", () => {
  it("a statement nested 5,000 deep is a synth error with the depth and the limit", () => {
    const deep = CLICKS_STATEMENT.replace("COUNT(*)", `${"(".repeat(5000)}COUNT(*)${")".repeat(5000)}`);
    expect(() => synthValidated(withStatement(deep))).toThrow(
      /test\/App\/Version1: statement:\d+:\d+: statement nested too deeply \(5001 levels; at most 100\)/,
    );
  });

  it("a statement over the token limit is a synth error", () => {
    const long = CLICKS_STATEMENT.replace("COUNT(*)", `${"1 + ".repeat(10_500)}COUNT(*)`);
    expect(() => synthValidated(withStatement(long))).toThrow(
      /statement has too many tokens \(\d+; at most 20000\)/,
    );
  });
});
