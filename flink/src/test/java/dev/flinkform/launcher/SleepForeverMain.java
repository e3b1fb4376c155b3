package dev.flinkform.launcher;

/**
 * A stand-in for a Flink entry point: prints its arguments, one per line between markers, then
 * returns from main leaving a non-daemon thread that sleeps forever, as Flink's entry points do.
 */
public final class SleepForeverMain {
  private SleepForeverMain() {}

  public static void main(String[] args) {
    System.out.println("ARGS-BEGIN");
    for (String arg : args) {
      System.out.println(arg);
    }
    System.out.println("ARGS-END");
    System.out.flush();
    Thread sleeper =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(60_000);
                } catch (InterruptedException e) {
                  // keep sleeping
                }
              }
            },
            "sleep-forever");
    sleeper.setDaemon(false);
    sleeper.start();
  }
}
