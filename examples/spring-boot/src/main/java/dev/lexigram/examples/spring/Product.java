package dev.lexigram.examples.spring;

/** A cached value: a record, copied by the JSON serializer (its package is in allowed_types). */
public record Product(String id, String name) {}
