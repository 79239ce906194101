package dev.lexigram.cache.semantic.index;

/**
 * The stored vector nearest to a query.
 *
 * @param id the id the vector was added with
 * @param similarity the cosine similarity of the vector and the query, in {@code [-1, 1]}
 */
public record Match(long id, float similarity) {}
