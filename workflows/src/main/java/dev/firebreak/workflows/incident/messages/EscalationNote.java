package dev.firebreak.workflows.incident.messages;

import java.util.List;

/** What an escalation did (pages sent, pages that failed), for the incident's timeline. */
public record EscalationNote(List<String> messages) {}
