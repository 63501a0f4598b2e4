"""Texts of the demo site, built from the association's public facts (its own publications).

Kept apart from the command that writes them, so wording can be edited without touching code.
Page bodies are in Wagtail's own StreamField form, ``(block type, value)``.
"""

from .records import DemoWorkingField

ORGANISATION_NAME = "regiopolREGION PADERBORN e. V."
PHONE = "+49 5251.88-12597"
# A placeholder: the office enters its real address under Einstellungen → Website-Einstellungen.
EMAIL = "geschaeftsstelle@example.org"
# Whom a working group's page names as its contact: the office, as the seed names no one.
CONTACT_ROLE = "Geschäftsstelle regiopolREGION PADERBORN e. V."
POSTAL_CODE = "33098"
CITY = "Paderborn"

HOME_TITLE = "Gemeinsam mehr erreichen: die Arbeitskreise der regiopolREGION PADERBORN"
HOME_TAGLINE = "Stadt-Umland-Verbund e. V."
HOME_INTRO = (
    "Rund 30 Städte und Gemeinden aus sechs Kreisen arbeiten im Stadt-Umland-Verbund rund um "
    "Paderborn zusammen. In vier Aktionsfeldern treffen sich ihre Verwaltungen zu "
    "Arbeitskreisen, Fachwerkstätten und Informationsveranstaltungen – und bahnen Kooperationen "
    "über Gemeindegrenzen hinweg an."
)

WORKING_FIELDS = [
    DemoWorkingField(
        title="Der neue Mittelstand",
        description="Unternehmen, Fachkräfte und Standortentwicklung in Stadt und Umland.",
    ),
    DemoWorkingField(
        title="Die neue Mobilität",
        description=(
            "Wege zwischen Stadt und Land: Nahverkehr, Radverkehr und neue Mobilitätsangebote."
        ),
    ),
    DemoWorkingField(
        title="Die neuen Kommunen ohne Grenzen",
        description=(
            "Verwaltungskooperation | Zusammenarbeit: gemeinsame Aufgaben, Austausch und "
            "interkommunale Leistungserbringung."
        ),
    ),
    DemoWorkingField(
        title="Das neue Stadt Land Quartier",
        description=(
            "Wohnen, Arbeiten und Leben in lebendigen Quartieren in der Stadt und auf dem Land."
        ),
    ),
]

ABOUT_TITLE = "Über den Verein"
ABOUT_INTRO = (
    "Der Stadt-Umland-Verbund ist ein eingetragener Verein, in dem die Stadt Paderborn und die "
    "Städte und Gemeinden ihres Umlands gemeinsam an der Zukunft der Region arbeiten."
)
ABOUT_BODY = [
    ("heading", {"text": "Entstehung", "level": "h2"}),
    (
        "paragraph",
        "<p>Der Verein wurde am 20. April 2018 gegründet. Vorausgegangen war der "
        "Landeswettbewerb StadtUmland.NRW in den Jahren 2016 und 2017, in dem das Konzept der "
        "Region in der Kategorie „Konzepte mit Vorbildcharakter“ den ersten Platz belegte.</p>",
    ),
    ("heading", {"text": "Mitglieder", "level": "h2"}),
    (
        "paragraph",
        "<p>Mitglieder sind rund 30 Städte und Gemeinden aus sechs Kreisen und zwei "
        "Regierungsbezirken: aus dem Kreis Paderborn, dem Kreis Höxter, dem südlichen Kreis "
        "Lippe, dem Südosten des Kreises Gütersloh, dem Kreis Soest und dem Hochsauerlandkreis. "
        "Zusammen leben in der Region rund 720.000 Menschen.</p>"
        "<p>Zu den Mitgliedskommunen gehören unter anderem Paderborn, Altenbeken, Bad Driburg, "
        "Bad Lippspringe, Bad Wünnenberg, Barntrup, Beverungen, Borchen, Borgentreich, Brakel, "
        "Büren, Delbrück, Detmold, Erwitte, Geseke, Hövelhof, Höxter, Lichtenau, Lippstadt, "
        "Marienmünster, Marsberg, Nieheim, Salzkotten, Schlangen, Steinheim, Verl, "
        "Willebadessen, Warburg und Warstein.</p>"
        "<p>Als Fördermitglieder unterstützen die Universität, eine Industrie- und "
        "Handelskammer, Verbände des Handwerks, ein Verkehrsverbund des öffentlichen "
        "Nahverkehrs und das Erzbistum die Arbeit des Vereins.</p>",
    ),
    ("heading", {"text": "Vier Aktionsfelder", "level": "h2"}),
    (
        "paragraph",
        "<p>Die Arbeit ist in vier Aktionsfelder gegliedert, in denen jeweils ein Arbeitskreis "
        "tagt:</p><ul><li>Der neue Mittelstand</li><li>Die neue Mobilität</li>"
        "<li>Die neuen Kommunen ohne Grenzen – Verwaltungskooperation | Zusammenarbeit</li>"
        "<li>Das neue Stadt Land Quartier</li></ul>",
    ),
    (
        "quote",
        {
            "quote": "Interkommunale Zusammenarbeit wird künftig deutlich an Bedeutung gewinnen.",
            "attribution": "Arbeitskreis „Die neuen Kommunen ohne Grenzen“, Dezember 2019",
        },
    ),
]

IMPRINT_TITLE = "Impressum"
IMPRINT_BODY = [
    ("heading", {"text": "Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)", "level": "h2"}),
    (
        "paragraph",
        "<p>regiopolREGION PADERBORN e. V.<br>Geschäftsstelle<br>33098 Paderborn</p>"
        "<p>Telefon: +49 5251.88-12597<br>"
        'E-Mail: <a href="mailto:geschaeftsstelle@example.org">geschaeftsstelle@example.org</a></p>'
        "<p>Eingetragen im Vereinsregister des Amtsgerichts Paderborn "
        "(Registernummer: bitte in der Redaktion ergänzen).</p>",
    ),
    ("heading", {"text": "Vertretungsberechtigt", "level": "h2"}),
    (
        "paragraph",
        "<p>Der Verein wird durch seinen Vorstand gerichtlich und außergerichtlich vertreten.</p>",
    ),
    ("heading", {"text": "Verantwortlich für den Inhalt", "level": "h2"}),
    (
        "paragraph",
        "<p>Verantwortlich für die Inhalte dieser Website nach § 18 Abs. 2 "
        "Medienstaatsvertrag (MStV) ist die Geschäftsstellenleitung des Vereins, erreichbar "
        "unter der oben genannten Anschrift.</p>",
    ),
    ("heading", {"text": "Haftung für Links", "level": "h2"}),
    (
        "paragraph",
        "<p>Diese Website enthält Verweise auf Websites Dritter, auf deren Inhalte wir keinen "
        "Einfluss haben. Für diese Inhalte ist der jeweilige Anbieter verantwortlich. "
        "Rechtswidrige Inhalte waren zum Zeitpunkt der Verlinkung nicht erkennbar; bei "
        "Bekanntwerden von Rechtsverletzungen entfernen wir derartige Links umgehend.</p>",
    ),
]

PRIVACY_TITLE = "Datenschutzerklärung"
PRIVACY_BODY = [
    ("heading", {"text": "Verantwortliche Stelle", "level": "h2"}),
    (
        "paragraph",
        "<p>Verantwortlich für die Datenverarbeitung auf dieser Website ist der "
        "regiopolREGION PADERBORN e. V., Geschäftsstelle, 33098 Paderborn "
        "(Kontaktdaten siehe Impressum).</p>",
    ),
    ("heading", {"text": "Kein Tracking, keine Werbe-Cookies", "level": "h2"}),
    (
        "paragraph",
        "<p>Wir setzen keine Analyse- oder Trackingdienste ein und binden keine Inhalte von "
        "Drittanbietern ein. Schriften und Gestaltung werden von unserem eigenen Server "
        "ausgeliefert. Ein Cookie-Banner ist daher nicht erforderlich.</p>"
        "<p>Technisch notwendige Cookies werden nur gesetzt, wenn Sie sich als Mitglied "
        "einloggen (Sitzungs-Cookie) oder ein Formular absenden (Schutz vor "
        "Cross-Site-Request-Forgery). Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO in "
        "Verbindung mit § 25 Abs. 2 TDDDG.</p>",
    ),
    ("heading", {"text": "Server-Protokolle", "level": "h2"}),
    (
        "paragraph",
        "<p>Beim Aufruf der Website verarbeitet der Server technisch notwendige Daten "
        "(IP-Adresse, Zeitpunkt, aufgerufene Adresse, Browserkennung), um die Website "
        "auszuliefern und ihre Sicherheit zu gewährleisten. Die Protokolle werden nach "
        "spätestens 14 Tagen gelöscht.</p>",
    ),
    ("heading", {"text": "Mitgliederbereich und Kooperationsbörse", "level": "h2"}),
    (
        "paragraph",
        "<p>Für das Benutzerkonto von Mitgliedern verarbeiten wir Name, dienstliche E-Mail-Adresse "
        "und Kommune. Kontaktdaten in Einträgen der Kooperationsbörse sind nur für eingeloggte "
        "Mitglieder sichtbar.</p>",
    ),
    ("heading", {"text": "Anmeldung zu Veranstaltungen", "level": "h2"}),
    (
        "paragraph",
        "<p>Wenn Sie sich zu einer Veranstaltung anmelden, verarbeiten wir Name, E-Mail-Adresse, "
        "Kommune oder Organisation und die Art der Teilnahme, um die Veranstaltung zu "
        "organisieren, Ihnen die Einladung und Änderungen zu schicken und die Plätze zu "
        "vergeben (Art. 6 Abs. 1 lit. a und b DSGVO). Die Angaben sehen nur die Redaktion und "
        "die Ansprechperson der Veranstaltung; sie erscheinen nirgends öffentlich. 30 Tage nach "
        "der Veranstaltung werden sie gelöscht. Ihre Teilnahme absagen können Sie jederzeit über "
        "den Link in Ihrer Bestätigung. Gäste bestätigen ihre Adresse per Link; unbestätigte "
        "Anfragen werden ebenso gelöscht.</p>",
    ),
    ("heading", {"text": "Benachrichtigungen und persönlicher Kalender", "level": "h2"}),
    (
        "paragraph",
        "<p>Mitglieder können Arbeitskreisen und Themen der Kooperationsbörse folgen. Wir "
        "speichern dazu, was Sie verfolgen und welche E-Mails Sie bekommen möchten, und schicken "
        "Ihnen die gewählten Nachrichten (Art. 6 Abs. 1 lit. a DSGVO). Ihr persönlicher Kalender "
        "ist über eine geheime Adresse erreichbar, die Sie jederzeit erneuern können; die alte "
        "gilt dann sofort nicht mehr. Wem Sie folgen, sieht niemand sonst. Unter „Meine "
        "Benachrichtigungen“ sehen und ändern Sie alles an einem Ort; jede E-Mail lässt sich mit "
        "einem Klick abbestellen. Mit Ihrem Benutzerkonto wird all das gelöscht.</p>",
    ),
    ("heading", {"text": "Ihre Rechte", "level": "h2"}),
    (
        "paragraph",
        "<p>Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung "
        "(Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) "
        "und Widerspruch (Art. 21). Sie können sich außerdem bei der Landesbeauftragten für "
        "Datenschutz und Informationsfreiheit Nordrhein-Westfalen beschweren.</p>",
    ),
]

ACCESSIBILITY_TITLE = "Erklärung zur Barrierefreiheit"
ACCESSIBILITY_BODY = [
    (
        "paragraph",
        "<p>Wir sind bemüht, diese Website im Einklang mit der Barrierefreie-Informationstechnik-"
        "Verordnung (BITV 2.0) und den Web Content Accessibility Guidelines (WCAG 2.1, Stufe AA) "
        "barrierefrei zugänglich zu machen. Die Gestaltung folgt KERN, dem offenen UX-Standard "
        "der deutschen Verwaltung.</p>"
        "<p>Alle Seiten sind vollständig mit der Tastatur bedienbar und auch ohne JavaScript "
        "nutzbar.</p>",
    ),
    ("heading", {"text": "Stand der Vereinbarkeit mit den Anforderungen", "level": "h2"}),
    (
        "paragraph",
        "<p>Diese Website ist mit der BITV 2.0 und WCAG 2.1 Stufe AA weitgehend vereinbar. "
        "Jede Änderung wird automatisch mit axe-core auf WCAG-2.1-AA-Verstöße geprüft. Nicht "
        "barrierefrei sind zurzeit:</p>"
        "<ul><li>Ältere PDF-Dokumente (Programme, Präsentationen und Protokolle vor 2024) sind "
        "nicht durchgängig mit Tags versehen. Auf Anfrage schicken wir Ihnen den Inhalt in "
        "einer zugänglichen Form.</li></ul>",
    ),
    ("heading", {"text": "Erstellung dieser Erklärung", "level": "h2"}),
    (
        "paragraph",
        "<p>Diese Erklärung wurde am 29. November 2026 erstellt. Grundlage ist eine "
        "Selbstbewertung mit automatischen Prüfungen und Tests mit der Tastatur.</p>",
    ),
    ("heading", {"text": "Feedback und Kontakt: Barriere melden", "level": "h2"}),
    (
        "paragraph",
        "<p>Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder benötigen Sie "
        "Inhalte in einer anderen Form? Schreiben Sie an "
        '<a href="mailto:geschaeftsstelle@example.org">geschaeftsstelle@example.org</a> oder '
        "rufen Sie die Geschäftsstelle an: +49 5251.88-12597. Wir antworten innerhalb von "
        "zwei Wochen.</p>",
    ),
    ("heading", {"text": "Durchsetzungsverfahren", "level": "h2"}),
    (
        "paragraph",
        "<p>Erhalten Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort, können "
        "Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes "
        "Nordrhein-Westfalen wenden (bei der Beauftragten der Landesregierung für Menschen mit "
        "Behinderung). Das Verfahren ist kostenfrei; Sie brauchen keinen Rechtsbeistand.</p>",
    ),
]
