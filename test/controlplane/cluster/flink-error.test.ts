import { exceptionChain, flinkProblem, shiftProblem } from "../../../controlplane/cluster/flink/flink-error";

/*
 * Fixtures: error texts as Flink 1.20's SQL Gateway and JobManager send them. A gateway error body is
 * `{"errors": ["Internal server error.", "<Exception on server side:\n...\nEnd of exception on server side>"]}`;
 * the second entry is what reaches flinkProblem. Stack frames are abridged; their shape is Flink's.
 */

/** The part every failed gateway statement shares: fetchResults wraps the operation's failure. */
const GATEWAY_HEAD = `<Exception on server side:
org.apache.flink.table.gateway.api.utils.SqlGatewayException: org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.
\tat org.apache.flink.table.gateway.rest.handler.statement.FetchResultsHandler.handleRequest(FetchResultsHandler.java:91)
\tat org.apache.flink.table.gateway.rest.handler.AbstractSqlGatewayRestHandler.respondToRequest(AbstractSqlGatewayRestHandler.java:84)
\tat org.apache.flink.runtime.rest.handler.AbstractHandler.respondAsLeader(AbstractHandler.java:196)
\tat java.base/java.lang.Thread.run(Thread.java:840)
Caused by: org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.
\tat org.apache.flink.table.gateway.service.SqlGatewayServiceImpl.fetchResults(SqlGatewayServiceImpl.java:231)
\tat org.apache.flink.table.gateway.rest.handler.statement.FetchResultsHandler.handleRequest(FetchResultsHandler.java:89)
\t... 48 more
Caused by: org.apache.flink.table.gateway.service.utils.SqlExecutionException: Failed to execute the operation 6c2d8b4e-9f0a-4c1e-b3c7-2f5a0d9e1b44.
\tat org.apache.flink.table.gateway.service.operation.OperationManager$Operation.processThrowable(OperationManager.java:414)
\tat org.apache.flink.table.gateway.service.operation.OperationManager$Operation.lambda$run$0(OperationManager.java:267)
\tat java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)
\t... 1 more
`;

const GATEWAY_TAIL = `
End of exception on server side>`;

const UNKNOWN_COLUMN = `${GATEWAY_HEAD}Caused by: org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, column 44 to line 1, column 49: Column 'nosuch' not found in any table
\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.org$apache$flink$table$planner$calcite$FlinkPlannerImpl$$validate(FlinkPlannerImpl.scala:200)
\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.validate(FlinkPlannerImpl.scala:117)
\tat org.apache.flink.table.planner.operations.SqlNodeToOperationConversion.convert(SqlNodeToOperationConversion.java:261)
\tat org.apache.flink.table.planner.delegation.ParserImpl.parse(ParserImpl.java:106)
\tat org.apache.flink.table.gateway.service.operation.OperationExecutor.executeStatement(OperationExecutor.java:208)
\t... 6 more
Caused by: org.apache.calcite.runtime.CalciteContextException: From line 1, column 44 to line 1, column 49: Column 'nosuch' not found in any table
\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
\tat java.base/java.lang.reflect.Constructor.newInstance(Constructor.java:490)
\tat org.apache.calcite.runtime.Resources$ExInstWithCause.ex(Resources.java:511)
\tat org.apache.calcite.sql.SqlUtil.newContextException(SqlUtil.java:952)
\tat org.apache.calcite.sql.validate.SqlValidatorImpl.newValidationError(SqlValidatorImpl.java:5899)
\t... 20 more
Caused by: org.apache.calcite.sql.validate.SqlValidatorException: Column 'nosuch' not found in any table
\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
\tat org.apache.calcite.runtime.Resources$ExInst.ex(Resources.java:599)
\t... 12 more
${GATEWAY_TAIL}`;

const EXPECTING = `Was expecting one of:
    <EOF> 
    "EXCEPT" ...
    "FETCH" ...
    "FROM" ...
    "INTERSECT" ...
    "LIMIT" ...
    "OFFSET" ...
    "ORDER" ...
    "UNION" ...
    "," ...
    `;

const PARSE_ERROR = `${GATEWAY_HEAD}Caused by: org.apache.flink.table.api.SqlParserException: SQL parse failed. Encountered "FORM" at line 1, column 10.
${EXPECTING}
\tat org.apache.flink.table.planner.parse.CalciteParser.parseSqlList(CalciteParser.java:81)
\tat org.apache.flink.table.planner.delegation.ParserImpl.parse(ParserImpl.java:102)
\t... 10 more
Caused by: org.apache.calcite.sql.parser.SqlParseException: Encountered "FORM" at line 1, column 10.
${EXPECTING}
\tat org.apache.flink.sql.parser.impl.FlinkSqlParserImpl.convertException(FlinkSqlParserImpl.java:490)
\tat org.apache.flink.sql.parser.impl.FlinkSqlParserImpl.normalizeException(FlinkSqlParserImpl.java:253)
\t... 12 more
Caused by: org.apache.flink.sql.parser.impl.ParseException: Encountered "FORM" at line 1, column 10.
${EXPECTING}
\tat org.apache.flink.sql.parser.impl.FlinkSqlParserImpl.generateParseException(FlinkSqlParserImpl.java:46382)
\tat org.apache.flink.sql.parser.impl.FlinkSqlParserImpl.jj_consume_token(FlinkSqlParserImpl.java:46190)
\t... 14 more
${GATEWAY_TAIL}`;

const UNKNOWN_FUNCTION = `${GATEWAY_HEAD}Caused by: org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, column 8 to line 1, column 18: No match found for function signature nosuchfn(<NUMERIC>)
\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.org$apache$flink$table$planner$calcite$FlinkPlannerImpl$$validate(FlinkPlannerImpl.scala:200)
\t... 9 more
Caused by: org.apache.calcite.runtime.CalciteContextException: From line 1, column 8 to line 1, column 18: No match found for function signature nosuchfn(<NUMERIC>)
\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
\tat org.apache.calcite.sql.validate.SqlValidatorImpl.handleUnresolvedFunction(SqlValidatorImpl.java:2013)
\t... 30 more
Caused by: org.apache.calcite.sql.validate.SqlValidatorException: No match found for function signature nosuchfn(<NUMERIC>)
\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
\t... 38 more
${GATEWAY_TAIL}`;

const SUPPORTED_FORMS = `Supported form(s): '<NUMERIC> + <NUMERIC>'
'<DATETIME_INTERVAL> + <DATETIME_INTERVAL>'
'<DATETIME> + <DATETIME_INTERVAL>'
'<DATETIME_INTERVAL> + <DATETIME>'`;

const TYPE_MISMATCH = `${GATEWAY_HEAD}Caused by: org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, column 8 to line 1, column 18: Cannot apply '+' to arguments of type '<VARCHAR(2147483647)> + <BOOLEAN>'. ${SUPPORTED_FORMS}
\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.org$apache$flink$table$planner$calcite$FlinkPlannerImpl$$validate(FlinkPlannerImpl.scala:200)
\t... 9 more
Caused by: org.apache.calcite.runtime.CalciteContextException: From line 1, column 8 to line 1, column 18: Cannot apply '+' to arguments of type '<VARCHAR(2147483647)> + <BOOLEAN>'. ${SUPPORTED_FORMS}
\tat org.apache.calcite.sql.SqlCallBinding.newValidationSignatureError(SqlCallBinding.java:392)
\t... 30 more
Caused by: org.apache.calcite.sql.validate.SqlValidatorException: Cannot apply '+' to arguments of type '<VARCHAR(2147483647)> + <BOOLEAN>'. ${SUPPORTED_FORMS}
\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
\t... 38 more
${GATEWAY_TAIL}`;

const UNSUPPORTED_OPTION = `${GATEWAY_HEAD}Caused by: org.apache.flink.table.api.ValidationException: Unable to create a source for reading table 'default_catalog.default_database.src'.

Table options are:

'connector'='datagen'
'foo'='bar'
\tat org.apache.flink.table.factories.FactoryUtil.createDynamicTableSource(FactoryUtil.java:228)
\tat org.apache.flink.table.factories.FactoryUtil.createDynamicTableSource(FactoryUtil.java:253)
\tat org.apache.flink.table.planner.plan.schema.CatalogSourceTable.createDynamicTableSource(CatalogSourceTable.java:175)
\t... 40 more
Caused by: org.apache.flink.table.api.ValidationException: Unsupported options found for 'datagen'.

Unsupported options:

foo

Supported options:

connector
fields.#.end
fields.#.kind
fields.#.length
fields.#.max
fields.#.min
fields.#.null-rate
fields.#.start
fields.#.var-len
number-of-rows
rows-per-second
scan.parallelism
\tat org.apache.flink.table.factories.FactoryUtil.validateUnconsumedKeys(FactoryUtil.java:721)
\tat org.apache.flink.table.factories.FactoryUtil$FactoryHelper.validate(FactoryUtil.java:1149)
\tat org.apache.flink.connector.datagen.table.DataGenTableSourceFactory.createDynamicTableSource(DataGenTableSourceFactory.java:76)
\tat org.apache.flink.table.factories.FactoryUtil.createDynamicTableSource(FactoryUtil.java:225)
\t... 52 more
${GATEWAY_TAIL}`;

/** `root-exception` of `GET /jobs/:jobid/exceptions` for a job that ran out of restarts. */
const DIVIDE_BY_ZERO = `org.apache.flink.runtime.JobException: Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=2, backoffTimeMS=1000)
\tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:219)
\tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailureAndReport(ExecutionFailureHandler.java:166)
\tat org.apache.flink.runtime.scheduler.DefaultScheduler.recordTaskFailure(DefaultScheduler.java:295)
\tat org.apache.pekko.dispatch.ForkJoinExecutorConfigurator$PekkoForkJoinTask.exec(ForkJoinExecutorConfigurator.scala:48)
\tat java.base/java.util.concurrent.ForkJoinWorkerThread.run(ForkJoinWorkerThread.java:165)
Caused by: java.lang.ArithmeticException: / by zero
\tat StreamExecCalc$7.processElement_split1(Unknown Source)
\tat StreamExecCalc$7.processElement(Unknown Source)
\tat org.apache.flink.streaming.runtime.tasks.CopyingChainingOutput.pushToOperator(CopyingChainingOutput.java:75)
\tat org.apache.flink.streaming.runtime.tasks.StreamTask.invoke(StreamTask.java:917)
\tat org.apache.flink.runtime.taskmanager.Task.run(Task.java:566)
\tat java.base/java.lang.Thread.run(Thread.java:840)
`;

/** Flink's runtime failures are wrapped on the way up; `JobException` is the one that says why there was no restart. */
const jobFailure = (
  causes: string,
) => `org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy
\tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:219)
\tat org.apache.flink.runtime.scheduler.DefaultScheduler.recordTaskFailure(DefaultScheduler.java:295)
${causes}`;

const UNKNOWN_TOPIC =
  jobFailure(`Caused by: org.apache.flink.util.FlinkException: Global failure triggered by OperatorCoordinator for 'Source: src[1]' (operator cbc357ccb763df2852fee8c4fc7d55f2).
\tat org.apache.flink.runtime.operators.coordination.OperatorCoordinatorHolder$LazyInitializedCoordinatorContext.failJob(OperatorCoordinatorHolder.java:651)
\t... 3 more
Caused by: org.apache.flink.util.FlinkRuntimeException: Failed to list subscribed topic partitions due to 
\tat org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumerator.checkPartitionChanges(KafkaSourceEnumerator.java:234)
\t... 8 more
Caused by: java.lang.RuntimeException: Failed to get metadata for topics [orders].
\tat org.apache.flink.connector.kafka.source.enumerator.subscriber.KafkaSubscriberUtils.getTopicMetadata(KafkaSubscriberUtils.java:47)
\t... 10 more
Caused by: java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.
\tat java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:395)
\t... 12 more
Caused by: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.
`);

/** The root cause is itself of a type that usually only wraps one (here: the checkpoint failure manager's). */
const CHECKPOINT_THRESHOLD =
  jobFailure(`Caused by: org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure threshold. The latest checkpoint failed due to Checkpoint expired before completing., view the Checkpoint History tab or the Job Manager log to find out why continuous checkpoints failed.
\tat org.apache.flink.runtime.checkpoint.CheckpointFailureManager.checkFailureAgainstCounter(CheckpointFailureManager.java:212)
\tat org.apache.flink.runtime.checkpoint.CheckpointFailureManager.handleJobLevelCheckpointException(CheckpointFailureManager.java:169)
\t... 12 more
`);

/** Java 11 (no helpful NullPointerException messages): the root cause is only a class name. */
const NULL_POINTER = jobFailure(`Caused by: java.lang.NullPointerException
\tat StreamExecCalc$31.processElement(Unknown Source)
\tat org.apache.flink.streaming.runtime.tasks.ChainingOutput.pushToOperator(ChainingOutput.java:99)
\t... 14 more
`);

/** A failure where every exception is of a wrapping type, the outer one repeating its cause in its message. */
const WRAPPED_ONLY = `java.util.concurrent.CompletionException: java.lang.RuntimeException: Source reader was closed before the savepoint completed
\tat java.base/java.util.concurrent.CompletableFuture.encodeThrowable(CompletableFuture.java:314)
\tat java.base/java.util.concurrent.CompletableFuture.completeThrowable(CompletableFuture.java:319)
Caused by: java.lang.RuntimeException: Source reader was closed before the savepoint completed
\tat org.apache.flink.runtime.checkpoint.CheckpointCoordinator.lambda$triggerCheckpointFromCheckpointThread$4(CheckpointCoordinator.java:612)
\t... 5 more
`;

describe("exceptionChain", () => {
  test("lists a gateway trace's exceptions outermost first, without frames or the server-side markers", () => {
    expect(exceptionChain(UNKNOWN_COLUMN).map((c) => c.type)).toEqual([
      "org.apache.flink.table.gateway.api.utils.SqlGatewayException",
      "org.apache.flink.table.gateway.api.utils.SqlGatewayException",
      "org.apache.flink.table.gateway.service.utils.SqlExecutionException",
      "org.apache.flink.table.api.ValidationException",
      "org.apache.calcite.runtime.CalciteContextException",
      "org.apache.calcite.sql.validate.SqlValidatorException",
    ]);
    for (const c of exceptionChain(UNKNOWN_COLUMN)) {
      expect(c.message).not.toMatch(/\bat org\.|\.\.\. \d+ more|End of exception|Exception on server side/);
    }
    expect(exceptionChain(UNKNOWN_COLUMN).at(-1)!.message).toBe("Column 'nosuch' not found in any table");
  });

  test("keeps a multi-line message whole, up to the exception's first frame", () => {
    const [where, what] = exceptionChain(UNSUPPORTED_OPTION).slice(3);
    expect(where).toEqual({
      type: "org.apache.flink.table.api.ValidationException",
      message:
        "Unable to create a source for reading table 'default_catalog.default_database.src'.\n\n" +
        "Table options are:\n\n'connector'='datagen'\n'foo'='bar'",
    });
    expect(what!.message).toMatch(
      /^Unsupported options found for 'datagen'\.\n\nUnsupported options:\n\nfoo\n/,
    );
    expect(what!.message).toMatch(/\nrows-per-second\nscan\.parallelism$/);
  });

  test("a suppressed exception's nested causes are not part of the chain", () => {
    const trace = `java.io.IOException: Could not write checkpoint
\tat org.apache.flink.runtime.state.filesystem.FsCheckpointStreamFactory.flush(FsCheckpointStreamFactory.java:200)
\tSuppressed: java.io.IOException: close failed
\t\tat org.apache.flink.core.fs.local.LocalDataOutputStream.close(LocalDataOutputStream.java:60)
\tCaused by: java.nio.file.AccessDeniedException: /tmp/x
\t\t... 3 more
Caused by: java.nio.file.NoSuchFileException: /data/checkpoints/chk-4
\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)
`;
    expect(exceptionChain(trace)).toEqual([
      { type: "java.io.IOException", message: "Could not write checkpoint" },
      { type: "java.nio.file.NoSuchFileException", message: "/data/checkpoints/chk-4" },
    ]);
  });

  test("text that is no Java trace has no chain", () => {
    expect(exceptionChain("")).toEqual([]);
    expect(exceptionChain("<html><body>502 Bad Gateway</body></html>")).toEqual([]);
  });
});

describe("flinkProblem", () => {
  test.each([
    {
      case: "unknown column",
      trace: UNKNOWN_COLUMN,
      message: "From line 1, column 44 to line 1, column 49: Column 'nosuch' not found in any table",
      position: { line: 1, column: 44, endLine: 1, endColumn: 49 },
    },
    {
      case: "unknown function",
      trace: UNKNOWN_FUNCTION,
      message:
        "From line 1, column 8 to line 1, column 18: No match found for function signature nosuchfn(<NUMERIC>)",
      position: { line: 1, column: 8, endLine: 1, endColumn: 18 },
    },
    {
      case: "type mismatch",
      trace: TYPE_MISMATCH,
      message: `From line 1, column 8 to line 1, column 18: Cannot apply '+' to arguments of type '<VARCHAR(2147483647)> + <BOOLEAN>'. ${SUPPORTED_FORMS}`,
      position: { line: 1, column: 8, endLine: 1, endColumn: 18 },
    },
  ])("$case: the planner's finding and its range, without the exception class or the frames", (c) => {
    expect(flinkProblem(c.trace)).toEqual({ message: c.message, position: c.position });
  });

  test("parse error: what the parser met and where, at a single point", () => {
    const p = flinkProblem(PARSE_ERROR);
    expect(p.position).toEqual({ line: 1, column: 10, endLine: 1, endColumn: 10 });
    expect(p.message).toMatch(/^Encountered "FORM" at line 1, column 10\. Was expecting one of: /);
    expect(p.message).toContain('"FROM"');
    expect(p.message).not.toContain("\n");
    expect(p.message).not.toMatch(/SQL parse failed|ParseException|\tat /);
  });

  test("unsupported connector option: which table and which option, without Flink's listing of the table's options", () => {
    const p = flinkProblem(UNSUPPORTED_OPTION);
    expect(p.position).toBeUndefined();
    expect(p.message).toMatch(
      /^Unable to create a source for reading table 'default_catalog\.default_database\.src': Unsupported options found for 'datagen'\.\n\nUnsupported options:\n\nfoo\n/,
    );
    expect(p.message).toContain("Supported options:\n\nconnector\n");
    expect(p.message).not.toContain("Table options are");
    expect(p.message).not.toContain("'foo'='bar'");
    expect(p.message).not.toMatch(/ValidationException|\tat /);
  });

  test("a job that failed at run time: the root cause, with why it was not restarted", () => {
    expect(flinkProblem(DIVIDE_BY_ZERO)).toEqual({
      message:
        "Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=2, backoffTimeMS=1000): / by zero",
    });
  });

  test.each([
    {
      case: "an unknown Kafka topic, under the connector's wrappers",
      trace: UNKNOWN_TOPIC,
      message:
        "Recovery is suppressed by NoRestartBackoffTimeStrategy: This server does not host this topic-partition.",
    },
    {
      case: "a root cause whose type usually only wraps (checkpoint tolerance exceeded)",
      trace: CHECKPOINT_THRESHOLD,
      message:
        "Recovery is suppressed by NoRestartBackoffTimeStrategy: Exceeded checkpoint tolerable failure threshold. The latest checkpoint failed due to Checkpoint expired before completing., view the Checkpoint History tab or the Job Manager log to find out why continuous checkpoints failed.",
    },
    {
      case: "a root cause without a message: its class",
      trace: NULL_POINTER,
      message: "Recovery is suppressed by NoRestartBackoffTimeStrategy: java.lang.NullPointerException",
    },
    {
      case: "only wrappers: the deepest one's message, once",
      trace: WRAPPED_ONLY,
      message: "Source reader was closed before the savepoint completed",
    },
  ])("job failure, $case", (c) => {
    expect(flinkProblem(c.trace)).toEqual({ message: c.message });
  });

  test("a failed connection: the cause that names the address sits between the context and the bare root", () => {
    const trace = [
      "org.apache.flink.runtime.JobException: Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=4, backoffTimeMS=2000)",
      "\tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:219)",
      "Caused by: java.io.IOException: unable to open JDBC writer",
      "\tat org.apache.flink.connector.jdbc.internal.JdbcOutputFormat.open(JdbcOutputFormat.java:154)",
      "Caused by: org.postgresql.util.PSQLException: Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
      "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)",
      "Caused by: java.net.ConnectException: Connection refused",
      "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)",
      "\t... 20 more",
    ].join("\n");
    const { message } = flinkProblem(trace);
    expect(message).toMatch(
      /^Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy\(maxNumberRestartAttempts=4, backoffTimeMS=2000\): /,
    );
    expect(message).toContain("Connection to 127.0.0.1:1 refused");
    expect(message).toMatch(/: Connection refused$/);
  });

  test("a syntax error keeps what was met and where, and only the first few of the tokens Calcite expected", () => {
    const trace = [
      "org.apache.flink.table.api.SqlParserException: SQL parse failed. Incorrect syntax near the keyword 'CREATE' at line 1, column 1.",
      "Was expecting one of:",
      '    "ABS" ...',
      '    "ALL" ...',
      "\tat org.apache.flink.table.planner.parse.CalciteParser.parseSqlList(CalciteParser.java:81)",
    ].join("\n");
    const problem = flinkProblem(trace);
    expect(problem.message).toBe(
      `SQL parse failed. Incorrect syntax near the keyword 'CREATE' at line 1, column 1. Was expecting one of: "ABS", "ALL"`,
    );
    expect(problem.position).toMatchObject({ line: 1, column: 1 });
  });

  test("a trace with Windows line ends reads the same", () => {
    expect(flinkProblem(UNKNOWN_COLUMN.replace(/\n/g, "\r\n"))).toEqual(flinkProblem(UNKNOWN_COLUMN));
  });

  test.each([
    { case: "empty", text: "", message: "Flink reported an error without a message" },
    { case: "blank lines", text: "\n  \n", message: "Flink reported an error without a message" },
    {
      case: "HTML from a proxy",
      text: "<html><body>502 Bad Gateway</body></html>",
      message: "<html><body>502 Bad Gateway</body></html>",
    },
    { case: "a plain sentence", text: "Internal server error.", message: "Internal server error." },
    {
      case: "a plain sentence after blank lines",
      text: "\n\n  Job not found.  \n",
      message: "Job not found.",
    },
  ])("$case input gives a message and no position", (c) => {
    expect(flinkProblem(c.text)).toEqual({ message: c.message });
  });
});

describe("shiftProblem", () => {
  test("moves positions submitted one line down (after `EXPLAIN PLAN FOR`) back to the statement's own lines", () => {
    const explained = UNKNOWN_COLUMN.replace(
      /line 1, column 44 to line 1, column 49/g,
      "line 2, column 44 to line 2, column 49",
    );
    const p = shiftProblem(flinkProblem(explained), -1);
    expect(p).toEqual({
      message: "From line 1, column 44 to line 1, column 49: Column 'nosuch' not found in any table",
      position: { line: 1, column: 44, endLine: 1, endColumn: 49 },
    });
  });

  test("shifts a point position and a range across lines alike, message and position agreeing", () => {
    const parse = shiftProblem(
      flinkProblem(PARSE_ERROR.replace(/line 1, column 10/g, "line 3, column 10")),
      -1,
    );
    expect(parse.position).toEqual({ line: 2, column: 10, endLine: 2, endColumn: 10 });
    expect(parse.message).toMatch(/^Encountered "FORM" at line 2, column 10\./);
    const range = shiftProblem(
      {
        message: "From line 2, column 5 to line 4, column 3: x",
        position: { line: 2, column: 5, endLine: 4, endColumn: 3 },
      },
      -1,
    );
    expect(range).toEqual({
      message: "From line 1, column 5 to line 3, column 3: x",
      position: { line: 1, column: 5, endLine: 3, endColumn: 3 },
    });
  });

  test("never moves a position before line 1", () => {
    expect(shiftProblem(flinkProblem(UNKNOWN_FUNCTION), -1).position).toEqual({
      line: 1,
      column: 8,
      endLine: 1,
      endColumn: 18,
    });
  });

  test("a problem without a position is left as it is", () => {
    const p = flinkProblem(UNSUPPORTED_OPTION);
    expect(shiftProblem(p, -1)).toBe(p);
  });
});
