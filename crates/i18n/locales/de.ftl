# kette – deutsche Oberfläche (Standard)
app-name = kette
skip-to-content = Zum Inhalt springen
nav-main = Hauptnavigation
nav-home = Zur Startseite
nav-search = Angebote finden
nav-offers = Angebote
nav-organisations = Träger
nav-districts = Sozialräume
nav-district = Sozialraum
nav-login = Anmelden
nav-logout = Abmelden
language = Sprache
fictional = fiktiv
demo-note = Demo mit echten offenen Daten aus Berlin. Zugänge und Personen sind fiktiv.
footer-api = Offene Schnittstelle (OpenAPI)
breadcrumbs = Brotkrumen-Navigation

home-title = Präventionskette
home-lead = Alle Angebote der Partner entlang des Lebenslaufs – von der Schwangerschaft bis zum Berufseinstieg.
figure-offers = Angebote
figure-organisations = Träger
figure-districts = Sozialräume
matrix-title = Die Kette auf einen Blick
matrix-help = Anzahl aktiver Angebote je Lebensphase und Handlungsfeld. Eine rote 0 zeigt eine Lücke der Kette.
matrix-life-phase = Lebensphase
matrix-total = Gesamt
matrix-gap = Lücke: kein Angebot

search-title = Angebote für Familien finden
search-lead = Sagen Sie uns, wie alt Ihr Kind ist, wo Sie wohnen und was Sie suchen.
search-age = Wie alt ist Ihr Kind?
search-where = Wo wohnen Sie?
search-what = Was suchen Sie?
search-submit = Suchen
search-results = Ergebnisse

offers-title = Angebote
offers-found = { $count ->
    [one] 1 Angebot
   *[other] { $count } Angebote
}
offer-new = Neues Angebot
offer-edit = Angebot bearbeiten
offer-where = Wo?
offer-history = Änderungsverlauf
anchor-point = Ankerpunkt
confidential = vertrauliche Adresse

filter-text = Suchbegriff
filter-age = Alter des Kindes
filter-age-hint = in Jahren, z. B. 2 oder 1,5
filter-life-phase = Lebensphase
filter-domain = Handlungsfeld
filter-target-group = Zielgruppe
filter-district = Sozialraum
filter-cost = Kosten
filter-status = Status
filter-any = alle
filter-apply = Filtern
filter-reset = Filter zurücksetzen

pager = Seiten
pager-prev = Vorherige Seite
pager-next = Nächste Seite
pager-page = Seite

field-life-phases = Lebensphasen
field-age = Alter
field-domains = Handlungsfelder
field-target-groups = Zielgruppen
field-transitions = Übergänge
field-languages = Sprachen
field-cost = Kosten
field-access = Zugang
field-prevention-level = Präventionsebene
field-schedule = Zeiten
field-capacity = Plätze
field-contact-phone = Telefon
field-contact-email = E-Mail
field-website = Website
field-last-verified = Zuletzt geprüft am
field-funding = Finanzierung
field-funding-until = befristet bis

title = Titel
description = Beschreibung
life-phases = Lebensphasen
min-age-months = Mindestalter (Monate)
max-age-months = Höchstalter (Monate, ausschließlich)
domains = Handlungsfelder
target-groups = Zielgruppen
transitions = Übergänge
languages = Sprachen (Kürzel, z. B. de, tr, ar)
cost = Kosten
access = Zugang
prevention-level = Präventionsebene
schedule = Zeiten
capacity = Plätze
reach-per-year = Erreichte Teilnehmende pro Jahr
location-ids = Orte
funding-kind = Finanzierung
funding-source = Geldgeber
funding-amount-eur = Betrag pro Jahr (EUR)
funding-until = Förderung befristet bis
contact-email = E-Mail
contact-phone = Telefon
website = Website
last-verified-on = Zuletzt geprüft am
status = Status
form-save = Speichern
form-has-errors = Bitte korrigieren Sie die markierten Angaben

cost-free = kostenlos
cost-reduced = ermäßigt (Bildung und Teilhabe)
cost-fee = kostenpflichtig
access-open = offen, ohne Anmeldung
access-registration = mit Anmeldung
access-referral = nach Vermittlung
preventionlevel-universal = universell (alle Familien)
preventionlevel-selective = selektiv (Familien in belasteten Lagen)
preventionlevel-indicated = indiziert
offerstatus-draft = Entwurf
offerstatus-active = aktiv
offerstatus-paused = pausiert
offerstatus-ended = beendet
fundingkind-regular = Regelfinanzierung
fundingkind-project = Projektförderung
fundingkind-donation = Spenden
fundingkind-mixed = Mischfinanzierung
organisationkind-public-office = Öffentliche Stelle
organisationkind-welfare-association = Wohlfahrtsverband
organisationkind-school = Schule
organisationkind-kita = Kita-Träger
organisationkind-health = Gesundheitswesen
organisationkind-club = Verein
organisationkind-business = Unternehmen
organisationkind-church = Kirche
organisationkind-initiative = Initiative
organisationkind-other = Sonstige
role-admin = Administration
role-coordinator = Koordination
role-planner = Planung
role-partner-editor = Träger-Redaktion
role-navigator = Lotsin/Lotse
role-viewer = Lesezugang

organisations-title = Träger und Kooperationspartner
organisations-found = { $count ->
    [one] 1 Träger
   *[other] { $count } Träger
}
organisation-name = Name
organisation-kind = Art
organisation-locations = Orte
organisation-contacts = Ansprechpersonen

districts-title = Sozialräume
districts-lead = Die Planungsräume der Stadt mit Bevölkerung, Indikatoren und Angeboten.
district-key = Schlüssel
district-name = Name
district-subareas = Teilräume
district-map = Karte
district-map-hint = Punkte zeigen Orte von Angeboten.
district-no-geometry = Für diesen Sozialraum liegt keine Fläche vor.
district-chain = Angebote je Lebensphase
district-population = Bevölkerung nach Alter (31.12.)
district-population-note = Quelle: Einwohnerregisterstatistik, Amt für Statistik Berlin-Brandenburg.
district-indicators = Indikatoren
district-indicators-note = Werte zum 31.12. des Jahres; Quelle: Monitoring Soziale Stadtentwicklung.
district-no-indicators = Für diese Ebene sind keine Indikatoren veröffentlicht; sie liegen je Planungsraum vor.
district-all-offers = Alle Angebote in diesem Sozialraum
age-group = Alter (Jahre)
indicator = Indikator
unit = Einheit
map-of = Karte von { $name }

login-title = Anmelden
login-username = Benutzername
login-password = Passwort
login-submit = Anmelden
login-throttled = Zu viele Fehlversuche. Bitte versuchen Sie es in { $minutes } Minuten erneut.
login-failed = Benutzername oder Passwort ist falsch.

error-title = Fehler
error-internal = Etwas ist schiefgegangen. Bitte versuchen Sie es später noch einmal.
error-not-found = Diese Seite gibt es nicht.
error-forbidden = Dafür fehlt Ihnen die Berechtigung.
error-bad-request = Die Anfrage ist ungültig.
error-csrf = Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es noch einmal.
error-age-years = Bitte geben Sie das Alter als Zahl von 0 bis 27 Jahren an.
error-choose-organisation = Bitte wählen Sie zuerst einen Träger.
error-required = Bitte ausfüllen.
error-too-long = Der Text ist zu lang.
error-unknown-term = Unbekannter Eintrag.
error-life-phase-or-age = Bitte wählen Sie mindestens eine Lebensphase oder geben Sie ein Alter an.
error-age-range = Das Alter muss zwischen 0 und 324 Monaten liegen.
error-age-order = Das Höchstalter darf nicht unter dem Mindestalter liegen.
error-language-code = Bitte Sprachkürzel wie de, tr oder ar verwenden.
error-not-negative = Der Betrag darf nicht negativ sein.
error-funding-until-regular = Eine Regelfinanzierung hat kein Enddatum.
error-email = Bitte eine gültige E-Mail-Adresse angeben.
error-url = Eine Webadresse beginnt mit https:// oder http://.
error-location-not-own = Dieser Ort gehört nicht zu Ihrem Träger.
error-whole-number = Bitte eine ganze Zahl angeben.
error-number = Bitte eine Zahl angeben.
error-date = Bitte ein Datum angeben (JJJJ-MM-TT).
error-choice = Bitte einen der angebotenen Werte wählen.

nav-vocabulary = Vokabular
edit = bearbeiten
saved = Gespeichert.
organisation-edit = Angaben des Trägers bearbeiten
contacts-hint = Benannte Ansprechpersonen für die Zusammenarbeit im Netzwerk. Leere Zeilen werden ignoriert.
contact-person = Ansprechperson
contact-name = Name
contact-role = Funktion
location-new = Ort hinzufügen
location-edit = Ort bearbeiten
location-name = Name des Ortes
location-street = Straße und Hausnummer
location-postcode = Postleitzahl
location-city = Ort
location-lat = Breitengrad (WGS84, z. B. 52,52)
location-lon = Längengrad (WGS84, z. B. 13,40)
location-district-hint = Der Sozialraum wird aus den Koordinaten bestimmt.
location-confidential = Vertrauliche Adresse (nur für angemeldete Fachkräfte sichtbar)
vocabulary-title = Vokabular der Präventionskette
vocabulary-lead = Lebensphasen, Handlungsfelder, Zielgruppen und Übergänge dieser Kommune: umbenennen und ergänzen. Die Codes bleiben, damit bestehende Angebote ihre Zuordnung behalten.
kind-life-phase = Lebensphasen
kind-domain = Handlungsfelder
kind-target-group = Zielgruppen
kind-transition = Übergänge
term-code = Code
term-label-de = Bezeichnung (Deutsch)
term-label-en = Bezeichnung (Englisch)
term-add = Hinzufügen
error-coordinates-pair = Bitte Breiten- und Längengrad zusammen angeben.
error-latitude = Der Breitengrad muss zwischen -90 und 90 liegen.
error-longitude = Der Längengrad muss zwischen -180 und 180 liegen.
error-postcode = Eine Postleitzahl hat fünf Ziffern.
error-unknown-district = Diesen Sozialraum gibt es nicht.
error-term-code = Der Code besteht aus Kleinbuchstaben, Ziffern und _ und beginnt mit einem Buchstaben.
error-term-exists = Diesen Code gibt es schon.
error-query-range = Der Wert liegt außerhalb des erlaubten Bereichs.
error-unknown = Unbekannter Verweis.
error-immutable = Dieser Wert kann nicht geändert werden.

# Kommandozeile
cli-listening = kette läuft auf { $url }  (beenden mit Strg+C)
cli-demo-built = Demo-Datenbank { $db } in { $seconds } s erstellt.
cli-demo-logins = Demo-Zugänge (fiktiv), Passwort jeweils „{ $password }“:
cli-demo-job-admin = richtet Konten und Einstellungen ein
cli-demo-job-coordinator = steuert die Kette: gibt Angebote frei, pflegt Vokabular und Synonyme, importiert Statistik
cli-demo-job-planner = sieht die Rohzahlen des Monitorings, rechnet Indizes
cli-demo-job-partner-editor = pflegt die Angebote des eigenen Trägers (Änderungen warten auf Freigabe)
cli-demo-job-navigator = berät Familien, sieht geschützte Orte, stellt Verweisbögen aus
cli-demo-job-viewer = liest mit, ohne zu ändern
cli-demo-exists-other = { $db } enthält keine Berlin-Demo; bitte löschen oder eine andere --db angeben.
cli-demo-no-data = Die Berliner Demodaten fehlen: bitte im Wurzelverzeichnis des Repositorys starten oder --data PFAD/ZU/data/berlin angeben.
cli-step-districts = Sozialräume (LOR)
cli-step-population = Bevölkerung 2015–2020
cli-step-boundaries = Gebietsreform 2021: Bevölkerung 2021 über den Crosswalk übertragen
cli-step-indicators = Monitoring Soziale Stadtentwicklung 2013–2019
cli-step-facilities = Einrichtungen den Planungsräumen zuordnen
cli-step-offers = { $count } Angebote speichern
cli-step-accounts = Demo-Zugänge
cli-demo-summary = fertig: { $districts } Sozialräume, { $offers } Angebote ({ $outside } Einrichtungen außerhalb Berlins, { $unnamed } ohne Namen, { $other } ohne passendes Angebot übersprungen)
cli-municipality-created = Kommune { $name } ({ $slug }) mit der Nummer { $id } angelegt.
cli-account-created = Zugang { $username } ({ $role }) mit der Nummer { $id } angelegt.
cli-password-prompt = Passwort für { $username }:
cli-districts-valid = { $file }: { $count } Sozialräume sind gültig; nichts geschrieben (Probelauf).
cli-districts-imported = { $count } Sozialräume in { $municipality } importiert.
cli-offers-valid = { $file }: { $offers } Angebote von { $organisations } Trägern sind gültig; nichts geschrieben (Probelauf).
cli-offers-imported = { $offers } Angebote, { $organisations } Träger und { $locations } Orte in { $municipality } importiert.
cli-error-unknown-role = Unbekannte Rolle „{ $role }“: erwartet wird admin, coordinator, planner, partner_editor, navigator oder viewer.
cli-error-no-municipality = Die Datenbank enthält noch keine Kommune: zuerst `kette municipality add KÜRZEL NAME` ausführen.
cli-error-nothing-imported = { $file }: nichts wurde importiert.
cli-error-unknown-district = { $file }: unbekannter Sozialraum-Schlüssel „{ $key }“
cli-error-no-organisation = Träger { $id } gibt es in { $municipality } nicht.
age-years = { $count } J.
age-months = { $count } Mon.
cli-index-written = { $file }: { $rows } Zeilen mit { $columns } Spalten geschrieben.
suppression-note = • = zum Schutz von Familien ausgeblendet: eine Zahl unter 3 oder eine Zahl, aus der sie sich errechnen ließe.
suppressed-title = ausgeblendet (Geheimhaltung)

nav-monitoring = Monitoring
monitoring-title = Kleinräumiges Monitoring
monitoring-lead = Indikatoren je Sozialraum und Jahr: Definition, Quelle und Karte. Berechnete Indizes stammen aus nachvollziehbaren Rezepten (recipes/).
direction = Richtung
direction-higher-is-worse = höher = ungünstiger
direction-higher-is-better = höher = günstiger
direction-neutral = neutral
years = Jahre
source = Quelle
year = Jahr
map-show = Karte zeigen
map-title = Karte: { $indicator }
map-no-value = kein Wert
map-legend = Legende:
map-legend-help = Fünf gleich große Gruppen (Quintile) der Sozialräume; dunkler = höherer Wert.
map-higher-worse = Höhere Werte bedeuten mehr Handlungsbedarf.
map-ranking = Rangfolge der Sozialräume
rank = Rang
value = Wert
map-class = Gruppe
map-alt = Die Karte zeigt die Werte aller Sozialräume farbig; dieselben Werte stehen in der Rangfolge unter der Karte.

cli-error-direction = Unbekannte Richtung „{ $direction }“: erwartet wird higher_is_worse, higher_is_better oder neutral.
cli-error-indicator-code = Ungültiger Code „{ $code }“: Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben.
cli-indicator-saved = Indikator { $code } in { $municipality } gespeichert.
cli-error-unknown-indicators = { $file }: unbekannte Indikatoren { $codes } – zuerst mit `kette indicator add` anlegen.
cli-indicators-valid = { $file }: { $count } Werte sind gültig; nichts geschrieben (Probelauf).
cli-indicators-imported = { $count } Indikatorwerte in { $municipality } importiert (mit Herkunft: Datei, Prüfsumme, Zeitpunkt).
city-mean = Mittel der Ebene
trend-per-year = Trend je Jahr
small-base = kleine Basis: der Nenner liegt unter dem Mindestwert des Indikators
district-indicators-help = „Mittel der Ebene“: Durchschnitt aller Sozialräume dieser Ebene im letzten Jahr der Zeile. Unter Anteilen mit Zähler und Nenner steht das 95-%-Konfidenzintervall (Wilson).
download = Herunterladen
recipes-title = Index-Rezepte
recipes-lead = Ein Rezept beschreibt ein Verfahren (z. B. den Statusindex des MSS) Schritt für Schritt. Jede Änderung wird als neue Version gespeichert; so lässt sich jedes Ergebnis nachrechnen.
recipe-name = Name
recipe-version = Version
recipe-saved = gespeichert
recipe-new = Neues Rezept
recipe-toml = Rezept (TOML)
recipe-run = Berechnen
recipe-no-data = Für dieses Rezept fehlen Werte der Indikatoren:
recipe-run-submit = Berechnen
recipe-edit = Rezept bearbeiten
recipe-save-version = Als neue Version speichern
recipe-versions = Versionen
recipe-rows = { $count } Sozialräume
error-recipe-id = Das Rezept braucht eine id aus Kleinbuchstaben, Ziffern und _.
table-scroll = Tabelle, seitlich verschiebbar
cli-crosswalk-written = { $file }: { $links } Verknüpfungen (Flächenanteile) geschrieben.
cli-error-date = „{ $value }“ ist kein Datum (JJJJ-MM-TT).
numerator = Zähler
denominator = Nenner
spatial-level = Ebene
release-date = veröffentlicht
map-distribution = Verteilung
map-distribution-help = Jeder Punkt ein Sozialraum, von niedrigen (links) zu hohen Werten (rechts); gestrichelt die Grenzen der fünf Gruppen.
compare-with = Vergleichen mit
compare-submit = Vergleichen
compare-and = und
population-total = Einwohner
compare-help = Jeweils der neueste Wert mit seinem Jahr; „Mittel der Ebene“ bezieht sich auf das Jahr des ersten Sozialraums.
error-compare = Bitte zwei Sozialräume wählen.
sensitivity-compare = Vergleichen mit
sensitivity-submit = Sensitivität zeigen
sensitivity-title = Sensitivität
sensitivity-changes = { $count ->
    [one] 1 Sozialraum wechselt die Klasse
   *[other] { $count } Sozialräume wechseln die Klasse
}
sensitivity-column = Ergebnis
cli-error-crs = Koordinatensystem EPSG:{ $code } wird nicht unterstützt: 4326, 25832, 25833 oder 3035.
cli-error-crs-unknown = { $file }: unbekanntes Koordinatensystem „{ $code }“ – bitte --crs angeben (4326, 25832, 25833 oder 3035).
cli-error-gpkg-geometry = { $file } Objekt { $feature }: die Geometrie ist kein (Multi-)Polygon.
wizard-title = Statistik importieren
wizard-lead = Eine Tabelle mit Indikatorwerten hochladen (CSV, lang oder breit, auch aus Excel mit Semikolon und Dezimalkomma). Sie sehen zuerst eine Vorschau mit allen Problemen; gespeichert wird erst nach Ihrer Bestätigung, und dann alles oder nichts.
wizard-file = Datei (CSV)
wizard-year = Jahr
wizard-year-hint = nur nötig, wenn die Tabelle keine Spalte Jahr hat
wizard-check = Prüfen und Vorschau zeigen
wizard-problems = Die Datei kann so nicht importiert werden
wizard-no-file = Bitte eine Datei auswählen.
wizard-layout = Aufbau
wizard-rows = { $count ->
    [one] 1 Wert
   *[other] { $count } Werte
}
wizard-warnings = Auffällige Werte – sie werden trotzdem übernommen, bitte prüfen:
wizard-unknown-keys = Unbekannte Sozialraum-Schlüssel – der Import wird so abgelehnt:
wizard-map = Spalten und Indikatoren zuordnen
wizard-column = In der Datei
wizard-values = Werte
wizard-skip = nicht importieren
wizard-sample = Vorschau der ersten Werte
wizard-commit = Importieren
error-upload-too-large = Die Datei ist zu groß: höchstens { $megabytes } MB.
wizard-expired = Die Vorschau ist abgelaufen; bitte die Datei erneut hochladen.
map-interactive = Interaktive Karte laden (etwa 120 KB)
publish-column = Ergebnisspalte
publish-indicator = als Indikator (Code)
publish-submit = Als Indikator speichern

# Finder (öffentlich)
finder-errors = Bitte prüfen Sie Ihre Angaben
finder-age-any = egal / keine Angabe
finder-age-expecting = Wir erwarten ein Kind
finder-age-baby = unter 1 Jahr
finder-near-hint = Straße oder Postleitzahl, z. B. Müllerstraße oder 13353
finder-q-hint = z. B. Krabbelgruppe, Hebamme, Hausaufgabenhilfe
finder-more = Weitere Suchmöglichkeiten
finder-radius = Höchstens so weit entfernt
finder-radius-any = egal
finder-topic = Thema
finder-language = Dort wird gesprochen
finder-new-search = Neue Suche
finder-place-unknown = Diese Straße oder Postleitzahl kennen wir nicht. Die Ergebnisse sind deshalb nicht nach Entfernung sortiert.
finder-distance-from = Entfernung gemessen ab: { $place }
finder-nothing = Wir haben nichts Passendes gefunden. Versuchen Sie es mit weniger Angaben oder einem anderen Wort.
finder-what = Was?
finder-when = Wann?
finder-where = Wo?
finder-how = Wie komme ich hin?
finder-show-all-distances = Alle zeigen, egal wie weit
finder-show-further = Auch weiter entfernte zeigen (bis { $radius })
finder-nearest-first-within = Die nächsten zuerst, im Umkreis von { $radius }.
finder-nearest-first = Die nächsten zuerst.
finder-ages = Alter
finder-cost = Kosten
finder-access = Zugang
finder-address-on-request = Adresse auf Anfrage (geschützter Ort)
finder-back = Zurück zu den Ergebnissen
finder-back-offer = Zurück zum Angebot
finder-easy-language = In Leichter Sprache lesen
finder-standard-language = In Standardsprache lesen
finder-print = Drucken
finder-print-hint = Drucken Sie diese Seite mit der Druckfunktion Ihres Browsers.
finder-not-translated = Dieser Text liegt nur auf Deutsch vor.
finder-spoken = Dort wird gesprochen
finder-internal = Nur für Fachkräfte
finder-no-note = Keine interne Notiz.
finder-report-error = Fehler in diesem Angebot melden
referral-title = Vermittlungsblatt für die Familie
referral-privacy = Es werden keine Daten der Familie gespeichert, nur eine anonyme Zählung (Datum, Sozialraum, Lebensphase, Übergang, Thema, Angebot, Ergebnis).
referral-language = Sprache der Familie
referral-submit = Vermittlungsblatt erstellen
referral-sheet = Vermittlungsblatt
error-age-months = Bitte geben Sie das Alter in Monaten von 0 bis 324 an.
error-coordinates = Bitte Breitengrad (−90 bis 90) und Längengrad (−180 bis 180) zusammen angeben.
error-radius = Der Umkreis muss zwischen 100 Metern und 100 Kilometern liegen.
error-place-unknown = Diese Straße oder Postleitzahl ist im Verzeichnis nicht bekannt.
footer-statement = Barrierefreiheit
footer-feedback = Rückmeldung geben
nav-synonyms = Synonyme
nav-feedback = Rückmeldungen

statement-title = Erklärung zur Barrierefreiheit
statement-scope = Diese Erklärung gilt für den öffentlichen Angebotsfinder der Präventionskette { $municipality } (Startseite der Suche, Ergebnisse, Angebotsseiten, Druckansichten, diese Erklärung und das Rückmeldeformular).
statement-status-title = Stand der Vereinbarkeit
statement-status = Die Seiten sollen die Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA erfüllen. Sie funktionieren ohne JavaScript, mit Tastatur und Bildschirmlesern, in großer Schrift und in den Sprachen Deutsch, Englisch, Türkisch, Arabisch und Ukrainisch.
statement-limits-title = Nicht barrierefreie Inhalte
statement-limit-translations = Beschreibungen von Angeboten liegen oft nur auf Deutsch vor; die Seite kennzeichnet das.
statement-limit-map = Die Karte ist eine Ergänzung; alle Informationen stehen auch in Textform in der Liste.
statement-limit-internal = Die Seiten für Fachkräfte sind auf Deutsch und Englisch verfügbar.
statement-method-title = Erstellung dieser Erklärung
statement-method = Die Seiten werden bei jeder Änderung automatisch mit axe-core in einem echten Browser geprüft, in deutscher und arabischer Sprache, und mit der Tastatur bedient.
statement-feedback-title = Barrieren melden
statement-feedback = Wenn Ihnen Barrieren auffallen, schreiben Sie uns. Sie müssen dazu keine persönlichen Daten angeben.
statement-enforcement-title = Schlichtungsverfahren
statement-enforcement = Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle nach § 16 BGG oder die zuständige Stelle Ihres Landes wenden.

feedback-title = Rückmeldung geben
feedback-lead = Ist Ihnen eine Barriere aufgefallen, stimmt eine Angabe nicht oder fehlt ein Angebot? Schreiben Sie es uns.
feedback-privacy = Bitte schreiben Sie keine Namen, Adressen oder andere persönliche Daten in das Feld. Wir speichern nur Ihren Text und die Seite.
feedback-topic = Worum geht es?
feedback-topic-barrier = Eine Barriere
feedback-topic-wrong-information = Eine falsche Angabe
feedback-topic-missing-offer = Ein fehlendes Angebot
feedback-topic-other = Etwas anderes
feedback-message = Ihre Nachricht
feedback-send = Absenden
feedback-thanks = Vielen Dank! Ihre Rückmeldung ist angekommen.
feedback-error-topic = Bitte wählen Sie, worum es geht.
feedback-error-empty = Bitte schreiben Sie eine Nachricht.
feedback-error-long = Die Nachricht ist zu lang (höchstens 5.000 Zeichen).
feedback-inbox = Rückmeldungen
feedback-none = Noch keine Rückmeldungen.
feedback-received = Eingegangen
feedback-page = Seite

synonyms-title = Synonyme für die Suche
synonyms-lead = Wörter, die in der Suche dasselbe bedeuten sollen. Wer eines davon sucht, findet Angebote mit jedem anderen.
synonyms-field = Synonymgruppen
synonyms-hint = Eine Gruppe pro Zeile, Begriffe durch Komma getrennt, z. B.: Krabbelgruppe, Eltern-Kind-Gruppe, Spielgruppe
finder-age-years = { $count ->
    [one] 1 Jahr
   *[other] { $count } Jahre
}
finder-also-in = Dieses Angebot gibt es auch auf:
finder-open-map-app = in der Karten-App öffnen
reindex-title = Suchindex
reindex-lead = Die Suche folgt jeder Änderung sofort. Wurde die Datenbank außerhalb von kette geändert, baut diese Schaltfläche den Suchindex neu aus der Datenbank auf.
reindex-submit = Suchindex neu aufbauen
reindex-done = { $count ->
    [one] Suchindex mit 1 Angebot neu aufgebaut.
   *[other] Suchindex mit { $count } Angeboten neu aufgebaut.
}
cli-hsds-rejected = { $file }: { $invalid } von { $total } Diensten verletzen Regeln (oben aufgeführt); nichts importiert. Mit --partial werden die gültigen importiert.
cli-hsds-valid = { $file }: { $valid } von { $total } Diensten gültig; nichts geschrieben (--dry-run).
cli-hsds-imported = { $offers } Angebote, { $organisations } Träger, { $locations } Orte in { $municipality } importiert ({ $skipped } ungültige übersprungen, { $seconds } s).
texts-title = Übersetzungen und Notiz
texts-lead = Titel und Beschreibung in weiteren Sprachen und in Leichter Sprache. Familien sehen sie im Angebotsfinder in ihrer Sprache; leere Felder entfernen die Übersetzung.
texts-easy-german = Leichte Sprache
texts-field-title = Titel
texts-field-description = Beschreibung
texts-note = Interne Notiz für Fachkräfte
texts-note-hint = Nur für angemeldete Fachkräfte sichtbar, nie öffentlich. Keine Daten von Familien eintragen.
referrals-title = Lotsenprotokoll
referrals-lead = Die Kontakte der Lotsinnen und Lotsen, anonym gezählt: wann, wo, für welche Lebensphase, welchen Übergang und welches Thema, welches Angebot vermittelt wurde und ob die Familie angekommen ist. Namen, Geburtsdaten oder freie Notizen werden nicht gespeichert.
referrals-count = Kontakte

## Verification reminders (e-mail)
mail-reminder-subject = kette: { $count ->
    [one] 1 Angebot
   *[other] { $count } Angebote
  } von { $organisation } bitte prüfen
mail-reminder-intro = Guten Tag,

  im Angebotsverzeichnis { $municipality } sind Angebote von { $organisation } seit mehr als { $months } Monaten nicht bestätigt worden. Familien und Lotsinnen verlassen sich auf aktuelle Angaben. Bitte prüfen Sie, ob sie noch stimmen, und bestätigen oder ändern Sie sie:
mail-reminder-line-due = { $title } (zuletzt geprüft am { $verified })
mail-reminder-line-hidden-on = { $title } (zuletzt geprüft am { $verified }; ab { $hidden } nicht mehr öffentlich sichtbar)
mail-reminder-line-lapsed = { $title } (seit { $since } nicht mehr öffentlich sichtbar, bis es bestätigt ist)
mail-reminder-line-unverified = { $title } (noch nie bestätigt)
mail-reminder-more = … und { $count } weitere (alle in der Prüfliste).
mail-reminder-action = Zur Prüfliste: { $url }
mail-reminder-footer = Diese Nachricht hat kette automatisch versandt. Angebote werden nie gelöscht; sobald sie bestätigt sind, erscheinen sie wieder im Wegweiser.

## Partner workflow: approval and verification
organisation = Träger
error-login-required = Bitte melden Sie sich zuerst an.
error-conflict = Das geht so nicht mehr – die Daten haben sich inzwischen geändert.
nav-review = Freigaben
nav-verification = Prüfliste
nav-account = Mein Zugang
review-title = Freigaben
review-lead = Neue Angebote und Änderungen der Träger werden erst öffentlich, wenn Sie sie freigeben. Bis dahin sehen Familien die bisherige Fassung.
review-lead-partner = Ihre neuen Angebote und Änderungen, die noch auf die Freigabe durch die Koordination warten.
review-none = Nichts wartet auf Freigabe.
review-open = { $count ->
    [one] 1 wartender Vorschlag
   *[other] { $count } wartende Vorschläge
  }
review-kind = Art
review-kind-new = Neues Angebot
review-kind-change = Änderung
review-proposed-by = eingereicht von
review-proposed-at = eingereicht am
review-approved = Freigegeben – die neue Fassung ist jetzt öffentlich.
review-rejected = Zurückgegeben – der Träger sieht Ihre Begründung.
review-to-offer = Zum Angebot
review-change-title = Vorschlag
review-back = Zurück zu den Freigaben
review-current-offer = aktuelle Fassung ansehen
review-state-pending = Wartet auf Freigabe
review-state-approved = Freigegeben
review-state-rejected = Zurückgegeben
review-state-superseded = Durch einen neueren Vorschlag ersetzt
review-no-difference = Der Vorschlag stimmt mit der aktuellen Fassung überein.
review-new-caption = Angaben des neuen Angebots
review-change-caption = Geänderte Angaben
review-field = Angabe
review-before = bisher
review-after = neu
review-approve = Freigeben
review-reason = Begründung für den Träger (bei Rückgabe)
review-reject = Zurückgeben
error-review-reason = Bitte begründen Sie die Rückgabe, damit der Träger nachbessern kann.
review-settings-title = Einstellungen: Freigabe, Prüfung, Lotsendienst
review-approval-required = Neue Angebote und Änderungen von Trägern erst nach Freigabe veröffentlichen
review-verify-every-months = Angebote prüfen lassen alle … Monate
review-hide-after-days = Nicht bestätigte Angebote ausblenden nach … Tagen Frist
review-hide-after-days-hint = Leer lassen, wenn überfällige Angebote sichtbar bleiben sollen, bis Sie entscheiden. Ausgeblendete Angebote werden nie gelöscht und erscheinen wieder, sobald sie bestätigt sind.
review-remind-every-days = Träger erneut erinnern nach … Tagen
error-review-months = Bitte eine Zahl von 1 bis 120 Monaten angeben.
error-review-days = Bitte eine Zahl von 0 bis 3650 Tagen angeben oder das Feld leer lassen.
error-review-remind = Bitte eine Zahl von 1 bis 365 Tagen angeben.
verification-title = Prüfliste
verification-lead = Angebote sollen alle { $months } Monate bestätigt werden: Stimmen Zeiten, Ort, Kontakt und Beschreibung noch?
verification-lead-hide = Wird ein Angebot { $days } Tage nach Fälligkeit nicht bestätigt, erscheint es nicht mehr im öffentlichen Wegweiser – gelöscht wird es nie.
verification-lead-keep = Überfällige Angebote bleiben sichtbar, bis die Koordination entscheidet.
verification-count = { $count ->
    [one] 1 Angebot zu prüfen
   *[other] { $count } Angebote zu prüfen
  }
verification-lapsed-count = { $count ->
    [one] 1 davon ausgeblendet
   *[other] { $count } davon ausgeblendet
  }
verification-none = Alle Angebote sind bestätigt.
verification-caption = Zu prüfende Angebote, älteste zuerst
verification-still-current = Stimmt noch
verification-edit = ändern
verification-state = Stand
verification-hidden-from = ausgeblendet ab { $date }
verification-hidden-since = ausgeblendet seit { $date }
verification-confirm = Ausgewählte als aktuell bestätigen
verification-confirmed = { $count ->
    [one] 1 Angebot bestätigt.
   *[other] { $count } Angebote bestätigt.
  }
verification-reminders = Erinnerungen
verification-reminders-lead = kette erinnert Träger mit zu prüfenden Angeboten per E-Mail, höchstens alle { $days } Tage.
verification-no-mailer = Kein Mailserver eingerichtet: Träger sehen ihre Prüfliste nach dem Anmelden, E-Mails werden nicht versandt.
verification-remind-now = Jetzt erinnern
verification-reminded = Erinnerungen versandt: { $sent }; ohne E-Mail-Adresse: { $noaddr }; fehlgeschlagen: { $failed }.
verification-reminders-recent = Letzte Erinnerungen
verification-sent-at = Zeitpunkt
verification-recipients = Empfänger
verification-offers = Angebote
verification-outcome = Ergebnis
verification-outcome-sent = versandt
freshness-current = aktuell
freshness-due = Prüfung fällig
freshness-lapsed = ausgeblendet
freshness-unverified = noch nie bestätigt
approval-pending = wartet auf Freigabe
approval-approved = freigegeben
approval-rejected = zurückgegeben
account-title = Mein Zugang
account-lead = An diese Adresse schickt kette Erinnerungen, wenn Angebote Ihres Trägers geprüft werden sollen. Sie wird für nichts anderes verwendet.
account-email = E-Mail-Adresse
offer-proposal-sent = Ihre Änderung ist eingereicht. Sie wird öffentlich, sobald die Koordination sie freigibt.
offer-pending-new = Dieses Angebot wartet auf die Freigabe durch die Koordination und ist noch nicht öffentlich.
offer-pending-change = Eine Änderung an diesem Angebot wartet auf Freigabe; öffentlich ist noch die bisherige Fassung.
offer-rejected = Von der Koordination zurückgegeben
offer-review-link = Vorschlag ansehen
offer-not-public = Dieses Angebot ist derzeit nicht öffentlich sichtbar.
offer-confirm-current = Angaben stimmen noch – heute bestätigen
cli-error-email = „{ $email }“ ist keine E-Mail-Adresse (erwartet z. B. name@example.org).
cli-error-password = Das Passwort für „{ $username }“ wird nicht angenommen: { $reason }
password-too-short = Es braucht mindestens 10 Zeichen.
password-too-long = Es darf höchstens 256 Zeichen haben.
password-contains-name = Es darf weder den Benutzernamen noch den Namen der Person enthalten.
password-common = Es steht auf der Liste häufig benutzter oder gestohlener Passwörter.
password-guessable = Es ist leicht zu erraten (Wiederholung, Folge, Tastaturreihe, Datum oder ein einzelnes Wort). Besser sind einige Wörter, die nichts miteinander zu tun haben.
cli-remind-no-mailer = Kein Mailserver angegeben: bitte --smtp-url oder KETTE_SMTP_URL setzen (z. B. smtp://mail.example.org:587?tls=required).
cli-reminded = { $municipality }: { $sent } Erinnerungen zu { $offers } Angeboten versandt; ohne E-Mail-Adresse: { $noaddr }; fehlgeschlagen: { $failed }.
verification-without-address = { $count ->
    [one] 1 Träger mit zu prüfenden Angeboten hat niemanden, dem kette schreiben kann (kein Trägerzugang mit E-Mail-Adresse, keine Adresse beim Träger).
   *[other] { $count } Träger mit zu prüfenden Angeboten haben niemanden, dem kette schreiben kann (kein Trägerzugang mit E-Mail-Adresse, keine Adresse beim Träger).
  }
cli-hsds-tabular-rejected = { $folder }: { $errors } Zellen passen nicht zu ihrer Spalte (siehe oben); nichts importiert.
cli-export-exists = { $path } gibt es schon; bitte einen neuen Namen angeben (kette überschreibt keine Dateien).
cli-hsds-exported = { $services } Dienste nach { $path } exportiert ({ $seconds } s).
cli-hsds-not-kept = { $file }: Diese HSDS-Angaben hat kette nicht übernommen, weil es keinen Platz dafür hat (Anzahl Datensätze): { $fields }
finder-map-show = Ergebnisse auf der Karte zeigen
finder-map-hide = Karte ausblenden
finder-map-title = Karte der Ergebnisse dieser Seite
finder-map-caption = Die Nummern auf der Karte entsprechen den Nummern in der Liste.
finder-map-interactive = Karte zum Verschieben und Zoomen laden
finder-map-number = Nummer auf der Karte
referrals-unknown = ohne Angabe
review-kind-texts = Übersetzungen
review-kind-place = Ort
location-coordinates = Koordinaten
yes = ja
no = nein
texts-waiting = Ihre zuletzt eingereichten Übersetzungen warten auf Freigabe; öffentlich sind noch die bisherigen. Das Formular zeigt Ihren Vorschlag.
organisation-proposal-sent = Ihre Änderung ist eingereicht. Sie wird öffentlich, sobald die Koordination sie freigibt.
place-waiting = Ihre zuletzt eingereichte Änderung an diesem Ort wartet auf Freigabe; öffentlich ist noch die bisherige Adresse. Das Formular zeigt Ihren Vorschlag.
review-kind-organisation = Angaben zum Träger
organisation-waiting = Ihre zuletzt eingereichten Angaben warten auf Freigabe; öffentlich sind noch die bisherigen. Das Formular zeigt Ihren Vorschlag.
offer-form-waiting = Ihre zuletzt eingereichte Änderung wartet auf Freigabe; öffentlich ist noch die bisherige Fassung. Das Formular zeigt Ihren Vorschlag.
cli-confidentiality-set = { $slug }: öffentlich gezeigt werden Zahlen ab { $min } (kleinere unterdrückt, samt Ergänzungszellen); Rundung auf Vielfache von { $round }.
confidentiality-title = Statistische Geheimhaltung
confidentiality-lead = Was öffentliche Seiten, die API und Exporte von kleinen Zahlen zeigen. Kleinere Zahlen als das Minimum werden ausgeblendet, dazu so viele Nachbarzellen, dass sie sich nicht aus Summen zurückrechnen lassen. Planung und Koordination sehen immer die genauen Werte.
confidentiality-min-count = Kleinste öffentlich gezeigte Zahl
confidentiality-round-to = Gezeigte Zahlen runden auf Vielfache von
confidentiality-round-hint = Leer lassen für keine Rundung; üblich sind 3 oder 5.
error-confidentiality = Bitte als Minimum eine ganze Zahl von 1 bis 100 und zum Runden leer oder eine ganze Zahl von 2 bis 100 angeben.
cli-crosswalk-imported = Crosswalk { $from } → { $to } gespeichert: { $links } Verknüpfungen von { $sources } nach { $targets } Sozialräumen.
cli-error-no-districts = { $municipality } hat noch keine Sozialräume; zuerst `kette import districts`.
cli-error-which-version = Es gibt mehrere Gebietsstände ({ $versions }); bitte --to-version angeben.
cli-error-no-crosswalk = Für den Gebietsstand „{ $version }“ gibt es keinen Crosswalk zu den gespeicherten Sozialräumen; zuerst `kette import crosswalk DATEI --from-version { $version }`.
cli-indicators-carried = { $count } Werte vom Gebietsstand { $from } in { $written } Werte für den Gebietsstand { $to } umgerechnet und importiert (als umgerechnet gekennzeichnet).
cli-indicators-not-carried = nicht umgerechnet: { $code } { $key } { $year } – es fehlen Werte für { $missing }
carried-from = umgerechnet vom Gebietsstand { $version } (Schätzung über einen Crosswalk)
carried-note = ≈: für einen anderen Gebietsstand ({ $versions }) veröffentlicht und über einen Crosswalk auf diese Sozialräume umgerechnet – eine Schätzung, die gleichmäßige Besiedlung annimmt.
wizard-version = Gebietsstand der Schlüssel in der Datei
wizard-version-hint = Bei Daten für einen anderen Gebietsstand werden die Werte über den gespeicherten Crosswalk auf die Sozialräume hier umgerechnet und als umgerechnet gekennzeichnet.
wizard-unknown-version = Unbekannter Gebietsstand „{ $version }“: es gibt keinen Crosswalk von ihm zu den gespeicherten Sozialräumen.
wizard-carried = Die Werte werden über den Crosswalk umgerechnet (Verknüpfungen / Ziel-Sozialräume):
boundaries-title = Gebietsstände und Crosswalks
boundaries-lead = Werden Sozialräume neu zugeschnitten, veröffentlichen die Statistikstellen ihre Zahlen für den neuen Gebietsstand. Ein Crosswalk gibt an, welcher Anteil jedes Gebiets des anderen Stands in welchem Sozialraum hier liegt; damit werden die Werte umgerechnet und die Zeitreihen laufen weiter.
boundaries-stored = Gebietsstand der gespeicherten Sozialräume:
boundaries-crosswalks = Gespeicherte Crosswalks
boundaries-none = Noch kein Crosswalk gespeichert.
boundaries-from = Gebietsstand der Quelle
boundaries-to = Gebietsstand hier
boundaries-links = Verknüpfungen
boundaries-sources = Quellgebiete
boundaries-targets = Sozialräume
boundaries-saved-at = gespeichert am
boundaries-method-area = Flächenanteile aus Geometrien
boundaries-method-file = aus Datei übernommen
boundaries-use = Werte für einen anderen Gebietsstand importieren Sie im Import-Assistenten mit der Wahl des Gebietsstands oder mit `kette import indicators DATEI --boundary-version STAND`. Anzahlen werden nach den Anteilen verteilt, Anteile mit Zähler und Nenner aus den umgerechneten Zahlen neu berechnet, andere Werte gewichtet gemittelt; ein Sozialraum erhält nur dann einen Wert, wenn alle Quellgebiete, die in ihm liegen, einen haben. Umgerechnete Werte sind im Profil mit ≈ gekennzeichnet.
boundaries-upload = Crosswalk hochladen
boundaries-upload-help = CSV mit den Spalten from, to, weight: der Schlüssel im anderen Gebietsstand, der Schlüssel eines Sozialraums hier und der Anteil (0 bis 1) des Quellgebiets, der in ihm liegt; die Anteile eines Quellgebiets ergeben zusammen 1. `kette crosswalk ALT.geojson NEU.geojson` berechnet eine solche Datei aus Geometrien. Ein neuer Crosswalk für denselben Gebietsstand ersetzt den alten.
boundaries-from-hint = z. B. lor-2021
boundaries-from-required = Bitte den Gebietsstand der Quelle angeben.
boundaries-no-districts = Es sind noch keine Sozialräume gespeichert.
boundaries-save = Prüfen und speichern
error-phone = Bitte eine Telefonnummer aus Ziffern angeben (Leerzeichen, + - / ( ) sind erlaubt).
finder-tried = Gesucht wurde nach:
list-separator = {", "}
finder-did-you-mean = Meinten Sie:
finder-relax-title = Mit weniger Angaben finden Sie
finder-without-words = ohne die Wörter „{ $words }“
finder-without-age = ohne Altersangabe
finder-any-distance = in jeder Entfernung
finder-without-place = ohne Ort
finder-without-district = in allen Bezirken
finder-without-topic = in allen Themen
finder-without-language = in jeder Sprache
finder-without-cost = unabhängig von den Kosten
finder-without-access = unabhängig vom Zugang
finder-topics-title = Angebote nach Thema für dieses Alter und diesen Ort
finder-ask-navigator = Persönliche Hilfe
finder-navigator-feedback = Fehlt ein Angebot? Sagen Sie es uns:
navigator-contact-lead = Lotsinnen und Lotsen helfen Ihnen kostenlos, das passende Angebot zu finden:
navigator-hours = Erreichbar
navigator-service-title = Lotsendienst für Familien
navigator-service-hint = Diese Kontaktdaten sehen Familien, wenn die Suche nichts findet, und auf dem Verweisbogen eines Angebots mit geschütztem Ort.
navigator-service-name = Name des Dienstes
navigator-service-phone = Telefon
navigator-service-email = E-Mail
navigator-service-hours = Erreichbarkeit (z. B. Mo–Fr 9–15 Uhr)
finder-protected-place = Dieser Ort ist geschützt, seine Adresse wird nicht veröffentlicht. Melden Sie sich, dann erfahren Sie, wie Sie hinkommen:
error-year = Bitte ein Jahr als Zahl angeben, z. B. 2023.
recipe-no-years = Für dieses Rezept gibt es noch kein Jahr, in dem alle Eingangsindikatoren Werte haben.
publish-column-choose = – Spalte wählen –
distance-m = { $value } m
distance-km = { $value } km
home-waiting-title = Was wartet
home-waiting-none = Für Ihre Rolle wartet hier nichts; die Suche und das Monitoring stehen oben im Menü.
home-waiting-proposals = Vorschläge der Träger zur Freigabe
home-waiting-own-proposals = eigene Vorschläge warten auf Freigabe
home-waiting-due = Angebote zur Bestätigung fällig
home-waiting-feedback = unbearbeitete Rückmeldungen
home-waiting-failed-reminders = Erinnerungen nicht zugestellt
nav-work = Aufgaben
nav-settings = Verwaltung
offer-hint-title = So, wie Familien das Angebot nennen würden, z. B. „Krabbelgruppe im Familienzentrum“.
offer-hint-description = Was passiert dort, für wen, was muss man mitbringen? Kurze Sätze helfen allen, auch beim Übersetzen.
offer-age-from = Ab welchem Alter
offer-age-to = Bis unter welchem Alter
offer-hint-age-from = Leer lassen, wenn es kein Mindestalter gibt. Für Schwangere: 0 Jahre, 0 Monate.
offer-hint-age-to = Das Angebot endet vor diesem Alter: 3 Jahre heißt „bis zum dritten Geburtstag“. Leer lassen, wenn es keine Grenze gibt.
offer-age-years = Jahre
offer-age-months = Monate
offer-languages = Sprachen, in denen man dort verstanden wird
offer-hint-languages = Familien können nach ihrer Sprache suchen.
offer-languages-other = Weitere Sprachen (Kürzel nach ISO 639, z. B. hy, ku)
offer-hint-schedule = Z. B. „Di und Do 9–11 Uhr, nicht in den Schulferien“.
offer-hint-places = Wo das Angebot stattfindet. Fehlt ein Ort, legen Sie ihn zuerst an.
offer-places-filter = Orte filtern
offer-places-none = Kein Ort passt zu dieser Eingabe.
offer-submit-proposal = Zur Freigabe einreichen
offer-submit-new-hint = Die Koordination prüft Ihr neues Angebot; öffentlich wird es erst nach der Freigabe. Sie sehen es bis dahin unter „Aufgaben“.
offer-submit-change-hint = Die Koordination prüft Ihre Änderung; bis zur Freigabe sehen Familien die bisherige Fassung.
offer-proposal-sent-new = Ihr neues Angebot ist eingereicht. Die Koordination prüft es; öffentlich wird es erst nach der Freigabe.
error-rest-months = Bitte 0 bis 11 Monate angeben (12 Monate sind ein Jahr).
location-geocode-hint = Ohne Koordinaten bestimmt kette sie aus der Straße, wenn dort schon Orte bekannt sind (Straßenmitte; kein externer Dienst).
min-age-years = Mindestalter (Jahre)
min-age-rest-months = Mindestalter (Monate)
max-age-years = Höchstalter (Jahre)
max-age-rest-months = Höchstalter (Monate)
languages-other = Weitere Sprachen
matrix-transitions = Übergänge zwischen den Lebensphasen
filter-transition = Übergang
finder-transition = Übergang
finder-transition-hint = Angebote, die beim Wechsel begleiten, z. B. in die Kita oder in die Schule.
anchors-title = Ankerpunkte
anchors-lead = Orte, die Familien ohnehin aufsuchen – Kita, Schule, Familienzentrum –, und welche Angebote von dort in 1 km (Luftlinie, etwa eine Viertelstunde zu Fuß) erreichbar sind.
anchors-count = { $count ->
    [one] { $count } Ankerpunkt
   *[other] { $count } Ankerpunkte
}
anchors-none = Hier sind noch keine Ankerpunkte eingetragen. Träger markieren ihre Orte als Ankerpunkt, wenn Familien sie ohnehin aufsuchen.
anchors-map-title = Karte der Ankerpunkte
anchors-map-caption = Die Nummern entsprechen der Liste.
anchors-no-coordinates = Für diesen Ort fehlen Koordinaten.
anchors-reachable = { $count ->
    [one] { $count } Angebot in 1 km erreichbar
   *[other] { $count } Angebote in 1 km erreichbar
}
nav-anchors = Ankerpunkte
anchors-by-district = Ankerpunkte je Bezirk – wählen Sie einen Bezirk für Liste und Karte
anchors-in-district = Orte der Familien in diesem Sozialraum und was von dort erreichbar ist
wizard-layout-long = lang (eine Zeile je Wert)
wizard-layout-wide = breit (eine Spalte je Indikator)
wizard-skipped-columns = Textspalten übersprungen:
wizard-new-indicator = Neuen Indikator anlegen
wizard-new-hint = Wird mit den Werten in einem Schritt gespeichert; scheitert der Import, entsteht auch kein Indikator.
wizard-unit-hint = z. B. %, Anzahl, je 1.000 Einwohner
wizard-new-name-missing = Der neue Indikator braucht einen Namen.
wizard-nothing-chosen = Alle Spalten sind ausgelassen – es gibt nichts zu importieren. Ordnen Sie mindestens eine Spalte einem Indikator zu.
wizard-unknown-district = Unbekannter Sozialraum-Schlüssel „{ $key }“.
wizard-imported = { $count ->
    [one] { $count } Wert importiert.
   *[other] { $count } Werte importiert.
}
wizard-see-map = Karte: { $indicator }
ingest-line = Zeile { $line }
ingest-column = Spalte „{ $column }“
ingest-more = … und { $count } weitere Probleme
ingest-no-key-column = Keine Spalte mit dem Sozialraum-Schlüssel. Erwartet wird eine Überschrift wie Planungsraum, Schlüssel, Gebiet oder key; die Datei hat: { $found }.
ingest-no-year-column = Keine Spalte Jahr: bitte das Jahr im Feld „Jahr“ angeben.
ingest-no-indicator-columns = Keine Indikatorspalten: Eine breite Tabelle hat je Indikator eine Spalte mit Zahlen, eine lange die Spalten Indikator und Wert.
ingest-unreadable-row = Die Zeile ist nicht lesbar ({ $detail }).
ingest-missing-key = Der Sozialraum-Schlüssel fehlt.
ingest-key-too-long = Ein Schlüssel hat höchstens { $max } Zeichen, gefunden: „{ $found }“.
ingest-expected-year = Erwartet wird eine Jahreszahl, gefunden: „{ $found }“.
ingest-expected-number = Erwartet wird eine Zahl (12,5 oder 12.5), gefunden: „{ $found }“.
ingest-missing-code = Der Indikator-Code fehlt.
ingest-code-too-long = Ein Indikator-Code hat höchstens { $max } Zeichen, gefunden: „{ $found }“.
ingest-denominator = Der Nenner muss größer als 0 sein.
ingest-numerator = Der Zähler muss zwischen 0 und dem Nenner liegen.
ingest-duplicate = { $code } für { $key } im Jahr { $year } steht schon in Zeile { $previous }.
steering-title = Steuerung: Leitbild und Ziele
leitbild-title = Leitbild
leitbild-none = Noch kein Leitbild gespeichert.
leitbild-draft = Entwurf, noch nicht beschlossen
leitbild-adopted = beschlossen am { $date }
leitbild-adopted-on = Beschlossen am (leer lassen für einen Entwurf)
leitbild-edit = Leitbild bearbeiten (als neue Version)
leitbild-save = Als neue Version speichern
goals-title = Ziele
goals-rule = So wird der Stand bestimmt: Der Pfad führt geradlinig vom Ausgangswert zum Zielwert. Der neueste veröffentlichte Wert liegt im Plan, wenn er höchstens um die Toleranz (ein Anteil der ganzen Strecke) hinter dem Pfad liegt, gefährdet bis zur doppelten Toleranz, sonst nicht im Plan. Im Zieljahr zählt nur, ob das Ziel erreicht ist. Für die ganze Kommune werden die Werte der Sozialräume mit ihrer Bevölkerung gewichtet (Zähler und Nenner), sonst gemittelt.
goals-none = Noch keine Ziele.
goal = Ziel
goal-area = Gebiet
goal-whole-municipality = ganze Kommune
goal-path = Ausgangs- und Zielwert
goal-latest-title = Neuester Wert
goal-latest = { $value } ({ $year }; Pfad: { $expected })
goal-state = Stand
goal-level = Ebene
goal-level-impact = Wirkungsziel
goal-level-outcome = Ergebnisziel
goal-level-action = Handlungsziel
goal-parent = Gehört zu
goal-baseline-year = Ausgangsjahr
goal-baseline-value = Ausgangswert
goal-target-year = Zieljahr
goal-target-value = Zielwert
goal-tolerance = Toleranz (% der Strecke)
goal-responsible = Verantwortlich
goal-new = Neues Ziel
goal-save = Ziel speichern
progress-reached = erreicht
progress-on-track = im Plan
progress-at-risk = gefährdet
progress-off-track = nicht im Plan
progress-no-data = keine Daten
error-goal-indicator = Ein Zielwert braucht den Indikator, aus dem er gelesen wird.
error-goal-years = Das Zieljahr muss nach dem Ausgangsjahr liegen.
error-goal-past = Das Zieljahr liegt in der Vergangenheit.
error-goal-tolerance = Die Toleranz liegt zwischen 0 und 100 %.
error-goal-level = Ergebnisziele gehören zu Wirkungszielen, Handlungsziele zu Ergebniszielen.
error-goal-parent = Ergebnis- und Handlungsziele gehören zu einem übergeordneten Ziel.
error-goal-target-whole = Ausgangs- und Zielwert brauchen jeweils Jahr und Wert.
nav-steering = Steuerung
measures-title = Maßnahmen
measures-none = Noch keine Maßnahmen.
measure = Maßnahme
measure-status = Stand
measure-status-idea = Idee
measure-status-planned = geplant
measure-status-running = läuft
measure-status-done = abgeschlossen
measure-status-stopped = eingestellt
measure-lead = Federführung
measure-period = Zeitraum
measure-budget = Budget (EUR)
measure-starts-on = Beginn
measure-ends-on = Ende
measure-new = Neue Maßnahme
measure-save = Maßnahme speichern
error-measure-dates = Das Ende liegt vor dem Beginn.
kind-body-kind = Gremienarten
nav-bodies = Gremien
bodies-title = Gremien
bodies-intro = Steuerungsgruppe, Arbeitsgruppen und Netzwerkkonferenz: Sitzungen, Protokolle, Beschlüsse und Aufgaben.
bodies-none = Sie gehören noch keinem Gremium an.
body = Gremium
body-kind = Art
body-members = Mitglieder
body-name = Name des Gremiums
body-new = Neues Gremium
body-next-meeting = Nächste Sitzung
body-save = Gremium anlegen
calendar-title = Kalender
calendar-intro = Die Sitzungen dieses Gremiums als Kalender-Abonnement (iCalendar): den Link in Outlook, Thunderbird oder am Telefon als Internetkalender eintragen. Wer den Link hat, sieht Titel, Zeit und Ort der Sitzungen – geben Sie ihn nur an Mitglieder weiter.
calendar-link = Link zum Abonnieren
calendar-download = Kalenderdatei öffnen (.ics)
calendar-renew = Neuen Link erzeugen
calendar-renew-hint = Der alte Link funktioniert danach nicht mehr; alle Abonnements müssen neu eingetragen werden.
meetings-title = Sitzungen
meetings-none = Noch keine Sitzungen.
meetings-upcoming = Anstehend
meetings-past = Vergangen
meeting-new = Sitzung planen
meeting-date = Tag
meeting-starts = Beginn (Uhrzeit)
meeting-ends = Ende (Uhrzeit)
meeting-place = Ort
meeting-agenda = Tagesordnung
meeting-agenda-hint = Ein Tagesordnungspunkt pro Zeile.
meeting-agenda-none = Keine Tagesordnung eingetragen.
meeting-save = Sitzung speichern
meeting-attendance = Anwesend
meeting-minutes = Protokoll
meeting-minutes-hint = Markdown: # Überschrift, **fett**, - Liste, [Text](https://…). HTML wird nicht übernommen.
meeting-minutes-save = Protokoll und Anwesenheit speichern
meeting-minutes-none = Noch kein Protokoll.
meeting-minutes-as-read = So lesen es die Mitglieder
meeting-minutes-updated = Zuletzt geändert: { $moment }
meeting-has-minutes = Protokoll
meeting-decisions-count = { $count ->
    [one] 1 Beschluss
   *[other] { $count } Beschlüsse
}
decisions-title = Beschlüsse
decisions-none = Noch keine Beschlüsse.
decision-new = Beschluss festhalten
decision-text = Beschluss
decision-save = Beschluss speichern
tasks-title = Aufgaben
tasks-none = Keine Aufgaben.
tasks-open = Offene Aufgaben
tasks-mine-title = Meine Aufgaben
tasks-mine-intro = Aufgaben aus den Gremien, in denen Sie Mitglied sind. Drei Tage vor der Frist erinnert eine E-Mail.
tasks-all-open = Alle offenen Aufgaben
task = Aufgabe
task-owner = Verantwortlich
task-due = Frist
task-status = Stand
task-status-open = offen
task-status-done = erledigt
task-status-dropped = entfallen
task-overdue = überfällig
task-no-owner = niemand (Mitglied ausgeschieden)
task-from-meeting = aus der Sitzung
task-new = Neue Aufgabe
task-save = Aufgabe speichern
member-name = Name
member-organisation = Organisation
member-no-organisation = keine (Verwaltung, Politik)
member-email = E-Mail (für Erinnerungen)
member-role = Rolle im Gremium
member-role-chair = Vorsitz
member-role-deputy = Stellvertretung
member-role-member = Mitglied
member-role-office = Geschäftsführung
member-role-guest = Gast
member-decides = Entscheidet
member-decides-long = Kann für die eigene Organisation entscheiden
member-account = Zugang in kette
member-account-hint = Mit einem Zugang sieht das Mitglied das Gremium, führt Sitzungen und findet seine Aufgaben unter „Meine Aufgaben“.
member-new = Mitglied hinzufügen
member-save = Mitglied speichern
member-leaves = Scheidet aus
member-left-on = ausgeschieden am { $date }
error-meeting-ends-before-start = Die Sitzung endet vor ihrem Beginn.
error-meeting-too-long = Eine Sitzung dauert höchstens drei Tage.
error-agenda-too-long = Höchstens 40 Tagesordnungspunkte.
error-minutes-html = Das Protokoll enthält HTML (zum Beispiel <script>). Bitte Markdown schreiben; nichts wurde gespeichert.
error-minutes-link = Ein Link im Protokoll ist keine Web-, Mail- oder Telefonadresse; nichts wurde gespeichert.
error-task-owner = Eine Aufgabe braucht eine verantwortliche Person aus dem Gremium.
error-task-due = Eine Aufgabe braucht eine Frist.
error-time = Bitte eine Uhrzeit angeben (SS:MM).
mail-task-subject = kette: Frist am { $due } – { $title }
mail-task-body = Guten Tag,
    
    die Aufgabe „{ $title }“ aus dem Gremium „{ $body }“ ist bis zum { $due } zu erledigen.
    
    Ihre Aufgaben: { $url }
mail-task-footer = Diese Erinnerung hat kette automatisch versandt, einmal je Aufgabe drei Tage vor der Frist.
cli-reminded-tasks = { $municipality }: { $sent } Fristerinnerungen zu Gremienaufgaben versandt; fehlgeschlagen: { $failed }.
meeting-minutes-problem = Zeile { $line }: { $what }
nav-proposals = Vorschläge
proposals-title = Vorschläge aus Sicht des Kindes
proposals-intro = Arbeitsgruppen reichen Vorschläge ein; die Steuerungsgruppe bewertet sie nach gewichteten Kriterien und entscheidet. Angenommene Vorschläge werden zu Maßnahmen.
proposals-ranking = Rangliste der offenen Vorschläge
proposals-rule = Gesamtwert = gewichteter Mittelwert der Bewertungen (0–5); der Anteil zeigt, wie viel jedes Kriterium zum Gesamtwert beiträgt. Fehlende Bewertungen zählen nicht als 0.
proposals-none-open = Keine offenen Vorschläge.
proposals-decided = Entschieden
proposals-none-decided = Noch nichts entschieden.
proposal = Vorschlag
proposal-rank = Rang
proposal-total = Gesamtwert
proposal-share = Anteil
proposal-missing-scores = { $count ->
    [one] 1 Bewertung fehlt
   *[other] { $count } Bewertungen fehlen
}
proposal-new = Vorschlag einreichen
proposal-problem = Problem aus Sicht des Kindes
proposal-problem-hint = Was erlebt ein Kind, wo bricht die Kette ab?
proposal-body = Eingereicht von (Gremium)
field-life-phase = Lebensphase
field-transition = Übergang
proposal-benefit = Erwarteter Nutzen
proposal-cost = Kosten (EUR)
proposal-partners = Beteiligte Partner
proposal-submit = Vorschlag einreichen
proposal-criteria = Bewertungskriterien
proposal-weights = Gewichte (0–10)
proposal-weights-save = Gewichte speichern
proposal-scores = Bewertung
proposal-scores-save = Bewertung speichern
proposal-need-hint = Bedarf: die Bedarfsanalyse (Lebensphase und Gebiet des Vorschlags) zeigt, wo die Kette dünn ist.
proposal-decision = Entscheidung
proposal-accept = Annehmen und als Maßnahme anlegen
proposal-accept-hint = Die Maßnahme übernimmt Titel, Problem, Nutzen, Lebensphase, Gebiet und Kosten und steht danach „geplant“ in der Steuerung.
proposal-reason = Begründung der Ablehnung
proposal-reject = Ablehnen
proposal-waiting = Die Steuerungsgruppe hat noch nicht entschieden.
proposal-status-submitted = eingereicht
proposal-status-accepted = angenommen
proposal-status-rejected = abgelehnt
error-proposal-decided = Über diesen Vorschlag ist schon entschieden.
error-proposal-reason = Eine Ablehnung braucht eine Begründung.
error-score = Eine Bewertung liegt zwischen 0 und 5.
error-weight = Ein Gewicht liegt zwischen 0 und 10.
cycle-title = Strategiezyklus
cycle-intro = Aufbau, Umsetzung, Verstetigung: was in jeder Phase zu tun ist und was zum Gelingen beiträgt – mit Datum und Beleg (Beschluss, Maßnahme oder Dokument). Offenes steht oben in jeder Liste sichtbar als „offen“.
cycle-current = Aktuelle Phase
cycle-current-short = aktuell
cycle-none = Noch keine Phase festgelegt.
cycle-since = seit { $date }
cycle-since-label = Seit
cycle-history = Bisherige Phasen
cycle-change-phase = Phase wechseln
cycle-phase = Phase
cycle-phase-save = Phase speichern
cycle-phase-build-up = Aufbau
cycle-phase-implementation = Umsetzung
cycle-phase-consolidation = Verstetigung
cycle-kind = Art
cycle-kind-activity = Aktivitäten
cycle-kind-success-factor = Erfolgsfaktoren
cycle-progress = { $done } von { $total } erreicht
cycle-done = erreicht
cycle-open = offen
cycle-record = Als erreicht festhalten
cycle-edit-check = Ändern
cycle-done-on = Erreicht am
cycle-evidence = Beleg
cycle-evidence-decision = Beschluss
cycle-evidence-measure = Maßnahme
cycle-evidence-document = Dokument
cycle-evidence-url = Adresse des Dokuments
cycle-note = Notiz
cycle-record-save = Festhalten
cycle-uncheck = Wieder öffnen
cycle-rename = Umbenennen
cycle-hide = Aus der Liste nehmen
cycle-add-item = Punkt hinzufügen
error-code = Der Schlüssel besteht aus Kleinbuchstaben, Ziffern und _.
error-cycle-evidence = Bitte den Beschluss oder die Maßnahme auswählen.
error-date-future = Das Datum liegt in der Zukunft.
steering-sections = Bereiche der Steuerung
mail-survey-subject = Selbsteinschätzung des Netzwerks { $year } – { $municipality }
mail-survey-body = Guten Tag,
    
    wie gut gelingt die Zusammenarbeit im Netzwerk der Präventionskette { $municipality }? Bitte schätzen Sie zwölf Aussagen ein (etwa 3 Minuten). Die Antworten sind anonym: der Link gilt einmal und wird nicht mit Ihrer Antwort gespeichert; Ergebnisse erscheinen erst ab 5 Antworten.
    
    Ihr persönlicher Link: { $url }
mail-survey-footer = Bitte leiten Sie den Link nicht weiter; jede Ansprechperson erhält einen eigenen.
nav-survey = Selbsteinschätzung
survey-title = Selbsteinschätzung des Netzwerks
survey-intro = Einmal im Jahr schätzen die Partner ein, wie gut die Erfolgsfaktoren der Netzwerkarbeit erfüllt sind – anonym über einmalige Links per E-Mail. Ergebnisse erscheinen je Aussage erst ab 5 Antworten.
survey-results = Ergebnisse je Jahr
survey-no-results = Noch keine Antworten.
survey-scale = Mittelwert auf einer Skala von 1 (trifft nicht zu) bis 5 (trifft voll zu), Zahl der Antworten in Klammern.
survey-factor = Aussage
survey-mean = { $mean } ({ $count })
survey-too-few = weniger als 5 Antworten
survey-trend-up = besser als im Vorjahr
survey-trend-down = schlechter als im Vorjahr
survey-trend-same = wie im Vorjahr
survey-rounds = Befragungsrunden
survey-no-rounds = Noch keine Befragung.
survey-round-line = { $count ->
    [one] { $sent } Links verschickt, 1 Antwort
   *[other] { $sent } Links verschickt, { $count } Antworten
}
survey-round-open = läuft
survey-round-closed = beendet
survey-close = Beenden
survey-open-round = Neue Runde starten
survey-addresses = { $count ->
    [one] Die Links gehen an 1 Adresse (Ansprechpersonen der Partner, Gremienmitglieder aus Organisationen, Trägerzugänge).
   *[other] Die Links gehen an { $count } Adressen (Ansprechpersonen der Partner, Gremienmitglieder aus Organisationen, Trägerzugänge).
}
survey-year = Jahr
survey-send = Links verschicken
survey-sent = { $count ->
    [one] 1 Link verschickt.
   *[other] { $count } Links verschickt.
}
survey-form-title = Selbsteinschätzung des Netzwerks
survey-form-intro = Wie sehr treffen diese Aussagen auf unser Netzwerk zu? 1 = trifft nicht zu, 5 = trifft voll zu. Was Sie nicht beurteilen können, lassen Sie offen.
survey-scale-low = trifft nicht zu
survey-scale-high = trifft voll zu
survey-cannot-judge = kann ich nicht beurteilen
survey-anonymous = Ihre Antwort ist anonym: Der Link gilt nur einmal, und kette speichert nicht, von welchem Link eine Antwort kommt. Keine Anmeldung, kein Cookie.
survey-submit = Antworten absenden
survey-thanks = Vielen Dank! Ihre Antworten sind gespeichert.
survey-link-used = Mit diesem Link wurde schon geantwortet. Jeder Link gilt nur einmal.
survey-link-closed = Diese Befragung ist beendet.
survey-link-unknown = Diesen Link kennt kette nicht. Bitte prüfen Sie, ob er vollständig ist.
survey-factor-smart-goals = Wir haben gemeinsam klare (SMARTe) Ziele festgelegt.
survey-factor-shared-vision = Wir haben eine gemeinsame Vision entwickelt.
survey-factor-reciprocity = Geben und Nehmen im Netzwerk sind ausgewogen.
survey-factor-connectivity = Die Arbeit im Netzwerk passt zu unserer eigenen Arbeit.
survey-factor-visible-benefit = Der Nutzen des Netzwerks ist für uns sichtbar.
survey-factor-trust = Im Netzwerk herrscht eine Kultur des Vertrauens.
survey-factor-contact-persons = Die Ansprechpersonen sind festgelegt und bekannt.
survey-factor-knowledge-transfer = Wissen wird im Netzwerk weitergegeben.
survey-factor-conflict-handling = Konflikte werden offen und fair bearbeitet.
survey-factor-structure = Die Organisationsstruktur des Netzwerks ist klar.
survey-factor-identity = Das Netzwerk hat ein abgestimmtes Gesamtkonzept und eine eigene Identität.
survey-factor-documentation = Arbeitsergebnisse werden dokumentiert.
error-survey-empty = Bitte schätzen Sie mindestens eine Aussage ein.
error-survey-scale = Bitte einen Wert von 1 bis 5 wählen.
error-survey-twice = Jede Aussage nur einmal.
error-survey-no-addresses = Es gibt keine Adresse, an die kette Links schicken kann (Ansprechpersonen der Partner mit E-Mail).
error-survey-no-mailer = Kein Mailserver eingerichtet: Die Links können nur per E-Mail gehen, damit niemand weiß, welcher Link wessen ist.
error-survey-year-taken = Für dieses Jahr gibt es schon eine Befragung.
dashboard-title = Überblick
dashboard-proposals-open = { $count ->
    [one] 1 offener Vorschlag
   *[other] { $count } offene Vorschläge
}
dashboard-tasks-open = { $count ->
    [one] 1 offene Aufgabe
   *[other] { $count } offene Aufgaben
}
dashboard-tasks-overdue = { $count } überfällig
dashboard-decisions = { $count ->
    [one] 1 Beschluss in den letzten zwölf Monaten
   *[other] { $count } Beschlüsse in den letzten zwölf Monaten
}
dashboard-cycle-open = Noch offen:
dashboard-survey-line = { $year }: Mittelwert { $mean } von 5; am schwächsten: „{ $weakest }“
dashboard-gaps = Lücken der Kette
dashboard-no-gaps = Jede Lebensphase hat Angebote in jedem Handlungsfeld.
dashboard-gaps-count = { $count ->
    [one] 1 Feld der Angebotsmatrix ohne Angebot:
   *[other] { $count } Felder der Angebotsmatrix ohne Angebot:
}
measure-districts = Bezirke und Gebiete
measure-districts-hint = Keine Auswahl: die ganze Kommune. Mehrere mit Strg (Mac: Cmd) wählen.
measure-partners = Beteiligte Organisationen
measure-offers = Verknüpfte Angebote
measure-offers-none = Noch keine Angebote verknüpft – unten suchen.
measure-from-proposal = Hervorgegangen aus dem Vorschlag
measure-edit = Maßnahme bearbeiten
measure-search = Angebote und Organisationen suchen
measure-search-hint = Treffer erscheinen oben als Auswahl; gespeichert wird erst mit „Maßnahme speichern“.
measure-search-button = Suchen
measure-search-nothing = Nichts gefunden für „{ $q }“.
error-measure-lead-twice = Die federführende Organisation steht schon als Federführung da; bitte nicht zusätzlich als Beteiligte wählen.
goal-children = Unterziele
goal-no-measures = Noch keine Maßnahme dient diesem Ziel.
goal-course = Verlauf
goal-no-values = Für dieses Ziel liegen keine veröffentlichten Werte vor; sein Stand ist „keine Daten“.
goal-values-caption = Werte, aus denen der Stand berechnet wird
goal-expected = Pfad
goal-edit = Ziel bearbeiten
dashboard-survey-too-few = { $year }: noch zu wenige Antworten, um Ergebnisse zu zeigen (ab fünf).
goal-responsible-body = Verantwortliches Gremium
cli-network-exported = { $file }: Netzwerk mit { $nodes } Organisationen und { $edges } Verbindungen geschrieben.
cli-network-metrics = { $nodes } Knoten, { $edges } Kanten, Dichte { $density }, { $components } Komponenten. Die zehn mit der höchsten Zwischenzentralität (Grad, Zwischen-, Nähezentralität):
kind-agreement-kind = Kooperationsarten
error-agreement-parties = Eine Vereinbarung braucht mindestens zwei verschiedene Organisationen – eine Organisation vereinbart nichts mit sich selbst.
error-agreement-duty-party = Eine Aufgabe gehört zu einer der beteiligten Organisationen.
error-agreement-duty-task = Bitte beschreiben Sie die Aufgabe.
network-title = Netzwerk der Präventionskette
network-size = Größe
network-connected = Verbundene Organisationen
network-connected-of = { $connected } von { $all }
network-ties = Verbindungen
network-isolated = Organisationen ohne Verbindung
network-sources = Eine Verbindung besteht, wo zwei Organisationen eine geltende Vereinbarung haben, im selben Gremium sitzen oder eine Maßnahme gemeinsam tragen.
network-ties-by-kind = Verbindungen nach Art
network-tie-kind = Art
network-tie-shared-body = Gemeinsames Gremium
network-tie-joint-measure = Gemeinsame Maßnahme
network-brokers = Vermittelnde Organisationen
network-brokers-rule = Zwischenzentralität: der Anteil der kürzesten Wege zwischen zwei anderen Organisationen, die über diese führen (0 bis 1). Nähezentralität: wie nah sie allen anderen ist, bei mehreren Teilnetzen nach Wasserman und Faust gewichtet. Berechnet wie in networkx.
network-none = Noch keine Verbindungen.
network-betweenness = Zwischenzentralität
network-closeness = Nähezentralität
network-export = Netzwerk herunterladen:
network-agreements = Kooperationsvereinbarungen
network-agreements-none = Noch keine Vereinbarungen.
network-agreement = Vereinbarung
network-parties = Beteiligte
network-not-in-force = gilt derzeit nicht
nav-network = Netzwerk
agreement-new = Neue Kooperationsvereinbarung
agreement-edit = Vereinbarung bearbeiten
agreement-parties-none = Noch keine Beteiligten – unten suchen.
agreement-search = Organisationen suchen
agreement-since = Gilt seit
agreement-until = Gilt bis
agreement-duties = Wer macht was
agreement-task = Aufgabe
agreement-contacts = Ansprechpersonen (eine je Zeile)
agreement-document = Dokument (Webadresse)
agreement-save = Vereinbarung speichern
network-across-domains = Verbindungen über Handlungsfelder hinweg (nach dem Handlungsfeld der meisten Angebote)
chain-next-title = Wie geht es weiter?
chain-next-lead = Diese Angebote schließen gut an:
chain-before = Was davor kommt
chain-offer-title = Schritte der Kette
chain-offer-none = Noch mit keinem anderen Angebot als Schritt verknüpft.
chain-search = Nächsten Schritt suchen (Titel oder Träger)
chain-choose-next = Welches Angebot kommt danach?
chain-at-transition = Am Übergang
chain-within-phase = Innerhalb der Lebensphase
chain-add = Als nächsten Schritt verknüpfen
chain-remove = Verknüpfung lösen
chain-remove-named = Verknüpfung lösen: { $title }
error-chain-self = Ein Angebot kann nicht auf sich selbst folgen.
error-chain-duplicate = Dieser Schritt ist schon verknüpft.
error-chain-cycle = Diese Verknüpfung würde einen Kreis schließen: { $path }. Die nächsten Schritte würden eine Familie an den Anfang zurückführen.
error-chain-choose = Bitte wählen Sie das Angebot, das danach kommt.
chain-title = Die Kette: Schritte und Übergänge
chain-lead = Welche Angebote als Schritte aufeinander folgen und welche Übergänge kein Angebot und keine Verknüpfung überbrückt.
chain-show = Anzeigen
chain-transitions = Übergänge
chain-between = Zwischen
chain-offers-naming = Angebote am Übergang
chain-links = Verknüpfte Schritte
chain-state = Stand
chain-bridged = überbrückt
chain-unbridged = nicht überbrückt
chain-unbridged-count = { $count ->
    [one] 1 Übergang wird von keinem Angebot und keiner Verknüpfung überbrückt.
   *[other] { $count } Übergänge werden von keinem Angebot und keiner Verknüpfung überbrückt.
}
chain-diagram = Die Kette als Bild
chain-diagram-hint = Spalten sind Lebensphasen, Kästen verknüpfte Angebote (gestrichelt: außerhalb des Gebiets), Pfeile die Schritte; ✓ und ! zeigen, ob ein Übergang überbrückt ist. Die Tabellen sagen dasselbe.
chain-no-links = Noch keine Schritte verknüpft.
chain-from = Von
chain-to = Danach
chain-how-to-link = Schritte verknüpfen Sie auf der Seite des Angebots, nach dem der Schritt kommt.
chain-phases = Angebote je Lebensphase
chain-offers = Aktive Angebote
chain-offers-in-phase = { $count ->
    [one] 1 Angebot
   *[other] { $count } Angebote
}
chain-more-offers = { $count ->
    [one] + 1 weiteres
   *[other] + { $count } weitere
}
network-tie-chain-link = Schritt der Kette
chain-offers-only = nur durch Angebote, ohne verknüpfte Schritte
contacts-by-month = Nach Monat
contacts-by-district = Nach Bezirk (der Familie, sonst des Angebots)
contacts-by-life-phase = Nach Lebensphase
contacts-by-transition = Nach Übergang
contacts-by-topic = Nach Thema
contacts-by-offer = Nach vermitteltem Angebot
contacts-by-outcome = Nach Ergebnis
contactoutcome-unknown = noch offen
contactoutcome-reached = angekommen
contactoutcome-not-reached = nicht angekommen
contact-saved = Kontakt gezählt.
contact-new = Kontakt eintragen
contact-offer-search = Vermitteltes Angebot suchen
contact-date = Datum des Kontakts
contact-topic = Thema
contact-offer = Vermitteltes Angebot
contact-no-offer = keines (nur beraten)
contact-outcome = Ergebnis
contact-save = Kontakt zählen
contact-follow-up = Nachfassen
contact-follow-up-hint = Vermittlungen der letzten 90 Tage ohne Ergebnis. Tragen Sie ein, ob die Familie angekommen ist – mehr wird nicht gespeichert.
contact-follow-up-none = Nichts nachzufassen.
contact-counts = Zählung
contact-from = Von
contact-to = Bis
contact-total = Kontakte im Zeitraum: { $count }
contact-small-withheld = kleine Zahlen sind zum Schutz der Familien zurückgehalten (<3)
contact-csv = Zählung als CSV
error-contact-future = Ein Kontakt wird am Tag oder nach dem Tag eingetragen, an dem er war.
error-contact-old = Kontakte werden innerhalb eines Jahres eingetragen.
error-contact-about = Bitte geben Sie die Lebensphase, das Thema oder das Angebot an.
contact-other-offers = alle anderen Angebote
events-title = Veranstaltungen und Fortbildungen
events-lead = Fachtage, Fortbildungen, die jährliche Einführung neuer Fachkräfte, Auftakte und Netzwerkkonferenzen der Präventionskette. Teilnehmende werden nach Organisation und Beruf gezählt, ohne Namen.
event-new = Neue Veranstaltung
events-feed = Kalender abonnieren (öffentliche Veranstaltungen):
events-feed-full = Alle Veranstaltungen, auch interne (geheimer Link, nicht weitergeben):
events-upcoming = Demnächst
events-none = Keine Veranstaltungen.
events-past = Bisher in { $year }
events-reach = { $participants } Teilnahmen aus { $organisations } Partnerorganisationen.
event = Veranstaltung
event-when = Wann
event-participants = Teilnehmende
event-participants-total = Teilnehmende: { $count }
event-by-profession = Teilnahmen nach Beruf
event-profession = Beruf
event-internal = intern
event-place = Ort
event-organiser = Ausgerichtet von
event-no-partner = keine Partnerorganisation
event-edit = Veranstaltung bearbeiten
event-details = Angaben
event-kind = Art
event-starts = Beginn
event-ends = Ende
event-public = Öffentlich (für alle sichtbar und im öffentlichen Kalender)
event-attendance = Teilnehmende nach Organisation und Beruf
event-attendance-hint = Nur Anzahlen, keine Namen. Eine Zeile je Organisation und Beruf.
event-save = Veranstaltung speichern
eventkind-specialist-day = Fachtag
eventkind-training = Fortbildung
eventkind-introduction = Einführung neuer Fachkräfte
eventkind-kick-off = Auftaktveranstaltung
eventkind-network-conference = Netzwerkkonferenz
eventkind-other = Sonstige
profession-social-work = Soziale Arbeit
profession-education = Pädagogik (Kita, Schule)
profession-health = Gesundheit
profession-administration = Verwaltung
profession-volunteer = Ehrenamt
profession-other = Sonstige
error-event-end = Die Veranstaltung endet nach ihrem Beginn.
error-event-long = Eine Veranstaltung dauert höchstens fünf Tage; eine Reihe sind mehrere Veranstaltungen.
error-event-count = Bitte je Zeile eine Anzahl von 1 bis 5.000.
error-event-twice = Jede Organisation mit jedem Beruf nur einmal.
error-event-profession = Bitte in jeder Zeile einen Beruf wählen.
error-datetime = Bitte Datum und Uhrzeit angeben.
funding-title = Finanzierung und Verstetigung
funding-lead = Wer Angebote, Maßnahmen und Koordinationsstellen bezahlt, wie lange – und was in den nächsten zwölf Monaten ohne Anschluss endet.
funding-new = Neue Finanzierung eintragen
funding-edit = Finanzierung bearbeiten
funding-record = Finanzierung
funding-radar = Radar: endet in den nächsten zwölf Monaten
funding-radar-none = Keine Finanzierung endet in den nächsten zwölf Monaten ohne Anschluss.
funding-radar-count = { $count ->
    [one] 1 Angebot, Maßnahme oder Stelle verliert in den nächsten zwölf Monaten sein Geld, ohne dass etwas anschließt.
   *[other] { $count } Angebote, Maßnahmen oder Stellen verlieren in den nächsten zwölf Monaten ihr Geld, ohne dass etwas anschließt.
}
funding-subject = Was finanziert wird
funding-subject-offer = Angebot
funding-subject-measure = Maßnahme
funding-subject-post = Koordinationsstelle
funding-post-title = Name der Stelle
funding-runs-out = Geld endet am
funding-months-left = { $count ->
    [one] noch 1 Monat
   *[other] noch { $count } Monate
}
funding-at-stake = Was auf dem Spiel steht
funding-referrals = { $count ->
    [one] 1 Vermittlung in 12 Monaten
   *[other] { $count } Vermittlungen in 12 Monaten
}
funding-places = { $count ->
    [one] 1 Platz
   *[other] { $count } Plätze
}
funding-permanent = Angebote mit dauerhafter Finanzierung
funding-permanent-hint = Stand jeweils zur Jahresmitte, unter den Angeboten mit bekannter Finanzierung; Regelfinanzierung gilt als dauerhaft.
funding-offers-funded = Angebote mit bekannter Finanzierung
funding-offers-permanent = davon dauerhaft
funding-share = Anteil
funding-records = Alle Finanzierungen
funding-records-none = Noch keine Finanzierungen eingetragen.
funding-offer-search = Angebot suchen
funding-offer-hint = Suchen Sie oben nach dem Angebot.
funding-save = Finanzierung speichern
error-funding-subject = Bitte wählen Sie, was finanziert wird (bei einem Angebot: das Angebot).
error-funding-end = Projektmittel und Spenden enden: Bitte das Enddatum angeben.
error-amount = Bitte einen Betrag in Euro angeben, z. B. 45.000.
engagement-title = Engagement: Spenden und Ehrenamt
engagement-lead = Was Angebote und Maßnahmen brauchen, was Unternehmen, Stiftungen, Vereine und Bürgerinnen und Bürger geben – und ob es ankommt: angeboten, zugeordnet, übergeben, bedankt.
engagement-needs = Bedarfe
engagement-needs-none = Noch keine Bedarfe eingetragen.
engagement-need = Bedarf
engagement-for = Für
engagement-kind = Art der Hilfe
engagement-matching = Passende Angebote von Helfenden
engagement-match = Zuordnen
engagement-met = gedeckt
engagement-need-new = Bedarf eintragen
engagement-need-what = Was würde helfen?
engagement-need-save = Bedarf speichern
engagement-gifts = Angebotene Hilfe
engagement-gifts-none = Noch nichts angeboten.
engagement-gift = Hilfe
engagement-giver = Wer gibt
engagement-giver-name = Name des Unternehmens, der Stiftung oder des Vereins
engagement-giver-name-hint = Bürgerinnen und Bürger werden nicht namentlich eingetragen.
engagement-gift-what = Was wird angeboten?
engagement-amount = Betrag (bei Geldspenden)
engagement-hours = Stunden (bei Ehrenamt)
engagement-offered-on = Angeboten am
engagement-gift-new = Hilfe eintragen
engagement-gift-save = Hilfe speichern
engagement-status = Stand
gift-hours = { $count ->
    [one] 1 Stunde
   *[other] { $count } Stunden
}
gift-mark-delivered = als übergeben markieren
gift-mark-thanked = als bedankt markieren
giftkind-money = Geldspende
giftkind-in-kind = Sachspende
giftkind-time = Ehrenamtliche Zeit
giverkind-business = Unternehmen
giverkind-foundation = Stiftung
giverkind-club = Verein
giverkind-citizen = Bürgerin oder Bürger
giftstatus-offered = angeboten
giftstatus-matched = zugeordnet
giftstatus-delivered = übergeben
giftstatus-thanked = bedankt
error-need-subject = Ein Bedarf gehört zu genau einem Angebot oder einer Maßnahme.
error-gift-citizen-named = Bürgerinnen und Bürger werden nicht namentlich eingetragen – bitte das Namensfeld leer lassen.
error-gift-hours = Bitte die Stunden als ganze Zahl angeben.
error-gift-unmatched = Erst einem Bedarf zuordnen, dann übergeben und bedanken.
error-gift-kind = Der Bedarf fragt nach einer anderen Art von Hilfe.
network-change = Veränderung seit dem { $date }
network-then = damals
network-now = heute
network-density = Dichte
network-components = Getrennte Teilnetze (mit Einzelnen)
network-newly = { $count ->
    [one] 1 Organisation neu verbunden:
   *[other] { $count } Organisationen neu verbunden:
}
network-lost = { $count ->
    [one] 1 Organisation nicht mehr verbunden:
   *[other] { $count } Organisationen nicht mehr verbunden:
}
network-coverage = Lebensphasen und Übergänge im Netzwerk
network-coverage-hint = Wie viele der Organisationen, deren Angebote eine Lebensphase oder einen Übergang bedienen, mit dem Netzwerk verbunden sind.
network-coverage-of = Lebensphase oder Übergang
network-serving = Organisationen mit Angeboten
network-serving-connected = davon verbunden
cli-agreements-valid = { $file }: { $agreements } Vereinbarungen mit { $duties } Aufgaben sind gültig; nichts geschrieben (Probelauf).
cli-agreements-imported = { $added } Vereinbarungen neu, { $replaced } ersetzt, mit { $duties } Aufgaben, in { $municipality }.
agreement-propose-change = Änderung der Vereinbarung vorschlagen
agreement-propose-change-short = Änderung vorschlagen
agreement-propose-new = Neue Vereinbarung vorschlagen
agreement-propose-hint = Die Koordination prüft Ihren Vorschlag und gibt ihn frei; bis dahin gilt die Vereinbarung wie bisher.
agreement-propose-send = Vorschlag senden
agreement-proposal-sent = Ihr Vorschlag ist bei der Koordination.
agreement-proposals = Vorschläge der Träger
agreement-proposal = Vorschlag
agreement-proposal-by = von { $organisation }
agreement-proposal-change = Änderung
agreement-proposal-new = neue Vereinbarung
agreement-proposal-what = Art
agreement-proposal-state = Stand
agreement-proposal-state-pending = wartet auf Freigabe
agreement-proposal-state-approved = freigegeben
agreement-proposal-state-rejected = abgelehnt
agreement-proposal-now = Jetzt
agreement-proposal-proposed = Vorgeschlagen
agreement-proposal-reason = Begründung (bei Ablehnung nötig)
agreement-proposal-approve = Freigeben
agreement-proposal-reject = Ablehnen
agreement-proposal-decided = Über diesen Vorschlag ist schon entschieden.
error-agreement-own-party = Ihre Organisation bleibt Partei der Vereinbarung.
error-reject-reason = Bitte sagen Sie, warum – damit der Träger den Vorschlag verbessern kann.
network-picture = Das Netzwerk als Bild
network-picture-hint = Verbundene Organisationen als Punkte, Farbe nach Handlungsfeld, Größe nach Verbindungen. Mit JavaScript lässt sich das Bild zoomen und eine Organisation antippen; die Tabellen unten sagen dasselbe.
network-no-domain = ohne Angebote
network-choose = Organisation hervorheben
network-bridges = Brücken zwischen Handlungsfeldern
network-bridges-rule = Organisationen mit Verbindungen zu Organisationen anderer Handlungsfelder, die meisten Felder zuerst: sie tragen Gesundheit, Jugendhilfe, Bildung und Soziales zusammen.
network-own-domain = Eigenes Handlungsfeld
network-other-domains = Verbunden mit
network-ties-across = Verbindungen über Felder
cycle-events = Veranstaltungen dieser Phase
review-agreement-proposals = Vorschläge zu Kooperationsvereinbarungen
engagement-partner-lead = Tragen Sie ein, was Ihre Angebote brauchen. Die Koordination ordnet Spenden und ehrenamtliche Hilfe zu.
cli-reach-network = { $file }: Wegenetz „{ $profile }“ aus { $ways } Wegen: { $nodes } Knoten, { $junctions } Kreuzungen, { $edges } Kanten, { $components } zusammenhängende Teile ({ $seconds } s).
cli-reach-missing-nodes = Hinweis: { $count } Knotenverweise fehlen in der Datei (Ausschnittsgrenze); die Wege sind dort getrennt.
cli-reach-warning = Warnung: { $warning }
cli-reach-kind = { $kind } ({ $destinations } Ziele): { $five } % in 5 Minuten, { $ten } % in 10, { $fifteen } % in 15, { $cutoff } % in { $minutes } Minuten erreichbar.
cli-reach-written = { $file }: { $rows } Zeilen für { $origins } Startpunkte geschrieben ({ $seconds } s). Daten © OpenStreetMap-Mitwirkende (ODbL).
cli-reach-nearest-written = { $file }: { $rows } Zeilen geschrieben ({ $nodes } Knoten, { $edges } Kanten; { $seconds } s, davon Lesen { $read } s, Suche { $search } s).
cli-reach-graph-written = { $file }: { $edges } Kanten und { $nodes } Knoten geschrieben. Daten © OpenStreetMap-Mitwirkende (ODbL).
needs-title = Bestands- und Bedarfsanalyse
needs-lead = Wo viele Kinder leben, die Benachteiligung hoch ist und die Präventionskette dünn: Angebote je Lebensphase und Gebiet gegen die Zahl der Kinder, gewichtet mit einem Benachteiligungsindikator. Die Lücken stehen oben, der Rechenweg darunter.
needs-level = Gebietsebene
needs-year = Bevölkerungsstand
needs-indicator = Benachteiligungsindikator
needs-indicator-none = keiner (alle Gebiete gleich gewichtet)
needs-weight = Gewicht der Benachteiligung
needs-weight-hint = 0 bis 5; bei 1 zählen die Kinder im am stärksten benachteiligten Gebiet doppelt.
needs-per = Abdeckung je … Kinder
needs-min-children = Lücken erst ab … Kindern
needs-show = Anzeigen
needs-csv = Tabelle als CSV
needs-errors = Einige Angaben konnten nicht gelesen werden; dafür gelten die Voreinstellungen.
needs-error-number = Bitte eine Zahl angeben.
needs-error-range = Außerhalb des erlaubten Bereichs (Gewicht 0 bis 5, Abdeckung je mindestens 1 Kind, Mindestzahl ab 0).
needs-how = Wie gerechnet wird
needs-formula = Bedarf = Kinder der Lebensphase × (1 + { $weight } × Benachteiligungsrang). Abdeckung = Angebote im Gebiet je { $per } gewichtete Kinder. Eine Lücke ist, wo bis zum städtischen Median der Abdeckung mindestens ein Angebot fehlt; die Liste beginnt mit den meisten fehlenden Angeboten.
needs-rank-from = Benachteiligungsrang: Platz des Gebiets nach „{ $indicator }“ ({ $year }), 0 = am geringsten, 1 = am stärksten benachteiligt.
needs-rank-none = Ohne Benachteiligungsindikator zählen alle Gebiete mit dem mittleren Rang 0,5.
needs-estimate-hint = Kinder je Lebensphase sind aus den veröffentlichten Altersgruppen geschätzt (gleichmäßig über deren Jahre verteilt). Gezählt werden aktive Angebote mit einem Ort im Gebiet; Angebote ohne Ort zählen für kein Gebiet.
needs-withheld-districts =
    { $count ->
    [one] In { $count } Gebiet sind Zahlen zum Schutz kleiner Fallzahlen zurückgehalten; es erhält dort keinen Wert.
   *[other] In { $count } Gebieten sind Zahlen zum Schutz kleiner Fallzahlen zurückgehalten; sie erhalten dort keinen Wert.
}
needs-gaps = Lücken, nach fehlenden Angeboten geordnet
needs-gaps-none = Keine Lücke nach dieser Rechnung.
needs-gaps-count =
    { $count ->
    [one] { $count } Lücke.
   *[other] { $count } Lücken.
}
needs-gaps-shown =
    { $count ->
   *[other] Die ersten { $count } stehen hier, alle in der CSV-Tabelle.
}
needs-district = Gebiet
needs-phase = Lebensphase
needs-children = Kinder
needs-offers = Angebote
needs-missing = fehlende Angebote
needs-reasons = Gründe
needs-reason-no-offer = kein Angebot dieser Lebensphase im Gebiet
needs-reason-below-median = Abdeckung { $coverage } unter dem Median { $median }
needs-reason-deprivation = unter den am stärksten benachteiligten Gebieten (Rang { $rank } %)
needs-reason-many-children = viele Kinder dieser Lebensphase ({ $children })
needs-reason-few-places = { $places } Plätze je 100 Kinder, Median { $median }
needs-matrix = Abdeckung je Gebiet und Lebensphase
needs-matrix-hint = Je Zelle: Abdeckung, darunter Angebote · Kinder. „–“: keine Kinder oder kein Bedarf; „geschützt“: Zahlen zum Schutz kleiner Fallzahlen zurückgehalten.
needs-rank = Rang
needs-median = Median
needs-withheld = geschützt
needs-reason-far-to-walk = nur { $share } % der Kinder in 10 Minuten zu Fuß (Schätzung)
needs-walk-share = { $share } % zu Fuß
needs-walk-estimate = „zu Fuß“: Anteil der Kinder, die ein Angebot der Lebensphase in 10 Minuten zu Fuß erreichen – geschätzt, solange kein Wegenetz eingelesen ist: Luftlinie × 1,3 bei 4,8 km/h, die Kinder gleichmäßig über die Fläche des Gebiets verteilt (Raster von 200 m).
needs-transitions = Übergänge ohne Brücke
needs-transitions-hint = Gebiete, in denen kein Angebot mit Ort im Gebiet den Übergang nennt und kein Schritt der Kette dort ansetzt; die mit den meisten Kindern der folgenden Lebensphase zuerst (in Klammern). Die ersten 20 stehen hier; jeder Name führt zur Kette des Gebiets.
needs-unbridged-none = In jedem Gebiet überbrückt mindestens ein Angebot oder Schritt diesen Übergang.
needs-unbridged-count =
    { $count ->
    [one] { $count } von { $of } Gebieten ohne Brücke:
   *[other] { $count } von { $of } Gebieten ohne Brücke:
}
scenario-title = Szenarien
scenario-lead = „Was wäre, wenn …“: ein geplantes Angebot hinzufügen oder ein bestehendes schließen und vor der Entscheidung sehen, wie sich Abdeckung, Lücken und Fußwege ändern. Szenarien ändern keine Angebote.
scenario-none = Noch kein Szenario.
scenario-name = Name
scenario-description = Beschreibung
scenario-changes = Änderungen
scenario-updated = Zuletzt geändert
scenario-compare = Szenarien vergleichen
scenario-compare-a = Erstes Szenario
scenario-compare-b = Zweites Szenario
scenario-compare-button = Vergleichen
scenario-compare-none = Bitte zwei Szenarien wählen.
scenario-compare-hint = Je Lebensphase: heute und mit den Änderungen jedes Szenarios, auf der Ebene und mit der Formel der Bedarfsanalyse.
scenario-today = Heute
scenario-new = Neues Szenario
scenario-create = Szenario anlegen
scenario-changes-none = Noch keine Änderung – unten ein geplantes Angebot hinzufügen oder ein Angebot schließen.
scenario-remove = Entfernen
scenario-outcome = Ergebnis
scenario-outcome-hint = Heute → mit diesem Szenario, Ebene „{ $level }“; Abdeckung wie in der Bedarfsanalyse berechnet, Lücken gemessen am heutigen Median (sonst sähe jede Schließung wie ein Fortschritt aus).
scenario-walk-estimate = Fußwege sind geschätzt (Luftlinie × 1,3 bei 4,8 km/h).
scenario-summary = Je Lebensphase, ganze Kommune
scenario-places-col = Plätze
scenario-gaps-col = Lücken
scenario-walk-col = Kinder in 10 Min. zu Fuß
scenario-per-100-col = Plätze je 100 Kinder
scenario-gap-col = Lücke
scenario-cells = Geänderte Gebiete
scenario-cells-none = Keine Änderung in einem Gebiet.
scenario-cells-count =
    { $count ->
    [one] { $count } Gebiet und Lebensphase ändert sich.
   *[other] { $count } Gebiete und Lebensphasen ändern sich.
}
scenario-plan = Geplantes Angebot hinzufügen
scenario-label = Bezeichnung
scenario-district = Gebiet
scenario-district-hint = Schlüssel oder genauer Name, z. B. aus der Vorschlagsliste.
scenario-places-field = Plätze (wenn bekannt)
scenario-point = Standort (freiwillig)
scenario-point-hint = Breite und Länge in Grad, z. B. 52,52 und 13,40. Ohne Standort steht das Angebot für die Fußweg-Schätzung in der Mitte des Gebiets.
scenario-lat = Breite
scenario-lon = Länge
scenario-plan-button = Hinzufügen
scenario-close = Angebot schließen
scenario-close-search = Angebot suchen
scenario-close-none = Kein Angebot gefunden.
scenario-closed-already = schließt in diesem Szenario
scenario-close-button = In diesem Szenario schließen
scenario-delete = Szenario löschen
scenario-change-close = Schließt: { $offer }
scenario-change-plan = Geplant: { $label } in { $district } – { $phases }, { $places }, Standort { $at }
scenario-no-effect-offer = (zählt hier nicht: nicht aktiv oder ohne Ort im Gebiet)
scenario-no-effect-place = (auf dieser Ebene keinem Gebiet zuzuordnen – bitte einen Standort angeben)
scenario-no-gap = keine
scenario-gap-missing = { $missing } fehlen
scenario-places =
    { $count ->
    [one] { $count } Platz
   *[other] { $count } Plätze
}
scenario-places-unknown = Plätze unbekannt
scenario-at-centre = Mitte des Gebiets
scenario-error-district-ambiguous = Mehrere Gebiete heißen so – bitte den Schlüssel angeben.
scenario-error-places = Höchstens 100.000 Plätze.
needs-scenarios-link = Szenarien: „Was wäre, wenn …“
scenario-change-close-hidden = Schließt: ein Angebot, das Sie nicht sehen dürfen
needs-follow-up = Stand
needs-gap-title = Lücke
needs-gap-figures = Zahlen
needs-gap-coverage = Abdeckung
needs-gap-no-figures = Für dieses Gebiet und diese Lebensphase gibt es keine Zahlen, die Sie sehen dürfen.
needs-gap-missing = Bis zum Median der Kommune fehlen { $missing } Angebote.
needs-gap-not-now = Nach der Standardberechnung ist das zurzeit keine Lücke.
needs-gap-chain = Die Präventionskette im Gebiet
needs-gap-profile = Gebietsprofil
needs-gap-follow-up = Wie es weitergeht
needs-gap-measure = Maßnahme
needs-gap-proposal = Vorschlag
needs-gap-no-comments = Noch kein Kommentar.
needs-gap-untouched = Noch niemand hat diese Lücke aufgegriffen.
needs-gap-state = Stand
needs-gap-state-open = Offen
needs-gap-state-addressed = Wird angegangen
needs-gap-state-no-action = Bewusst kein Handeln (mit Begründung)
needs-gap-about-this = zu diesem Gebiet und dieser Lebensphase
needs-gap-new-proposal = Neuen Vorschlag zu dieser Lücke einreichen
needs-gap-comment = Kommentar
needs-gap-save = Speichern
needs-gap-error-addressed = Bitte die Maßnahme oder den Vorschlag wählen, der die Lücke angeht.
needs-gap-error-reason = Bitte begründen, warum nichts getan wird.
needs-gap-proposal-problem = Die Bedarfsanalyse zeigt eine Lücke für { $phase } in { $district }.
needs-gap-comments =
    { $count ->
    [one] { $count } Kommentar
   *[other] { $count } Kommentare
}
needs-followed = Aufgegriffene Lücken
needs-followed-none = Noch keine Lücke wurde kommentiert oder einer Maßnahme zugeordnet. Jede Lücke oben führt zu ihrer Seite.
inventory-title = Bestand: Angebote je Gebiet
inventory-lead = Welche Angebote es je Gebiet gibt – nach Lebensphase, Handlungsfeld, Übergang oder Zielgruppe. Ein Angebot mit mehreren Lebensphasen zählt in jeder.
inventory-dimension = Gliedern nach
inventory-summary = { $offers } Angebote mit Ort in { $areas } Gebieten; in { $without } Gebieten keines.
inventory-hint = Gezählt werden aktive Angebote mit einem Ort, den Sie sehen dürfen; Angebote ohne Ort zählen für kein Gebiet. Jede Zahl führt zur Liste der Angebote.
inventory-map = Karte
inventory-term = Auf der Karte
inventory-map-title = Angebote je Gebiet: { $term }
inventory-map-hint = Die Tabelle unten enthält dieselben Zahlen.
inventory-table = Tabelle
inventory-all = Angebote insgesamt
inventory-whole = Ganze Kommune
needs-inventory-link = Bestand: welche Angebote es je Gebiet gibt
cli-street-network-imported = { $file }: Straßennetz „{ $profile }“ für { $municipality } gespeichert – { $ways } Wege, { $junctions } Knoten, { $edges } Kanten ({ $seconds } s). Daten © OpenStreetMap-Mitwirkende, ODbL.
needs-walk-network = „zu Fuß“: Anteil der Kinder, die ein Angebot der Lebensphase in 10 Minuten zu Fuß erreichen – gemessen auf dem Straßen- und Wegenetz (OpenStreetMap, © OpenStreetMap-Mitwirkende, ODbL) bei 4,8 km/h. Die Kinder eines Gebiets sind nach Wohnfläche auf seine Wohngebäude verteilt (Grundfläche × Geschosse; in { $homes } von { $areas } Gebieten), sonst gleichmäßig über ein 200-m-Raster; Punkte über 500 m von jedem Weg zählen nicht.
needs-reason-far-to-walk-network = nur { $share } % der Kinder in 10 Minuten zu Fuß (Straßennetz)
scenario-walk-network = Fußwege sind auf dem Straßennetz gemessen (OpenStreetMap, © OpenStreetMap-Mitwirkende, ODbL).
needs-far = Wo der Weg weit ist
needs-far-hint-network = Gebiete und Lebensphasen mit den meisten Kindern, die kein Angebot ihrer Lebensphase in 10 Minuten zu Fuß erreichen – gemessen auf dem Straßennetz; die ersten 30. Jeder Name führt zur Seite der Lücke.
needs-far-hint-estimate = Gebiete und Lebensphasen mit den meisten Kindern, die kein Angebot ihrer Lebensphase in 10 Minuten zu Fuß erreichen – geschätzt (Luftlinie × 1,3), solange kein Straßennetz importiert ist; die ersten 30. Jeder Name führt zur Seite der Lücke.
needs-far-5 = in 5 Min.
needs-far-10 = in 10 Min.
needs-far-15 = in 15 Min.
needs-far-beyond = Kinder weiter als 10 Min.
walk-title = Zu Fuß erreichbar
walk-network = Gemessen auf dem Straßen- und Wegenetz aus { $file } ({ $junctions } Knoten, importiert { $when }, Prüfsumme { $sha }) bei 4,8 km/h. Daten © OpenStreetMap-Mitwirkende, ODbL.
walk-estimate = Geschätzt: Luftlinie × 1,3 bei 4,8 km/h, solange kein Straßennetz importiert ist (kette import street-network).
walk-map-title = Anteil der Kinder in 10 Minuten zu Fuß: { $phase }
walk-map-hint = Anteil der Kinder, die ein Angebot der Lebensphase in 10 Minuten zu Fuß erreichen. Die Tabelle enthält dieselben Werte und 5 und 15 Minuten.
walk-table = { $phase }: Kinder und Anteile in 5, 10 und 15 Minuten zu Fuß, die wenigsten in 10 Minuten zuerst
needs-walk-link = Zu Fuß erreichbar: Karte und Tabelle je Lebensphase
walk-runs = Gespeicherte Stände
walk-runs-hint = Ein Stand hält die Anteile aller Gebiete dieser Ebene mit ihrer Messweise fest – für Berichte und spätere Vergleiche. Er wird mit der öffentlichen Sicht auf Orte berechnet; geschützte Orte fließen nicht ein.
walk-runs-none = Noch kein Stand gespeichert.
walk-run-label = Bezeichnung des Stands
walk-run-save = Stand speichern
walk-method-network = auf dem Straßennetz gemessen
walk-method-estimate = geschätzt (Luftlinie × 1,3)
walk-run-when = Gespeichert
walk-run-method = Messweise
walk-run-checksum = Prüfsumme des Auszugs
walk-run-parameters = Parameter
walk-run-hint = Anteile der Kinder je Gebiet, die ein Angebot der Lebensphase in 5, 10 und 15 Minuten zu Fuß erreichen, die wenigsten in 10 Minuten zuerst. Straßendaten © OpenStreetMap-Mitwirkende, ODbL.
walk-network-upload = Straßennetz importieren
walk-network-hint = Ein OpenStreetMap-Auszug, auf die Kommune zugeschnitten: PBF (z. B. von download.geofabrik.de, mit osmium extract) oder OSM-XML, auch gepackt (.osm, .osm.gz, z. B. aus Overpass oder JOSM). Er wird erst gelesen und aufgebaut; nur ein nutzbarer Auszug ersetzt den bisherigen.
walk-network-file = Datei (.osm.pbf, .osm, .osm.gz)
walk-network-import = Importieren
walk-network-no-file = Bitte eine Datei wählen.
walk-network-refused = { $file } wurde nicht importiert, das bisherige Straßennetz gilt weiter: { $cause }
dashboard-needs-gaps =
    { $count ->
    [one] { $count } Lücke in der Bedarfsanalyse, { $addressed } davon wird angegangen.
   *[other] { $count } Lücken in der Bedarfsanalyse, { $addressed } davon werden angegangen.
}
proposal-need-evidence = Bedarfsanalyse, { $phase } in { $district }: { $children } Kinder, Abdeckung { $coverage } (Median { $median }), { $walk } in 10 Minuten zu Fuß, fehlende Angebote: { $missing }.
index-note-components = Schritt { $step }, { $output }: erklärte Varianz je Hauptkomponente { $explained }; Ladungen der ersten: { $loadings }.
index-note-orientation = Schritt { $step }, { $output }: Der Wert steigt mit { $anchor } (r = { $r }).
index-note-orientation-weak = Schritt { $step }, { $output }: Der Wert hängt kaum mit dem Anker { $anchor } zusammen (r = { $r }), seine Richtung ist fast beliebig. Wählen Sie einen Anker, der deutlich mit dem Index zusammenhängt.
index-note-rows-without-value = Schritt { $step } ({ $kind }): { $missing } von { $rows } Zeilen haben keinen Wert in { $column }.
index-note-rows-without-value-inputs = Schritt { $step } ({ $kind }): { $missing } von { $rows } Zeilen haben keinen Wert in { $column }; dort fehlt: { $inputs }.
index-notes-title = Hinweise zur Berechnung
index-note-warning = Warnung
needs-domain = Handlungsfeld
needs-domain-all = alle Handlungsfelder
needs-domain-only = Als Angebot zählen nur Angebote des Handlungsfelds „{ $domain }“, auch als Ziele der Fußwege. Der Bedarf (Kinder, Benachteiligung) bleibt derselbe; der Vergleichsmaßstab (Median) wird aus denselben Angeboten gebildet.
needs-domain-follow-up = Der Stand der Bearbeitung unten gilt für die Lebensphase in diesem Gebiet insgesamt.
needs-error-domain = Dieses Handlungsfeld gibt es nicht; gezählt werden alle Angebote.
proposal-need-suggested = Vorschlag der Bedarfsanalyse für das Kriterium Bedarf: { $score } von 5 ({ $because }).
proposal-need-rule = Regel: kein Angebot 5; Abdeckung unter 50 % des Medians 4, unter 75 % 3, unter 100 % 2, unter 150 % 1, sonst 0; je ein Punkt mehr (höchstens 5) für ein Gebiet im am stärksten benachteiligten Viertel und wenn weniger als die Hälfte der Kinder ein Angebot in 10 Minuten zu Fuß erreicht.
proposal-need-preselected = Noch nicht bewertet: der Vorschlag der Bedarfsanalyse ist vorausgewählt und zählt erst, wenn die Bewertung gespeichert wird.
need-score-no-offer = kein Angebot der Lebensphase im Gebiet
need-score-coverage = Abdeckung { $share } % des Medians
need-score-deprived = im am stärksten benachteiligten Viertel der Gebiete
need-score-far = nur { $share } % der Kinder in 10 Minuten zu Fuß
cli-census-imported = { $file }: Zensus-Gitter für { $municipality } gespeichert – { $cells } Zellen in den Gebieten (Gewicht: { $weight }), { $outside } Zellen außerhalb ausgelassen, { $withheld } mit geheim gehaltener Zahl. Quelle: Statistische Ämter des Bundes und der Länder, Zensus (dl-de/by-2-0).
needs-walk-census = In { $areas } Gebieten wohnen die Kinder dort, wo das Zensus-Gitter sie zählt (Quelle: Statistische Ämter des Bundes und der Länder, Zensus, dl-de/by-2-0); Zellen mit geheim gehaltener Zahl zählen nicht.
walk-raster-title = Fußweg zum nächsten Angebot: { $phase }
walk-raster-5 = bis 5 Minuten
walk-raster-10 = 5 bis 10 Minuten
walk-raster-15 = 10 bis 15 Minuten
walk-raster-beyond = mehr als 15 Minuten
walk-raster-off = abseits der Wege
walk-raster-hint-network = Jedes Quadrat (etwa { $metres } m) zeigt den Weg über das Straßennetz, den die Hälfte seiner Kinder höchstens hat, von dort, wo sie wohnen. Die Tabelle darunter enthält die Anteile je Gebiet.
walk-raster-hint-estimate = Jedes Quadrat (etwa { $metres } m) zeigt den geschätzten Weg (Luftlinie × 1,3), den die Hälfte seiner Kinder höchstens hat, von dort, wo sie wohnen. Die Tabelle darunter enthält die Anteile je Gebiet.
walk-census-upload = Zensus-Gitter importieren
walk-census-hint = Eine Gittertabelle des Zensus 2022 (oder 2011) als CSV, z. B. „Alter in 5 Altersklassen“ oder „Bevölkerungszahl“ im 100-m-Gitter von zensus2022.de. Gespeichert werden die Zellen in den Gebieten der Kommune; danach wohnen die Kinder dort, wo der Zensus sie zählt (gewichtet mit den unter 18-Jährigen, sonst den Einwohnern). Eine Datei mit unlesbarer Zeile wird ganz abgelehnt.
walk-census-file = Datei (.csv)
walk-census-import = Zensus-Gitter importieren
walk-census-refused = { $file } wurde nicht importiert, das bisherige Zensus-Gitter gilt weiter: { $cause }
walk-census = Zensus-Gitter: { $file }, { $cells } Zellen in den Gebieten, Gewicht { $weight }, importiert { $when }.
walk-census-people = Einwohner
walk-mode = Unterwegs
walk-mode-walking = zu Fuß (4,8 km/h)
walk-mode-cycling = mit dem Rad (15 km/h)
walk-error-mode = Unbekannte Art, unterwegs zu sein; gezeigt wird der Fußweg.
walk-cycling-network = Mit dem Rad gemessen auf dem Radnetz aus { $file } ({ $junctions } Knoten, importiert { $when }, Prüfsumme { $sha }) bei 15 km/h; Einbahnstraßen gelten. Daten © OpenStreetMap-Mitwirkende, ODbL.
walk-cycling-estimate = Mit dem Rad geschätzt: Luftlinie × 1,3 bei 15 km/h, solange kein Radnetz importiert ist (Profil „cycling“).
walk-map-title-cycling = Anteil der Kinder in 10 Minuten mit dem Rad: { $phase }
walk-map-hint-cycling = Anteil der Kinder, die ein Angebot der Lebensphase in 10 Minuten mit dem Rad erreichen. Die Tabelle enthält dieselben Werte und 5 und 15 Minuten.
walk-raster-title-cycling = Mit dem Rad zum nächsten Angebot: { $phase }
walk-table-cycling = { $phase }: Kinder und Anteile in 5, 10 und 15 Minuten mit dem Rad, die wenigsten in 10 Minuten zuerst
walk-network-profile = Netz für
walk-runs-walking-only = Gespeichert werden Fußwege; für das Rad gilt die Ansicht oben.
