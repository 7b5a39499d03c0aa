package dev.firebreak.activities.incident;

/** No incident has this id. The API answers 404. */
public class IncidentNotFound extends RuntimeException {

  public IncidentNotFound(long id) {
    super("no incident " + id);
  }
}
