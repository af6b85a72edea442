/* Klachtregie: the beleidsmedewerker's editor for a definition (docs/beheer-en-rapportages.md). Bundled with
 * CodeMirror 6 by scripts/bundel-editor.js into editor.js, served by the service itself (no CDN). beheer.js logs in
 * and calls window.KlachtregieEditor.start(hulp) on /beheer/definities/{id}/editor.
 * Every change (after a pause) runs the full validation (POST /definities/validaties: inline errors in the lint
 * gutter at their line), the diagram (POST /definitie-voorbeelden), the gemeente's scenarios and the diff with the
 * published version. "Voorstellen" proposes the text (4-ogen); another beleidsmedewerker approves or rejects it here.
 * Security: all data is rendered with textContent; only the server-built SVG is inserted as markup. */
import { EditorView, basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter } from '@codemirror/lint';
import { autocompletion } from '@codemirror/autocomplete';

/** The JSON Schema node at a path of keys (following $ref, arrays, and the members of oneOf/anyOf/allOf). */
function schemaOp(schema, pad) {
  var defs = schema.definitions || schema.$defs || {};
  function los(s) {
    var n = 0;
    while (s && s.$ref && n++ < 20) s = defs[s.$ref.replace(/^#\/(definitions|\$defs)\//, '')];
    return s;
  }
  function eigenschappen(s) {
    s = los(s);
    if (!s) return {};
    var uit = Object.assign({}, s.properties || {});
    ['oneOf', 'anyOf', 'allOf'].forEach(function (k) {
      (s[k] || []).forEach(function (x) {
        Object.assign(uit, eigenschappen(x));
      });
    });
    if (s.type === 'array' || s.items) Object.assign(uit, eigenschappen(s.items));
    if (s.additionalProperties && typeof s.additionalProperties === 'object') uit['*'] = s.additionalProperties;
    return uit;
  }
  var huidig = schema;
  for (var i = 0; i < pad.length; i++) {
    var e = eigenschappen(huidig);
    huidig = e[pad[i]] || e['*'];
    if (!huidig) return {};
  }
  return eigenschappen(huidig);
}

/** The keys above the cursor line by indentation: `termijnen`, `contact` for a line inside termijnen.contact. */
function padBoven(doc, regelNr, inspring) {
  var pad = [];
  var grens = inspring;
  for (var n = regelNr - 1; n >= 1 && grens > 0; n--) {
    var t = doc.line(n).text;
    if (!t.trim() || /^\s*#/.test(t)) continue;
    var ins = t.length - t.replace(/^[\s-]*/, '').length;
    var m = /^[\s-]*([A-Za-z0-9_]+)\s*:/.exec(t);
    if (ins < grens && m) {
      pad.unshift(m[1]);
      grens = t.length - t.replace(/^\s*/, '').length;
    }
  }
  return pad;
}

function sleutelAanvulling(schema) {
  return function (ctx) {
    var woord = ctx.matchBefore(/^\s*(- )?[A-Za-z0-9_]*$/);
    var regel = ctx.state.doc.lineAt(ctx.pos);
    var voor = regel.text.slice(0, ctx.pos - regel.from);
    var m = /^(\s*(?:- )?)([A-Za-z0-9_]*)$/.exec(voor);
    if (!woord || !m) return null;
    if (!ctx.explicit && m[2] === '') return null;
    var pad = padBoven(ctx.state.doc, regel.number, m[1].length);
    var velden = schemaOp(schema, pad);
    var opties = Object.keys(velden)
      .filter(function (k) {
        return k !== '*';
      })
      .map(function (k) {
        return { label: k, type: 'property', apply: k + ': ', info: velden[k].description || undefined };
      });
    return { from: regel.from + m[1].length, options: opties, validFor: /^[A-Za-z0-9_]*$/ };
  };
}

function start(h) {
  var el = h.el;
  var c = h.inhoud();
  var id = h.definitie;
  var teller = 0;

  var status = el('p', { id: 'editorstatus', role: 'status', 'aria-live': 'polite', text: 'De tekst wordt geladen…' });
  var foutenLijst = el('ul', { id: 'fouten', class: 'fouten' });
  var foutenKop = el('h2', { id: 'foutenkop', text: 'Fouten' });
  var diagram = el('div', { id: 'diagram', class: 'doek', tabindex: '0', role: 'region', 'aria-label': 'Diagram van deze tekst' });
  var scenarios = el('div', { id: 'scenarios' });
  var verschil = el('div', { id: 'verschil' });
  var voorstelMelding = el('p', { id: 'voorstelmelding', role: 'status', 'aria-live': 'polite' });
  var knop = el('button', { type: 'button', id: 'voorstellen', class: 'hoofd', text: 'Voorstellen' });
  var open = el('div', { id: 'openvoorstellen' });
  var doel = el('div', { id: 'editor', class: 'editorvak' });

  c.appendChild(
    el(
      'div',
      { class: 'werkbank' },
      el(
        'section',
        { class: 'werkbank-tekst', 'aria-labelledby': 'tekstkop' },
        el('h2', { id: 'tekstkop', text: 'Tekst van de regeling (YAML) — ' + id }),
        el('p', {
          text: 'Pas de regeling aan. Na elke wijziging controleert Klachtregie de tekst: fouten staan bij de regel (rood teken links) en hieronder. Geef een wijziging een nieuwe versie en geldigVanaf.',
        }),
        doel,
        status,
        foutenKop,
        foutenLijst,
        el('h2', { text: 'Voorstellen' }),
        el('p', {
          text: 'Een voorstel wordt pas actief als een andere beleidsmedewerker het goedkeurt (vier ogen). Daarna geldt de versie vanaf haar geldigVanaf.',
        }),
        knop,
        voorstelMelding,
      ),
      el(
        'section',
        { class: 'werkbank-uitkomst', 'aria-label': 'Uitkomst van de controle' },
        el('h2', { text: 'Diagram' }),
        diagram,
        el('h2', { text: "Scenario's van de gemeente" }),
        scenarios,
        el('h2', { text: 'Verschil met de gepubliceerde versie' }),
        verschil,
      ),
    ),
  );
  c.appendChild(
    el('section', { 'aria-labelledby': 'openkop' }, el('h2', { id: 'openkop', text: 'Voorstellen die wachten op beoordeling' }), open),
  );

  function post(pad, body) {
    return h.json(pad, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  // One finding of the validation as a list item: a warning (valid, probably not meant) is said in words, not only colour.
  function meldingItem(f) {
    var isW = f.ernst === 'waarschuwing';
    return el(
      'li',
      isW ? { class: 'waarschuwing' } : null,
      el('code', { text: 'regel ' + f.line + ', kolom ' + f.column }),
      (isW ? ' Waarschuwing: ' : ' ') + f.message,
      f.hint ? el('div', { class: 'hint', text: '→ ' + f.hint }) : null,
    );
  }

  // Errors first, then warnings.
  function toonFouten(fouten, waarschuwingen) {
    foutenLijst.textContent = '';
    var w = waarschuwingen || [];
    foutenKop.textContent =
      (fouten.length ? fouten.length + (fouten.length === 1 ? ' fout' : ' fouten') : 'Geen fouten') +
      (w.length ? ', ' + w.length + (w.length === 1 ? ' waarschuwing' : ' waarschuwingen') : '');
    fouten.concat(w).forEach(function (f) {
      foutenLijst.appendChild(meldingItem(f));
    });
  }

  function toonScenarios(r) {
    scenarios.textContent = '';
    if (!r.kanDraaien) {
      scenarios.appendChild(el('p', { id: 'scenariostand', text: r.reden || 'De scenario’s kunnen niet draaien.' }));
      return;
    }
    scenarios.appendChild(
      el('p', {
        id: 'scenariostand',
        text: r.geslaagd + ' van de ' + r.totaal + ' scenario’s geslaagd' + (r.mislukt ? ', ' + r.mislukt + ' mislukt' : ''),
      }),
    );
    r.bestanden.forEach(function (b) {
      scenarios.appendChild(el('h3', { text: b.suite || b.bestand }));
      scenarios.appendChild(
        el(
          'ul',
          { class: 'scenariolijst' },
          b.scenarios.map(function (s) {
            return el(
              'li',
              { class: s.geslaagd ? 'geslaagd' : 'mislukt' },
              (s.geslaagd ? '✓ ' : '✗ ') + s.naam,
              s.meldingen.length
                ? el(
                    'ul',
                    null,
                    s.meldingen.map(function (m) {
                      return el('li', { text: b.bestand + ':' + m.line + ':' + m.column + ': ' + m.melding });
                    }),
                  )
                : null,
            );
          }),
        ),
      );
    });
  }

  function toonVerschil(v) {
    verschil.textContent = '';
    if (!v.kanVergelijken) {
      verschil.appendChild(el('p', { text: v.reden || '' }));
      return;
    }
    verschil.appendChild(
      el('p', {
        id: 'verschilstand',
        text: v.aantal
          ? v.aantal + (v.aantal === 1 ? ' wijziging' : ' wijzigingen') + ' tegenover versie ' + v.tegen
          : 'Geen inhoudelijke wijzigingen tegenover versie ' + v.tegen,
      }),
    );
    var regels = [];
    v.toestanden.toegevoegd.forEach(function (t) {
      regels.push('Nieuwe stap: ' + t.label);
    });
    v.toestanden.verwijderd.forEach(function (t) {
      regels.push('Stap vervalt: ' + t.label);
    });
    v.termijnen.forEach(function (t) {
      t.regels.forEach(function (r) {
        regels.push('Termijn ' + t.label + ': ' + r);
      });
    });
    v.tweedeLijn.forEach(function (t) {
      t.regels.forEach(function (r) {
        regels.push('Tweede lijn ' + t.naam + ': ' + r);
      });
    });
    v.routering.forEach(function (r) {
      regels.push('Routering, ' + r.regel);
    });
    if (regels.length)
      verschil.appendChild(
        el(
          'ul',
          { id: 'verschillijst' },
          regels.map(function (r) {
            return el('li', { text: r });
          }),
        ),
      );
  }

  /** One check of the text: validation (the lint result), diagram, scenarios and diff in parallel. */
  function controleer(view) {
    var tekst = view.state.doc.toString();
    var nr = ++teller;
    document.body.setAttribute('data-controle', 'bezig');
    status.textContent = 'Bezig met controleren…';
    var zijwerk = Promise.all([
      post('/definitie-voorbeelden', { yaml: tekst }).then(function (v) {
        if (nr !== teller) return;
        diagram.textContent = '';
        if (v.svg)
          diagram.innerHTML = v.svg; // server-built SVG
        else diagram.appendChild(el('p', { text: 'Het diagram verschijnt zodra de tekst geen fouten meer heeft.' }));
      }),
      post('/definities/' + encodeURIComponent(id) + '/scenario-uitslagen', { yaml: tekst }).then(function (r) {
        if (nr === teller) toonScenarios(r);
      }),
      post('/definities/' + encodeURIComponent(id) + '/verschillen', { yaml: tekst }).then(function (v) {
        if (nr === teller) toonVerschil(v);
      }),
    ]);
    return post('/definities/validaties', { yaml: tekst })
      .then(function (u) {
        return zijwerk.then(function () {
          return u;
        });
      })
      .then(function (u) {
        if (nr !== teller) return [];
        var waarschuwingen = u.waarschuwingen || [];
        toonFouten(u.fouten, waarschuwingen);
        status.textContent = u.geldig
          ? 'Gecontroleerd: geen fouten' +
            (waarschuwingen.length
              ? ', ' + waarschuwingen.length + (waarschuwingen.length === 1 ? ' waarschuwing.' : ' waarschuwingen.')
              : '.')
          : 'Gecontroleerd: ' + u.fouten.length + (u.fouten.length === 1 ? ' fout.' : ' fouten.');
        document.body.setAttribute('data-controle', u.geldig ? 'geldig' : 'fouten');
        var doc = view.state.doc;
        return u.fouten.concat(waarschuwingen).map(function (f) {
          var regel = doc.line(Math.min(Math.max(f.line, 1), doc.lines));
          var van = Math.min(regel.from + Math.max(f.column - 1, 0), regel.to);
          return {
            from: van,
            to: regel.to > van ? regel.to : van,
            severity: f.ernst === 'waarschuwing' ? 'warning' : 'error',
            message: f.message + (f.hint ? '\n→ ' + f.hint : ''),
          };
        });
      })
      .catch(function (e) {
        document.body.setAttribute('data-controle', 'mislukt');
        status.textContent = 'De controle lukte niet.';
        h.foutmelding(e);
        return [];
      });
  }

  function toonOpen() {
    return h.json('/definities/' + encodeURIComponent(id) + '/voorstellen?status=voorgesteld').then(function (l) {
      open.textContent = '';
      if (!l.resultaten.length) {
        open.appendChild(el('p', { text: 'Er wachten geen voorstellen.' }));
        return;
      }
      l.resultaten.forEach(function (v) {
        var eerste = v.stappen[0] || {};
        var redenId = 'reden-' + v.id;
        var reden = el('textarea', { id: redenId, rows: '2' });
        var uitkomst = el('p', { role: 'status', 'aria-live': 'polite' });
        var pad = '/definities/' + encodeURIComponent(id) + '/voorstellen/' + v.id;
        // Terugwerkende kracht (rechtszekerheid): a geldigVanaf before today governs days that passed. The approver reads
        // which days and how many klachten of them stay on their version, and confirms it; the server refuses otherwise.
        var terugVak = el('div', { class: 'terugwerkend' });
        var bevestig = null;
        function toonTerug(t) {
          var vakId = 'terugwerkend-' + v.id;
          var meldingId = 'terugmelding-' + v.id;
          terugVak.textContent = '';
          bevestig = el('input', { type: 'checkbox', id: vakId, 'aria-describedby': meldingId });
          terugVak.appendChild(
            el('p', {
              id: meldingId,
              class: 'terugmelding',
              text:
                'Let op, terugwerkende kracht: ' + t.melding + '. Keur dit alleen goed als het de klager niet benadeelt (rechtszekerheid).',
            }),
          );
          terugVak.appendChild(
            el('p', null, bevestig, ' ', el('label', { for: vakId, text: 'Ik keur deze versie bewust goed met terugwerkende kracht' })),
          );
        }
        if (v.terugwerkendeKracht) toonTerug(v.terugwerkendeKracht);
        open.appendChild(
          el(
            'article',
            { class: 'voorstel', 'data-voorstel': v.id, 'data-versie': v.versie },
            el('h3', { text: 'Versie ' + v.versie + ', geldig vanaf ' + h.datum(v.geldigVanaf) }),
            el('p', { text: 'Voorgesteld door ' + (eerste.doorNaam || v.voorgesteldDoor) + ' op ' + h.datum(v.voorgesteldOp, true) + '.' }),
            // 4-ogen: the approver reads what the validation warned the author about.
            (v.waarschuwingen || []).length
              ? el(
                  'div',
                  { class: 'voorstelwaarschuwingen' },
                  el('p', {
                    text:
                      'Let op: de controle gaf ' +
                      v.waarschuwingen.length +
                      (v.waarschuwingen.length === 1 ? ' waarschuwing' : ' waarschuwingen') +
                      '. Lees die vóór u goedkeurt.',
                  }),
                  el('ul', { class: 'fouten' }, v.waarschuwingen.map(meldingItem)),
                )
              : null,
            terugVak,
            el(
              'button',
              {
                type: 'button',
                class: 'hoofd goedkeuren',
                onclick: function () {
                  var bevestigd = !!(bevestig && bevestig.checked);
                  post(pad + '/goedkeuring', bevestigd ? { terugwerkendeKrachtBevestigd: true } : {})
                    .then(function () {
                      uitkomst.textContent =
                        'Goedgekeurd: versie ' +
                        v.versie +
                        ' geldt vanaf ' +
                        h.datum(v.geldigVanaf) +
                        (bevestigd ? ', met terugwerkende kracht (dat staat in het auditspoor).' : '.');
                      document.body.setAttribute('data-beoordeeld', v.id);
                    })
                    .catch(function (e) {
                      uitkomst.textContent = (e.body && e.body.title + ': ' + e.body.detail) || 'Goedkeuren lukte niet.';
                      document.body.setAttribute('data-beoordeeld', 'geweigerd');
                      // Also when the day passed while the page was open: show the warning and let the approver confirm.
                      if (e.body && e.body.code === 'terugwerkende-kracht' && e.body.terugwerkendeKracht) {
                        toonTerug(e.body.terugwerkendeKracht);
                        bevestig.focus();
                      }
                    });
                },
              },
              'Goedkeuren',
            ),
            el('label', { for: redenId, text: 'Reden van afwijzen (verplicht)' }),
            reden,
            el(
              'button',
              {
                type: 'button',
                class: 'afwijzen',
                onclick: function () {
                  post(pad + '/afwijzing', { reden: reden.value })
                    .then(function () {
                      uitkomst.textContent = 'Afgewezen.';
                      document.body.setAttribute('data-beoordeeld', v.id);
                    })
                    .catch(function (e) {
                      uitkomst.textContent = (e.body && e.body.title + ': ' + e.body.detail) || 'Afwijzen lukte niet.';
                    });
                },
              },
              'Afwijzen',
            ),
            uitkomst,
          ),
        );
      });
    });
  }

  return Promise.all([
    h.json('/definities/' + encodeURIComponent(id) + '/tekst'),
    fetch('/beheer/assets/definitie-schema.json').then(function (r) {
      return r.json();
    }),
  ]).then(function (r) {
    var bron = r[0];
    var schema = r[1];
    var view = new EditorView({
      doc: bron.yaml,
      parent: doel,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        linter(controleer, { delay: 700 }),
        autocompletion({ override: [sleutelAanvulling(schema)] }),
        EditorView.contentAttributes.of({ 'aria-label': 'Tekst van de regeling (YAML)' }),
      ],
    });
    // WCAG 2.1.1: the scrolling box itself takes focus too (arrow keys scroll it), as the diagram's box does.
    view.scrollDOM.setAttribute('tabindex', '0');
    window.KlachtregieEditor.view = view;
    knop.addEventListener('click', function () {
      voorstelMelding.textContent = 'Bezig…';
      post('/definities/' + encodeURIComponent(id) + '/voorstellen', { yaml: view.state.doc.toString() })
        .then(function (v) {
          voorstelMelding.textContent =
            'Voorgesteld: versie ' +
            v.versie +
            ' wacht op goedkeuring door een andere beleidsmedewerker. Er is nog niets veranderd.' +
            (v.terugwerkendeKracht ? ' Let op: zij werkt terug; wie goedkeurt, moet dat bevestigen.' : '');
          document.body.setAttribute('data-voorgesteld', v.id);
          return toonOpen();
        })
        .catch(function (e) {
          var b = (e && e.body) || {};
          voorstelMelding.textContent = (b.title || 'Voorstellen lukte niet') + ': ' + (b.detail || '');
        });
    });
    return toonOpen().then(function () {
      document.body.setAttribute('data-klaar', 'editor');
    });
  });
}

window.KlachtregieEditor = { start: start };
