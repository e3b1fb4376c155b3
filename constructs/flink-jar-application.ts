import fs from "node:fs";
import path from "node:path";
import { Construct } from "constructs";
import { flinkJarApplicationSpec } from "../schemas/resources/flink-jar-application";
import { flinkJarApplicationDeploymentSpec } from "../schemas/resources/flink-jar-application-deployment";
import { flinkJarApplicationVersionSpec } from "../schemas/resources/flink-jar-application-version";
import type { IFlinkService, ISlotConsumer } from "./flink-service";
import { JarApplication, type JarApplicationConfig } from "./generated/jar-application";
import {
  JarApplicationDeployment,
  type JarApplicationDeploymentConfig,
} from "./generated/jar-application-deployment";
import { JarApplicationVersion, type JarApplicationVersionConfig } from "./generated/jar-application-version";
import { camelKeys, compact } from "./private/objects";
import { checkConfig, isUnresolved, lastPartCamel, propError } from "./private/validation";

export interface FlinkJarApplicationProps {
  /** The service the application runs on. */
  readonly service: IFlinkService;
  /** Name of the application; renaming happens in place. @default the construct id */
  readonly applicationName?: string;
}

export interface JarVersionOptions {
  /**
   * The local jar file. Made absolute at synth (Terraform runs in the synth output directory); a
   * file with other bytes is a new version on the next apply.
   */
  readonly source: string;
  /** Construct id of the version. @default "Version1", "Version2"... */
  readonly id?: string;
}

/** How a changed JAR deployment reaches the running job. */
export enum JarUpgradeMode {
  SAVEPOINT = "savepoint",
  STATELESS = "stateless",
}

export interface JarDeployOptions {
  /** Class whose `main` submits the job. @default the jar manifest's Main-Class */
  readonly entryClass?: string;
  /** Arguments passed to `main` (at most 32). @default none */
  readonly programArgs?: string[];
  /** Parallelism of the job; it must fit in the service's task slots. @default 1 */
  readonly parallelism?: number;
  /** Restart the job by the service's restart strategy when it fails. @default true */
  readonly restartEnabled?: boolean;
  /** Savepoint to start from. @default a fresh start */
  readonly startingSavepoint?: string;
  /**
   * `SAVEPOINT` hands a changed deployment (version, entry class, arguments, parallelism) over
   * through a savepoint, so state carries over; `STATELESS` cancels and starts fresh.
   * @default JarUpgradeMode.SAVEPOINT
   */
  readonly upgradeMode?: JarUpgradeMode;
  /** On destroy, stop the job with a savepoint instead of cancelling it. @default false */
  readonly finalSavepoint?: boolean;
  /** Construct id of the deployment. @default "Deployment" */
  readonly id?: string;
}

/** A JAR application (a job written against Flink's Java APIs); child `Resource` is `flink_jar_application`. */
export class FlinkJarApplication extends Construct {
  readonly resource: JarApplication;
  readonly service: IFlinkService;
  readonly applicationId: string;
  private versionCount = 0;

  constructor(scope: Construct, id: string, props: FlinkJarApplicationProps) {
    super(scope, id);
    const config = compact({
      project: props.service.project,
      service_name: props.service.serviceName,
      name: props.applicationName ?? id,
    });
    checkConfig(this, flinkJarApplicationSpec, config, (p) =>
      p[0] === "name" ? "applicationName" : lastPartCamel(p),
    );
    this.resource = new JarApplication(this, "Resource", camelKeys(config) as JarApplicationConfig);
    this.service = props.service;
    this.applicationId = this.resource.applicationId;
  }

  /** Adds an immutable version (one jar file); deploy it with `version.deploy(...)`. */
  addVersion(options: JarVersionOptions): FlinkJarApplicationVersion {
    this.versionCount++;
    return new FlinkJarApplicationVersion(this, options.id ?? `Version${this.versionCount}`, this, options);
  }
}

/** One jar file of a JAR application; child `Resource` is `flink_jar_application_version`. */
export class FlinkJarApplicationVersion extends Construct {
  readonly resource: JarApplicationVersion;
  readonly application: FlinkJarApplication;

  constructor(scope: Construct, id: string, application: FlinkJarApplication, options: JarVersionOptions) {
    super(scope, id);
    let source = options.source;
    if (!isUnresolved(source)) {
      source = path.resolve(source);
      if (!fs.existsSync(source) || !fs.statSync(source).isFile())
        throw propError(this, "source", "must be an existing local jar file", options.source);
    }
    const config = compact({
      project: application.service.project,
      service_name: application.service.serviceName,
      application_id: application.applicationId,
      source,
    });
    checkConfig(this, flinkJarApplicationVersionSpec, config, lastPartCamel);
    this.resource = new JarApplicationVersion(
      this,
      "Resource",
      camelKeys(config) as JarApplicationVersionConfig,
    );
    // The deployment moves to a new version before the old one can be deleted.
    this.resource.lifecycle = { createBeforeDestroy: true };
    this.application = application;
  }

  get versionId(): string {
    return this.resource.applicationVersionId;
  }

  deploy(options: JarDeployOptions = {}): FlinkJarDeployment {
    return new FlinkJarDeployment(this.application, options.id ?? "Deployment", this, options);
  }
}

/** A running job of a JAR version; child `Resource` is `flink_jar_application_deployment`. */
export class FlinkJarDeployment extends Construct implements ISlotConsumer {
  readonly resource: JarApplicationDeployment;
  readonly parallelism: number;

  constructor(scope: Construct, id: string, version: FlinkJarApplicationVersion, options: JarDeployOptions) {
    super(scope, id);
    const service = version.application.service;
    const config = compact({
      project: service.project,
      service_name: service.serviceName,
      application_id: version.application.applicationId,
      version_id: version.versionId,
      entry_class: options.entryClass,
      program_args: options.programArgs,
      parallelism: options.parallelism,
      restart_enabled: options.restartEnabled,
      starting_savepoint: options.startingSavepoint,
      upgrade_mode: options.upgradeMode,
      final_savepoint: options.finalSavepoint,
    });
    checkConfig(this, flinkJarApplicationDeploymentSpec, config, lastPartCamel);
    this.resource = new JarApplicationDeployment(
      this,
      "Resource",
      camelKeys(config) as JarApplicationDeploymentConfig,
    );
    this.parallelism = options.parallelism ?? 1;
    service._addSlotConsumer(this);
  }

  /** Job status after apply, e.g. RUNNING. */
  get status(): string {
    return this.resource.status;
  }
  get jobId(): string {
    return this.resource.jobId;
  }
  get lastSavepoint(): string {
    return this.resource.lastSavepoint;
  }
}
