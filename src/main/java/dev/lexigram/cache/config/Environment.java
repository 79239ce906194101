package dev.lexigram.cache.config;

/**
 * The deployment stage selected by {@code cache.environment}, written in configuration as
 * {@code development}, {@code testing}, {@code staging} or {@code production} (any letter case).
 * Only {@link #PRODUCTION} changes validation: it refuses plaintext Redis URLs to other hosts and
 * weak passwords.
 */
public enum Environment {
  /** The default. */
  DEVELOPMENT,
  TESTING,
  STAGING,
  /** Enables the security checks described on {@link ConfigLoader}. */
  PRODUCTION
}
