/**
 * Turns the Java stack traces Flink's REST API and SQL Gateway send back into the message a user
 * should read. A gateway error body is `{errors: ["Internal server error.", "<Exception on server
 * side:\n...>"]}`; the useful part is one of the `Caused by:` lines, usually the planner's
 * ValidationException or the parser's SqlParserException, with its `line X, column Y`.
 */

export interface FlinkProblem {
  /** The message, without the exception class and without stack frames. */
  readonly message: string;
  /** Position in the submitted text, when Flink gave one (1-based). */
  readonly position?: { line: number; column: number; endLine: number; endColumn: number };
}

/** Exceptions that only wrap the real cause on the way out of the gateway or the client. */
const WRAPPERS = [
  "org.apache.flink.table.gateway.api.utils.SqlGatewayException",
  "org.apache.flink.table.gateway.service.utils.SqlExecutionException",
  "org.apache.flink.util.FlinkException",
  "org.apache.flink.util.FlinkRuntimeException",
  "org.apache.flink.util.SerializedThrowable",
  "java.util.concurrent.CompletionException",
  "java.util.concurrent.ExecutionException",
  "org.apache.flink.runtime.rest.util.RestClientException",
  "org.apache.flink.runtime.client.JobSubmissionException",
  "org.apache.flink.client.program.ProgramInvocationException",
  "java.lang.RuntimeException",
];

interface Cause {
  readonly type: string;
  readonly message: string;
}

const HEADER = /^([a-zA-Z_$][\w$]*(?:\.[\w$]+)+):?\s?(.*)$/;

/** The exceptions of a Java stack trace, outermost first, each with its whole (multi-line) message. */
export function exceptionChain(trace: string): Cause[] {
  const causes: Cause[] = [];
  let current: { type: string; lines: string[] } | undefined;
  let inFrames = false;
  const flush = () => {
    if (current) causes.push({ type: current.type, message: current.lines.join("\n").trim() });
    current = undefined;
  };
  for (const raw of trace.split("\n")) {
    const line = raw.replace(/\r$/, "").replace(/^<Exception on server side:\s*/, "");
    const caused = line.startsWith("Caused by: ");
    // A header: "Caused by: x.y.Z: message", or the trace's first line.
    if (caused || (causes.length === 0 && current === undefined && line.trim() !== "")) {
      const head = HEADER.exec(caused ? line.slice("Caused by: ".length) : line.trim());
      if (head) {
        flush();
        current = { type: head[1]!, lines: [head[2] ?? ""] };
        inFrames = false;
        continue;
      }
    }
    if (/^\s+at /.test(line) || /^\s+\.\.\. \d+ more/.test(line) || /^\s*Suppressed: /.test(line)) {
      inFrames = true;
      continue;
    }
    if (current && !inFrames) current.lines.push(line);
  }
  flush();
  return causes;
}

/** The message a user should see for a Flink failure, with its position when there is one. */
export function flinkProblem(trace: string): FlinkProblem {
  const chain = exceptionChain(trace);
  if (chain.length === 0) return { message: firstLine(trace) || "Flink reported an error without a message" };
  const stated = chain.filter((c) => c.message !== "");
  const meaningful = stated.filter((c) => !WRAPPERS.includes(c.type));
  const candidates = meaningful.length > 0 ? meaningful : stated;
  // The deepest exception that states a position is the planner's own finding. Otherwise the
  // deepest cause says what is wrong, whatever its type (without a message, its class does), and
  // the outermost meaningful one's first line says where.
  const positioned = [...candidates].reverse().find((c) => POSITION.test(c.message));
  if (positioned) return { message: cleanMessage(positioned.message), ...positionOf(positioned.message) };
  const root = chain[chain.length - 1]!;
  const rootMessage = root.message !== "" ? cleanMessage(root.message) : root.type;
  const outer = meaningful[0];
  const context = outer && outer !== root ? firstLine(cleanMessage(outer.message)) : "";
  // The cause just above the root often says it best ("Connection to host:port refused" above a
  // bare "Connection refused"): it goes between the two when it adds something.
  const above = meaningful.filter((c) => c !== outer && c !== root).pop();
  const middle = above ? firstLine(cleanMessage(above.message)) : "";
  const parts = [context, middle, rootMessage].filter(
    (part, i, all) =>
      part !== "" && !all.slice(i + 1).some((later) => later.startsWith(part.replace(/[.:]$/, ""))),
  );
  const message = parts.map((p, i) => (i < parts.length - 1 ? p.replace(/[.:]$/, "") : p)).join(": ");
  return { message, ...positionOf(message) };
}

const POSITION = /line (\d+), column (\d+)/;
const RANGE = /[Ff]rom line (\d+), column (\d+) to line (\d+), column (\d+)/;

function positionOf(message: string): Pick<FlinkProblem, "position"> {
  const range = RANGE.exec(message);
  if (range) {
    const [line, column, endLine, endColumn] = range.slice(1).map(Number) as [number, number, number, number];
    return { position: { line, column, endLine, endColumn } };
  }
  const at = POSITION.exec(message);
  if (!at) return {};
  const line = Number(at[1]);
  const column = Number(at[2]);
  return { position: { line, column, endLine: line, endColumn: column } };
}

/** Drops Flink's repeated "SQL validation failed." prefixes and trailing blank lines. */
function cleanMessage(message: string): string {
  let m = shortenExpectations(message).trim();
  while (/^SQL validation failed\.\s+/.test(m)) m = m.replace(/^SQL validation failed\.\s+/, "");
  return m.replace(/\n{3,}/g, "\n\n");
}

/**
 * Calcite lists every token it would have accepted, one per line (often 150 of them): the first few
 * on one line are a hint, the rest is noise.
 */
function shortenExpectations(message: string): string {
  const at = /\s*Was expecting(?: one of)?:\s*\n/.exec(message);
  if (!at) return message;
  const tokens = message
    .slice(at.index + at[0].length)
    .split("\n")
    .map((l) => l.trim().replace(/\s*\.\.\.$/, ""))
    .filter((l) => l !== "");
  const shown = tokens.slice(0, 6).join(", ");
  const more = tokens.length > 6 ? ` and ${tokens.length - 6} more` : "";
  return `${message.slice(0, at.index)} Was expecting one of: ${shown}${more}`;
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? ""
  );
}

/** Moves a problem's position by `lines` (for text that was submitted after a prefix line). */
export function shiftProblem(p: FlinkProblem, lines: number): FlinkProblem {
  if (!p.position) return p;
  const shift = (n: number) => Math.max(1, n + lines);
  return {
    message: p.message.replace(/line (\d+)/g, (_, n: string) => `line ${shift(Number(n))}`),
    position: { ...p.position, line: shift(p.position.line), endLine: shift(p.position.endLine) },
  };
}
