package dev.firebreak.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The base of browser tests: the whole application end to end, driven through a real headless
 * Chromium (Debian's chromium and chromium-driver, installed by infra/dev/test.sh). Screenshots
 * go to the repository's docs/screenshots, where the README shows them.
 */
abstract class BrowserTest extends EndToEndTest {

  static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
  static final Dimension LAPTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);

  static WebDriver browser;
  static boolean loggedIn;
  /** The user the browser is logged in as, by {@link #logInWithPassword}. */
  static long me;

  @BeforeAll
  static void startBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getenv().getOrDefault("FIREBREAK_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getenv()
            .getOrDefault("FIREBREAK_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
        .build();
    browser = new ChromeDriver(service, options);
    loggedIn = false;
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Opens a page of the web app ({@code #/...}) at the laptop size. */
  void open(String hash) {
    browser.manage().window().setSize(LAPTOP);
    browser.get(base() + "/" + hash);
  }

  WebElement await(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void awaitText(By by, String text) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    } catch (org.openqa.selenium.TimeoutException e) {
      failureShot();
      throw e;
    }
  }

  /** What the page showed when a wait gave up, in target/ (not a documentation screenshot). */
  void failureShot() {
    try {
      Path shot = Path.of("target", "browser-failures", getClass().getSimpleName() + "-"
          + System.currentTimeMillis() + ".png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // the failure itself matters more than its picture
    }
  }

  /** Saves what the browser shows now as docs/screenshots/{name}.png. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets the browser's session. */
  void logOut() {
    browser.get(base() + "/");
    browser.manage().deleteAllCookies();
    loggedIn = false;
  }

  /**
   * Logs the browser in with a password as a new admin (made through the API), the first time a
   * test of the class asks: a wrong password is refused on the page, the right one lands on the
   * incident list with the user's name in the header.
   */
  void logInWithPassword() {
    if (loggedIn) {
      return;
    }
    String email = "admin-" + run().toLowerCase() + "@web.test";
    long id = create("/api/v1/users", "{\"name\":\"Web Admin\",\"email\":\"" + email + "\"}");
    me = id;
    org.assertj.core.api.Assertions.assertThat(
        http.put("/api/v1/users/" + id + "/role", "{\"role\":\"admin\"}").status()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThat(http.put("/api/v1/users/" + id + "/password",
        "{\"password\":\"correct horse battery\"}").status()).isEqualTo(204);
    browser.get(base() + "/");
    await(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys("wrong password!");
    browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    await(By.cssSelector("#password-error .error"));
    browser.findElement(By.id("password")).clear();
    browser.findElement(By.id("password")).sendKeys("correct horse battery");
    browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    awaitText(By.tagName("h1"), "Incidents");
    awaitText(By.id("who"), email + " (admin)");
    loggedIn = true;
  }

  /** A suffix that keeps this run's names apart from other tests' in the shared database. */
  static String run() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
  }
}
