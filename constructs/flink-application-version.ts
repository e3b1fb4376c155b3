import { Construct, type IConstruct } from "constructs";
import { flinkApplicationVersionSpec } from "../schemas/resources/flink-application-version";
import { type SqlDiagnostic, validateApplicationVersion } from "../schemas/sql";
import { type DeployOptions, FlinkDeployment } from "./flink-deployment";
import { FlinkIntegration } from "./flink-integration";
import type { IFlinkService } from "./flink-service";
import type { FlinkTable } from "./flink-table";
import { ApplicationVersion, type ApplicationVersionConfig } from "./generated/application-version";
import { camelKeys, compact } from "./private/objects";
import { keepStateBesideStack } from "./private/state-beside-stack";
import { checkAtSynth, type SynthChecked, type SynthIssue } from "./private/synth-checks";
import { checkConfig, isUnresolved } from "./private/validation";

export interface ApplicationVersionOptions {
  /** The job: `INSERT INTO <sink> SELECT ... FROM <source>` (or a statement set). */
  readonly statement: string;
  /** Tables the statement reads. */
  readonly sources: FlinkTable[];
  /** Tables the statement writes. */
  readonly sinks: FlinkTable[];
  /** Skip the Flink SQL checks for SQL they wrongly reject (here and in the provider's plan). @default false */
  readonly skipSqlValidation?: boolean;
  /** Known false errors of the SQL parser are warnings; false makes them errors. @default true */
  readonly allowParserFalsePositives?: boolean;
  /** Construct id. @default "Version<n>" (1, 2, ... per application) */
  readonly id?: string;
}

/** A version, created or imported: it can be deployed. */
export interface IFlinkApplicationVersion extends IConstruct {
  readonly versionId: string;
  deploy(options?: DeployOptions): FlinkDeployment;
}

/** What a version needs from its application. */
export interface VersionParent extends IConstruct {
  readonly service: IFlinkService;
  readonly applicationId: string;
}

export interface FlinkApplicationVersionAttributes {
  readonly application: VersionParent;
  readonly versionId: string;
}

abstract class VersionBase extends Construct implements IFlinkApplicationVersion {
  abstract readonly versionId: string;
  abstract readonly application: VersionParent;

  /** Runs this version as a job on the application's service. */
  deploy(options: DeployOptions = {}): FlinkDeployment {
    return new FlinkDeployment(this, options.id ?? "Deployment", {
      ...options,
      service: this.application.service,
      applicationId: this.application.applicationId,
      versionId: this.versionId,
    });
  }
}

/**
 * An immutable version of an application: tables plus statement. Its SQL is checked against its tables
 * at synth (syntax, INSERT target ↔ sinks, reads ↔ sources, connector and DDL rules); child `Resource`
 * is the L1 `flink_application_version`.
 */
export class FlinkApplicationVersion extends VersionBase implements SynthChecked {
  static fromVersionAttributes(
    scope: Construct,
    id: string,
    attrs: FlinkApplicationVersionAttributes,
  ): IFlinkApplicationVersion {
    class Import extends VersionBase {
      readonly versionId = attrs.versionId;
      readonly application = attrs.application;
    }
    return new Import(scope, id);
  }

  readonly resource: ApplicationVersion;
  readonly versionId: string;
  readonly application: VersionParent;
  readonly statement: string;
  readonly sources: readonly FlinkTable[];
  readonly sinks: readonly FlinkTable[];
  private readonly sqlOptions: { skipSql: boolean; allowParserFalsePositives: boolean };

  constructor(scope: Construct, id: string, application: VersionParent, options: ApplicationVersionOptions) {
    super(scope, id);
    this.application = application;
    this.statement = options.statement;
    this.sources = [...options.sources];
    this.sinks = [...options.sinks];
    this.sqlOptions = {
      skipSql: options.skipSqlValidation ?? false,
      allowParserFalsePositives: options.allowParserFalsePositives ?? true,
    };
    const block = (t: FlinkTable) =>
      compact({ create_table: t.createTable, integration_id: t.integration?.integrationId });
    const config = compact({
      project: application.service.project,
      service_name: application.service.serviceName,
      application_id: application.applicationId,
      statement: options.statement,
      source: this.sources.map(block),
      sink: this.sinks.map(block),
      skip_sql_validation: options.skipSqlValidation || undefined,
    });
    // Attributes only: the spec's SQL hook reads an unresolved integration_id as missing; the SQL rules
    // run below at synth, once, with tokens understood.
    checkConfig(this, { attributes: flinkApplicationVersionSpec.attributes }, config, (path) =>
      path[0] === "source"
        ? `sources${path.length > 1 ? `[${path[1]}]` : ""}`
        : path[0] === "sink"
          ? `sinks${path.length > 1 ? `[${path[1]}]` : ""}`
          : String(path[0]),
    );
    this.resource = new ApplicationVersion(this, "Resource", {
      ...(camelKeys(config) as ApplicationVersionConfig),
      // Versions are immutable: a change creates the new one first, so a deployment can hand its job
      // over to it before the old version is deleted.
      lifecycle: { createBeforeDestroy: true },
    });
    this.versionId = this.resource.applicationVersionId;
    checkAtSynth(this);
    keepStateBesideStack(this);
  }

  _synthIssues(): SynthIssue[] {
    return [...this.sqlIssues(), ...this.integrationIssues()];
  }

  private sqlIssues(): SynthIssue[] {
    const { skipSql, allowParserFalsePositives } = this.sqlOptions;
    if (skipSql) return [];
    const input = (t: FlinkTable) => ({
      // An unresolved CREATE TABLE (a token inside) is unknown until apply: the SQL module skips it.
      create_table: isUnresolved(t.createTable) ? (undefined as unknown as string) : t.createTable,
      integration_id: t.integration?.integrationId ?? null,
      // Rendered from the typed model: every rule runs on it, without parsing each table's text again.
      definition: t.definition,
    });
    const diagnostics = validateApplicationVersion(
      {
        statement: isUnresolved(this.statement) ? undefined : this.statement,
        sources: this.sources.map(input),
        sinks: this.sinks.map(input),
      },
      { allowParserFalsePositives },
    );
    return diagnostics.map((d) => {
      const prop = this.where(d);
      return { on: this, severity: d.severity, prop, message: `${prop}: ${d.message}` };
    });
  }

  /** `statement:2:7` or `sources[0] (table clicks):3:5`: which prop, and where in its SQL. */
  private where(d: SqlDiagnostic): string {
    const at = d.position ? `:${d.position.line}:${d.position.column}` : "";
    if (d.location.part === "statement") return `statement${at}`;
    const list = d.location.part === "source" ? this.sources : this.sinks;
    const table = list[d.location.index];
    return `${d.location.part}s[${d.location.index}]${table ? ` (${table.node.path})` : ""}${at}`;
  }

  /** A table's integration must connect the service this application runs on. */
  private integrationIssues(): SynthIssue[] {
    const service = this.application.service;
    const issues: SynthIssue[] = [];
    const tables = [
      ...this.sources.map((t, i) => ({ t, prop: `sources[${i}]` })),
      ...this.sinks.map((t, i) => ({ t, prop: `sinks[${i}]` })),
    ];
    for (const { t: table, prop } of tables) {
      const integration = table.integration;
      if (!(integration instanceof FlinkIntegration) || integration.service === service) continue;
      const a = integration.service.serviceName;
      const b = service.serviceName;
      if (!isUnresolved(a) && !isUnresolved(b) && a === b) continue;
      issues.push({
        on: this,
        severity: "error",
        prop,
        message: `${prop}: table ${table.node.path} uses integration ${integration.node.path}, which connects service ${integration.service.node.path}, but the application runs on service ${service.node.path}`,
        fix: `give table ${table.node.path} an integration of service ${service.node.path}`,
      });
    }
    return issues;
  }
}
