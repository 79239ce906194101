/**
 * What a cache manager measures beyond the JCache statistics, as {@link
 * dev.lexigram.cache.metrics.Instruments} (no dependency), and {@link
 * dev.lexigram.cache.metrics.LexigramMetrics}, which binds them to a Micrometer registry (the
 * optional {@code io.micrometer:micrometer-core}).
 */
package dev.lexigram.cache.metrics;
