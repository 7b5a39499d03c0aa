package dev.firebreak.api.edge;

/**
 * One wrong field of a request. Here, with the edge's input checks that find most of them, so
 * that those checks need nothing from {@code api.problem}, which turns them into answers.
 */
public record FieldProblem(String field, String message) {}
