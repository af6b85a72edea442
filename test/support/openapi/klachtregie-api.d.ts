/* Gegenereerd door openapi-typescript uit GET /api/v1/openapi.json; niet met de hand wijzigen (test/support/openapi/genereer.ts). */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Of de dienst, de database en de job queue werken (gelijk aan /health/ready) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: het proces draait (vraagt database en queue niet) */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: de database en de job queue antwoorden (anders 503) */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-sleutels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De API-sleutels van de gemeente (zonder de sleutels zelf)
         * @description Rollen: beheerder.
         */
        get: operations["lijstApiSleutels"];
        put?: never;
        /**
         * Maak een API-sleutel (de sleutel wordt één keer getoond)
         * @description Rollen: beheerder.
         */
        post: operations["maakApiSleutel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-sleutels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Trek een API-sleutel in
         * @description Rollen: beheerder.
         */
        delete: operations["trekApiSleutelIn"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/inzage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Wie dit dossier inzag en wanneer (voor de functionaris gegevensbescherming)
         * @description Rollen: beheerder.
         */
        get: operations["dossierInzageLijst"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-abonnementen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De abonnementen van de gemeente
         * @description Rollen: beheerder, systeem.
         */
        get: operations["lijstWebhookAbonnementen"];
        put?: never;
        /**
         * Abonneer een URL op CloudEvents van de gemeente
         * @description Rollen: beheerder.
         */
        post: operations["maakWebhookAbonnement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-abonnementen/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Eén abonnement
         * @description Rollen: beheerder, systeem.
         */
        get: operations["haalWebhookAbonnement"];
        put?: never;
        post?: never;
        /**
         * Beëindig een abonnement (wachtende afleveringen vervallen)
         * @description Rollen: beheerder.
         */
        delete: operations["verwijderWebhookAbonnement"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-afleveringen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Afleveringen, nieuwste eerst, met filters en paginering
         * @description Rollen: beheerder, systeem.
         */
        get: operations["lijstWebhookAfleveringen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-afleveringen/{id}/opnieuw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lever een CloudEvent opnieuw af (zelfde id)
         * @description Rollen: beheerder, systeem.
         */
        post: operations["leverWebhookOpnieuw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Klachten, gefilterd en gepagineerd.
         * @description Rollen: klachtbehandelaar, procesEigenaar, systeem, aanbieder.
         */
        get: operations["klachtenZoeken"];
        put?: never;
        /**
         * Registreer een klacht (intake); de termijnen starten volgens de definitie van de gemeente.
         * @description Rollen: klachtbehandelaar, systeem, aanbieder.
         */
        post: operations["klachtIndienen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Een klacht met termijnen (met uitleg), historie en de gebeurtenissen die nu kunnen.
         * @description Rollen: klachtbehandelaar, procesEigenaar, systeem, aanbieder.
         */
        get: operations["klachtOphalen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/gebeurtenissen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Voer een gebeurtenis door op een klacht.
         * @description Rollen: klachtbehandelaar, systeem.
         */
        post: operations["gebeurtenisToevoegen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/registratie": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Registreer aard, oorzaak, afwikkeling, maatregelen en tevredenheid van een klacht voor de rapportages (ook na afsluiten); waarden uit de lijsten van de gemeente.
         * @description Rollen: klachtbehandelaar, systeem.
         */
        patch: operations["klachtRegistreren"];
        trace?: never;
    };
    "/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Importeer historische klachten uit een NDJSON-bestand (één klacht per regel, met haar gebeurtenissen); hetzelfde bestand opnieuw sturen hervat de import.
         * @description Rollen: beheerder.
         */
        post: operations["importStarten"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De voortgang van een import, met elke regel die niet is geïmporteerd (regel en veld).
         * @description Rollen: beheerder.
         */
        get: operations["importOphalen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{id}/hervatten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hervat een import die is gestopt (bijvoorbeeld door een herstart); verwerkte regels blijven verwerkt.
         * @description Rollen: beheerder.
         */
        post: operations["importHervatten"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De definitieversies van de gemeente (nieuwste eerst)
         * @description Rollen: beleidsmedewerker, klachtbehandelaar, procesEigenaar, systeem, beheerder.
         */
        get: operations["definitiesZoeken"];
        put?: never;
        /**
         * Stel een nieuwe versie van de definitie voor (4-ogen): hetzelfde als POST /definities/{id}/voorstellen, met de definitie afgeleid uit de YAML. Er wordt niets actief tot een andere beleidsmedewerker het voorstel goedkeurt.
         * @description Rollen: beleidsmedewerker.
         */
        post: operations["definitiePubliceren"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Een definitie met al haar versies
         * @description Rollen: beleidsmedewerker, klachtbehandelaar, procesEigenaar, systeem, beheerder.
         */
        get: operations["definitieOphalen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/diagram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Het diagram van een definitie, gegenereerd uit de machine (mermaid, svg of json)
         * @description Rollen: beleidsmedewerker, klachtbehandelaar, procesEigenaar, systeem, beheerder.
         */
        get: operations["definitieDiagram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/tekst": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De YAML van een versie zoals geschreven (standaard de versie die vandaag geldt): het begin van een nieuwe versie in de editor
         * @description Rollen: beleidsmedewerker, klachtbehandelaar, procesEigenaar, systeem, beheerder.
         */
        get: operations["definitieTekst"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/validaties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Valideer een definitie (YAML) zonder te publiceren: fouten als bestand:regel:kolom met wat u in plaats daarvan schrijft
         * @description Rollen: beleidsmedewerker.
         */
        post: operations["definitieValideren"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/voorstellen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De voorstellen voor nieuwe versies van een definitie, nieuwste eerst
         * @description Rollen: beleidsmedewerker, klachtbehandelaar, procesEigenaar, systeem, beheerder.
         */
        get: operations["definitieVoorstellenZoeken"];
        put?: never;
        /**
         * Stel een nieuwe versie voor (4-ogen). De volledige validatie moet slagen; de versie wordt pas actief als een andere beleidsmedewerker van de gemeente hem goedkeurt.
         * @description Rollen: beleidsmedewerker.
         */
        post: operations["definitieVoorstellen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/voorstellen/{voorstelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Een voorstel met zijn YAML en auditspoor
         * @description Rollen: beleidsmedewerker, klachtbehandelaar, procesEigenaar, systeem, beheerder.
         */
        get: operations["definitieVoorstelOphalen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/voorstellen/{voorstelId}/goedkeuring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Keur een voorstel goed (4-ogen): de versie wordt gepubliceerd en geldt vanaf haar geldigVanaf. Niet door wie het voorstelde. Ligt geldigVanaf vóór vandaag, dan werkt de versie terug en moet u dat bevestigen (terugwerkendeKrachtBevestigd).
         * @description Rollen: beleidsmedewerker.
         */
        post: operations["definitieVoorstelGoedkeuren"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/voorstellen/{voorstelId}/afwijzing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wijs een voorstel af, met een reden (verplicht). Niet door wie het voorstelde; er wordt niets gepubliceerd.
         * @description Rollen: beleidsmedewerker.
         */
        post: operations["definitieVoorstelAfwijzen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/auditspoor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Het auditspoor van een definitie: elke stap (voorgesteld, goedgekeurd, afgewezen) met wie, wanneer en waarom, oudste eerst
         * @description Rollen: beleidsmedewerker, klachtbehandelaar, procesEigenaar, systeem, beheerder.
         */
        get: operations["definitieAuditspoor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gebeurtenis-typen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De gebeurtenissen die POST /klachten/{id}/gebeurtenissen kent, met hun data
         * @description Rollen: beleidsmedewerker, klachtbehandelaar, procesEigenaar, systeem, beheerder, aanbieder.
         */
        get: operations["gebeurtenisTypen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/terugkoppelingen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terugkoppeling van de aanbieder (registratie, behandeling, afdoening, maatregelen, tevredenheid); past de bijbehorende gebeurtenis toe als die nu kan
         * @description Rollen: aanbieder, klachtbehandelaar.
         */
        post: operations["terugkoppelingToevoegen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/ombudsman-verzoeken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verzoek van de ombudsman (informatievraag, interventieverzoek, doorgezonden klacht, eigen onderzoek) als gekoppelde sub-klacht met eigen termijnen
         * @description Rollen: klachtbehandelaar, systeem.
         */
        post: operations["ombudsmanVerzoekToevoegen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rapportages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rapportage per aanbieder, aard en oorzaak over een periode (JSON, CSV of afdrukbare HTML)
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar, aanbieder.
         */
        get: operations["rapportage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rapportages/jaaroverzicht": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Awb 9:12a: geregistreerde schriftelijke klachten van een jaar
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar.
         */
        get: operations["jaaroverzicht"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rapportages/planning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De rapportagemomenten van de gemeente (uit de definitie)
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar, aanbieder.
         */
        get: operations["rapportagePlanning"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rapportages/opgeslagen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rapportages die op hun deadline zijn gemaakt en bewaard
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar, aanbieder.
         */
        get: operations["opgeslagenRapportages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rapportages/opgeslagen/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Eén bewaarde rapportage met inhoud (JSON, CSV of afdrukbare HTML)
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar, aanbieder.
         */
        get: operations["opgeslagenRapportage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aanbieder-rapportages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Een aanbieder levert de periodieke rapportage aan (voorkomt escalatie naar de contractmanager)
         * @description Rollen: aanbieder.
         */
        post: operations["dienAanbiederRapportageIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/procesoverzichten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De definities (versies) van de gemeente
         * @description Per definitie eerst de versie die vandaag geldt, dan de andere, nieuwste eerst.
         *
         *     Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar.
         */
        get: operations["procesoverzichten"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/procesoverzichten/kerncijfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De gemeente in één oogopslag: open, te laat, bijna verlopen, ontvangen deze maand
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar.
         */
        get: operations["kerncijfers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/procesoverzichten/{definitieId}/versies/{versie}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Aantallen per toestand, termijnbanden en mediane tijd in de toestand
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar.
         */
        get: operations["procesoverzicht"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/procesoverzichten/{definitieId}/versies/{versie}/diagram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Het statechart als SVG, met live aantallen per toestand
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar.
         */
        get: operations["procesdiagram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/procesoverzichten/{definitieId}/versies/{versie}/toestanden/{toestand}/klachten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De klachten in een toestand (of in de subtoestanden van een samengestelde toestand)
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar.
         */
        get: operations["klachtenInToestand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/procesoverzichten/{definitieId}/versies/{versie}/paden": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Elke route die een klacht kan nemen, in gewone taal
         * @description Rollen: procesEigenaar, beleidsmedewerker, klachtbehandelaar.
         */
        get: operations["procespaden"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/tijdlijn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tijdlijn van een klacht: gebeurtenissen, termijnen met uitleg, wat er nu kan gebeuren
         * @description Rollen: klachtbehandelaar, procesEigenaar, aanbieder.
         */
        get: operations["klachtTijdlijn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitie-voorbeelden": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Valideer een definitie en teken het diagram, zonder te publiceren
         * @description Rollen: beleidsmedewerker, procesEigenaar.
         */
        post: operations["definitieVoorbeeld"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ik": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Wie u bent voor Klachtregie: rol, gemeente (met naam), bij een aanbieder zijn id en de gemeente die die id koos, en de naam van uw sleutel; en het moment van nu volgens Klachtregie
         * @description Rollen: beleidsmedewerker, klachtbehandelaar, aanbieder, procesEigenaar, systeem, beheerder.
         */
        get: operations["ik"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/werkvoorraad": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De open klachten van de gemeente (of de aanbieder), te laat eerst, dan de dichtstbijzijnde termijn
         * @description Rollen: klachtbehandelaar, aanbieder.
         */
        get: operations["werkvoorraad"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake-vragen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Wat de klachtregeling van uw gemeente bij de intake vraagt: de keuzes van POST /klachten en de feiten van de regeling
         * @description Voor een intakeformulier: de feiten die de versie van de klachtregeling vraagt die op de ontvangstdag geldt (de versie waaraan de klacht vast komt te zitten). POST /klachten weigert elk ander feit (feiten-ongeldig).
         *
         *     Rollen: klachtbehandelaar, aanbieder, systeem.
         */
        get: operations["intakeVragen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/gebeurtenis-gevolgen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wat een gebeurtenis zou doen (nieuwe toestand, termijnen met hun nieuwe vervaldatum en uitleg), zonder iets op te slaan
         * @description Rollen: klachtbehandelaar.
         */
        post: operations["gebeurtenisGevolgen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/scenario-uitslagen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Speel de scenario's van de gemeente af met deze tekst (zoals klachtregie test); er wordt niets opgeslagen
         * @description Rollen: beleidsmedewerker.
         */
        post: operations["definitieScenariosToetsen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/verschillen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wat deze tekst verandert tegenover de gepubliceerde versie: toestanden, termijnen, tweede lijn en routering
         * @description Rollen: beleidsmedewerker.
         */
        post: operations["definitieVerschil"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/versies/{versie}/migratieproef": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proef: wat deze versie doet met de lopende klachten van oudere versies, en met verzoeken van de ombudsman die nog op de klachtroute staan (Awb 9:31; toestand en termijnen oud en nieuw, bezwaren)
         * @description Rollen: beleidsmedewerker.
         */
        get: operations["migratieProef"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definities/{id}/versies/{versie}/migraties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Zet de genoemde lopende klachten over naar deze versie (alles of niets, vastgelegd in de historie)
         * @description Rollen: beleidsmedewerker.
         */
        post: operations["migreer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/zgw-afleveringen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De zaak per klacht en de stand van de aflevering; status=vastgelopen is de dead-letterlijst
         * @description Rollen: beheerder, systeem.
         */
        get: operations["lijstZgwAfleveringen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/zgw-afleveringen/{klachtId}/opnieuw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Zet een vastgelopen aflevering weer in de rij (pogingen vanaf nul)
         * @description Rollen: beheerder, systeem.
         */
        post: operations["leverZgwOpnieuw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/documenten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De documenten in het dossier van een klacht, met hun SHA-256 (de lezing wordt gelogd).
         * @description Rollen: klachtbehandelaar, procesEigenaar, systeem, aanbieder.
         */
        get: operations["documentenOphalen"];
        put?: never;
        /**
         * Voeg een document toe aan het dossier (hoogstens 10 MiB; PDF, PNG-afbeelding, JPEG-afbeelding, platte tekst (UTF-8), Word-document (.docx)).
         * @description Rollen: klachtbehandelaar, aanbieder, systeem.
         */
        post: operations["documentToevoegen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/documenten/{documentId}/inhoud": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De inhoud van een document, onveranderd (gecontroleerd tegen de SHA-256; de lezing wordt gelogd).
         * @description Rollen: klachtbehandelaar, procesEigenaar, systeem, aanbieder.
         */
        get: operations["documentInhoud"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/brieven": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De brieven van een klacht (Awb 9:6, 9:8 lid 3, 9:11 lid 2, 9:12, 2:3), elk met de SHA-256 van de HTML en de PDF.
         * @description Rollen: klachtbehandelaar, procesEigenaar, systeem, aanbieder.
         */
        get: operations["brievenOphalen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/brieven/{briefId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Een brief: JSON (standaard), of met Accept: application/pdf de PDF en met Accept: text/html de HTML.
         * @description Rollen: klachtbehandelaar, procesEigenaar, systeem, aanbieder.
         */
        get: operations["briefOphalen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/brieven/{briefId}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De PDF van een brief, zoals bewaard (SHA-256 in Digest en ETag).
         * @description Rollen: klachtbehandelaar, procesEigenaar, systeem, aanbieder.
         */
        get: operations["briefPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/brieven/{briefId}/html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De HTML van een brief, zoals bewaard (SHA-256 in Digest en ETag).
         * @description Rollen: klachtbehandelaar, procesEigenaar, systeem, aanbieder.
         */
        get: operations["briefHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/dossier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De tijdlijn van het dossier: gebeurtenissen, brieven en documenten, op tijd.
         * @description Rollen: klachtbehandelaar, procesEigenaar, systeem, aanbieder.
         */
        get: operations["dossierTijdlijn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vernietigingslijsten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De vernietigingslijsten van de gemeente, nieuwste eerst.
         * @description Rollen: beheerder, procesEigenaar.
         */
        get: operations["vernietigingslijstenOphalen"];
        put?: never;
        /**
         * Stel een vernietigingslijst op: alle afgesloten klachten van de gemeente waarvan de bewaartermijn verstreken is, zonder bewaarblokkade.
         * @description Rollen: beheerder, procesEigenaar.
         */
        post: operations["vernietigingslijstOpstellen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vernietigingslijsten/{lijstId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Een vernietigingslijst met haar regels; na uitvoering het proces-verbaal (zonder persoonsgegevens).
         * @description Rollen: beheerder, procesEigenaar.
         */
        get: operations["vernietigingslijstOphalen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vernietigingslijsten/{lijstId}/ondertekening": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Onderteken een lijst die de dagelijkse taak opstelde (de eerste van de vier ogen); een ander keurt haar daarna goed. Een lijst die een medewerker opstelde, is door die medewerker ondertekend. Een handtekening met een sleutel die op naam van geen medewerker staat (van vóór sleutels op naam), telt niet: de medewerker die ondertekent, komt in haar plaats.
         * @description Rollen: beheerder, procesEigenaar.
         */
        post: operations["vernietigingslijstOndertekenen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vernietigingslijsten/{lijstId}/goedkeuring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Keur de lijst goed (niet door wie haar opstelde of ondertekende) en vernietig de klachten erop; antwoordt met het proces-verbaal.
         * @description Rollen: beheerder, procesEigenaar.
         */
        post: operations["vernietigingslijstGoedkeuren"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/bewaarblokkade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Blokkeer vernietiging van een klacht (bijvoorbeeld een lopend Woo-verzoek of een rechtszaak).
         * @description Rollen: klachtbehandelaar, beheerder, procesEigenaar.
         */
        put: operations["bewaarblokkadeZetten"];
        post?: never;
        /**
         * Hef de bewaarblokkade van een klacht op, met de reden (verplicht): daarna kan de klacht weer op een vernietigingslijst komen. Wie, wanneer en waarom staat in GET /klachten/{id}/bewaring.
         * @description Rollen: beheerder, procesEigenaar.
         */
        delete: operations["bewaarblokkadeOpheffen"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/bewaring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * De bewaarblokkade en de markering blijvend bewaren (13.1.3) van een klacht zoals zij nu staan, en wie ze zette en ophief, wanneer en waarom.
         * @description Rollen: klachtbehandelaar, beheerder, procesEigenaar.
         */
        get: operations["bewaringOphalen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/blijvend-bewaren": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Markeer dat de klacht invloed had op een blijvend te bewaren zaak (Selectielijst gemeenten 2020, 13.1.3): de klacht wordt blijvend bewaard en komt op geen vernietigingslijst; een wachtende lijst slaat haar bij goedkeuring over.
         * @description Rollen: klachtbehandelaar, beheerder, procesEigenaar.
         */
        put: operations["blijvendBewarenMarkeren"];
        post?: never;
        /**
         * Hef de markering blijvend bewaren (13.1.3) op, als zij ten onrechte gezet is, met de reden (verplicht): de bewaartermijn volgt dan weer uit de klacht. Wie, wanneer en waarom staat in GET /klachten/{id}/bewaring.
         * @description Rollen: beheerder, procesEigenaar.
         */
        delete: operations["blijvendBewarenOpheffen"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/aanbieders/{aanbiederId}/overdracht": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Einde contract (Klachtenprotocol Wmo keten Amsterdam §9): alle klachten en dossiers van de aanbieder (gemeente + id: de klachten van de gemeente die de id koos, aanbiederGemeente, standaard de eigen) als archief (tar met manifest.json en SHA256SUMS) voor de gemeente; daarna heeft de aanbieder er geen toegang meer toe. Een klacht die nog bij de aanbieder loopt (doorgestuurd of in behandeling) neemt de gemeente meteen over (AANBIEDER_CONTRACT_BEEINDIGD, Wmo 2015 art. 2.1.1): de termijnen van de aanbieder stoppen.
         * @description Rollen: beheerder, procesEigenaar.
         */
        post: operations["aanbiederOverdragen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/klachten/{id}/inzageverzoek": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * AVG art. 15: alles wat over de klager van deze klacht bewaard wordt, met wie het dossier las (tar met manifest.json en SHA256SUMS).
         * @description Rollen: beheerder.
         */
        get: operations["inzageverzoekExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        QueueHealthDto: {
            /** @enum {string} */
            backend: "redis" | "postgres";
            /** @enum {string} */
            status: "ok" | "down";
        };
        HealthDto: {
            /** @enum {string} */
            status: "ok" | "down";
            /** @enum {string} */
            database: "ok" | "down";
            queue: components["schemas"]["QueueHealthDto"];
        };
        LiveDto: {
            /** @enum {string} */
            status: "ok";
        };
        NieuweApiSleutelDto: {
            /** @description Waarvoor de sleutel is, bijv. "Koppeling zaaksysteem". */
            naam: string;
            /**
             * @description De rol van de houder.
             * @enum {string}
             */
            rol: "beleidsmedewerker" | "klachtbehandelaar" | "aanbieder" | "procesEigenaar" | "systeem" | "beheerder";
            /** @description Verplicht bij rol aanbieder: het id van de aanbieder. */
            aanbiederId?: string;
            /**
             * @description Alleen bij rol aanbieder: de gemeente die het aanbieder-id koos (een id is per gemeente). Standaard de eigen gemeente; na een herindeling ook een gemeente die in de eigen gemeente opging (Wet arhi art. 40): de sleutel ziet dan precies de klachten van die gemeente over die aanbieder, niet die van de eigen gemeente met hetzelfde id.
             * @example GM0457
             */
            aanbiederGemeente?: string;
        };
        AangemaakteApiSleutelDto: {
            /** Format: uuid */
            id: string;
            /** @example GM0363 */
            gemeente: string;
            /** @enum {string} */
            rol: "beleidsmedewerker" | "klachtbehandelaar" | "aanbieder" | "procesEigenaar" | "systeem" | "beheerder";
            aanbiederId?: string | null;
            /** @description Bij rol aanbieder: de gemeente die het aanbieder-id koos (de eigen, of een gemeente die erin opging); anders null. */
            aanbiederGemeente?: string | null;
            naam: string;
            /** @description Publiek deel van de sleutel (herkenning in logs). */
            prefix: string;
            /** Format: date-time */
            aangemaaktOp: string;
            /** Format: date-time */
            ingetrokkenOp?: string | null;
            /** @description De sleutel zelf. Wordt maar één keer getoond: bewaar hem nu. */
            sleutel: string;
        };
        ApiSleutelDto: {
            /** Format: uuid */
            id: string;
            /** @example GM0363 */
            gemeente: string;
            /** @enum {string} */
            rol: "beleidsmedewerker" | "klachtbehandelaar" | "aanbieder" | "procesEigenaar" | "systeem" | "beheerder";
            aanbiederId?: string | null;
            /** @description Bij rol aanbieder: de gemeente die het aanbieder-id koos (de eigen, of een gemeente die erin opging); anders null. */
            aanbiederGemeente?: string | null;
            naam: string;
            /** @description Publiek deel van de sleutel (herkenning in logs). */
            prefix: string;
            /** Format: date-time */
            aangemaaktOp: string;
            /** Format: date-time */
            ingetrokkenOp?: string | null;
        };
        DossierInzageDto: {
            /** @description Wanneer het dossier werd ingezien. */
            op: string;
            /** @description Wie: de API-sleutel of de OIDC-gebruiker. */
            wie: string;
            /** @description De rol waarmee. */
            rol: string;
            /** @description De aanbieder, bij de rol aanbieder. */
            aanbiederId?: string | null;
        };
        NieuwWebhookAbonnementDto: {
            /**
             * @description URL die de CloudEvents ontvangt (https buiten het eigen netwerk).
             * @example https://zaaksysteem.gemeente.nl/klachtregie/events
             */
            url: string;
            /**
             * @description CloudEvent-types om te ontvangen; leeg = alles. Een `*` aan het eind kiest een voorvoegsel. Types: nl.klachtregie.klacht.ontvangen, nl.klachtregie.klacht.status-gewijzigd, nl.klachtregie.klacht.afgedaan, nl.klachtregie.klacht.registratie-gewijzigd, nl.klachtregie.termijn.gestart, nl.klachtregie.termijn.beeindigd, nl.klachtregie.termijn.herinnering, nl.klachtregie.termijn.verlopen, nl.klachtregie.termijn.escalatie, nl.klachtregie.opdracht.*, nl.klachtregie.rapportage.herinnering, nl.klachtregie.rapportage.escalatie, nl.klachtregie.rapportage.gegenereerd.
             * @example [
             *       "nl.klachtregie.klacht.afgedaan",
             *       "nl.klachtregie.termijn.*"
             *     ]
             */
            typen?: string[];
            /** @description Eigen geheim (minstens 24 tekens) voor de handtekening; zonder dit maakt Klachtregie er een. */
            secret?: string;
            /** @description Alleen gebeurtenissen over klachten van deze aanbieder. */
            aanbiederId?: string;
            /**
             * @description De gemeente die de aanbieder-id koos (een id is per gemeente), standaard de eigen; na een herindeling ook een gemeente die erin is opgegaan (Wet arhi art. 40). Alleen met aanbiederId.
             * @example GM0457
             */
            aanbiederGemeente?: string;
            omschrijving?: string;
        };
        AangemaaktWebhookAbonnementDto: {
            /** Format: uuid */
            id: string;
            /** @example GM0363 */
            gemeente: string;
            url: string;
            typen: string[];
            aanbiederId?: string | null;
            /**
             * @description De gemeente die de aanbieder-id koos (bij een abonnement voor een aanbieder); anders null.
             * @example GM0363
             */
            aanbiederGemeente?: string | null;
            omschrijving?: string | null;
            actief: boolean;
            /** Format: date-time */
            aangemaaktOp: string;
            /** @description Het geheim voor de Klachtregie-Signature; alleen nu zichtbaar. */
            secret: string;
        };
        WebhookAbonnementDto: {
            /** Format: uuid */
            id: string;
            /** @example GM0363 */
            gemeente: string;
            url: string;
            typen: string[];
            aanbiederId?: string | null;
            /**
             * @description De gemeente die de aanbieder-id koos (bij een abonnement voor een aanbieder); anders null.
             * @example GM0363
             */
            aanbiederGemeente?: string | null;
            omschrijving?: string | null;
            actief: boolean;
            /** Format: date-time */
            aangemaaktOp: string;
        };
        LinkDto: {
            /** @example /api/v1/klachten?page=2&pageSize=20 */
            href: string;
        };
        PaginaLinksDto: {
            self: components["schemas"]["LinkDto"];
            first: components["schemas"]["LinkDto"];
            prev?: components["schemas"]["LinkDto"];
            next?: components["schemas"]["LinkDto"];
            last: components["schemas"]["LinkDto"];
        };
        WebhookAfleveringDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            abonnementId: string;
            /**
             * Format: uuid
             * @description CloudEvent id
             */
            eventId: string;
            /** @example nl.klachtregie.klacht.afgedaan */
            eventType: string;
            /** Format: uuid */
            klachtId?: string | null;
            /** @description Volgorde binnen de klacht */
            sequence: string;
            /** @enum {string} */
            status: "wachtend" | "afgeleverd" | "vervallen";
            pogingen: number;
            /** Format: date-time */
            volgendePogingOp: string;
            laatsteStatus?: number | null;
            laatsteFout?: string | null;
            /** Format: date-time */
            afgeleverdOp?: string | null;
            /** Format: date-time */
            aangemaaktOp: string;
        };
        WebhookAfleveringLijstDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["WebhookAfleveringDto"][];
        };
        AanbiederDto: {
            /**
             * @description Id van de aanbieder (ketenpartner) in het contractbeheer.
             * @example zorgaanbieder-noord
             */
            id: string;
            /** @example Zorgaanbieder Noord */
            naam?: string;
            /**
             * @example wmo
             * @enum {string}
             */
            type?: "wmo" | "jeugdhulp" | "zorg" | "overig";
        };
        RegistratieDto: {
            /**
             * @description Aard (categorie) van de klacht. Een waarde uit registratie.aard van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden.
             * @example bejegening
             */
            aard?: string;
            /**
             * @description Oorzaak. Een waarde uit registratie.oorzaak van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden.
             * @example planning
             */
            oorzaak?: string;
            /**
             * @description Hoe de klacht is afgewikkeld. Een waarde uit registratie.afwikkeling van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden.
             * @example excuses
             */
            afwikkeling?: string;
            /**
             * @description Getroffen of te treffen maatregelen (vervangt de vorige lijst). Elk een waarde uit registratie.maatregelen van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden.
             * @example [
             *       "werkinstructie aangepast"
             *     ]
             */
            maatregelen?: string[];
            /**
             * @description Of de klager tevreden is. Een waarde uit registratie.tevredenheid van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden. KLAGER_TEVREDEN en KLAGER_ONTEVREDEN vullen dit zelf (tevreden / ontevreden).
             * @example tevreden
             */
            tevredenheid?: string;
        };
        KlachtIntakeDto: {
            /**
             * @description CBS-gemeentecode
             * @example GM0363
             */
            gemeente: string;
            /**
             * @example webformulier
             * @enum {string}
             */
            kanaal: "telefoon" | "balie" | "brief" | "webformulier" | "email";
            /**
             * @description Moment van ontvangst (ISO 8601 met tijdzone); bepaalt de termijnen.
             * @example 2026-04-02T10:00:00+02:00
             */
            ontvangenOp: string;
            /**
             * @example gemeente
             * @enum {string}
             */
            ingediendBij: "gemeente" | "aanbieder" | "ombudsman";
            /**
             * @example klacht
             * @enum {string}
             */
            soort?: "klacht" | "signaal" | "melding" | "stoppenMetLeveren" | "eigenOnderzoek";
            /** @example Hulp bij het huishouden komt niet opdagen */
            onderwerp?: string;
            aanbieders: components["schemas"]["AanbiederDto"][];
            /**
             * @description Routeringsfeiten die de definitie van de gemeente toetst.
             * @example {
             *       "complex": false,
             *       "eerderBijAanbieder": false
             *     }
             */
            feiten: {
                [key: string]: unknown;
            };
            /** @description Registratie voor de rapportages, als die bij ontvangst al bekend is (meestal aard en oorzaak). */
            registratie?: components["schemas"]["RegistratieDto"];
        };
        DataVeldDto: {
            /** @example oordeel */
            naam: string;
            verplicht: boolean;
            /**
             * @description tekst; teksten (tekst of lijst teksten); keuze (een van waarden); jaNee (true/false); waar (moet true zijn); duur (ISO 8601, bijv. P4W); datum (JJJJ-MM-DD); termijn (naam van een lopende termijn, in waarden); intake (object: een nieuwe intake); registratie (object, waarden in registratieWaarden).
             * @enum {string}
             */
            soort: "tekst" | "teksten" | "keuze" | "jaNee" | "waar" | "duur" | "datum" | "termijn" | "intake" | "registratie";
            omschrijving: string;
            /** @description Bij keuze: de waarden die nu zijn toegestaan (bij een termijn: de lopende termijnen). */
            waarden?: string[];
        };
        VolgendeGebeurtenisDto: {
            /** @example AFDOENEN */
            type: string;
            /** @example klacht afgedaan met een schriftelijk, gemotiveerd oordeel */
            omschrijving: string;
            data: components["schemas"]["DataVeldDto"][];
        };
        RegistratieWaardenDto: {
            /**
             * @example [
             *       "bejegening",
             *       "bereikbaarheid"
             *     ]
             */
            aard: string[];
            /**
             * @example [
             *       "planning",
             *       "personeelstekort"
             *     ]
             */
            oorzaak: string[];
            /**
             * @example [
             *       "excuses",
             *       "uitleg"
             *     ]
             */
            afwikkeling: string[];
            /**
             * @example [
             *       "werkinstructie aangepast"
             *     ]
             */
            maatregelen: string[];
            /**
             * @example [
             *       "tevreden",
             *       "ontevreden"
             *     ]
             */
            tevredenheid: string[];
        };
        HerinneringDto: {
            /** @example eenWeekVoorAfloop */
            naam: string;
            /**
             * Format: date
             * @description Dag van de herinnering (Europe/Amsterdam).
             */
            datum: string;
            /** @example behandelaar */
            naar: string;
            /**
             * Format: date-time
             * @description Begin van die dag.
             */
            op: string;
            /** Format: date-time */
            verzondenOp?: string;
            /**
             * Format: date-time
             * @description Niet verzonden: de herinnering kwam pas aan de beurt toen de termijn al verstreken was.
             */
            overgeslagenOp?: string;
        };
        MutatieDto: {
            /** @enum {string} */
            soort: "verdaging" | "opschorting" | "hervatting" | "instemming";
            /**
             * Format: date-time
             * @description Wanneer (bij verdaging: de schriftelijke mededeling).
             */
            at: string;
            /**
             * @description Verdaging: ISO 8601-duur (Awb 9:11 lid 2).
             * @example P2W
             */
            duur?: string;
            /**
             * Format: date
             * @description Instemming: de afgesproken datum (Awb 9:11 lid 3).
             */
            tot?: string;
            /** @description Instemming: schriftelijk gegeven. */
            schriftelijk?: boolean;
            reden?: string;
            /**
             * Format: date
             * @description De vervaldatum na deze wijziging.
             */
            vervaldatumNa: string;
            /**
             * Format: date
             * @description De vervaldatum vlak vóór deze wijziging; bij de eerste verdaging of instemming de laatste dag van vóór de verlenging. Ontbreekt bij wijzigingen die zijn vastgelegd voordat Klachtregie dit bijhield.
             */
            vervaldatumVoor?: string;
            /**
             * Format: date
             * @description De laatste dag die de termijn na deze wijziging zou hebben als hij nooit was verlengd (geen verdaging, geen uitstel met instemming): de oorspronkelijke laatste dag, alleen verschoven met de dagen dat hij was opgeschort (voorlopig zolang hij is opgeschort). Nagekomen uiterlijk op deze dag is op tijd, ook als de termijn was verlengd. Ontbreekt bij wijzigingen die zijn vastgelegd voordat Klachtregie dit bijhield.
             */
            vervaldatumZonderVerlenging?: string;
        };
        TermijnViewDto: {
            /** @example afhandeling */
            naam: string;
            /** @example Afhandeltermijn (Awb 9:11) */
            label: string;
            /**
             * Format: date
             * @example 2026-05-18
             */
            vervaldatum: string;
            /**
             * Format: date-time
             * @description Moment waarop de termijn verstreken is (einde van de laatste dag, Europe/Amsterdam).
             */
            vervaltOp: string;
            /** @description Uitleg van de berekening, een regel per stap. */
            uitleg: string[];
            /** @enum {string} */
            status: "lopend" | "nagekomen" | "verlopen" | "vervallen";
            revision: number;
            herinneringen: components["schemas"]["HerinneringDto"][];
            /** @example leidinggevende */
            escalatieNaar?: string | null;
            /** @example Awb 9:11 lid 1 */
            grondslag?: string | null;
            mutaties: components["schemas"]["MutatieDto"][];
            /** @description Een verplichting van gemeente of aanbieder (false: een termijn van de klager, zoals het jaar voor de ombudsman, Awb 9:24). */
            verplichting: boolean;
            /**
             * @description Van wie de termijn is waar de naam dat niet zegt: `contact` van de aanbieder (contract, Klachtenprotocol Wmo keten) of van de gemeente (haar klachtenregeling); een klacht die naar de gemeente gaat, kan beide hebben. Null bij elke andere termijn.
             * @enum {string|null}
             */
            voor: "aanbieder" | "gemeente" | null;
            /**
             * Format: date-time
             * @description Een verlopen verplichting: wanneer ze alsnog is nagekomen of de klacht eindigde (daarna niet meer te laat).
             */
            geslotenOp?: string | null;
            /** @description Te laat: een verplichting waarvan de termijn voorbij is en die nog niet is nagekomen, zolang de klacht loopt (docs/te-laat.md). */
            overdue: boolean;
        };
        GebeurtenisViewDto: {
            id: string;
            /** @example KLACHT_ONTVANGEN */
            type: string;
            /** @description Null bij de eerste gebeurtenis. */
            vanState: string | null;
            naarState: string;
            actor: string;
            /** Format: date-time */
            at: string;
            /** @description X-Correlation-ID van het verzoek dat de gebeurtenis bracht. */
            correlationId: string | null;
            payload: {
                [key: string]: unknown;
            };
        };
        KlachtDetailDto: {
            /** Format: uuid */
            id: string;
            /** @example GM0363 */
            gemeente: string;
            /** @example gm0363-amsterdam */
            definitieId: string;
            /** @example 2015-01 */
            definitieVersie: string;
            /** @example intern.inBehandeling */
            state: string;
            done: boolean;
            version: number;
            soort: string;
            kanaal: string;
            /** Format: date-time */
            ontvangenOp: string;
            ingediendBij: string;
            onderwerp: string | null;
            aanbieders: components["schemas"]["AanbiederDto"][];
            /** @description Aard van de klacht (registratie.aard). */
            categorie?: string | null;
            /** @description Oorzaak (registratie.oorzaak). */
            oorzaak?: string | null;
            /** @description Afwikkeling (registratie.afwikkeling). */
            afdoening?: string | null;
            /** @description Oordeel uit AFDOENEN (Awb 9:12 lid 1). */
            oordeel?: string | null;
            /** @description Tevredenheid van de klager (registratie.tevredenheid, of uit KLAGER_TEVREDEN / KLAGER_ONTEVREDEN). */
            tevredenheid?: string | null;
            /** @description Maatregelen (registratie.maatregelen). */
            maatregelen: string[];
            feiten: {
                [key: string]: unknown;
            };
            /** @description Gebeurtenissen die de aanroeper nu kan sturen (POST /klachten/{id}/gebeurtenissen), met de data die elk nodig heeft. Gebeurtenissen van het systeem zelf (TERMIJN_VERLOPEN) staan er niet in. */
            volgendeEvents: components["schemas"]["VolgendeGebeurtenisDto"][];
            /** @description De toegestane registratiewaarden van de definitieversie van deze klacht. */
            registratieWaarden?: components["schemas"]["RegistratieWaardenDto"] | null;
            /** @description De klacht is te laat: een verplichting is over haar termijn en nog niet nagekomen (docs/te-laat.md); dezelfde definitie als overdue=true, het procesoverzicht en de rapportage. */
            teLaat: boolean;
            termijnen: components["schemas"]["TermijnViewDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            gebeurtenissen: components["schemas"]["GebeurtenisViewDto"][];
        };
        KlachtViewDto: {
            /** Format: uuid */
            id: string;
            /** @example GM0363 */
            gemeente: string;
            /** @example gm0363-amsterdam */
            definitieId: string;
            /** @example 2015-01 */
            definitieVersie: string;
            /** @example intern.inBehandeling */
            state: string;
            done: boolean;
            version: number;
            soort: string;
            kanaal: string;
            /** Format: date-time */
            ontvangenOp: string;
            ingediendBij: string;
            onderwerp: string | null;
            aanbieders: components["schemas"]["AanbiederDto"][];
            /** @description Aard van de klacht (registratie.aard). */
            categorie?: string | null;
            /** @description Oorzaak (registratie.oorzaak). */
            oorzaak?: string | null;
            /** @description Afwikkeling (registratie.afwikkeling). */
            afdoening?: string | null;
            /** @description Oordeel uit AFDOENEN (Awb 9:12 lid 1). */
            oordeel?: string | null;
            /** @description Tevredenheid van de klager (registratie.tevredenheid, of uit KLAGER_TEVREDEN / KLAGER_ONTEVREDEN). */
            tevredenheid?: string | null;
            /** @description Maatregelen (registratie.maatregelen). */
            maatregelen: string[];
            feiten: {
                [key: string]: unknown;
            };
            /** @description Gebeurtenissen die de aanroeper nu kan sturen (POST /klachten/{id}/gebeurtenissen), met de data die elk nodig heeft. Gebeurtenissen van het systeem zelf (TERMIJN_VERLOPEN) staan er niet in. */
            volgendeEvents: components["schemas"]["VolgendeGebeurtenisDto"][];
            /** @description De toegestane registratiewaarden van de definitieversie van deze klacht. */
            registratieWaarden?: components["schemas"]["RegistratieWaardenDto"] | null;
            /** @description De klacht is te laat: een verplichting is over haar termijn en nog niet nagekomen (docs/te-laat.md); dezelfde definitie als overdue=true, het procesoverzicht en de rapportage. */
            teLaat: boolean;
            termijnen: components["schemas"]["TermijnViewDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        KlachtPaginaDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["KlachtViewDto"][];
        };
        GebeurtenisDto: {
            /**
             * @description Gebeurtenistype in SCREAMING_SNAKE_CASE.
             * @example IN_BEHANDELING_NEMEN
             */
            type: string;
            /**
             * @description Wanneer het gebeurde (ISO 8601); standaard nu.
             * @example 2026-04-20T14:00:00+02:00
             */
            at?: string;
            /**
             * @description De data die het type nodig heeft (zie volgendeEvents in de klacht: veldnamen en toegestane waarden). Elke gebeurtenis mag ook `registratie` meegeven ({ aard, oorzaak, afwikkeling, maatregelen: [..], tevredenheid }, waarden uit registratieWaarden). Ontbrekende of ongeldige data: 422 met de velden in invalidParams.
             * @example {
             *       "oordeel": "deelsGegrond",
             *       "registratie": {
             *         "afwikkeling": "excuses",
             *         "maatregelen": [
             *           "werkinstructie aangepast"
             *         ]
             *       }
             *     }
             */
            data?: {
                [key: string]: unknown;
            };
        };
        RegistratieWijzigingDto: {
            /**
             * @description Aard (categorie) van de klacht. Een waarde uit registratie.aard van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden.
             * @example bejegening
             */
            aard?: string;
            /**
             * @description Oorzaak. Een waarde uit registratie.oorzaak van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden.
             * @example planning
             */
            oorzaak?: string;
            /**
             * @description Hoe de klacht is afgewikkeld. Een waarde uit registratie.afwikkeling van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden.
             * @example excuses
             */
            afwikkeling?: string;
            /**
             * @description Getroffen of te treffen maatregelen (vervangt de vorige lijst). Elk een waarde uit registratie.maatregelen van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden.
             * @example [
             *       "werkinstructie aangepast"
             *     ]
             */
            maatregelen?: string[];
            /**
             * @description Of de klager tevreden is. Een waarde uit registratie.tevredenheid van de definitie(versie) van de klacht; een andere waarde geeft 422 met de toegestane waarden. KLAGER_TEVREDEN en KLAGER_ONTEVREDEN vullen dit zelf (tevreden / ontevreden).
             * @example tevreden
             */
            tevredenheid?: string;
            /**
             * @description Wanneer geregistreerd (ISO 8601 met tijdzone); standaard nu. Komt in de historie.
             * @example 2026-05-20T14:00:00+02:00
             */
            at?: string;
        };
        ImportUploadDto: {
            /**
             * Format: binary
             * @description Het importbestand: NDJSON, één klacht per regel (docs/import.md).
             */
            bestand: string;
            /** @description Naam van de import; standaard de bestandsnaam. */
            naam?: string;
        };
        ImportFoutDto: {
            /**
             * @description Regelnummer in het bestand (vanaf 1).
             * @example 7
             */
            regel: number;
            /**
             * @description Het veld in de regel.
             * @example intake.kanaal
             */
            veld: string;
            /** @example kanaal must be one of the following values: telefoon, balie, brief, webformulier, email */
            reden: string;
            /** @description Sleutel van de klacht in het bronsysteem, als de regel die had. */
            extern?: string | null;
            /**
             * Format: uuid
             * @description De klacht die de regel toch maakte: de intake is vastgelegd, een latere gebeurtenis niet (gedeeltelijk geïmporteerd). Leeg als er niets van de regel is vastgelegd.
             */
            klachtId?: string | null;
        };
        ImportDto: {
            /** Format: uuid */
            id: string;
            /** @example historie-2024.ndjson */
            naam: string;
            /**
             * @description klaar: elke regel is verwerkt (geïmporteerd of met fouten gemeld).
             * @enum {string}
             */
            status: "bezig" | "klaar";
            /** @description Niet-lege regels in het bestand. */
            totaal: number;
            /** @description Regels verwerkt (geïmporteerd + fout). */
            verwerkt: number;
            geimporteerd: number;
            /** @description Regels met een fout. Meestal is er niets van vastgelegd; een regel waarvan de intake wel is vastgelegd en een latere gebeurtenis niet, noemt zijn klacht (fouten[].klachtId). */
            fout: number;
            /** @description SHA-256 van het bestand: hetzelfde bestand opnieuw sturen hervat deze import. */
            bronHash: string;
            /** @description De eerste 1000 fouten, op regelnummer. */
            fouten: components["schemas"]["ImportFoutDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            voltooidOp?: string | null;
        };
        KlachtenOpVersieDto: {
            /** @example gm0363-amsterdam */
            definitieId: string;
            /** @example 2015-01 */
            versie: string;
            /** @example 2 */
            klachten: number;
        };
        TerugwerkendeKrachtDto: {
            /**
             * Format: date
             * @description De dag van goedkeuring: de Nederlandse kalenderdag van de klok van de dienst
             * @example 2026-09-15
             */
            vandaag: string;
            /**
             * Format: date
             * @description De eerste dag waarop de versie terugwerkt: haar geldigVanaf
             * @example 2026-09-01
             */
            van: string;
            /**
             * Format: date
             * @description De laatste verstreken dag die zij dekt: gisteren, of haar geldigTot als die eerder is, of de dag vóór een al gepubliceerde versie van de gemeente die later begint
             * @example 2026-09-14
             */
            tot: string;
            /**
             * @description Het aantal dagen van van tot en met tot
             * @example 14
             */
            dagen: number;
            /**
             * @description Klachten van de gemeente (en van een gemeente die zij dan al overnam) ontvangen in die dagen: zij lopen op de versie van hun registratie en blijven daarop
             * @example 2
             */
            klachten: number;
            /** @description Dezelfde klachten per versie waarop zij lopen */
            perVersie: components["schemas"]["KlachtenOpVersieDto"][];
            /** @description Hetzelfde in woorden, voor wie goedkeurt */
            melding: string;
        };
        DefinitieVersieDto: {
            /** @example gm0363-amsterdam */
            definitieId: string;
            /** @example GM0363 */
            gemeente: string;
            /** @example Amsterdam */
            gemeenteNaam: string;
            /** @example 2015-01 */
            versie: string;
            /**
             * Format: date
             * @example 2015-01-01
             */
            geldigVanaf: string;
            /**
             * Format: date
             * @example 2026-12-31
             */
            geldigTot?: string;
            /**
             * @description repository: definitions/ in de code; api: gepubliceerd met POST /definities
             * @enum {string}
             */
            bron: "repository" | "api";
        };
        DefinitieLijstDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["DefinitieVersieDto"][];
        };
        DefinitieDto: {
            /** @example gm0363-amsterdam */
            id: string;
            /** @example GM0363 */
            gemeente: string;
            /** @description Nieuwste eerst */
            versies: components["schemas"]["DefinitieVersieDto"][];
        };
        DefinitieTekstDto: {
            /** @example gm0363-amsterdam */
            definitieId: string;
            /** @example 2015-01 */
            versie: string;
            /**
             * Format: date
             * @example 2015-01-01
             */
            geldigVanaf: string;
            /** @description De YAML zoals gepubliceerd */
            yaml: string;
        };
        DefinitieYamlDto: {
            /**
             * @description De definitie als YAML (zie docs/definities.md).
             * @example gemeente:
             *       cbsCode: GM0363
             *       naam: Amsterdam
             *     versie: '2026-01'
             *     ...
             */
            yaml: string;
        };
        DefinitieFoutDto: {
            /** @example gm0363-amsterdam/2026-01.yaml */
            file: string;
            /** @example 12 */
            line: number;
            /** @example 3 */
            column: number;
            /** @example afhandeling: 8 weken is langer dan Awb 9:11 toestaat (6 weken) */
            message: string;
            /** @description Wat u in plaats daarvan schrijft. */
            hint?: string;
            /**
             * @description Alleen bij een waarschuwing: de definitie is geldig, maar zegt waarschijnlijk niet wat bedoeld is. Zonder ernst: een fout.
             * @enum {string}
             */
            ernst?: "waarschuwing";
            /**
             * @description file:line:column: message
             * @example gm0363-amsterdam/2026-01.yaml:12:3: ...
             */
            tekst: string;
        };
        DefinitieValidatieDto: {
            /** @example gm0363-amsterdam */
            definitieId: string;
            /** @example 2026-01 */
            versie?: string;
            geldig: boolean;
            fouten: components["schemas"]["DefinitieFoutDto"][];
            /** @description Bevindingen die de definitie niet ongeldig maken, maar waarschijnlijk niet bedoeld zijn (ernst: waarschuwing). */
            waarschuwingen: components["schemas"]["DefinitieFoutDto"][];
        };
        VoorstelStapDto: {
            /**
             * @description De stap: voorgesteld, goedgekeurd of afgewezen
             * @enum {string}
             */
            stap: "voorgesteld" | "goedgekeurd" | "afgewezen";
            /**
             * @description Wie: de sleutel of het token (subject)
             * @example api-sleutel:3f1e3f2c-7e0a-4b8f-9d3c-2b0e6f1a9c11
             */
            door: string;
            /**
             * @description De naam van de sleutel of medewerker op het moment van de stap
             * @example Sanne Jansen
             */
            doorNaam: string;
            /** Format: date-time */
            op: string;
            /** @description De reden (verplicht bij afwijzen) */
            reden?: string;
            /** @example gm0363-amsterdam */
            definitieId: string;
            /** @example 2026-10 */
            versie: string;
            /** Format: uuid */
            voorstelId: string;
            /** @description Alleen bij goedgekeurd met terugwerkende kracht: wat wie goedkeurde heeft bevestigd */
            terugwerkendeKracht?: components["schemas"]["TerugwerkendeKrachtDto"];
        };
        GesplitsteDagDto: {
            /**
             * Format: date
             * @description De dag van goedkeuring (de Nederlandse kalenderdag van de klok van de dienst), waarop de versie geldt
             * @example 2026-09-15
             */
            dag: string;
            /**
             * @description Klachten van de gemeente (en van een gemeente die zij dan al overnam) ontvangen op die dag en al vóór de goedkeuring geregistreerd: zij blijven op hun versie; een klacht van die dag die later wordt geregistreerd, volgt de nieuwe
             * @example 2
             */
            klachten: number;
            /** @description Dezelfde klachten per versie waarop zij lopen */
            perVersie: components["schemas"]["KlachtenOpVersieDto"][];
            /** @description Hetzelfde in woorden, voor wie goedkeurt */
            melding: string;
        };
        VoorstelDto: {
            /** Format: uuid */
            id: string;
            /** @example gm0363-amsterdam */
            definitieId: string;
            /** @example GM0363 */
            gemeente: string;
            /** @example 2026-10 */
            versie: string;
            /**
             * Format: date
             * @example 2026-10-01
             */
            geldigVanaf: string;
            /**
             * @description voorgesteld: wacht op een tweede beleidsmedewerker; goedgekeurd: gepubliceerd, geldt vanaf geldigVanaf; afgewezen: met reden
             * @enum {string}
             */
            status: "voorgesteld" | "goedgekeurd" | "afgewezen";
            voorgesteldDoor: string;
            /** Format: date-time */
            voorgesteldOp: string;
            beoordeeldDoor?: string;
            /** Format: date-time */
            beoordeeldOp?: string;
            /** @description Reden van de afwijzing */
            reden?: string;
            /** @description De voorgestelde YAML, ongewijzigd */
            yaml: string;
            /** @description De waarschuwingen van de validatie bij het voorstellen (geldig, maar waarschijnlijk niet bedoeld): lees ze vóór het goedkeuren. Verdeelde de goedkeuring de klachten van haar dag over twee versies (gesplitsteDag), dan staat dat er sindsdien ook. */
            waarschuwingen: components["schemas"]["DefinitieFoutDto"][];
            /** @description Het auditspoor van dit voorstel, oudste eerst */
            stappen: components["schemas"]["VoorstelStapDto"][];
            /** @description voorgesteld: de geldigVanaf ligt vóór vandaag, dus goedkeuren vraagt terugwerkendeKrachtBevestigd (met wat de versie vandaag zou terugwerken); goedgekeurd: goedgekeurd met terugwerkende kracht, zoals bevestigd. Anders afwezig. */
            terugwerkendeKracht?: components["schemas"]["TerugwerkendeKrachtDto"];
            /** @description Waarschuwing, geen weigering. voorgesteld: goedkeuren zou vandaag de klachten van vandaag over twee versies verdelen (de versie geldt vandaag en er zijn al klachten van vandaag geregistreerd, die op hun versie blijven); het antwoord op de goedkeuring: zo bij de goedkeuring, en dan ook als waarschuwing in waarschuwingen bewaard. Anders afwezig. */
            gesplitsteDag?: components["schemas"]["GesplitsteDagDto"];
        };
        VoorstelLijstDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["VoorstelDto"][];
        };
        GoedkeuringDto: {
            /** @description Verplicht true als de versie terugwerkt (geldigVanaf vóór de dag van goedkeuring): wie goedkeurt bevestigt dan bewust dat zij geldt voor dagen die al voorbij zijn, wat alleen mag waar het de klager niet benadeelt (rechtszekerheid). Zonder bevestiging: 422 terugwerkende-kracht. Bij een geldigVanaf van vandaag of later verandert het niets. Zonder: false. */
            terugwerkendeKrachtBevestigd?: boolean;
        };
        AfwijzingDto: {
            /**
             * @description Waarom het voorstel is afgewezen; verplicht, zodat de indiener weet wat er anders moet.
             * @example De contacttermijn moet 5 werkdagen blijven (Klachtenprotocol Wmo keten §6).
             */
            reden: string;
        };
        VoorstelStappenLijstDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["VoorstelStapDto"][];
        };
        GebeurtenisTypeDto: {
            /** @example AFDOENEN */
            type: string;
            /** @example klacht afgedaan met een oordeel */
            omschrijving: string;
            /** @description Velden van data; een ? betekent optioneel. */
            data: {
                [key: string]: string;
            };
            /** @description Dezelfde velden met hun soort en vaste waarden, zoals POST /klachten/{id}/gebeurtenissen ze controleert (fout: 422). */
            velden: components["schemas"]["DataVeldDto"][];
        };
        TerugkoppelingDto: {
            /**
             * @description registratie, behandeling (in behandeling genomen), afdoening, maatregelen, tevredenheid
             * @enum {string}
             */
            soort: "registratie" | "behandeling" | "afdoening" | "maatregelen" | "terugkoppelingKlager" | "tevredenheid";
            /**
             * @description Wanneer (ISO 8601 met tijdzone); standaard nu.
             * @example 2026-04-20T14:00:00+02:00
             */
            at?: string;
            /**
             * @description Bij afdoening: het oordeel (Awb 9:12).
             * @enum {string}
             */
            oordeel?: "gegrond" | "ongegrond" | "deelsGegrond" | "geenOordeel";
            /** @description Bij afdoening of maatregelen: getroffen of te treffen maatregelen. */
            maatregelen?: string[];
            /** @description Bij tevredenheid: is de klager tevreden? */
            tevreden?: boolean;
            opmerking?: string;
            /** @description Bij elke soort: aard, oorzaak, afwikkeling, maatregelen, tevredenheid voor de rapportage van de gemeente, uit haar lijsten (registratieWaarden van de klacht). Een waarde buiten de lijst: 422, er wordt niets vastgelegd. */
            registratie?: components["schemas"]["RegistratieDto"];
        };
        TerugkoppelingViewDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            klachtId: string;
            /** @enum {string} */
            soort: "registratie" | "behandeling" | "afdoening" | "maatregelen" | "terugkoppelingKlager" | "tevredenheid";
            aanbiederId?: string | null;
            /** @description De toegepaste gebeurtenis, of null als alleen vastgelegd */
            gebeurtenis?: string | null;
            /** @description Of de gebeurtenis op de klacht is toegepast */
            toegepast: boolean;
            /** @description Waarom niet toegepast */
            reden?: string;
            /** @example aanbieder.inBehandeling */
            state: string;
            /** Format: date-time */
            aangemaaktOp: string;
        };
        OmbudsmanVerzoekDto: {
            /** @enum {string} */
            soort: "informatievraag" | "interventieverzoek" | "doorgezondenKlacht" | "eigenOnderzoek";
            /**
             * @description Ontvangen op (ISO 8601 met tijdzone).
             * @example 2026-05-04T09:00:00+02:00
             */
            ontvangenOp: string;
            /**
             * Format: date
             * @description Door de ombudsman gestelde termijn (JJJJ-MM-DD).
             * @example 2026-05-25
             */
            termijn?: string;
            onderwerp?: string;
        };
        OmbudsmanVerzoekViewDto: {
            /**
             * Format: uuid
             * @description De sub-klacht met eigen termijnen
             */
            klachtId: string;
            /** Format: uuid */
            hoofdKlachtId: string;
            /** @enum {string} */
            soort: "informatievraag" | "interventieverzoek" | "doorgezondenKlacht" | "eigenOnderzoek";
            /** @example ombudsman.informatievraag */
            state: string;
            /** @description De gebeurtenis op de hoofdklacht, als die nu past */
            gebeurtenisHoofdKlacht?: string | null;
        };
        AanbiederRapportageDto: {
            /**
             * @description De deadline waarvoor dit de rapportage is (JJJJ-MM-DD).
             * @example 2026-07-01
             */
            deadline: string;
            /**
             * @description Overbodig: de gemeente (CBS-code) die uw aanbieder-id koos staat in uw sleutel (aanbiederGemeente van de sleutel, standaard de gemeente die hem uitgaf). Na een herindeling levert de aanbieder van de opgeheven gemeente in met een sleutel die de opvolger voor die gemeente uitgaf, bijvoorbeeld een sleutel van Amsterdam met aanbiederGemeente GM0457 voor de laatste rapportage van Weesp (vóór 1 juli 2022; Wet arhi art. 40). Noemt u hier een gemeente, dan moet het die van de sleutel zijn; anders 400.
             * @example GM0457
             */
            aanbiederGemeente?: string;
            /** @description De rapportage zelf (naar aard en oorzaak, afwikkeling, maatregelen). */
            inhoud?: {
                [key: string]: unknown;
            };
        };
        DefinitieVoorbeeldDto: {
            /** @description De YAML van de definitie, zoals in definitions/<gemeente>/<versie>.yaml. */
            yaml: string;
            /**
             * @description Bestandsnaam voor de foutmeldingen, bijvoorbeeld 2026-01.yaml.
             * @example 2026-01.yaml
             */
            bestandsnaam?: string;
        };
        MigratieVerzoekDto: {
            /** @description De klachten die naar deze versie gaan (uit de proef; alles of niets). */
            klachten: string[];
            /**
             * @description Waarom (komt in de historie van elke klacht).
             * @example Klachtenregeling 2027: hoorzitting door de klachtadviescommissie
             */
            reden: string;
        };
        ZgwAfleveringDto: {
            /** Format: uuid */
            klachtId: string;
            /** @example GM0363 */
            gemeente: string;
            /** @description De zaak in het zaakregister (Zaken API), zodra die bestaat. */
            zaakUrl: string | null;
            /**
             * @description vastgelopen: gestopt (dead letter): na ZGW_MAX_POGINGEN pogingen, of meteen bij een fout die een nieuwe poging niet oplost (geen koppeling voor de versie van de regeling, een eindstatus zonder resultaat)
             * @enum {string}
             */
            status: "wachtend" | "afgeleverd" | "vastgelopen";
            pogingen: number;
            /** Format: date-time */
            volgendePogingOp: string;
            laatsteFout: string | null;
            /** Format: date-time */
            afgeleverdOp: string | null;
        };
        ZgwAfleveringLijstDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["ZgwAfleveringDto"][];
        };
        DocumentUploadDto: {
            /**
             * Format: binary
             * @description het bestand: PDF, PNG, JPEG, platte tekst (UTF-8) of .docx, hoogstens 10 MiB
             */
            bestand: string;
            /** @enum {string} */
            soort: "klaagschrift" | "verslagHoren" | "correspondentie" | "bijlage";
            /** @description standaard de bestandsnaam */
            titel?: string;
        };
        DocumentDto: {
            /** Format: uuid */
            id: string;
            /**
             * @description brief: een brief die Klachtregie zelf opmaakte (HTML of PDF)
             * @enum {string}
             */
            soort: "klaagschrift" | "verslagHoren" | "correspondentie" | "bijlage" | "brief";
            /** @example klaagschrift.pdf */
            titel: string;
            /**
             * @description bepaald uit de inhoud, niet uit wat de client opgaf
             * @example application/pdf
             */
            mediaType: string;
            /** @description in bytes */
            grootte: number;
            /**
             * @description SHA-256 van de inhoud (hex)
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            sha256: string;
            /**
             * Format: uuid
             * @description de brief waarvan dit de HTML of PDF is
             */
            briefId?: string;
            /** @description wie het document toevoegde (api-sleutel:<id>, oidc:<sub>, klachtregie) */
            door: string;
            /** Format: date-time */
            op: string;
        };
        DocumentPaginaDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["DocumentDto"][];
        };
        BriefDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            soort: "ontvangstbevestiging" | "niet-behandelen" | "verdaging" | "afdoening" | "doorzending";
            /** @example Afhandeling van uw klacht */
            titel: string;
            /** @example klager */
            aan: string;
            /** @example Awb 9:12 */
            grondslag?: string;
            /**
             * Format: date
             * @description datum van de brief: de dag waarop Klachtregie hem opmaakte
             */
            datum: string;
            /** @enum {string} */
            status: "opgemaakt" | "niet-opgemaakt";
            /** @description waarom de brief niet is opgemaakt: geen of een ongeldig sjabloon, een handeling die achteraf is geregistreerd, of geïmporteerde historie */
            reden?: string;
            /** @description velden die de wet eist en die in het dossier nog leeg waren, bijvoorbeeld bevindingen */
            ontbrekend: string[];
            /** @example gm0363-amsterdam/brieven/2015-01/afdoening.hbs */
            sjabloon?: string;
            /** @description de HTML (GET …/brieven/{briefId}/html) */
            html?: components["schemas"]["DocumentDto"];
            /** @description de PDF (GET …/brieven/{briefId}/pdf) */
            pdf?: components["schemas"]["DocumentDto"];
            /** Format: date-time */
            gemaaktOp: string;
        };
        BriefPaginaDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["BriefDto"][];
        };
        DossierRegelDto: {
            /** @enum {string} */
            soort: "gebeurtenis" | "brief" | "document";
            /** Format: date-time */
            op: string;
            /** @description in het Nederlands, bijvoorbeeld "Brief: Afhandeling van uw klacht (Awb 9:12) aan klager" */
            omschrijving: string;
            /** @description het type gebeurtenis */
            gebeurtenis?: string;
            /** Format: uuid */
            briefId?: string;
            /** Format: uuid */
            documentId?: string;
            /** @description SHA-256 van de PDF van de brief, of van het document */
            sha256?: string;
        };
        DossierPaginaDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["DossierRegelDto"][];
        };
        VernietigingslijstRegelDto: {
            /**
             * Format: uuid
             * @description de klacht, zolang zij niet vernietigd is
             */
            klachtId?: string;
            /** @description SHA-256 van het klacht-id: blijft na vernietiging, zonder persoonsgegevens */
            kenmerk: string;
            /**
             * @description gemeente: Selectielijst gemeenten 2020, 13.1; viaOmbudsman: 13.1.2; nietOntvankelijk: 13.1.4 (de klacht is niet behandeld, Awb 9:8; 1 jaar); aanbieder: de bewaartermijn van de ketenpartner. Een klacht onder 13.1.3 (blijvend bewaren) komt op geen lijst
             * @enum {string}
             */
            categorie: "gemeente" | "viaOmbudsman" | "aanbieder" | "nietOntvankelijk";
            /** @example Selectielijst gemeenten 2020, 13.1 */
            grondslag: string;
            /** @example P5Y */
            bewaartermijn: string;
            /** Format: date */
            afgeslotenOp: string;
            /** Format: date */
            vernietigbaarVanaf: string;
            /** @description wat er van de klacht bewaard was: gebeurtenissen, termijnen, brieven, documenten */
            aantallen: Record<string, never>;
            /**
             * @description uitgesteld: goedgekeurd, maar de outbox verwerkt nog berichten van de klacht; de dagelijkse run vernietigt haar daarna
             * @enum {string}
             */
            status: "voorgesteld" | "vernietigd" | "overgeslagen" | "uitgesteld";
            /** @description waarom overgeslagen of uitgesteld; bij vernietigd alleen als een bericht van de klacht in de outbox na herhaald mislukken zonder verwerking met haar vernietigd is; bij voorgesteld op een lijst die nog wacht: 'bij goedkeuring overgeslagen: …' als de goedkeuring haar vandaag zou overslaan (de klacht is sindsdien heropend of er kwam een verzoek van de ombudsman over) */
            reden?: string;
            /**
             * Format: date-time
             * @description wanneer de klacht werkelijk vernietigd is (bij de goedkeuring, of bij de dagelijkse run die een uitgestelde vernietiging uitvoerde); alleen bij status vernietigd
             */
            vernietigdOp?: string;
        };
        VernietigingslijstDto: {
            /** Format: uuid */
            id: string;
            /** @example GM0363 */
            gemeente: string;
            /** @enum {string} */
            status: "voorgesteld" | "uitgevoerd";
            /** Format: date */
            peildatum: string;
            /** Format: date-time */
            opgesteldOp: string;
            /** @description klachtregie (de dagelijkse taak) of wie de lijst opstelde */
            opgesteldDoor: string;
            /** @description de eerste van de vier ogen: wie de lijst opstelde, of bij een lijst van de dagelijkse taak wie haar ondertekende; ontbreekt zolang zo’n lijst niet ondertekend is (dan kan zij niet worden goedgekeurd) */
            ondertekendDoor?: string;
            /** Format: date-time */
            ondertekendOp?: string;
            /** @description de tweede van de vier ogen: altijd een ander dan wie opstelde of ondertekende */
            goedgekeurdDoor?: string;
            goedgekeurdRol?: string;
            /** Format: date-time */
            uitgevoerdOp?: string;
            regels?: components["schemas"]["VernietigingslijstRegelDto"][];
        };
        VernietigingslijstPaginaDto: {
            /** @description Aantal resultaten over alle pagina’s. */
            totaal: number;
            page: number;
            pageSize: number;
            links: components["schemas"]["PaginaLinksDto"];
            resultaten: components["schemas"]["VernietigingslijstDto"][];
        };
        BewaarBlokkadeDto: {
            /**
             * @description waarom de klacht niet vernietigd mag worden
             * @example Woo-verzoek 2026-014 loopt
             */
            reden: string;
        };
        BewaarBlokkadeStandDto: {
            /** Format: uuid */
            klachtId: string;
            /**
             * @description waarom de klacht niet vernietigd mag worden
             * @example Woo-verzoek 2026-014 loopt
             */
            reden: string;
            /** @description wie de blokkade zette */
            door: string;
            /**
             * Format: date-time
             * @description wanneer de blokkade gezet is
             */
            op: string;
        };
        BewaarOpheffenDto: {
            /**
             * @description waarom de blokkade of markering wordt opgeheven (verplicht; staat in de bewaarhistorie van de klacht)
             * @example Woo-verzoek 2026-014 afgehandeld
             */
            reden: string;
        };
        BlijvendBewarenStandDto: {
            /** Format: uuid */
            klachtId: string;
            /**
             * @description de blijvend te bewaren zaak waarop de klacht invloed had
             * @example ZAAK-2024-000123
             */
            zaak: string;
            /** @example Selectielijst gemeenten 2020, 13.1.3 */
            grondslag: string;
            /** @description wie de markering zette */
            door: string;
            /**
             * Format: date-time
             * @description wanneer de markering gezet is
             */
            op: string;
        };
        BewaarHandelingDto: {
            /** @enum {string} */
            maatregel: "bewaarblokkade" | "blijvendBewaren";
            /** @enum {string} */
            handeling: "gezet" | "opgeheven";
            /** @description de reden van de blokkade of de zaak van de markering (13.1.3), zoals gezet of opgeheven */
            grond: string;
            /** @description waarom opgeheven (alleen bij opgeheven) */
            reden?: string;
            /** @description wie het deed (api-sleutel:<id> of oidc:<sub>) */
            door: string;
            /** @description in welke rol; ontbreekt bij een blokkade of markering van vóór deze historie */
            rol?: string;
            /** Format: date-time */
            op: string;
        };
        BewaringStandDto: {
            /** Format: uuid */
            klachtId: string;
            /** @description de bewaarblokkade, als er een is */
            bewaarblokkade?: components["schemas"]["BewaarBlokkadeStandDto"];
            /** @description de markering blijvend bewaren (13.1.3), als er een is */
            blijvendBewaren?: components["schemas"]["BlijvendBewarenStandDto"];
            /** @description wie blokkades en markeringen zette en ophief, oudste eerst */
            historie: components["schemas"]["BewaarHandelingDto"][];
        };
        BlijvendBewarenDto: {
            /**
             * @description de blijvend te bewaren zaak waarop de klacht invloed had (Selectielijst gemeenten 2020, 13.1.3): haar identificatie in het zaaksysteem of een omschrijving
             * @example ZAAK-2024-000123
             */
            zaak: string;
        };
        OverdrachtDto: {
            /**
             * Format: date
             * @description de laatste dag van het contract met de aanbieder
             * @example 2026-05-31
             */
            contractEinde: string;
            /**
             * @description De gemeente (CBS-code) die de aanbieder-id koos; standaard de eigen gemeente. Een aanbieder is gemeente + id: na een herindeling is dezelfde id van de opgeheven gemeente een andere organisatie (Wet arhi art. 40). Met GM0457 draagt Amsterdam de klachten van de aanbieder van Weesp met die id over, zonder: alleen die van de eigen aanbieder. Een gemeente wier klachten de aanroeper niet behandelt geeft 400.
             * @example GM0457
             */
            aanbiederGemeente?: string;
        };
        Problem: {
            /**
             * Format: uri
             * @example https://klachtregie.nl/problemen/validatie-fout
             */
            type: string;
            /** @example Validatiefout */
            title: string;
            /** @example 400 */
            status: number;
            /** @example Een of meer velden zijn ongeldig. */
            detail: string;
            /** @example /api/v1/klachten */
            instance?: string;
            /** @example validatie-fout */
            code: string;
            invalidParams?: {
                /** @example omschrijving */
                name: string;
                reason: string;
            }[];
        };
        /** @description De gebeurtenis kan in de huidige toestand niet (gebeurtenis-niet-toegestaan, met gebeurtenis, state en toegestaneGebeurtenissen) of is voorbehouden aan het systeem (gebeurtenis-voorbehouden); er is niets gewijzigd. */
        GebeurtenisNietToegestaanProblem: {
            /**
             * Format: uri
             * @example https://klachtregie.nl/problemen/validatie-fout
             */
            type: string;
            /** @example Validatiefout */
            title: string;
            /** @example 400 */
            status: number;
            /** @example Een of meer velden zijn ongeldig. */
            detail: string;
            /** @example /api/v1/klachten */
            instance?: string;
            /** @example validatie-fout */
            code: string;
            invalidParams?: {
                /** @example omschrijving */
                name: string;
                reason: string;
            }[];
            /** @example AFDOENEN */
            gebeurtenis?: string;
            /** @example gemeente.ontvangen */
            state?: string;
            /**
             * @example [
             *       "FORMELE_BEHANDELING"
             *     ]
             */
            toegestaneGebeurtenissen?: string[];
        };
        /** @description De gebeurtenis past, maar haar data niet (gebeurtenis-data-ongeldig); invalidParams noemt elk veld. */
        GebeurtenisDataOngeldigProblem: {
            /**
             * Format: uri
             * @example https://klachtregie.nl/problemen/validatie-fout
             */
            type: string;
            /** @example Validatiefout */
            title: string;
            /** @example 400 */
            status: number;
            /** @example Een of meer velden zijn ongeldig. */
            detail: string;
            /** @example /api/v1/klachten */
            instance?: string;
            /** @example validatie-fout */
            code: string;
            invalidParams?: {
                /** @example omschrijving */
                name: string;
                reason: string;
            }[];
            /** @example AFDOENEN */
            gebeurtenis?: string;
        };
        /** @description De definitie is niet gepubliceerd; `fouten` noemt elke fout als bestand:regel:kolom. (Zonder `fouten`: een hergebruikte Idempotency-Key, idempotency-key-hergebruikt.) */
        DefinitieFoutenProblem: {
            /**
             * Format: uri
             * @example https://klachtregie.nl/problemen/validatie-fout
             */
            type: string;
            /** @example Validatiefout */
            title: string;
            /** @example 400 */
            status: number;
            /** @example Een of meer velden zijn ongeldig. */
            detail: string;
            /** @example /api/v1/klachten */
            instance?: string;
            /** @example validatie-fout */
            code: string;
            invalidParams?: {
                /** @example omschrijving */
                name: string;
                reason: string;
            }[];
            fouten?: components["schemas"]["DefinitieFoutDto"][];
        };
        /** @description Een of meer klachten kunnen niet naar de nieuwe versie (migratie-geweigerd); `klachten` noemt per klacht de bezwaren. Er is niets gemigreerd. */
        MigratieGeweigerdProblem: {
            /**
             * Format: uri
             * @example https://klachtregie.nl/problemen/validatie-fout
             */
            type: string;
            /** @example Validatiefout */
            title: string;
            /** @example 400 */
            status: number;
            /** @example Een of meer velden zijn ongeldig. */
            detail: string;
            /** @example /api/v1/klachten */
            instance?: string;
            /** @example validatie-fout */
            code: string;
            invalidParams?: {
                /** @example omschrijving */
                name: string;
                reason: string;
            }[];
            klachten: {
                /** Format: uuid */
                klachtId: string;
                bezwaren: string[];
            }[];
        };
        /** @description De database of de job queue antwoordt niet (niet-beschikbaar); `database` en `queue` zeggen welke. */
        NietBeschikbaarProblem: {
            /**
             * Format: uri
             * @example https://klachtregie.nl/problemen/validatie-fout
             */
            type: string;
            /** @example Validatiefout */
            title: string;
            /** @example 400 */
            status: number;
            /** @example Een of meer velden zijn ongeldig. */
            detail: string;
            /** @example /api/v1/klachten */
            instance?: string;
            /** @example validatie-fout */
            code: string;
            invalidParams?: {
                /** @example omschrijving */
                name: string;
                reason: string;
            }[];
            /** @enum {string} */
            database: "ok" | "down";
            queue: components["schemas"]["QueueHealthDto"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description De volledige versie van de API (NL API Design Rules /core/version-header). */
        "API-Version": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database of de job queue antwoordt niet */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NietBeschikbaarProblem"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database of de job queue antwoordt niet */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NietBeschikbaarProblem"];
                };
            };
        };
    };
    lijstApiSleutels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiSleutelDto"][];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    maakApiSleutel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NieuweApiSleutelDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AangemaakteApiSleutelDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang), of de rol van de sleutel is voorbehouden (sleutel-rol-voorbehouden): sleutels geeft de beheerder van de server uit met de CLI, of de rol komt uit OIDC. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    trekApiSleutelIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ingetrokken */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dossierInzageLijst: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierInzageDto"][];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lijstWebhookAbonnementen: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAbonnementDto"][];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    maakWebhookAbonnement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NieuwWebhookAbonnementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AangemaaktWebhookAbonnementDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De URL is geen https (afleveringen bevatten persoonsgegevens, AVG art. 32), wijst naar het eigen netwerk of bevat inloggegevens (webhook-url-geweigerd); invalidParams noemt url. Er is niets opgeslagen. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    haalWebhookAbonnement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAbonnementDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden (ook: van een andere gemeente) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verwijderWebhookAbonnement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Verwijderd */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lijstWebhookAfleveringen: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "wachtend" | "afgeleverd" | "vervallen";
                abonnementId?: string;
                klachtId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAfleveringLijstDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    leverWebhookOpnieuw: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAfleveringDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet meer af te leveren (aflevering-niet-meer): het abonnement is van een gemeente die is opgeheven (Wet arhi art. 40), de klacht is bij het einde van het contract van de aanbieder van het abonnement overgedragen, het abonnement is verwijderd, of de URL van het abonnement is http terwijl alleen https is toegestaan (AVG art. 32). Er verandert niets. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    klachtenZoeken: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                gemeente?: string;
                /** @description State of een bovenliggende state (prefix op punt). */
                state?: string;
                /** @description Id van een aanbieder. */
                aanbieder?: string;
                /** @description true: alleen klachten die te laat zijn (een verplichting over haar termijn en nog niet nagekomen, docs/te-laat.md); false: alleen klachten die dat niet zijn. */
                overdue?: boolean;
                /** @description Veld; met - aflopend. */
                sorteer?: "ontvangenOp" | "-ontvangenOp" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KlachtPaginaDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    klachtIndienen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Wordt meegeschreven in de historie. */
                "X-Correlation-ID"?: string;
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KlachtIntakeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KlachtDetailDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen definitie voor de gemeente op de ontvangstdatum (geen-definitie), een registratiewaarde die niet in de lijst van de gemeente staat (registratie-ongeldig), of een feit waar de klachtregeling niet naar vraagt of van de verkeerde soort (feiten-ongeldig); invalidParams noemt het veld. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    klachtOphalen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KlachtDetailDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende klacht (klacht-niet-gevonden). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    gebeurtenisToevoegen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Wordt meegeschreven in de historie. */
                "X-Correlation-ID"?: string;
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GebeurtenisDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KlachtDetailDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende klacht (klacht-niet-gevonden). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De gebeurtenis is in de huidige toestand niet toegestaan (gebeurtenis-niet-toegestaan) of voorbehouden aan het systeem (gebeurtenis-voorbehouden), of de klacht wordt nog geïmporteerd terwijl een termijn vóór de gebeurtenis verstreek (klacht-wordt-geimporteerd: stuur haar opnieuw als de import klaar is); er is niets gewijzigd. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GebeurtenisNietToegestaanProblem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De gebeurtenis past, maar de data niet (gebeurtenis-data-ongeldig: ontbrekend veld, onbekende waarde, geen ISO 8601-duur) of een registratiewaarde staat niet in de lijst van de gemeente; invalidParams noemt elk veld. Er is niets gewijzigd. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GebeurtenisDataOngeldigProblem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    klachtRegistreren: {
        parameters: {
            query?: never;
            header?: {
                /** @description Wordt meegeschreven in de historie. */
                "X-Correlation-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistratieWijzigingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KlachtDetailDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende klacht (klacht-niet-gevonden). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Een waarde staat niet in de lijst van de definitieversie van de klacht (registratie-ongeldig); invalidParams noemt het veld en de toegestane waarden. Er is niets gewijzigd. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importStarten: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["ImportUploadDto"];
            };
        };
        responses: {
            /** @description De import loopt (of liep al); volg hem met GET /imports/{id}. */
            202: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description importbestand-te-groot: groter dan 64 MiB; er is niets bewaard. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importOphalen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende import (import-niet-gevonden). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importHervatten: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende import (import-niet-gevonden). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitiesZoeken: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitieLijstDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitiePubliceren: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefinitieYamlDto"];
            };
        };
        responses: {
            /** @description Het voorstel (status voorgesteld); de versie geldt pas na goedkeuring. */
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoorstelDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deze versie bestaat al en verandert niet meer (definitie-versie-bestaat), of er ligt al een voorstel voor (voorstel-bestaat). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["DefinitieFoutenProblem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De definitie is ongeldig (definitie-ongeldig; fouten als bestand:regel:kolom); er is niets opgeslagen. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["DefinitieFoutenProblem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieOphalen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitieDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende definitie (definitie-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieDiagram: {
        parameters: {
            query?: {
                formaat?: "mermaid" | "svg" | "json";
                /** @description Versie; standaard de versie die vandaag geldt (of de nieuwste). */
                versie?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Diagram in het gevraagde formaat (formaat=json, svg of mermaid) */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        label: string;
                        nodes: {
                            /** @example gemeente.inBehandeling */
                            id: string;
                            key: string;
                            label: string;
                            parent?: string;
                            /** @enum {string} */
                            type: "atomic" | "compound" | "parallel" | "final" | "history" | "initial" | "elkeStap";
                            depth: number;
                            initial: boolean;
                            /** @enum {string} */
                            fase?: "intake" | "aanbieder" | "gemeente" | "tweedeLijn" | "bijzonder" | "signaal" | "afgerond";
                            grondslag?: string;
                            termijnen: string[];
                            children: string[];
                        }[];
                        edges: {
                            id: string;
                            source: string;
                            target: string;
                            event: string;
                            /** @enum {string} */
                            kind: "event" | "always" | "done" | "after" | "actor" | "initial";
                            label: string;
                            guard?: string;
                            grondslag?: string;
                            termijnen: string[];
                            internal: boolean;
                        }[];
                    };
                    "image/svg+xml": string;
                    "text/vnd.mermaid": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende definitie of versie (definitie-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieTekst: {
        parameters: {
            query?: {
                /** @description Versie; standaard de versie die vandaag geldt (of de nieuwste). */
                versie?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitieTekstDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende definitie of versie (definitie-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieValideren: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefinitieYamlDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitieValidatieDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieVoorstellenZoeken: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Alleen voorstellen met deze status (bijv. voorgesteld: wat op beoordeling wacht) */
                status?: "voorgesteld" | "goedgekeurd" | "afgewezen";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoorstelLijstDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieVoorstellen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefinitieYamlDto"];
            };
        };
        responses: {
            /** @description Het voorstel, status voorgesteld, met het auditspoor. */
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoorstelDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deze versie bestaat al (definitie-versie-bestaat) of er ligt al een voorstel voor (voorstel-bestaat); er is niets opgeslagen. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["DefinitieFoutenProblem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De definitie is ongeldig (definitie-ongeldig): `fouten` noemt bestand:regel:kolom; er is niets opgeslagen. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["DefinitieFoutenProblem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieVoorstelOphalen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                voorstelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoorstelDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen voorstel met dit id bij deze definitie van de gemeente (voorstel-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieVoorstelGoedkeuren: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                voorstelId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["GoedkeuringDto"];
            };
        };
        responses: {
            /** @description Het voorstel, nu goedgekeurd; de versie staat in GET /definities. Met terugwerkende kracht: in het auditspoor bij de stap goedgekeurd. */
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoorstelDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description U stelde dit voorstel zelf voor, ook met een andere sleutel of login (vier-ogen); uw sleutel, of die waarmee het voorstel werd gedaan, staat op naam van geen medewerker (vier-ogen-geen-medewerker); of uw rol mag dit niet (geen-toegang). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen voorstel met dit id bij deze definitie van de gemeente (voorstel-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Het voorstel is al beoordeeld (voorstel-al-beoordeeld), of de versie bestaat inmiddels (definitie-versie-bestaat). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["DefinitieFoutenProblem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Het voorstel is inmiddels ongeldig, bijv. door een andere goedgekeurde versie (definitie-ongeldig); of geldigVanaf ligt vóór vandaag en terugwerkendeKrachtBevestigd is niet true (terugwerkende-kracht: welke dagen, en hoeveel klachten uit die dagen op hun versie blijven). Er is niets gepubliceerd. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * Format: uri
                         * @example https://klachtregie.nl/problemen/validatie-fout
                         */
                        type: string;
                        /** @example Validatiefout */
                        title: string;
                        /** @example 400 */
                        status: number;
                        /** @example Een of meer velden zijn ongeldig. */
                        detail: string;
                        /** @example /api/v1/klachten */
                        instance?: string;
                        /** @example validatie-fout */
                        code: string;
                        invalidParams?: {
                            /** @example omschrijving */
                            name: string;
                            reason: string;
                        }[];
                        fouten?: components["schemas"]["DefinitieFoutDto"][];
                        terugwerkendeKracht?: components["schemas"]["TerugwerkendeKrachtDto"];
                    };
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieVoorstelAfwijzen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                voorstelId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AfwijzingDto"];
            };
        };
        responses: {
            /** @description Het voorstel, nu afgewezen, met de reden in het auditspoor. */
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoorstelDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description U stelde dit voorstel zelf voor, ook met een andere sleutel of login (vier-ogen); uw sleutel, of die waarmee het voorstel werd gedaan, staat op naam van geen medewerker (vier-ogen-geen-medewerker); of uw rol mag dit niet (geen-toegang). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen voorstel met dit id bij deze definitie van de gemeente (voorstel-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Het voorstel is al beoordeeld (voorstel-al-beoordeeld). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieAuditspoor: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoorstelStappenLijstDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    gebeurtenisTypen: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GebeurtenisTypeDto"][];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    terugkoppelingToevoegen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerugkoppelingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerugkoppelingViewDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende klacht (klacht-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De klacht wordt nog geïmporteerd terwijl een termijn vóór de terugkoppeling verstreek (klacht-wordt-geimporteerd: stuur haar opnieuw als de import klaar is), of een verzoek met dezelfde Idempotency-Key is nog in behandeling (idempotency-key-in-behandeling). Er is niets vastgelegd. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Een registratiewaarde staat niet in de lijst van de gemeente (registratie-ongeldig, met invalidParams), of at ligt in de toekomst (tijdstip-in-de-toekomst; invalidParams noemt at). Er is niets vastgelegd. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ombudsmanVerzoekToevoegen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OmbudsmanVerzoekDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OmbudsmanVerzoekViewDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende klacht (klacht-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De definitie kent geen behandeling voor dit verzoek (geen-definitie / intake-geweigerd), of de termijn van de ombudsman ligt niet na de ontvangst van het verzoek (termijn-ongeldig, Awb 9:31 lid 1; invalidParams noemt termijn). Er is niets gewijzigd. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rapportage: {
        parameters: {
            query: {
                /** @description Eerste dag (ontvangstdatum), inclusief. */
                van: string;
                /** @description Laatste dag (ontvangstdatum), inclusief. */
                tot: string;
                /** @description Alleen klachten over deze aanbieder (id). Een aanbieder-id is van de gemeente die het koos: zonder aanbiederGemeente is het de aanbieder van de eigen gemeente, ook na een herindeling. */
                aanbieder?: string;
                /** @description Alleen met aanbieder: de gemeente (CBS-code) die de aanbieder-id koos, bijvoorbeeld GM0457 voor de aanbieder van Weesp in een rapportage van Amsterdam na de herindeling (Wet arhi art. 40). Standaard de eigen gemeente. */
                aanbiederGemeente?: string;
                /** @description Alleen deze aard (categorie). */
                aard?: string;
                /** @description Alleen deze oorzaak. */
                oorzaak?: string;
                /** @description Alleen dit kanaal. */
                kanaal?: "telefoon" | "balie" | "brief" | "webformulier" | "email";
                /** @description Terugkerende klacht: zelfde aanbieder en aard minstens zo vaak in de periode. */
                drempel?: number;
                /** @description json (standaard), csv (text/csv; ; gescheiden, UTF-8 met BOM) of html (afdrukbaar). Of via de Accept-header. */
                formaat?: "json" | "csv" | "html";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De rapportage (formaat= of de Accept-header kiest JSON, CSV of afdrukbare HTML) */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example GM0363 */
                        gemeente: string;
                        /** @description De gemeenten wier klachten de rapportage telt: de gemeente en elke gemeente die uiterlijk op de laatste dag van de periode in haar opging. */
                        gemeenten: string[];
                        periode: {
                            /** Format: date */
                            van: string;
                            /** Format: date */
                            tot: string;
                        };
                        filters: {
                            aanbieder?: string;
                            aanbiederGemeente?: string;
                            aard?: string;
                            oorzaak?: string;
                            kanaal?: string;
                        };
                        drempel: number;
                        /** Format: date-time */
                        gegenereerdOp: string;
                        /**
                         * Format: date-time
                         * @description Het moment waarop de cijfers staan (te laat, open of afgerond, oordeel, registratie): bij een rapportage op verzoek het moment waarop zij is gemaakt.
                         */
                        peildatum: string;
                        cijfers: {
                            totaal: number;
                            perAanbieder: {
                                /**
                                 * @description De gemeente (CBS-code) wier klachten dit telt en die de aanbieder-id koos; na een herindeling is dezelfde id van de opgeheven gemeente een andere aanbieder.
                                 * @example GM0363
                                 */
                                gemeente: string;
                                waarde: string;
                                aantal: number;
                                naam: string;
                            }[];
                            perAard: {
                                waarde: string;
                                aantal: number;
                            }[];
                            perOorzaak: {
                                waarde: string;
                                aantal: number;
                            }[];
                            perKanaal: {
                                waarde: string;
                                aantal: number;
                            }[];
                            perAfdoening: {
                                waarde: string;
                                aantal: number;
                            }[];
                            perOordeel: {
                                waarde: string;
                                aantal: number;
                            }[];
                            perTermijn: {
                                waarde: string;
                                aantal: number;
                            }[];
                            perTevredenheid: {
                                waarde: string;
                                aantal: number;
                            }[];
                            maatregelen: {
                                waarde: string;
                                aantal: number;
                            }[];
                            regels: {
                                /**
                                 * @description De gemeente (CBS-code) wier klachten dit telt en die de aanbieder-id koos; na een herindeling is dezelfde id van de opgeheven gemeente een andere aanbieder.
                                 * @example GM0363
                                 */
                                gemeente: string;
                                aanbiederId: string;
                                aanbiederNaam: string;
                                aard: string;
                                oorzaak: string;
                                aantal: number;
                                gegrond: number;
                                deelsGegrond: number;
                                ongegrond: number;
                                zonderOordeel: number;
                                opTijd: number;
                                naVerdaging: number;
                                teLaat: number;
                                teLaatAfgehandeld: number;
                                lopend: number;
                                tevreden: number;
                                nietTevreden: number;
                                maatregelen: string[];
                                terugkerend: boolean;
                            }[];
                            terugkerend: {
                                /**
                                 * @description De gemeente (CBS-code) wier klachten dit telt en die de aanbieder-id koos; na een herindeling is dezelfde id van de opgeheven gemeente een andere aanbieder.
                                 * @example GM0363
                                 */
                                gemeente: string;
                                aanbiederId: string;
                                aanbiederNaam: string;
                                aard: string;
                                aantal: number;
                            }[];
                        };
                    };
                    "text/csv": string;
                    "text/html": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    jaaroverzicht: {
        parameters: {
            query: {
                /** @description Kalenderjaar. */
                jaar: number;
                formaat?: "json" | "html";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Het jaaroverzicht */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        gemeente: string;
                        jaar: number;
                        /** @description Geregistreerde schriftelijke klachten (Awb 9:12a). */
                        schriftelijk: number;
                        perAard: {
                            waarde: string;
                            aantal: number;
                        }[];
                        perOordeel: {
                            waarde: string;
                            aantal: number;
                        }[];
                        perAfdoening: {
                            waarde: string;
                            aantal: number;
                        }[];
                    };
                    "text/html": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rapportagePlanning: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De rapportagemomenten */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        soort: string;
                        cadans: string;
                        /** Format: date */
                        periodeVan: string;
                        /** Format: date */
                        periodeTot: string;
                        /** Format: date */
                        deadline: string;
                        /** Format: date */
                        herinnering: string | null;
                        naar: string;
                        label: string;
                        /** Format: date-time */
                        herinneringVerzondenOp: string | null;
                        /** Format: date-time */
                        verwerktOp: string | null;
                    }[];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    opgeslagenRapportages: {
        parameters: {
            query?: {
                /** @description Alleen de bewaarde rapportages van deze aanbieder (id). Een aanbieder-id is van de gemeente die het koos: zonder aanbiederGemeente is het de aanbieder van de eigen gemeente, ook na een herindeling. Een aanbieder ziet alleen de eigen. */
                aanbieder?: string;
                /** @description Alleen met aanbieder: de gemeente (CBS-code) die de aanbieder-id koos, bijvoorbeeld GM0457 voor de aanbieder van Weesp, die na de herindeling ook op de momenten van Amsterdam rapporteert (Wet samenvoeging Amsterdam en Weesp; Wet arhi art. 40). Standaard de eigen gemeente; een gemeente die niet in de eigen is opgegaan geeft 400. */
                aanbiederGemeente?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De bewaarde rapportages, zonder inhoud */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /**
                         * @description De gemeente van het rapportagemoment (haar planning), ook bij de rapportage van één aanbieder. Na een herindeling ziet de gemeente die blijft ook die van de opgeheven gemeente (Wet arhi art. 40 e.v.).
                         * @example GM0363
                         */
                        gemeente: string;
                        soort: string;
                        /** @description De aanbieder over wie de rapportage gaat, of * voor de rapportage van de hele gemeente (en het jaaroverzicht). */
                        aanbiederId: string;
                        /**
                         * @description De gemeente (CBS-code) die de aanbieder-id koos: een aanbieder is gemeente + id. Na de herindeling rapporteren de aanbieders van Weesp (GM0457) ook op de momenten van Amsterdam (gemeente GM0363), elk naast de aanbieder van Amsterdam met dezelfde id (Wet samenvoeging Amsterdam en Weesp; Wet arhi art. 40). Leeg (null) bij de rapportage van de hele gemeente.
                         * @example GM0457
                         */
                        aanbiederGemeente: string | null;
                        /** Format: date */
                        periodeVan: string;
                        /** Format: date */
                        periodeTot: string;
                        /** Format: date */
                        deadline: string;
                        label: string;
                        /**
                         * Format: date-time
                         * @description Wanneer de rapportage is gemaakt (de taak van de deadline kan later lopen).
                         */
                        gegenereerdOp: string;
                        /**
                         * Format: date-time
                         * @description Het moment waarop de cijfers staan: 00:00 op de deadline, ook als de rapportage later is gemaakt (termijnen, afgerond, oordeel en registratie zoals ze toen waren). Leeg (onbekend) voor rapportages die zijn bewaard voordat Klachtregie dit vastlegde.
                         */
                        peildatum: string | null;
                    }[];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    opgeslagenRapportage: {
        parameters: {
            query?: {
                /** @description json (standaard), csv (text/csv; ; gescheiden, UTF-8 met BOM; niet voor een jaaroverzicht) of html (afdrukbaar). Of via de Accept-header. */
                formaat?: "json" | "csv" | "html";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De bewaarde rapportage, met de peildatum waarop haar cijfers staan (formaat= of de Accept-header kiest JSON, CSV of afdrukbare HTML; een jaaroverzicht heeft geen CSV) */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /**
                         * @description De gemeente van het rapportagemoment (haar planning), ook bij de rapportage van één aanbieder. Na een herindeling ziet de gemeente die blijft ook die van de opgeheven gemeente (Wet arhi art. 40 e.v.).
                         * @example GM0363
                         */
                        gemeente: string;
                        soort: string;
                        /** @description De aanbieder over wie de rapportage gaat, of * voor de rapportage van de hele gemeente (en het jaaroverzicht). */
                        aanbiederId: string;
                        /**
                         * @description De gemeente (CBS-code) die de aanbieder-id koos: een aanbieder is gemeente + id. Na de herindeling rapporteren de aanbieders van Weesp (GM0457) ook op de momenten van Amsterdam (gemeente GM0363), elk naast de aanbieder van Amsterdam met dezelfde id (Wet samenvoeging Amsterdam en Weesp; Wet arhi art. 40). Leeg (null) bij de rapportage van de hele gemeente.
                         * @example GM0457
                         */
                        aanbiederGemeente: string | null;
                        /** Format: date */
                        periodeVan: string;
                        /** Format: date */
                        periodeTot: string;
                        /** Format: date */
                        deadline: string;
                        label: string;
                        /**
                         * Format: date-time
                         * @description Wanneer de rapportage is gemaakt (de taak van de deadline kan later lopen).
                         */
                        gegenereerdOp: string;
                        /**
                         * Format: date-time
                         * @description Het moment waarop de cijfers staan: 00:00 op de deadline, ook als de rapportage later is gemaakt (termijnen, afgerond, oordeel en registratie zoals ze toen waren). Leeg (onbekend) voor rapportages die zijn bewaard voordat Klachtregie dit vastlegde.
                         */
                        peildatum: string | null;
                        /** @description De rapportage zoals op de deadline gemaakt. */
                        inhoud: {
                            [key: string]: unknown;
                        };
                    };
                    "text/csv": string;
                    "text/html": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen rapportage met dit id voor de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dienAanbiederRapportageIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AanbiederRapportageDto"];
            };
        };
        responses: {
            /** @description Ontvangen; een tweede inzending van dezelfde aanbieder (gemeente die de id koos + id) voor dezelfde deadline vervangt de inhoud van de eerste. ingediendOp blijft het moment van de eerste inzending (op tijd als vóór 00:00 op de deadline, contract art. 11.1); laatstIngediendOp is het moment van deze, de inhoud die nu geldt. */
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: date */
                        deadline: string;
                        /**
                         * @description De gemeente die de aanbieder-id koos: de inlevering telt voor de rapportage van die gemeente (gemeente + id).
                         * @example GM0363
                         */
                        aanbiederGemeente: string;
                        /**
                         * Format: date-time
                         * @description De eerste inzending voor deze deadline: op tijd als Klachtregie haar vóór 00:00 op de deadline ontving (contract art. 11.1, "vóór 1 juli"). Een vervanging houdt dit moment.
                         */
                        ingediendOp: string;
                        /**
                         * Format: date-time
                         * @description Wanneer de inhoud die nu geldt is ontvangen: deze inzending. Gelijk aan ingediendOp bij een eerste inzending; ligt het na de deadline, dan is de inhoud die nu geldt niet op tijd ingediend.
                         */
                        laatstIngediendOp: string;
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    procesoverzichten: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De definitieversies */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example gm0363-amsterdam */
                        id: string;
                        gemeente: {
                            /** @example GM0363 */
                            cbsCode: string;
                            /** @example Amsterdam */
                            naam: string;
                        };
                        /** @example 2026-01 */
                        versie: string;
                        /** Format: date */
                        geldigVanaf: string;
                        /** Format: date */
                        geldigTot?: string;
                    }[];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    kerncijfers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Kerncijfers op de peildatum (te laat en bijna verlopen zoals docs/te-laat.md). */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        gemeente: {
                            /** @example GM0363 */
                            code: string;
                            /** @example Amsterdam */
                            naam: string;
                        };
                        /** Format: date-time */
                        peildatum: string;
                        bijnaDagen: number;
                        open: number;
                        teLaat: number;
                        bijnaVerlopen: number;
                        ontvangenDezeMaand: number;
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    procesoverzicht: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                definitieId: string;
                versie: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per toestand van het statechart: aantal, te laat, bijna verlopen, op tijd, mediaan dagen */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        definitie: {
                            /** @example gm0363-amsterdam */
                            id: string;
                            gemeente: {
                                /** @example GM0363 */
                                cbsCode: string;
                                /** @example Amsterdam */
                                naam: string;
                            };
                            /** @example 2026-01 */
                            versie: string;
                            /** Format: date */
                            geldigVanaf: string;
                            /** Format: date */
                            geldigTot?: string;
                        };
                        titel: string;
                        /** Format: date-time */
                        peildatum: string;
                        bijnaDagen: number;
                        totaal: number;
                        states: {
                            state: string;
                            count: number;
                            overdue: number;
                            nearlyDue: number;
                            onTime: number;
                            medianDays: number | null;
                            label: string;
                            fase?: string;
                            faseLabel?: string;
                            type: string;
                            parent?: string;
                        }[];
                        onbekend: {
                            state: string;
                            count: number;
                            overdue: number;
                            nearlyDue: number;
                            onTime: number;
                            medianDays: number | null;
                        }[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende definitie of versie voor de gemeente van de aanroeper (definitie-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    procesdiagram: {
        parameters: {
            query?: {
                /** @description volledig: bij elke pijl wat er gebeurt; overzicht: alleen de stappen (wat er bij een pijl gebeurt staat in de tooltip), zodat ook de grootste regeling leesbaar op het scherm past. */
                weergave?: "volledig" | "overzicht";
            };
            header?: never;
            path: {
                definitieId: string;
                versie: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Het statechart als SVG */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende definitie of versie voor de gemeente van de aanroeper (definitie-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    klachtenInToestand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                definitieId: string;
                versie: string;
                toestand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De klachten in de toestand, nieuwste eerst (hooguit 500) */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        state: string;
                        label: string;
                        klachten: {
                            /** Format: uuid */
                            id: string;
                            state: string;
                            /** Format: date-time */
                            ontvangenOp: string;
                            soort: string;
                            kanaal: string;
                            /** @description Namen van de aanbieders, met komma gescheiden. */
                            aanbieders: string;
                            categorie: string | null;
                            termijn: string | null;
                            /** Format: date */
                            vervaldatum: string | null;
                            /** @enum {string|null} */
                            band: "overdue" | "nearlyDue" | "onTime" | null;
                            /** Format: date-time */
                            sinds: string | null;
                        }[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende definitie, versie of toestand (definitie-niet-gevonden, toestand-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    procespaden: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                definitieId: string;
                versie: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De routes, elk als zinnen */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        definitie: {
                            id: string;
                            versie: string;
                            gemeente: string;
                        };
                        aantal: number;
                        afgekapt: boolean;
                        /** @description De routes per ontvangstroute, lijn en uitkomst, met aantallen. */
                        groepen: {
                            /** @example gemeente */
                            route: string;
                            /** @example Behandeling door de gemeente (Awb titel 9.1) */
                            routeOmschrijving: string;
                            /** @enum {string} */
                            lijn: "eersteLijn" | "tweedeLijn" | "bijzondereRoute";
                            /** @example eerste lijn */
                            lijnOmschrijving: string;
                            /** @example afgesloten */
                            uitkomst: string;
                            /** @example Afgesloten */
                            uitkomstOmschrijving: string;
                            aantal: number;
                            /** @description De nummers van de routes in deze groep (zie paden[].nummer). */
                            paden: number[];
                        }[];
                        paden: {
                            nummer: number;
                            eind: string;
                            eindOmschrijving: string;
                            stappen: {
                                van: string;
                                naar: string;
                                event: string;
                                zin: string;
                                grondslag?: string;
                                termijnen: string[];
                            }[];
                        }[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende definitie of versie voor de gemeente van de aanroeper (definitie-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    klachtTijdlijn: {
        parameters: {
            query?: {
                /** @description Het moment waarop een stap is gezet die u gaat registreren (ISO 8601 met tijdzone, zoals at van POST /klachten/{id}/gebeurtenissen); standaard nu. volgendeEvents zijn dan de gebeurtenissen die de klacht op dat moment aanneemt, met bij een gebeurtenis die een termijn noemt de termijnen die zij op dat moment kan noemen. Een moment in de toekomst geeft 422 met op. */
                op?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De tijdlijn */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        klacht: {
                            /** Format: uuid */
                            id: string;
                            gemeente: string;
                            /** @example Amsterdam */
                            gemeenteNaam: string;
                            onderwerp: string | null;
                            definitieId: string;
                            definitieVersie: string;
                            state: string;
                            stateOmschrijving: string;
                            done: boolean;
                            soort: string;
                            kanaal: string;
                            /** Format: date-time */
                            ontvangenOp: string;
                            aanbieders: components["schemas"]["AanbiederDto"][];
                            categorie: string | null;
                            oorzaak: string | null;
                            afdoening: string | null;
                            oordeel: string | null;
                            /** @description Een verplichting is over haar termijn en nog niet nagekomen (docs/te-laat.md). */
                            teLaat: boolean;
                        };
                        gebeurtenissen: {
                            type: string;
                            omschrijving: string;
                            /** Format: date-time */
                            at: string;
                            van: string | null;
                            vanOmschrijving: string | null;
                            naar: string;
                            naarOmschrijving: string;
                            actor: string;
                            /** @description De naam van de sleutel, of de medewerker achter een OIDC-token. */
                            actorNaam: string;
                        }[];
                        termijnen: {
                            naam: string;
                            label: string;
                            /** Format: date */
                            vervaldatum: string;
                            /** @enum {string} */
                            status: "lopend" | "nagekomen" | "verlopen" | "vervallen";
                            uitleg: string[];
                            grondslag: string | null;
                            escalatieNaar: string | null;
                            mutaties: components["schemas"]["MutatieDto"][];
                            /** Format: date-time */
                            beeindigdOp: string | null;
                            teLaat: boolean;
                            /**
                             * @description Van wie een contact-termijn is (aanbieder of gemeente; TermijnViewDto.voor); null bij elke andere termijn.
                             * @enum {string|null}
                             */
                            voor: "aanbieder" | "gemeente" | null;
                        }[];
                        /**
                         * Format: date-time
                         * @description Het moment waarover volgendeEvents gaan: op uit het verzoek, anders nu volgens Klachtregie.
                         */
                        op: string;
                        /** @description Wat er op het moment op kan gebeuren. */
                        volgendeEvents: {
                            type: string;
                            omschrijving: string;
                            /** @description Alleen bij een gebeurtenis die een termijn noemt (VERDAGEN, UITSTEL_MET_INSTEMMING, OPSCHORTEN, HERVATTEN, NIEUWE_TERMIJN). */
                            termijnKeuze?: {
                                /**
                                 * @description Het dataveld dat de termijn noemt.
                                 * @example termijn
                                 */
                                veld: string;
                                /** @description De termijnen die de gebeurtenis op het moment op kan noemen: die waarmee de klachtregeling haar op dat moment aanneemt (niet een termijn die pas later ging lopen of toen al verstreken was; geen verdaging na de laatste dag, Awb 9:11 lid 2). Leeg: op dat moment geen. */
                                termijnen: string[];
                            };
                        }[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Onbekende klacht, of niet van de aanroeper (klacht-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description op ligt in de toekomst (tijdstip-in-de-toekomst), zoals at bij POST /klachten/{id}/gebeurtenissen; invalidParams noemt op. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieVoorbeeld: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefinitieVoorbeeldDto"];
            };
        };
        responses: {
            /** @description Fouten (file:line:column) en, als de definitie compileert, het diagram als SVG */
            200: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        geldig: boolean;
                        /** @example definitions/gm0363-amsterdam/2026-01.yaml */
                        bestand: string;
                        fouten: components["schemas"]["DefinitieFoutDto"][];
                        /** @description Bevindingen die de definitie niet ongeldig maken, maar waarschijnlijk niet bedoeld zijn (ernst: waarschuwing). */
                        waarschuwingen: components["schemas"]["DefinitieFoutDto"][];
                        svg?: string;
                        states?: string[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ik: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rol, gemeente en naam van de aanroeper, en de klok van de dienst. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rol: string;
                        gemeente: {
                            /** @example GM0363 */
                            code: string;
                            /** @example Amsterdam */
                            naam: string;
                        };
                        aanbiederId: string | null;
                        /** @description Bij een aanbieder: de gemeente die zijn id koos (een aanbieder is gemeente + id). Na een herindeling kan een sleutel van de opvolger voor een aanbieder van de opgeheven gemeente spreken (Wet arhi art. 40): gemeente GM0363, aanbiederGemeente GM0457; de klachten, rapportages en registraties van de sleutel zijn die van die gemeente. Anders null. */
                        aanbiederGemeente: {
                            /** @example GM0457 */
                            code: string;
                            /** @example Weesp */
                            naam: string;
                        } | null;
                        /** @description De naam van de sleutel, of de medewerker achter een OIDC-token. */
                        naam: string;
                        /**
                         * Format: date-time
                         * @description Het moment van nu volgens Klachtregie; de pagina’s stellen dit voor als tijdstip van een stap en als einde van een rapportage.
                         */
                        nu: string;
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    werkvoorraad: {
        parameters: {
            query?: {
                /** @description Alleen klachten in deze toestand (of een subtoestand ervan). */
                toestand?: string;
                /** @description Alleen klachten over deze aanbieder (id). */
                aanbieder?: string;
                /** @description true: alleen klachten die te laat zijn (docs/te-laat.md); false: alleen klachten die dat niet zijn. */
                teLaat?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hoogstens 500 open klachten, de meest dringende eerst, met de keuzes voor de filters. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        gemeente: {
                            /** @example GM0363 */
                            code: string;
                            /** @example Amsterdam */
                            naam: string;
                        };
                        /** Format: date-time */
                        peildatum: string;
                        bijnaDagen: number;
                        resultaten: {
                            /** Format: uuid */
                            id: string;
                            gemeente: {
                                /** @example GM0363 */
                                code: string;
                                /** @example Amsterdam */
                                naam: string;
                            };
                            onderwerp: string | null;
                            state: string;
                            stateOmschrijving: string;
                            soort: string;
                            /** Format: date-time */
                            ontvangenOp: string;
                            aanbieders: components["schemas"]["AanbiederDto"][];
                            teLaat: boolean;
                            /** @enum {string|null} */
                            band: "overdue" | "nearlyDue" | "onTime" | null;
                            eersteTermijn: {
                                label: string;
                                /** Format: date */
                                vervaldatum: string;
                                /** Format: date-time */
                                vervaltOp: string;
                            } | null;
                        }[];
                        keuzes: {
                            toestanden: {
                                state: string;
                                omschrijving: string;
                            }[];
                            aanbieders: {
                                id: string;
                                naam: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    intakeVragen: {
        parameters: {
            query?: {
                /** @description De ontvangstdag (JJJJ-MM-DD); standaard vandaag, of de laatste dag van de gemeente van de intake als die is opgeheven. Een dag waarop die gemeente al was opgeheven geeft 400 met op (Wet arhi art. 40: registreer de klacht bij de opvolger). */
                op?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De vragen bij de intake. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description De gemeente waarvoor de klacht wordt geregistreerd (gemeente in POST /klachten): de eigen, of bij een aanbieder de gemeente die zijn id koos (aanbiederGemeente van GET /ik). */
                        gemeente: {
                            /** @example GM0363 */
                            code: string;
                            /** @example Amsterdam */
                            naam: string;
                        };
                        /**
                         * Format: date-time
                         * @description Het moment van nu volgens Klachtregie; een formulier stelt dit voor als moment van ontvangst.
                         */
                        nu: string;
                        /**
                         * Format: date
                         * @description De ontvangstdag waarvoor de vragen gelden.
                         */
                        op: string;
                        definitie: {
                            /** @example gm0363-amsterdam */
                            id: string;
                            versie: string;
                        };
                        /** @description De waarden van kanaal in POST /klachten. */
                        kanalen: string[];
                        /** @description De waarden van ingediendBij in POST /klachten. */
                        ingediendBij: string[];
                        /** @description De waarden van soort in POST /klachten. */
                        soorten: string[];
                        /** @description De waarden van aanbieders[].type in POST /klachten. */
                        aanbiederTypes: string[];
                        feiten: {
                            /** @example eerderBijAanbieder */
                            naam: string;
                            /** @enum {string} */
                            type: "boolean" | "getal" | "tekst" | "keuze";
                            omschrijving: string;
                            /** @description Bij type keuze: de toegestane waarden. */
                            waarden?: string[];
                        }[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Op die dag geldt geen klachtregeling voor uw gemeente (geen-definitie). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    gebeurtenisGevolgen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GebeurtenisDto"];
            };
        };
        responses: {
            /** @description De gevolgen; dezelfde controles als POST /klachten/{id}/gebeurtenissen (422 met de velden, 409 als de gebeurtenis nu niet kan) */
            200: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        omschrijving: string;
                        van: {
                            state: string;
                            omschrijving: string;
                        };
                        naar: {
                            state: string;
                            omschrijving: string;
                        };
                        afgerond: boolean;
                        termijnen: {
                            naam: string;
                            label: string;
                            /**
                             * @description verloopt: de termijn verstrijkt vóór de gebeurtenis (een verloop dat de registratie eerst uitvoert); de andere: wat de gebeurtenis doet met de termijnen in van.
                             * @enum {string}
                             */
                            gevolg: "verloopt" | "nieuw" | "verschoven" | "stopt" | "blijft";
                            /**
                             * @description Van wie een contact-termijn is (aanbieder of gemeente); null bij elke andere termijn. Zelfde naam, andere partij: een andere termijn.
                             * @enum {string|null}
                             */
                            voor: "aanbieder" | "gemeente" | null;
                            /** Format: date */
                            vervaldatumNu: string | null;
                            /** Format: date */
                            vervaldatum: string | null;
                            uitleg: string[];
                            grondslag: string | null;
                        }[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De gebeurtenis kan nu niet, of is voorbehouden aan het systeem; er is niets gewijzigd. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GebeurtenisNietToegestaanProblem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De data van de gebeurtenis is niet in orde, of at ligt in de toekomst (tijdstip-in-de-toekomst); invalidParams noemt elk veld. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GebeurtenisDataOngeldigProblem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieScenariosToetsen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefinitieYamlDto"];
            };
        };
        responses: {
            /** @description Per scenariobestand elk scenario: geslaagd, of wat er afweek op regel:kolom */
            200: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Nee als de tekst fouten bevat: dan draait er niets */
                        kanDraaien: boolean;
                        reden?: string;
                        totaal: number;
                        geslaagd: number;
                        mislukt: number;
                        bestanden: {
                            /** @example scenarios/gm0363-amsterdam/levensloop.yaml */
                            bestand: string;
                            suite?: string;
                            scenarios: {
                                naam: string;
                                geslaagd: boolean;
                                meldingen: {
                                    line: number;
                                    column: number;
                                    melding: string;
                                    toelichting?: string[];
                                }[];
                            }[];
                            fouten?: {
                                line: number;
                                column: number;
                                melding: string;
                                toelichting?: string[];
                            }[];
                        }[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen definitie met dit id voor de gemeente (definitie-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    definitieVerschil: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefinitieYamlDto"];
            };
        };
        responses: {
            /** @description Het verschil, of waarom het (nog) niet te bepalen is */
            200: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kanVergelijken: boolean;
                        reden?: string;
                        /**
                         * @description De gepubliceerde versie waarmee vergeleken is
                         * @example 2015-01
                         */
                        tegen?: string;
                        van?: string;
                        naar?: string;
                        toestanden?: {
                            toegevoegd: {
                                /** @example gemeente.inBehandeling */
                                id: string;
                                label: string;
                            }[];
                            verwijderd: {
                                /** @example gemeente.inBehandeling */
                                id: string;
                                label: string;
                            }[];
                        };
                        termijnen?: {
                            naam: string;
                            label: string;
                            /** @enum {string} */
                            soort: "toegevoegd" | "verwijderd" | "gewijzigd";
                            oud?: string;
                            nieuw?: string;
                            regels: string[];
                        }[];
                        tweedeLijn?: {
                            naam: string;
                            /** @enum {string} */
                            soort: "toegevoegd" | "verwijderd" | "gewijzigd";
                            regels: string[];
                        }[];
                        routering?: {
                            criterium: string;
                            oud?: string;
                            nieuw?: string;
                            regel: string;
                        }[];
                        aantal?: number;
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen definitie met dit id voor de gemeente (definitie-niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    migratieProef: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                versie: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per lopende klacht de oude en nieuwe toestand en termijnen met uitleg, en waarom ze niet kan (bezwaren). */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 2024-07 */
                        naarVersie: string;
                        klachten: {
                            /** Format: uuid */
                            klachtId: string;
                            /** @example 2024-01 */
                            vanVersie: string;
                            /** @example 2024-07 */
                            naarVersie: string;
                            /** @example gemeente.beoordelen */
                            vanState: string;
                            /** @description De toestand op de nieuwe versie (ontbreekt als de historie daar niet doorheen komt). */
                            naarState?: string;
                            termijnen: {
                                /** @example afhandeling */
                                naam: string;
                                label: string;
                                oud?: {
                                    /** Format: date */
                                    vervaldatum: string;
                                    uitleg: string[];
                                };
                                nieuw?: {
                                    /** Format: date */
                                    vervaldatum: string;
                                    uitleg: string[];
                                };
                                /** @description Dagen later (+) of eerder (-) op de nieuwe versie. */
                                verschilDagen?: number;
                                /** @description Een gemiste termijn van deze naam is te laat van gemeente of aanbieder. */
                                verplichting: boolean;
                            }[];
                            /** @description Waarom de klacht niet mee kan; leeg: ze kan. */
                            bezwaren: string[];
                            migreerbaar: boolean;
                        }[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen versie met dit id voor uw gemeente. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    migreer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                versie: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MigratieVerzoekDto"];
            };
        };
        responses: {
            /** @description De klachten staan op de nieuwe versie, met hun nieuwe termijnen. */
            200: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 2024-07 */
                        naarVersie: string;
                        klachten: {
                            /** Format: uuid */
                            klachtId: string;
                            /** @example 2024-01 */
                            vanVersie: string;
                            /** @example 2024-07 */
                            naarVersie: string;
                            /** @example gemeente.beoordelen */
                            vanState: string;
                            /** @description De toestand op de nieuwe versie (ontbreekt als de historie daar niet doorheen komt). */
                            naarState?: string;
                            termijnen: {
                                /** @example afhandeling */
                                naam: string;
                                label: string;
                                oud?: {
                                    /** Format: date */
                                    vervaldatum: string;
                                    uitleg: string[];
                                };
                                nieuw?: {
                                    /** Format: date */
                                    vervaldatum: string;
                                    uitleg: string[];
                                };
                                /** @description Dagen later (+) of eerder (-) op de nieuwe versie. */
                                verschilDagen?: number;
                                /** @description Een gemiste termijn van deze naam is te laat van gemeente of aanbieder. */
                                verplichting: boolean;
                            }[];
                            /** @description Waarom de klacht niet mee kan; leeg: ze kan. */
                            bezwaren: string[];
                            migreerbaar: boolean;
                        }[];
                    };
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen versie of klacht met dit id voor uw gemeente. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description migratie-geweigerd: een of meer klachten kunnen niet; er is niets gewijzigd. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MigratieGeweigerdProblem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De versie begint na vandaag (versie-nog-niet-geldig; invalidParams noemt versie): klachten gaan pas vanaf haar geldigVanaf over; er is niets gewijzigd. Of de Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lijstZgwAfleveringen: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "wachtend" | "afgeleverd" | "vastgelopen";
                klachtId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZgwAfleveringLijstDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    leverZgwOpnieuw: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                klachtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZgwAfleveringDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen vastgelopen aflevering voor deze klacht (ook: van een andere gemeente) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    documentenOphalen: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentPaginaDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    documentToevoegen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["DocumentUploadDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description document-te-groot: het bestand is groter dan 10 MiB; er is niets bewaard. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description mediatype-niet-toegestaan: de inhoud is geen PDF, PNG-afbeelding, JPEG-afbeelding, platte tekst (UTF-8), Word-document (.docx); mediatype-klopt-niet: het opgegeven media type is niet wat de inhoud is. Er is niets bewaard. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    documentInhoud: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De inhoud zoals bewaard, in haar eigen media type (SHA-256 in Digest en ETag). */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/png": string;
                    "image/jpeg": string;
                    "text/plain": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "text/html": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    brievenOphalen: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefPaginaDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    briefOphalen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                briefId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De brief als JSON, of op Accept de PDF of de HTML zoals bewaard. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefDto"];
                    "application/pdf": string;
                    "text/html": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    briefPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                briefId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De PDF zoals bewaard. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    briefHtml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                briefId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description De HTML zoals bewaard. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dossierTijdlijn: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierPaginaDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vernietigingslijstenOphalen: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VernietigingslijstPaginaDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vernietigingslijstOpstellen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VernietigingslijstDto"];
                };
            };
            /** @description Er is niets te vernietigen. */
            204: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vernietigingslijstOphalen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lijstId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VernietigingslijstDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vernietigingslijstOndertekenen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                lijstId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VernietigingslijstDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description vernietigingslijst-ondertekend: een ander ondertekende haar al; vernietigingslijst-afgehandeld: de lijst is al uitgevoerd. Er is niets gewijzigd. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vernietigingslijstGoedkeuren: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unieke sleutel per verzoek: een herhaling met dezelfde sleutel geeft het eerste antwoord terug. */
                "Idempotency-Key"?: string;
            };
            path: {
                lijstId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description true als dit het opgeslagen antwoord is op een eerder verzoek met dezelfde Idempotency-Key; er is niets nogmaals uitgevoerd. */
                    "Idempotent-Replayed"?: "true";
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VernietigingslijstDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description vier-ogen: wie de lijst opstelde of ondertekende keurt haar niet zelf goed, ook niet met een andere sleutel of login (vier-ogenprincipe); ondertekening-nodig: de dagelijkse taak stelde de lijst op en niemand ondertekende haar nog, of zij is ondertekend met een sleutel die op naam van geen medewerker staat (een medewerker ondertekent haar opnieuw); vernietigingslijst-afgehandeld: de lijst is al uitgevoerd. Er is niets gewijzigd. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De Idempotency-Key is al gebruikt voor een ander verzoek (idempotency-key-hergebruikt) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bewaarblokkadeZetten: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BewaarBlokkadeDto"];
            };
        };
        responses: {
            /** @description De blokkade zoals zij nu staat. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BewaarBlokkadeStandDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bewaarblokkadeOpheffen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BewaarOpheffenDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bewaringOphalen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BewaringStandDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    blijvendBewarenMarkeren: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlijvendBewarenDto"];
            };
        };
        responses: {
            /** @description De markering zoals zij nu staat. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlijvendBewarenStandDto"];
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    blijvendBewarenOpheffen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BewaarOpheffenDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    aanbiederOverdragen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                aanbiederId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OverdrachtDto"];
            };
        };
        responses: {
            /** @description Het archief; X-Manifest-SHA256 is de SHA-256 van manifest.json, X-Overdracht-Uiterlijk de dag waarop de overdracht uiterlijk af moet zijn, X-Klachten-Overgenomen hoeveel lopende klachten de gemeente van de aanbieder overnam, X-Klachten-Niet-Meegenomen hoeveel klachten deze overdracht liet staan omdat een verstreken termijn nog niet verwerkt is (Awb 9:11 lid 1; bijvoorbeeld een klacht die nog wordt geïmporteerd): niet overgenomen, niet in het archief, de aanbieder houdt toegang; manifest.json noemt ze met de reden (nietMeegenomen), een volgende overdracht neemt ze mee. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/x-tar": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description overdracht-gelijktijdig: bij elke poging veranderde een klacht van de aanbieder (een stap, een verzoek van de ombudsman) terwijl de overdracht haar archief maakte; er is niets vastgelegd en de aanbieder houdt toegang. Draag opnieuw over. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is te groot (verzoek-te-groot) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De body is niet in een mediatype dat deze operatie aanneemt (mediatype-niet-ondersteund) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    inzageverzoekExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Het archief; X-Manifest-SHA256 is de SHA-256 van manifest.json. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/x-tar": string;
                };
            };
            /** @description Ongeldig verzoek (validatie-fout) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Geen of een ongeldig token (niet-geauthenticeerd) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De rol mag dit niet (geen-toegang) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Niet gevonden, of niet van de gemeente van de aanroeper (niet-gevonden) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Te veel verzoeken (te-veel-verzoeken); wacht Retry-After seconden */
            429: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Interne fout (interne-fout); de fout is gelogd */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description De database is even niet bereikbaar (niet-beschikbaar); er is niets gewijzigd */
            503: {
                headers: {
                    /** @description Seconden tot een nieuwe poging zin heeft (RFC 9110 §10.2.3). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
