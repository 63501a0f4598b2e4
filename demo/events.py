"""The working fields, topics and events of the demo, with the seed page's real text.

The five events of "Die neuen Kommunen ohne Grenzen" reproduce the association's published
page; times and venues the page does not state are left out rather than made up (they are
all-day entries). Upcoming events are dated relative to today so the site never looks stale.
"""

import datetime as dt

from .records import (
    DemoAgendaItem,
    DemoAgreement,
    DemoAllDay,
    DemoBoardEntry,
    DemoDocument,
    DemoGroup,
    DemoInfoSession,
    DemoMeeting,
    DemoMunicipality,
    DemoRegistrationBatch,
    DemoRegistrationSettings,
    DemoSpeaker,
    DemoTopic,
    DemoUpcoming,
    DemoWorkshop,
)

MEMBERS_COLLECTION = "Protokolle (nur für Mitglieder)"

# Appended to every demo protocol, so the files read (and count pages) like real minutes.
PROTOCOL_APPENDIX = [
    "# Anwesende Kommunen",
    "Altenbeken, Bad Driburg, Bad Lippspringe, Bad Wünnenberg, Borchen, Büren, Delbrück, "
    "Hövelhof, Höxter, Lichtenau, Paderborn, Salzkotten, Schlangen, Steinheim, Warburg; "
    "außerdem die Geschäftsstelle des Vereins.",
    "# Tagesordnung",
    "1. Begrüßung und Feststellung der Tagesordnung. 2. Bericht der Geschäftsstelle. "
    "3. Austausch zu den Handlungsfeldern. 4. Verabredungen und nächste Termine. "
    "5. Verschiedenes.",
    "# Bericht der Geschäftsstelle",
    "Die Geschäftsstelle berichtet über den Stand der vier Aktionsfelder, über laufende "
    "Förderanträge und über Anfragen von Mitgliedskommunen zu interkommunalen Kooperationen. "
    "Sie bittet die Teilnehmenden, Beispiele gelebter Zusammenarbeit aus ihren Verwaltungen "
    "zu melden, damit sie im Arbeitskreis vorgestellt werden können.",
    "# Austausch",
    "In der Diskussion wird deutlich, dass gemeinsame Lösungen besonders dort gelingen, wo "
    "Prozesse bereits standardisiert sind oder mit überschaubarem Aufwand vereinheitlicht "
    "werden können. Genannt werden unter anderem Beschaffung, Vergabe, Personalgewinnung, "
    "Fördermittelberatung und die Digitalisierung von Verwaltungsleistungen nach dem "
    "Onlinezugangsgesetz.",
    "# Verschiedenes",
    "Das Protokoll wird den Mitgliedskommunen über den Mitgliederbereich der Website zur "
    "Verfügung gestellt. Ergänzungen und Korrekturen nimmt die Geschäftsstelle innerhalb von "
    "zwei Wochen entgegen.",
] * 2

TOPICS = [
    DemoTopic(name="Mobiles Arbeiten", slug="mobiles-arbeiten"),
    DemoTopic(
        name="Aufgabenteilung zur Vereinfachung bürokratischer Prozesse", slug="aufgabenteilung"
    ),
    DemoTopic(name="Gemeinsames Beschaffungsmanagement", slug="beschaffung"),
    DemoTopic(name="Fördermittelberatung", slug="foerdermittelberatung"),
    DemoTopic(name="Personalmanagement / Regionaler Personalpool", slug="personalpool"),
    DemoTopic(name="Digitalisierung / Onlinezugangsgesetz (OZG)", slug="ozg"),
    DemoTopic(name="Zentrale Vergabestelle", slug="vergabestelle"),
    DemoTopic(name="Abfallwirtschaft", slug="abfallwirtschaft"),
    DemoTopic(name="Abwasser", slug="abwasser"),
    DemoTopic(name="Bauhof", slug="bauhof"),
    DemoTopic(name="Bürgerbüro", slug="buergerbuero"),
    DemoTopic(name="IT", slug="it"),
    DemoTopic(name="Feuerwehr", slug="feuerwehr"),
]

SEED_GROUP = DemoGroup(
    title="Die neuen Kommunen ohne Grenzen",
    slug="kommunen-ohne-grenzen",
    palette="blau",
    tagline="Verwaltungskooperation | Zusammenarbeit",
    intro=(
        "Im Arbeitskreis tauschen sich die Verwaltungen der Mitgliedskommunen über "
        "interkommunale Zusammenarbeit aus: Wo wird sie in der Region bereits gelebt, wo lassen "
        "sich Aufgaben teilen und Prozesse vereinheitlichen?"
    ),
    topics=["mobiles-arbeiten", "aufgabenteilung", "personalpool", "ozg", "vergabestelle"],
)

OTHER_GROUPS = [
    DemoGroup(
        title="Der neue Mittelstand",
        slug="der-neue-mittelstand",
        palette="orange",
        tagline="Wirtschaft | Fachkräfte",
        intro="Unternehmen, Fachkräfte und Standortentwicklung in Stadt und Umland.",
    ),
    DemoGroup(
        title="Die neue Mobilität",
        slug="die-neue-mobilitaet",
        palette="gruen",
        tagline="Mobilität | Verkehr",
        intro="Wege zwischen Stadt und Land: Nahverkehr, Radverkehr und neue Mobilitätsangebote.",
    ),
    DemoGroup(
        title="Das neue Stadt Land Quartier",
        slug="das-neue-stadt-land-quartier",
        palette="violett",
        tagline="Wohnen | Quartiere",
        intro="Wohnen, Arbeiten und Leben in lebendigen Quartieren in der Stadt und auf dem Land.",
    ),
]

PORTAL_LINK = (
    "<p>Ausführliche Informationen zu Beispielen interkommunaler Zusammenarbeit aus "
    'Nordrhein-Westfalen finden Sie im <a href="https://interkommunales.nrw/">Portal '
    "zur Interkommunalen Zusammenarbeit</a>.</p>"
)

SEED_EVENTS = [
    DemoMeeting(
        meeting_kind="workshop_meeting",
        title="Werkstatt-Treffen vom 18.12.2019",
        slug="werkstatt-treffen-2019-12-18",
        when=DemoAllDay(date=dt.date(2019, 12, 18)),
        intro=(
            "Der Arbeitskreis trägt zusammen, wo interkommunale Zusammenarbeit in der Region "
            "bereits gelebt wird, und wünscht sich eine Austauschplattform für Angebot und "
            "Nachfrage."
        ),
        outcomes=(
            "<p>Die Teilnehmerinnen und Teilnehmer des Arbeitskreises sind sich darüber einig, "
            "dass interkommunale Zusammenarbeit künftig deutlich an Bedeutung gewinnen wird. Es "
            "werden zahlreiche Handlungsfelder identifiziert, wo eine interkommunale "
            "Zusammenarbeit in der Region bereits gelebt wird. Zudem wird der Wunsch nach einer "
            "Austauschplattform geäußert, auf der „Angebot“ und „Nachfrage“ interkommunaler "
            "Zusammenarbeit zusammengebracht werden können. Insbesondere in standardisierten "
            "Prozessen sollten einheitliche Strukturen aufgebaut werden, um Verwaltungseffizienz "
            "und interkommunalen Austausch zu vereinfachen.</p>"
        ),
        topics=["aufgabenteilung"],
        attendance_mode="in_person",
    ),
    DemoMeeting(
        meeting_kind="meeting",
        title="Arbeitskreistreffen vom 12.03.2020",
        slug="arbeitskreistreffen-2020-03-12",
        when=DemoAllDay(date=dt.date(2020, 3, 12)),
        intro=(
            "Potenzial für interkommunale Zusammenarbeit sieht der Arbeitskreis vor allem bei "
            "standardisierten Arbeitsprozessen."
        ),
        outcomes=(
            "<p>Potenzial für eine interkommunale Zusammenarbeit wird insbesondere bei "
            "standardisierten Arbeitsprozessen gesehen. Diese gilt es gemeinsam zu identifizieren "
            "bzw. eine Standardisierung, wo möglich und sinnvoll, anzuregen. Darauf aufbauend "
            "können Verwaltungskooperationen angebahnt werden.</p>"
            "<p>Großes Interesse an einem interkommunalen Austausch besteht bei den "
            "Arbeitskreisteilnehmerinnen und -teilnehmern an den Themen „Mobiles Arbeiten“, "
            "„Aufgabenteilung zur Vereinfachung bürokratischer Prozesse (u.a. gemeinsames "
            "Beschaffungsmanagement, Akquise, Fördermittelberatung)“ sowie "
            "„Personalmanagement/Regionaler Personalpool“. Der Verein ist hier gefordert, einen "
            "interkommunalen Austausch zu organisieren und zu strukturieren sowie externes "
            "Expertenwissen einzubinden.</p>"
        ),
        topics=["mobiles-arbeiten", "aufgabenteilung", "beschaffung", "personalpool"],
        attendance_mode="in_person",
        # The association published this meeting's outcome; its minutes are public too.
        minutes_audience="everyone",
        agenda=[
            DemoAgendaItem(
                title="Begrüßung und Rückblick auf das Werkstatt-Treffen vom 18.12.2019",
                presenter="Geschäftsstelle",
            ),
            DemoAgendaItem(
                title="Standardisierte Arbeitsprozesse als Grundlage für Verwaltungskooperationen",
                presenter="Geschäftsstelle",
                result=(
                    "<p>Potenzial für eine interkommunale Zusammenarbeit wird insbesondere bei "
                    "standardisierten Arbeitsprozessen gesehen. Diese gilt es gemeinsam zu "
                    "identifizieren bzw. eine Standardisierung, wo möglich und sinnvoll, "
                    "anzuregen. Darauf aufbauend können Verwaltungskooperationen angebahnt "
                    "werden.</p>"
                ),
            ),
            DemoAgendaItem(
                title="Themen für den interkommunalen Austausch: „Mobiles Arbeiten“",
                result=(
                    "<p>Großes Interesse am Austausch. Der Verein organisiert eine "
                    "Informationsveranstaltung mit externem Expertenwissen.</p>"
                ),
            ),
            DemoAgendaItem(
                title=(
                    "Themen für den interkommunalen Austausch: „Aufgabenteilung zur "
                    "Vereinfachung bürokratischer Prozesse“"
                ),
                note="u. a. gemeinsames Beschaffungsmanagement, Akquise, Fördermittelberatung",
                result=(
                    "<p>Der Verein lädt zu einer Fachwerkstatt ein, in der Mitgliedskommunen "
                    "Beispiele interkommunaler Leistungserbringung vorstellen.</p>"
                ),
            ),
            DemoAgendaItem(
                title=(
                    "Themen für den interkommunalen Austausch: „Personalmanagement/Regionaler "
                    "Personalpool“"
                ),
                result=(
                    "<p>Der Bedarf der Mitgliedskommunen wird abgefragt, bevor ein Format "
                    "geplant wird.</p>"
                ),
            ),
            DemoAgendaItem(title="Verschiedenes"),
        ],
        agreements=[
            DemoAgreement(
                task=(
                    "Fachwerkstatt „Aufgabenteilung zur Vereinfachung bürokratischer Prozesse“ "
                    "mit Beispielen aus den Mitgliedskommunen organisieren"
                ),
                due=dt.date(2020, 11, 30),
                done_on=dt.date(2020, 11, 12),
            ),
            DemoAgreement(
                task=(
                    "Informationsveranstaltung „Mobile Arbeit“ mit externem Expertenwissen "
                    "vorbereiten"
                ),
                due=dt.date(2021, 4, 30),
                done_on=dt.date(2021, 4, 29),
            ),
            DemoAgreement(
                task=(
                    "Bedarf an einem Regionalen Personalpool in der eigenen Verwaltung abfragen "
                    "und der Geschäftsstelle melden"
                ),
                municipality="Paderborn",
            ),
            DemoAgreement(
                task=(
                    "Ergebnisse der Bedarfsabfrage zum Personalpool für den Arbeitskreis "
                    "aufbereiten"
                ),
            ),
        ],
        documents=[
            DemoDocument(
                title="Protokoll des Arbeitskreistreffens vom 12.03.2020",
                kind="protocol",
                paragraphs=[
                    "# Teilnehmende",
                    "Vertreterinnen und Vertreter der Mitgliedskommunen des Arbeitskreises "
                    "„Die neuen Kommunen ohne Grenzen“ sowie die Geschäftsstelle des Vereins.",
                    "# Ergebnisse",
                    "Potenzial für eine interkommunale Zusammenarbeit wird insbesondere bei "
                    "standardisierten Arbeitsprozessen gesehen. Diese gilt es gemeinsam zu "
                    "identifizieren bzw. eine Standardisierung, wo möglich und sinnvoll, "
                    "anzuregen. Darauf aufbauend können Verwaltungskooperationen angebahnt werden.",
                    "# Themen für den weiteren Austausch",
                    "Mobiles Arbeiten; Aufgabenteilung zur Vereinfachung bürokratischer Prozesse "
                    "(u. a. gemeinsames Beschaffungsmanagement, Akquise, Fördermittelberatung); "
                    "Personalmanagement und Regionaler Personalpool.",
                    "# Verabredungen",
                    "Die Geschäftsstelle organisiert und strukturiert den interkommunalen "
                    "Austausch und bindet externes Expertenwissen ein. Als nächster Schritt ist "
                    "eine Fachwerkstatt zur Aufgabenteilung geplant. Vertraulicher Hinweis für "
                    "Mitglieder: Die Kontaktliste der Ansprechpersonen liegt der Geschäftsstelle "
                    "vor (Stichwort Verwaltungskooperationsregister).",
                ],
            )
        ],
    ),
    DemoWorkshop(
        title="Digitale Fachwerkstatt „Aufgabenteilung zur Vereinfachung bürokratischer "
        "Prozesse“ vom 12.11.2020",
        slug="fachwerkstatt-aufgabenteilung-2020-11-12",
        when=DemoAllDay(date=dt.date(2020, 11, 12)),
        intro=(
            "Akteure aus der regiopolREGION PADERBORN informierten sich über Möglichkeiten der "
            "Aufgabenteilung und den Stand in den Kommunen."
        ),
        body=[
            (
                "paragraph",
                "<p>Zu einer weiteren digitalen Fachwerkstatt trafen sich zahlreiche Akteure aus "
                "der regiopolREGION PADERBORN, um sich über die Möglichkeiten der Aufgabenteilung "
                "zur Vereinfachung bürokratischer Prozesse zu informieren und mehr über den "
                "derzeitigen Realisierungsstand in den Kommunen der regiopolREGION PADERBORN zu "
                "erfahren. Die Teilnehmerinnen und Teilnehmern bekamen so einen aktuellen "
                "Einblick in bereits bestehende interkommunale Aktivitäten und loteten künftige "
                "potenzielle Kooperationsbereiche aus.</p>"
                "<p>Nach Begrüßung und einer inhaltlichen Einführung durch die "
                "Geschäftsstellenleitung berichtete Herr Jürgen Meier (Stadt Paderborn) von "
                "Beispielen interkommunaler Leistungserbringung der Stadt Paderborn. So "
                "übernimmt zum Beispiel eine zentrale Vergabestelle, angesiedelt bei der Stadt "
                "Paderborn, die Abwicklung von Vergabeverfahren.</p>"
                "<p>Anschließend stellte Herr Bürgermeister Malte Dahlhoff (Gemeinde Bad "
                "Sassendorf) ein Projektvorhaben zur Projektstandardisierung im Kontext des "
                "Onlinezugangsgesetzes (OZG) aus dem Kreis Soest vor.</p>"
                "<p>Über verschiedene Ansätze regionaler Kooperationen berichtete abschließend "
                "Herr Staatssekretär a.D. Michael von der Mühlen, der bereits den "
                "StadtUmland.NRW-Wettbewerb in 2016 begleitet hat.</p>"
                "<p>Die Moderation der Fachwerkstatt erfolgte durch das Büro scheuvens+wachten "
                "plus planungsgesellschaft mbh.</p>"
                "<p>Die Präsentationen von Herrn Meier, Herrn Dahlhoff und Herrn von der Mühlen "
                "sowie das Programm der Fachwerkstatt stehen Ihnen unten als Download zur "
                "Verfügung, ebenso das Protokoll der Fachwerkstatt.</p>" + PORTAL_LINK,
            )
        ],
        moderation="Büro scheuvens+wachten plus planungsgesellschaft mbh",
        topics=["aufgabenteilung", "vergabestelle", "ozg"],
        attendance_mode="online",
        speakers=[
            DemoSpeaker(
                name="Jürgen Meier",
                organisation="Stadt Paderborn",
                topic="Beispiele interkommunaler Leistungserbringung der Stadt Paderborn",
                presentation="Präsentation von Herrn Meier | Stadt Paderborn",
            ),
            DemoSpeaker(
                name="Malte Dahlhoff",
                role="Bürgermeister",
                organisation="Gemeinde Bad Sassendorf",
                topic="Projektvorhaben zur Projektstandardisierung im Kontext des OZG aus dem "
                "Kreis Soest",
                presentation="Präsentation von Herrn Dahlhoff | Gemeinde Bad Sassendorf",
            ),
            DemoSpeaker(
                name="Michael von der Mühlen",
                role="Staatssekretär a.D.",
                topic="Ansätze regionaler Kooperationen",
                presentation="Präsentation von Herrn von der Mühlen | Staatssekretär a.D.",
            ),
        ],
        documents=[
            DemoDocument(
                title="Programm der Fachwerkstatt",
                kind="programme",
                paragraphs=[
                    "Digitale Fachwerkstatt „Aufgabenteilung zur Vereinfachung bürokratischer "
                    "Prozesse“ am 12.11.2020",
                    "# Ablauf",
                    "Begrüßung und inhaltliche Einführung durch die Geschäftsstellenleitung",
                    "Beispiele interkommunaler Leistungserbringung der Stadt Paderborn – "
                    "Jürgen Meier, Stadt Paderborn",
                    "Projektstandardisierung im Kontext des Onlinezugangsgesetzes (OZG) im Kreis "
                    "Soest – Bürgermeister Malte Dahlhoff, Gemeinde Bad Sassendorf",
                    "Ansätze regionaler Kooperationen – Staatssekretär a.D. Michael von der Mühlen",
                    "Austausch und Ausblick",
                    "Moderation: scheuvens+wachten plus planungsgesellschaft mbh",
                ],
            ),
            DemoDocument(
                title="Präsentation von scheuvens+wachten plus planungsgesellschaft mbh",
                kind="presentation",
                paragraphs=[
                    "# Einführung in die Fachwerkstatt",
                    "Ziele der Fachwerkstatt: Überblick über bestehende interkommunale Aktivitäten "
                    "in der regiopolREGION PADERBORN und Ausloten künftiger Kooperationsbereiche.",
                ],
            ),
            DemoDocument(
                title="Präsentation von Herrn Meier | Stadt Paderborn",
                kind="presentation",
                paragraphs=[
                    "# Interkommunale Leistungserbringung der Stadt Paderborn",
                    "Beispiel zentrale Vergabestelle: Die bei der Stadt Paderborn angesiedelte "
                    "Vergabestelle übernimmt die Abwicklung von Vergabeverfahren auch für "
                    "andere Kommunen.",
                ],
            ),
            DemoDocument(
                title="Präsentation von Herrn Dahlhoff | Gemeinde Bad Sassendorf",
                kind="presentation",
                paragraphs=[
                    "# Projektstandardisierung im Kontext des OZG",
                    "Projektvorhaben aus dem Kreis Soest: gemeinsame Standards für die "
                    "Digitalisierung von Verwaltungsleistungen nach dem Onlinezugangsgesetz.",
                ],
            ),
            DemoDocument(
                title="Präsentation von Herrn von der Mühlen | Staatssekretär a.D.",
                kind="presentation",
                paragraphs=[
                    "# Ansätze regionaler Kooperationen",
                    "Erfahrungen aus dem Wettbewerb StadtUmland.NRW 2016 und Formen regionaler "
                    "Zusammenarbeit.",
                ],
            ),
            DemoDocument(
                title="Protokoll der Fachwerkstatt",
                kind="protocol",
                paragraphs=[
                    "# Ergebnisse der Fachwerkstatt",
                    "Die Teilnehmenden erhielten einen aktuellen Einblick in bestehende "
                    "interkommunale Aktivitäten, etwa die zentrale Vergabestelle der Stadt "
                    "Paderborn, und loteten künftige Kooperationsbereiche aus.",
                    "# Nächste Schritte",
                    "Die Geschäftsstelle prüft mit interessierten Kommunen eine gemeinsame "
                    "Vergabestelle sowie den Aufbau einer Austauschplattform.",
                ],
            ),
        ],
    ),
    DemoInfoSession(
        title="Informationsveranstaltung „Digitalisierung: Das Onlinezugangsgesetz (OZG) und "
        "Aktivitäten der Digitalen Modellregion OWL“ am 25.03.2021",
        slug="informationsveranstaltung-ozg-2021-03-25",
        when=DemoAllDay(date=dt.date(2021, 3, 25)),
        intro=(
            "Der Fortschritt bei der Digitalisierung ist längst zu einem wichtigen Standortfaktor "
            "in den Regionen und Kommunen geworden."
        ),
        body=[
            (
                "paragraph",
                "<p>Die Veranstaltung gibt einen Überblick über den Umsetzungsstand zum OZG in der "
                "Stadt Paderborn sowie einen Ein- und Überblick zum Stand der Vorhaben im Rahmen "
                "der Digitalen Modellregion OWL. Das Veranstaltungsprogramm finden Sie unten bei "
                "den Unterlagen.</p>",
            )
        ],
        questions=[
            "Wie weit ist die Umsetzung des Onlinezugangsgesetzes (OZG) in der Stadt Paderborn?",
            "Welche Vorhaben laufen im Rahmen der Digitalen Modellregion OWL, und wie ist ihr "
            "Stand?",
        ],
        topics=["ozg"],
        attendance_mode="online",
        documents=[
            DemoDocument(
                title="Veranstaltungsprogramm Informationsveranstaltung OZG",
                kind="programme",
                paragraphs=[
                    "Informationsveranstaltung „Digitalisierung: Das Onlinezugangsgesetz (OZG) "
                    "und Aktivitäten der Digitalen Modellregion OWL“ am 25.03.2021",
                    "# Programm",
                    "Begrüßung",
                    "Umsetzungsstand zum OZG in der Stadt Paderborn",
                    "Stand der Vorhaben im Rahmen der Digitalen Modellregion OWL",
                    "Fragen und Austausch",
                ],
            )
        ],
    ),
    DemoInfoSession(
        title="Infoveranstaltung „Mobile Arbeit“ am 29.04.2021",
        slug="infoveranstaltung-mobile-arbeit-2021-04-29",
        when=DemoAllDay(date=dt.date(2021, 4, 29)),
        intro=(
            "Insbesondere in Zeiten der Corona-Pandemie kommt das „mobile Arbeiten“ als orts- und "
            "zeitunabhängiges Arbeitsmodell verstärkt zum Einsatz."
        ),
        body=[
            (
                "paragraph",
                "<p>Insbesondere in Zeiten der Corona-Pandemie kommt das „mobile Arbeiten“ als "
                "orts- und zeitunabhängiges Arbeitsmodell verstärkt zum Einsatz.</p>"
                "<p>Diese und weitere Aspekte werden in der Infoveranstaltung behandelt. Das "
                "Veranstaltungsprogramm finden Sie unten bei den Unterlagen.</p>",
            )
        ],
        questions=[
            "Was ist mobile Arbeit?",
            "Welche Maßnahmen sind für eine Ein- und Weiterführung mobiler Arbeit in den "
            "Arbeitsalltag kommunaler Verwaltungen sinnvoll und notwendig?",
            "Wie ist mobile Arbeit vertraglich auszugestalten, welche Aspekte spielen dabei eine "
            "Rolle?",
        ],
        topics=["mobiles-arbeiten", "personalpool"],
        attendance_mode="online",
        documents=[
            DemoDocument(
                title="Veranstaltungsprogramm Infoveranstaltung „Mobile Arbeit“",
                kind="programme",
                paragraphs=[
                    "Infoveranstaltung „Mobile Arbeit“ am 29.04.2021",
                    "# Programm",
                    "Was ist mobile Arbeit? Begriffe und Abgrenzung zur Telearbeit",
                    "Ein- und Weiterführung mobiler Arbeit in kommunalen Verwaltungen",
                    "Vertragliche Ausgestaltung: Dienstvereinbarung, Arbeitsschutz, Datenschutz",
                    "Fragen und Austausch",
                ],
            )
        ],
    ),
]

# Upcoming events, dated from the day the demo is built.
UPCOMING_EVENTS = [
    DemoMeeting(
        meeting_kind="meeting",
        title="Arbeitskreistreffen: Gemeinsame Vergabestelle",
        slug="arbeitskreistreffen-vergabestelle",
        when=DemoUpcoming(days_from_today=18, hour=10, duration_minutes=150),
        intro=(
            "Wie könnte eine gemeinsame Vergabestelle für interessierte Mitgliedskommunen "
            "aussehen? Der Arbeitskreis sammelt Anforderungen und nächste Schritte."
        ),
        attendance_mode="hybrid",
        venue_name="Technisches Rathaus Paderborn, Sitzungsraum",
        street="Pontanusstraße 55",
        postal_code="33102",
        city="Paderborn",
        venue_directions=(
            "Vom Hauptbahnhof Paderborn mit dem Stadtbus in Richtung Innenstadt. Parkplätze am "
            "Haus sind knapp: Bitte kommen Sie möglichst mit Bus, Bahn oder Rad."
        ),
        venue_accessibility=(
            "Barrierefreier Zugang über den Seiteneingang, Aufzug vorhanden, Behinderten-WC im "
            "EG. Brauchen Sie weitere Unterstützung, schreiben Sie es bitte in Ihre Anmeldung."
        ),
        online_url="https://konferenz.example.org/arbeitskreis-vergabe",
        topics=["vergabestelle", "beschaffung"],
        # Nearly full on site: 12 places, 10 taken (see REGISTRATIONS).
        registration=DemoRegistrationSettings(
            audience="members",
            capacity_in_person=12,
            capacity_online=30,
            contact_name="Geschäftsstelle",
            contact_email="arbeitskreise@example.org",
            contact_phone="05251 88-12597",
        ),
        agenda=[
            DemoAgendaItem(title="Begrüßung und Protokoll des letzten Treffens"),
            DemoAgendaItem(
                title="Anforderungen an eine gemeinsame Vergabestelle",
                note="Ergebnisse der Umfrage",
                presenter="Zentrale Vergabestelle",
                municipality="Paderborn",
                materials=["Auswertung der Umfrage zur gemeinsamen Vergabestelle"],
            ),
            DemoAgendaItem(
                title="Rechtsform und Finanzierung",
                presenter="Geschäftsstelle",
                materials=["Entwurf einer Zweckvereinbarung"],
            ),
            DemoAgendaItem(title="Nächste Schritte und Termine"),
        ],
        documents=[
            DemoDocument(
                title="Auswertung der Umfrage zur gemeinsamen Vergabestelle",
                kind="other",
                paragraphs=[
                    "# Umfrage unter den Mitgliedskommunen",
                    "Elf Kommunen haben geantwortet. Neun wünschen sich eine gemeinsame "
                    "Vergabestelle für Bau- und Lieferleistungen, zwei prüfen noch.",
                    "# Wichtigste Anforderungen",
                    "Einheitliche Vergabeunterlagen, eine gemeinsame Vergabeplattform und feste "
                    "Ansprechpersonen je Kommune.",
                ],
            ),
            DemoDocument(
                title="Entwurf einer Zweckvereinbarung",
                kind="other",
                members_only=True,
                paragraphs=[
                    "# Entwurf – nur für die Beratung im Arbeitskreis",
                    "Die beteiligten Kommunen übertragen der Stadt Paderborn die Durchführung "
                    "von Vergabeverfahren. Die Kosten werden nach Zahl der Verfahren geteilt.",
                ],
            ),
        ],
    ),
    DemoWorkshop(
        title="Digitale Fachwerkstatt „Regionaler Personalpool“",
        slug="fachwerkstatt-regionaler-personalpool",
        when=DemoUpcoming(days_from_today=46, hour=14, duration_minutes=120),
        intro=(
            "Gemeinsam Fachkräfte gewinnen und halten: Mitgliedskommunen berichten von "
            "ersten Ansätzen eines regionalen Personalpools."
        ),
        attendance_mode="online",
        online_url="https://konferenz.example.org/fachwerkstatt-personalpool",
        moderation="Geschäftsstelle des Vereins",
        topics=["personalpool", "mobiles-arbeiten"],
        # Booked out: 8 places taken, 2 on the waiting list (see REGISTRATIONS).
        registration=DemoRegistrationSettings(
            audience="everyone",
            capacity_online=8,
            contact_name="Geschäftsstelle",
            contact_email="arbeitskreise@example.org",
        ),
    ),
    DemoInfoSession(
        title="Informationsveranstaltung: Fördermittel für interkommunale Projekte",
        slug="information-foerdermittel",
        when=DemoUpcoming(days_from_today=74, hour=17, duration_minutes=90),
        intro=(
            "Welche Förderprogramme unterstützen interkommunale Zusammenarbeit, und wie "
            "gelingt ein gemeinsamer Antrag?"
        ),
        attendance_mode="in_person",
        venue_name="Kreishaus Höxter, Großer Sitzungssaal",
        street="Moltkestraße 12",
        postal_code="37671",
        city="Höxter",
        venue_accessibility="Stufenloser Zugang über den Haupteingang, Aufzug vorhanden.",
        topics=["foerdermittelberatung"],
        registration=DemoRegistrationSettings(audience="everyone", capacity_in_person=60),
        questions=[
            "Welche Förderprogramme kommen für interkommunale Projekte infrage?",
            "Wie stimmen sich mehrere Kommunen bei einem gemeinsamen Antrag ab?",
        ],
    ),
]

# Registrations for the upcoming events; the names are made up.
REGISTRATIONS = [
    DemoRegistrationBatch(
        event_slug="arbeitskreistreffen-vergabestelle", attendance="in_person", confirmed=10
    ),
    DemoRegistrationBatch(
        event_slug="arbeitskreistreffen-vergabestelle", attendance="online", confirmed=4
    ),
    DemoRegistrationBatch(
        event_slug="fachwerkstatt-regionaler-personalpool",
        attendance="online",
        confirmed=8,
        waiting=2,
    ),
    DemoRegistrationBatch(
        event_slug="information-foerdermittel", attendance="in_person", confirmed=14
    ),
]
FIRST_NAMES = ["Anna", "Bernd", "Clara", "Dirk", "Eva", "Frank", "Gabi", "Hanna", "Ingo", "Jana"]
LAST_NAMES = ["Berger", "Claßen", "Droste", "Eickhoff", "Fischer", "Grewe", "Hoppe", "Jäger"]

# One upcoming event in another working field, so the site-wide list shows several groups.
MOBILITY_EVENT = DemoMeeting(
    meeting_kind="meeting",
    title="Arbeitskreistreffen Mobilität: Radverkehr zwischen Stadt und Umland",
    slug="arbeitskreistreffen-radverkehr",
    when=DemoUpcoming(days_from_today=30, hour=9, duration_minutes=180),
    intro="Der Arbeitskreis bespricht Lücken im regionalen Radwegenetz.",
    attendance_mode="in_person",
    venue_name="Rathaus Delbrück",
    street="Marktstraße 6",
    postal_code="33129",
    city="Delbrück",
    venue_directions="Kommen Sie gern mit dem Rad: Abstellplätze gibt es vor dem Rathaus.",
)

# Member municipalities named in public sources, with kind and district (Kreis).
MUNICIPALITIES = [
    DemoMunicipality(name="Paderborn", kind="stadt", district="paderborn"),
    DemoMunicipality(name="Altenbeken", kind="gemeinde", district="paderborn"),
    DemoMunicipality(name="Bad Lippspringe", kind="stadt", district="paderborn"),
    DemoMunicipality(name="Bad Wünnenberg", kind="stadt", district="paderborn"),
    DemoMunicipality(name="Borchen", kind="gemeinde", district="paderborn"),
    DemoMunicipality(name="Büren", kind="stadt", district="paderborn"),
    DemoMunicipality(name="Delbrück", kind="stadt", district="paderborn"),
    DemoMunicipality(name="Hövelhof", kind="gemeinde", district="paderborn"),
    DemoMunicipality(name="Lichtenau", kind="stadt", district="paderborn"),
    DemoMunicipality(name="Salzkotten", kind="stadt", district="paderborn"),
    DemoMunicipality(name="Bad Driburg", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Beverungen", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Borgentreich", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Brakel", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Höxter", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Marienmünster", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Nieheim", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Steinheim", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Willebadessen", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Warburg", kind="stadt", district="hoexter"),
    DemoMunicipality(name="Barntrup", kind="stadt", district="lippe"),
    DemoMunicipality(name="Detmold", kind="stadt", district="lippe"),
    DemoMunicipality(name="Schlangen", kind="gemeinde", district="lippe"),
    DemoMunicipality(name="Verl", kind="stadt", district="guetersloh"),
    DemoMunicipality(name="Erwitte", kind="stadt", district="soest"),
    DemoMunicipality(name="Geseke", kind="stadt", district="soest"),
    DemoMunicipality(name="Lippstadt", kind="stadt", district="soest"),
    DemoMunicipality(name="Warstein", kind="stadt", district="soest"),
    DemoMunicipality(name="Marsberg", kind="stadt", district="hochsauerland"),
]

#: What the demo member "mitglied" has submitted and a moderator has not yet approved, so
#: "Meine Einträge" and the moderators' dashboard have something to show.
PENDING_SUBMISSION = DemoBoardEntry(
    kind="request",
    title="Gemeinsame Datenschutzbeauftragte gesucht",
    municipality="Altenbeken",
    topics=["aufgabenteilung", "personalpool"],
    legal_form="public_agreement",
    phase="idea",
    description=(
        "Für unsere kleine Verwaltung suchen wir eine Nachbarkommune, mit der wir uns eine "
        "Datenschutzbeauftragte teilen können – etwa zwei Tage im Monat, geregelt über eine "
        "öffentlich-rechtliche Vereinbarung."
    ),
)

BOARD_ENTRIES = [
    DemoBoardEntry(
        kind="offer",
        title="Mitnutzung unserer zentralen Vergabestelle",
        municipality="Paderborn",
        topics=["vergabestelle", "beschaffung"],
        legal_form="public_agreement",
        phase="operation",
        description=(
            "Unsere zentrale Vergabestelle wickelt bereits Vergabeverfahren für andere "
            "Kommunen ab. Wir bieten interessierten Nachbarkommunen an, Verfahren über eine "
            "öffentlich-rechtliche Vereinbarung mitzunutzen."
        ),
    ),
    DemoBoardEntry(
        kind="offer",
        title="Erfahrungen mit Dienstvereinbarung zum mobilen Arbeiten",
        municipality="Delbrück",
        topics=["mobiles-arbeiten"],
        phase="operation",
        description=(
            "Wir haben eine Dienstvereinbarung zur mobilen Arbeit eingeführt und teilen Entwurf, "
            "Checklisten und Erfahrungen aus dem ersten Jahr."
        ),
    ),
    DemoBoardEntry(
        kind="offer",
        title="Gemeinsame Ausbildung im Verwaltungsbereich",
        municipality="Büren",
        topics=["personalpool"],
        legal_form="contract",
        phase="initiation",
        description=(
            "Wir bilden Verwaltungsfachangestellte aus und können weitere Ausbildungsplätze in "
            "Kooperation mit Nachbarkommunen anbieten."
        ),
    ),
    DemoBoardEntry(
        kind="offer",
        title="OZG-Leistungen aus unserem Serviceportal nachnutzen",
        municipality="Lippstadt",
        topics=["ozg"],
        legal_form="public_agreement",
        phase="implementation",
        description=(
            "Mehrere Online-Dienste nach dem Onlinezugangsgesetz laufen bei uns produktiv. "
            "Wir bieten die Nachnutzung der Formulare und Prozessbeschreibungen an."
        ),
    ),
    DemoBoardEntry(
        kind="offer",
        title="Fördermittelberatung für kleine Kommunen",
        municipality="Höxter",
        topics=["foerdermittelberatung"],
        legal_form="contract",
        phase="idea",
        description=(
            "Unsere Fördermittelstelle könnte kleinere Nachbarkommunen bei Recherche und Antrag "
            "unterstützen."
        ),
    ),
    DemoBoardEntry(
        kind="offer",
        title="Bauhof-Fahrzeuge gemeinsam nutzen",
        municipality="Salzkotten",
        topics=["bauhof"],
        legal_form="contract",
        phase="idea",
        description=(
            "Spezialfahrzeuge unseres Bauhofs stehen nicht das ganze Jahr im Einsatz; wir "
            "bieten eine gemeinsame Nutzung mit Kostenteilung an."
        ),
    ),
    DemoBoardEntry(
        kind="offer",
        title="Schulungen zur IT-Sicherheit",
        municipality="Detmold",
        topics=["it"],
        phase="operation",
        description=(
            "Wir führen regelmäßig Schulungen zur Informationssicherheit durch und öffnen sie für "
            "Beschäftigte anderer Mitgliedskommunen."
        ),
    ),
    DemoBoardEntry(
        kind="request",
        title="Partner für gemeinsame Vergabestelle gesucht",
        municipality="Borchen",
        topics=["vergabestelle", "beschaffung"],
        legal_form="public_agreement",
        phase="idea",
        description=(
            "Wir möchten Vergabeverfahren nicht mehr allein abwickeln und suchen eine Kommune, die "
            "eine gemeinsame Vergabestelle aufbauen oder ihre mitnutzen lässt."
        ),
    ),
    DemoBoardEntry(
        kind="request",
        title="Muster für mobile Arbeit in kleinen Verwaltungen",
        municipality="Altenbeken",
        topics=["mobiles-arbeiten"],
        phase="idea",
        description=(
            "Wir suchen Erfahrungen und Muster-Dienstvereinbarungen zur mobilen Arbeit für eine "
            "kleine Verwaltung."
        ),
    ),
    DemoBoardEntry(
        kind="request",
        title="Regionaler Vertretungspool im Standesamt",
        municipality="Marienmünster",
        topics=["personalpool"],
        legal_form="public_agreement",
        phase="initiation",
        description=(
            "Für Urlaubs- und Krankheitszeiten suchen wir Kommunen, die einen gemeinsamen "
            "Vertretungspool für das Standesamt aufbauen wollen."
        ),
    ),
    DemoBoardEntry(
        kind="request",
        title="Nachnutzung von OZG-Onlinediensten",
        municipality="Nieheim",
        topics=["ozg"],
        phase="idea",
        description=(
            "Wir suchen eine Kommune, deren OZG-Onlinedienste wir nachnutzen können, statt eigene "
            "Formulare zu entwickeln."
        ),
    ),
    DemoBoardEntry(
        kind="request",
        title="Unterstützung bei Förderanträgen",
        municipality="Willebadessen",
        topics=["foerdermittelberatung"],
        legal_form="contract",
        phase="idea",
        description=(
            "Für ein Projekt zur Ortskernentwicklung suchen wir Unterstützung bei der Recherche "
            "passender Förderprogramme."
        ),
    ),
    DemoBoardEntry(
        kind="request",
        title="Kehrmaschine für den Bauhof mitnutzen",
        municipality="Bad Wünnenberg",
        topics=["bauhof"],
        legal_form="contract",
        phase="idea",
        description=(
            "Wir suchen eine Kommune in der Nähe, deren Bauhof eine Kehrmaschine zeitweise "
            "überlassen kann."
        ),
    ),
    DemoBoardEntry(
        kind="request",
        title="Gemeinsames Bürgerbüro am Wochenende",
        municipality="Schlangen",
        topics=["buergerbuero"],
        legal_form="public_agreement",
        phase="idea",
        description=(
            "Wir prüfen samstägliche Öffnungszeiten eines gemeinsamen Bürgerbüros mit "
            "Nachbarkommunen."
        ),
    ),
]
