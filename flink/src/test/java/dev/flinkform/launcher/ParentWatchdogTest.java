package dev.flinkform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchdogTest {
  @TempDir Path tmp;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    for (Process p : started) {
      p.destroyForcibly();
    }
  }

  private Process launch(String... launcherArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ParentWatchdog.class.getName());
    command.addAll(Arrays.asList(launcherArgs));
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(tmp.resolve("stdout.txt").toFile())
            .redirectError(tmp.resolve("stderr.txt").toFile())
            .start();
    started.add(p);
    return p;
  }

  private String read(String name) throws IOException {
    return new String(Files.readAllBytes(tmp.resolve(name)), StandardCharsets.UTF_8);
  }

  @Test
  void exitsWithZeroWhenStdinCloses() throws Exception {
    Process p = launch(SleepForeverMain.class.getName());
    Thread.sleep(500);
    assertTrue(p.isAlive(), "child should outlive main() thanks to its non-daemon thread; stderr: " + read("stderr.txt"));

    p.getOutputStream().close();

    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "child should exit within 10 s of stdin closing");
    assertEquals(0, p.exitValue(), "stderr: " + read("stderr.txt"));
    assertTrue(read("stderr.txt").contains("standard input closed"), read("stderr.txt"));
  }

  @Test
  void passesArgumentsThroughToMain() throws Exception {
    Process p = launch(SleepForeverMain.class.getName(), "--configDir", "/tmp/with space", "", "x=y");
    String expected = "ARGS-BEGIN\n--configDir\n/tmp/with space\n\nx=y\nARGS-END\n";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String out = read("stdout.txt").replace("\r\n", "\n");
    while (!out.contains("ARGS-END") && System.nanoTime() < deadline) {
      Thread.sleep(50);
      out = read("stdout.txt").replace("\r\n", "\n");
    }
    assertEquals(expected, out, "stderr: " + read("stderr.txt"));
    assertTrue(p.isAlive());
    p.getOutputStream().close();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
  }

  @Test
  void unknownMainClassExitsNonZeroNamingTheClass() throws Exception {
    Process p = launch("dev.flinkform.launcher.NoSuchMain");
    // stdin stays open: the failure must end the process by itself.
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "child should exit on its own");
    assertNotEquals(0, p.exitValue());
    assertTrue(read("stderr.txt").contains("dev.flinkform.launcher.NoSuchMain"), read("stderr.txt"));
  }
}
