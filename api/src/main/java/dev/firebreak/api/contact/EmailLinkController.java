package dev.firebreak.api.contact;

import dev.firebreak.activities.notify.ActionLinks;
import dev.firebreak.activities.notify.reply.PageReplies;
import dev.firebreak.workflows.incident.messages.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The Acknowledge and Resolve links of a page by email. {@code GET} only shows a confirmation
 * page, so that a mail scanner prefetching the link acts on nothing; its form's {@code POST}
 * acts, once per link (the command id is the link's hash). A wrong or expired link is {@code 403};
 * no link at all {@code 400}.
 */
@RestController
@RequestMapping("/api/v1/notify/email/act")
@Tag(name = "Email links", description = "Acknowledge or resolve from a page by email")
public class EmailLinkController {

  private final ActionLinks links;
  private final PageReplies replies;

  public EmailLinkController(ActionLinks links, PageReplies replies) {
    this.links = links;
    this.replies = replies;
  }

  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403",
      description = "The link is wrong or has expired: a page that says so",
      content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.TEXT_HTML_VALUE,
          schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
  @Operation(summary = "The confirmation page of a link", description = "Changes nothing")
  public ResponseEntity<String> confirm(@RequestParam String token) {
    Optional<ActionLinks.Link> link = links.verify(token);
    if (link.isEmpty()) {
      return invalid();
    }
    String verb = verb(link.get().action());
    return page(HttpStatus.OK, verb + " incident #" + link.get().incidentId() + "?",
        "<form method=\"post\"><input type=\"hidden\" name=\"token\" value=\""
            + HtmlUtils.htmlEscape(token) + "\"><button type=\"submit\">" + verb
            + " incident #" + link.get().incidentId() + "</button></form>");
  }

  @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403",
      description = "The link is wrong or has expired: a page that says so",
      content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.TEXT_HTML_VALUE,
          schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
  @Operation(summary = "Act on a link", description = "Acknowledges or resolves as the user the"
      + " page was sent to; once per link")
  public ResponseEntity<String> act(@RequestParam String token) {
    Optional<ActionLinks.Link> link = links.verify(token);
    if (link.isEmpty()) {
      return invalid();
    }
    PageReplies.Action action = link.get().action() == ActionLinks.Action.ACKNOWLEDGE
        ? PageReplies.Action.ACKNOWLEDGE : PageReplies.Action.RESOLVE;
    String said = replies.apply(link.get().incidentId(), action, link.get().userId(),
        Actor.Channel.EMAIL, "email-" + hash(token));
    return page(HttpStatus.OK, said, "");
  }

  private static String verb(ActionLinks.Action action) {
    return action == ActionLinks.Action.ACKNOWLEDGE ? "Acknowledge" : "Resolve";
  }

  private static ResponseEntity<String> invalid() {
    return page(HttpStatus.FORBIDDEN, "This link is wrong or has expired.",
        "<p>Open the incident in Firebreak instead.</p>");
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
        .body("<!doctype html><html><head><meta charset=\"utf-8\"><title>Firebreak</title>"
            + "</head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body
            + "</body></html>");
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
