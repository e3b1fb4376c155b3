/**
 * The smallest useful stack: a Flink service and one self-contained SQL job (datagen → print), so it
 * runs without any external Kafka or PostgreSQL.
 *
 *   cd examples/cdktf/basic-service && npx flinkform synth   (writes ./cdktf.out)
 *   terraform -chdir=cdktf.out/stacks/basic-service init && ... plan
 */
import path from "node:path";
import { App, TerraformOutput, TerraformStack } from "cdktn";
import type { Construct } from "constructs";
import {
  Column,
  Connector,
  Duration,
  FlinkApplication,
  FlinkProvider,
  FlinkService,
  FlinkTable,
  FlinkType,
  FlinkVersion,
  RestartStrategy,
} from "../../../constructs";

export const STACK_NAME = "basic-service";

export class BasicServiceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // No backend: the state stays beside this stack's cdk.tf.json (flinkform's default).
    // api_url and api_token come from FLINK_API_URL / FLINK_API_TOKEN when terraform runs.
    new FlinkProvider(this, "flink", {});

    const service = new FlinkService(this, "Service", {
      project: "local",
      serviceName: "basic",
      plan: "business-4",
      flinkVersion: FlinkVersion.V1_20,
      taskSlots: 2,
      restartStrategy: RestartStrategy.fixedDelay({ attempts: 3, delay: Duration.seconds(10) }),
    });

    const orders = new FlinkTable(this, "orders", {
      columns: [
        Column.physical("order_id", FlinkType.BIGINT),
        Column.physical("amount", FlinkType.decimal(10, 2)),
        Column.computed("created_at", "PROCTIME()"),
      ],
      connector: Connector.datagen({
        rowsPerSecond: 5,
        fields: { order_id: { kind: "sequence", start: "1", end: "1000000" } },
      }),
    });
    const printed = new FlinkTable(this, "printed_orders", {
      columns: [
        Column.physical("order_id", FlinkType.BIGINT),
        Column.physical("amount", FlinkType.decimal(10, 2)),
      ],
      connector: Connector.print({ printIdentifier: "orders" }),
    });

    const app = new FlinkApplication(this, "Application", { service, applicationName: "print-orders" });
    const deployment = app
      .addVersion({
        sources: [orders],
        sinks: [printed],
        statement: "INSERT INTO printed_orders SELECT order_id, amount FROM orders WHERE amount > 0",
      })
      .deploy({ parallelism: 1 });

    new TerraformOutput(this, "service_name", { value: service.serviceName });
    new TerraformOutput(this, "deployment_status", { value: deployment.status });
  }
}

/** Synthesizes into `outdir` (validations included; errors throw) and returns the stack directory. */
export function synthBasicService(outdir: string): string {
  const app = new App({ outdir, stackTraces: false });
  new BasicServiceStack(app, STACK_NAME);
  app.synth();
  return path.join(outdir, "stacks", STACK_NAME);
}

if (require.main === module) {
  const dir = synthBasicService(process.env.CDKTF_OUTDIR ?? path.resolve("cdktf.out"));
  process.stdout.write(`synthesized ${path.relative(process.cwd(), dir) || "."}\n`);
}
