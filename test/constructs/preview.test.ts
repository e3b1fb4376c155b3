/**
 * preview(): a test's look at rows of its own pipeline, through the local control plane. Here the
 * control plane runs the simulated engine, which runs no query: what a user sees then, and the
 * request preview() sends (the tables' own DDL). Rows from real Flink: test/flink-engine/query.test.ts.
 */
import { Column, Connector, FlinkPreviewError, FlinkTable, FlinkType, preview } from "../../constructs";
import { start } from "../controlplane/helpers";
import { newStack } from "./helpers";

test("on the simulated engine the preview fails with the control plane's reason", async () => {
  const h = await start();
  try {
    await h.api("POST", "/project/local/service", {
      service_name: "p1",
      service_type: "flink",
      plan: "business-4",
    });
    const stack = newStack();
    const gen = new FlinkTable(stack, "gen", {
      columns: [Column.physical("id", FlinkType.BIGINT)],
      connector: Connector.datagen({}),
    });
    const run = preview({
      service: "p1",
      tables: [gen],
      statement: "SELECT id FROM gen",
      apiUrl: h.cp.url,
      apiToken: h.cp.token,
    });
    await expect(run).rejects.toThrow(FlinkPreviewError);
    await expect(run).rejects.toThrow(/Interactive queries need the flink engine/);
    // What preview() sends is checked like any query: an INSERT is refused before any engine runs it.
    await expect(
      preview({
        service: "p1",
        statement: "INSERT INTO gen SELECT 1",
        apiUrl: h.cp.url,
        apiToken: h.cp.token,
      }),
    ).rejects.toThrow(/INSERT writes data/);
  } finally {
    await h.cp.close();
  }
});

test("without an API URL it says where the URL comes from", async () => {
  const saved = process.env.FLINK_API_URL;
  delete process.env.FLINK_API_URL;
  try {
    await expect(preview({ service: "p1", statement: "SELECT 1" })).rejects.toThrow(/set FLINK_API_URL/);
  } finally {
    if (saved !== undefined) process.env.FLINK_API_URL = saved;
  }
});
