package dev.firebreak.api.oncall;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.oncall.Layer;
import dev.firebreak.workflows.oncall.OnCall;
import dev.firebreak.workflows.oncall.Restriction;
import dev.firebreak.workflows.oncall.Rotation;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.oncall.ScheduleOverride;
import dev.firebreak.workflows.oncall.Shift;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "Schedules", description = "Who is on call: layered rotations, restrictions, overrides")
public class ScheduleController {

  static final int MAX_LAYERS = 20;
  static final int MAX_LAYER_USERS = 500;
  static final Duration MAX_SHIFTS_RANGE = Duration.ofDays(366);

  /**
   * {@code start} is a local date-time in the schedule's zone; {@code rotation} is {@code "daily"},
   * {@code "weekly"} or {@code {"hours": N}}.
   */
  public record LayerRequest(String name, String start, Object rotation, List<Long> users,
      List<RestrictionRequest> restrictions) {}

  /** {@code days} like {@code ["MON","TUE"]} (all when absent), {@code from}/{@code to} "HH:mm". */
  public record RestrictionRequest(List<String> days, String from, String to) {}

  public record ScheduleRequest(String name, String timeZone, List<LayerRequest> layers) {}

  public record OverrideRequest(Long userId, Instant start, Instant end) {}

  public record RestrictionView(List<String> days, String from, String to) {}

  public record LayerView(String name, LocalDateTime start, Object rotation, List<Long> users,
      List<RestrictionView> restrictions) {}

  public record ScheduleView(long id, String name, String timeZone, List<LayerView> layers) {}

  public record UserView(long id, String name, String email, String slackUserId) {
    static UserView of(User u) {
      return new UserView(u.id(), u.name(), u.email(), u.slackUserId());
    }
  }

  public record OnCallView(long scheduleId, Instant at, List<UserView> users) {}

  public record ShiftView(Instant start, Instant end, List<UserView> users) {}

  public record ShiftsView(long scheduleId, Instant from, Instant to, List<ShiftView> shifts) {}

  private final ScheduleStore schedules;
  private final UserStore users;

  public ScheduleController(ScheduleStore schedules, UserStore users) {
    this.schedules = schedules;
    this.users = users;
  }

  @PostMapping
  @Operation(summary = "Create a schedule")
  public ResponseEntity<ScheduleView> create(@RequestBody ScheduleRequest body) {
    Schedule schedule = validate(0, body);
    try {
      ScheduleView created = view(schedules.create(schedule));
      return ResponseEntity.created(URI.create("/api/v1/schedules/" + created.id()))
          .body(created);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("a schedule named " + schedule.name() + " already exists");
    }
  }

  @GetMapping
  public List<ScheduleView> list() {
    return schedules.list().stream().map(ScheduleController::view).toList();
  }

  @GetMapping("/{id}")
  public ScheduleView get(@PathVariable long id) {
    return view(find(id));
  }

  @PutMapping("/{id}")
  public ScheduleView update(@PathVariable long id, @RequestBody ScheduleRequest body) {
    Schedule schedule = validate(id, body);
    try {
      if (!schedules.update(schedule)) {
        throw notFound(id);
      }
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("a schedule named " + schedule.name() + " already exists");
    }
    return view(schedule);
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    if (!schedules.delete(id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/oncall")
  @Operation(summary = "Who is on call at an instant (now when at is absent)")
  public OnCallView onCall(@PathVariable long id, @RequestParam(required = false) String at) {
    Instant when = at == null ? Instant.now() : instant("at", at);
    Schedule schedule = find(id);
    List<Long> ids = OnCall.at(schedule, schedules.overrides(id, when, when.plusMillis(1)), when);
    Map<Long, User> found = usersById(ids);
    return new OnCallView(id, when, ids.stream().map(found::get).filter(u -> u != null)
        .map(UserView::of).toList());
  }

  @GetMapping("/{id}/shifts")
  @Operation(summary = "The final shifts between from and to, after layers and overrides")
  public ShiftsView shifts(@PathVariable long id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Checker check = new Checker();
    check.require("from", from);
    check.require("to", to);
    check.done();
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_SHIFTS_RANGE) > 0) {
      throw ApiException.badRequest(List.of(new ApiException.FieldProblem("to",
          "must be after from, and at most " + MAX_SHIFTS_RANGE.toDays() + " days later")));
    }
    Schedule schedule = find(id);
    List<Shift> shifts;
    try {
      shifts = OnCall.shifts(schedule, schedules.overrides(id, start, end), start, end);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(List.of(new ApiException.FieldProblem("to", e.getMessage())));
    }
    Set<Long> ids = new LinkedHashSet<>();
    shifts.forEach(s -> ids.addAll(s.userIds()));
    Map<Long, User> found = usersById(new ArrayList<>(ids));
    return new ShiftsView(id, start, end, shifts.stream()
        .map(s -> new ShiftView(s.start(), s.end(), s.userIds().stream().map(found::get)
            .filter(u -> u != null).map(UserView::of).toList()))
        .toList());
  }

  @PostMapping("/{id}/overrides")
  @Operation(summary = "Put a user on call for a span, replacing everyone else then")
  public ResponseEntity<ScheduleOverride> addOverride(@PathVariable long id,
      @RequestBody OverrideRequest body) {
    find(id);
    Checker check = new Checker();
    check.require("userId", body.userId());
    check.require("start", body.start());
    check.require("end", body.end());
    if (body.userId() != null && users.find(body.userId()).isEmpty()) {
      check.problem("userId", "no user " + body.userId());
    }
    if (body.start() != null && body.end() != null && !body.start().isBefore(body.end())) {
      check.problem("end", "must be after start");
    }
    check.done();
    ScheduleOverride created = schedules.addOverride(id, body.userId(), body.start(), body.end());
    return ResponseEntity.created(
        URI.create("/api/v1/schedules/" + id + "/overrides/" + created.id())).body(created);
  }

  @GetMapping("/{id}/overrides")
  @Operation(summary = "Overrides that have not ended (or that overlap from..to)")
  public List<ScheduleOverride> overrides(@PathVariable long id,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    find(id);
    if (from != null || to != null) {
      return schedules.overrides(id, from == null ? Instant.EPOCH : instant("from", from),
          to == null ? Instant.parse("9999-12-31T00:00:00Z") : instant("to", to));
    }
    return schedules.overrides(id, Instant.now());
  }

  @DeleteMapping("/{id}/overrides/{overrideId}")
  public ResponseEntity<Void> deleteOverride(@PathVariable long id,
      @PathVariable long overrideId) {
    if (!schedules.deleteOverride(id, overrideId)) {
      throw ApiException.notFound("no override " + overrideId + " in schedule " + id);
    }
    return ResponseEntity.noContent().build();
  }

  private Schedule find(long id) {
    return schedules.find(id).orElseThrow(() -> notFound(id));
  }

  private Map<Long, User> usersById(List<Long> ids) {
    return users.findAll(ids).stream().collect(Collectors.toMap(User::id, Function.identity()));
  }

  private Schedule validate(long id, ScheduleRequest body) {
    Checker check = new Checker();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    check.require("timeZone", body.timeZone());
    if (body.timeZone() != null && !body.timeZone().isBlank()) {
      try {
        ZoneId.of(body.timeZone());
      } catch (DateTimeException e) {
        check.problem("timeZone", "'" + body.timeZone() + "' is not a time zone (like Europe/Paris)");
      }
    }
    List<LayerRequest> layerRequests = body.layers() == null ? List.of() : body.layers();
    if (layerRequests.size() > MAX_LAYERS) {
      check.problem("layers", "at most " + MAX_LAYERS + " layers");
    }
    List<Layer> layers = new ArrayList<>();
    Set<Long> userIds = new HashSet<>();
    for (int i = 0; i < layerRequests.size(); i++) {
      Layer layer = layer(check, "layers[" + i + "]", layerRequests.get(i), i);
      if (layer != null) {
        layers.add(layer);
        userIds.addAll(layer.users());
      }
    }
    if (!userIds.isEmpty()) {
      Set<Long> missing = new java.util.TreeSet<>(userIds);
      users.findAll(new ArrayList<>(userIds)).forEach(u -> missing.remove(u.id()));
      if (!missing.isEmpty()) {
        check.problem("layers", "no users " + missing);
      }
    }
    check.done();
    return new Schedule(id, body.name().trim(), body.timeZone(), layers);
  }

  private static Layer layer(Checker check, String field, LayerRequest l, int index) {
    if (l == null) {
      check.problem(field, "is required");
      return null;
    }
    int before = problems(check);
    LocalDateTime start = null;
    check.require(field + ".start", l.start());
    if (l.start() != null) {
      try {
        start = LocalDateTime.parse(l.start());
      } catch (DateTimeParseException e) {
        check.problem(field + ".start", "'" + l.start()
            + "' is not a local date-time (like 2026-11-02T09:00:00)");
      }
    }
    Rotation rotation = rotation(check, field + ".rotation", l.rotation());
    if (l.users() == null || l.users().isEmpty()) {
      check.problem(field + ".users", "give at least one user");
    } else if (l.users().size() > MAX_LAYER_USERS) {
      check.problem(field + ".users", "at most " + MAX_LAYER_USERS + " users");
    } else if (l.users().stream().anyMatch(u -> u == null)) {
      check.problem(field + ".users", "must not contain null");
    }
    List<Restriction> restrictions = new ArrayList<>();
    List<RestrictionRequest> rs = l.restrictions() == null ? List.of() : l.restrictions();
    for (int j = 0; j < rs.size(); j++) {
      Restriction r = restriction(check, field + ".restrictions[" + j + "]", rs.get(j));
      if (r != null) {
        restrictions.add(r);
      }
    }
    check.maxLength(field + ".name", l.name(), 255);
    if (problems(check) != before) {
      return null;
    }
    String name = l.name() == null || l.name().isBlank() ? "Layer " + (index + 1) : l.name();
    return new Layer(name, start, rotation, l.users(), restrictions);
  }

  private static Rotation rotation(Checker check, String field, Object value) {
    if (value == null) {
      check.problem(field, "is required: \"daily\", \"weekly\" or {\"hours\": N}");
      return null;
    }
    if (value instanceof String s) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "daily":
          return Rotation.DAILY;
        case "weekly":
          return Rotation.WEEKLY;
        default:
          break;
      }
    } else if (value instanceof Map<?, ?> m && m.size() == 1
        && m.get("hours") instanceof Number n && n.doubleValue() == n.intValue()) {
      if (n.intValue() < 1 || n.intValue() > 24 * 366) {
        check.problem(field + ".hours", "must be between 1 and " + 24 * 366);
        return null;
      }
      return Rotation.everyHours(n.intValue());
    }
    check.problem(field, "must be \"daily\", \"weekly\" or {\"hours\": N}");
    return null;
  }

  private static Restriction restriction(Checker check, String field, RestrictionRequest r) {
    if (r == null) {
      check.problem(field, "is required");
      return null;
    }
    List<DayOfWeek> days = new ArrayList<>();
    for (String day : r.days() == null ? List.<String>of() : r.days()) {
      DayOfWeek d = day(day);
      if (d == null) {
        check.problem(field + ".days", "'" + day + "' is not a day (MON..SUN)");
      } else {
        days.add(d);
      }
    }
    LocalTime from = time(check, field + ".from", r.from());
    LocalTime to = time(check, field + ".to", r.to());
    return from == null || to == null ? null : new Restriction(days, from, to);
  }

  private static DayOfWeek day(String day) {
    if (day == null) {
      return null;
    }
    String d = day.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek w : DayOfWeek.values()) {
      if (w.name().equals(d) || w.name().substring(0, 3).equals(d)) {
        return w;
      }
    }
    return null;
  }

  private static LocalTime time(Checker check, String field, String value) {
    if (value == null || value.isBlank()) {
      check.problem(field, "is required (HH:mm)");
      return null;
    }
    if (value.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      check.problem(field, "'" + value + "' is not a time (HH:mm)");
      return null;
    }
  }

  private static int problems(Checker check) {
    return check.count();
  }

  static Instant instant(String field, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(List.of(new ApiException.FieldProblem(field,
          "'" + value + "' is not an instant (like 2026-11-02T09:00:00Z)")));
    }
  }

  static ScheduleView view(Schedule s) {
    return new ScheduleView(s.id(), s.name(), s.timeZone(), s.layers().stream()
        .map(l -> new LayerView(l.name(), l.start(), rotationView(l.rotation()), l.users(),
            l.restrictions().stream().map(r -> new RestrictionView(
                r.days().stream().map(d -> d.name().substring(0, 3)).toList(),
                r.from().toString(), r.to().toString())).toList()))
        .toList());
  }

  private static Object rotationView(Rotation r) {
    return switch (r.type()) {
      case DAILY -> "daily";
      case WEEKLY -> "weekly";
      case HOURS -> {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("hours", r.hours());
        yield m;
      }
    };
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("no schedule " + id);
  }
}
