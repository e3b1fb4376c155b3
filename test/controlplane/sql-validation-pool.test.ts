/**
 * The SQL validation pool's limits, with a stand-in worker whose behaviour the statement picks (the
 * real worker's work is bounded by the parser budget, so it cannot be made to hang on purpose).
 */
import path from "node:path";
import { ApiError } from "../../controlplane/api-error";
import { SqlValidationPool } from "../../controlplane/sql-validation-pool";

const STUB = path.join(__dirname, "fixtures", "sql-worker-stub.js");
const input = (statement: string) => ({ statement, sources: [], sinks: [] });
/** The id of the thread that answered. */
const thread = async (pool: SqlValidationPool) => (await pool.validate(input("ok")))[0]!.message;

describe("SQL validation pool", () => {
  let pool: SqlValidationPool;
  afterEach(() => pool.close());

  test("a validation over the time limit answers 422 and the next one runs on a fresh worker", async () => {
    pool = new SqlValidationPool({ workerScript: STUB, timeoutMs: 1000 });
    const first = await thread(pool);
    const err = await pool.validate(input("hang")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, errorCode: "query_validation_failed" });
    expect((err as ApiError).message).toMatch(
      /^SQL validation took longer than 1 s and was stopped: the SQL is too complex to check/,
    );
    const next = await thread(pool);
    expect(next).not.toBe(first);
  });

  test("validations queue behind a running one; beyond the queue limit a 503 with Retry-After", async () => {
    pool = new SqlValidationPool({ workerScript: STUB, timeoutMs: 1000, maxQueued: 2 });
    await thread(pool);
    const hung = pool.validate(input("hang")).catch((e: unknown) => e);
    // The hung one runs; these two wait; a third waiting one is refused.
    const waiting = [pool.validate(input("ok")), pool.validate(input("ok"))];
    const refused = await pool.validate(input("ok")).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 503, headers: { "retry-after": "1" } });
    expect(await hung).toMatchObject({ status: 422 });
    // The waiting ones are answered by the replacement worker.
    for (const w of waiting) expect((await w)[0]!.code).toBe("thread");
  });

  test("a worker that dies answers 503 and the next validation gets a new one", async () => {
    pool = new SqlValidationPool({ workerScript: STUB });
    const first = await thread(pool);
    const err = await pool.validate(input("crash")).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 503 });
    expect((err as ApiError).message).toMatch(/^SQL validation is unavailable: the SQL validator stopped/);
    expect(await thread(pool)).not.toBe(first);
  });

  test("closing answers waiting validations with 503 instead of leaving them hanging", async () => {
    pool = new SqlValidationPool({ workerScript: STUB, timeoutMs: 10_000 });
    await thread(pool);
    const hung = pool.validate(input("hang")).catch((e: unknown) => e);
    const waiting = pool.validate(input("ok")).catch((e: unknown) => e);
    await pool.close();
    expect(await waiting).toMatchObject({ status: 503 });
    expect(await hung).toBeInstanceOf(ApiError);
  });
});
