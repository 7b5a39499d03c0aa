package dev.firebreak.workflows.oncall;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One rotation of a schedule: from the local {@code start}, {@code users} take turns in order, each
 * for one {@link Rotation}; {@code restrictions}, when given, limit when the layer has anyone.
 */
public record Layer(
    String name,
    LocalDateTime start,
    Rotation rotation,
    List<Long> users,
    List<Restriction> restrictions) {

  public Layer {
    users = List.copyOf(users);
    restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
  }
}
