package dev.lexigram.cache.near;

import io.lettuce.core.KillArgs;
import io.lettuce.core.api.sync.RedisCommands;

/** The near caches' connections as a server sees them: those with client tracking on (flag {@code t}). */
final class TrackingClients {

  private TrackingClients() {}

  /** Kills, by id, every connection of the server that has tracking on; returns how many. */
  static int killAll(RedisCommands<String, String> server) {
    int killed = 0;
    for (String line : server.clientList().split("\n")) {
      if (line.matches(".*flags=\\S*t\\S*.*")) {
        server.clientKill(KillArgs.Builder.id(Long.parseLong(line.replaceAll(".*\\bid=(\\d+).*", "$1").trim())));
        killed++;
      }
    }
    return killed;
  }
}
