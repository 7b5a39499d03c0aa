package dev.firebreak.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** API, workers and, unless told otherwise, an embedded PostgreSQL and Temporal in one process. */
@SpringBootApplication(scanBasePackages = "dev.firebreak")
public class FirebreakApplication {

  public static void main(String[] args) {
    SpringApplication.run(FirebreakApplication.class, args);
  }
}
