/**
 * The local Kafka broker killed with kill -9 while a pipeline runs: the control plane starts it
 * again on the same data and address, the job carries on (its Kafka source reconnects; any restart
 * is Flink's, as the restart strategy says) and no window already in PostgreSQL is lost or changed,
 * while the clicks sent after the broker is back are counted too. Counts reach PostgreSQL through
 * the JDBC sink's upsert on (url, window_start), so a window written again is written the same.
 */
import path from "node:path";
import { clicks, clickstreamEnv, pipeline, TOPIC } from "./clickstream-fixture";
import { describeWithDataServices, produceRecords, psql } from "./data-tools";
import { flinkGet, flinkPids, type Json, restUrlOf, sleep, waitFor } from "./flink-env";

jest.setTimeout(300_000);

describeWithDataServices("flink engine: the Kafka broker killed mid-run", () => {
  const name = "broker-kill";
  const env = clickstreamEnv();
  const { counted } = env;
  const windows = () =>
    psql(
      env.pg,
      "SELECT url, window_start, clicks FROM clicks_per_minute WHERE url <> '/watermark' ORDER BY 1, 2",
    );

  test("the broker comes back, the job goes on, and no counted window is lost", async () => {
    const { acc, kafka, pg } = env;
    const restart = '    restart_strategy = { type = "fixed-delay", max_failures = 30, delay_sec = 2 }';
    const wd = acc.workdir(name, pipeline(name, kafka, pg, "", restart));
    await acc.tf(wd, ["init", "-input=false"]);
    await produceRecords(kafka, TOPIC, clicks(0, 5, 150, 10));
    await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
    await waitFor("150 clicks in PostgreSQL", counted, (n) => n >= 150, 120_000);
    const before = await windows();

    const brokerDir = path.join(acc.cp.dataDir, "kafka");
    const [broker] = flinkPids(brokerDir);
    expect(broker).toBeGreaterThan(0);
    process.kill(broker!, "SIGKILL");
    const back = await waitFor(
      "the broker started again",
      async () => flinkPids(brokerDir),
      (p) => p.length === 1 && p[0] !== broker,
      60_000,
    );
    expect(back[0]).not.toBe(broker);
    await sleep(3000);

    // The same address still works: the records sent now are counted as well.
    await produceRecords(kafka, TOPIC, clicks(11, 14, 90, 20));
    const total = await waitFor("240 clicks in PostgreSQL", counted, (n) => n >= 240, 180_000);
    expect(total).toBe(240);
    const after = await windows();
    for (const line of before.split("\n")) expect(after.split("\n")).toContain(line);

    // What Flink did meanwhile: the job is RUNNING; how many times it restarted is its restart strategy's business.
    const svc: Json = (await acc.api<Json>("GET", `/project/local/service/${name}`)).body.service;
    const jobs = (await flinkGet(restUrlOf(svc), "/jobs/overview")).jobs as Json[];
    expect(jobs.filter((j) => j.state === "RUNNING")).toHaveLength(1);
    await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  });
});
