package dev.firebreak.worker.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls between the modules, checked on the compiled main classes of all of them (the worker's
 * test classpath holds every module): workflows stay deterministic, api stays the edge, and no
 * two packages depend on each other. See the README's architecture section for the why.
 */
class ArchitectureTest {

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    // the modules are class folders under `mvnw test` and jars under `mvnw verify`: take both
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.firebreak");
  }

  /** The api module is the thin edge: a file that grows past this holds logic that belongs below. */
  static final int API_FILE_MAX_LINES = 250;

  @Test
  void noApiSourceFileIsOver250Lines() throws IOException {
    Path api = Path.of("..", "api", "src", "main", "java");
    assertThat(api).isDirectory();
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(api)) {
      tooLong = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> lines(p) > API_FILE_MAX_LINES)
          .map(p -> api.relativize(p) + " (" + lines(p) + " lines)")
          .toList();
    }
    assertThat(tooLong).as("api files over %d lines", API_FILE_MAX_LINES).isEmpty();
  }

  private static long lines(Path file) {
    try {
      return Files.readAllLines(file).size();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void workflowsImportNoSpring() {
    noClasses().that().resideInAPackage("dev.firebreak.workflows..")
        .should().dependOnClassesThat().resideInAPackage("org.springframework..")
        .because("workflow code runs in the Temporal worker's sandbox, not in a Spring context")
        .check(classes);
  }

  @Test
  void workflowsDoNoIo() {
    noClasses().that().resideInAPackage("dev.firebreak.workflows..")
        .should().dependOnClassesThat(io())
        .because("I/O in workflow code breaks replay: it belongs in an activity")
        .check(classes);
  }

  @Test
  void apiReachesNoStoreJdbcOrHttpClientDirectly() {
    noClasses().that().resideInAPackage("dev.firebreak.api..")
        .should().dependOnClassesThat(storesJdbcOrHttpClients())
        .because("api is the edge: controllers call application services in activities")
        .check(classes);
  }

  /**
   * No cycles between packages. Two known ones are waived, each named below with its way out;
   * TODO(coordinator): remove a waiver once its cycle is broken.
   */
  @Test
  void noCyclesBetweenPackages() {
    slices().matching("dev.firebreak.(**)")
        .should().beFreeOfCycles()
        .ignoreDependency(ESCALATION_NOTES_ITS_INCIDENT,
            resideInAnyPackage("dev.firebreak.workflows.incident.."))
        .ignoreDependency(INTEGRATION_SETTINGS,
            resideInAnyPackage("dev.firebreak.activities.integrations.."))
        .check(classes);
  }

  /**
   * An escalation, a child workflow of its incident, signals the incident back (what it paged)
   * while the incident starts it. Way out: an escalation-side interface for those notes, when
   * IncidentWorkflowImpl hands escalation to a component (issue 9).
   */
  static final DescribedPredicate<JavaClass> ESCALATION_NOTES_ITS_INCIDENT =
      DescribedPredicate.describe("EscalationWorkflowImpl",
          c -> c.getName().equals("dev.firebreak.workflows.escalation.EscalationWorkflowImpl"));

  /**
   * IntegrationSettings assembles the Jira and Confluence settings, and those integrations use it
   * for the incident URL. Way out: the incident URL in its own small settings class.
   */
  static final DescribedPredicate<JavaClass> INTEGRATION_SETTINGS =
      DescribedPredicate.describe("IntegrationSettings",
          c -> c.getName().equals("dev.firebreak.activities.integrations.IntegrationSettings"));

  /** A record declared inside a store: its rows belong to the store, not to the edge. */
  static DescribedPredicate<JavaClass> nestedInAStore() {
    return DescribedPredicate.describe("nested in a *Store", c -> c.getEnclosingClass()
        .map(outer -> outer.getSimpleName().endsWith("Store")).orElse(false));
  }

  /** Files, sockets, HTTP, JDBC. */
  static DescribedPredicate<JavaClass> io() {
    return resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..", "javax.sql..",
        "org.springframework.jdbc..", "org.postgresql..")
        .or(DescribedPredicate.describe("java.io file access", c ->
            c.getPackageName().equals("java.io") && c.getSimpleName().matches(
                "File.*|RandomAccessFile|PrintStream|Console")))
        .or(DescribedPredicate.describe("java.lang.System", c -> c.isEquivalentTo(System.class)));
  }

  /** Stores (PostgreSQL), JDBC itself, and HTTP clients. */
  static DescribedPredicate<JavaClass> storesJdbcOrHttpClients() {
    return simpleNameEndingWith("Store").or(nestedInAStore())
        .and(resideInAnyPackage("dev.firebreak.."))
        .or(resideInAnyPackage("org.springframework.jdbc.core..",
            "org.springframework.jdbc.datasource..", "javax.sql..", "java.sql..",
            "java.net.http..", "org.springframework.web.client..",
            "org.springframework.web.reactive.function.client..", "okhttp3..",
            "org.apache.hc.."))
        .and(not(resideInAnyPackage("dev.firebreak.api..")));
  }
}
