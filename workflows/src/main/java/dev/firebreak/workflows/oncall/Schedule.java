package dev.firebreak.workflows.oncall;

import java.util.List;

/** Who is on call, as layers in a time zone; later layers win where they have someone. */
public record Schedule(long id, String name, String timeZone, List<Layer> layers) {

  public Schedule {
    layers = List.copyOf(layers);
  }
}
