/**
 * Bounded parser work. dt-sql-parser's ANTLR prediction is exponential on some short texts (calls of
 * user-defined functions nested as first argument, `f(f(f(...)))`: 10 levels take ~20 s) and quadratic
 * on long lists, and nothing in a text's length or nesting predicts it. So the parser's work is counted
 * while it runs — prediction-context operations, lookahead steps, characters parsed — and a parse that
 * goes over its budget stops with SqlTooComplexError. Work, not time: the same text gets the same answer
 * on any machine, however busy.
 *
 * One unit is about a microsecond of parser work. A validation gets BASE_UNITS plus UNITS_PER_CHAR for
 * each character of its SQL, about 2.5 times what the slowest real SQL measured needs with a cold parser
 * (a 49,000-character statement of ~250 varied queries: 2.4 million units).
 */
export const PARSE_BUDGET = { baseUnits: 2_000_000, unitsPerChar: 100 } as const;

/** Stable code for callers that branch on it (never on the message). */
export class SqlTooComplexError extends Error {
  readonly code = "SQL_TOO_COMPLEX";
  constructor(readonly reason: "work" | "stack") {
    super(
      reason === "work"
        ? "the SQL parser's work limit was reached"
        : "the SQL parser ran out of stack (nesting too deep)",
    );
  }
}

/** Units left in the current budget; Infinity when no budget is running. */
let remaining = Number.POSITIVE_INFINITY;
/** Whether a parse is running under a budget: the counters count only then. */
let counting = false;

function spend(units: number): void {
  remaining -= units;
  if (remaining < 0) throw new SqlTooComplexError("work");
}

/** Work units a validation of `chars` characters of SQL may use. */
export function budgetFor(chars: number): number {
  return PARSE_BUDGET.baseUnits + PARSE_BUDGET.unitsPerChar * chars;
}

/**
 * Runs `fn` with a work budget shared by every parse inside it. Nested calls share the outer budget
 * (the smaller one wins), so a validation's parses never get more than the validation's budget.
 */
export function withParseBudget<T>(units: number, fn: () => T): T {
  const outer = remaining;
  const start = Math.min(outer, units);
  remaining = start;
  try {
    return fn();
  } finally {
    // What the inner budget spent is spent from the outer one too.
    remaining = outer === Number.POSITIVE_INFINITY ? outer : Math.max(0, outer - (start - remaining));
  }
}

/**
 * One parse under the current budget (or its own budget when none runs). A stack overflow inside the
 * parser becomes SqlTooComplexError too: the caller reports it, nothing crashes.
 */
export function countedParse<T>(text: string, parse: () => T): T {
  if (remaining === Number.POSITIVE_INFINITY)
    return withParseBudget(budgetFor(text.length), () => countedParse(text, parse));
  // Characters stand for the lexing and the per-statement text work around each parse (~0.5 µs each).
  spend(Math.ceil(text.length / 2));
  const was = counting;
  counting = true;
  try {
    return parse();
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) throw new SqlTooComplexError("stack");
    throw err;
  } finally {
    counting = was;
  }
}

interface Prototype {
  [method: string]: unknown;
}

/** Wraps `proto[method]` so that each call spends `units` while a counted parse runs. */
function meter(proto: Prototype | null | undefined, method: string, every: number): boolean {
  const original = proto?.[method];
  if (typeof original !== "function") return false;
  let calls = 0;
  proto![method] = function (this: unknown, ...args: unknown[]) {
    if (counting && ++calls >= every) {
      calls = 0;
      spend(1);
    }
    return original.apply(this, args);
  };
  return true;
}

/**
 * Installs the counters on the parser's ANTLR runtime (once per loaded bundle). The methods are looked
 * up by name on the runtime's classes; esbuild keeps method names when it minifies. Returns false if
 * they are missing (another dt-sql-parser version): parses then run unbounded, and the budget tests fail.
 */
export function installWorkCounters(interpreter: unknown): boolean {
  const simulator = Object.getPrototypeOf(interpreter) as Prototype | null;
  const cache = (interpreter as { sharedContextCache?: { cache?: object } }).sharedContextCache?.cache;
  const hashMap = cache ? (Object.getPrototypeOf(cache) as Prototype) : undefined;
  // A prediction-context map operation is ~1 µs; a lookahead step through the DFA ~30 ns.
  const merges = meter(hashMap, "set", 1) && meter(hashMap, "get", 1);
  const lookahead = meter(simulator, "getExistingTargetState", 32);
  return merges && lookahead;
}
