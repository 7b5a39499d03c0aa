package dev.firebreak.api.edge;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, where Tomcat forwards an error that no handler
 * answered: a filter's failure, a {@code sendError}) in the same problem shape as every other
 * refusal, instead of Spring Boot's own JSON or a white-label page.
 */
@RestController
@Hidden
public class ErrorPage implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);

  @RequestMapping("/error")
  public ResponseEntity<String> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    int status = code instanceof Integer i ? i : 500;
    String detail = status >= 500 ? "the request failed on our side"
        : "the request was refused by the server (" + status + ")";
    EdgeInputException edge = EdgeInputException.in(failure);
    if (edge != null) {
      status = edge.status();
      detail = edge.getMessage();
    } else if (status >= 500 && failure != null) {
      log.error("request to {} failed", path, failure);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.parseMediaType(Refusals.contentType(path)))
        .body(Refusals.body(status, detail, path));
  }
}
