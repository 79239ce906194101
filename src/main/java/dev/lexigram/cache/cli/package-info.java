/**
 * The command line, {@code lexigram-cache} (picocli, an optional dependency): reads the same YAML
 * and {@code LEX_CACHE__…} overrides as the library and inspects or changes what the backends
 * hold. Every read command takes {@code --json}; destructive ones ask first (or take
 * {@code --yes}); the exit codes are {@link dev.lexigram.cache.cli.ExitCodes}.
 */
package dev.lexigram.cache.cli;
