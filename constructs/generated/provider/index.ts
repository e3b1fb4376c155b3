// generated — do not edit. Source: schemas/generated/provider-schema.json; run `npm run generate`.
// https://registry.terraform.io/providers/flinkform/flink/latest/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface FlinkProviderConfig {
  /**
  * API token. Defaults to the `FLINK_API_TOKEN` environment variable, then `AIVEN_TOKEN`. It must be printable ASCII without spaces or line breaks (a token read with `file()` needs `trimspace()`); it is never shown in messages or logs.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs#api_token FlinkProvider#api_token}
  */
  readonly apiToken?: string;
  /**
  * Base URL of the API, such as `https://api.aiven.io/v1`; `/v1` is appended when the URL does not end with it (`http://127.0.0.1:8080` means `http://127.0.0.1:8080/v1`). No user name or password in it: the token goes in `api_token`. Defaults to the `FLINK_API_URL` environment variable, then `https://api.aiven.io/v1`. Point it at `npx flinkform local start` to work against the local control plane. Value must be an http:// or https:// URL.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs#api_url FlinkProvider#api_url}
  */
  readonly apiUrl?: string;
  /**
  * How often a request is retried on 429, 5xx, 408 and connection errors (default 6). Value must be a whole number. Value must be between 0 and 20.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs#max_retries FlinkProvider#max_retries}
  */
  readonly maxRetries?: number;
  /**
  * Timeout of one API request, such as `"60s"` (default). Value must be a duration such as `"30s"` or `"2m"`, between `1s` and `1h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs#request_timeout FlinkProvider#request_timeout}
  */
  readonly requestTimeout?: string;
  /**
  * Also validate application versions with the service's validate endpoint at plan time, when the service exists (default true). Offline checks always run.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs#server_side_validation FlinkProvider#server_side_validation}
  */
  readonly serverSideValidation?: boolean | cdktn.IResolvable;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs#alias FlinkProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs flink}
*/
export class FlinkProvider extends cdktn.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "flink";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a FlinkProvider resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the FlinkProvider to import
  * @param importFromId The id of the existing FlinkProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the FlinkProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "flink", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs flink} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options FlinkProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: FlinkProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'flink',
      terraformGeneratorMetadata: {
        providerName: 'flink'
      },
      terraformProviderSource: 'registry.terraform.io/flinkform/flink'
    });
    this._apiToken = config.apiToken;
    this._apiUrl = config.apiUrl;
    this._maxRetries = config.maxRetries;
    this._requestTimeout = config.requestTimeout;
    this._serverSideValidation = config.serverSideValidation;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // api_token - computed: false, optional: true, required: false
  private _apiToken?: string; 
  public get apiToken() {
    return this._apiToken;
  }
  public set apiToken(value: string | undefined) {
    this._apiToken = value;
  }
  public resetApiToken() {
    this._apiToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiTokenInput() {
    return this._apiToken;
  }

  // api_url - computed: false, optional: true, required: false
  private _apiUrl?: string; 
  public get apiUrl() {
    return this._apiUrl;
  }
  public set apiUrl(value: string | undefined) {
    this._apiUrl = value;
  }
  public resetApiUrl() {
    this._apiUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiUrlInput() {
    return this._apiUrl;
  }

  // max_retries - computed: false, optional: true, required: false
  private _maxRetries?: number; 
  public get maxRetries() {
    return this._maxRetries;
  }
  public set maxRetries(value: number | undefined) {
    this._maxRetries = value;
  }
  public resetMaxRetries() {
    this._maxRetries = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxRetriesInput() {
    return this._maxRetries;
  }

  // request_timeout - computed: false, optional: true, required: false
  private _requestTimeout?: string; 
  public get requestTimeout() {
    return this._requestTimeout;
  }
  public set requestTimeout(value: string | undefined) {
    this._requestTimeout = value;
  }
  public resetRequestTimeout() {
    this._requestTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requestTimeoutInput() {
    return this._requestTimeout;
  }

  // server_side_validation - computed: false, optional: true, required: false
  private _serverSideValidation?: boolean | cdktn.IResolvable; 
  public get serverSideValidation() {
    return this._serverSideValidation;
  }
  public set serverSideValidation(value: boolean | cdktn.IResolvable | undefined) {
    this._serverSideValidation = value;
  }
  public resetServerSideValidation() {
    this._serverSideValidation = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serverSideValidationInput() {
    return this._serverSideValidation;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public override get alias() {
    return this._alias;
  }
  public override set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      api_token: cdktn.stringToTerraform(this._apiToken),
      api_url: cdktn.stringToTerraform(this._apiUrl),
      max_retries: cdktn.numberToTerraform(this._maxRetries),
      request_timeout: cdktn.stringToTerraform(this._requestTimeout),
      server_side_validation: cdktn.booleanToTerraform(this._serverSideValidation),
      alias: cdktn.stringToTerraform(this._alias),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      api_token: {
        value: cdktn.stringToHclTerraform(this._apiToken),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      api_url: {
        value: cdktn.stringToHclTerraform(this._apiUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      max_retries: {
        value: cdktn.numberToHclTerraform(this._maxRetries),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      request_timeout: {
        value: cdktn.stringToHclTerraform(this._requestTimeout),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      server_side_validation: {
        value: cdktn.booleanToHclTerraform(this._serverSideValidation),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      alias: {
        value: cdktn.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
