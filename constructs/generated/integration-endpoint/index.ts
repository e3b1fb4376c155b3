// generated — do not edit. Source: schemas/generated/provider-schema.json; run `npm run generate`.
// https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface IntegrationEndpointConfig extends cdktn.TerraformMetaArguments {
  /**
  * Name of the endpoint. Changing it creates a new endpoint. Value must be between 1 and 40 characters long. Value must not contain control characters (such as NUL or a line break) or bidirectional text controls.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#endpoint_name IntegrationEndpoint#endpoint_name}
  */
  readonly endpointName: string;
  /**
  * Kind of endpoint. Changing it creates a new endpoint. Value must be one of `external_kafka`, `external_postgresql`, `external_schema_registry`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#endpoint_type IntegrationEndpoint#endpoint_type}
  */
  readonly endpointType: string;
  /**
  * Connection to an external Kafka cluster. Set it when `endpoint_type` is `external_kafka`. Conflicts with `external_postgresql`, `external_schema_registry`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#external_kafka IntegrationEndpoint#external_kafka}
  */
  readonly externalKafka?: IntegrationEndpointExternalKafka;
  /**
  * Connection to an external PostgreSQL database. Set it when `endpoint_type` is `external_postgresql`. Conflicts with `external_kafka`, `external_schema_registry`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#external_postgresql IntegrationEndpoint#external_postgresql}
  */
  readonly externalPostgresql?: IntegrationEndpointExternalPostgresql;
  /**
  * Connection to an external Confluent-compatible Schema Registry (such as Karapace). Set it when `endpoint_type` is `external_schema_registry`. Flink tables name the registry in their format options (`'avro-confluent.url'`); no integration type connects it. Conflicts with `external_kafka`, `external_postgresql`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#external_schema_registry IntegrationEndpoint#external_schema_registry}
  */
  readonly externalSchemaRegistry?: IntegrationEndpointExternalSchemaRegistry;
  /**
  * Name of the project the service belongs to. Changing it creates a new resource. Value must be at most 63 characters long. Value must contain only letters, digits, `_` and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#project IntegrationEndpoint#project}
  */
  readonly project: string;
  /**
  * Timeouts for long operations, as durations between `1s` and `24h`. While the API does not answer (an outage, a restart), waits and the look-up of a create whose answer was lost go on until the timeout.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#timeouts IntegrationEndpoint#timeouts}
  */
  readonly timeouts?: IntegrationEndpointTimeouts;
}
export interface IntegrationEndpointExternalKafka {
  /**
  * Bootstrap servers, `host:port` separated by commas. Value must be between 3 and 256 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#bootstrap_servers IntegrationEndpoint#bootstrap_servers}
  */
  readonly bootstrapServers: string;
  /**
  * SASL mechanism, for the SASL protocols. Value must be one of `PLAIN`, `SCRAM-SHA-256`, `SCRAM-SHA-512`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#sasl_mechanism IntegrationEndpoint#sasl_mechanism}
  */
  readonly saslMechanism?: string;
  /**
  * SASL password. Value must be at most 256 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#sasl_plain_password IntegrationEndpoint#sasl_plain_password}
  */
  readonly saslPlainPassword?: string;
  /**
  * SASL username. Value must be at most 256 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#sasl_plain_username IntegrationEndpoint#sasl_plain_username}
  */
  readonly saslPlainUsername?: string;
  /**
  * Security protocol. Value must be one of `PLAINTEXT`, `SSL`, `SASL_PLAINTEXT`, `SASL_SSL`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#security_protocol IntegrationEndpoint#security_protocol}
  */
  readonly securityProtocol: string;
  /**
  * PEM-encoded CA certificate to verify the brokers. Value must be at most 16384 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#ssl_ca_cert IntegrationEndpoint#ssl_ca_cert}
  */
  readonly sslCaCert?: string;
  /**
  * PEM-encoded client certificate. Value must be at most 16384 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#ssl_client_cert IntegrationEndpoint#ssl_client_cert}
  */
  readonly sslClientCert?: string;
  /**
  * PEM-encoded client key. Value must be at most 16384 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#ssl_client_key IntegrationEndpoint#ssl_client_key}
  */
  readonly sslClientKey?: string;
  /**
  * Set to `https` to verify the broker host name. Value must be one of `https`, ``.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#ssl_endpoint_identification_algorithm IntegrationEndpoint#ssl_endpoint_identification_algorithm}
  */
  readonly sslEndpointIdentificationAlgorithm?: string;
}

export function integrationEndpointExternalKafkaToTerraform(struct?: IntegrationEndpointExternalKafka | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    bootstrap_servers: cdktn.stringToTerraform(struct!.bootstrapServers),
    sasl_mechanism: cdktn.stringToTerraform(struct!.saslMechanism),
    sasl_plain_password: cdktn.stringToTerraform(struct!.saslPlainPassword),
    sasl_plain_username: cdktn.stringToTerraform(struct!.saslPlainUsername),
    security_protocol: cdktn.stringToTerraform(struct!.securityProtocol),
    ssl_ca_cert: cdktn.stringToTerraform(struct!.sslCaCert),
    ssl_client_cert: cdktn.stringToTerraform(struct!.sslClientCert),
    ssl_client_key: cdktn.stringToTerraform(struct!.sslClientKey),
    ssl_endpoint_identification_algorithm: cdktn.stringToTerraform(struct!.sslEndpointIdentificationAlgorithm),
  }
}


export function integrationEndpointExternalKafkaToHclTerraform(struct?: IntegrationEndpointExternalKafka | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    bootstrap_servers: {
      value: cdktn.stringToHclTerraform(struct!.bootstrapServers),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    sasl_mechanism: {
      value: cdktn.stringToHclTerraform(struct!.saslMechanism),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    sasl_plain_password: {
      value: cdktn.stringToHclTerraform(struct!.saslPlainPassword),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    sasl_plain_username: {
      value: cdktn.stringToHclTerraform(struct!.saslPlainUsername),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    security_protocol: {
      value: cdktn.stringToHclTerraform(struct!.securityProtocol),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_ca_cert: {
      value: cdktn.stringToHclTerraform(struct!.sslCaCert),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_client_cert: {
      value: cdktn.stringToHclTerraform(struct!.sslClientCert),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_client_key: {
      value: cdktn.stringToHclTerraform(struct!.sslClientKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_endpoint_identification_algorithm: {
      value: cdktn.stringToHclTerraform(struct!.sslEndpointIdentificationAlgorithm),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class IntegrationEndpointExternalKafkaOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): IntegrationEndpointExternalKafka | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._bootstrapServers !== undefined) {
      hasAnyValues = true;
      internalValueResult.bootstrapServers = this._bootstrapServers;
    }
    if (this._saslMechanism !== undefined) {
      hasAnyValues = true;
      internalValueResult.saslMechanism = this._saslMechanism;
    }
    if (this._saslPlainPassword !== undefined) {
      hasAnyValues = true;
      internalValueResult.saslPlainPassword = this._saslPlainPassword;
    }
    if (this._saslPlainUsername !== undefined) {
      hasAnyValues = true;
      internalValueResult.saslPlainUsername = this._saslPlainUsername;
    }
    if (this._securityProtocol !== undefined) {
      hasAnyValues = true;
      internalValueResult.securityProtocol = this._securityProtocol;
    }
    if (this._sslCaCert !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslCaCert = this._sslCaCert;
    }
    if (this._sslClientCert !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslClientCert = this._sslClientCert;
    }
    if (this._sslClientKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslClientKey = this._sslClientKey;
    }
    if (this._sslEndpointIdentificationAlgorithm !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslEndpointIdentificationAlgorithm = this._sslEndpointIdentificationAlgorithm;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: IntegrationEndpointExternalKafka | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._bootstrapServers = undefined;
      this._saslMechanism = undefined;
      this._saslPlainPassword = undefined;
      this._saslPlainUsername = undefined;
      this._securityProtocol = undefined;
      this._sslCaCert = undefined;
      this._sslClientCert = undefined;
      this._sslClientKey = undefined;
      this._sslEndpointIdentificationAlgorithm = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._bootstrapServers = value.bootstrapServers;
      this._saslMechanism = value.saslMechanism;
      this._saslPlainPassword = value.saslPlainPassword;
      this._saslPlainUsername = value.saslPlainUsername;
      this._securityProtocol = value.securityProtocol;
      this._sslCaCert = value.sslCaCert;
      this._sslClientCert = value.sslClientCert;
      this._sslClientKey = value.sslClientKey;
      this._sslEndpointIdentificationAlgorithm = value.sslEndpointIdentificationAlgorithm;
    }
  }

  // bootstrap_servers - computed: false, optional: false, required: true
  private _bootstrapServers?: string; 
  public get bootstrapServers() {
    return this.getStringAttribute('bootstrap_servers');
  }
  public set bootstrapServers(value: string) {
    this._bootstrapServers = value;
  }
  // Temporarily expose input value. Use with caution.
  public get bootstrapServersInput() {
    return this._bootstrapServers;
  }

  // sasl_mechanism - computed: false, optional: true, required: false
  private _saslMechanism?: string; 
  public get saslMechanism() {
    return this.getStringAttribute('sasl_mechanism');
  }
  public set saslMechanism(value: string) {
    this._saslMechanism = value;
  }
  public resetSaslMechanism() {
    this._saslMechanism = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get saslMechanismInput() {
    return this._saslMechanism;
  }

  // sasl_plain_password - computed: false, optional: true, required: false
  private _saslPlainPassword?: string; 
  public get saslPlainPassword() {
    return this.getStringAttribute('sasl_plain_password');
  }
  public set saslPlainPassword(value: string) {
    this._saslPlainPassword = value;
  }
  public resetSaslPlainPassword() {
    this._saslPlainPassword = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get saslPlainPasswordInput() {
    return this._saslPlainPassword;
  }

  // sasl_plain_username - computed: false, optional: true, required: false
  private _saslPlainUsername?: string; 
  public get saslPlainUsername() {
    return this.getStringAttribute('sasl_plain_username');
  }
  public set saslPlainUsername(value: string) {
    this._saslPlainUsername = value;
  }
  public resetSaslPlainUsername() {
    this._saslPlainUsername = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get saslPlainUsernameInput() {
    return this._saslPlainUsername;
  }

  // security_protocol - computed: false, optional: false, required: true
  private _securityProtocol?: string; 
  public get securityProtocol() {
    return this.getStringAttribute('security_protocol');
  }
  public set securityProtocol(value: string) {
    this._securityProtocol = value;
  }
  // Temporarily expose input value. Use with caution.
  public get securityProtocolInput() {
    return this._securityProtocol;
  }

  // ssl_ca_cert - computed: false, optional: true, required: false
  private _sslCaCert?: string; 
  public get sslCaCert() {
    return this.getStringAttribute('ssl_ca_cert');
  }
  public set sslCaCert(value: string) {
    this._sslCaCert = value;
  }
  public resetSslCaCert() {
    this._sslCaCert = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslCaCertInput() {
    return this._sslCaCert;
  }

  // ssl_client_cert - computed: false, optional: true, required: false
  private _sslClientCert?: string; 
  public get sslClientCert() {
    return this.getStringAttribute('ssl_client_cert');
  }
  public set sslClientCert(value: string) {
    this._sslClientCert = value;
  }
  public resetSslClientCert() {
    this._sslClientCert = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslClientCertInput() {
    return this._sslClientCert;
  }

  // ssl_client_key - computed: false, optional: true, required: false
  private _sslClientKey?: string; 
  public get sslClientKey() {
    return this.getStringAttribute('ssl_client_key');
  }
  public set sslClientKey(value: string) {
    this._sslClientKey = value;
  }
  public resetSslClientKey() {
    this._sslClientKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslClientKeyInput() {
    return this._sslClientKey;
  }

  // ssl_endpoint_identification_algorithm - computed: false, optional: true, required: false
  private _sslEndpointIdentificationAlgorithm?: string; 
  public get sslEndpointIdentificationAlgorithm() {
    return this.getStringAttribute('ssl_endpoint_identification_algorithm');
  }
  public set sslEndpointIdentificationAlgorithm(value: string) {
    this._sslEndpointIdentificationAlgorithm = value;
  }
  public resetSslEndpointIdentificationAlgorithm() {
    this._sslEndpointIdentificationAlgorithm = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslEndpointIdentificationAlgorithmInput() {
    return this._sslEndpointIdentificationAlgorithm;
  }
}
export interface IntegrationEndpointExternalPostgresql {
  /**
  * Database to connect to. Value must be at most 63 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#default_database IntegrationEndpoint#default_database}
  */
  readonly defaultDatabase?: string;
  /**
  * Host name of the PostgreSQL server. Value must be at most 255 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#host IntegrationEndpoint#host}
  */
  readonly host: string;
  /**
  * Password. Value must be at most 256 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#password IntegrationEndpoint#password}
  */
  readonly password?: string;
  /**
  * Port of the PostgreSQL server. Value must be a whole number. Value must be between 0 and 65535.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#port IntegrationEndpoint#port}
  */
  readonly port: number;
  /**
  * PEM-encoded client certificate. Value must be at most 16384 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#ssl_client_certificate IntegrationEndpoint#ssl_client_certificate}
  */
  readonly sslClientCertificate?: string;
  /**
  * PEM-encoded client key. Value must be at most 16384 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#ssl_client_key IntegrationEndpoint#ssl_client_key}
  */
  readonly sslClientKey?: string;
  /**
  * TLS mode. Value must be one of `disable`, `allow`, `prefer`, `require`, `verify-ca`, `verify-full`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#ssl_mode IntegrationEndpoint#ssl_mode}
  */
  readonly sslMode?: string;
  /**
  * PEM-encoded CA certificate to verify the server. Value must be at most 16384 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#ssl_root_cert IntegrationEndpoint#ssl_root_cert}
  */
  readonly sslRootCert?: string;
  /**
  * User name. Value must be at most 256 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#username IntegrationEndpoint#username}
  */
  readonly username: string;
}

export function integrationEndpointExternalPostgresqlToTerraform(struct?: IntegrationEndpointExternalPostgresql | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    default_database: cdktn.stringToTerraform(struct!.defaultDatabase),
    host: cdktn.stringToTerraform(struct!.host),
    password: cdktn.stringToTerraform(struct!.password),
    port: cdktn.numberToTerraform(struct!.port),
    ssl_client_certificate: cdktn.stringToTerraform(struct!.sslClientCertificate),
    ssl_client_key: cdktn.stringToTerraform(struct!.sslClientKey),
    ssl_mode: cdktn.stringToTerraform(struct!.sslMode),
    ssl_root_cert: cdktn.stringToTerraform(struct!.sslRootCert),
    username: cdktn.stringToTerraform(struct!.username),
  }
}


export function integrationEndpointExternalPostgresqlToHclTerraform(struct?: IntegrationEndpointExternalPostgresql | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    default_database: {
      value: cdktn.stringToHclTerraform(struct!.defaultDatabase),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    host: {
      value: cdktn.stringToHclTerraform(struct!.host),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    password: {
      value: cdktn.stringToHclTerraform(struct!.password),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    port: {
      value: cdktn.numberToHclTerraform(struct!.port),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    ssl_client_certificate: {
      value: cdktn.stringToHclTerraform(struct!.sslClientCertificate),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_client_key: {
      value: cdktn.stringToHclTerraform(struct!.sslClientKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_mode: {
      value: cdktn.stringToHclTerraform(struct!.sslMode),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_root_cert: {
      value: cdktn.stringToHclTerraform(struct!.sslRootCert),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    username: {
      value: cdktn.stringToHclTerraform(struct!.username),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class IntegrationEndpointExternalPostgresqlOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): IntegrationEndpointExternalPostgresql | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._defaultDatabase !== undefined) {
      hasAnyValues = true;
      internalValueResult.defaultDatabase = this._defaultDatabase;
    }
    if (this._host !== undefined) {
      hasAnyValues = true;
      internalValueResult.host = this._host;
    }
    if (this._password !== undefined) {
      hasAnyValues = true;
      internalValueResult.password = this._password;
    }
    if (this._port !== undefined) {
      hasAnyValues = true;
      internalValueResult.port = this._port;
    }
    if (this._sslClientCertificate !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslClientCertificate = this._sslClientCertificate;
    }
    if (this._sslClientKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslClientKey = this._sslClientKey;
    }
    if (this._sslMode !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslMode = this._sslMode;
    }
    if (this._sslRootCert !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslRootCert = this._sslRootCert;
    }
    if (this._username !== undefined) {
      hasAnyValues = true;
      internalValueResult.username = this._username;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: IntegrationEndpointExternalPostgresql | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._defaultDatabase = undefined;
      this._host = undefined;
      this._password = undefined;
      this._port = undefined;
      this._sslClientCertificate = undefined;
      this._sslClientKey = undefined;
      this._sslMode = undefined;
      this._sslRootCert = undefined;
      this._username = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._defaultDatabase = value.defaultDatabase;
      this._host = value.host;
      this._password = value.password;
      this._port = value.port;
      this._sslClientCertificate = value.sslClientCertificate;
      this._sslClientKey = value.sslClientKey;
      this._sslMode = value.sslMode;
      this._sslRootCert = value.sslRootCert;
      this._username = value.username;
    }
  }

  // default_database - computed: false, optional: true, required: false
  private _defaultDatabase?: string; 
  public get defaultDatabase() {
    return this.getStringAttribute('default_database');
  }
  public set defaultDatabase(value: string) {
    this._defaultDatabase = value;
  }
  public resetDefaultDatabase() {
    this._defaultDatabase = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultDatabaseInput() {
    return this._defaultDatabase;
  }

  // host - computed: false, optional: false, required: true
  private _host?: string; 
  public get host() {
    return this.getStringAttribute('host');
  }
  public set host(value: string) {
    this._host = value;
  }
  // Temporarily expose input value. Use with caution.
  public get hostInput() {
    return this._host;
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this.getStringAttribute('password');
  }
  public set password(value: string) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // port - computed: false, optional: false, required: true
  private _port?: number; 
  public get port() {
    return this.getNumberAttribute('port');
  }
  public set port(value: number) {
    this._port = value;
  }
  // Temporarily expose input value. Use with caution.
  public get portInput() {
    return this._port;
  }

  // ssl_client_certificate - computed: false, optional: true, required: false
  private _sslClientCertificate?: string; 
  public get sslClientCertificate() {
    return this.getStringAttribute('ssl_client_certificate');
  }
  public set sslClientCertificate(value: string) {
    this._sslClientCertificate = value;
  }
  public resetSslClientCertificate() {
    this._sslClientCertificate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslClientCertificateInput() {
    return this._sslClientCertificate;
  }

  // ssl_client_key - computed: false, optional: true, required: false
  private _sslClientKey?: string; 
  public get sslClientKey() {
    return this.getStringAttribute('ssl_client_key');
  }
  public set sslClientKey(value: string) {
    this._sslClientKey = value;
  }
  public resetSslClientKey() {
    this._sslClientKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslClientKeyInput() {
    return this._sslClientKey;
  }

  // ssl_mode - computed: false, optional: true, required: false
  private _sslMode?: string; 
  public get sslMode() {
    return this.getStringAttribute('ssl_mode');
  }
  public set sslMode(value: string) {
    this._sslMode = value;
  }
  public resetSslMode() {
    this._sslMode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslModeInput() {
    return this._sslMode;
  }

  // ssl_root_cert - computed: false, optional: true, required: false
  private _sslRootCert?: string; 
  public get sslRootCert() {
    return this.getStringAttribute('ssl_root_cert');
  }
  public set sslRootCert(value: string) {
    this._sslRootCert = value;
  }
  public resetSslRootCert() {
    this._sslRootCert = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslRootCertInput() {
    return this._sslRootCert;
  }

  // username - computed: false, optional: false, required: true
  private _username?: string; 
  public get username() {
    return this.getStringAttribute('username');
  }
  public set username(value: string) {
    this._username = value;
  }
  // Temporarily expose input value. Use with caution.
  public get usernameInput() {
    return this._username;
  }
}
export interface IntegrationEndpointExternalSchemaRegistry {
  /**
  * How to authenticate: `none` or `basic`. Value must be one of `none`, `basic`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#authentication IntegrationEndpoint#authentication}
  */
  readonly authentication: string;
  /**
  * Password for `basic` authentication. Value must be at most 256 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#basic_auth_password IntegrationEndpoint#basic_auth_password}
  */
  readonly basicAuthPassword?: string;
  /**
  * User name for `basic` authentication. Value must be at most 256 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#basic_auth_username IntegrationEndpoint#basic_auth_username}
  */
  readonly basicAuthUsername?: string;
  /**
  * URL of the Schema Registry, such as `https://registry.example.com:8081`. Value must be at most 2048 characters long. Value must be an `http://` or `https://` URL.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#url IntegrationEndpoint#url}
  */
  readonly url: string;
}

export function integrationEndpointExternalSchemaRegistryToTerraform(struct?: IntegrationEndpointExternalSchemaRegistry | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    authentication: cdktn.stringToTerraform(struct!.authentication),
    basic_auth_password: cdktn.stringToTerraform(struct!.basicAuthPassword),
    basic_auth_username: cdktn.stringToTerraform(struct!.basicAuthUsername),
    url: cdktn.stringToTerraform(struct!.url),
  }
}


export function integrationEndpointExternalSchemaRegistryToHclTerraform(struct?: IntegrationEndpointExternalSchemaRegistry | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    authentication: {
      value: cdktn.stringToHclTerraform(struct!.authentication),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    basic_auth_password: {
      value: cdktn.stringToHclTerraform(struct!.basicAuthPassword),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    basic_auth_username: {
      value: cdktn.stringToHclTerraform(struct!.basicAuthUsername),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    url: {
      value: cdktn.stringToHclTerraform(struct!.url),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class IntegrationEndpointExternalSchemaRegistryOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): IntegrationEndpointExternalSchemaRegistry | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._authentication !== undefined) {
      hasAnyValues = true;
      internalValueResult.authentication = this._authentication;
    }
    if (this._basicAuthPassword !== undefined) {
      hasAnyValues = true;
      internalValueResult.basicAuthPassword = this._basicAuthPassword;
    }
    if (this._basicAuthUsername !== undefined) {
      hasAnyValues = true;
      internalValueResult.basicAuthUsername = this._basicAuthUsername;
    }
    if (this._url !== undefined) {
      hasAnyValues = true;
      internalValueResult.url = this._url;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: IntegrationEndpointExternalSchemaRegistry | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._authentication = undefined;
      this._basicAuthPassword = undefined;
      this._basicAuthUsername = undefined;
      this._url = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._authentication = value.authentication;
      this._basicAuthPassword = value.basicAuthPassword;
      this._basicAuthUsername = value.basicAuthUsername;
      this._url = value.url;
    }
  }

  // authentication - computed: false, optional: false, required: true
  private _authentication?: string; 
  public get authentication() {
    return this.getStringAttribute('authentication');
  }
  public set authentication(value: string) {
    this._authentication = value;
  }
  // Temporarily expose input value. Use with caution.
  public get authenticationInput() {
    return this._authentication;
  }

  // basic_auth_password - computed: false, optional: true, required: false
  private _basicAuthPassword?: string; 
  public get basicAuthPassword() {
    return this.getStringAttribute('basic_auth_password');
  }
  public set basicAuthPassword(value: string) {
    this._basicAuthPassword = value;
  }
  public resetBasicAuthPassword() {
    this._basicAuthPassword = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get basicAuthPasswordInput() {
    return this._basicAuthPassword;
  }

  // basic_auth_username - computed: false, optional: true, required: false
  private _basicAuthUsername?: string; 
  public get basicAuthUsername() {
    return this.getStringAttribute('basic_auth_username');
  }
  public set basicAuthUsername(value: string) {
    this._basicAuthUsername = value;
  }
  public resetBasicAuthUsername() {
    this._basicAuthUsername = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get basicAuthUsernameInput() {
    return this._basicAuthUsername;
  }

  // url - computed: false, optional: false, required: true
  private _url?: string; 
  public get url() {
    return this.getStringAttribute('url');
  }
  public set url(value: string) {
    this._url = value;
  }
  // Temporarily expose input value. Use with caution.
  public get urlInput() {
    return this._url;
  }
}
export interface IntegrationEndpointTimeouts {
  /**
  * How long to wait for create (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#create IntegrationEndpoint#create}
  */
  readonly create?: string;
  /**
  * How long to wait for delete (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#delete IntegrationEndpoint#delete}
  */
  readonly delete?: string;
  /**
  * How long to wait for read (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#read IntegrationEndpoint#read}
  */
  readonly read?: string;
  /**
  * How long to wait for update (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#update IntegrationEndpoint#update}
  */
  readonly update?: string;
}

export function integrationEndpointTimeoutsToTerraform(struct?: IntegrationEndpointTimeouts | cdktn.IResolvable): any {
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


export function integrationEndpointTimeoutsToHclTerraform(struct?: IntegrationEndpointTimeouts | cdktn.IResolvable): any {
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

export class IntegrationEndpointTimeoutsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): IntegrationEndpointTimeouts | cdktn.IResolvable | undefined {
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

  public set internalValue(value: IntegrationEndpointTimeouts | cdktn.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint flink_integration_endpoint}
*/
export class IntegrationEndpoint extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "flink_integration_endpoint";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a IntegrationEndpoint resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the IntegrationEndpoint to import
  * @param importFromId The id of the existing IntegrationEndpoint that should be imported. Refer to the {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the IntegrationEndpoint to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "flink_integration_endpoint", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/integration_endpoint flink_integration_endpoint} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options IntegrationEndpointConfig
  */
  public constructor(scope: Construct, id: string, config: IntegrationEndpointConfig) {
    super(scope, id, {
      terraformResourceType: 'flink_integration_endpoint',
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
    this._endpointName = config.endpointName;
    this._endpointType = config.endpointType;
    this._externalKafka.internalValue = config.externalKafka;
    this._externalPostgresql.internalValue = config.externalPostgresql;
    this._externalSchemaRegistry.internalValue = config.externalSchemaRegistry;
    this._project = config.project;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // endpoint_id - computed: true, optional: false, required: false
  public get endpointId() {
    return this.getStringAttribute('endpoint_id');
  }

  // endpoint_name - computed: false, optional: false, required: true
  private _endpointName?: string; 
  public get endpointName() {
    return this.getStringAttribute('endpoint_name');
  }
  public set endpointName(value: string) {
    this._endpointName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointNameInput() {
    return this._endpointName;
  }

  // endpoint_type - computed: false, optional: false, required: true
  private _endpointType?: string; 
  public get endpointType() {
    return this.getStringAttribute('endpoint_type');
  }
  public set endpointType(value: string) {
    this._endpointType = value;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointTypeInput() {
    return this._endpointType;
  }

  // external_kafka - computed: false, optional: true, required: false
  private _externalKafka = new IntegrationEndpointExternalKafkaOutputReference(this, "external_kafka");
  public get externalKafka() {
    return this._externalKafka;
  }
  public putExternalKafka(value: IntegrationEndpointExternalKafka) {
    this._externalKafka.internalValue = value;
  }
  public resetExternalKafka() {
    this._externalKafka.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get externalKafkaInput() {
    return this._externalKafka.internalValue;
  }

  // external_postgresql - computed: false, optional: true, required: false
  private _externalPostgresql = new IntegrationEndpointExternalPostgresqlOutputReference(this, "external_postgresql");
  public get externalPostgresql() {
    return this._externalPostgresql;
  }
  public putExternalPostgresql(value: IntegrationEndpointExternalPostgresql) {
    this._externalPostgresql.internalValue = value;
  }
  public resetExternalPostgresql() {
    this._externalPostgresql.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get externalPostgresqlInput() {
    return this._externalPostgresql.internalValue;
  }

  // external_schema_registry - computed: false, optional: true, required: false
  private _externalSchemaRegistry = new IntegrationEndpointExternalSchemaRegistryOutputReference(this, "external_schema_registry");
  public get externalSchemaRegistry() {
    return this._externalSchemaRegistry;
  }
  public putExternalSchemaRegistry(value: IntegrationEndpointExternalSchemaRegistry) {
    this._externalSchemaRegistry.internalValue = value;
  }
  public resetExternalSchemaRegistry() {
    this._externalSchemaRegistry.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get externalSchemaRegistryInput() {
    return this._externalSchemaRegistry.internalValue;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
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

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new IntegrationEndpointTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: IntegrationEndpointTimeouts) {
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
      endpoint_name: cdktn.stringToTerraform(this._endpointName),
      endpoint_type: cdktn.stringToTerraform(this._endpointType),
      external_kafka: integrationEndpointExternalKafkaToTerraform(this._externalKafka.internalValue),
      external_postgresql: integrationEndpointExternalPostgresqlToTerraform(this._externalPostgresql.internalValue),
      external_schema_registry: integrationEndpointExternalSchemaRegistryToTerraform(this._externalSchemaRegistry.internalValue),
      project: cdktn.stringToTerraform(this._project),
      timeouts: integrationEndpointTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      endpoint_name: {
        value: cdktn.stringToHclTerraform(this._endpointName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      endpoint_type: {
        value: cdktn.stringToHclTerraform(this._endpointType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      external_kafka: {
        value: integrationEndpointExternalKafkaToHclTerraform(this._externalKafka.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "IntegrationEndpointExternalKafka",
      },
      external_postgresql: {
        value: integrationEndpointExternalPostgresqlToHclTerraform(this._externalPostgresql.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "IntegrationEndpointExternalPostgresql",
      },
      external_schema_registry: {
        value: integrationEndpointExternalSchemaRegistryToHclTerraform(this._externalSchemaRegistry.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "IntegrationEndpointExternalSchemaRegistry",
      },
      project: {
        value: cdktn.stringToHclTerraform(this._project),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeouts: {
        value: integrationEndpointTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "IntegrationEndpointTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
