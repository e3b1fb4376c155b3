/** MoveResourceState's request (raw JSON state) into moveState's input, its issues into diagnostics. */
import type { ResourceSpec } from "../../schemas/dsl/types";
import {
  type Diagnostic,
  errorDiagnostic,
  type MoveResourceStateRequest,
  warningDiagnostic,
} from "../protocol";
import { moveState } from "./move-state";
import type { Values } from "./values";

export function moveFromRequest(
  req: MoveResourceStateRequest,
  target: ResourceSpec | undefined,
): { state?: Values; diagnostics: Diagnostic[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(req.source_state?.json?.toString("utf8") ?? "null");
  } catch {
    return {
      diagnostics: [
        errorDiagnostic(
          "Invalid Source State",
          `The stored ${req.source_type_name} state is not valid JSON.`,
        ),
      ],
    };
  }
  const result = moveState(
    {
      providerAddress: req.source_provider_address,
      typeName: req.source_type_name,
      schemaVersion: Number(req.source_schema_version ?? 0),
      state: raw,
    },
    req.target_type_name,
    target,
  );
  const diagnostics = result.issues.map((i) =>
    i.severity === "error" ? errorDiagnostic(i.summary, i.detail) : warningDiagnostic(i.summary, i.detail),
  );
  return { state: result.state, diagnostics };
}
