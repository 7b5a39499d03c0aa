package dev.firebreak.activities.integrations.confluence;

import dev.firebreak.activities.integrations.IncidentLinkStore;
import dev.firebreak.activities.integrations.IntegrationSettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore;
import dev.firebreak.activities.oncall.OnCallRows;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.integrations.ConfluenceActivities;
import dev.firebreak.workflows.integrations.messages.PostmortemPage;
import dev.firebreak.workflows.integrations.messages.SyncChange;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component("confluenceActivities")
public class ConfluenceActivitiesImpl implements ConfluenceActivities {

  private static final Logger log = LoggerFactory.getLogger(ConfluenceActivitiesImpl.class);

  private final OnCallRows firebreakOnCall;
  private final ConfluenceSettings settings;
  private final ConfluenceClient confluence;
  private final IncidentStore incidents;
  private final IncidentLinkStore links;
  private final PagerDutyStore pagerDuty;
  private final IntegrationSettings integrations;

  public ConfluenceActivitiesImpl(
      ConfluenceSettings settings, ConfluenceClient confluence, IncidentStore incidents,
      IncidentLinkStore links, PagerDutyStore pagerDuty, IntegrationSettings integrations,
      OnCallRows firebreakOnCall) {
    this.settings = settings;
    this.firebreakOnCall = firebreakOnCall;
    this.confluence = confluence;
    this.incidents = incidents;
    this.links = links;
    this.pagerDuty = pagerDuty;
    this.integrations = integrations;
  }

  /** Idempotent: the page's title is unique in its space, so a retry finds it instead. */
  @Override
  public PostmortemPage createPostmortemPage(Incident incident) {
    if (!settings.postmortemsEnabled()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Confluence postmortems are not enabled (ENABLE_CONFLUENCE, CONFLUENCE_POSTMORTEM_SPACE)",
          "ConfluenceDisabled");
    }
    String title = ConfluencePages.postmortemTitle(incident);
    Optional<ConfluenceClient.Page> existing =
        confluence.findByTitle(settings.postmortemSpace(), title);
    ConfluenceClient.Page page = existing.orElseGet(() -> {
      IncidentLinkStore.Links known = links.links(incident.id());
      String storage = ConfluencePages.postmortem(incident, incidents.timeline(incident.id()),
          integrations.incidentUrl(incident.id()), known.jiraTicketUrl());
      return confluence.create(
          settings.postmortemSpace(), settings.postmortemParentId(), title, storage);
    });
    links.savePostmortemPage(incident.id(), page.id(), page.url());
    log.info("incident {}: postmortem page {} {}", incident.id(), page.id(),
        existing.isPresent() ? "found" : "created");
    return new PostmortemPage(page.id(), title, page.url(), existing.isEmpty());
  }

  /** Rewrites the page only when its content changes; a retry after success changes nothing. */
  @Override
  public SyncReport exportOnCallPage() {
    if (!settings.onCallExportEnabled()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "the Confluence on-call page is not configured (ENABLE_CONFLUENCE,"
              + " CONFLUENCE_ON_CALL_PAGE_ID)", "ConfluenceDisabled");
    }
    List<PagerDutyStore.OnCall> onCalls = pagerDuty.onCalls();
    List<OnCallRows.Row> rows = firebreakOnCall.at(Instant.now());
    String storage = ConfluencePages.onCall(rows, onCalls);
    ConfluenceClient.Page current = confluence.get(settings.onCallPageId());
    int updated = 0;
    if (!storage.equals(current.storage())) {
      confluence.update(current, storage);
      updated = 1;
    }
    log.info("Confluence on-call page {}: {} on-calls, {}", current.id(), onCalls.size(),
        updated == 1 ? "version " + (current.version() + 1) + " written" : "unchanged");
    return new SyncReport("confluence-oncall", Instant.now(),
        List.of(new SyncChange("page " + current.id(), 0, updated, 0,
            onCalls.size() + rows.size())));
  }
}
