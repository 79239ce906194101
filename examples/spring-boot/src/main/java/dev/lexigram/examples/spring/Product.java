package dev.lexigram.examples.spring;

/** A cached value: a record of strings, which the memory backend stores without copying. */
public record Product(String id, String name) {}
