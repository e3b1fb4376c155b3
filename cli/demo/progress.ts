/**
 * Progress lines while `terraform apply` waits: polls the control plane and prints each state
 * change of the services and deployments, with how long the previous state lasted. Terraform's own
 * "Still creating..." lines only come every 10 s, too rarely for an accelerated demo.
 */
import type { ApiApplication, ApiService, DemoApi } from "./api";

const SETTLED = new Set(["RUNNING", "FAILED", "CANCELED", "FINISHED", "POWEROFF"]);

export interface ProgressWatcher {
  stop(): Promise<void>;
}

export function watchProgress(
  api: DemoApi,
  project: string,
  print: (line: string) => void,
  intervalMs = 250,
  heartbeatMs = 2000,
): ProgressWatcher {
  const seen = new Map<string, { state: string; since: number; told: number }>();
  const note = (key: string, label: string, state: string) => {
    const now = Date.now();
    const before = seen.get(key);
    if (before?.state === state) {
      // A heartbeat for long states, so a slow service build does not look like a hang.
      if (now - before.told >= heartbeatMs && !SETTLED.has(state)) {
        before.told = now;
        print(`  · ${label}: still ${state} (${((now - before.since) / 1000).toFixed(0)} s)`);
      }
      return;
    }
    seen.set(key, { state, since: now, told: now });
    const took = before ? ` (after ${((now - before.since) / 1000).toFixed(1)} s ${before.state})` : "";
    print(`  · ${label}: ${state}${took}`);
  };

  const poll = async () => {
    const list = await api.get<{ services: ApiService[] }>(`/project/${project}/service`);
    for (const svc of list?.services ?? []) {
      if (svc.service_type !== "flink") continue;
      note(`service/${svc.service_name}`, `service ${svc.service_name}`, svc.state);
      if (svc.state !== "RUNNING") continue;
      const apps = await api.get<{ applications: { id: string }[] }>(
        `/project/${project}/service/${svc.service_name}/flink/application`,
      );
      for (const { id } of apps?.applications ?? []) {
        const app = await api.get<ApiApplication>(
          `/project/${project}/service/${svc.service_name}/flink/application/${id}`,
        );
        const d = app?.current_deployment;
        if (app && d) note(`deployment/${d.id}`, `deployment of ${app.name}`, d.status);
      }
    }
  };

  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      // A failed poll only costs one progress line; terraform reports real failures itself.
      await poll().catch(() => undefined);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await poll().catch(() => undefined);
    },
  };
}
