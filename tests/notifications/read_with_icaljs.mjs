// Reads an iCalendar file with ical.js (the parser of Thunderbird's calendar) and prints what a
// calendar program would show: one JSON line per event.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    timezone: event.startDate.zone ? event.startDate.zone.tzid : null,
    description: event.description,
    conference: vevent.getFirstPropertyValue("conference"),
  };
});
console.log(JSON.stringify({ name: calendar.getFirstPropertyValue("x-wr-calname"), events }));
