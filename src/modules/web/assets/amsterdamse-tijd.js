/* Klachtregie beheer: a day and a clock time in Amsterdam as an ISO 8601 moment with its offset. Plain browser
 * JavaScript, no DOM, loaded before beheer.js (which uses it as KlachtregieTijd); test/amsterdamse-tijd.test.ts runs
 * it as it is. The termijnen run from the moment of receipt in Dutch time (Algemene termijnenwet, Awb 9:11), whatever
 * the browser's own time zone. */
(function (wereld) {
  'use strict';
  var AMSTERDAM_KLOK = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  var MINUUT = 60000;
  var DAG = 24 * 60 * MINUUT;

  /* The wall-clock parts (year, month, day, hour, minute; two digits) of a moment in Dutch time, whatever the browser's
   * own zone: the one reading of Amsterdam's clock of these pages (beheer.js shows dates with it). One formatter for every
   * call: tables format a date per row. */
  function amsterdamseDelen(moment) {
    var p = {};
    AMSTERDAM_KLOK.formatToParts(moment).forEach(function (x) {
      p[x.type] = x.value;
    });
    return p;
  }

  /* The offset of Amsterdam's wall clock from UTC, in minutes, at the UTC minute utc (ms). */
  function offsetOp(utc) {
    var p = amsterdamseDelen(new Date(utc));
    return Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - utc) / MINUUT);
  }

  function offsetTekst(min) {
    var abs = Math.abs(min);
    var tw = function (n) {
      return (n < 10 ? '0' : '') + n;
    };
    return (min < 0 ? '-' : '+') + tw(Math.floor(abs / 60)) + ':' + tw(abs % 60);
  }

  /* dag JJJJ-MM-DD and tijd uu:mm on Amsterdam's clock as JJJJ-MM-DDTuu:mm:00+01:00 (or +02:00). The offset is the one
   * the clock had at that moment, not the one of the moment read as UTC: on the two Sundays the clock changes the two
   * differ for an hour. Tried with the offset of the day before and the day after (a change is months apart); an offset
   * fits when the clock shows that time at that moment.
   * - 25 October 2026 02:00-02:59 occurred twice (summer time, then winter time): the earlier, in summer time (+02:00),
   *   as one reads a time given on that night unless it says otherwise.
   * - 29 March 2026 02:00-02:59 never showed on the clock (02:00 became 03:00): read with the offset before the change
   *   (+01:00), as a clock not yet put forward shows it, so 02:30 is 03:30 summer time; the order of two such times is
   *   kept. */
  function amsterdamsMoment(dag, tijd) {
    var tekst = dag + 'T' + tijd + ':00';
    var wand = Date.parse(tekst + 'Z'); // the wall-clock time read as if it were UTC
    var ervoor = offsetOp(wand - DAG);
    var erna = offsetOp(wand + DAG);
    var passend = [ervoor, erna].filter(function (o) {
      return offsetOp(wand - o * MINUUT) === o;
    });
    // Both fit (the hour that occurred twice): the larger offset is the earlier moment. None fits (the hour skipped):
    // the offset before the change.
    var offset = passend.length ? Math.max.apply(null, passend) : ervoor;
    return tekst + offsetTekst(offset);
  }

  wereld.KlachtregieTijd = { amsterdamsMoment: amsterdamsMoment, amsterdamseDelen: amsterdamseDelen };
})(this);
