package dev.firebreak.api.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's report of the errors it answers itself, before any servlet runs (an encoded slash or a
 * NUL in the path, a malformed request line), as problem details rather than its HTML page.
 */
public class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    String path = request.getDecodedRequestURI();
    if (path == null) {
      path = request.getRequestURI();
    }
    String detail = status >= 500 ? "the request failed on our side"
        : "the request was refused before it reached the application: "
            + (response.getMessage() == null || response.getMessage().isBlank()
                ? "it is malformed" : response.getMessage());
    try {
      response.setContentType(Refusals.contentType(path));
      response.setCharacterEncoding("UTF-8");
      byte[] body = Refusals.body(status, detail, null).getBytes(StandardCharsets.UTF_8);
      response.getOutputStream().write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is closed: nothing more to say
    }
  }
}
