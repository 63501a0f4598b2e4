"""The working fields, topics and events of the demo, with the seed page's real text.

The five events of "Die neuen Kommunen ohne Grenzen" reproduce the association's published
page; times and venues the page does not state are left out rather than made up (they are
all-day entries). Upcoming events are dated relative to today so the site never looks stale.
"""

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
    ("Mobiles Arbeiten", "mobiles-arbeiten"),
    (
        "Aufgabenteilung zur Vereinfachung bürokratischer Prozesse",
        "aufgabenteilung",
    ),
    ("Gemeinsames Beschaffungsmanagement", "beschaffung"),
    ("Fördermittelberatung", "foerdermittelberatung"),
    ("Personalmanagement / Regionaler Personalpool", "personalpool"),
    ("Digitalisierung / Onlinezugangsgesetz (OZG)", "ozg"),
    ("Zentrale Vergabestelle", "vergabestelle"),
    ("Abfallwirtschaft", "abfallwirtschaft"),
    ("Abwasser", "abwasser"),
    ("Bauhof", "bauhof"),
    ("Bürgerbüro", "buergerbuero"),
    ("IT", "it"),
    ("Feuerwehr", "feuerwehr"),
]

SEED_GROUP = {
    "title": "Die neuen Kommunen ohne Grenzen",
    "slug": "kommunen-ohne-grenzen",
    "palette": "blau",
    "tagline": "Verwaltungskooperation | Zusammenarbeit",
    "intro": (
        "Im Arbeitskreis tauschen sich die Verwaltungen der Mitgliedskommunen über "
        "interkommunale Zusammenarbeit aus: Wo wird sie in der Region bereits gelebt, wo lassen "
        "sich Aufgaben teilen und Prozesse vereinheitlichen?"
    ),
    "topics": ["mobiles-arbeiten", "aufgabenteilung", "personalpool", "ozg", "vergabestelle"],
}

OTHER_GROUPS = [
    {
        "title": "Der neue Mittelstand",
        "slug": "der-neue-mittelstand",
        "palette": "orange",
        "tagline": "Wirtschaft | Fachkräfte",
        "intro": "Unternehmen, Fachkräfte und Standortentwicklung in Stadt und Umland.",
        "topics": [],
    },
    {
        "title": "Die neue Mobilität",
        "slug": "die-neue-mobilitaet",
        "palette": "gruen",
        "tagline": "Mobilität | Verkehr",
        "intro": (
            "Wege zwischen Stadt und Land: Nahverkehr, Radverkehr und neue Mobilitätsangebote."
        ),
        "topics": [],
    },
    {
        "title": "Das neue Stadt Land Quartier",
        "slug": "das-neue-stadt-land-quartier",
        "palette": "violett",
        "tagline": "Wohnen | Quartiere",
        "intro": (
            "Wohnen, Arbeiten und Leben in lebendigen Quartieren in der Stadt und auf dem Land."
        ),
        "topics": [],
    },
]

PORTAL_LINK = (
    "<p>Ausführliche Informationen zu Beispielen interkommunaler Zusammenarbeit aus "
    'Nordrhein-Westfalen finden Sie im <a href="https://interkommunales.nrw/">Portal '
    "zur Interkommunalen Zusammenarbeit</a>.</p>"
)

# Each document: (key, title, kind, paragraphs of the generated PDF)
SEED_EVENTS = [
    {
        "type": "meeting",
        "meeting_kind": "workshop_meeting",
        "title": "Werkstatt-Treffen vom 18.12.2019",
        "slug": "werkstatt-treffen-2019-12-18",
        "date": (2019, 12, 18),
        "intro": (
            "Der Arbeitskreis trägt zusammen, wo interkommunale Zusammenarbeit in der Region "
            "bereits gelebt wird, und wünscht sich eine Austauschplattform für Angebot und "
            "Nachfrage."
        ),
        "outcomes": (
            "<p>Die Teilnehmerinnen und Teilnehmer des Arbeitskreises sind sich darüber einig, "
            "dass interkommunale Zusammenarbeit künftig deutlich an Bedeutung gewinnen wird. Es "
            "werden zahlreiche Handlungsfelder identifiziert, wo eine interkommunale "
            "Zusammenarbeit in der Region bereits gelebt wird. Zudem wird der Wunsch nach einer "
            "Austauschplattform geäußert, auf der „Angebot“ und „Nachfrage“ interkommunaler "
            "Zusammenarbeit zusammengebracht werden können. Insbesondere in standardisierten "
            "Prozessen sollten einheitliche Strukturen aufgebaut werden, um Verwaltungseffizienz "
            "und interkommunalen Austausch zu vereinfachen.</p>"
        ),
        "topics": ["aufgabenteilung"],
        "attendance_mode": "in_person",
        "documents": [],
    },
    {
        "type": "meeting",
        "meeting_kind": "meeting",
        "title": "Arbeitskreistreffen vom 12.03.2020",
        "slug": "arbeitskreistreffen-2020-03-12",
        "date": (2020, 3, 12),
        "intro": (
            "Potenzial für interkommunale Zusammenarbeit sieht der Arbeitskreis vor allem bei "
            "standardisierten Arbeitsprozessen."
        ),
        "outcomes": (
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
        "topics": ["mobiles-arbeiten", "aufgabenteilung", "beschaffung", "personalpool"],
        "attendance_mode": "in_person",
        "documents": [
            (
                "Protokoll des Arbeitskreistreffens vom 12.03.2020",
                "protocol",
                [
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
    },
    {
        "type": "workshop",
        "title": "Digitale Fachwerkstatt „Aufgabenteilung zur Vereinfachung bürokratischer "
        "Prozesse“ vom 12.11.2020",
        "slug": "fachwerkstatt-aufgabenteilung-2020-11-12",
        "date": (2020, 11, 12),
        "intro": (
            "Akteure aus der regiopolREGION PADERBORN informierten sich über Möglichkeiten der "
            "Aufgabenteilung und den Stand in den Kommunen."
        ),
        "body": [
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
        "moderation": "Büro scheuvens+wachten plus planungsgesellschaft mbh",
        "topics": ["aufgabenteilung", "vergabestelle", "ozg"],
        "attendance_mode": "online",
        "speakers": [
            (
                "Jürgen Meier",
                "",
                "Stadt Paderborn",
                "Beispiele interkommunaler Leistungserbringung der Stadt Paderborn",
                "Präsentation von Herrn Meier | Stadt Paderborn",
            ),
            (
                "Malte Dahlhoff",
                "Bürgermeister",
                "Gemeinde Bad Sassendorf",
                "Projektvorhaben zur Projektstandardisierung im Kontext des OZG aus dem "
                "Kreis Soest",
                "Präsentation von Herrn Dahlhoff | Gemeinde Bad Sassendorf",
            ),
            (
                "Michael von der Mühlen",
                "Staatssekretär a.D.",
                "",
                "Ansätze regionaler Kooperationen",
                "Präsentation von Herrn von der Mühlen | Staatssekretär a.D.",
            ),
        ],
        "documents": [
            (
                "Programm der Fachwerkstatt",
                "programme",
                [
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
            (
                "Präsentation von scheuvens+wachten plus planungsgesellschaft mbh",
                "presentation",
                [
                    "# Einführung in die Fachwerkstatt",
                    "Ziele der Fachwerkstatt: Überblick über bestehende interkommunale Aktivitäten "
                    "in der regiopolREGION PADERBORN und Ausloten künftiger Kooperationsbereiche.",
                ],
            ),
            (
                "Präsentation von Herrn Meier | Stadt Paderborn",
                "presentation",
                [
                    "# Interkommunale Leistungserbringung der Stadt Paderborn",
                    "Beispiel zentrale Vergabestelle: Die bei der Stadt Paderborn angesiedelte "
                    "Vergabestelle übernimmt die Abwicklung von Vergabeverfahren auch für "
                    "andere Kommunen.",
                ],
            ),
            (
                "Präsentation von Herrn Dahlhoff | Gemeinde Bad Sassendorf",
                "presentation",
                [
                    "# Projektstandardisierung im Kontext des OZG",
                    "Projektvorhaben aus dem Kreis Soest: gemeinsame Standards für die "
                    "Digitalisierung von Verwaltungsleistungen nach dem Onlinezugangsgesetz.",
                ],
            ),
            (
                "Präsentation von Herrn von der Mühlen | Staatssekretär a.D.",
                "presentation",
                [
                    "# Ansätze regionaler Kooperationen",
                    "Erfahrungen aus dem Wettbewerb StadtUmland.NRW 2016 und Formen regionaler "
                    "Zusammenarbeit.",
                ],
            ),
            (
                "Protokoll der Fachwerkstatt",
                "protocol",
                [
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
    },
    {
        "type": "info",
        "title": "Informationsveranstaltung „Digitalisierung: Das Onlinezugangsgesetz (OZG) und "
        "Aktivitäten der Digitalen Modellregion OWL“ am 25.03.2021",
        "slug": "informationsveranstaltung-ozg-2021-03-25",
        "date": (2021, 3, 25),
        "intro": (
            "Der Fortschritt bei der Digitalisierung ist längst zu einem wichtigen Standortfaktor "
            "in den Regionen und Kommunen geworden."
        ),
        "body": [
            (
                "paragraph",
                "<p>Die Veranstaltung gibt einen Überblick über den Umsetzungsstand zum OZG in der "
                "Stadt Paderborn sowie einen Ein- und Überblick zum Stand der Vorhaben im Rahmen "
                "der Digitalen Modellregion OWL. Das Veranstaltungsprogramm finden Sie unten bei "
                "den Unterlagen.</p>",
            )
        ],
        "questions": [
            "Wie weit ist die Umsetzung des Onlinezugangsgesetzes (OZG) in der Stadt Paderborn?",
            "Welche Vorhaben laufen im Rahmen der Digitalen Modellregion OWL, und wie ist ihr "
            "Stand?",
        ],
        "topics": ["ozg"],
        "attendance_mode": "online",
        "documents": [
            (
                "Veranstaltungsprogramm Informationsveranstaltung OZG",
                "programme",
                [
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
    },
    {
        "type": "info",
        "title": "Infoveranstaltung „Mobile Arbeit“ am 29.04.2021",
        "slug": "infoveranstaltung-mobile-arbeit-2021-04-29",
        "date": (2021, 4, 29),
        "intro": (
            "Insbesondere in Zeiten der Corona-Pandemie kommt das „mobile Arbeiten“ als orts- und "
            "zeitunabhängiges Arbeitsmodell verstärkt zum Einsatz."
        ),
        "body": [
            (
                "paragraph",
                "<p>Insbesondere in Zeiten der Corona-Pandemie kommt das „mobile Arbeiten“ als "
                "orts- und zeitunabhängiges Arbeitsmodell verstärkt zum Einsatz.</p>"
                "<p>Diese und weitere Aspekte werden in der Infoveranstaltung behandelt. Das "
                "Veranstaltungsprogramm finden Sie unten bei den Unterlagen.</p>",
            )
        ],
        "questions": [
            "Was ist mobile Arbeit?",
            "Welche Maßnahmen sind für eine Ein- und Weiterführung mobiler Arbeit in den "
            "Arbeitsalltag kommunaler Verwaltungen sinnvoll und notwendig?",
            "Wie ist mobile Arbeit vertraglich auszugestalten, welche Aspekte spielen dabei eine "
            "Rolle?",
        ],
        "topics": ["mobiles-arbeiten", "personalpool"],
        "attendance_mode": "online",
        "documents": [
            (
                "Veranstaltungsprogramm Infoveranstaltung „Mobile Arbeit“",
                "programme",
                [
                    "Infoveranstaltung „Mobile Arbeit“ am 29.04.2021",
                    "# Programm",
                    "Was ist mobile Arbeit? Begriffe und Abgrenzung zur Telearbeit",
                    "Ein- und Weiterführung mobiler Arbeit in kommunalen Verwaltungen",
                    "Vertragliche Ausgestaltung: Dienstvereinbarung, Arbeitsschutz, Datenschutz",
                    "Fragen und Austausch",
                ],
            )
        ],
    },
]

# Upcoming events: (days from today, hour, minutes of duration, fields)
UPCOMING_EVENTS = [
    (
        18,
        10,
        150,
        {
            "type": "meeting",
            "meeting_kind": "meeting",
            "title": "Arbeitskreistreffen: Gemeinsame Vergabestelle",
            "slug": "arbeitskreistreffen-vergabestelle",
            "intro": (
                "Wie könnte eine gemeinsame Vergabestelle für interessierte Mitgliedskommunen "
                "aussehen? Der Arbeitskreis sammelt Anforderungen und nächste Schritte."
            ),
            "attendance_mode": "hybrid",
            "venue_name": "Technisches Rathaus Paderborn, Sitzungsraum",
            "postal_code": "33098",
            "city": "Paderborn",
            "online_url": "https://konferenz.example.org/arbeitskreis-vergabe",
            "topics": ["vergabestelle", "beschaffung"],
            # Nearly full on site: 12 places, 10 taken (see REGISTRATIONS).
            "registration": {
                "registration_audience": "members",
                "capacity_in_person": 12,
                "capacity_online": 30,
                "contact_name": "Geschäftsstelle, Frau Hartmann",
                "contact_email": "arbeitskreise@example.org",
                "contact_phone": "05251 88-12597",
            },
            "agenda": [
                ("Begrüßung und Protokoll des letzten Treffens", ""),
                ("Anforderungen an eine gemeinsame Vergabestelle", "Ergebnisse der Umfrage"),
                ("Rechtsform und Finanzierung", ""),
                ("Nächste Schritte und Termine", ""),
            ],
        },
    ),
    (
        46,
        14,
        120,
        {
            "type": "workshop",
            "title": "Digitale Fachwerkstatt „Regionaler Personalpool“",
            "slug": "fachwerkstatt-regionaler-personalpool",
            "intro": (
                "Gemeinsam Fachkräfte gewinnen und halten: Mitgliedskommunen berichten von "
                "ersten Ansätzen eines regionalen Personalpools."
            ),
            "attendance_mode": "online",
            "online_url": "https://konferenz.example.org/fachwerkstatt-personalpool",
            "moderation": "Geschäftsstelle des Vereins",
            "topics": ["personalpool", "mobiles-arbeiten"],
            # Booked out: 8 places taken, 2 on the waiting list (see REGISTRATIONS).
            "registration": {
                "registration_audience": "everyone",
                "capacity_online": 8,
                "contact_name": "Geschäftsstelle, Herr Albers",
                "contact_email": "arbeitskreise@example.org",
            },
        },
    ),
    (
        74,
        17,
        90,
        {
            "type": "info",
            "title": "Informationsveranstaltung: Fördermittel für interkommunale Projekte",
            "slug": "information-foerdermittel",
            "intro": (
                "Welche Förderprogramme unterstützen interkommunale Zusammenarbeit, und wie "
                "gelingt ein gemeinsamer Antrag?"
            ),
            "attendance_mode": "in_person",
            "venue_name": "Kreishaus Höxter",
            "postal_code": "37671",
            "city": "Höxter",
            "topics": ["foerdermittelberatung"],
            "registration": {"registration_audience": "everyone", "capacity_in_person": 60},
            "questions": [
                "Welche Förderprogramme kommen für interkommunale Projekte infrage?",
                "Wie stimmen sich mehrere Kommunen bei einem gemeinsamen Antrag ab?",
            ],
        },
    ),
]

# Demo registrations: (event slug, attendance, confirmed, waiting). Names are made up.
REGISTRATIONS = [
    ("arbeitskreistreffen-vergabestelle", "in_person", 10, 0),
    ("arbeitskreistreffen-vergabestelle", "online", 4, 0),
    ("fachwerkstatt-regionaler-personalpool", "online", 8, 2),
    ("information-foerdermittel", "in_person", 14, 0),
]
FIRST_NAMES = ["Anna", "Bernd", "Clara", "Dirk", "Eva", "Frank", "Gabi", "Hanna", "Ingo", "Jana"]
LAST_NAMES = ["Berger", "Claßen", "Droste", "Eickhoff", "Fischer", "Grewe", "Hoppe", "Jäger"]

# One upcoming event in another working field, so the site-wide list shows several groups.
MOBILITY_EVENT = (
    30,
    9,
    180,
    {
        "type": "meeting",
        "meeting_kind": "meeting",
        "title": "Arbeitskreistreffen Mobilität: Radverkehr zwischen Stadt und Umland",
        "slug": "arbeitskreistreffen-radverkehr",
        "intro": "Der Arbeitskreis bespricht Lücken im regionalen Radwegenetz.",
        "attendance_mode": "in_person",
        "venue_name": "Rathaus Delbrück",
        "postal_code": "33129",
        "city": "Delbrück",
        "topics": [],
    },
)

# Member municipalities named in public sources, with kind and district (Kreis).
MUNICIPALITIES = [
    ("Paderborn", "stadt", "paderborn"),
    ("Altenbeken", "gemeinde", "paderborn"),
    ("Bad Lippspringe", "stadt", "paderborn"),
    ("Bad Wünnenberg", "stadt", "paderborn"),
    ("Borchen", "gemeinde", "paderborn"),
    ("Büren", "stadt", "paderborn"),
    ("Delbrück", "stadt", "paderborn"),
    ("Hövelhof", "gemeinde", "paderborn"),
    ("Lichtenau", "stadt", "paderborn"),
    ("Salzkotten", "stadt", "paderborn"),
    ("Bad Driburg", "stadt", "hoexter"),
    ("Beverungen", "stadt", "hoexter"),
    ("Borgentreich", "stadt", "hoexter"),
    ("Brakel", "stadt", "hoexter"),
    ("Höxter", "stadt", "hoexter"),
    ("Marienmünster", "stadt", "hoexter"),
    ("Nieheim", "stadt", "hoexter"),
    ("Steinheim", "stadt", "hoexter"),
    ("Willebadessen", "stadt", "hoexter"),
    ("Warburg", "stadt", "hoexter"),
    ("Barntrup", "stadt", "lippe"),
    ("Detmold", "stadt", "lippe"),
    ("Schlangen", "gemeinde", "lippe"),
    ("Verl", "stadt", "guetersloh"),
    ("Erwitte", "stadt", "soest"),
    ("Geseke", "stadt", "soest"),
    ("Lippstadt", "stadt", "soest"),
    ("Warstein", "stadt", "soest"),
    ("Marsberg", "stadt", "hochsauerland"),
]

# Exchange board: (kind, title, municipality, topic slugs, legal form, phase, description)
#: What the demo member "mitglied" has submitted and a moderator has not yet approved, so
#: "Meine Einträge" and the moderators' dashboard have something to show.
PENDING_SUBMISSION = (
    "request",
    "Gemeinsame Datenschutzbeauftragte gesucht",
    "Altenbeken",
    ["aufgabenteilung", "personalpool"],
    "public_agreement",
    "idea",
    "Für unsere kleine Verwaltung suchen wir eine Nachbarkommune, mit der wir uns eine "
    "Datenschutzbeauftragte teilen können – etwa zwei Tage im Monat, geregelt über eine "
    "öffentlich-rechtliche Vereinbarung.",
)

BOARD_ENTRIES = [
    (
        "offer",
        "Mitnutzung unserer zentralen Vergabestelle",
        "Paderborn",
        ["vergabestelle", "beschaffung"],
        "public_agreement",
        "operation",
        "Unsere zentrale Vergabestelle wickelt bereits Vergabeverfahren für andere Kommunen ab. "
        "Wir bieten interessierten Nachbarkommunen an, Verfahren über eine "
        "öffentlich-rechtliche Vereinbarung mitzunutzen.",
    ),
    (
        "offer",
        "Erfahrungen mit Dienstvereinbarung zum mobilen Arbeiten",
        "Delbrück",
        ["mobiles-arbeiten"],
        "",
        "operation",
        "Wir haben eine Dienstvereinbarung zur mobilen Arbeit eingeführt und teilen Entwurf, "
        "Checklisten und Erfahrungen aus dem ersten Jahr.",
    ),
    (
        "offer",
        "Gemeinsame Ausbildung im Verwaltungsbereich",
        "Büren",
        ["personalpool"],
        "contract",
        "initiation",
        "Wir bilden Verwaltungsfachangestellte aus und können weitere Ausbildungsplätze in "
        "Kooperation mit Nachbarkommunen anbieten.",
    ),
    (
        "offer",
        "OZG-Leistungen aus unserem Serviceportal nachnutzen",
        "Lippstadt",
        ["ozg"],
        "public_agreement",
        "implementation",
        "Mehrere Online-Dienste nach dem Onlinezugangsgesetz laufen bei uns produktiv. Wir bieten "
        "die Nachnutzung der Formulare und Prozessbeschreibungen an.",
    ),
    (
        "offer",
        "Fördermittelberatung für kleine Kommunen",
        "Höxter",
        ["foerdermittelberatung"],
        "contract",
        "idea",
        "Unsere Fördermittelstelle könnte kleinere Nachbarkommunen bei Recherche und Antrag "
        "unterstützen.",
    ),
    (
        "offer",
        "Bauhof-Fahrzeuge gemeinsam nutzen",
        "Salzkotten",
        ["bauhof"],
        "contract",
        "idea",
        "Spezialfahrzeuge unseres Bauhofs stehen nicht das ganze Jahr im Einsatz; wir bieten eine "
        "gemeinsame Nutzung mit Kostenteilung an.",
    ),
    (
        "offer",
        "Schulungen zur IT-Sicherheit",
        "Detmold",
        ["it"],
        "",
        "operation",
        "Wir führen regelmäßig Schulungen zur Informationssicherheit durch und öffnen sie für "
        "Beschäftigte anderer Mitgliedskommunen.",
    ),
    (
        "request",
        "Partner für gemeinsame Vergabestelle gesucht",
        "Borchen",
        ["vergabestelle", "beschaffung"],
        "public_agreement",
        "idea",
        "Wir möchten Vergabeverfahren nicht mehr allein abwickeln und suchen eine Kommune, die "
        "eine gemeinsame Vergabestelle aufbauen oder ihre mitnutzen lässt.",
    ),
    (
        "request",
        "Muster für mobile Arbeit in kleinen Verwaltungen",
        "Altenbeken",
        ["mobiles-arbeiten"],
        "",
        "idea",
        "Wir suchen Erfahrungen und Muster-Dienstvereinbarungen zur mobilen Arbeit für eine "
        "kleine Verwaltung.",
    ),
    (
        "request",
        "Regionaler Vertretungspool im Standesamt",
        "Marienmünster",
        ["personalpool"],
        "public_agreement",
        "initiation",
        "Für Urlaubs- und Krankheitszeiten suchen wir Kommunen, die einen gemeinsamen "
        "Vertretungspool für das Standesamt aufbauen wollen.",
    ),
    (
        "request",
        "Nachnutzung von OZG-Onlinediensten",
        "Nieheim",
        ["ozg"],
        "",
        "idea",
        "Wir suchen eine Kommune, deren OZG-Onlinedienste wir nachnutzen können, statt eigene "
        "Formulare zu entwickeln.",
    ),
    (
        "request",
        "Unterstützung bei Förderanträgen",
        "Willebadessen",
        ["foerdermittelberatung"],
        "contract",
        "idea",
        "Für ein Projekt zur Ortskernentwicklung suchen wir Unterstützung bei der Recherche "
        "passender Förderprogramme.",
    ),
    (
        "request",
        "Kehrmaschine für den Bauhof mitnutzen",
        "Bad Wünnenberg",
        ["bauhof"],
        "contract",
        "idea",
        "Wir suchen eine Kommune in der Nähe, deren Bauhof eine Kehrmaschine zeitweise "
        "überlassen kann.",
    ),
    (
        "request",
        "Gemeinsames Bürgerbüro am Wochenende",
        "Schlangen",
        ["buergerbuero"],
        "public_agreement",
        "idea",
        "Wir prüfen samstägliche Öffnungszeiten eines gemeinsamen Bürgerbüros mit Nachbarkommunen.",
    ),
]
