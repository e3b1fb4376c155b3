/**
 * Where the control plane's own data services listen, for what points at them: the API's Kafka and
 * PostgreSQL services (their service_uri) and the jobs of Flink services integrated with them.
 */
export interface LocalDataAddresses {
  readonly kafka?: { readonly bootstrapServers: string };
  readonly postgres?: {
    readonly host: string;
    readonly port: number;
    readonly user: string;
    readonly password: string;
    readonly database: string;
  };
}
