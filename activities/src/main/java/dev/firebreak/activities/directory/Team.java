package dev.firebreak.activities.directory;

import java.util.List;

/** A group of users; services belong to a team. */
public record Team(long id, String name, String description, List<Long> memberIds) {}
