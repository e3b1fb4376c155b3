/** A tiny read-only client for the control plane's API, used for progress lines and the summary. */

export interface DemoApi {
  /** GETs `path` under the API base URL; undefined when the object does not exist (404). */
  get<T>(path: string): Promise<T | undefined>;
}

export class DemoApiError extends Error {
  readonly code = "DEMO_API_ERROR";
  constructor(message: string) {
    super(message);
    this.name = "DemoApiError";
  }
}

export function demoApi(baseUrl: string, token: string): DemoApi {
  return {
    async get<T>(path: string): Promise<T | undefined> {
      const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `aivenv1 ${token}` } });
      if (res.status === 404) return undefined;
      if (!res.ok) throw new DemoApiError(`GET ${path} answered HTTP ${res.status}`);
      return (await res.json()) as T;
    },
  };
}

export interface ApiService {
  service_name: string;
  service_type: string;
  plan: string;
  cloud_name: string;
  state: string;
  node_count: number;
}

export interface ApiDeployment {
  id: string;
  version_id: string;
  status: string;
  parallelism: number;
  job_id?: string;
  last_savepoint?: string;
  error_msg?: string;
}

export interface ApiApplication {
  id: string;
  name: string;
  application_versions: { id: string; version: number }[];
  current_deployment?: ApiDeployment;
}

export interface ApiOverview {
  "slots-total": number;
  "slots-available": number;
  "jobs-running": number;
  taskmanagers: number;
}
