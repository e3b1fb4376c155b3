/**
 * How `upgrade_mode = "last-state"` degrades against an API without the local control plane's
 * checkpoint endpoint (the hosted one): a savepoint handover, said at plan and in the apply's log.
 */
import type { ApiObject, HookApi } from "../../../schemas/dsl/types";
import {
  checkpointBeforeHandover,
  lastStateFallbackWarning,
  warnIfNonRestoredStateIgnored,
} from "../../../schemas/hooks/deployment-last-state";

class NotFound extends Error {}

/** A HookApi whose every call answers `answer` (or throws it), recording progress lines. */
function fakeApi(answer: ApiObject | Error): HookApi & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    signal: new AbortController().signal,
    call: async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    },
    waitFor: async () => ({}),
    upload: async () => {},
    isNotFound: (err) => err instanceof NotFound,
    isRefused: () => false,
    progress: (m) => lines.push(m),
  };
}

const prior = {
  deployment_id: "d-1",
  status: "RUNNING",
  application_id: "a",
  project: "p",
  service_name: "s",
};

test("an API without the checkpoint endpoint: no checkpoint, a savepoint handover, and why", async () => {
  const api = fakeApi(new NotFound("404"));
  expect(await checkpointBeforeHandover(api, prior)).toBeUndefined();
  expect(api.lines.join("\n")).toMatch(/hosted service does not offer.*handing over through a savepoint/);
  const warning = await lastStateFallbackWarning(api, prior, "version_id");
  expect(warning).toMatchObject({
    severity: "warning",
    summary: "Last-State Upgrade Falls Back To Savepoint",
  });
  expect(warning?.detail).toContain("GET .../deployment/{deployment_id}/checkpoint");
});

test("a job without a checkpoint yet: a savepoint handover, said at plan", async () => {
  const api = fakeApi({ latest_checkpoint: null });
  expect(await checkpointBeforeHandover(api, prior)).toBeUndefined();
  expect((await lastStateFallbackWarning(api, prior, "version_id"))?.detail).toContain(
    "no retained checkpoint yet",
  );
});

test("a retained checkpoint: the handover starts from it, and the plan has no fallback warning", async () => {
  const api = fakeApi({ latest_checkpoint: "file:/c/job/chk-7" });
  expect(await checkpointBeforeHandover(api, prior)).toBe("file:/c/job/chk-7");
  expect(await lastStateFallbackWarning(api, prior, "version_id")).toBeUndefined();
});

test("allow_non_restored_state not echoed back by the API is logged", () => {
  const api = fakeApi({});
  warnIfNonRestoredStateIgnored(api, { allow_non_restored_state: true }, { id: "x" });
  expect(api.lines.join("\n")).toContain("ignored allow_non_restored_state");
  const honoured = fakeApi({});
  warnIfNonRestoredStateIgnored(
    honoured,
    { allow_non_restored_state: true },
    { allow_non_restored_state: true },
  );
  expect(honoured.lines).toEqual([]);
});
