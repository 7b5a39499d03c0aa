package dev.firebreak.activities;

import dev.firebreak.activities.store.EmbeddedDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The test JVM's embedded PostgreSQL, emptied and migrated by the real Flyway scripts. */
public final class TestDatabase {

  private TestDatabase() {}

  public static DataSource migrated() {
    DataSource dataSource = EmbeddedDatabase.get().getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(dataSource).load().migrate();
    return dataSource;
  }
}
