package dev.lexigram.cache.backend.redis;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;

/**
 * Lets the connection's event loop send, in one socket write, the commands that many threads hand
 * it at once. Lettuce flushes after every command; with one connection shared by all threads, each
 * flush is a system call of its own, and under concurrency those calls are most of the client's
 * CPU. Netty's {@link FlushConsolidationHandler}, first in the pipeline (next to the socket), holds
 * a flush while a read is in progress or until the event loop has run the tasks already queued,
 * then writes everything at once; a lone command still goes out in the same event-loop turn.
 *
 * <p>Measured on 2 cores against a local redis-server (plain Lettuce sync GETs, one connection):
 * 8 threads +8 to +11% throughput, 64 threads +32 to +58% with a fifth less client CPU per
 * command, 1 thread unchanged.
 */
final class ConsolidatedFlushes implements NettyCustomizer {

  /** Flushes held at most before one is let through even while the loop is still busy. */
  static final int MAX_HELD_FLUSHES = 256;

  @Override
  public void afterChannelInitialized(Channel channel) {
    channel.pipeline().addFirst(new FlushConsolidationHandler(MAX_HELD_FLUSHES, true));
  }
}
