package dev.firebreak.activities.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes shifts as an iCalendar document with ical4j: one {@code VEVENT} per shift, its times in
 * the schedule's zone (with that zone's {@code VTIMEZONE}, so that a client across a
 * daylight-saving change shows the right local times), and a {@code UID} that stays the same as
 * long as the shift starts when it did, so that clients update an event instead of duplicating it.
 */
final class IcsWriter {

  /** One event: {@code uid} stable, {@code zone} the schedule's. */
  record Event(String uid, Instant start, Instant end, String zone, String summary) {}

  private static final TimeZoneRegistry ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();

  private IcsWriter() {}

  static String write(String name, List<Event> events, Instant stamp) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Firebreak//On call//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new XProperty("X-WR-CALNAME", name));
    events.stream().map(Event::zone).distinct().forEach(zone -> {
      VTimeZone vtz = ZONES.getTimeZone(zone) == null ? null
          : ZONES.getTimeZone(zone).getVTimeZone();
      if (vtz != null) {
        calendar.add(vtz);
      }
    });
    for (Event e : events) {
      ZoneId zone = ZoneId.of(e.zone());
      VEvent event = new VEvent(e.start().atZone(zone), e.end().atZone(zone), e.summary());
      event.add(new Uid(e.uid()));
      event.replace(new DtStamp(stamp));
      calendar.add(event);
    }
    return calendar.toString();
  }
}
