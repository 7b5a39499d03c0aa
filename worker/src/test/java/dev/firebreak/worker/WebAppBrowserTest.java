package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app's main journeys in a real headless Chromium, each through the REST API the pages
 * call: log in with a password, acknowledge an incident and watch its timeline change by itself, find who is on call, cover
 * a shift from the schedule timeline, edit a policy and simulate it, map a receive channel and
 * preview a payload, read the analytics.
 */
class WebAppBrowserTest extends BrowserTest {

  @BeforeEach
  void logIn() {
    logInWithPassword();
  }

  /** Ann and Bob share a daily rotation; Cy is free; a policy pages the rotation. */
  record World(String run, long ann, long bob, long cy, long schedule, long policy, long service) {}

  World world() {
    String run = run();
    long ann = create("/api/v1/users", "{\"name\":\"Ann " + run
        + "\",\"email\":\"ann." + run + "@web.test\"}");
    long bob = create("/api/v1/users", "{\"name\":\"Bob " + run
        + "\",\"email\":\"bob." + run + "@web.test\"}");
    long cy = create("/api/v1/users", "{\"name\":\"Cy " + run
        + "\",\"email\":\"cy." + run + "@web.test\"}");
    long schedule = create("/api/v1/schedules", """
        {"name": "Primary %s", "timeZone": "Europe/Paris",
         "layers": [{"name": "day", "start": "2026-01-01T00:00:00", "rotation": "daily",
                     "users": [%d, %d]}]}""".formatted(run, ann, bob));
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Checkout %s", "steps": [{"delayMinutes": 5,
          "targets": [{"type": "schedule", "id": %d}]}]}""".formatted(run, schedule));
    long service = create("/api/v1/services",
        "{\"name\":\"Checkout " + run + "\",\"escalationPolicyId\":" + policy + "}");
    return new World(run, ann, bob, cy, schedule, policy, service);
  }

  String onCallNow(World w) {
    return http.get("/api/v1/schedules/" + w.schedule() + "/oncall").json()
        .get("users").get(0).get("name").asText();
  }

  @Test
  void anIncidentIsAcknowledgedFromItsPageAndItsTimelineUpdatesWithoutReload() {
    World w = world();
    long twoSteps = create("/api/v1/escalation-policies", """
        {"name": "Payments %s", "steps": [
          {"delayMinutes": 5, "targets": [{"type": "schedule", "id": %d}]},
          {"delayMinutes": 5, "targets": [{"type": "user", "id": %d}]}]}"""
        .formatted(w.run(), w.schedule(), w.cy()));
    create("/api/v1/services",
        "{\"name\":\"Payments " + w.run() + "\",\"escalationPolicyId\":" + twoSteps + "}");
    open("#/declare");
    await(By.id("title")).sendKeys("Payments are slow");
    new Select(browser.findElement(By.id("priority"))).selectByVisibleText("P2");
    new Select(browser.findElement(By.id("serviceId"))).selectByVisibleText("Payments " + w.run());
    browser.findElement(By.cssSelector("#declare button[type=submit]")).click();
    awaitText(By.tagName("h1"), "Payments are slow");
    String id = browser.getCurrentUrl().replaceAll(".*#/incidents/", "");

    // what happens next: the schedule's on-call was paged; Cy is due at step 2 in 5 minutes
    awaitText(By.id("next"), "step 1 of round 1 paged");
    awaitText(By.id("next-pages"), "step 2, round 1: Cy " + w.run());
    assertThat(browser.findElement(By.id("next-pages")).getText()).containsPattern("in [45] min");
    screenshot("incident-next");

    await(By.id("acknowledge")).click();
    awaitText(By.id("timeline"), "ACKNOWLEDGED");
    assertThat(http.get("/api/v1/incidents/" + id).json().at("/keyEvents/acknowledged").isNull())
        .isFalse();
    assertThat(await(By.id("acknowledge")).isEnabled()).isFalse();
    awaitText(By.id("next"), "Acknowledged: nobody else is paged");

    // someone else (Slack, a phone, a colleague) changes the incident: the page shows it unasked
    ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
    assertThat(http.post("/api/v1/incidents/" + id + "/updates",
        "{\"message\":\"rolled back the canary\",\"author\":\"Dana\"}").status()).isEqualTo(201);
    assertThat(http.put("/api/v1/incidents/" + id + "/roles", "{\"commander\":\"Dana\"}").status())
        .isEqualTo(200);
    awaitText(By.id("timeline"), "rolled back the canary");
    awaitText(By.id("commander"), "Dana");
    assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded"))
        .isEqualTo(true);
    screenshot("incident");
  }

  @Test
  void whoIsOnCallIsFoundPerScheduleAndPolicyLevelAndAServiceCanBePaged() {
    World w = world();
    String now = onCallNow(w);
    open("#/oncall");
    awaitText(By.id("oncall-schedules"), "Primary " + w.run());
    WebElement row = browser.findElement(By.cssSelector("[data-schedule='" + w.schedule() + "']"));
    assertThat(row.getText()).contains(now, "Europe/Paris");
    assertThat(browser.findElement(By.id("oncall-policies")).getText())
        .contains("Checkout " + w.run(), "Primary " + w.run() + ": " + now);
    assertThat(browser.findElement(By.id("pagerduty-oncall")).getText())
        .contains("PagerDuty is not enabled");
    screenshot("oncall");

    browser.findElement(By.id("page-" + w.service())).click();
    assertThat(new Select(await(By.id("serviceId"))).getFirstSelectedOption().getText())
        .isEqualTo("Checkout " + w.run());

    browser.manage().window().setSize(PHONE);
    browser.get(base() + "/#/oncall");
    awaitText(By.id("oncall-schedules"), "Primary " + w.run());
    screenshot("oncall-phone");
    // on a phone the navigation folds into a menu
    assertThat(browser.findElement(By.id("nav-schedules")).isDisplayed()).isFalse();
    browser.findElement(By.id("menu")).click();
    await(By.id("nav-schedules")).click();
    awaitText(By.tagName("h1"), "Schedules");
  }

  @Test
  void anOverrideMadeFromTheScheduleTimelineChangesTheFinalShifts() {
    World w = world();
    open("#/schedules/" + w.schedule() + "?days=7");
    awaitText(By.id("time-zone"), "Europe/Paris");
    awaitText(By.id("shifts"), "Ann " + w.run());
    assertThat(browser.findElement(By.id("shifts")).getText()).doesNotContain("Cy " + w.run());

    // a click on the first day's shift of the "Final" lane fills the override's span
    WebElement chart = await(By.cssSelector("#shift-chart canvas"));
    new Actions(browser).moveToElement(chart, -chart.getSize().getWidth() / 2 + 130,
        -chart.getSize().getHeight() / 2 + 60).click().perform();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(
        d -> !d.findElement(By.id("o-start")).getDomProperty("value").isEmpty());
    new Select(browser.findElement(By.id("o-user"))).selectByVisibleText("Cy " + w.run());
    browser.findElement(By.cssSelector("#override button[type=submit]")).click();

    awaitText(By.id("shifts"), "Cy " + w.run());
    JsonNode overrides = http.get("/api/v1/schedules/" + w.schedule() + "/overrides").json();
    assertThat(overrides).hasSize(1);
    assertThat(overrides.get(0).get("userId").asLong()).isEqualTo(w.cy());
    screenshot("schedule");

    // the end of daylight saving in Paris falls on 25 October: it is named where it falls
    open("#/schedules/" + w.schedule() + "?days=14&from=2026-10-20");
    awaitText(By.id("dst"), "GMT+2 → GMT+1");
    awaitText(By.id("shifts"), "Ann " + w.run());
  }

  @Test
  void aPolicyIsEditedAndItsSimulationShowsWhoIsPagedAtWhichMinute() {
    World w = world();
    open("#/policies/" + w.policy());
    WebElement delay = await(By.id("delay-0"));
    delay.clear();
    delay.sendKeys("10");
    browser.findElement(By.id("add-step")).click();
    browser.findElement(By.cssSelector("[data-add-target='1']")).click();
    new Select(await(By.cssSelector("select[data-step='1'][data-target='0'][data-field='type']")))
        .selectByVisibleText("user");
    new Select(await(By.cssSelector("select[data-step='1'][data-target='0'][data-field='id']")))
        .selectByVisibleText("Bob " + w.run());
    browser.findElement(By.cssSelector("#policy button[type=submit]")).click();
    awaitText(By.id("policy-error"), "Saved.");

    JsonNode saved = http.get("/api/v1/escalation-policies/" + w.policy()).json();
    assertThat(saved.at("/steps/0/delayMinutes").asInt()).isEqualTo(10);
    assertThat(saved.at("/steps/1/targets/0/type").asText()).isEqualTo("user");
    assertThat(saved.at("/steps/1/targets/0/id").asLong()).isEqualTo(w.bob());

    browser.findElement(By.cssSelector("#simulate button[type=submit]")).click();
    awaitText(By.id("simulation"), "Bob " + w.run());
    WebElement bobRow = browser.findElements(By.cssSelector("#simulation tbody tr")).stream()
        .filter(r -> r.getText().contains("Bob " + w.run())).findFirst().orElseThrow();
    assertThat(bobRow.findElements(By.tagName("td")).get(0).getText()).isEqualTo("10");
    assertThat(bobRow.findElements(By.tagName("td")).get(1).getText()).isEqualTo("2");
    assertThat(browser.findElements(By.cssSelector("#simulation-chart canvas"))).isNotEmpty();
    screenshot("policy");
  }

  @Test
  void aReceiveChannelIsCreatedAndAPastedPayloadIsPreviewed() {
    World w = world();
    open("#/services");
    await(By.id("c-name")).sendKeys("grafana " + w.run());
    new Select(browser.findElement(By.id("c-service"))).selectByVisibleText("Checkout " + w.run());
    browser.findElement(By.id("m-summary")).sendKeys("/title");
    browser.findElement(By.id("m-dedupKey")).sendKeys("/ruleId");
    browser.findElement(By.cssSelector("#channel button[type=submit]")).click();
    awaitText(By.id("channels"), "grafana " + w.run());
    awaitText(By.id("preview-name"), "grafana " + w.run());

    browser.findElement(By.id("payload")).sendKeys(
        "{\"title\": \"disk full on db-1\", \"ruleId\": \"rule-9\"}");
    awaitText(By.id("preview"), "disk full on db-1");
    assertThat(browser.findElement(By.id("preview-events")).getText()).contains("rule-9", "trigger");
    assertThat(http.get("/api/v1/receive-channels").json().findValuesAsText("name"))
        .contains("grafana " + w.run());
    screenshot("services");

    browser.findElement(By.id("payload")).clear();
    browser.findElement(By.id("payload")).sendKeys("{\"title\": ");
    awaitText(By.id("preview"), "not valid JSON");
  }

  @Test
  void theAnalyticsChartShowsTheIncidentsOfTheRange() {
    World w = world();
    long id = create("/api/v1/incidents", "{\"title\":\"Analytics sample\",\"priority\":\"P1\","
        + "\"serviceId\":" + w.service() + "}");
    assertThat(http.post("/api/v1/incidents/" + id + "/acknowledge", "{}").status())
        .isEqualTo(200);
    open("#/analytics");
    awaitText(By.id("totals"), "incidents");
    String range = "?from=" + browser.findElement(By.id("from")).getDomProperty("value")
        + "T00:00:00Z&to=" + browser.findElement(By.id("to")).getDomProperty("value") + "T00:00:00Z";
    long expected = http.get("/api/v1/analytics/incidents" + range).json().get("incidents").asLong();
    assertThat(expected).isPositive();
    assertThat(browser.findElement(By.id("totals")).getText()).startsWith(expected + " incidents");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
        .presenceOfElementLocated(By.cssSelector("#analytics-chart canvas")));
    long charted = browser.findElements(By.cssSelector("#analytics-table tbody tr")).stream()
        .mapToLong(r -> Long.parseLong(
            r.findElements(By.tagName("td")).get(1).getDomProperty("textContent"))).sum();
    assertThat(charted).isEqualTo(expected);
    assertThat(browser.findElement(By.id("analytics-chart")).getAttribute("aria-label"))
        .contains("MTTA");
    WebElement serviceRow = browser.findElements(By.cssSelector("#by-service tbody tr")).stream()
        .filter(r -> r.getText().startsWith("Checkout " + w.run())).findFirst().orElseThrow();
    assertThat(serviceRow.findElements(By.tagName("td")).get(2).getText()).isEqualTo("1");
    screenshot("analytics");
  }

  @Test
  void alertGroupsAreCountedByServiceAndStatusAndShowTheirLastEvents() {
    World w = world();
    String key = http.get("/api/v1/services/" + w.service()).json().get("integrationKey").asText();
    String event = """
        {"routing_key": "%s", "event_action": "trigger", "dedup_key": "disk-%s",
         "payload": {"summary": "Disk full %s", "source": "db-1", "severity": "warning"}}"""
        .formatted(key, w.run(), w.run());
    assertThat(http.post("/v2/enqueue", event).status()).isEqualTo(202);
    assertThat(http.post("/v2/enqueue", event).status()).isEqualTo(202);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http
        .get("/api/v1/alerts?serviceId=" + w.service()).json().at("/items/0/count").asLong() == 2);

    open("#/alerts?serviceId=" + w.service());
    awaitText(By.id("alert-counts"), "Checkout " + w.run() + " · TRIGGERED: 1");
    WebElement group = await(By.xpath("//button[contains(., 'Disk full " + w.run() + "')]"));
    assertThat(browser.findElement(By.id("alerts")).getText()).contains("Checkout " + w.run());
    group.click();
    awaitText(By.id("alert-detail"), "disk-" + w.run());
    assertThat(browser.findElement(By.id("alert-detail")).getText()).contains("trigger");
    screenshot("alerts");
  }

  @Test
  void aPersonIsAddedAndPutInATeam() {
    String run = run();
    long team = create("/api/v1/teams", "{\"name\":\"Team " + run + "\"}");
    open("#/people");
    await(By.id("u-name")).sendKeys("Eve " + run);
    browser.findElement(By.id("u-email")).sendKeys("eve." + run.toLowerCase() + "@web.test");
    browser.findElement(By.cssSelector("#user button[type=submit]")).click();
    awaitText(By.id("users"), "Eve " + run);
    new Select(await(By.id("t-team"))).selectByVisibleText("Team " + run);
    new Select(browser.findElement(By.id("t-user"))).selectByVisibleText("Eve " + run);
    browser.findElement(By.cssSelector("#member button[type=submit]")).click();
    awaitText(By.id("teams"), "Eve " + run);
    long eve = http.get("/api/v1/users").json().findParents("name").stream()
        .filter(u -> u.get("name").asText().equals("Eve " + run)).findFirst().orElseThrow()
        .get("id").asLong();
    assertThat(http.get("/api/v1/teams/" + team).json().get("memberIds").toString())
        .contains(String.valueOf(eve));
    screenshot("people");
  }

  @Test
  void theBackOfficeRunsASyncNowAndSaysWhyItCannot() {
    open("#/backoffice");
    awaitText(By.id("syncs"), "PagerDuty services, schedules and on-calls");
    browser.findElement(By.cssSelector("[data-sync='pagerduty']")).click();
    awaitText(By.id("sync-pagerduty"), "PagerDuty is not enabled");
    assertThat(browser.findElement(By.cssSelector("[data-sync='pagerduty']")).isEnabled())
        .isTrue();
    screenshot("backoffice");
  }

  @Test
  void youAddYourOwnContactMethodAndNotificationRule() {
    String address = "me-" + run().toLowerCase() + "@web.test";
    open("#/people");
    new Select(await(By.id("cm-type"))).selectByVisibleText("email");
    browser.findElement(By.id("cm-value")).sendKeys(address);
    browser.findElement(By.cssSelector("#method button[type=submit]")).click();
    awaitText(By.id("contact-methods"), address);

    new Select(await(By.id("r-method"))).selectByVisibleText("email " + address);
    WebElement delay = browser.findElement(By.id("r-delay"));
    delay.clear();
    delay.sendKeys("2");
    browser.findElement(By.cssSelector("#rule button[type=submit]")).click();
    awaitText(By.id("notification-rules"), "after 2 min: email " + address);

    JsonNode methods = http.get("/api/v1/users/" + me + "/contact-methods").json();
    assertThat(methods.findValuesAsText("value")).contains(address);
    JsonNode rules = http.get("/api/v1/users/" + me + "/notification-rules").json();
    assertThat(rules.findValuesAsText("delayMinutes")).contains("2");
    screenshot("contacts");
  }
}
