package dev.lexigram.cache.config;

/**
 * Configuration text and where it came from.
 *
 * @param source {@code classpath:<resource>} or {@code file:<absolute path>}
 * @param text the file's content
 */
record ConfigText(String source, String text) {}
