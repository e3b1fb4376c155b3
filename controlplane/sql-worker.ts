/**
 * The worker thread that validates SQL for the control plane (sql-validation-pool.ts): the parser's
 * work stays off the event loop, and a validation that runs too long is ended by terminating this
 * thread. Messages: in `{id, input}`, out `{id, diagnostics}` or `{id, error}`; `{ready: true}` once the
 * parser is loaded.
 */
import { parentPort } from "node:worker_threads";
import { type ApplicationVersionInput, validateApplicationVersion } from "../schemas/sql";

interface Request {
  readonly id: number;
  readonly input: ApplicationVersionInput;
}

const port = parentPort;
if (port) {
  // Loading the parser is the slow part of a first validation; done before the first request is timed.
  validateApplicationVersion({ statement: "INSERT INTO k SELECT 1", sources: [], sinks: [] });
  port.on("message", ({ id, input }: Request) => {
    try {
      port.postMessage({ id, diagnostics: validateApplicationVersion(input) });
    } catch (err) {
      port.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  });
  port.postMessage({ ready: true });
}
