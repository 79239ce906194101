package dev.lexigram.cache.benchmarks;

import java.util.Set;

/**
 * The keys of one {@code getAll}, in both shapes the candidates take, built before the trial so
 * that the measured call converts nothing: a {@code Set} for JCache's {@code getAll} and
 * spymemcached's {@code getBulk}, an array for Lettuce's {@code MGET}.
 */
record KeyGroup(String[] array, Set<String> set) {}
