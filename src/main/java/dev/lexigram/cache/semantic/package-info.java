/**
 * Semantic cache for LLM answers (issue 18): the building blocks of its two tiers.
 *
 * <ul>
 *   <li>{@link dev.lexigram.cache.semantic.PromptNormalizer} turns a prompt into the text the exact
 *       tier compares, and that text into its key;
 *   <li>{@link dev.lexigram.cache.semantic.VectorCodec} writes an embedding as the float32 blob a
 *       backend stores, and reads it back;
 *   <li>{@link dev.lexigram.cache.semantic.index.FlatIndex} finds the nearest stored embedding of a
 *       partition.
 * </ul>
 *
 * <p>Nothing here is wired into the cache manager yet. Nullness: parameters and return values are
 * non-null unless their javadoc says otherwise. This package depends on no other package of the
 * project.
 */
package dev.lexigram.cache.semantic;
