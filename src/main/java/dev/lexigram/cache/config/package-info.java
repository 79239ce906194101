/**
 * Configuration of lexigram-cache: finds the YAML ({@link dev.lexigram.cache.config.ConfigLoader}
 * lists where), applies {@code LEX_CACHE__} environment overrides and {@code ${VAR}} placeholders,
 * and turns the result into validated, immutable records
 * ({@link dev.lexigram.cache.config.LexigramSettings} and its parts), so that no code past this
 * package reads configuration strings. Every key, its default and its meaning are listed in
 * {@code reference.yaml} next to these classes. Any problem is reported by one
 * {@link dev.lexigram.cache.config.InvalidConfigurationException} naming the source, the key and
 * the fix.
 *
 * <p>Nullness: parameters, return values and record components are non-null unless their
 * documentation says nullable (or what null means).
 *
 * <p>Only the records, enums, {@code ConfigLoader} and the exception are public; the parsing
 * stages (locating, YAML, environment overlay, placeholders, parsing, validation, suggestions) are
 * package-private and may change without notice. This package depends on no other lexigram-cache
 * package.
 */
package dev.lexigram.cache.config;
