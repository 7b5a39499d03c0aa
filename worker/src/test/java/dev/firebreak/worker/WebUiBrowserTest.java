package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The incident pages in a real headless Chromium: log in by OIDC single sign-on (a real provider in
 * the test JVM) through to the incident list, declare an incident, meet a lifecycle refusal, move
 * it on, post an update, find it in the filtered list.
 */
class WebUiBrowserTest extends BrowserTest {

  /** Logs the browser in through the OIDC provider as a responder; lands on the incident list. */
  void logInWithSingleSignOn(String base) {
    String email = "browser-" + System.nanoTime() + "@sso.test";
    create("/api/v1/users", "{\"name\":\"Browser user\",\"email\":\"" + email + "\"}");
    FakeOidc.shared().nextLogin("browser-subject", email);
    browser.get(base + "/");
    await(By.id("sso")).click();
    awaitText(By.tagName("h1"), "Incidents");
    awaitText(By.id("who"), email);
    assertThat(browser.getCurrentUrl()).startsWith(base);
    assertThat(http.get("/api/v1/audit?actor=" + email).body()).contains("auth.login");
  }

  @Test
  void anIncidentIsDeclaredRunAndFoundInTheBrowser() throws Exception {
    String base = base();
    logOut();
    logInWithSingleSignOn(base);
    open("#/declare");
    await(By.id("title")).sendKeys("Browser-declared outage");
    browser.findElement(By.id("description")).sendKeys("checkout times out");
    new Select(browser.findElement(By.id("priority"))).selectByVisibleText("P1");
    browser.findElement(By.cssSelector("#declare button[type=submit]")).click();

    awaitText(By.tagName("h1"), "Browser-declared outage");
    String id = browser.getCurrentUrl().replaceAll(".*#/incidents/", "");
    awaitText(By.id("timeline"), "DECLARED");
    assertThat(browser.findElement(By.id("temporal-link")).getAttribute("href"))
        .isEqualTo("http://127.0.0.1:8233/namespaces/default/workflows/incident-" + id);

    new Select(browser.findElement(By.id("status"))).selectByVisibleText("CLOSED");
    browser.findElement(By.cssSelector("#status-form button")).click();
    awaitText(By.id("status-error"), "needs a closureReason");

    new Select(browser.findElement(By.id("status"))).selectByVisibleText("MITIGATED");
    browser.findElement(By.id("message")).sendKeys("rolled back");
    browser.findElement(By.cssSelector("#status-form button")).click();
    awaitText(By.id("timeline"), "Status changed from OPEN to MITIGATED: rolled back");

    await(By.id("update")).sendKeys("error rate back to normal");
    browser.findElement(By.cssSelector("#update-form button")).click();
    awaitText(By.id("timeline"), "error rate back to normal");
    assertThat(http.get("/api/v1/incidents/" + id).json().get("status").asText())
        .isEqualTo("MITIGATED");

    browser.get(base + "/#/?priority=P1&status=MITIGATED");
    awaitText(By.id("incidents"), "Browser-declared outage");
    awaitText(By.id("stats"), "median time to mitigate");
    assertThat(browser.findElements(By.cssSelector("#incidents tbody tr[data-id='" + id + "']")))
        .hasSize(1);
    screenshot("incidents");
  }
}
