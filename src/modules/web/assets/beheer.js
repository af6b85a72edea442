/* Klachtregie beheer: the process-owner pages. Plain browser JavaScript, no build step.
 * Security: every datum is rendered with textContent; only SVG and report HTML built (and escaped)
 * by the server are inserted as markup. The token lives in sessionStorage of this tab only and is
 * sent as a bearer header; it is taken only from the login form the user fills in. */
(function () {
  'use strict';
  var OPSLAG = 'klachtregie.token';

  /* Login CSRF / session fixation (OWASP ASVS V3; AVG art. 32): a key in a link (#token=...) would log whoever opens
   * it in under the sender's key, so that what he does next (a klacht entered, with the klager's data) is done under
   * and readable by the sender, and the key would stay in the browser's history. Such a key is never used: it is
   * removed from the address bar and from this history entry at once, and the page says so. */
  var sleutelInLink = (function sleutelUitLinkWeigeren() {
    if (!/(?:^#|&)token=/.test(location.hash)) return false;
    history.replaceState(null, '', location.pathname + location.search);
    return true;
  })();
  var SLEUTEL_IN_LINK = 'Deze link bevatte een sleutel. Klachtregie gebruikt een sleutel uit een link niet: log in met uw eigen sleutel.';

  function token() {
    return sessionStorage.getItem(OPSLAG);
  }
  var inhoud = function () {
    return document.getElementById('pagina');
  };

  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs)
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) return;
        if (k === 'text') e.textContent = String(v);
        else if (k === 'class') e.className = v;
        else if (k.indexOf('on') === 0) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === undefined || c === null || c === false) continue;
      if (Array.isArray(c))
        c.forEach(function (x) {
          if (x) e.appendChild(typeof x === 'string' ? document.createTextNode(x) : x);
        });
      else e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function toonInloggen(melding) {
    var f = document.getElementById('inloggen');
    f.hidden = false;
    document.getElementById('inlogfout').textContent = melding || '';
    inhoud().textContent = '';
  }

  function Fout(status, body) {
    this.status = status;
    this.body = body;
  }

  function api(pad, opties) {
    opties = opties || {};
    var headers = Object.assign({ Authorization: 'Bearer ' + token() }, opties.headers || {});
    return fetch('/api/v1' + pad, Object.assign({}, opties, { headers: headers })).then(function (res) {
      if (res.status === 401) {
        sessionStorage.removeItem(OPSLAG);
        toonInloggen('De sleutel is niet (meer) geldig. Log opnieuw in.');
        throw new Fout(401, null);
      }
      if (!res.ok) {
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (b) {
            throw new Fout(res.status, b);
          });
      }
      return res;
    });
  }
  var json = function (pad, opties) {
    return api(pad, opties).then(function (r) {
      return r.json();
    });
  };
  var tekst = function (pad, opties) {
    return api(pad, opties).then(function (r) {
      return r.text();
    });
  };

  function foutmelding(e) {
    if (e instanceof Fout && e.status === 401) return;
    var b = e instanceof Fout ? e.body || {} : {};
    var p = el(
      'div',
      { class: 'fout', role: 'alert' },
      el('strong', { text: b.title || 'Er ging iets mis' }),
      ' ',
      b.detail || (e && e.message) || '',
    );
    if (b.invalidParams)
      p.appendChild(
        el(
          'ul',
          null,
          b.invalidParams.map(function (x) {
            return el('li', { text: x.name + ': ' + x.reason });
          }),
        ),
      );
    inhoud().appendChild(p);
  }

  var qs = new URLSearchParams(location.search);
  var ik = null; // who is logged in: { rol, gemeente: { code, naam }, naam, nu } (GET /ik)
  var ikOntvangen = 0; // Date.now() when /ik answered: how far the service's clock has moved on since

  /* Now by the service's clock (GET /ik `nu`, moved on by the time passed since): the termijnen and lateness are
   * counted by that clock, and the browser's own may be wrong. The browser's only when /ik did not answer. */
  function nuVolgensDienst() {
    return ik && ik.nu ? new Date(Date.parse(ik.nu) + (Date.now() - ikOntvangen)) : new Date();
  }

  // ------------------------------------------------------------------ plain Dutch (B1)
  var MAANDEN = [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ];
  /* The one date format of these pages: "3 december 2026", and with metTijd "3 december 2026, 14:05".
   * A calendar day (JJJJ-MM-DD, e.g. a vervaldatum) is shown as that day; a moment in Amsterdam time. */
  // The wall-clock parts of a moment in Dutch time (amsterdamse-tijd.js, loaded first): one reading of the clock.
  var amsterdamseDelen = window.KlachtregieTijd.amsterdamseDelen;

  function datum(waarde, metTijd) {
    if (!waarde) return '';
    var dag = /^(\d{4})-(\d{2})-(\d{2})$/.exec(waarde);
    if (dag) return Number(dag[3]) + ' ' + MAANDEN[Number(dag[2]) - 1] + ' ' + dag[1];
    var d = amsterdamseDelen(new Date(waarde));
    return Number(d.day) + ' ' + MAANDEN[Number(d.month) - 1] + ' ' + d.year + (metTijd ? ', ' + d.hour + ':' + d.minute : '');
  }
  var tijd = function (iso) {
    return datum(iso, true);
  };
  // Awb 9:12 lid 1: the outcomes as the law names them.
  var OORDELEN = { gegrond: 'gegrond', ongegrond: 'ongegrond', deelsGegrond: 'deels gegrond', geenOordeel: 'geen oordeel' };
  var BANDEN = { overdue: 'te laat', nearlyDue: 'bijna verlopen', onTime: 'op tijd' };
  var STATUS = { lopend: 'loopt', nagekomen: 'gehaald', verlopen: 'verlopen', vervallen: 'vervallen' };
  var KANALEN = { brief: 'brief', webformulier: 'webformulier', email: 'e-mail', telefoon: 'telefoon', balie: 'balie' };
  var SOORTEN = { klacht: 'klacht', signaal: 'signaal', melding: 'melding' };
  // camelCase value → words ("ouderDanEenJaar" → "ouder dan een jaar").
  function woorden(w) {
    return (
      OORDELEN[w] ||
      String(w)
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
    );
  }
  function hoofdletter(t) {
    return t ? t.charAt(0).toUpperCase() + t.slice(1) : t;
  }
  function klachtNaam(k) {
    return k.onderwerp ? k.onderwerp : 'Klacht van ' + datum(k.ontvangenOp);
  }

  /* A wide table scrolls sideways inside its own box, never the page (WCAG 1.4.10); the box can be
   * focused so a keyboard user can scroll it too (2.1.1). */
  function tabel(label, koppen, rijen, attrs) {
    var t = el(
      'table',
      Object.assign({ class: 'lijst' }, attrs || {}),
      el('caption', { text: label }),
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          koppen.map(function (h) {
            return el('th', { scope: 'col', text: h, class: /^(Aantal|Te laat|Bijna|Op tijd|Mediaan)/.test(h) ? 'n' : null });
          }),
        ),
      ),
      el('tbody', null, rijen),
    );
    return el('div', { class: 'tabel', tabindex: '0', role: 'region', 'aria-label': label }, t);
  }
  function meld(t) {
    document.getElementById('melding').textContent = t || '';
  }

  // ------------------------------------------------------------------ overzicht
  function index() {
    if (ik && ik.rol === 'aanbieder') {
      // An aanbieder sees its own klachten and reports, not the gemeente's process views.
      inhoud().appendChild(
        el(
          'p',
          null,
          el('a', { href: '/beheer/werkvoorraad', text: 'Naar uw werkvoorraad' }),
          ' · ',
          el('a', { href: '/beheer/rapportages', text: 'Naar de rapportages' }),
        ),
      );
      document.body.setAttribute('data-klaar', 'index');
      return Promise.resolve();
    }
    return Promise.all([
      json('/procesoverzichten'),
      json('/procesoverzichten/kerncijfers').catch(function () {
        return null;
      }),
    ]).then(function (r) {
      var defs = r[0],
        k = r[1];
      var c = inhoud();
      if (k) {
        document.getElementById('titel').textContent = 'Overzicht ' + k.gemeente.naam;
        c.appendChild(el('p', { text: 'Stand op ' + tijd(k.peildatum) + '.' }));
        c.appendChild(
          el(
            'ul',
            { class: 'kaarten', id: 'kerncijfers' },
            el('li', { class: 'kaart' }, el('span', { class: 'getal', text: String(k.open) }), 'open klachten'),
            el('li', { class: 'kaart rood' }, el('span', { class: 'getal', text: String(k.teLaat) }), 'te laat'),
            el(
              'li',
              { class: 'kaart oranje' },
              el('span', { class: 'getal', text: String(k.bijnaVerlopen) }),
              'bijna verlopen (binnen ' + k.bijnaDagen + ' dagen)',
            ),
            el('li', { class: 'kaart' }, el('span', { class: 'getal', text: String(k.ontvangenDezeMaand) }), 'ontvangen deze maand'),
          ),
        );
      }
      var links = el('p', null);
      if (ik && (ik.rol === 'klachtbehandelaar' || ik.rol === 'aanbieder'))
        links.appendChild(el('a', { href: '/beheer/werkvoorraad', text: 'Naar uw werkvoorraad' }));
      if (links.childNodes.length) links.appendChild(document.createTextNode(' · '));
      links.appendChild(el('a', { href: '/beheer/rapportages', text: 'Naar de rapportages' }));
      c.appendChild(links);
      c.appendChild(el('h2', { text: 'Klachtregelingen' }));
      c.appendChild(
        el('p', {
          text: 'Per versie van de klachtregeling van uw gemeente: het procesdiagram met de klachten van nu, en alle routes die een klacht kan nemen.',
        }),
      );
      if (defs.length === 0) {
        c.appendChild(el('p', { text: 'Er is geen klachtregeling voor deze gemeente.' }));
        return;
      }
      c.appendChild(
        tabel(
          'Versies van de klachtregeling',
          ['Gemeente', 'Versie', 'Geldig', 'Bekijken'],
          defs.map(function (d) {
            var q = '?definitie=' + encodeURIComponent(d.id) + '&versie=' + encodeURIComponent(d.versie);
            return el(
              'tr',
              null,
              el('td', { text: d.gemeente.naam }),
              el('td', { text: d.versie }),
              el('td', { text: 'vanaf ' + datum(d.geldigVanaf) + (d.geldigTot ? ' tot en met ' + datum(d.geldigTot) : '') }),
              el(
                'td',
                null,
                el('a', { href: '/beheer/diagram' + q, text: 'Diagram', 'aria-label': 'Diagram van versie ' + d.versie }),
                ' · ',
                el('a', { href: '/beheer/paden' + q, text: 'Routes', 'aria-label': 'Routes van versie ' + d.versie }),
              ),
            );
          }),
          { id: 'definities' },
        ),
      );
      document.body.setAttribute('data-klaar', 'index');
    });
  }

  // ------------------------------------------------------------------ diagram
  function kiesDefinitie() {
    if (qs.get('definitie') && qs.get('versie')) return Promise.resolve({ id: qs.get('definitie'), versie: qs.get('versie') });
    return json('/procesoverzichten').then(function (defs) {
      if (!defs.length) throw new Fout(404, { title: 'Geen klachtregeling', detail: 'Deze gemeente heeft geen klachtregeling.' });
      return { id: defs[0].id, versie: defs[0].versie };
    });
  }

  function diagram() {
    return kiesDefinitie().then(function (d) {
      var basis = '/procesoverzichten/' + encodeURIComponent(d.id) + '/versies/' + encodeURIComponent(d.versie);
      var hier = '/beheer/diagram?definitie=' + encodeURIComponent(d.id) + '&versie=' + encodeURIComponent(d.versie);
      return Promise.all([json(basis), tekst(basis + '/diagram')]).then(function (r) {
        var o = r[0];
        var c = inhoud();
        var perState = {};
        o.states.forEach(function (s) {
          perState[s.state] = s;
        });
        document.getElementById('titel').textContent = 'Procesdiagram ' + o.titel;
        c.appendChild(
          el(
            'p',
            { class: 'samenvatting', id: 'samenvatting' },
            el('strong', { text: String(o.totaal) }),
            ' klachten op deze versie. Stand op ' + tijd(o.peildatum) + '. ',
            el('span', { class: 'band overdue', text: 'te laat' }),
            ' ',
            el('span', { class: 'band nearlyDue', text: 'bijna verlopen (binnen ' + o.bijnaDagen + ' dagen)' }),
            ' ',
            el('span', { class: 'band onTime', text: 'op tijd' }),
            ' · ',
            el('a', {
              href: '/beheer/paden?definitie=' + encodeURIComponent(d.id) + '&versie=' + encodeURIComponent(d.versie),
              text: 'alle routes in tekst',
            }),
          ),
        );
        var doek = el('div', { class: 'doek', id: 'diagram' });
        var svg, breedte, hoogte;
        // Places a server-built SVG (text escaped by the diagram renderer); clicks and keys are handled on the box.
        function plaats(bron) {
          doek.innerHTML = bron;
          svg = doek.querySelector('svg');
          breedte = Number(svg.getAttribute('width'));
          hoogte = Number(svg.getAttribute('height'));
          // The states become links (WCAG 2.1.1, 4.1.2): the drawing is a group of links, not one image.
          svg.setAttribute('role', 'group');
          svg.querySelectorAll('[data-state]').forEach(function (g) {
            var s = perState[g.getAttribute('data-state')];
            var t = g.querySelector('title');
            if (t) t.remove(); // the label below says it; a tooltip title would be read twice
            g.setAttribute('tabindex', '0');
            g.setAttribute('role', 'link');
            g.setAttribute(
              'aria-label',
              s
                ? s.label +
                    ': ' +
                    s.count +
                    (s.count === 1 ? ' klacht' : ' klachten') +
                    (s.overdue ? ', ' + s.overdue + ' te laat' : '') +
                    '. Toon de klachten.'
                : g.getAttribute('data-state'),
            );
          });
        }
        plaats(r[1]);
        var zoom = 1;
        function zet(z) {
          zoom = z;
          // Rounded up: the drawing is never smaller than the chosen scale (the 9 px minimum below holds exactly).
          svg.setAttribute('width', String(Math.ceil(breedte * z)));
          svg.setAttribute('height', String(Math.ceil(hoogte * z)));
        }
        zet(zoom);
        // Fit the width, but never below the scale at which the smallest letter is 9 px (legible): a wider diagram
        // then scrolls inside its box, never the page.
        function passend() {
          var kleinste = Number(svg.getAttribute('data-kleinste-letter')) || 10;
          zet(Math.max(9 / kleinste, Math.min(1, doek.clientWidth / breedte)));
        }
        c.appendChild(
          el(
            'div',
            { class: 'zoom' },
            el('span', { text: 'Grootte:' }),
            el('button', {
              type: 'button',
              text: 'Kleiner',
              onclick: function () {
                zet(Math.max(0.3, zoom / 1.25));
              },
            }),
            el('button', {
              type: 'button',
              text: 'Groter',
              onclick: function () {
                zet(Math.min(2, zoom * 1.25));
              },
            }),
            el('button', { type: 'button', text: 'Past op het scherm', onclick: passend }),
            el('button', {
              type: 'button',
              id: 'weergave',
              'aria-pressed': 'false',
              text: 'Overzicht: alleen de stappen',
              onclick: function () {
                var knop = this;
                var overzicht = knop.getAttribute('aria-pressed') !== 'true';
                // The overview leaves the text at the arrows out (it stays in their tooltips): the largest regeling
                // then fits legibly; the chosen state stays chosen.
                tekst(basis + '/diagram' + (overzicht ? '?weergave=overzicht' : '')).then(function (t) {
                  var gekozen = doek.querySelector('.gekozen');
                  var state = gekozen && gekozen.getAttribute('data-state');
                  plaats(t);
                  if (state) {
                    var g = doek.querySelector('[data-state="' + CSS.escape(state) + '"]');
                    if (g) g.classList.add('gekozen');
                  }
                  knop.setAttribute('aria-pressed', String(overzicht));
                  passend();
                  document.body.setAttribute('data-weergave', overzicht ? 'overzicht' : 'volledig');
                }, foutmelding);
              },
            }),
            el('span', { text: 'Kies een toestand (klik, of Tab en Enter) voor de klachten daarin.' }),
          ),
        );
        doek.setAttribute('role', 'region');
        doek.setAttribute('aria-label', 'Procesdiagram (schuift binnen dit vak)');
        doek.setAttribute('tabindex', '0');
        c.appendChild(doek);
        var lijst = el('section', { id: 'klachten', 'aria-live': 'polite' });
        c.appendChild(lijst);
        c.appendChild(el('h2', { text: 'Toestanden' }));
        c.appendChild(
          tabel(
            'Klachten per toestand',
            ['Toestand', 'Fase', 'Aantal', 'Te laat', 'Bijna verlopen', 'Op tijd', 'Mediaan dagen in toestand'],
            o.states.map(function (s) {
              return el(
                'tr',
                { 'data-state': s.state, class: s.parent ? 'sub' : 'top' },
                el(
                  'td',
                  null,
                  el('a', { href: hier + '&toestand=' + encodeURIComponent(s.state) + '#klachten', 'data-kies': s.state, text: s.label }),
                ),
                el('td', { text: s.faseLabel || '' }),
                el('td', { class: 'n aantal', text: String(s.count) }),
                el('td', { class: 'n', text: String(s.overdue) }),
                el('td', { class: 'n', text: String(s.nearlyDue) }),
                el('td', { class: 'n', text: String(s.onTime) }),
                el('td', { class: 'n', text: s.medianDays === null ? '' : String(s.medianDays) }),
              );
            }),
            { id: 'toestanden', class: 'lijst toestanden' },
          ),
        );
        if (o.onbekend.length)
          c.appendChild(
            el('p', {
              class: 'fout',
              text:
                'Klachten in toestanden die deze versie niet kent: ' +
                o.onbekend
                  .map(function (x) {
                    return x.state + ' (' + x.count + ')';
                  })
                  .join(', '),
            }),
          );

        function kies(state, focus) {
          doek.querySelectorAll('.gekozen').forEach(function (g) {
            g.classList.remove('gekozen');
          });
          var g = doek.querySelector('[data-state="' + CSS.escape(state) + '"]');
          if (g) g.classList.add('gekozen');
          lijst.textContent = '';
          lijst.appendChild(el('p', { text: 'Laden…' }));
          return json(basis + '/toestanden/' + encodeURIComponent(state) + '/klachten')
            .then(function (k) {
              lijst.textContent = '';
              lijst.setAttribute('data-state', state);
              var kop = el('h2', {
                tabindex: '-1',
                text: k.label + ': ' + k.klachten.length + (k.klachten.length === 1 ? ' klacht' : ' klachten'),
              });
              lijst.appendChild(kop);
              if (!k.klachten.length) lijst.appendChild(el('p', { text: 'Geen klachten in deze toestand.' }));
              else
                lijst.appendChild(
                  tabel(
                    'Klachten in ' + k.label,
                    [
                      'Klacht',
                      'Ontvangen',
                      'Soort',
                      'Aanbieder',
                      'Aard',
                      'Eerstvolgende termijn',
                      'Uiterlijk',
                      'Stand',
                      'In deze toestand sinds',
                    ],
                    k.klachten.map(function (x) {
                      return el(
                        'tr',
                        { 'data-klacht': x.id },
                        el(
                          'td',
                          null,
                          el('a', {
                            href: '/beheer/klachten/' + encodeURIComponent(x.id),
                            text: 'Klacht van ' + datum(x.ontvangenOp) + ' (' + x.id.slice(0, 8) + ')',
                          }),
                        ),
                        el('td', { text: datum(x.ontvangenOp) }),
                        el('td', { text: SOORTEN[x.soort] || x.soort }),
                        el('td', { text: x.aanbieders || 'gemeente' }),
                        el('td', { text: x.categorie || '' }),
                        el('td', { text: x.termijn || '' }),
                        el('td', { text: datum(x.vervaldatum) }),
                        el('td', null, x.band ? el('span', { class: 'band ' + x.band, text: BANDEN[x.band] }) : ''),
                        el('td', { text: datum(x.sinds) }),
                      );
                    }),
                    { id: 'klachtenlijst' },
                  ),
                );
              if (focus) kop.focus();
              else lijst.scrollIntoView({ block: 'start' });
            })
            .catch(foutmelding);
        }
        doek.addEventListener('click', function (e) {
          var g = e.target.closest && e.target.closest('[data-state]');
          if (g) kies(g.getAttribute('data-state'));
        });
        doek.addEventListener('keydown', function (e) {
          var g = e.target.closest && e.target.closest('[data-state]');
          if (g && (e.key === 'Enter' || e.key === ' ')) {
            e.preventDefault();
            kies(g.getAttribute('data-state'), true);
          }
        });
        c.addEventListener('click', function (e) {
          var a = e.target.closest && e.target.closest('a[data-kies]');
          if (!a) return;
          e.preventDefault();
          history.replaceState(null, '', a.getAttribute('href'));
          kies(a.getAttribute('data-kies'), true);
        });
        document.body.setAttribute('data-klaar', 'diagram');
        if (qs.get('toestand')) return kies(qs.get('toestand'), true);
      });
    });
  }

  // ------------------------------------------------------------------ werkvoorraad
  /* The list as the API gives it; the one place that knows the reply's shape. */
  function haalWerkvoorraad(filter) {
    var p = new URLSearchParams();
    Object.keys(filter).forEach(function (k) {
      if (filter[k]) p.set(k, filter[k]);
    });
    return json('/werkvoorraad' + (p.toString() ? '?' + p.toString() : ''));
  }

  function werkvoorraad() {
    var filter = { toestand: qs.get('toestand') || '', aanbieder: qs.get('aanbieder') || '', teLaat: qs.get('teLaat') || '' };
    return haalWerkvoorraad(filter).then(function (w) {
      var c = inhoud();
      document.getElementById('titel').textContent = 'Werkvoorraad ' + w.gemeente.naam;
      c.appendChild(
        el('p', {
          text:
            'De open klachten, de klachten die te laat zijn eerst, daarna de klacht waarvan de termijn het eerst afloopt. Stand op ' +
            tijd(w.peildatum) +
            '.',
        }),
      );
      if (ik && ik.rol === 'klachtbehandelaar')
        c.appendChild(
          el('p', null, el('a', { class: 'knop', id: 'nieuwe-klacht', href: '/beheer/klachten/nieuw', text: 'Nieuwe klacht registreren' })),
        );
      function keuze(id, label, huidig, opties) {
        return el(
          'label',
          { for: id },
          label,
          el(
            'select',
            { id: id, name: id },
            opties.map(function (o) {
              return el('option', { value: o[0], selected: o[0] === huidig, text: o[1] });
            }),
          ),
        );
      }
      c.appendChild(
        el(
          'form',
          { class: 'filters', id: 'filters', method: 'get', action: '/beheer/werkvoorraad' },
          keuze(
            'toestand',
            'Toestand',
            filter.toestand,
            [['', 'alle toestanden']].concat(
              w.keuzes.toestanden.map(function (t) {
                return [t.state, t.omschrijving];
              }),
            ),
          ),
          w.keuzes.aanbieders.length
            ? keuze(
                'aanbieder',
                'Aanbieder',
                filter.aanbieder,
                [['', 'alle aanbieders']].concat(
                  w.keuzes.aanbieders.map(function (a) {
                    return [a.id, a.naam];
                  }),
                ),
              )
            : null,
          keuze('teLaat', 'Te laat', filter.teLaat, [
            ['', 'alle klachten'],
            ['true', 'alleen te laat'],
            ['false', 'niet te laat'],
          ]),
          el('button', { type: 'submit', text: 'Filter toepassen' }),
        ),
      );
      c.appendChild(
        el('p', { id: 'aantal', role: 'status', text: w.resultaten.length === 1 ? '1 klacht' : w.resultaten.length + ' klachten' }),
      );
      if (!w.resultaten.length) {
        c.appendChild(el('p', { text: 'Geen open klachten met deze filters.' }));
        document.body.setAttribute('data-klaar', 'werkvoorraad');
        return;
      }
      c.appendChild(
        tabel(
          'Open klachten, meest dringend eerst',
          ['Klacht', 'Stand', 'Eerstvolgende termijn', 'Uiterlijk', 'Toestand', 'Aanbieder', 'Ontvangen'],
          w.resultaten.map(function (k) {
            return el(
              'tr',
              { 'data-klacht': k.id, class: k.teLaat ? 'te-laat' : null },
              el(
                'td',
                null,
                el('a', { href: '/beheer/klachten/' + encodeURIComponent(k.id), text: klachtNaam(k) }),
                // After a herindeling the dissolved gemeente's klachten are here too, on its own regeling: say whose.
                k.gemeente && k.gemeente.code !== w.gemeente.code ? ' (' + k.gemeente.naam + ')' : null,
              ),
              el('td', null, k.band ? el('span', { class: 'band ' + k.band, text: BANDEN[k.band] }) : 'geen termijn'),
              el('td', { text: k.eersteTermijn ? k.eersteTermijn.label : '' }),
              el('td', { text: k.eersteTermijn ? datum(k.eersteTermijn.vervaldatum) : '' }),
              el('td', { text: k.stateOmschrijving }),
              el('td', {
                text:
                  k.aanbieders
                    .map(function (a) {
                      return a.naam || a.id;
                    })
                    .join(', ') || 'gemeente',
              }),
              el('td', { text: datum(k.ontvangenOp) }),
            );
          }),
          { id: 'werkvoorraad' },
        ),
      );
      document.body.setAttribute('data-klaar', 'werkvoorraad');
    });
  }

  // ------------------------------------------------------------------ klacht (tijdlijn en acties)
  var VELDLABELS = {
    termijn: 'Welke termijn',
    duur: 'Hoe lang',
    reden: 'Reden',
    oordeel: 'Oordeel',
    tot: 'Nieuwe datum',
    redenAfwijking: 'Reden van afwijken van het advies',
    maatregelen: 'Maatregelen (één per regel)',
    beklaagde: 'Op wie gaat de klacht',
    grond: 'Grond',
    advies: 'Advies',
    instemmingKlager: 'De klager stemt in',
    aanbevelingen: 'Doet het rapport aanbevelingen?',
    volgen: 'Volgt de gemeente de aanbevelingen?',
    motivering: 'Motivering',
    besluit: 'Besluit',
    uitspraak: 'Uitspraak',
    aanbieder: 'Aanbieder',
    onderwerp: 'Onderwerp',
  };

  function tijdlijn() {
    var id = document.body.getAttribute('data-klacht');
    var magHandelen = ik && ik.rol === 'klachtbehandelaar';
    return Promise.all([
      json('/klachten/' + encodeURIComponent(id) + '/tijdlijn'),
      magHandelen ? json('/klachten/' + encodeURIComponent(id)) : null,
    ]).then(function (r) {
      var t = r[0],
        detail = r[1];
      var k = t.klacht;
      var c = inhoud();
      c.textContent = '';
      document.getElementById('titel').textContent = klachtNaam(k);
      if (location.hash === '#geregistreerd') {
        // Arrived from the intake form (intake()): say so once.
        meld('De klacht is geregistreerd. De termijnen lopen vanaf het moment van ontvangst.');
        history.replaceState(null, '', location.pathname + location.search);
      }
      document.title = klachtNaam(k) + ' — Klachtregie';
      var afdoening = [k.oordeel ? OORDELEN[k.oordeel] || woorden(k.oordeel) : null, k.afdoening ? woorden(k.afdoening) : null]
        .filter(Boolean)
        .join('; ');
      c.appendChild(
        el(
          'dl',
          { class: 'kenmerken' },
          el('dt', { text: 'Onderwerp' }),
          el('dd', { text: k.onderwerp || 'niet opgegeven' }),
          el('dt', { text: 'Waar staat de klacht' }),
          el(
            'dd',
            null,
            el('strong', { text: hoofdletter(k.stateOmschrijving) }),
            k.done ? ' (afgerond)' : '',
            k.teLaat ? el('span', null, ' ', el('span', { class: 'band overdue', text: 'te laat' })) : '',
          ),
          el('dt', { text: 'Ontvangen' }),
          el('dd', { text: tijd(k.ontvangenOp) + ', per ' + (KANALEN[k.kanaal] || k.kanaal) + ' (' + (SOORTEN[k.soort] || k.soort) + ')' }),
          el('dt', { text: 'Gemeente' }),
          el('dd', { text: k.gemeenteNaam }),
          el('dt', { text: 'Aanbieder' }),
          el('dd', {
            text:
              k.aanbieders
                .map(function (a) {
                  return a.naam || a.id;
                })
                .join(', ') || 'geen (de gemeente zelf)',
          }),
          el('dt', { text: 'Aard en oorzaak' }),
          el('dd', {
            text:
              (k.categorie ? woorden(k.categorie) : 'nog niet vastgelegd') +
              ' / ' +
              (k.oorzaak ? woorden(k.oorzaak) : 'nog niet vastgelegd'),
          }),
          el('dt', { text: 'Oordeel en afdoening' }),
          el('dd', { id: 'afdoening', text: afdoening || (k.done ? 'geen oordeel' : 'nog open') }),
          el('dt', { text: 'Klachtregeling' }),
          el(
            'dd',
            null,
            el('a', {
              href: '/beheer/diagram?definitie=' + encodeURIComponent(k.definitieId) + '&versie=' + encodeURIComponent(k.definitieVersie),
              text: 'versie ' + k.definitieVersie + ' (procesdiagram)',
            }),
          ),
        ),
      );

      c.appendChild(el('h2', { text: 'Wat er nu kan gebeuren' }));
      // A klachtbehandelaar gets the steps as buttons; others read what can happen.
      if (detail && detail.volgendeEvents.length) c.appendChild(acties(k, detail));
      else if (!t.volgendeEvents.length) c.appendChild(el('p', { text: 'Niets meer: de klacht is afgerond.' }));
      else
        c.appendChild(
          el(
            'ul',
            { id: 'volgende' },
            t.volgendeEvents.map(function (v) {
              return el('li', { 'data-type': v.type, text: hoofdletter(v.omschrijving) });
            }),
          ),
        );

      c.appendChild(el('h2', { text: 'Termijnen' }));
      c.appendChild(
        t.termijnen.length
          ? tabel(
              'Termijnen van deze klacht',
              ['Termijn', 'Uiterlijk', 'Stand', 'Hoe berekend', 'Grondslag'],
              t.termijnen.map(function (x) {
                return el(
                  'tr',
                  null,
                  // Two contact termijnen share a label: say whose each is (the aanbieder's, the gemeente's).
                  el('td', { text: x.voor ? x.label + ' (' + x.voor + ')' : x.label }),
                  el('td', { text: datum(x.vervaldatum) }),
                  el(
                    'td',
                    null,
                    STATUS[x.status] || x.status,
                    x.teLaat ? el('span', null, ' ', el('span', { class: 'band overdue', text: 'te laat' })) : '',
                  ),
                  el(
                    'td',
                    null,
                    el(
                      'ul',
                      { class: 'uitleg' },
                      x.uitleg.map(function (u) {
                        return el('li', { text: u });
                      }),
                    ),
                  ),
                  el('td', { text: x.grondslag || '' }),
                );
              }),
              { id: 'termijnen' },
            )
          : el('p', { text: 'Geen termijnen.' }),
      );

      c.appendChild(el('h2', { text: 'Geschiedenis' }));
      c.appendChild(
        el(
          'ol',
          { class: 'tijdlijn', id: 'gebeurtenissen' },
          t.gebeurtenissen.map(function (g) {
            return el(
              'li',
              { 'data-type': g.type },
              el('time', { datetime: g.at, text: tijd(g.at) }),
              ': ',
              el('strong', { text: hoofdletter(g.omschrijving) }),
              '. ',
              el('span', {
                class: 'pad',
                text:
                  g.vanOmschrijving && g.vanOmschrijving !== g.naarOmschrijving
                    ? 'Van “' + g.vanOmschrijving + '” naar “' + g.naarOmschrijving + '”.'
                    : 'Toestand: “' + g.naarOmschrijving + '”.',
              }),
              ' ',
              el('span', { class: 'wie', text: 'Door: ' + g.actorNaam }),
            );
          }),
        ),
      );
      document.body.setAttribute('data-klaar', 'tijdlijn');
    });
  }

  /* One button per event the klacht accepts now; its form is generated from the event's data fields
   * (GET /klachten/{id} volgendeEvents). "Bekijk de gevolgen" asks the server what the event would do
   * (nothing is stored); "Opslaan" sends it to POST /klachten/{id}/gebeurtenissen, as integrations do. */
  function acties(k, detail) {
    var sectie = el('section', { id: 'acties', 'aria-labelledby': 'acties-kop' }, el('h3', { id: 'acties-kop', text: 'Een stap zetten' }));
    var labels = {};
    detail.termijnen.forEach(function (x) {
      labels[x.naam] = x.label;
    });
    var lijst = el('ul', { class: 'acties' });
    var plek = el('div');
    detail.volgendeEvents.forEach(function (v) {
      var knop = el('button', {
        type: 'button',
        'aria-expanded': 'false',
        'aria-controls': 'form-' + v.type,
        'data-type': v.type,
        text: hoofdletter(v.omschrijving),
      });
      knop.addEventListener('click', function () {
        var open = knop.getAttribute('aria-expanded') === 'true';
        lijst.querySelectorAll('button[aria-expanded]').forEach(function (b) {
          b.setAttribute('aria-expanded', 'false');
        });
        plek.textContent = '';
        if (open) return;
        knop.setAttribute('aria-expanded', 'true');
        var f = gebeurtenisForm(k, v, labels);
        plek.appendChild(f);
        var eerste = f.querySelector('input, select, textarea, button');
        if (eerste) eerste.focus();
      });
      lijst.appendChild(el('li', null, knop));
    });
    sectie.appendChild(lijst);
    sectie.appendChild(plek);
    return sectie;
  }

  /* One form field with its label, hint and error line (WCAG 3.3.1, 3.3.2), for the event forms and the
   * intake form. o: { id, naam, label, hint, soort (moment: a day and time, datetime-local), waarden, waardeLabel, verplicht, waarde }. `lees` gives the value as
   * the API takes it, or undefined for an empty field (an empty field is not sent). */
  function maakVeld(o) {
    var id = o.id;
    var label = o.label;
    var hint = el('p', { class: 'hint', id: id + '-hint', text: hoofdletter(o.hint) });
    var fout = el('p', { class: 'veldfout', id: id + '-fout' });
    var beschreven = id + '-hint ' + id + '-fout';
    var invoer,
      lees,
      wrap = el('div', { class: 'veld', 'data-veld': o.naam });
    if (o.soort === 'keuze' || o.soort === 'termijn') {
      var waarden = o.waarden || [];
      invoer = el(
        'select',
        { id: id, 'aria-describedby': beschreven },
        el('option', { value: '', text: '— kies —' }),
        waarden.map(function (w) {
          return el('option', { value: w, text: o.waardeLabel ? o.waardeLabel(w) : woorden(w) });
        }),
      );
      if (waarden.length === 1) invoer.value = waarden[0];
      lees = function () {
        return invoer.value || undefined;
      };
    } else if (o.soort === 'jaNee') {
      invoer = el(
        'select',
        { id: id, 'aria-describedby': beschreven },
        el('option', { value: '', text: '— kies —' }),
        el('option', { value: 'true', text: 'ja' }),
        el('option', { value: 'false', text: 'nee' }),
      );
      lees = function () {
        return invoer.value === '' ? undefined : invoer.value === 'true';
      };
    } else if (o.soort === 'waar') {
      invoer = el('input', { type: 'checkbox', id: id, 'aria-describedby': beschreven });
      lees = function () {
        return invoer.checked ? true : undefined;
      };
    } else if (o.soort === 'duur') {
      // ISO 8601 in one unit (P4W): asked as a number and a unit, in words.
      var eenheid = el(
        'select',
        { id: id + '-eenheid', 'aria-label': 'Eenheid' },
        el('option', { value: 'W', text: 'weken' }),
        el('option', { value: 'D', text: 'dagen' }),
        el('option', { value: 'M', text: 'maanden' }),
      );
      invoer = el('input', { type: 'number', id: id, min: '1', step: '1', inputmode: 'numeric', 'aria-describedby': beschreven });
      lees = function () {
        return invoer.value.trim() === '' ? undefined : 'P' + invoer.value.trim() + eenheid.value;
      };
      wrap.appendChild(el('label', { for: id, text: label }));
      wrap.appendChild(hint);
      wrap.appendChild(el('div', { class: 'duur' }, invoer, eenheid));
    } else if (o.soort === 'moment') {
      // A day and a time of day in Dutch time, sent as ISO 8601 with its offset.
      invoer = el('input', { type: 'datetime-local', id: id, 'aria-describedby': beschreven });
      lees = function () {
        return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(invoer.value)
          ? amsterdamsMoment(invoer.value.slice(0, 10), invoer.value.slice(11, 16))
          : undefined;
      };
    } else if (o.soort === 'datum' || o.soort === 'tijd') {
      invoer = el('input', { type: o.soort === 'datum' ? 'date' : 'time', id: id, 'aria-describedby': beschreven });
      lees = function () {
        return invoer.value || undefined;
      };
    } else if (o.soort === 'getal') {
      invoer = el('input', { type: 'number', id: id, step: '1', inputmode: 'numeric', 'aria-describedby': beschreven });
      lees = function () {
        return invoer.value.trim() === '' ? undefined : Number(invoer.value);
      };
    } else if (o.soort === 'teksten') {
      invoer = el('textarea', { id: id, rows: '3', 'aria-describedby': beschreven });
      lees = function () {
        var r = invoer.value
          .split('\n')
          .map(function (x) {
            return x.trim();
          })
          .filter(Boolean);
        return r.length ? r : undefined;
      };
    } else {
      invoer = el('input', { type: 'text', id: id, 'aria-describedby': beschreven });
      lees = function () {
        return invoer.value.trim() === '' ? undefined : invoer.value;
      };
    }
    if (o.verplicht) invoer.setAttribute('aria-required', 'true');
    if (o.waarde !== undefined && o.waarde !== null) invoer.value = o.waarde;
    if (!wrap.childNodes.length) {
      if (o.soort === 'waar') {
        wrap.appendChild(el('label', { for: id }, invoer, ' ' + label));
        wrap.appendChild(hint);
      } else {
        wrap.appendChild(el('label', { for: id, text: label }));
        wrap.appendChild(hint);
        wrap.appendChild(invoer);
      }
    }
    wrap.appendChild(fout);
    return { wrap: wrap, invoer: invoer, lees: lees, fout: fout };
  }

  function wisFouten(samenvatting, lezers) {
    samenvatting.hidden = true;
    samenvatting.textContent = '';
    lezers.forEach(function (l) {
      l.fout.textContent = '';
      l.invoer.removeAttribute('aria-invalid');
    });
  }

  /* A refused request shown in a form (WCAG 3.3.1): the problem's title and detail above it, each field the API
   * names (invalidParams, mapped to a field by veldVan) with its message under that field, the rest above; the
   * focus on the first field in error in the form's order (2.4.3), else on the summary. */
  function toonFouten(e, samenvatting, lezers, veldVan) {
    if (e instanceof Fout && e.status === 401) return;
    var b = e instanceof Fout ? e.body || {} : {};
    samenvatting.hidden = false;
    samenvatting.textContent = '';
    samenvatting.appendChild(el('strong', { text: b.title || 'Er ging iets mis' }));
    if (b.detail) samenvatting.appendChild(el('p', { text: b.detail }));
    (b.invalidParams || []).forEach(function (p) {
      var naam = veldVan(String(p.name || ''));
      var l = lezers.filter(function (x) {
        return x.naam === naam;
      })[0];
      if (l) {
        l.fout.textContent = l.fout.textContent ? l.fout.textContent + ' ' + p.reason : p.reason;
        l.invoer.setAttribute('aria-invalid', 'true');
      } else samenvatting.appendChild(el('p', { text: p.name + ': ' + p.reason }));
    });
    var eerste = lezers.filter(function (x) {
      return x.invoer.getAttribute('aria-invalid') === 'true';
    })[0];
    (eerste ? eerste.invoer : samenvatting).focus();
  }

  var AT = ' at'; // the name of the "Gedaan op" field among a form's fields: no data field of a regeling is named so
  function gebeurtenisForm(k, v, termijnLabels) {
    var velden = v.data.filter(function (d) {
      return d.soort !== 'registratie' && d.soort !== 'intake';
    });
    var form = el('form', {
      class: 'gebeurtenis',
      id: 'form-' + v.type,
      'data-type': v.type,
      novalidate: true,
      'aria-labelledby': 'form-kop-' + v.type,
    });
    form.appendChild(el('h4', { id: 'form-kop-' + v.type, text: hoofdletter(v.omschrijving) }));
    var samenvatting = el('div', { class: 'foutblok', role: 'alert', id: 'fouten-' + v.type, hidden: true, tabindex: '-1' });
    form.appendChild(samenvatting);
    var lezers = [];
    velden.forEach(function (d) {
      var f = maakVeld({
        id: 'veld-' + v.type + '-' + d.naam,
        naam: d.naam,
        label: (VELDLABELS[d.naam] || hoofdletter(d.naam)) + (d.verplicht ? '' : ' (niet verplicht)'),
        hint: hoofdletter(d.omschrijving),
        soort: d.soort,
        waarden: d.waarden,
        waardeLabel:
          d.soort === 'termijn'
            ? function (w) {
                return termijnLabels[w] || w;
              }
            : null,
        verplicht: d.verplicht,
      });
      form.appendChild(f.wrap);
      lezers.push({ naam: d.naam, lees: f.lees, invoer: f.invoer, fout: f.fout, wrap: f.wrap });
    });
    if (!velden.length) form.appendChild(el('p', { text: 'Deze stap vraagt geen gegevens.' }));
    /* When the step was done (`at`): a letter sent on the last day of a termijn and entered the next morning counts on
     * that day (Awb 9:11: the last day counts in full; regime.ts `inhalen`). Proposed: now by the service's clock, shown
     * to the minute; left as proposed, that moment is sent exactly, so a step right after another of the same minute is
     * not refused as earlier than it (acts come in order of time). */
    var voorgesteld = nuVolgensDienst();
    var gedaan = maakVeld({
      id: 'gedaan-op-' + v.type,
      naam: AT,
      label: 'Gedaan op',
      hint: 'Wanneer de stap is gezet, in Nederlandse tijd: bijvoorbeeld de dag en het uur waarop de brief is verstuurd. Voorgesteld is nu; de termijnen rekenen met dit moment. Leeg laten is ook nu.',
      soort: 'moment',
      waarde: amsterdamseInvoer(voorgesteld),
    });
    form.appendChild(gedaan.wrap);
    var gedaanLezer = {
      naam: AT,
      invoer: gedaan.invoer,
      fout: gedaan.fout,
      lees: function () {
        return gedaan.invoer.value === amsterdamseInvoer(voorgesteld) ? amsterdamsTijdstip(voorgesteld) : gedaan.lees();
      },
    };
    var alleLezers = lezers.concat([gedaanLezer]);

    /* The termijnen this step can name on the moment it was done ("Gedaan op"), not today's: the server judges them as
     * registering the step at that moment would (GET /klachten/{id}/tijdlijn?op=, termijnKeuze; Awb 9:11 lid 1 and 2: a
     * termijn that began later, one that had passed by then, a verdaging after the last day is no choice). Asked when
     * the form opens and again when "Gedaan op" changes; an answer to an earlier question is ignored. */
    var keuzeStatus = el('p', { class: 'hint', id: 'termijnkeuze-' + v.type, 'aria-live': 'polite', hidden: true });
    var vraagNr = 0;
    var termijnVeld = null; // the field that names the termijn, once the server has said which
    function werkTermijnenBij() {
      var nr = ++vraagNr;
      var at = gedaanLezer.lees();
      json('/klachten/' + encodeURIComponent(k.id) + '/tijdlijn' + (at ? '?op=' + encodeURIComponent(at) : ''))
        .then(function (t) {
          if (nr !== vraagNr) return;
          var stap = t.volgendeEvents.filter(function (x) {
            return x.type === v.type;
          })[0];
          // Not an event of that moment at all: then it names no termijn either.
          var keuze = stap && stap.termijnKeuze ? stap.termijnKeuze : termijnVeld ? { veld: termijnVeld, termijnen: [] } : null;
          if (!keuze) return;
          termijnVeld = keuze.veld;
          var l = lezers.filter(function (x) {
            return x.naam === keuze.veld;
          })[0];
          if (!l) return;
          var select = l.invoer;
          var was = select.value;
          select.textContent = '';
          select.appendChild(el('option', { value: '', text: '— kies —' }));
          keuze.termijnen.forEach(function (n) {
            select.appendChild(el('option', { value: n, text: termijnLabels[n] || woorden(n) }));
          });
          select.value = keuze.termijnen.indexOf(was) >= 0 ? was : keuze.termijnen.length === 1 ? keuze.termijnen[0] : '';
          if (!keuzeStatus.parentNode) {
            l.wrap.insertBefore(keuzeStatus, l.fout);
            select.setAttribute('aria-describedby', select.getAttribute('aria-describedby') + ' ' + keuzeStatus.id);
          }
          keuzeStatus.hidden = false;
          keuzeStatus.textContent = keuze.termijnen.length
            ? 'Op ' +
              tijd(t.op) +
              ' kon deze stap ' +
              (keuze.termijnen.length === 1 ? 'deze termijn' : 'deze termijnen') +
              ' noemen: ' +
              keuze.termijnen
                .map(function (n) {
                  return termijnLabels[n] || woorden(n);
                })
                .join(', ') +
              '.'
            : 'Op ' + tijd(t.op) + ' kon deze stap geen termijn noemen. Kies bij “Gedaan op” het moment waarop de stap is gezet.';
          form.setAttribute('data-termijnen-op', t.op);
        })
        .catch(function () {
          // A moment in the future or not a moment: "Bekijk de gevolgen" says why, under "Gedaan op".
          if (nr === vraagNr) form.removeAttribute('data-termijnen-op');
        });
    }
    if (
      velden.some(function (d) {
        return d.soort === 'keuze' || d.soort === 'termijn';
      })
    ) {
      werkTermijnenBij();
      gedaan.invoer.addEventListener('change', werkTermijnenBij);
    }
    var gevolgen = el('div', { class: 'gevolgen', id: 'gevolgen-' + v.type, 'aria-live': 'polite' });
    var bekijk = el('button', { type: 'submit', class: 'hoofd', text: 'Bekijk de gevolgen' });
    var opslaan = el('button', { type: 'button', class: 'hoofd', id: 'opslaan-' + v.type, hidden: true, text: 'Opslaan' });
    form.appendChild(gevolgen);
    form.appendChild(el('div', { class: 'knoppen' }, bekijk, opslaan));

    function data() {
      var d = {};
      lezers.forEach(function (l) {
        var w = l.lees();
        if (w !== undefined) d[l.naam] = w;
      });
      return d;
    }
    function body() {
      var at = gedaanLezer.lees();
      return JSON.stringify(at ? { type: v.type, at: at, data: data() } : { type: v.type, data: data() });
    }
    function wis() {
      wisFouten(samenvatting, alleLezers);
    }
    // Errors in place: each field the API names (invalidParams data.<veld>, or at) gets its message under it.
    function toonFout(e) {
      toonFouten(e, samenvatting, alleLezers, function (naam) {
        return naam === 'at' ? AT : naam.replace(/^data\./, '');
      });
    }
    form.addEventListener('input', function () {
      opslaan.hidden = true;
      gevolgen.textContent = '';
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      wis();
      gevolgen.textContent = '';
      opslaan.hidden = true;
      json('/klachten/' + encodeURIComponent(k.id) + '/gebeurtenis-gevolgen', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body(),
      })
        .then(function (g) {
          gevolgen.appendChild(el('h5', { text: 'Als u dit opslaat' }));
          gevolgen.appendChild(
            el('p', {
              text:
                g.van.state === g.naar.state
                  ? 'De klacht blijft in “' + g.naar.omschrijving + '”.'
                  : 'De klacht gaat van “' +
                    g.van.omschrijving +
                    '” naar “' +
                    g.naar.omschrijving +
                    '”' +
                    (g.afgerond ? ' en is daarmee afgerond.' : '.'),
            }),
          );
          var veranderd = g.termijnen.filter(function (x) {
            return x.gevolg !== 'blijft';
          });
          if (veranderd.length)
            gevolgen.appendChild(
              el(
                'ul',
                { class: 'termijngevolgen' },
                veranderd.map(function (x) {
                  // Two contact termijnen share a label: say whose (the aanbieder's, the gemeente's).
                  var label = x.voor ? x.label + ' (' + x.voor + ')' : x.label;
                  var zin =
                    x.gevolg === 'verschoven'
                      ? label + ': de uiterste datum wordt ' + datum(x.vervaldatum) + ' (was ' + datum(x.vervaldatumNu) + ').'
                      : x.gevolg === 'nieuw'
                        ? label + ' gaat lopen, uiterlijk ' + datum(x.vervaldatum) + '.'
                        : x.gevolg === 'verloopt'
                          ? // Awb 9:11 lid 1: it passed before the act; registering runs that expiry first.
                            label + ' was al verstreken (uiterlijk ' + datum(x.vervaldatumNu) + '); dat wordt eerst vastgelegd.'
                          : label + ' stopt.';
                  return el(
                    'li',
                    { 'data-termijn': x.naam, 'data-gevolg': x.gevolg },
                    zin,
                    x.uitleg.length
                      ? el(
                          'ul',
                          { class: 'uitleg' },
                          x.uitleg.map(function (u) {
                            return el('li', { text: u });
                          }),
                        )
                      : null,
                  );
                }),
              ),
            );
          else gevolgen.appendChild(el('p', { text: 'Aan de termijnen verandert niets.' }));
          opslaan.hidden = false;
          opslaan.focus();
        })
        .catch(toonFout);
    });
    opslaan.addEventListener('click', function () {
      wis();
      opslaan.disabled = true;
      json('/klachten/' + encodeURIComponent(k.id) + '/gebeurtenissen', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body(),
      })
        .then(function () {
          meld('Opgeslagen: ' + v.omschrijving + '.');
          document.body.removeAttribute('data-klaar');
          return tijdlijn().then(function () {
            document.getElementById('melding').scrollIntoView();
            document.getElementById('inhoud').focus();
          });
        })
        .catch(function (e) {
          opslaan.disabled = false;
          toonFout(e);
        });
    });
    return form;
  }

  // ------------------------------------------------------------------ intake (nieuwe klacht)
  var INGEDIEND_LABELS = { gemeente: 'bij de gemeente', aanbieder: 'bij de aanbieder', ombudsman: 'via de ombudsman' };
  var AANBIEDER_LABELS = { wmo: 'Wmo-ondersteuning', jeugdhulp: 'jeugdhulp', zorg: 'zorg (Wkkgz)', overig: 'overig' };

  /* A random Idempotency-Key (UUID v4); getRandomValues also works where randomUUID is not offered (no HTTPS). */
  function nieuweSleutel() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map
      .call(b, function (x) {
        return (x < 16 ? '0' : '') + x.toString(16);
      })
      .join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /* A wall-clock day and time in Amsterdam as an ISO moment with its offset (+01:00 or +02:00), whatever the
   * browser's own time zone, also on the Sundays the clock changes (amsterdamse-tijd.js, loaded before this file). */
  var amsterdamsMoment = window.KlachtregieTijd.amsterdamsMoment;
  // The wall-clock text followed by the offset of Amsterdam's wall clock (parts p) from the UTC minute utc.
  function metOffset(tekst, p, utc) {
    var min = Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - utc) / 60000);
    var abs = Math.abs(min);
    var tw = function (n) {
      return (n < 10 ? '0' : '') + n;
    };
    return tekst + (min < 0 ? '-' : '+') + tw(Math.floor(abs / 60)) + ':' + tw(abs % 60);
  }
  /* A moment as the value of a datetime-local field in Dutch time (JJJJ-MM-DDTuu:mm). */
  function amsterdamseInvoer(moment) {
    var p = amsterdamseDelen(moment);
    return p.year + '-' + p.month + '-' + p.day + 'T' + p.hour + ':' + p.minute;
  }
  /* A moment to the millisecond as ISO 8601 with its Amsterdam offset (2026-05-19T09:00:07.250+02:00). */
  function amsterdamsTijdstip(moment) {
    var ms = moment.getTime() % 60000;
    var sec = ':' + String(100 + Math.floor(ms / 1000)).slice(1) + '.' + String(1000 + (ms % 1000)).slice(1);
    return metOffset(amsterdamseInvoer(moment) + sec, amsterdamseDelen(moment), moment.getTime() - ms);
  }

  /* The intake form: what POST /klachten takes, with the facts the regeling in force on the day of receipt asks
   * (GET /intake-vragen). The same endpoint and checks as integrations; errors in place under each field. */
  function intake() {
    return json('/intake-vragen').then(function (v) {
      var c = inhoud();
      document.getElementById('titel').textContent = 'Nieuwe klacht · ' + v.gemeente.naam;
      c.appendChild(
        el('p', {
          text: 'Registreer een klacht die binnenkwam. De termijnen gaan lopen vanaf het moment van ontvangst, volgens de klachtregeling die op die dag geldt.',
        }),
      );
      var form = el('form', { class: 'gebeurtenis intake', id: 'intake', novalidate: true, 'aria-labelledby': 'titel' });
      var samenvatting = el('div', { class: 'foutblok', role: 'alert', id: 'intake-fouten', hidden: true });
      form.appendChild(samenvatting);
      var lezers = [];
      function veld(naam, o, ouder) {
        o.id = 'intake-' + naam.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '-');
        o.naam = naam;
        var f = maakVeld(o);
        (ouder || form).appendChild(f.wrap);
        lezers.push({ naam: naam, lees: f.lees, invoer: f.invoer, fout: f.fout });
        return f;
      }
      function labels(tabel) {
        return function (w) {
          return tabel[w] || woorden(w);
        };
      }
      veld('onderwerp', {
        label: 'Onderwerp',
        hint: 'Waar gaat de klacht over, in één zin (geen namen of BSN).',
        soort: 'tekst',
        verplicht: true,
      });
      // Now by the service's clock, in Dutch time (the browser's own clock and zone may differ).
      var klok = amsterdamseDelen(new Date(v.nu));
      var nu = klok.hour + ':' + klok.minute;
      var dag = veld('ontvangenDag', {
        label: 'Ontvangen op',
        hint: 'De dag waarop de klacht binnenkwam.',
        soort: 'datum',
        verplicht: true,
        waarde: v.op,
      });
      var tijd = veld('ontvangenTijd', {
        label: 'Tijdstip van ontvangst',
        hint: 'Nederlandse tijd.',
        soort: 'tijd',
        verplicht: true,
        waarde: nu,
      });
      veld('kanaal', {
        label: 'Hoe kwam de klacht binnen',
        hint: '',
        soort: 'keuze',
        waarden: v.kanalen,
        waardeLabel: labels(KANALEN),
        verplicht: true,
      });
      veld('ingediendBij', {
        label: 'Waar is de klacht ingediend',
        hint: '',
        soort: 'keuze',
        waarden: v.ingediendBij,
        waardeLabel: labels(INGEDIEND_LABELS),
        verplicht: true,
        waarde: 'gemeente',
      });
      veld('soort', {
        label: 'Soort melding',
        hint: '',
        soort: 'keuze',
        waarden: v.soorten,
        waardeLabel: labels(SOORTEN),
        verplicht: true,
        waarde: 'klacht',
      });

      // An aanbieder registers klachten about itself only (Awb 2:3), as gemeente + id: its id, under the gemeente that
      // chose it (v.gemeente, the key's aanbiederGemeente: after a herindeling Weesp's, Wet arhi art. 40), never typed.
      var eigen = ik && ik.rol === 'aanbieder' && ik.aanbiederId ? ik.aanbiederId : null;
      var aanbieder = el(
        'fieldset',
        { class: 'groep' },
        el('legend', { text: eigen ? 'De aanbieder: uw organisatie' : 'Over welke aanbieder gaat de klacht (niet verplicht)' }),
      );
      if (eigen) {
        var bij = v.gemeente.naam + ' (' + v.gemeente.code + ')';
        var tekst = 'Code ' + eigen + ', aanbieder van ' + bij + '. De klacht wordt geregistreerd voor ' + bij + '.';
        aanbieder.appendChild(el('p', { id: 'intake-aanbieder', text: tekst }));
      }
      veld('aanbieders[0].naam', { label: 'Naam van de aanbieder', hint: '', soort: 'tekst' }, aanbieder);
      if (!eigen) {
        veld(
          'aanbieders[0].id',
          { label: 'Code van de aanbieder', hint: 'Zoals in het contractbeheer, bijvoorbeeld zorg-west.', soort: 'tekst' },
          aanbieder,
        );
      }
      veld(
        'aanbieders[0].type',
        {
          label: 'Soort ondersteuning',
          hint: 'Bepaalt of een bijzondere klachtregeling geldt (Jeugdwet, Wkkgz).',
          soort: 'keuze',
          waarden: v.aanbiederTypes,
          waardeLabel: labels(AANBIEDER_LABELS),
        },
        aanbieder,
      );
      form.appendChild(aanbieder);

      var feitenVak = el('fieldset', { class: 'groep', id: 'intake-feiten' });
      form.appendChild(feitenVak);
      var feitLezers = [];
      function toonFeiten(vragen) {
        lezers = lezers.filter(function (l) {
          return feitLezers.indexOf(l) < 0;
        });
        feitLezers = [];
        feitenVak.textContent = '';
        feitenVak.appendChild(el('legend', { text: 'Vragen van de klachtregeling (versie ' + vragen.definitie.versie + ')' }));
        feitenVak.appendChild(el('p', { class: 'hint', text: 'Vul in wat u weet; laat leeg wat nog niet bekend is.' }));
        vragen.feiten.forEach(function (q) {
          var f = veld(
            'feiten.' + q.naam,
            {
              label: hoofdletter(woorden(q.naam)),
              hint: q.omschrijving,
              soort: q.type === 'boolean' ? 'jaNee' : q.type,
              waarden: q.waarden,
            },
            feitenVak,
          );
          feitLezers.push(lezers[lezers.length - 1]);
          return f;
        });
      }
      toonFeiten(v);
      // Another day of receipt may fall under another version of the regeling, with other questions.
      dag.invoer.addEventListener('change', function () {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(dag.invoer.value)) return;
        json('/intake-vragen?op=' + dag.invoer.value).then(toonFeiten, toonFout);
      });

      var knop = el('button', { type: 'submit', class: 'hoofd', text: 'Klacht registreren' });
      form.appendChild(el('div', { class: 'knoppen' }, knop));
      c.appendChild(form);

      // One key per attempt: a retry after a lost answer replays it; after a refusal (nothing stored) a new one.
      var sleutel = nieuweSleutel();
      function lees(naam) {
        var l = lezers.filter(function (x) {
          return x.naam === naam;
        })[0];
        return l ? l.lees() : undefined;
      }
      function body() {
        var b = { gemeente: v.gemeente.code, aanbieders: [], feiten: {} };
        ['onderwerp', 'kanaal', 'ingediendBij', 'soort'].forEach(function (n) {
          if (lees(n) !== undefined) b[n] = lees(n);
        });
        if (lees('ontvangenDag') && lees('ontvangenTijd')) b.ontvangenOp = amsterdamsMoment(lees('ontvangenDag'), lees('ontvangenTijd'));
        var a = eigen ? { id: eigen } : {};
        ['id', 'naam', 'type'].forEach(function (n) {
          if (lees('aanbieders[0].' + n) !== undefined) a[n] = lees('aanbieders[0].' + n);
        });
        if (Object.keys(a).length) b.aanbieders.push(a);
        feitLezers.forEach(function (l) {
          var w = l.lees();
          if (w !== undefined) b.feiten[l.naam.slice('feiten.'.length)] = w;
        });
        return b;
      }
      function wis() {
        wisFouten(samenvatting, lezers);
      }
      function toonFout(e) {
        // ontvangenOp is asked as a day and a time: its message goes under the day.
        toonFouten(e, samenvatting, lezers, function (naam) {
          return naam === 'ontvangenOp' ? 'ontvangenDag' : naam;
        });
      }
      samenvatting.setAttribute('tabindex', '-1');
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        wis();
        knop.disabled = true;
        json('/klachten', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': sleutel },
          body: JSON.stringify(body()),
        })
          .then(function (k) {
            location.assign('/beheer/klachten/' + encodeURIComponent(k.id) + '#geregistreerd');
          })
          .catch(function (fout) {
            knop.disabled = false;
            if (fout instanceof Fout && fout.status >= 400 && fout.status < 500) sleutel = nieuweSleutel();
            toonFout(fout);
          });
      });
      document.body.setAttribute('data-klaar', 'intake');
    });
  }

  // ------------------------------------------------------------------ paden
  function paden() {
    return kiesDefinitie().then(function (d) {
      return json('/procesoverzichten/' + encodeURIComponent(d.id) + '/versies/' + encodeURIComponent(d.versie) + '/paden').then(
        function (p) {
          var c = inhoud();
          document.getElementById('titel').textContent =
            'Alle routes van een klacht in ' + p.definitie.gemeente + ' (versie ' + p.definitie.versie + ')';
          c.appendChild(
            el('p', {
              text:
                p.aantal +
                ' routes van ontvangst tot afronding' +
                (p.afgekapt ? ' (de lijst stopt hier; er zijn er meer)' : '') +
                '. Elke stap zegt wat er gebeurt, waar de klacht heen gaat en welke termijn gaat lopen.',
            }),
          );
          var filter = el('input', { type: 'search', id: 'zoek', class: 'zoek' });
          c.appendChild(el('label', { for: 'zoek', text: 'Zoek in de routes (bijvoorbeeld ombudsman of verdaging)' }));
          c.appendChild(filter);
          var perNummer = {};
          p.paden.forEach(function (r) {
            perNummer[r.nummer] = r;
          });
          var route = function (r) {
            return el(
              'li',
              { 'data-eind': r.eind, 'data-nummer': r.nummer },
              el(
                'details',
                null,
                el('summary', {
                  text: 'Route ' + r.nummer + ': ' + r.stappen.length + ' stappen, eindigt in “' + r.eindOmschrijving + '”',
                }),
                el(
                  'ol',
                  null,
                  r.stappen.map(function (s) {
                    return el('li', { text: s.zin + (s.grondslag ? ' (' + s.grondslag + ')' : '') });
                  }),
                ),
              ),
            );
          };
          // Grouped by intake route, then line and outcome, with counts (the grouping of klachtregie paths --samenvatting);
          // each group opens to its routes. Native details/summary: keyboard operable and announced by screen readers.
          var routes = [];
          p.groepen.forEach(function (g) {
            var laatste = routes[routes.length - 1];
            if (!laatste || laatste.route !== g.route)
              routes.push((laatste = { route: g.route, omschrijving: g.routeOmschrijving, groepen: [] }));
            laatste.groepen.push(g);
          });
          var aantal = function (n) {
            return n + (n === 1 ? ' route' : ' routes');
          };
          var lijst = el(
            'ul',
            { class: 'routegroepen', id: 'routegroepen' },
            routes.map(function (rt) {
              var totaal = rt.groepen.reduce(function (n, g) {
                return n + g.aantal;
              }, 0);
              return el(
                'li',
                { 'data-route': rt.route },
                el(
                  'details',
                  null,
                  el('summary', null, el('strong', { text: rt.omschrijving }), ' — ' + aantal(totaal)),
                  el(
                    'ul',
                    null,
                    rt.groepen.map(function (g) {
                      return el(
                        'li',
                        { class: 'routegroep', 'data-lijn': g.lijn, 'data-uitkomst': g.uitkomst },
                        el(
                          'details',
                          null,
                          el('summary', {
                            text: g.lijnOmschrijving + ', eindigt in “' + g.uitkomstOmschrijving + '” — ' + aantal(g.aantal),
                          }),
                          el(
                            'ol',
                            { class: 'paden' },
                            g.paden.map(function (n) {
                              return route(perNummer[n]);
                            }),
                          ),
                        ),
                      );
                    }),
                  ),
                ),
              );
            }),
          );
          c.appendChild(lijst);
          filter.addEventListener('input', function () {
            var q = filter.value.toLowerCase();
            lijst.querySelectorAll('ol.paden > li').forEach(function (li) {
              li.hidden = q !== '' && li.textContent.toLowerCase().indexOf(q) < 0;
            });
            // A group with no matching route is hidden; one with matches opens, so the matches are visible.
            lijst.querySelectorAll('li.routegroep, #routegroepen > li').forEach(function (g) {
              var zichtbaar = g.querySelector('ol.paden > li:not([hidden])') !== null;
              g.hidden = !zichtbaar;
              g.querySelector('details').open = q !== '' && zichtbaar;
            });
          });
          document.body.setAttribute('data-klaar', 'paden');
        },
      );
    });
  }

  // ------------------------------------------------------------------ voorbeeld
  function voorbeeld() {
    var c = inhoud();
    var veld = el('textarea', { id: 'yaml', rows: 18, spellcheck: 'false' });
    var naam = el('input', { id: 'bestandsnaam', value: 'voorbeeld.yaml' });
    var bestand = el('input', { type: 'file', accept: '.yaml', id: 'bestand' });
    var uitkomst = el('section', { id: 'uitkomst', 'aria-live': 'polite' });
    bestand.addEventListener('change', function () {
      var f = bestand.files && bestand.files[0];
      if (!f) return;
      naam.value = f.name;
      f.text().then(function (t) {
        veld.value = t;
      });
    });
    var form = el(
      'form',
      { id: 'voorbeeldform', class: 'filters' },
      el('p', {
        text: 'Controleer een klachtregeling (definitie) voordat u hem publiceert: dezelfde controles als klachtregie validate, en het diagram als alles klopt. Er wordt niets opgeslagen.',
      }),
      el('label', { for: 'bestand' }, 'Bestand kiezen', bestand),
      el('label', { for: 'bestandsnaam' }, 'Bestandsnaam', naam),
      el('label', { for: 'yaml', style: 'flex-basis:100%' }, 'Of plak hier de tekst (YAML) van de regeling', veld),
      el('button', { type: 'submit', class: 'hoofd', text: 'Controleren' }),
    );
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      uitkomst.textContent = 'Bezig…';
      json('/definitie-voorbeelden', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ yaml: veld.value, bestandsnaam: naam.value }),
      })
        .then(function (v) {
          uitkomst.textContent = '';
          uitkomst.appendChild(
            el('h2', {
              text: v.fouten.length
                ? v.fouten.length + (v.fouten.length === 1 ? ' fout' : ' fouten') + ' in ' + v.bestand
                : 'Geen fouten: ' +
                  v.bestand +
                  ' kan gepubliceerd worden' +
                  ((v.waarschuwingen || []).length
                    ? ' (' +
                      v.waarschuwingen.length +
                      (v.waarschuwingen.length === 1 ? ' waarschuwing' : ' waarschuwingen') +
                      ', hieronder)'
                    : ''),
            }),
          );
          // Errors, then warnings (valid, but probably not what the author meant), each said in words.
          var meldingen = v.fouten.concat(v.waarschuwingen || []);
          if (meldingen.length)
            uitkomst.appendChild(
              el(
                'ul',
                { class: 'fouten', id: 'fouten' },
                meldingen.map(function (f) {
                  var w = f.ernst === 'waarschuwing';
                  return el(
                    'li',
                    w ? { class: 'waarschuwing' } : null,
                    el('code', { text: f.file + ':' + f.line + ':' + f.column }),
                    (w ? ' Waarschuwing: ' : ' ') + f.message,
                    f.hint ? el('div', { class: 'hint', text: '→ ' + f.hint }) : null,
                  );
                }),
              ),
            );
          if (v.svg) {
            var d = el('div', { class: 'doek', id: 'diagram', tabindex: '0', role: 'region', 'aria-label': 'Diagram van de regeling' });
            d.innerHTML = v.svg;
            uitkomst.appendChild(d);
          }
          document.body.setAttribute('data-klaar', 'voorbeeld');
        })
        .catch(function (err) {
          uitkomst.textContent = '';
          foutmelding(err);
        });
    });
    c.appendChild(form);
    c.appendChild(uitkomst);
    document.body.setAttribute('data-klaar', 'voorbeeldform');
    return Promise.resolve();
  }

  // ------------------------------------------------------------------ rapportages
  /* The report is server-built HTML for printing; its own <style> stays out (it would restyle this
   * page's header), beheer.css styles it inside #rapport. Charts scroll inside their own box. */
  function zetRapport(rapport, html) {
    var doc = new DOMParser().parseFromString(html, 'text/html'); // server-built, escaped report
    rapport.textContent = '';
    doc.querySelectorAll('style, script, .knoppen').forEach(function (x) {
      x.remove();
    });
    doc.querySelectorAll('h1').forEach(function (h) {
      var h2 = doc.createElement('h2');
      h2.textContent = h.textContent;
      h.replaceWith(h2);
    });
    doc.querySelectorAll('h2').forEach(function (h, i) {
      if (i > 0) {
        var h3 = doc.createElement('h3');
        h3.textContent = h.textContent;
        h.replaceWith(h3);
      }
    });
    doc.querySelectorAll('svg.grafiek').forEach(function (svg) {
      var vak = doc.createElement('div');
      vak.className = 'grafiek-doek';
      vak.setAttribute('tabindex', '0');
      vak.setAttribute('role', 'region');
      vak.setAttribute('aria-label', svg.getAttribute('aria-label') || 'Grafiek');
      svg.replaceWith(vak);
      vak.appendChild(svg);
    });
    doc.querySelectorAll('table').forEach(function (t) {
      var vak = doc.createElement('div');
      vak.className = 'tabel';
      vak.setAttribute('tabindex', '0');
      vak.setAttribute('role', 'region');
      var kop = t.previousElementSibling;
      vak.setAttribute('aria-label', kop && /^H[23]$/.test(kop.tagName) ? kop.textContent : 'Tabel');
      t.classList.add('lijst');
      t.replaceWith(vak);
      vak.appendChild(t);
    });
    Array.prototype.slice.call(doc.body.childNodes).forEach(function (n) {
      rapport.appendChild(document.importNode(n, true));
    });
  }

  function rapportages() {
    var c = inhoud();
    // Today in Dutch time by the service's clock (the browser's may be wrong; its UTC day is yesterday until 01:00 here).
    var nu = amsterdamseDelen(nuVolgensDienst());
    var vandaag = nu.year + '-' + nu.month + '-' + nu.day;
    var van = el('input', { type: 'date', id: 'van', value: qs.get('van') || vandaag.slice(0, 4) + '-01-01', required: true });
    var tot = el('input', { type: 'date', id: 'tot', value: qs.get('tot') || vandaag, required: true });
    var aanbieder = el('input', { id: 'aanbieder', value: qs.get('aanbieder') || '', 'aria-describedby': 'aanbieder-hint' });
    var drempel = el('input', { type: 'number', id: 'drempel', min: 2, value: qs.get('drempel') || 3 });
    var rapport = el('section', { id: 'rapport', 'aria-label': 'Rapportage' });
    function query(formaat) {
      var p = new URLSearchParams({ van: van.value, tot: tot.value, drempel: drempel.value, formaat: formaat });
      if (aanbieder.value) p.set('aanbieder', aanbieder.value);
      return '/rapportages?' + p.toString();
    }
    function toon() {
      rapport.textContent = 'Bezig…';
      return tekst(query('html'))
        .then(function (html) {
          zetRapport(rapport, html);
          document.body.setAttribute('data-klaar', 'rapportage');
        })
        .catch(function (e) {
          rapport.textContent = '';
          foutmelding(e);
        });
    }
    function download() {
      api(query('csv'))
        .then(function (r) {
          return r.blob();
        })
        .then(function (b) {
          var a = el('a', { href: URL.createObjectURL(b), download: 'klachtenrapportage-' + van.value + '-' + tot.value + '.csv' });
          document.body.appendChild(a);
          a.click();
          a.remove();
        })
        .catch(foutmelding);
    }
    var form = el(
      'form',
      {
        class: 'filters',
        id: 'rapportform',
        onsubmit: function (e) {
          e.preventDefault();
          toon();
        },
      },
      el('label', { for: 'van' }, 'Van', van),
      el('label', { for: 'tot' }, 'Tot en met', tot),
      el('label', { for: 'aanbieder' }, 'Aanbieder', aanbieder),
      el('label', { for: 'drempel' }, 'Terugkerend vanaf (aantal)', drempel),
      el('button', { type: 'submit', class: 'hoofd', text: 'Toon' }),
      el('button', { type: 'button', text: 'CSV downloaden', onclick: download }),
      el('button', {
        type: 'button',
        text: 'Afdrukken',
        onclick: function () {
          window.print();
        },
      }),
      el('p', {
        class: 'hint',
        id: 'aanbieder-hint',
        style: 'flex-basis:100%',
        text: 'Aanbieder: laat leeg voor alle aanbieders, of vul de code (id) van één aanbieder in.',
      }),
    );
    var jaar = el('input', { type: 'number', id: 'jaar', value: Number(nu.year) - 1, min: 2000, max: 2100 });
    var jaarForm = el(
      'form',
      {
        class: 'filters',
        onsubmit: function (e) {
          e.preventDefault();
          tekst('/rapportages/jaaroverzicht?formaat=html&jaar=' + encodeURIComponent(jaar.value))
            .then(function (html) {
              zetRapport(rapport, html);
              document.body.setAttribute('data-klaar', 'jaaroverzicht');
            })
            .catch(foutmelding);
        },
      },
      el('label', { for: 'jaar' }, 'Jaaroverzicht (Awb 9:12a) van het jaar', jaar),
      el('button', { type: 'submit', text: 'Toon jaaroverzicht' }),
    );
    c.appendChild(form);
    c.appendChild(jaarForm);
    c.appendChild(rapport);
    var planning = el('section', { id: 'planning', class: 'geen-print' });
    c.appendChild(planning);
    var klaar = json('/rapportages/planning')
      .then(function (rows) {
        planning.appendChild(el('h2', { text: 'Wanneer rapporteren (uit de klachtregeling)' }));
        planning.appendChild(
          tabel(
            'Rapportagemomenten',
            ['Rapportage', 'Periode', 'Uiterlijk', 'Herinnering', 'Naar', 'Verwerkt'],
            rows.map(function (m) {
              return el(
                'tr',
                null,
                el('td', { text: m.label }),
                el('td', { text: datum(m.periodeVan) + ' tot en met ' + datum(m.periodeTot) }),
                el('td', { text: datum(m.deadline) }),
                el('td', { text: datum(m.herinnering) }),
                el('td', { text: m.naar }),
                el('td', { text: m.verwerktOp ? tijd(m.verwerktOp) : '' }),
              );
            }),
          ),
        );
      })
      .catch(function () {
        /* the planning is extra; the report itself shows errors */
      });
    if (qs.get('van')) return Promise.all([klaar, toon()]);
    return klaar.then(function () {
      document.body.setAttribute('data-klaar', 'rapportages');
    });
  }

  // ------------------------------------------------------------------ editor (4-ogen)
  /* The editor itself is editor.js (CodeMirror, bundled); this page logs in and hands it what it needs.
   * /beheer/editor without a definition opens the gemeente's own definition. */
  function editor() {
    var id = document.body.getAttribute('data-definitie');
    if (!id)
      return json('/definities?pageSize=100').then(function (l) {
        var eerste = l.resultaten[0];
        if (!eerste) {
          inhoud().appendChild(el('p', { text: 'Uw gemeente heeft nog geen regeling.' }));
          document.body.setAttribute('data-klaar', 'editor');
          return;
        }
        location.replace('/beheer/definities/' + encodeURIComponent(eerste.definitieId) + '/editor');
      });
    if (!window.KlachtregieEditor) {
      inhoud().appendChild(
        el('p', { class: 'fout', role: 'alert', text: 'De editor is niet geladen (voer npm run build uit op de server).' }),
      );
      return Promise.resolve();
    }
    return window.KlachtregieEditor.start({
      el: el,
      inhoud: inhoud,
      json: json,
      foutmelding: foutmelding,
      datum: datum,
      ik: ik,
      definitie: id,
    });
  }

  var PAGINAS = {
    index: index,
    diagram: diagram,
    tijdlijn: tijdlijn,
    paden: paden,
    voorbeeld: voorbeeld,
    rapportages: rapportages,
    werkvoorraad: werkvoorraad,
    intake: intake,
    editor: editor,
  };

  function start() {
    document.getElementById('inloggen').hidden = true;
    var uit = document.getElementById('uitloggen');
    uit.hidden = false;
    uit.onclick = function () {
      sessionStorage.removeItem(OPSLAG);
      location.reload();
    };
    var soort = document.body.getAttribute('data-pagina');
    json('/ik')
      .then(
        function (i) {
          ik = i;
          ikOntvangen = Date.now();
          // An aanbieder is gemeente + id: after a herindeling a key of Amsterdam may speak for Weesp's aanbieder (Wet arhi art. 40).
          var aanbieder = i.aanbiederGemeente ? ' · aanbieder ' + i.aanbiederId + ' van ' + i.aanbiederGemeente.naam : '';
          document.getElementById('wie').textContent = i.naam + ' · ' + i.gemeente.naam + aanbieder;
          document.querySelectorAll('.kop [data-rollen]').forEach(function (li) {
            li.hidden = li.getAttribute('data-rollen').split(' ').indexOf(i.rol) < 0;
          });
        },
        function (e) {
          if (e instanceof Fout && e.status === 401) throw e; /* otherwise the page itself reports it */
        },
      )
      .then(function () {
        return PAGINAS[soort]();
      })
      .catch(foutmelding);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('inloggen').addEventListener('submit', function (e) {
      e.preventDefault();
      var s = document.getElementById('sleutel').value.trim();
      if (!s) return;
      sessionStorage.setItem(OPSLAG, s);
      document.getElementById('sleutel').value = '';
      start();
    });
    if (token()) {
      start();
      if (sleutelInLink) document.getElementById('melding').textContent = SLEUTEL_IN_LINK;
    } else toonInloggen(sleutelInLink ? SLEUTEL_IN_LINK : '');
  });
})();
