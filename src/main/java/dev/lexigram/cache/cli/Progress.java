package dev.lexigram.cache.cli;

import java.io.PrintWriter;

/**
 * A progress bar on standard error: redrawn in place ({@code \r}) on a terminal, a new line every
 * 10% otherwise (a log, a CI transcript), so it never mixes into the answer on standard output.
 */
final class Progress {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String what;
  private final long total;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long shownTenth = -1;
  private long lastDraw;

  Progress(PrintWriter err, String what, long total, boolean terminal) {
    this.err = err;
    this.what = what;
    this.total = Math.max(total, 1);
    this.terminal = terminal;
  }

  void update(long done) {
    long tenth = done * 10 / total;
    long now = System.nanoTime();
    if (terminal ? now - lastDraw > 100_000_000L || done == total : tenth != shownTenth) {
      shownTenth = tenth;
      lastDraw = now;
      err.print((terminal ? "\r" : "") + bar(done) + (terminal ? "" : System.lineSeparator()));
      err.flush();
    }
  }

  void finish(long done) {
    if (terminal) {
      err.print("\r" + bar(done) + System.lineSeparator());
    } else if (done * 10 / total != shownTenth) {
      err.println(bar(done));
    }
    err.flush();
  }

  private String bar(long done) {
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
    return String.format("%s [%s%s] %3d%% %,d/%,d (%,.0f/s)", what, "#".repeat(filled), ".".repeat(WIDTH - filled),
        100 * Math.min(done, total) / total, done, total, done / seconds);
  }
}
