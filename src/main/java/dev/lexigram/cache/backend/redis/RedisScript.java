package dev.lexigram.cache.backend.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One Lua script from this package's resources, loaded with {@code SCRIPT LOAD} when the backend
 * opens and called with {@code EVALSHA}; after a {@code NOSCRIPT} reply (script cache flushed,
 * server restarted or failed over) it is loaded again and the call repeated once.
 */
final class RedisScript {

  private final String name;
  private final String source;
  private volatile String sha;

  RedisScript(String name) {
    this.name = name;
    try (InputStream in = RedisScript.class.getResourceAsStream(name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("Lua script " + name + ".lua is missing from the lexigram-cache jar");
      }
      this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Lua script " + name + ".lua", e);
    }
  }

  String name() {
    return name;
  }

  /** Returns the script's SHA-1 as {@code SCRIPT LOAD} reported it; null before the first load. */
  String sha() {
    return sha;
  }

  void load(RedisClusterCommands<String, byte[]> commands) {
    sha = commands.scriptLoad(source);
  }

  /** Runs the script on one key and returns its integer reply. */
  long run(RedisClusterCommands<String, byte[]> commands, String key, byte[]... args) {
    return runOn(commands, new String[] {key}, args);
  }

  /** Runs the script on keys of one hash slot and returns its integer reply. */
  long runOn(RedisClusterCommands<String, byte[]> commands, String[] keys, byte[]... args) {
    try {
      Long reply = commands.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
      return reply;
    } catch (RedisNoScriptException e) {
      load(commands);
      Long reply = commands.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
      return reply;
    }
  }
}
