package dev.flinkform.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Runs a Flink entry point (JobManager, TaskManager, SQL Gateway, ...) and ends the JVM when the
 * process that started it goes away.
 *
 * <p>The local control plane starts Flink processes as children and keeps the write end of their
 * standard input open. Flink's own entry points never read standard input and cannot notice that
 * their parent died, so a control plane killed with {@code kill -9} (or crashing) would leave
 * JobManagers and TaskManagers running, holding ports and memory. This launcher closes that gap: a
 * daemon thread reads {@code System.in} until end of file, which the operating system delivers as
 * soon as the last holder of the pipe's other end exits, however it exits, and then calls {@link
 * System#exit(int)}, which runs Flink's shutdown hooks so it shuts down cleanly.
 *
 * <p>Usage: {@code java -cp <this jar>:<classpath> dev.flinkform.launcher.ParentWatchdog <main
 * class> [args...]}. Start it with standard input from a pipe that the parent holds: started with
 * standard input from {@code /dev/null} it exits at once.
 */
public final class ParentWatchdog {
  private ParentWatchdog() {}

  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      System.err.println("usage: ParentWatchdog <main class> [args...]");
      System.exit(2);
    }
    String mainClassName = args[0];
    Thread watchdog = new Thread(() -> watchStdin(System.in, mainClassName), "flinkform-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();

    Method main = Class.forName(mainClassName).getMethod("main", String[].class);
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new NoSuchMethodException(mainClassName + ".main(String[]) is not static");
    }
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    // The main returned: the JVM lives on while the entry point's non-daemon threads do.
  }

  private static void watchStdin(InputStream in, String mainClassName) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) != -1) {
        // Discard anything written; only end of file matters.
      }
    } catch (IOException e) {
      // A broken pipe means the same as end of file: the parent is gone.
    }
    System.err.println(
        "flinkform launcher: standard input closed (the control plane that started this process exited);"
            + " shutting down " + mainClassName);
    System.exit(0);
  }
}
