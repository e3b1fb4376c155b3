/**
 * The demo's closing summary: what terraform created (read from `terraform show -json`) joined
 * with what the control plane reports live (service state, slot usage, deployment status).
 */
import type { ApiApplication, ApiOverview, ApiService, DemoApi } from "./api";

export interface ApplicationSummary {
  name: string;
  versions: number;
  deployment?: {
    status: string;
    parallelism: number;
    jobId?: string;
    lastSavepoint?: string;
    error?: string;
  };
}

export interface ServiceSummary {
  name: string;
  plan: string;
  cloud: string;
  state: string;
  slotsTotal: number;
  slotsUsed: number;
  applications: ApplicationSummary[];
}

interface StateResource {
  type: string;
  values: Record<string, unknown>;
}
interface StateModule {
  resources?: StateResource[];
  child_modules?: StateModule[];
}

/** Every managed resource in `terraform show -json` output, child modules included. */
export function stateResources(showJson: string): StateResource[] {
  const doc = JSON.parse(showJson) as { values?: { root_module?: StateModule } };
  const out: StateResource[] = [];
  const walk = (m: StateModule | undefined) => {
    if (!m) return;
    out.push(...(m.resources ?? []));
    for (const child of m.child_modules ?? []) walk(child);
  };
  walk(doc.values?.root_module);
  return out;
}

export async function collectSummary(api: DemoApi, showJson: string): Promise<ServiceSummary[]> {
  const resources = stateResources(showJson);
  const services = resources.filter((r) => r.type === "flink_service");
  const apps = resources.filter((r) => r.type === "flink_application");
  const summaries: ServiceSummary[] = [];
  for (const svc of services) {
    const project = String(svc.values.project);
    const name = String(svc.values.service_name);
    const base = `/project/${project}/service/${name}`;
    const live = (await api.get<{ service: ApiService }>(base))?.service;
    const overview = await api.get<ApiOverview>(`${base}/flink/overview`);
    const applications: ApplicationSummary[] = [];
    for (const app of apps.filter((a) => a.values.service_name === name && a.values.project === project)) {
      const detail = await api.get<ApiApplication>(`${base}/flink/application/${app.values.application_id}`);
      if (!detail) continue;
      const d = detail.current_deployment;
      applications.push({
        name: detail.name,
        versions: detail.application_versions.length,
        deployment: d && {
          status: d.status,
          parallelism: d.parallelism,
          jobId: d.job_id,
          lastSavepoint: d.last_savepoint,
          error: d.error_msg,
        },
      });
    }
    const total = overview?.["slots-total"] ?? 0;
    summaries.push({
      name,
      plan: live?.plan ?? String(svc.values.plan),
      cloud: live?.cloud_name ?? String(svc.values.cloud_name),
      state: live?.state ?? "not found",
      slotsTotal: total,
      slotsUsed: total - (overview?.["slots-available"] ?? 0),
      applications,
    });
  }
  return summaries;
}

export function renderSummary(services: ServiceSummary[]): string {
  if (services.length === 0) return "  no Flink service in the terraform state\n";
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(18)}${value}`);
  for (const s of services) {
    row("service", `${s.name} (${s.plan}, ${s.cloud}): ${s.state}`);
    row("task slots", `${s.slotsUsed} used / ${s.slotsTotal} total`);
    if (s.applications.length === 0) row("applications", "none");
    for (const app of s.applications) {
      const versions = `${app.versions} version${app.versions === 1 ? "" : "s"}`;
      row("application", `${app.name} (${versions})`);
      const d = app.deployment;
      if (!d) {
        row("  deployment", "none");
        continue;
      }
      const job = d.jobId ? `, job ${d.jobId}` : "";
      row("  deployment", `${d.status} (parallelism ${d.parallelism}${job})`);
      if (d.error) row("  error", d.error);
      row("  last savepoint", d.lastSavepoint ?? "none yet");
    }
  }
  return `${lines.join("\n")}\n`;
}
