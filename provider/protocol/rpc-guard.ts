/**
 * The top-level guard every RPC handler runs in: an escaped exception becomes an ERROR diagnostic
 * instead of a crashed plugin, and secrets are masked in whatever goes back to terraform.
 */
import type { Diagnostic } from "./diagnostics";
import { attributePath } from "./diagnostics";
import type { DynamicValueError } from "./dynamic-value";
import { redact } from "./logger";
import type { RpcContext } from "./rpc-types";

/**
 * By its code, not instanceof: the provider is two bundles (start-up and handlers), each with its
 * own copy of the class, and the guard runs in the first while the value is decoded in the second.
 */
function isDynamicValueError(err: unknown): err is DynamicValueError {
  return err instanceof Error && (err as { code?: unknown }).code === "DYNAMIC_VALUE_INVALID";
}

export function diagnosticForError(err: unknown): Diagnostic {
  if (isDynamicValueError(err)) {
    return {
      severity: "ERROR",
      summary: "Invalid Value From Terraform",
      detail: redact(`The provider could not read a value terraform sent: ${err.message}.`),
      ...(Array.isArray(err.path) && err.path.length > 0 ? { attribute: attributePath(err.path) } : {}),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    severity: "ERROR",
    summary: "Unexpected provider error",
    detail: redact(`This is a bug in the provider: ${message}`),
  };
}

/** Runs a handler; never rejects. StopProvider reports failures in its `Error` string instead. */
export async function guardedCall<Req, Res extends object>(
  rpc: string,
  handler: (request: Req, ctx: RpcContext) => Promise<Res>,
  request: Req,
  ctx: RpcContext,
): Promise<Res> {
  try {
    const response = await handler(request, ctx);
    if (response === null || typeof response !== "object") {
      throw new Error(
        `${rpc} handler returned ${response === null ? "null" : typeof response}, not a response object`,
      );
    }
    const diagnostics = (response as { diagnostics?: Diagnostic[] }).diagnostics;
    if (diagnostics && diagnostics.length > 0) return { ...response, diagnostics: redact(diagnostics) };
    return response;
  } catch (err) {
    ctx.log.error(`${rpc} failed`, {
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    if (rpc === "StopProvider")
      return { Error: redact(err instanceof Error ? err.message : String(err)) } as Res;
    return { diagnostics: [diagnosticForError(err)] } as unknown as Res;
  }
}
