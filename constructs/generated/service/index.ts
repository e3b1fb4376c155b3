// generated — do not edit. Source: schemas/generated/provider-schema.json; run `npm run generate`.
// https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface ServiceConfig extends cdktn.TerraformMetaArguments {
  /**
  * Disk added to the plan's, in 30 GiB steps up to the plan's cap (`disk_space_step`, `disk_space_cap`). Checked at plan against the plan's limits as the API publishes them, and sent as the service's `disk_space_mb`. The local control plane's Flink plans have no disk to add (cap `0B`), so any value fails the plan there. Value must be a whole number of GiB such as `30GiB` (or `30G`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#additional_disk_space Service#additional_disk_space}
  */
  readonly additionalDiskSpace?: string;
  /**
  * Cloud and region to run in, such as `google-europe-west1`. Changing it migrates the service. Value must be at most 256 characters long. Value must be an AWS or Google Cloud region such as `google-europe-west1` (Flink is offered on AWS and Google Cloud only).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#cloud_name Service#cloud_name}
  */
  readonly cloudName?: string;
  /**
  * Advanced configuration of the Flink cluster (the service's `user_config`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#flink_user_config Service#flink_user_config}
  */
  readonly flinkUserConfig?: ServiceFlinkUserConfig;
  /**
  * On destroy, cancel running deployments that Terraform does not manage. Without it, destroy fails and names them. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#force_destroy Service#force_destroy}
  */
  readonly forceDestroy?: boolean | cdktn.IResolvable;
  /**
  * Day of the week for maintenance. Value must be one of `monday`, `tuesday`, `wednesday`, `thursday`, `friday`, `saturday`, `sunday`, `never`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#maintenance_window_dow Service#maintenance_window_dow}
  */
  readonly maintenanceWindowDow?: string;
  /**
  * Start of the maintenance window, `HH:MM:SS` in UTC. Value must be a time of day `HH:MM:SS` (UTC).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#maintenance_window_time Service#maintenance_window_time}
  */
  readonly maintenanceWindowTime?: string;
  /**
  * Service plan, such as `business-4` (one node) or `premium-8` (three nodes). Changing it resizes the cluster in place. Value must be at most 128 characters long. Value must be a Flink plan: `hobbyist`, `startup-N`, `business-N` or `premium-N`, such as `business-4`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#plan Service#plan}
  */
  readonly plan: string;
  /**
  * Whether the service runs. Setting `false` stops each running deployment's job with a savepoint (the deployment stays, same `deployment_id`, `status` `SUSPENDED`, the savepoint in `last_savepoint`) and then the cluster; setting `true` again starts the cluster and restarts each of those deployments from its savepoint (new `job_id`, `starting_savepoint_used` = that savepoint), and apply waits until they run; a job that cannot restart fails the apply with its error. Deployments keep `desired_state = "running"` throughout, so neither apply leaves a diff. A service created with `false` is created, then powered off. This is the local control plane's behaviour: the hosted API drops a powered-off service's applications (Terraform plans them again) and restarts no job at power on. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#powered Service#powered}
  */
  readonly powered?: boolean | cdktn.IResolvable;
  /**
  * Name of the project the service belongs to. Changing it creates a new resource. Value must be at most 63 characters long. Value must contain only letters, digits, `_` and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#project Service#project}
  */
  readonly project: string;
  /**
  * VPC to run the service in, `PROJECT/VPC_ID`; unset runs it on the public internet. The local control plane has no VPCs and refuses any value with a 400 at apply. Value must be `PROJECT/VPC_ID`, the project and the VPC's UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#project_vpc_id Service#project_vpc_id}
  */
  readonly projectVpcId?: string;
  /**
  * Integrations made together with the service; changing them creates a new service. A Flink service takes none (as upstream: Flink has no create-time integration types), so any entry is a plan-time error; connect sources and sinks with `flink_service_integration`. The collection must have at most 64 items.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#service_integrations Service#service_integrations}
  */
  readonly serviceIntegrations?: ServiceServiceIntegrations[] | cdktn.IResolvable;
  /**
  * Name of the Flink service. Changing it creates a new resource. Value must be between 1 and 64 characters long. Value must start with a lowercase letter and contain only lowercase letters, digits and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#service_name Service#service_name}
  */
  readonly serviceName: string;
  /**
  * Ids of static IPs to associate with the service when it is created. The local control plane has no static IPs: an empty set is accepted, any id is refused with a 400 at apply. The collection must have at most 128 items. Each item must be between 1 and 64 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#static_ips Service#static_ips}
  */
  readonly staticIps?: string[];
  /**
  * Tags of the service. The collection must have at most 25 items. Each key must be between 1 and 64 characters long. Each key must contain only letters, digits and `_ . : / = + @ -`. Each item must be at most 256 characters long. Each item must not contain control characters (such as NUL or a line break) or bidirectional text controls.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#tags Service#tags}
  */
  readonly tags?: { [key: string]: string };
  /**
  * Addresses that receive technical notifications about the service. The collection must have at most 10 items. Each item must be at most 254 characters long. Each item must be an e-mail address such as `ops@example.com`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#tech_emails Service#tech_emails}
  */
  readonly techEmails?: string[];
  /**
  * Prevents the service from being deleted. Set it to false before destroying. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#termination_protection Service#termination_protection}
  */
  readonly terminationProtection?: boolean | cdktn.IResolvable;
  /**
  * Timeouts for long operations, as durations between `1s` and `24h`. While the API does not answer (an outage, a restart), waits and the look-up of a create whose answer was lost go on until the timeout.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#timeouts Service#timeouts}
  */
  readonly timeouts?: ServiceTimeouts;
}
export interface ServiceComponents {
}

export function serviceComponentsToTerraform(struct?: ServiceComponents): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function serviceComponentsToHclTerraform(struct?: ServiceComponents): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class ServiceComponentsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceComponents | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceComponents | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // component - computed: true, optional: false, required: false
  public get component() {
    return this.getStringAttribute('component');
  }

  // connection_uri - computed: true, optional: false, required: false
  public get connectionUri() {
    return this.getStringAttribute('connection_uri');
  }

  // host - computed: true, optional: false, required: false
  public get host() {
    return this.getStringAttribute('host');
  }

  // kafka_authentication_method - computed: true, optional: false, required: false
  public get kafkaAuthenticationMethod() {
    return this.getStringAttribute('kafka_authentication_method');
  }

  // kafka_ssl_ca - computed: true, optional: false, required: false
  public get kafkaSslCa() {
    return this.getStringAttribute('kafka_ssl_ca');
  }

  // port - computed: true, optional: false, required: false
  public get port() {
    return this.getNumberAttribute('port');
  }

  // privatelink_connection_id - computed: true, optional: false, required: false
  public get privatelinkConnectionId() {
    return this.getStringAttribute('privatelink_connection_id');
  }

  // route - computed: true, optional: false, required: false
  public get route() {
    return this.getStringAttribute('route');
  }

  // ssl - computed: true, optional: false, required: false
  public get ssl() {
    return this.getBooleanAttribute('ssl');
  }

  // usage - computed: true, optional: false, required: false
  public get usage() {
    return this.getStringAttribute('usage');
  }
}

export class ServiceComponentsList extends cdktn.ComplexList {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceComponentsOutputReference {
    return new ServiceComponentsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceFlink {
}

export function serviceFlinkToTerraform(struct?: ServiceFlink): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function serviceFlinkToHclTerraform(struct?: ServiceFlink): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class ServiceFlinkOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceFlink | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceFlink | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // host_ports - computed: true, optional: false, required: false
  public get hostPorts() {
    return this.getListAttribute('host_ports');
  }
}
export interface ServiceFlinkUserConfigIpFilterObject {
  /**
  * What the range is, such as `Production service IP range`. Value must be at most 1024 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#description Service#description}
  */
  readonly description?: string;
  /**
  * CIDR range, such as `10.20.0.0/16`. Value must be at most 43 characters long. Value must be a CIDR range such as `10.0.0.0/8` or `2001:db8::/32`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#network Service#network}
  */
  readonly network: string;
}

export function serviceFlinkUserConfigIpFilterObjectToTerraform(struct?: ServiceFlinkUserConfigIpFilterObject | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    description: cdktn.stringToTerraform(struct!.description),
    network: cdktn.stringToTerraform(struct!.network),
  }
}


export function serviceFlinkUserConfigIpFilterObjectToHclTerraform(struct?: ServiceFlinkUserConfigIpFilterObject | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    description: {
      value: cdktn.stringToHclTerraform(struct!.description),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    network: {
      value: cdktn.stringToHclTerraform(struct!.network),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceFlinkUserConfigIpFilterObjectOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceFlinkUserConfigIpFilterObject | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._description !== undefined) {
      hasAnyValues = true;
      internalValueResult.description = this._description;
    }
    if (this._network !== undefined) {
      hasAnyValues = true;
      internalValueResult.network = this._network;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceFlinkUserConfigIpFilterObject | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._description = undefined;
      this._network = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._description = value.description;
      this._network = value.network;
    }
  }

  // description - computed: true, optional: true, required: false
  private _description?: string; 
  public get description() {
    return this.getStringAttribute('description');
  }
  public set description(value: string) {
    this._description = value;
  }
  public resetDescription() {
    this._description = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get descriptionInput() {
    return this._description;
  }

  // network - computed: true, optional: false, required: true
  private _network?: string; 
  public get network() {
    return this.getStringAttribute('network');
  }
  public set network(value: string) {
    this._network = value;
  }
  // Temporarily expose input value. Use with caution.
  public get networkInput() {
    return this._network;
  }
}

export class ServiceFlinkUserConfigIpFilterObjectList extends cdktn.ComplexList {
  public internalValue? : ServiceFlinkUserConfigIpFilterObject[] | cdktn.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceFlinkUserConfigIpFilterObjectOutputReference {
    return new ServiceFlinkUserConfigIpFilterObjectOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceFlinkUserConfigPrivatelinkAccess {
  /**
  * Expose Flink over private link.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#flink Service#flink}
  */
  readonly flink?: boolean | cdktn.IResolvable;
  /**
  * Expose Prometheus metrics over private link.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#prometheus Service#prometheus}
  */
  readonly prometheus?: boolean | cdktn.IResolvable;
}

export function serviceFlinkUserConfigPrivatelinkAccessToTerraform(struct?: ServiceFlinkUserConfigPrivatelinkAccess | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    flink: cdktn.booleanToTerraform(struct!.flink),
    prometheus: cdktn.booleanToTerraform(struct!.prometheus),
  }
}


export function serviceFlinkUserConfigPrivatelinkAccessToHclTerraform(struct?: ServiceFlinkUserConfigPrivatelinkAccess | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    flink: {
      value: cdktn.booleanToHclTerraform(struct!.flink),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    prometheus: {
      value: cdktn.booleanToHclTerraform(struct!.prometheus),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceFlinkUserConfigPrivatelinkAccessOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceFlinkUserConfigPrivatelinkAccess | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._flink !== undefined) {
      hasAnyValues = true;
      internalValueResult.flink = this._flink;
    }
    if (this._prometheus !== undefined) {
      hasAnyValues = true;
      internalValueResult.prometheus = this._prometheus;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceFlinkUserConfigPrivatelinkAccess | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._flink = undefined;
      this._prometheus = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._flink = value.flink;
      this._prometheus = value.prometheus;
    }
  }

  // flink - computed: true, optional: true, required: false
  private _flink?: boolean | cdktn.IResolvable; 
  public get flink() {
    return this.getBooleanAttribute('flink');
  }
  public set flink(value: boolean | cdktn.IResolvable) {
    this._flink = value;
  }
  public resetFlink() {
    this._flink = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get flinkInput() {
    return this._flink;
  }

  // prometheus - computed: true, optional: true, required: false
  private _prometheus?: boolean | cdktn.IResolvable; 
  public get prometheus() {
    return this.getBooleanAttribute('prometheus');
  }
  public set prometheus(value: boolean | cdktn.IResolvable) {
    this._prometheus = value;
  }
  public resetPrometheus() {
    this._prometheus = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get prometheusInput() {
    return this._prometheus;
  }
}
export interface ServiceFlinkUserConfigPublicAccess {
  /**
  * Expose the Flink web interface and API to the internet from a VPC service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#flink Service#flink}
  */
  readonly flink?: boolean | cdktn.IResolvable;
}

export function serviceFlinkUserConfigPublicAccessToTerraform(struct?: ServiceFlinkUserConfigPublicAccess | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    flink: cdktn.booleanToTerraform(struct!.flink),
  }
}


export function serviceFlinkUserConfigPublicAccessToHclTerraform(struct?: ServiceFlinkUserConfigPublicAccess | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    flink: {
      value: cdktn.booleanToHclTerraform(struct!.flink),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceFlinkUserConfigPublicAccessOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceFlinkUserConfigPublicAccess | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._flink !== undefined) {
      hasAnyValues = true;
      internalValueResult.flink = this._flink;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceFlinkUserConfigPublicAccess | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._flink = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._flink = value.flink;
    }
  }

  // flink - computed: true, optional: true, required: false
  private _flink?: boolean | cdktn.IResolvable; 
  public get flink() {
    return this.getBooleanAttribute('flink');
  }
  public set flink(value: boolean | cdktn.IResolvable) {
    this._flink = value;
  }
  public resetFlink() {
    this._flink = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get flinkInput() {
    return this._flink;
  }
}
export interface ServiceFlinkUserConfigRestartStrategy {
  /**
  * Factor the delay grows by after each failure, greater than 1 (`exponential-delay`). Value must be between 1 and 10.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#backoff_multiplier Service#backoff_multiplier}
  */
  readonly backoffMultiplier?: number;
  /**
  * Delay between restarts in seconds (`failure-rate`, `fixed-delay`); the initial backoff for `exponential-delay`. Value must be a whole number. Value must be between 1 and 3600.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#delay_sec Service#delay_sec}
  */
  readonly delaySec?: number;
  /**
  * Interval over which failures are counted, in minutes (`failure-rate`). Value must be a whole number. Value must be between 1 and 2880.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#failure_rate_interval_min Service#failure_rate_interval_min}
  */
  readonly failureRateIntervalMin?: number;
  /**
  * Random jitter applied to each delay (`exponential-delay`). Value must be between 0 and 1.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#jitter_factor Service#jitter_factor}
  */
  readonly jitterFactor?: number;
  /**
  * Largest delay between restarts in seconds (`exponential-delay`). Value must be a whole number. Value must be between 1 and 3600.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#max_backoff_sec Service#max_backoff_sec}
  */
  readonly maxBackoffSec?: number;
  /**
  * Failures tolerated per interval (`failure-rate`) or restart attempts (`fixed-delay`). Value must be a whole number. Value must be between 1 and 128.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#max_failures Service#max_failures}
  */
  readonly maxFailures?: number;
  /**
  * Restart strategy: `failure-rate` (the service default), `fixed-delay`, `exponential-delay` or `none`. Value must be one of `failure-rate`, `fixed-delay`, `exponential-delay`, `none`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#type Service#type}
  */
  readonly type: string;
}

export function serviceFlinkUserConfigRestartStrategyToTerraform(struct?: ServiceFlinkUserConfigRestartStrategy | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    backoff_multiplier: cdktn.numberToTerraform(struct!.backoffMultiplier),
    delay_sec: cdktn.numberToTerraform(struct!.delaySec),
    failure_rate_interval_min: cdktn.numberToTerraform(struct!.failureRateIntervalMin),
    jitter_factor: cdktn.numberToTerraform(struct!.jitterFactor),
    max_backoff_sec: cdktn.numberToTerraform(struct!.maxBackoffSec),
    max_failures: cdktn.numberToTerraform(struct!.maxFailures),
    type: cdktn.stringToTerraform(struct!.type),
  }
}


export function serviceFlinkUserConfigRestartStrategyToHclTerraform(struct?: ServiceFlinkUserConfigRestartStrategy | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    backoff_multiplier: {
      value: cdktn.numberToHclTerraform(struct!.backoffMultiplier),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    delay_sec: {
      value: cdktn.numberToHclTerraform(struct!.delaySec),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    failure_rate_interval_min: {
      value: cdktn.numberToHclTerraform(struct!.failureRateIntervalMin),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    jitter_factor: {
      value: cdktn.numberToHclTerraform(struct!.jitterFactor),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    max_backoff_sec: {
      value: cdktn.numberToHclTerraform(struct!.maxBackoffSec),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    max_failures: {
      value: cdktn.numberToHclTerraform(struct!.maxFailures),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    type: {
      value: cdktn.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceFlinkUserConfigRestartStrategyOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceFlinkUserConfigRestartStrategy | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._backoffMultiplier !== undefined) {
      hasAnyValues = true;
      internalValueResult.backoffMultiplier = this._backoffMultiplier;
    }
    if (this._delaySec !== undefined) {
      hasAnyValues = true;
      internalValueResult.delaySec = this._delaySec;
    }
    if (this._failureRateIntervalMin !== undefined) {
      hasAnyValues = true;
      internalValueResult.failureRateIntervalMin = this._failureRateIntervalMin;
    }
    if (this._jitterFactor !== undefined) {
      hasAnyValues = true;
      internalValueResult.jitterFactor = this._jitterFactor;
    }
    if (this._maxBackoffSec !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxBackoffSec = this._maxBackoffSec;
    }
    if (this._maxFailures !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxFailures = this._maxFailures;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceFlinkUserConfigRestartStrategy | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._backoffMultiplier = undefined;
      this._delaySec = undefined;
      this._failureRateIntervalMin = undefined;
      this._jitterFactor = undefined;
      this._maxBackoffSec = undefined;
      this._maxFailures = undefined;
      this._type = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._backoffMultiplier = value.backoffMultiplier;
      this._delaySec = value.delaySec;
      this._failureRateIntervalMin = value.failureRateIntervalMin;
      this._jitterFactor = value.jitterFactor;
      this._maxBackoffSec = value.maxBackoffSec;
      this._maxFailures = value.maxFailures;
      this._type = value.type;
    }
  }

  // backoff_multiplier - computed: true, optional: true, required: false
  private _backoffMultiplier?: number; 
  public get backoffMultiplier() {
    return this.getNumberAttribute('backoff_multiplier');
  }
  public set backoffMultiplier(value: number) {
    this._backoffMultiplier = value;
  }
  public resetBackoffMultiplier() {
    this._backoffMultiplier = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get backoffMultiplierInput() {
    return this._backoffMultiplier;
  }

  // delay_sec - computed: true, optional: true, required: false
  private _delaySec?: number; 
  public get delaySec() {
    return this.getNumberAttribute('delay_sec');
  }
  public set delaySec(value: number) {
    this._delaySec = value;
  }
  public resetDelaySec() {
    this._delaySec = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get delaySecInput() {
    return this._delaySec;
  }

  // failure_rate_interval_min - computed: true, optional: true, required: false
  private _failureRateIntervalMin?: number; 
  public get failureRateIntervalMin() {
    return this.getNumberAttribute('failure_rate_interval_min');
  }
  public set failureRateIntervalMin(value: number) {
    this._failureRateIntervalMin = value;
  }
  public resetFailureRateIntervalMin() {
    this._failureRateIntervalMin = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get failureRateIntervalMinInput() {
    return this._failureRateIntervalMin;
  }

  // jitter_factor - computed: true, optional: true, required: false
  private _jitterFactor?: number; 
  public get jitterFactor() {
    return this.getNumberAttribute('jitter_factor');
  }
  public set jitterFactor(value: number) {
    this._jitterFactor = value;
  }
  public resetJitterFactor() {
    this._jitterFactor = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get jitterFactorInput() {
    return this._jitterFactor;
  }

  // max_backoff_sec - computed: true, optional: true, required: false
  private _maxBackoffSec?: number; 
  public get maxBackoffSec() {
    return this.getNumberAttribute('max_backoff_sec');
  }
  public set maxBackoffSec(value: number) {
    this._maxBackoffSec = value;
  }
  public resetMaxBackoffSec() {
    this._maxBackoffSec = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxBackoffSecInput() {
    return this._maxBackoffSec;
  }

  // max_failures - computed: true, optional: true, required: false
  private _maxFailures?: number; 
  public get maxFailures() {
    return this.getNumberAttribute('max_failures');
  }
  public set maxFailures(value: number) {
    this._maxFailures = value;
  }
  public resetMaxFailures() {
    this._maxFailures = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxFailuresInput() {
    return this._maxFailures;
  }

  // type - computed: true, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}
export interface ServiceFlinkUserConfig {
  /**
  * Additional cloud region for backup replication, such as `aws-eu-central-1`. The collection must have at most 1 items. Each item must be between 1 and 256 characters long. **Deprecated**: The API no longer uses it.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#additional_backup_regions Service#additional_backup_regions}
  */
  readonly additionalBackupRegions?: string[];
  /**
  * Enables JAR applications. The API takes it only when the service is created. Changing it creates a new service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#custom_code Service#custom_code}
  */
  readonly customCode?: boolean | cdktn.IResolvable;
  /**
  * Checkpoint interval in milliseconds. Unset means the service default. Value must be a whole number. Value must be between 100 and 3600000.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#execution_checkpointing_interval_ms Service#execution_checkpointing_interval_ms}
  */
  readonly executionCheckpointingIntervalMs?: number;
  /**
  * Time a checkpoint may take before it is discarded, in milliseconds. Unset means Flink's default. Changing it restarts the cluster. Value must be a whole number. Value must be between 100 and 86400000.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#execution_checkpointing_timeout_ms Service#execution_checkpointing_timeout_ms}
  */
  readonly executionCheckpointingTimeoutMs?: number;
  /**
  * Flink major version. Changing it creates a new service (in-place upgrades are not supported). Value must be one of `1.16`, `1.19`, `1.20`. Deprecated: `1.16`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#flink_version Service#flink_version}
  */
  readonly flinkVersion?: string;
  /**
  * CIDR ranges allowed to connect. The service default allows every address. The collection must have at most 8000 items. Each item must be at most 43 characters long. Each item must be a CIDR range such as `10.0.0.0/8` or `2001:db8::/32`. Conflicts with `ip_filter_string`, `ip_filter_object`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#ip_filter Service#ip_filter}
  */
  readonly ipFilter?: string[];
  /**
  * CIDR ranges allowed to connect, each with an optional description. The collection must have at most 8000 items. Conflicts with `ip_filter`, `ip_filter_string`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#ip_filter_object Service#ip_filter_object}
  */
  readonly ipFilterObject?: ServiceFlinkUserConfigIpFilterObject[] | cdktn.IResolvable;
  /**
  * CIDR ranges allowed to connect, such as `10.20.0.0/16`. The collection must have at most 8000 items. Each item must be at most 43 characters long. Each item must be a CIDR range such as `10.0.0.0/8` or `2001:db8::/32`. Conflicts with `ip_filter`, `ip_filter_object`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#ip_filter_string Service#ip_filter_string}
  */
  readonly ipFilterString?: string[];
  /**
  * Task slots per TaskManager (one TaskManager per node); the cluster has nodes × this many slots. Changing it restarts the cluster. Value must be a whole number. Value must be between 1 and 1024.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#number_of_task_slots Service#number_of_task_slots}
  */
  readonly numberOfTaskSlots?: number;
  /**
  * Default parallelism of operators that set none. Value must be a whole number. Value must be between 1 and 128.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#parallelism_default Service#parallelism_default}
  */
  readonly parallelismDefault?: number;
  /**
  * Timeout of futures and blocking Pekko requests, in seconds (Flink's `pekko.ask.timeout`). Changing it restarts the cluster. Value must be a whole number. Value must be between 5 and 60.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#pekko_ask_timeout_s Service#pekko_ask_timeout_s}
  */
  readonly pekkoAskTimeoutS?: number;
  /**
  * Largest message exchanged between the JobManager and the TaskManagers, in bytes (Flink's `pekko.framesize`). Changing it restarts the cluster. Value must be a whole number. Value must be between 1048576 and 52428800.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#pekko_framesize_b Service#pekko_framesize_b}
  */
  readonly pekkoFramesizeB?: number;
  /**
  * Private link access.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#privatelink_access Service#privatelink_access}
  */
  readonly privatelinkAccess?: ServiceFlinkUserConfigPrivatelinkAccess;
  /**
  * Public access for a service in a VPC.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#public_access Service#public_access}
  */
  readonly publicAccess?: ServiceFlinkUserConfigPublicAccess;
  /**
  * How the cluster restarts failed jobs. Unset means the service default, `failure-rate`. Changing it restarts the cluster; running jobs restart from their latest checkpoint.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#restart_strategy Service#restart_strategy}
  */
  readonly restartStrategy?: ServiceFlinkUserConfigRestartStrategy;
  /**
  * Store the service's logs so that the API and the console show them.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#service_log Service#service_log}
  */
  readonly serviceLog?: boolean | cdktn.IResolvable;
  /**
  * Use static public IP addresses.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#static_ips Service#static_ips}
  */
  readonly staticIps?: boolean | cdktn.IResolvable;
}

export function serviceFlinkUserConfigToTerraform(struct?: ServiceFlinkUserConfig | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    additional_backup_regions: cdktn.listMapper(cdktn.stringToTerraform, false)(struct!.additionalBackupRegions),
    custom_code: cdktn.booleanToTerraform(struct!.customCode),
    execution_checkpointing_interval_ms: cdktn.numberToTerraform(struct!.executionCheckpointingIntervalMs),
    execution_checkpointing_timeout_ms: cdktn.numberToTerraform(struct!.executionCheckpointingTimeoutMs),
    flink_version: cdktn.stringToTerraform(struct!.flinkVersion),
    ip_filter: cdktn.listMapper(cdktn.stringToTerraform, false)(struct!.ipFilter),
    ip_filter_object: cdktn.listMapper(serviceFlinkUserConfigIpFilterObjectToTerraform, false)(struct!.ipFilterObject),
    ip_filter_string: cdktn.listMapper(cdktn.stringToTerraform, false)(struct!.ipFilterString),
    number_of_task_slots: cdktn.numberToTerraform(struct!.numberOfTaskSlots),
    parallelism_default: cdktn.numberToTerraform(struct!.parallelismDefault),
    pekko_ask_timeout_s: cdktn.numberToTerraform(struct!.pekkoAskTimeoutS),
    pekko_framesize_b: cdktn.numberToTerraform(struct!.pekkoFramesizeB),
    privatelink_access: serviceFlinkUserConfigPrivatelinkAccessToTerraform(struct!.privatelinkAccess),
    public_access: serviceFlinkUserConfigPublicAccessToTerraform(struct!.publicAccess),
    restart_strategy: serviceFlinkUserConfigRestartStrategyToTerraform(struct!.restartStrategy),
    service_log: cdktn.booleanToTerraform(struct!.serviceLog),
    static_ips: cdktn.booleanToTerraform(struct!.staticIps),
  }
}


export function serviceFlinkUserConfigToHclTerraform(struct?: ServiceFlinkUserConfig | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    additional_backup_regions: {
      value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(struct!.additionalBackupRegions),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    custom_code: {
      value: cdktn.booleanToHclTerraform(struct!.customCode),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    execution_checkpointing_interval_ms: {
      value: cdktn.numberToHclTerraform(struct!.executionCheckpointingIntervalMs),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    execution_checkpointing_timeout_ms: {
      value: cdktn.numberToHclTerraform(struct!.executionCheckpointingTimeoutMs),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    flink_version: {
      value: cdktn.stringToHclTerraform(struct!.flinkVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ip_filter: {
      value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(struct!.ipFilter),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
    ip_filter_object: {
      value: cdktn.listMapperHcl(serviceFlinkUserConfigIpFilterObjectToHclTerraform, false)(struct!.ipFilterObject),
      isBlock: true,
      type: "set",
      storageClassType: "ServiceFlinkUserConfigIpFilterObjectList",
    },
    ip_filter_string: {
      value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(struct!.ipFilterString),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
    number_of_task_slots: {
      value: cdktn.numberToHclTerraform(struct!.numberOfTaskSlots),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    parallelism_default: {
      value: cdktn.numberToHclTerraform(struct!.parallelismDefault),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    pekko_ask_timeout_s: {
      value: cdktn.numberToHclTerraform(struct!.pekkoAskTimeoutS),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    pekko_framesize_b: {
      value: cdktn.numberToHclTerraform(struct!.pekkoFramesizeB),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    privatelink_access: {
      value: serviceFlinkUserConfigPrivatelinkAccessToHclTerraform(struct!.privatelinkAccess),
      isBlock: true,
      type: "struct",
      storageClassType: "ServiceFlinkUserConfigPrivatelinkAccess",
    },
    public_access: {
      value: serviceFlinkUserConfigPublicAccessToHclTerraform(struct!.publicAccess),
      isBlock: true,
      type: "struct",
      storageClassType: "ServiceFlinkUserConfigPublicAccess",
    },
    restart_strategy: {
      value: serviceFlinkUserConfigRestartStrategyToHclTerraform(struct!.restartStrategy),
      isBlock: true,
      type: "struct",
      storageClassType: "ServiceFlinkUserConfigRestartStrategy",
    },
    service_log: {
      value: cdktn.booleanToHclTerraform(struct!.serviceLog),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    static_ips: {
      value: cdktn.booleanToHclTerraform(struct!.staticIps),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceFlinkUserConfigOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceFlinkUserConfig | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._additionalBackupRegions !== undefined) {
      hasAnyValues = true;
      internalValueResult.additionalBackupRegions = this._additionalBackupRegions;
    }
    if (this._customCode !== undefined) {
      hasAnyValues = true;
      internalValueResult.customCode = this._customCode;
    }
    if (this._executionCheckpointingIntervalMs !== undefined) {
      hasAnyValues = true;
      internalValueResult.executionCheckpointingIntervalMs = this._executionCheckpointingIntervalMs;
    }
    if (this._executionCheckpointingTimeoutMs !== undefined) {
      hasAnyValues = true;
      internalValueResult.executionCheckpointingTimeoutMs = this._executionCheckpointingTimeoutMs;
    }
    if (this._flinkVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.flinkVersion = this._flinkVersion;
    }
    if (this._ipFilter !== undefined) {
      hasAnyValues = true;
      internalValueResult.ipFilter = this._ipFilter;
    }
    if (this._ipFilterObject?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.ipFilterObject = this._ipFilterObject?.internalValue;
    }
    if (this._ipFilterString !== undefined) {
      hasAnyValues = true;
      internalValueResult.ipFilterString = this._ipFilterString;
    }
    if (this._numberOfTaskSlots !== undefined) {
      hasAnyValues = true;
      internalValueResult.numberOfTaskSlots = this._numberOfTaskSlots;
    }
    if (this._parallelismDefault !== undefined) {
      hasAnyValues = true;
      internalValueResult.parallelismDefault = this._parallelismDefault;
    }
    if (this._pekkoAskTimeoutS !== undefined) {
      hasAnyValues = true;
      internalValueResult.pekkoAskTimeoutS = this._pekkoAskTimeoutS;
    }
    if (this._pekkoFramesizeB !== undefined) {
      hasAnyValues = true;
      internalValueResult.pekkoFramesizeB = this._pekkoFramesizeB;
    }
    if (this._privatelinkAccess?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.privatelinkAccess = this._privatelinkAccess?.internalValue;
    }
    if (this._publicAccess?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.publicAccess = this._publicAccess?.internalValue;
    }
    if (this._restartStrategy?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.restartStrategy = this._restartStrategy?.internalValue;
    }
    if (this._serviceLog !== undefined) {
      hasAnyValues = true;
      internalValueResult.serviceLog = this._serviceLog;
    }
    if (this._staticIps !== undefined) {
      hasAnyValues = true;
      internalValueResult.staticIps = this._staticIps;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceFlinkUserConfig | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._additionalBackupRegions = undefined;
      this._customCode = undefined;
      this._executionCheckpointingIntervalMs = undefined;
      this._executionCheckpointingTimeoutMs = undefined;
      this._flinkVersion = undefined;
      this._ipFilter = undefined;
      this._ipFilterObject.internalValue = undefined;
      this._ipFilterString = undefined;
      this._numberOfTaskSlots = undefined;
      this._parallelismDefault = undefined;
      this._pekkoAskTimeoutS = undefined;
      this._pekkoFramesizeB = undefined;
      this._privatelinkAccess.internalValue = undefined;
      this._publicAccess.internalValue = undefined;
      this._restartStrategy.internalValue = undefined;
      this._serviceLog = undefined;
      this._staticIps = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._additionalBackupRegions = value.additionalBackupRegions;
      this._customCode = value.customCode;
      this._executionCheckpointingIntervalMs = value.executionCheckpointingIntervalMs;
      this._executionCheckpointingTimeoutMs = value.executionCheckpointingTimeoutMs;
      this._flinkVersion = value.flinkVersion;
      this._ipFilter = value.ipFilter;
      this._ipFilterObject.internalValue = value.ipFilterObject;
      this._ipFilterString = value.ipFilterString;
      this._numberOfTaskSlots = value.numberOfTaskSlots;
      this._parallelismDefault = value.parallelismDefault;
      this._pekkoAskTimeoutS = value.pekkoAskTimeoutS;
      this._pekkoFramesizeB = value.pekkoFramesizeB;
      this._privatelinkAccess.internalValue = value.privatelinkAccess;
      this._publicAccess.internalValue = value.publicAccess;
      this._restartStrategy.internalValue = value.restartStrategy;
      this._serviceLog = value.serviceLog;
      this._staticIps = value.staticIps;
    }
  }

  // additional_backup_regions - computed: true, optional: true, required: false
  private _additionalBackupRegions?: string[]; 
  public get additionalBackupRegions() {
    return this.getListAttribute('additional_backup_regions');
  }
  public set additionalBackupRegions(value: string[]) {
    this._additionalBackupRegions = value;
  }
  public resetAdditionalBackupRegions() {
    this._additionalBackupRegions = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get additionalBackupRegionsInput() {
    return this._additionalBackupRegions;
  }

  // custom_code - computed: true, optional: true, required: false
  private _customCode?: boolean | cdktn.IResolvable; 
  public get customCode() {
    return this.getBooleanAttribute('custom_code');
  }
  public set customCode(value: boolean | cdktn.IResolvable) {
    this._customCode = value;
  }
  public resetCustomCode() {
    this._customCode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get customCodeInput() {
    return this._customCode;
  }

  // execution_checkpointing_interval_ms - computed: true, optional: true, required: false
  private _executionCheckpointingIntervalMs?: number; 
  public get executionCheckpointingIntervalMs() {
    return this.getNumberAttribute('execution_checkpointing_interval_ms');
  }
  public set executionCheckpointingIntervalMs(value: number) {
    this._executionCheckpointingIntervalMs = value;
  }
  public resetExecutionCheckpointingIntervalMs() {
    this._executionCheckpointingIntervalMs = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get executionCheckpointingIntervalMsInput() {
    return this._executionCheckpointingIntervalMs;
  }

  // execution_checkpointing_timeout_ms - computed: true, optional: true, required: false
  private _executionCheckpointingTimeoutMs?: number; 
  public get executionCheckpointingTimeoutMs() {
    return this.getNumberAttribute('execution_checkpointing_timeout_ms');
  }
  public set executionCheckpointingTimeoutMs(value: number) {
    this._executionCheckpointingTimeoutMs = value;
  }
  public resetExecutionCheckpointingTimeoutMs() {
    this._executionCheckpointingTimeoutMs = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get executionCheckpointingTimeoutMsInput() {
    return this._executionCheckpointingTimeoutMs;
  }

  // flink_version - computed: true, optional: true, required: false
  private _flinkVersion?: string; 
  public get flinkVersion() {
    return this.getStringAttribute('flink_version');
  }
  public set flinkVersion(value: string) {
    this._flinkVersion = value;
  }
  public resetFlinkVersion() {
    this._flinkVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get flinkVersionInput() {
    return this._flinkVersion;
  }

  // ip_filter - computed: true, optional: true, required: false
  private _ipFilter?: string[]; 
  public get ipFilter() {
    return cdktn.Fn.tolist(this.getListAttribute('ip_filter'));
  }
  public set ipFilter(value: string[]) {
    this._ipFilter = value;
  }
  public resetIpFilter() {
    this._ipFilter = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ipFilterInput() {
    return this._ipFilter;
  }

  // ip_filter_object - computed: true, optional: true, required: false
  private _ipFilterObject = new ServiceFlinkUserConfigIpFilterObjectList(this, "ip_filter_object", true);
  public get ipFilterObject() {
    return this._ipFilterObject;
  }
  public putIpFilterObject(value: ServiceFlinkUserConfigIpFilterObject[] | cdktn.IResolvable) {
    this._ipFilterObject.internalValue = value;
  }
  public resetIpFilterObject() {
    this._ipFilterObject.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ipFilterObjectInput() {
    return this._ipFilterObject.internalValue;
  }

  // ip_filter_string - computed: true, optional: true, required: false
  private _ipFilterString?: string[]; 
  public get ipFilterString() {
    return cdktn.Fn.tolist(this.getListAttribute('ip_filter_string'));
  }
  public set ipFilterString(value: string[]) {
    this._ipFilterString = value;
  }
  public resetIpFilterString() {
    this._ipFilterString = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ipFilterStringInput() {
    return this._ipFilterString;
  }

  // number_of_task_slots - computed: true, optional: true, required: false
  private _numberOfTaskSlots?: number; 
  public get numberOfTaskSlots() {
    return this.getNumberAttribute('number_of_task_slots');
  }
  public set numberOfTaskSlots(value: number) {
    this._numberOfTaskSlots = value;
  }
  public resetNumberOfTaskSlots() {
    this._numberOfTaskSlots = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get numberOfTaskSlotsInput() {
    return this._numberOfTaskSlots;
  }

  // parallelism_default - computed: true, optional: true, required: false
  private _parallelismDefault?: number; 
  public get parallelismDefault() {
    return this.getNumberAttribute('parallelism_default');
  }
  public set parallelismDefault(value: number) {
    this._parallelismDefault = value;
  }
  public resetParallelismDefault() {
    this._parallelismDefault = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get parallelismDefaultInput() {
    return this._parallelismDefault;
  }

  // pekko_ask_timeout_s - computed: true, optional: true, required: false
  private _pekkoAskTimeoutS?: number; 
  public get pekkoAskTimeoutS() {
    return this.getNumberAttribute('pekko_ask_timeout_s');
  }
  public set pekkoAskTimeoutS(value: number) {
    this._pekkoAskTimeoutS = value;
  }
  public resetPekkoAskTimeoutS() {
    this._pekkoAskTimeoutS = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pekkoAskTimeoutSInput() {
    return this._pekkoAskTimeoutS;
  }

  // pekko_framesize_b - computed: true, optional: true, required: false
  private _pekkoFramesizeB?: number; 
  public get pekkoFramesizeB() {
    return this.getNumberAttribute('pekko_framesize_b');
  }
  public set pekkoFramesizeB(value: number) {
    this._pekkoFramesizeB = value;
  }
  public resetPekkoFramesizeB() {
    this._pekkoFramesizeB = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pekkoFramesizeBInput() {
    return this._pekkoFramesizeB;
  }

  // privatelink_access - computed: true, optional: true, required: false
  private _privatelinkAccess = new ServiceFlinkUserConfigPrivatelinkAccessOutputReference(this, "privatelink_access");
  public get privatelinkAccess() {
    return this._privatelinkAccess;
  }
  public putPrivatelinkAccess(value: ServiceFlinkUserConfigPrivatelinkAccess) {
    this._privatelinkAccess.internalValue = value;
  }
  public resetPrivatelinkAccess() {
    this._privatelinkAccess.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get privatelinkAccessInput() {
    return this._privatelinkAccess.internalValue;
  }

  // public_access - computed: true, optional: true, required: false
  private _publicAccess = new ServiceFlinkUserConfigPublicAccessOutputReference(this, "public_access");
  public get publicAccess() {
    return this._publicAccess;
  }
  public putPublicAccess(value: ServiceFlinkUserConfigPublicAccess) {
    this._publicAccess.internalValue = value;
  }
  public resetPublicAccess() {
    this._publicAccess.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get publicAccessInput() {
    return this._publicAccess.internalValue;
  }

  // restart_strategy - computed: true, optional: true, required: false
  private _restartStrategy = new ServiceFlinkUserConfigRestartStrategyOutputReference(this, "restart_strategy");
  public get restartStrategy() {
    return this._restartStrategy;
  }
  public putRestartStrategy(value: ServiceFlinkUserConfigRestartStrategy) {
    this._restartStrategy.internalValue = value;
  }
  public resetRestartStrategy() {
    this._restartStrategy.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get restartStrategyInput() {
    return this._restartStrategy.internalValue;
  }

  // service_log - computed: true, optional: true, required: false
  private _serviceLog?: boolean | cdktn.IResolvable; 
  public get serviceLog() {
    return this.getBooleanAttribute('service_log');
  }
  public set serviceLog(value: boolean | cdktn.IResolvable) {
    this._serviceLog = value;
  }
  public resetServiceLog() {
    this._serviceLog = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serviceLogInput() {
    return this._serviceLog;
  }

  // static_ips - computed: true, optional: true, required: false
  private _staticIps?: boolean | cdktn.IResolvable; 
  public get staticIps() {
    return this.getBooleanAttribute('static_ips');
  }
  public set staticIps(value: boolean | cdktn.IResolvable) {
    this._staticIps = value;
  }
  public resetStaticIps() {
    this._staticIps = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get staticIpsInput() {
    return this._staticIps;
  }
}
export interface ServiceServiceIntegrations {
  /**
  * Type of the integration. Value must be at most 64 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#integration_type Service#integration_type}
  */
  readonly integrationType: string;
  /**
  * Service the integration reads from. Value must be at most 64 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#source_service_name Service#source_service_name}
  */
  readonly sourceServiceName: string;
}

export function serviceServiceIntegrationsToTerraform(struct?: ServiceServiceIntegrations | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    integration_type: cdktn.stringToTerraform(struct!.integrationType),
    source_service_name: cdktn.stringToTerraform(struct!.sourceServiceName),
  }
}


export function serviceServiceIntegrationsToHclTerraform(struct?: ServiceServiceIntegrations | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    integration_type: {
      value: cdktn.stringToHclTerraform(struct!.integrationType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    source_service_name: {
      value: cdktn.stringToHclTerraform(struct!.sourceServiceName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceServiceIntegrationsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceServiceIntegrations | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._integrationType !== undefined) {
      hasAnyValues = true;
      internalValueResult.integrationType = this._integrationType;
    }
    if (this._sourceServiceName !== undefined) {
      hasAnyValues = true;
      internalValueResult.sourceServiceName = this._sourceServiceName;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceServiceIntegrations | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._integrationType = undefined;
      this._sourceServiceName = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._integrationType = value.integrationType;
      this._sourceServiceName = value.sourceServiceName;
    }
  }

  // integration_type - computed: true, optional: false, required: true
  private _integrationType?: string; 
  public get integrationType() {
    return this.getStringAttribute('integration_type');
  }
  public set integrationType(value: string) {
    this._integrationType = value;
  }
  // Temporarily expose input value. Use with caution.
  public get integrationTypeInput() {
    return this._integrationType;
  }

  // source_service_name - computed: true, optional: false, required: true
  private _sourceServiceName?: string; 
  public get sourceServiceName() {
    return this.getStringAttribute('source_service_name');
  }
  public set sourceServiceName(value: string) {
    this._sourceServiceName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceServiceNameInput() {
    return this._sourceServiceName;
  }
}

export class ServiceServiceIntegrationsList extends cdktn.ComplexList {
  public internalValue? : ServiceServiceIntegrations[] | cdktn.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceServiceIntegrationsOutputReference {
    return new ServiceServiceIntegrationsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceTimeouts {
  /**
  * How long to wait for create (default `20m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#create Service#create}
  */
  readonly create?: string;
  /**
  * How long to wait for delete (default `20m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#delete Service#delete}
  */
  readonly delete?: string;
  /**
  * How long to wait for read (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#read Service#read}
  */
  readonly read?: string;
  /**
  * How long to wait for update (default `20m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#update Service#update}
  */
  readonly update?: string;
}

export function serviceTimeoutsToTerraform(struct?: ServiceTimeouts | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    create: cdktn.stringToTerraform(struct!.create),
    delete: cdktn.stringToTerraform(struct!.delete),
    read: cdktn.stringToTerraform(struct!.read),
    update: cdktn.stringToTerraform(struct!.update),
  }
}


export function serviceTimeoutsToHclTerraform(struct?: ServiceTimeouts | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    create: {
      value: cdktn.stringToHclTerraform(struct!.create),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    delete: {
      value: cdktn.stringToHclTerraform(struct!.delete),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    read: {
      value: cdktn.stringToHclTerraform(struct!.read),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    update: {
      value: cdktn.stringToHclTerraform(struct!.update),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceTimeoutsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceTimeouts | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._create !== undefined) {
      hasAnyValues = true;
      internalValueResult.create = this._create;
    }
    if (this._delete !== undefined) {
      hasAnyValues = true;
      internalValueResult.delete = this._delete;
    }
    if (this._read !== undefined) {
      hasAnyValues = true;
      internalValueResult.read = this._read;
    }
    if (this._update !== undefined) {
      hasAnyValues = true;
      internalValueResult.update = this._update;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceTimeouts | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._create = undefined;
      this._delete = undefined;
      this._read = undefined;
      this._update = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._create = value.create;
      this._delete = value.delete;
      this._read = value.read;
      this._update = value.update;
    }
  }

  // create - computed: false, optional: true, required: false
  private _create?: string; 
  public get create() {
    return this.getStringAttribute('create');
  }
  public set create(value: string) {
    this._create = value;
  }
  public resetCreate() {
    this._create = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get createInput() {
    return this._create;
  }

  // delete - computed: false, optional: true, required: false
  private _delete?: string; 
  public get delete() {
    return this.getStringAttribute('delete');
  }
  public set delete(value: string) {
    this._delete = value;
  }
  public resetDelete() {
    this._delete = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteInput() {
    return this._delete;
  }

  // read - computed: false, optional: true, required: false
  private _read?: string; 
  public get read() {
    return this.getStringAttribute('read');
  }
  public set read(value: string) {
    this._read = value;
  }
  public resetRead() {
    this._read = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readInput() {
    return this._read;
  }

  // update - computed: false, optional: true, required: false
  private _update?: string; 
  public get update() {
    return this.getStringAttribute('update');
  }
  public set update(value: string) {
    this._update = value;
  }
  public resetUpdate() {
    this._update = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get updateInput() {
    return this._update;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service flink_service}
*/
export class Service extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "flink_service";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Service resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Service to import
  * @param importFromId The id of the existing Service that should be imported. Refer to the {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Service to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "flink_service", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service flink_service} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ServiceConfig
  */
  public constructor(scope: Construct, id: string, config: ServiceConfig) {
    super(scope, id, {
      terraformResourceType: 'flink_service',
      terraformGeneratorMetadata: {
        providerName: 'flink'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._additionalDiskSpace = config.additionalDiskSpace;
    this._cloudName = config.cloudName;
    this._flinkUserConfig.internalValue = config.flinkUserConfig;
    this._forceDestroy = config.forceDestroy;
    this._maintenanceWindowDow = config.maintenanceWindowDow;
    this._maintenanceWindowTime = config.maintenanceWindowTime;
    this._plan = config.plan;
    this._powered = config.powered;
    this._project = config.project;
    this._projectVpcId = config.projectVpcId;
    this._serviceIntegrations.internalValue = config.serviceIntegrations;
    this._serviceName = config.serviceName;
    this._staticIps = config.staticIps;
    this._tags = config.tags;
    this._techEmails = config.techEmails;
    this._terminationProtection = config.terminationProtection;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // additional_disk_space - computed: true, optional: true, required: false
  private _additionalDiskSpace?: string; 
  public get additionalDiskSpace() {
    return this.getStringAttribute('additional_disk_space');
  }
  public set additionalDiskSpace(value: string) {
    this._additionalDiskSpace = value;
  }
  public resetAdditionalDiskSpace() {
    this._additionalDiskSpace = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get additionalDiskSpaceInput() {
    return this._additionalDiskSpace;
  }

  // cloud_name - computed: true, optional: true, required: false
  private _cloudName?: string; 
  public get cloudName() {
    return this.getStringAttribute('cloud_name');
  }
  public set cloudName(value: string) {
    this._cloudName = value;
  }
  public resetCloudName() {
    this._cloudName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cloudNameInput() {
    return this._cloudName;
  }

  // components - computed: true, optional: false, required: false
  private _components = new ServiceComponentsList(this, "components", false);
  public get components() {
    return this._components;
  }

  // disk_space_cap - computed: true, optional: false, required: false
  public get diskSpaceCap() {
    return this.getStringAttribute('disk_space_cap');
  }

  // disk_space_default - computed: true, optional: false, required: false
  public get diskSpaceDefault() {
    return this.getStringAttribute('disk_space_default');
  }

  // disk_space_step - computed: true, optional: false, required: false
  public get diskSpaceStep() {
    return this.getStringAttribute('disk_space_step');
  }

  // disk_space_used - computed: true, optional: false, required: false
  public get diskSpaceUsed() {
    return this.getStringAttribute('disk_space_used');
  }

  // flink - computed: true, optional: false, required: false
  private _flink = new ServiceFlinkOutputReference(this, "flink");
  public get flink() {
    return this._flink;
  }

  // flink_user_config - computed: true, optional: true, required: false
  private _flinkUserConfig = new ServiceFlinkUserConfigOutputReference(this, "flink_user_config");
  public get flinkUserConfig() {
    return this._flinkUserConfig;
  }
  public putFlinkUserConfig(value: ServiceFlinkUserConfig) {
    this._flinkUserConfig.internalValue = value;
  }
  public resetFlinkUserConfig() {
    this._flinkUserConfig.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get flinkUserConfigInput() {
    return this._flinkUserConfig.internalValue;
  }

  // force_destroy - computed: true, optional: true, required: false
  private _forceDestroy?: boolean | cdktn.IResolvable; 
  public get forceDestroy() {
    return this.getBooleanAttribute('force_destroy');
  }
  public set forceDestroy(value: boolean | cdktn.IResolvable) {
    this._forceDestroy = value;
  }
  public resetForceDestroy() {
    this._forceDestroy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forceDestroyInput() {
    return this._forceDestroy;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // maintenance_window_dow - computed: true, optional: true, required: false
  private _maintenanceWindowDow?: string; 
  public get maintenanceWindowDow() {
    return this.getStringAttribute('maintenance_window_dow');
  }
  public set maintenanceWindowDow(value: string) {
    this._maintenanceWindowDow = value;
  }
  public resetMaintenanceWindowDow() {
    this._maintenanceWindowDow = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maintenanceWindowDowInput() {
    return this._maintenanceWindowDow;
  }

  // maintenance_window_enabled - computed: true, optional: false, required: false
  public get maintenanceWindowEnabled() {
    return this.getBooleanAttribute('maintenance_window_enabled');
  }

  // maintenance_window_time - computed: true, optional: true, required: false
  private _maintenanceWindowTime?: string; 
  public get maintenanceWindowTime() {
    return this.getStringAttribute('maintenance_window_time');
  }
  public set maintenanceWindowTime(value: string) {
    this._maintenanceWindowTime = value;
  }
  public resetMaintenanceWindowTime() {
    this._maintenanceWindowTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maintenanceWindowTimeInput() {
    return this._maintenanceWindowTime;
  }

  // node_count - computed: true, optional: false, required: false
  public get nodeCount() {
    return this.getNumberAttribute('node_count');
  }

  // plan - computed: false, optional: false, required: true
  private _plan?: string; 
  public get plan() {
    return this.getStringAttribute('plan');
  }
  public set plan(value: string) {
    this._plan = value;
  }
  // Temporarily expose input value. Use with caution.
  public get planInput() {
    return this._plan;
  }

  // powered - computed: true, optional: true, required: false
  private _powered?: boolean | cdktn.IResolvable; 
  public get powered() {
    return this.getBooleanAttribute('powered');
  }
  public set powered(value: boolean | cdktn.IResolvable) {
    this._powered = value;
  }
  public resetPowered() {
    this._powered = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get poweredInput() {
    return this._powered;
  }

  // project - computed: false, optional: false, required: true
  private _project?: string; 
  public get project() {
    return this.getStringAttribute('project');
  }
  public set project(value: string) {
    this._project = value;
  }
  // Temporarily expose input value. Use with caution.
  public get projectInput() {
    return this._project;
  }

  // project_vpc_id - computed: false, optional: true, required: false
  private _projectVpcId?: string; 
  public get projectVpcId() {
    return this.getStringAttribute('project_vpc_id');
  }
  public set projectVpcId(value: string) {
    this._projectVpcId = value;
  }
  public resetProjectVpcId() {
    this._projectVpcId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get projectVpcIdInput() {
    return this._projectVpcId;
  }

  // service_host - computed: true, optional: false, required: false
  public get serviceHost() {
    return this.getStringAttribute('service_host');
  }

  // service_integrations - computed: true, optional: true, required: false
  private _serviceIntegrations = new ServiceServiceIntegrationsList(this, "service_integrations", true);
  public get serviceIntegrations() {
    return this._serviceIntegrations;
  }
  public putServiceIntegrations(value: ServiceServiceIntegrations[] | cdktn.IResolvable) {
    this._serviceIntegrations.internalValue = value;
  }
  public resetServiceIntegrations() {
    this._serviceIntegrations.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serviceIntegrationsInput() {
    return this._serviceIntegrations.internalValue;
  }

  // service_name - computed: false, optional: false, required: true
  private _serviceName?: string; 
  public get serviceName() {
    return this.getStringAttribute('service_name');
  }
  public set serviceName(value: string) {
    this._serviceName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get serviceNameInput() {
    return this._serviceName;
  }

  // service_password - computed: true, optional: false, required: false
  public get servicePassword() {
    return this.getStringAttribute('service_password');
  }

  // service_port - computed: true, optional: false, required: false
  public get servicePort() {
    return this.getNumberAttribute('service_port');
  }

  // service_type - computed: true, optional: false, required: false
  public get serviceType() {
    return this.getStringAttribute('service_type');
  }

  // service_uri - computed: true, optional: false, required: false
  public get serviceUri() {
    return this.getStringAttribute('service_uri');
  }

  // service_username - computed: true, optional: false, required: false
  public get serviceUsername() {
    return this.getStringAttribute('service_username');
  }

  // state - computed: true, optional: false, required: false
  public get state() {
    return this.getStringAttribute('state');
  }

  // static_ips - computed: true, optional: true, required: false
  private _staticIps?: string[]; 
  public get staticIps() {
    return cdktn.Fn.tolist(this.getListAttribute('static_ips'));
  }
  public set staticIps(value: string[]) {
    this._staticIps = value;
  }
  public resetStaticIps() {
    this._staticIps = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get staticIpsInput() {
    return this._staticIps;
  }

  // tags - computed: false, optional: true, required: false
  private _tags?: { [key: string]: string }; 
  public get tags() {
    return this.getStringMapAttribute('tags');
  }
  public set tags(value: { [key: string]: string }) {
    this._tags = value;
  }
  public resetTags() {
    this._tags = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tagsInput() {
    return this._tags;
  }

  // task_slots_total - computed: true, optional: false, required: false
  public get taskSlotsTotal() {
    return this.getNumberAttribute('task_slots_total');
  }

  // tech_emails - computed: false, optional: true, required: false
  private _techEmails?: string[]; 
  public get techEmails() {
    return cdktn.Fn.tolist(this.getListAttribute('tech_emails'));
  }
  public set techEmails(value: string[]) {
    this._techEmails = value;
  }
  public resetTechEmails() {
    this._techEmails = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get techEmailsInput() {
    return this._techEmails;
  }

  // termination_protection - computed: true, optional: true, required: false
  private _terminationProtection?: boolean | cdktn.IResolvable; 
  public get terminationProtection() {
    return this.getBooleanAttribute('termination_protection');
  }
  public set terminationProtection(value: boolean | cdktn.IResolvable) {
    this._terminationProtection = value;
  }
  public resetTerminationProtection() {
    this._terminationProtection = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get terminationProtectionInput() {
    return this._terminationProtection;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new ServiceTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: ServiceTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      additional_disk_space: cdktn.stringToTerraform(this._additionalDiskSpace),
      cloud_name: cdktn.stringToTerraform(this._cloudName),
      flink_user_config: serviceFlinkUserConfigToTerraform(this._flinkUserConfig.internalValue),
      force_destroy: cdktn.booleanToTerraform(this._forceDestroy),
      maintenance_window_dow: cdktn.stringToTerraform(this._maintenanceWindowDow),
      maintenance_window_time: cdktn.stringToTerraform(this._maintenanceWindowTime),
      plan: cdktn.stringToTerraform(this._plan),
      powered: cdktn.booleanToTerraform(this._powered),
      project: cdktn.stringToTerraform(this._project),
      project_vpc_id: cdktn.stringToTerraform(this._projectVpcId),
      service_integrations: cdktn.listMapper(serviceServiceIntegrationsToTerraform, false)(this._serviceIntegrations.internalValue),
      service_name: cdktn.stringToTerraform(this._serviceName),
      static_ips: cdktn.listMapper(cdktn.stringToTerraform, false)(this._staticIps),
      tags: cdktn.hashMapper(cdktn.stringToTerraform)(this._tags),
      tech_emails: cdktn.listMapper(cdktn.stringToTerraform, false)(this._techEmails),
      termination_protection: cdktn.booleanToTerraform(this._terminationProtection),
      timeouts: serviceTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      additional_disk_space: {
        value: cdktn.stringToHclTerraform(this._additionalDiskSpace),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cloud_name: {
        value: cdktn.stringToHclTerraform(this._cloudName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      flink_user_config: {
        value: serviceFlinkUserConfigToHclTerraform(this._flinkUserConfig.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceFlinkUserConfig",
      },
      force_destroy: {
        value: cdktn.booleanToHclTerraform(this._forceDestroy),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      maintenance_window_dow: {
        value: cdktn.stringToHclTerraform(this._maintenanceWindowDow),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      maintenance_window_time: {
        value: cdktn.stringToHclTerraform(this._maintenanceWindowTime),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      plan: {
        value: cdktn.stringToHclTerraform(this._plan),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      powered: {
        value: cdktn.booleanToHclTerraform(this._powered),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      project: {
        value: cdktn.stringToHclTerraform(this._project),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      project_vpc_id: {
        value: cdktn.stringToHclTerraform(this._projectVpcId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      service_integrations: {
        value: cdktn.listMapperHcl(serviceServiceIntegrationsToHclTerraform, false)(this._serviceIntegrations.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceServiceIntegrationsList",
      },
      service_name: {
        value: cdktn.stringToHclTerraform(this._serviceName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      static_ips: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._staticIps),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      tags: {
        value: cdktn.hashMapperHcl(cdktn.stringToHclTerraform)(this._tags),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      tech_emails: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._techEmails),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      termination_protection: {
        value: cdktn.booleanToHclTerraform(this._terminationProtection),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      timeouts: {
        value: serviceTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
