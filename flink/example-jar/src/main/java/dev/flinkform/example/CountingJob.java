package dev.flinkform.example;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.util.Collector;

/**
 * Counts a sequence per key: a source emitting 0, 1, 2, ... (slowly), keyed by `n % keys`, each
 * key's count in keyed state, printed. The source's position and the counts are state, so a job
 * started from a savepoint continues where the stopped one was.
 *
 * <p>Arguments: {@code --keys N} (default 4), {@code --interval-ms N} between numbers (default
 * 100), {@code --name NAME} of the job (default "counting job").
 */
public final class CountingJob {
  private CountingJob() {}

  public static void main(String[] args) throws Exception {
    final long keys = Long.parseLong(arg(args, "--keys", "4"));
    final long intervalMs = Long.parseLong(arg(args, "--interval-ms", "100"));
    if (keys < 1 || intervalMs < 0)
      throw new IllegalArgumentException("--keys must be at least 1 and --interval-ms at least 0");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.addSource(new Sequence(intervalMs), "sequence")
        .uid("sequence")
        .keyBy(n -> n % keys, Types.LONG)
        .process(new Counter())
        .uid("counter")
        .print()
        .uid("print");
    env.execute(arg(args, "--name", "counting job"));
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
    return fallback;
  }

  /** 0, 1, 2, ...; the next number is its state. */
  static final class Sequence implements SourceFunction<Long>, CheckpointedFunction {
    private final long intervalMs;
    private volatile boolean running = true;
    private transient ListState<Long> state;
    private long next;

    Sequence(long intervalMs) {
      this.intervalMs = intervalMs;
    }

    @Override
    public void run(SourceContext<Long> ctx) throws Exception {
      while (running) {
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(next++);
        }
        if (intervalMs > 0) Thread.sleep(intervalMs);
      }
    }

    @Override
    public void cancel() {
      running = false;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      state.update(java.util.List.of(next));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Types.LONG));
      for (Long n : state.get()) next = n;
    }
  }

  /** Each key's count so far. */
  static final class Counter extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(Configuration parameters) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(Long n, Context ctx, Collector<String> out) throws Exception {
      long c = count.value() == null ? 1 : count.value() + 1;
      count.update(c);
      out.collect("key=" + ctx.getCurrentKey() + " count=" + c);
    }
  }
}
