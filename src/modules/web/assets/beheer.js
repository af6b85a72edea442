/* Klachtregie beheer: the process-owner pages. Plain browser JavaScript, no build step.
 * Security: every datum is rendered with textContent; only SVG and report HTML built (and escaped)
 * by the server are inserted as markup. The token lives in sessionStorage of this tab only and is
 * sent as a bearer header; a link may carry it in the #fragment (never sent to the server), which is
 * moved into sessionStorage and removed from the address bar at once. */
(function () {
  'use strict';
  var OPSLAG = 'klachtregie.token';

  (function tokenUitFragment() {
    var m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (m) {
      sessionStorage.setItem(OPSLAG, decodeURIComponent(m[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
  })();

  function token() { return sessionStorage.getItem(OPSLAG); }
  var inhoud = function () { return document.getElementById('pagina'); };

  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
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
      if (Array.isArray(c)) c.forEach(function (x) { if (x) e.appendChild(typeof x === 'string' ? document.createTextNode(x) : x); });
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

  function Fout(status, body) { this.status = status; this.body = body; }

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
        return res.json().catch(function () { return {}; }).then(function (b) { throw new Fout(res.status, b); });
      }
      return res;
    });
  }
  var json = function (pad, opties) { return api(pad, opties).then(function (r) { return r.json(); }); };
  var tekst = function (pad, opties) { return api(pad, opties).then(function (r) { return r.text(); }); };

  function foutmelding(e) {
    if (e instanceof Fout && e.status === 401) return;
    var b = e instanceof Fout ? e.body || {} : {};
    var p = el('div', { class: 'fout', role: 'alert' },
      el('strong', { text: b.title || 'Er ging iets mis' }), ' ', b.detail || (e && e.message) || '');
    if (b.invalidParams) p.appendChild(el('ul', null, b.invalidParams.map(function (x) { return el('li', { text: x.name + ': ' + x.reason }); })));
    inhoud().appendChild(p);
  }

  var qs = new URLSearchParams(location.search);
  var datum = function (iso) { return iso ? new Date(iso).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'short', year: 'numeric' }) : ''; };
  var tijd = function (iso) { return iso ? new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' }) : ''; };
  var BANDEN = { overdue: 'te laat', nearlyDue: 'bijna verlopen', onTime: 'op tijd' };

  // ------------------------------------------------------------------ overzicht
  function index() {
    return json('/procesoverzichten').then(function (defs) {
      var c = inhoud();
      c.appendChild(el('p', { text: 'Per definitieversie van uw gemeente: het procesdiagram met live aantallen, en alle routes die een klacht kan nemen.' }));
      c.appendChild(el('table', { class: 'lijst', id: 'definities' },
        el('thead', null, el('tr', null, el('th', { text: 'Gemeente' }), el('th', { text: 'Versie' }), el('th', { text: 'Geldig' }), el('th', { text: '' }))),
        el('tbody', null, defs.map(function (d) {
          var q = '?definitie=' + encodeURIComponent(d.id) + '&versie=' + encodeURIComponent(d.versie);
          return el('tr', null, el('td', { text: d.gemeente.naam + ' (' + d.gemeente.cbsCode + ')' }), el('td', { text: d.versie }),
            el('td', { text: d.geldigVanaf + (d.geldigTot ? ' t/m ' + d.geldigTot : ' –') }),
            el('td', null, el('a', { href: '/beheer/diagram' + q, text: 'Diagram' }), ' · ', el('a', { href: '/beheer/paden' + q, text: 'Routes' })));
        }))));
      if (defs.length === 0) c.appendChild(el('p', { text: 'Geen definities voor deze gemeente.' }));
    });
  }

  // ------------------------------------------------------------------ diagram
  function kiesDefinitie() {
    if (qs.get('definitie') && qs.get('versie')) return Promise.resolve({ id: qs.get('definitie'), versie: qs.get('versie') });
    return json('/procesoverzichten').then(function (defs) {
      if (!defs.length) throw new Fout(404, { title: 'Geen definitie', detail: 'Deze gemeente heeft geen definitie.' });
      return { id: defs[0].id, versie: defs[0].versie };
    });
  }

  function diagram() {
    return kiesDefinitie().then(function (d) {
      var basis = '/procesoverzichten/' + encodeURIComponent(d.id) + '/versies/' + encodeURIComponent(d.versie);
      return Promise.all([json(basis), tekst(basis + '/diagram')]).then(function (r) {
        var o = r[0];
        var c = inhoud();
        document.getElementById('titel').textContent = 'Procesdiagram ' + o.titel;
        var samenvatting = el('p', { class: 'samenvatting', id: 'samenvatting' },
          el('strong', { text: String(o.totaal) }), ' klachten op deze versie · peildatum ' + tijd(o.peildatum) + ' · ',
          el('span', { class: 'band overdue', text: 'te laat' }), ' ', el('span', { class: 'band nearlyDue', text: 'bijna verlopen (binnen ' + o.bijnaDagen + ' dagen)' }), ' ',
          el('span', { class: 'band onTime', text: 'op tijd' }), ' · ',
          el('a', { href: '/beheer/paden?definitie=' + encodeURIComponent(d.id) + '&versie=' + encodeURIComponent(d.versie), text: 'alle routes in tekst' }));
        c.appendChild(samenvatting);
        var zoom = 0.75;
        var doek = el('div', { class: 'doek', id: 'diagram' });
        doek.innerHTML = r[1]; // server-built SVG, text escaped by the diagram renderer
        var svg = doek.querySelector('svg');
        var breedte = Number(svg.getAttribute('width')), hoogte = Number(svg.getAttribute('height'));
        function zet(z) { zoom = z; svg.setAttribute('width', String(Math.round(breedte * z))); svg.setAttribute('height', String(Math.round(hoogte * z))); }
        zet(zoom);
        c.appendChild(el('div', { class: 'zoom' }, 'Zoom ',
          el('button', { type: 'button', text: '−', onclick: function () { zet(Math.max(0.15, zoom / 1.25)); } }),
          el('button', { type: 'button', text: '+', onclick: function () { zet(Math.min(2, zoom * 1.25)); } }),
          el('button', { type: 'button', text: 'passend', onclick: function () { zet(Math.min(1, doek.clientWidth / breedte)); } }),
          ' Klik op een toestand voor de klachten daarin.'));
        c.appendChild(doek);
        var lijst = el('section', { id: 'klachten' });
        var tabel = el('table', { class: 'lijst toestanden', id: 'toestanden' },
          el('thead', null, el('tr', null, ['Toestand', 'Pad', 'Fase', 'Aantal', 'Te laat', 'Bijna verlopen', 'Op tijd', 'Mediaan dagen in toestand'].map(function (h) { return el('th', { text: h }); }))),
          el('tbody', null, o.states.map(function (s) {
            return el('tr', { 'data-state': s.state, class: s.parent ? 'sub' : 'top', onclick: function () { kies(s.state); } },
              el('td', { text: s.label }), el('td', null, el('code', { text: s.state })), el('td', { text: s.faseLabel || '' }),
              el('td', { class: 'n aantal', text: String(s.count) }), el('td', { class: 'n', text: String(s.overdue) }),
              el('td', { class: 'n', text: String(s.nearlyDue) }), el('td', { class: 'n', text: String(s.onTime) }),
              el('td', { class: 'n', text: s.medianDays === null ? '' : String(s.medianDays) }));
          })));
        c.appendChild(lijst);
        c.appendChild(el('h2', { text: 'Toestanden' }));
        c.appendChild(tabel);
        if (o.onbekend.length) c.appendChild(el('p', { class: 'fout', text: 'Klachten in toestanden die deze versie niet kent: ' + o.onbekend.map(function (x) { return x.state + ' (' + x.count + ')'; }).join(', ') }));

        function kies(state) {
          doek.querySelectorAll('.gekozen').forEach(function (g) { g.classList.remove('gekozen'); });
          var g = doek.querySelector('[data-state="' + CSS.escape(state) + '"]');
          if (g) g.classList.add('gekozen');
          lijst.textContent = '';
          lijst.appendChild(el('p', { text: 'Laden…' }));
          json(basis + '/toestanden/' + encodeURIComponent(state) + '/klachten').then(function (k) {
            lijst.textContent = '';
            lijst.setAttribute('data-state', state);
            lijst.appendChild(el('h2', { text: k.label + ' — ' + k.klachten.length + (k.klachten.length === 1 ? ' klacht' : ' klachten') }));
            if (!k.klachten.length) { lijst.appendChild(el('p', { text: 'Geen klachten in deze toestand.' })); return; }
            lijst.appendChild(el('table', { class: 'lijst', id: 'klachtenlijst' },
              el('thead', null, el('tr', null, ['Klacht', 'Toestand', 'Ontvangen', 'Soort', 'Kanaal', 'Aanbieder', 'Aard', 'Eerstvolgende termijn', 'Vervaldatum', 'Stand', 'In toestand sinds'].map(function (h) { return el('th', { text: h }); }))),
              el('tbody', null, k.klachten.map(function (x) {
                return el('tr', { 'data-klacht': x.id },
                  el('td', null, el('a', { href: '/beheer/klachten/' + encodeURIComponent(x.id), text: x.id.slice(0, 8) })),
                  el('td', null, el('code', { text: x.state })), el('td', { text: datum(x.ontvangenOp) }), el('td', { text: x.soort }),
                  el('td', { text: x.kanaal }), el('td', { text: x.aanbieders }), el('td', { text: x.categorie || '' }),
                  el('td', { text: x.termijn || '' }), el('td', { text: x.vervaldatum || '' }),
                  el('td', null, x.band ? el('span', { class: 'band ' + x.band, text: BANDEN[x.band] }) : ''),
                  el('td', { text: tijd(x.sinds) }));
              }))));
            lijst.scrollIntoView({ block: 'start' });
          }).catch(foutmelding);
        }
        doek.addEventListener('click', function (e) {
          var g = e.target.closest && e.target.closest('[data-state]');
          if (g) kies(g.getAttribute('data-state'));
        });
        document.body.setAttribute('data-klaar', 'diagram');
      });
    });
  }

  // ------------------------------------------------------------------ tijdlijn
  function tijdlijn() {
    var id = document.body.getAttribute('data-klacht');
    return json('/klachten/' + encodeURIComponent(id) + '/tijdlijn').then(function (t) {
      var k = t.klacht;
      var c = inhoud();
      document.getElementById('titel').textContent = 'Klacht ' + k.id.slice(0, 8);
      c.appendChild(el('dl', { class: 'kenmerken' },
        el('dt', { text: 'Toestand' }), el('dd', null, el('strong', { text: k.stateOmschrijving }), ' ', el('code', { text: k.state }), k.done ? ' (afgerond)' : ''),
        el('dt', { text: 'Ontvangen' }), el('dd', { text: tijd(k.ontvangenOp) + ' via ' + k.kanaal + ' (' + k.soort + ')' }),
        el('dt', { text: 'Aanbieder' }), el('dd', { text: k.aanbieders.map(function (a) { return a.naam || a.id; }).join(', ') || 'geen (gemeente)' }),
        el('dt', { text: 'Aard / oorzaak' }), el('dd', { text: (k.categorie || '–') + ' / ' + (k.oorzaak || '–') }),
        el('dt', { text: 'Afdoening' }), el('dd', { text: [k.afdoening, k.oordeel].filter(Boolean).join(', ') || '–' }),
        el('dt', { text: 'Definitie' }), el('dd', null, el('a', { href: '/beheer/diagram?definitie=' + encodeURIComponent(k.definitieId) + '&versie=' + encodeURIComponent(k.definitieVersie), text: k.definitieId + ' ' + k.definitieVersie }))));
      c.appendChild(el('h2', { text: 'Wat er nu kan gebeuren' }));
      c.appendChild(t.volgendeEvents.length
        ? el('ul', { id: 'volgende' }, t.volgendeEvents.map(function (v) { return el('li', null, el('code', { text: v.type }), ' — ' + v.omschrijving); }))
        : el('p', { text: 'Niets meer: de klacht is afgerond.' }));
      c.appendChild(el('h2', { text: 'Termijnen' }));
      c.appendChild(t.termijnen.length ? el('table', { class: 'lijst', id: 'termijnen' },
        el('thead', null, el('tr', null, ['Termijn', 'Vervaldatum', 'Status', 'Uitleg', 'Grondslag'].map(function (h) { return el('th', { text: h }); }))),
        el('tbody', null, t.termijnen.map(function (x) {
          var status = ({ lopend: 'loopt', nagekomen: 'gehaald', verlopen: 'verlopen', vervallen: 'vervallen' }[x.status] || x.status) + (x.teLaat ? ' — te laat' : '');
          return el('tr', null, el('td', { text: x.label }), el('td', { text: x.vervaldatum }), el('td', { text: status }),
            el('td', null, el('ul', { class: 'uitleg' }, x.uitleg.map(function (u) { return el('li', { text: u }); }))), el('td', { text: x.grondslag || '' }));
        }))) : el('p', { text: 'Geen termijnen.' }));
      c.appendChild(el('h2', { text: 'Geschiedenis' }));
      c.appendChild(el('ol', { class: 'tijdlijn', id: 'gebeurtenissen' }, t.gebeurtenissen.map(function (g) {
        return el('li', null, el('time', { datetime: g.at, text: tijd(g.at) }), ' ', el('strong', { text: g.omschrijving }), ' ',
          el('span', { class: 'pad', text: (g.vanOmschrijving ? g.vanOmschrijving + ' → ' : '') + g.naarOmschrijving }), ' ', el('span', { class: 'wie', text: '(' + g.actor + ')' }));
      })));
      document.body.setAttribute('data-klaar', 'tijdlijn');
    });
  }

  // ------------------------------------------------------------------ paden
  function paden() {
    return kiesDefinitie().then(function (d) {
      return json('/procesoverzichten/' + encodeURIComponent(d.id) + '/versies/' + encodeURIComponent(d.versie) + '/paden').then(function (p) {
        var c = inhoud();
        document.getElementById('titel').textContent = 'Alle routes — ' + p.definitie.gemeente + ' ' + p.definitie.versie;
        c.appendChild(el('p', { text: p.aantal + ' routes van ontvangst tot afronding' + (p.afgekapt ? ' (de lijst stopt hier; er zijn er meer)' : '') + '. Elke stap zegt wat er gebeurt, waarheen de klacht gaat en welke termijn gaat lopen.' }));
        var filter = el('input', { type: 'search', placeholder: 'Zoek in de routes (bijvoorbeeld ombudsman, verdaging)…', class: 'zoek' });
        c.appendChild(filter);
        var lijst = el('ol', { class: 'paden', id: 'paden' }, p.paden.map(function (r) {
          return el('li', { 'data-eind': r.eind },
            el('details', null, el('summary', { text: 'Route ' + r.nummer + ': ' + r.stappen.length + ' stappen, eindigt in “' + r.eindOmschrijving + '”' }),
              el('ol', null, r.stappen.map(function (s) { return el('li', { text: s.zin + (s.grondslag ? ' (' + s.grondslag + ')' : '') }); }))));
        }));
        c.appendChild(lijst);
        filter.addEventListener('input', function () {
          var q = filter.value.toLowerCase();
          lijst.querySelectorAll(':scope > li').forEach(function (li) { li.hidden = q !== '' && li.textContent.toLowerCase().indexOf(q) < 0; });
        });
        document.body.setAttribute('data-klaar', 'paden');
      });
    });
  }

  // ------------------------------------------------------------------ voorbeeld
  function voorbeeld() {
    var c = inhoud();
    var veld = el('textarea', { id: 'yaml', rows: 18, spellcheck: 'false', placeholder: 'Plak hier de YAML van de definitie…' });
    var naam = el('input', { id: 'bestandsnaam', value: 'voorbeeld.yaml' });
    var bestand = el('input', { type: 'file', accept: '.yaml', id: 'bestand' });
    var uitkomst = el('section', { id: 'uitkomst' });
    bestand.addEventListener('change', function () {
      var f = bestand.files && bestand.files[0];
      if (!f) return;
      naam.value = f.name;
      f.text().then(function (t) { veld.value = t; });
    });
    var form = el('form', { id: 'voorbeeldform' },
      el('p', { text: 'Controleer een definitie vóór publicatie: dezelfde controles als klachtregie validate (schema, verwijzingen, graaf, juridische lint), met het diagram als de definitie compileert. Er wordt niets opgeslagen.' }),
      el('label', null, 'Bestand ', bestand), ' ', el('label', null, 'Bestandsnaam ', naam), veld,
      el('button', { type: 'submit', text: 'Controleren' }));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      uitkomst.textContent = 'Bezig…';
      json('/definitie-voorbeelden', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ yaml: veld.value, bestandsnaam: naam.value }) })
        .then(function (v) {
          uitkomst.textContent = '';
          uitkomst.appendChild(el('h2', { text: v.fouten.length ? v.fouten.length + (v.fouten.length === 1 ? ' fout' : ' fouten') + ' in ' + v.bestand : 'Geen fouten: ' + v.bestand + ' kan gepubliceerd worden' }));
          if (v.fouten.length) uitkomst.appendChild(el('ul', { class: 'fouten', id: 'fouten' }, v.fouten.map(function (f) {
            return el('li', null, el('code', { text: f.file + ':' + f.line + ':' + f.column }), ' ' + f.message, f.hint ? el('div', { class: 'hint', text: '→ ' + f.hint }) : null);
          })));
          if (v.svg) { var d = el('div', { class: 'doek', id: 'diagram' }); d.innerHTML = v.svg; uitkomst.appendChild(d); }
          document.body.setAttribute('data-klaar', 'voorbeeld');
        }).catch(function (err) { uitkomst.textContent = ''; foutmelding(err); });
    });
    c.appendChild(form);
    c.appendChild(uitkomst);
    return Promise.resolve();
  }

  // ------------------------------------------------------------------ rapportages
  function rapportages() {
    var c = inhoud();
    var vandaag = new Date().toISOString().slice(0, 10);
    var van = el('input', { type: 'date', id: 'van', value: qs.get('van') || vandaag.slice(0, 4) + '-01-01', required: true });
    var tot = el('input', { type: 'date', id: 'tot', value: qs.get('tot') || vandaag, required: true });
    var aanbieder = el('input', { id: 'aanbieder', placeholder: 'alle', value: qs.get('aanbieder') || '' });
    var drempel = el('input', { type: 'number', id: 'drempel', min: 2, value: qs.get('drempel') || 3 });
    var rapport = el('section', { id: 'rapport' });
    function query(formaat) {
      var p = new URLSearchParams({ van: van.value, tot: tot.value, drempel: drempel.value, formaat: formaat });
      if (aanbieder.value) p.set('aanbieder', aanbieder.value);
      return '/rapportages?' + p.toString();
    }
    function toon() {
      rapport.textContent = 'Bezig…';
      return tekst(query('html')).then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html'); // server-built, escaped report
        rapport.textContent = '';
        doc.querySelectorAll('style').forEach(function (s) { rapport.appendChild(s); });
        doc.querySelectorAll('.knoppen').forEach(function (k) { k.remove(); });
        Array.prototype.slice.call(doc.body.childNodes).forEach(function (n) { rapport.appendChild(document.importNode(n, true)); });
        document.body.setAttribute('data-klaar', 'rapportage');
      }).catch(function (e) { rapport.textContent = ''; foutmelding(e); });
    }
    function download() {
      api(query('csv')).then(function (r) { return r.blob(); }).then(function (b) {
        var a = el('a', { href: URL.createObjectURL(b), download: 'klachtenrapportage-' + van.value + '-' + tot.value + '.csv' });
        document.body.appendChild(a); a.click(); a.remove();
      }).catch(foutmelding);
    }
    var form = el('form', { class: 'filters', id: 'rapportform', onsubmit: function (e) { e.preventDefault(); toon(); } },
      el('label', null, 'Van ', van), el('label', null, 'Tot en met ', tot), el('label', null, 'Aanbieder (id) ', aanbieder),
      el('label', null, 'Terugkerend vanaf ', drempel), el('button', { type: 'submit', text: 'Toon' }),
      el('button', { type: 'button', text: 'CSV downloaden', onclick: download }),
      el('button', { type: 'button', text: 'Afdrukken', onclick: function () { window.print(); } }));
    var jaar = el('input', { type: 'number', id: 'jaar', value: new Date().getFullYear() - 1, min: 2000, max: 2100 });
    var jaarForm = el('form', { class: 'filters', onsubmit: function (e) {
      e.preventDefault();
      tekst('/rapportages/jaaroverzicht?formaat=html&jaar=' + encodeURIComponent(jaar.value)).then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        rapport.textContent = '';
        doc.querySelectorAll('style').forEach(function (s) { rapport.appendChild(s); });
        Array.prototype.slice.call(doc.body.childNodes).forEach(function (n) { rapport.appendChild(document.importNode(n, true)); });
      }).catch(foutmelding);
    } }, el('label', null, 'Jaaroverzicht Awb 9:12a, jaar ', jaar), el('button', { type: 'submit', text: 'Toon jaaroverzicht' }));
    c.appendChild(form);
    c.appendChild(jaarForm);
    c.appendChild(rapport);
    var planning = el('section', { id: 'planning', class: 'geen-print' });
    c.appendChild(planning);
    json('/rapportages/planning').then(function (rows) {
      planning.appendChild(el('h2', { text: 'Rapportagemomenten (uit de definitie)' }));
      planning.appendChild(el('table', { class: 'lijst' },
        el('thead', null, el('tr', null, ['Rapportage', 'Periode', 'Deadline', 'Herinnering', 'Naar', 'Verwerkt'].map(function (h) { return el('th', { text: h }); }))),
        el('tbody', null, rows.map(function (m) {
          return el('tr', null, el('td', { text: m.label }), el('td', { text: m.periodeVan + ' t/m ' + m.periodeTot }), el('td', { text: m.deadline }),
            el('td', { text: m.herinnering || '' }), el('td', { text: m.naar }), el('td', { text: m.verwerktOp ? tijd(m.verwerktOp) : '' }));
        }))));
    }).catch(function () { /* the planning is extra; the report itself shows errors */ });
    if (qs.get('van')) return toon();
    return Promise.resolve();
  }

  var PAGINAS = { index: index, diagram: diagram, tijdlijn: tijdlijn, paden: paden, voorbeeld: voorbeeld, rapportages: rapportages };

  function start() {
    document.getElementById('inloggen').hidden = true;
    var uit = document.getElementById('uitloggen');
    uit.hidden = false;
    uit.onclick = function () { sessionStorage.removeItem(OPSLAG); location.reload(); };
    var soort = document.body.getAttribute('data-pagina');
    Promise.resolve().then(PAGINAS[soort]).catch(foutmelding);
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
    if (token()) start(); else toonInloggen('');
  });
})();
