package dev.firebreak.api.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A size limit on every request body, applied while it streams in, before anything buffers it: a
 * declared {@code Content-Length} over the limit is answered 413 unread; a body without one (or
 * lying about it) fails with {@link TooLarge} at the first byte over, which whoever was reading
 * turns into 413. One hostile upload costs at most the limit, not the heap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodyLimit extends OncePerRequestFilter {

  private final long maxBytes;

  public BodyLimit(@Value("${firebreak.edge.max-body-bytes:1048576}") long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      Refusals.write(response, 413, tooLargeDetail(maxBytes), request.getRequestURI());
      return;
    }
    chain.doFilter(new Bounded(request, maxBytes), response);
  }

  static String tooLargeDetail(long max) {
    return "the request body must be at most " + max + " bytes";
  }

  /** The body went over the limit while it was read. */
  public static final class TooLarge extends IOException {
    private final long max;

    TooLarge(long max) {
      super(tooLargeDetail(max), null);
      this.max = max;
    }

    EdgeInputException asEdge() {
      return new EdgeInputException(413, new FieldProblem("body", "must be at most " + max
          + " bytes"));
    }
  }

  private static final class Bounded extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    Bounded(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), max);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private long count;

    Counting(ServletInputStream in, long max) {
      this.in = in;
      this.max = max;
    }

    private int counted(int n) throws TooLarge {
      if (n > 0) {
        count += n;
        if (count > max) {
          throw new TooLarge(max);
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return counted(in.read(buffer, offset, length));
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
