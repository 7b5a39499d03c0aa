package dev.firebreak.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the JSON body of a configuration write so that the access rules can read the team or
 * service it names (a service created for a team, a heartbeat for a service) before the
 * controller reads it again. Bodies over {@link #LIMIT} are passed on unread.
 */
final class CachedBodyFilter extends OncePerRequestFilter {

  static final int LIMIT = 1 << 20;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    String type = request.getContentType();
    return !request.getRequestURI().startsWith("/api/v1/")
        || !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))
        || type == null || !type.contains("json")
        || request.getContentLengthLong() > LIMIT;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    byte[] bytes = request.getInputStream().readNBytes(LIMIT + 1);
    if (bytes.length > LIMIT) {
      response.sendError(413);
      return;
    }
    chain.doFilter(new CachedBody(request, bytes), response);
  }

  /** A request whose body can be read more than once. */
  static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] bytes;

    CachedBody(HttpServletRequest request, byte[] bytes) {
      super(request);
      this.bytes = bytes;
    }

    byte[] bytes() {
      return bytes;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
