import { parseDuration, SAVEPOINT_INTERVAL_RANGE } from "../../schemas/dsl/duration";
import { ApiError, badRequest } from "../api-error";
import { bodyObject, optInt, reqString } from "../body-fields";
import type { ControlPlaneContext } from "../context";
import type { Route } from "../router";
import {
  periodicSavepoints,
  prunePeriodicSavepoints,
  type SavepointScheduleRecord,
} from "../savepoint-schedules/savepoint-history";
import type { SavepointScheduler } from "../savepoint-schedules/savepoint-scheduler";
import { requireApplication } from "./lookups";

export const HISTORY_MAX = { min: 1, max: 100, default: 10 } as const;
const MIN_INTERVAL_MS = parseDuration(SAVEPOINT_INTERVAL_RANGE.min)!;
const MAX_INTERVAL_MS = parseDuration(SAVEPOINT_INTERVAL_RANGE.max)!;
/** The admin clock moves at most this far in one call (a year: any test's worth). */
const MAX_ADVANCE_MS = 366 * 24 * 3_600_000;

/**
 * Periodic savepoints, an extension of this control plane (the hosted API has none):
 * `PUT .../flink/application/{application_id}/savepoint-schedule` with `{"interval": "1h",
 * "history_max": 10}` takes a savepoint of the application's running deployment every interval and
 * keeps the newest `history_max` of them, deleting older ones (records and files). The schedule
 * belongs to the application, not to one deployment, so it carries over the new deployments that a
 * version change or a resume starts. `GET` shows it with the savepoints it keeps; `DELETE` stops it
 * (the savepoints stay).
 */
export function savepointScheduleRoutes(ctx: ControlPlaneContext, scheduler: SavepointScheduler): Route[] {
  const path =
    "/project/{project}/service/{service_name}/flink/application/{application_id}/savepoint-schedule";
  const find = (service: string, appId: string) => {
    requireApplication(ctx, service, appId);
    return ctx.store.get<SavepointScheduleRecord>("savepoint_schedule", ctx.project, appId);
  };
  const render = (s: SavepointScheduleRecord) => ({
    interval: s.interval,
    history_max: s.history_max,
    next_savepoint_at: new Date(s.next_due_ms).toISOString(),
    ...(s.last_run ? { last_run: s.last_run } : {}),
    savepoints: periodicSavepoints(ctx.store, ctx.project, s.service_name, s.application_id).map((p) => ({
      path: p.path,
      deployment_id: p.deployment_id,
      taken_at: p.taken_at,
    })),
  });
  return [
    {
      method: "GET",
      path,
      handler: ({ params }) => {
        const s = find(params.service_name!, params.application_id!);
        if (!s) throw noSchedule(params.application_id!);
        return { body: render(s) };
      },
    },
    {
      method: "PUT",
      path,
      handler: ({ params, body }) => {
        const b = bodyObject(body);
        const interval = reqString(b, "interval", { max: 64 });
        const intervalMs = parseDuration(interval);
        if (intervalMs === undefined || intervalMs < MIN_INTERVAL_MS || intervalMs > MAX_INTERVAL_MS)
          throw badRequest(
            `interval: '${interval}' must be a duration such as "15m" or "1h30m", between ${SAVEPOINT_INTERVAL_RANGE.min} and ${SAVEPOINT_INTERVAL_RANGE.max}`,
          );
        const historyMax = optInt(b, "history_max", HISTORY_MAX) ?? HISTORY_MAX.default;
        const { record, pruned } = ctx.store.tx(() => {
          const prior = find(params.service_name!, params.application_id!);
          const record: SavepointScheduleRecord = {
            application_id: params.application_id!,
            service_name: params.service_name!,
            interval,
            interval_ms: intervalMs,
            history_max: historyMax,
            // The same interval keeps its rhythm (a repeated PUT takes nothing early or late).
            next_due_ms:
              prior && prior.interval_ms === intervalMs ? prior.next_due_ms : scheduler.now() + intervalMs,
            ...(prior?.last_run ? { last_run: prior.last_run } : {}),
          };
          if (prior) ctx.store.update("savepoint_schedule", ctx.project, record.application_id, record);
          else
            ctx.store.insert(
              "savepoint_schedule",
              ctx.project,
              record.application_id,
              record,
              record.service_name,
              record.application_id,
            );
          // A lower history_max applies at once.
          const pruned = prunePeriodicSavepoints(
            ctx.store,
            ctx.project,
            record.service_name,
            record.application_id,
          );
          return { record, pruned };
        });
        ctx.cluster.disposeSavepoints(ctx.project, record.service_name, pruned);
        scheduler.arm();
        return { body: render(record) };
      },
    },
    {
      method: "DELETE",
      path,
      handler: ({ params }) => {
        const s = ctx.store.tx(() => {
          const s = find(params.service_name!, params.application_id!);
          if (!s) throw noSchedule(params.application_id!);
          ctx.store.remove("savepoint_schedule", ctx.project, s.application_id);
          return s;
        });
        scheduler.arm();
        return { body: render(s) };
      },
    },
  ];
}

/** The admin test hook: `POST /admin/savepoint-schedules/advance {"by": "1h"}` moves the scheduler's clock. */
export function savepointScheduleAdminRoutes(scheduler: SavepointScheduler): Route[] {
  return [
    {
      method: "POST",
      path: "/savepoint-schedules/advance",
      handler: ({ body }) => {
        const by = reqString(bodyObject(body), "by", { max: 64 });
        const ms = parseDuration(by);
        if (ms === undefined || ms > MAX_ADVANCE_MS)
          throw badRequest(`by: '${by}' must be a duration such as "1h" or "90m", at most 8784h`);
        const runs = scheduler.advance(ms);
        return { body: { now: new Date(scheduler.now()).toISOString(), runs } };
      },
    },
  ];
}

const noSchedule = (appId: string) =>
  new ApiError(404, "not_found", `Savepoint schedule not found for application ${appId}`);
