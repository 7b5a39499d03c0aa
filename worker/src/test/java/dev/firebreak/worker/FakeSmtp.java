package dev.firebreak.worker;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server in the test JVM (GreenMail), shared by the end-to-end tests. */
final class FakeSmtp {

  private static FakeSmtp shared;

  final GreenMail mail;

  private FakeSmtp(GreenMail mail) {
    this.mail = mail;
  }

  static synchronized FakeSmtp shared() {
    if (shared == null) {
      GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1",
          ServerSetup.PROTOCOL_SMTP));
      mail.start();
      shared = new FakeSmtp(mail);
      Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "fake-smtp-stop"));
    }
    return shared;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return mail.getSmtp().getPort();
  }

  /** The messages received for {@code address}. */
  List<MimeMessage> to(String address) {
    return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
      } catch (jakarta.mail.MessagingException e) {
        throw new AssertionError(e);
      }
    }).toList();
  }
}
