import { Construct, type IConstruct } from "constructs";
import { flinkApplicationSpec } from "../schemas/resources/flink-application";
import { type ApplicationVersionOptions, FlinkApplicationVersion } from "./flink-application-version";
import type { IFlinkService } from "./flink-service";
import { Application, type ApplicationConfig } from "./generated/application";
import { camelKeys, compact } from "./private/objects";
import { checkConfig, lastPartCamel } from "./private/validation";

/** An application, created or imported: versions can be added to it. */
export interface IFlinkApplication extends IConstruct {
  readonly service: IFlinkService;
  readonly applicationId: string;
  addVersion(options: ApplicationVersionOptions): FlinkApplicationVersion;
}

export interface FlinkApplicationAttributes {
  readonly service: IFlinkService;
  readonly applicationId: string;
}

abstract class FlinkApplicationBase extends Construct implements IFlinkApplication {
  abstract readonly service: IFlinkService;
  abstract readonly applicationId: string;
  private versionCount = 0;

  /** Adds an immutable version (tables + statement); deploy it with `version.deploy(...)`. */
  addVersion(options: ApplicationVersionOptions): FlinkApplicationVersion {
    this.versionCount++;
    return new FlinkApplicationVersion(this, options.id ?? `Version${this.versionCount}`, this, options);
  }
}

export interface FlinkApplicationProps {
  /** The service the application runs on. */
  readonly service: IFlinkService;
  /** Name of the application; renaming happens in place. @default the construct id */
  readonly applicationName?: string;
  /**
   * On destroy, cancel and remove deployments of this application that Terraform does not manage;
   * without it, destroy fails and names them.
   * @default false
   */
  readonly forceDestroy?: boolean;
}

/** A named Flink SQL application; child `Resource` is the L1 `flink_application`. */
export class FlinkApplication extends FlinkApplicationBase {
  static fromApplicationAttributes(
    scope: Construct,
    id: string,
    attrs: FlinkApplicationAttributes,
  ): IFlinkApplication {
    class Import extends FlinkApplicationBase {
      readonly service = attrs.service;
      readonly applicationId = attrs.applicationId;
    }
    return new Import(scope, id);
  }

  readonly resource: Application;
  readonly service: IFlinkService;
  readonly applicationId: string;
  readonly applicationName: string;

  constructor(scope: Construct, id: string, props: FlinkApplicationProps) {
    super(scope, id);
    this.applicationName = props.applicationName ?? id;
    const config = compact({
      project: props.service.project,
      service_name: props.service.serviceName,
      name: this.applicationName,
      force_destroy: props.forceDestroy,
    });
    checkConfig(this, flinkApplicationSpec, config, (path) =>
      path[0] === "name" ? "applicationName" : lastPartCamel(path),
    );
    this.resource = new Application(this, "Resource", camelKeys(config) as ApplicationConfig);
    this.service = props.service;
    this.applicationId = this.resource.applicationId;
  }
}
