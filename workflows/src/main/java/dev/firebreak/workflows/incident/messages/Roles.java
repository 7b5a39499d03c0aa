package dev.firebreak.workflows.incident.messages;

/** Who leads the response. Either may be null while unassigned. */
public record Roles(String commander, String communicationLead) {

  public static final Roles NONE = new Roles(null, null);
}
