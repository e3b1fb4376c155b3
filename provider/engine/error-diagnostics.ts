/** Turns what can go wrong during an operation into diagnostics users can act on. */
import { HookFailedError } from "../../schemas/dsl/types";
import { type ApiError, isApiError } from "../client";
import { type Diagnostic, errorDiagnostic } from "../protocol";
import { DataSourceNotFoundError } from "./data-source-engine";
import { PollAbortedError, PollError, PollTimeoutError } from "./poll";
import { ApplyIncompleteError } from "./resource-engine";

function apiSummary(err: ApiError): string {
  switch (err.code) {
    case "FLINK_API_UNAUTHORIZED":
      return "Authentication Failed";
    case "FLINK_API_FORBIDDEN":
      return "Permission Denied";
    case "FLINK_API_NOT_FOUND":
      return "Not Found";
    case "FLINK_API_CONFLICT":
    case "FLINK_API_EXPECTATION_FAILED":
      return "Request Refused";
    case "FLINK_API_BAD_REQUEST":
      return "Invalid Request";
    case "FLINK_API_CONNECTION":
      return "API Unreachable";
    case "FLINK_API_CONNECTION_LOST":
      return "Connection Lost";
    case "FLINK_API_TIMEOUT":
      return "API Not Answering";
    case "FLINK_API_ABORTED":
      return "Operation Interrupted";
    default:
      return "API Request Failed";
  }
}

function hint(err: ApiError): string {
  switch (err.code) {
    case "FLINK_API_UNAUTHORIZED":
      return " Check api_token or the FLINK_API_TOKEN environment variable.";
    case "FLINK_API_CONNECTION":
      // Refused before any answer: most likely the URL. After answers: an outage or a restart.
      return err.reachedBefore
        ? " The API answered earlier in this run and then stopped accepting connections; run the command again once it is back."
        : " Check api_url (or FLINK_API_URL); for the local control plane run `npx flinkform local start`.";
    case "FLINK_API_CONNECTION_LOST":
    case "FLINK_API_TIMEOUT":
      return " The request may or may not have taken effect; running the command again reads the current state first.";
    default:
      return "";
  }
}

/** The diagnostic for an error, or undefined when it is not one the engine expects (a bug). */
export function diagnosticFor(err: unknown, action: string): Diagnostic | undefined {
  if (err instanceof ApplyIncompleteError && err.interrupted) {
    return errorDiagnostic(
      "Operation Interrupted",
      `${action} was interrupted while waiting (terraform was stopped). The object exists and is kept in state; the next apply replaces or finishes it.`,
    );
  }
  if (err instanceof ApplyIncompleteError) return errorDiagnostic(`${action} Did Not Complete`, err.message);
  if (
    err instanceof PollAbortedError ||
    (err instanceof Error && err.name === "AbortError") ||
    isApiError(err, "FLINK_API_ABORTED")
  ) {
    return errorDiagnostic(
      "Operation Interrupted",
      `${action} was interrupted before it finished (terraform was stopped).`,
    );
  }
  if (err instanceof PollTimeoutError) {
    return errorDiagnostic(
      "Timed Out",
      `${err.message}. Raise the resource's timeouts if the service needs longer.`,
    );
  }
  if (err instanceof PollError) return errorDiagnostic(`${action} Failed`, err.message);
  if (isApiError(err))
    return errorDiagnostic(apiSummary(err), `${action} failed: ${err.message}.${hint(err)}`);
  if (err instanceof HookFailedError) return errorDiagnostic(`${action} Failed`, `${err.message}.`);
  if (err instanceof DataSourceNotFoundError) return errorDiagnostic("Not Found", err.message);
  return undefined;
}
