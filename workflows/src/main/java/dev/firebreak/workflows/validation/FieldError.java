package dev.firebreak.workflows.validation;

/** One wrong field of an input, named by its JSON path ({@code layers[0].start}). */
public record FieldError(String field, String message) {}
