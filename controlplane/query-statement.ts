/**
 * What the interactive query runs: one statement that reads (SELECT, WITH, VALUES, or SHOW /
 * DESCRIBE to look around). Writing (INSERT, a statement set) and DDL belong in an application
 * version: the answer says so instead of running them.
 */
const READS = /^(SELECT|WITH|VALUES|SHOW|DESCRIBE|DESC)\b/i;
const WRITES = /^(INSERT|UPSERT|EXECUTE|STATEMENT|BEGIN|DELETE|UPDATE|TRUNCATE)\b/i;

/** Undefined when the statement may run; otherwise why not, for a 400. */
export function queryStatementProblem(statement: string): string | undefined {
  const text = withoutComments(statement).trim().replace(/;\s*$/, "");
  if (text === "") return "statement: empty; write one SELECT";
  const start = text.replace(/^\(+\s*/, "");
  const keyword = /^\S+/.exec(start)?.[0].toUpperCase() ?? "";
  if (WRITES.test(start))
    return `statement: ${keyword} writes data; the interactive query only reads (SELECT). Deploy an application version to write`;
  if (hasSecondStatement(text)) return "statement: one query at a time (it holds more than one statement)";
  if (READS.test(start)) return undefined;
  return `statement: ${keyword} is not a query; the interactive query runs one SELECT (DDL and SET belong in an application version)`;
}

function withoutComments(sql: string): string {
  let out = "";
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === "`" || c === '"') {
      const end = closing(sql, i, c);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? sql.length : nl - 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 1;
      out += " ";
    } else out += c;
  }
  return out;
}

/** Index of the quote that closes the one at `start` ('' and `` escape themselves). */
function closing(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i++;
      else return i;
    }
  }
  return sql.length - 1;
}

function hasSecondStatement(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === "`" || c === '"') i = closing(text, i, c);
    else if (c === ";") return text.slice(i + 1).trim() !== "";
  }
  return false;
}
