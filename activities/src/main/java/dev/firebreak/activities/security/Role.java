package dev.firebreak.activities.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do anywhere: admins everything, responders work incidents and read all but
 * secrets, observers only read. Team configuration is scoped further by {@code team_manager}.
 */
public enum Role {
  OBSERVER,
  RESPONDER,
  ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this role includes everything {@code other} may do. */
  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  public static Optional<Role> parse(String wire) {
    return wire == null ? Optional.empty()
        : Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst();
  }
}
