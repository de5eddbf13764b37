# kette – English interface
app-name = kette
skip-to-content = Skip to content
nav-main = Main navigation
nav-home = Go to the start page
nav-search = Find offers
nav-offers = Offers
nav-organisations = Providers
nav-districts = Districts
nav-district = District
nav-login = Sign in
nav-logout = Sign out
language = Language
fictional = fictional
demo-note = Demo with real open data from Berlin. Accounts and people are fictional.
footer-api = Open API (OpenAPI)
breadcrumbs = Breadcrumbs

home-title = Prevention chain
home-lead = All partner offers along a child's life – from pregnancy to career entry.
figure-offers = offers
figure-organisations = providers
figure-districts = districts
matrix-title = The chain at a glance
matrix-help = Number of active offers per life phase and domain. A red 0 shows a gap in the chain.
matrix-life-phase = Life phase
matrix-total = Total
matrix-gap = Gap: no offer

search-title = Find offers for families
search-lead = Tell us how old your child is, where you live and what you are looking for.
search-age = How old is your child?
search-where = Where do you live?
search-what = What are you looking for?
search-submit = Search
search-results = Results

offers-title = Offers
offers-found = { $count ->
    [one] 1 offer
   *[other] { $count } offers
}
offer-new = New offer
offer-edit = Edit offer
offer-where = Where?
offer-history = History of changes
anchor-point = Anchor point
confidential = confidential address

filter-text = Search term
filter-age = Child's age
filter-age-hint = in years, e.g. 2 or 1.5
filter-life-phase = Life phase
filter-domain = Domain
filter-target-group = Target group
filter-district = District
filter-cost = Cost
filter-status = Status
filter-any = any
filter-apply = Filter
filter-reset = Reset filters

pager = Pages
pager-prev = Previous page
pager-next = Next page
pager-page = Page

field-life-phases = Life phases
field-age = Age
field-domains = Domains
field-target-groups = Target groups
field-transitions = Transitions
field-languages = Languages
field-cost = Cost
field-access = Access
field-prevention-level = Prevention level
field-schedule = Times
field-capacity = Places
field-contact-phone = Phone
field-contact-email = E-mail
field-website = Website
field-last-verified = Last verified on
field-funding = Funding
field-funding-until = until

title = Title
description = Description
life-phases = Life phases
min-age-months = Minimum age (months)
max-age-months = Maximum age (months, exclusive)
domains = Domains
target-groups = Target groups
transitions = Transitions
languages = Languages (codes, e.g. de, tr, ar)
cost = Cost
access = Access
prevention-level = Prevention level
schedule = Times
capacity = Places
reach-per-year = Participants reached per year
location-ids = Locations
funding-kind = Funding
funding-source = Funder
funding-amount-eur = Amount per year (EUR)
funding-until = Funding ends on
contact-email = E-mail
contact-phone = Phone
website = Website
last-verified-on = Last verified on
status = Status
form-save = Save
form-has-errors = Please correct the marked fields

cost-free = free
cost-reduced = reduced (education and participation package)
cost-fee = fee
access-open = open, no registration
access-registration = registration required
access-referral = by referral
preventionlevel-universal = universal (all families)
preventionlevel-selective = selective (families under strain)
preventionlevel-indicated = indicated
offerstatus-draft = draft
offerstatus-active = active
offerstatus-paused = paused
offerstatus-ended = ended
fundingkind-regular = regular budget
fundingkind-project = project funding
fundingkind-donation = donations
fundingkind-mixed = mixed funding
organisationkind-public-office = Public office
organisationkind-welfare-association = Welfare association
organisationkind-school = School
organisationkind-kita = Daycare provider
organisationkind-health = Health care
organisationkind-club = Club
organisationkind-business = Business
organisationkind-church = Church
organisationkind-initiative = Initiative
organisationkind-other = Other
role-admin = Administration
role-coordinator = Coordination
role-planner = Planning
role-partner-editor = Partner editor
role-navigator = Navigator
role-viewer = Read access

organisations-title = Providers and partners
organisations-found = { $count ->
    [one] 1 provider
   *[other] { $count } providers
}
organisation-name = Name
organisation-kind = Kind
organisation-locations = Locations
organisation-contacts = Contact persons

districts-title = Districts
districts-lead = The city's planning areas with population, indicators and offers.
district-key = Key
district-name = Name
district-subareas = Sub-areas
district-map = Map
district-map-hint = Dots show where offers are.
district-no-geometry = There is no boundary for this district.
district-chain = Offers per life phase
district-population = Population by age (31 Dec)
district-population-note = Source: population register, Statistical Office Berlin-Brandenburg.
district-indicators = Indicators
district-indicators-note = Values as of 31 December; source: Monitoring Soziale Stadtentwicklung.
district-no-indicators = No indicators are published for this level; they exist per planning area.
district-all-offers = All offers in this district
age-group = Age (years)
indicator = Indicator
unit = Unit
map-of = Map of { $name }

login-title = Sign in
login-username = User name
login-password = Password
login-submit = Sign in
login-throttled = Too many failed attempts. Please try again in { $minutes } minutes.
login-failed = User name or password is wrong.

error-title = Error
error-internal = Something went wrong. Please try again later.
error-not-found = This page does not exist.
error-forbidden = You are not allowed to do this.
error-bad-request = The request is not valid.
error-csrf = The form has expired. Please reload the page and send it again.
error-age-years = Please give the age as a number from 0 to 27 years.
error-choose-organisation = Please choose a provider first.
error-required = Please fill in.
error-too-long = The text is too long.
error-unknown-term = Unknown entry.
error-life-phase-or-age = Please choose at least one life phase or give an age.
error-age-range = The age must be between 0 and 324 months.
error-age-order = The maximum age must not be below the minimum age.
error-language-code = Please use language codes such as de, tr or ar.
error-not-negative = The amount must not be negative.
error-funding-until-regular = Regular budget funding has no end date.
error-email = Please give a valid e-mail address.
error-url = A web address starts with https:// or http://.
error-location-not-own = This location does not belong to your organisation.
error-whole-number = Please give a whole number.
error-number = Please give a number.
error-date = Please give a date (YYYY-MM-DD).
error-choice = Please choose one of the offered values.

nav-vocabulary = Vocabulary
edit = edit
saved = Saved.
organisation-edit = Edit provider details
contacts-hint = Named contact persons for cooperation in the network. Empty rows are ignored.
contact-person = Contact person
contact-name = Name
contact-role = Role
location-new = Add location
location-edit = Edit location
location-name = Name of the place
location-street = Street and number
location-postcode = Postcode
location-city = City
location-lat = Latitude (WGS84, e.g. 52.52)
location-lon = Longitude (WGS84, e.g. 13.40)
location-district-hint = The district is found from the coordinates.
location-confidential = Confidential address (shown only to signed-in professionals)
vocabulary-title = Vocabulary of the prevention chain
vocabulary-lead = This municipality's life phases, domains, target groups and transitions: rename and extend them. Codes stay so that existing offers keep their assignment.
kind-life-phase = Life phases
kind-domain = Domains
kind-target-group = Target groups
kind-transition = Transitions
term-code = Code
term-label-de = Label (German)
term-label-en = Label (English)
term-add = Add
error-coordinates-pair = Please give latitude and longitude together.
error-latitude = Latitude must be between -90 and 90.
error-longitude = Longitude must be between -180 and 180.
error-postcode = A postcode has five digits.
error-unknown-district = This district does not exist.
error-term-code = The code consists of lower-case letters, digits and _ and starts with a letter.
error-term-exists = This code exists already.
error-query-range = The value is outside the allowed range.
error-unknown = Unknown reference.
error-immutable = This value cannot be changed.

# Command line
cli-listening = kette is running on { $url }  (stop with Ctrl+C)
cli-demo-built = Demo database { $db } built in { $seconds } s.
cli-demo-logins = Demo accounts (fictional), password "{ $password }" for each:
cli-demo-job-admin = sets up accounts and settings
cli-demo-job-coordinator = steers the chain: approves offers, keeps vocabulary and synonyms, imports statistics
cli-demo-job-planner = sees the monitoring's raw figures, runs indices
cli-demo-job-partner-editor = keeps its organisation's offers (changes wait for approval)
cli-demo-job-navigator = advises families, sees protected places, prints referral sheets
cli-demo-job-viewer = reads along without changing anything
cli-demo-exists-other = { $db } holds no Berlin demo; remove it or pass another --db.
cli-demo-no-data = The Berlin demo data is missing: run from the repository root or pass --data PATH/TO/data/berlin.
cli-step-districts = Districts (LOR)
cli-step-population = Population 2015–2020
cli-step-boundaries = 2021 boundary reform: population 2021 carried over the crosswalk
cli-step-indicators = Monitoring Soziale Stadtentwicklung 2013–2019
cli-step-facilities = Assigning facilities to planning areas
cli-step-offers = Saving { $count } offers
cli-step-accounts = Demo accounts
cli-demo-summary = done: { $districts } districts, { $offers } offers ({ $outside } facilities outside Berlin, { $unnamed } without a name, { $other } without a matching offer skipped)
cli-municipality-created = Created municipality { $name } ({ $slug }) with id { $id }.
cli-account-created = Created account { $username } ({ $role }) with id { $id }.
cli-password-prompt = Password for { $username }:
cli-districts-valid = { $file }: { $count } districts are valid; nothing written (dry run).
cli-districts-imported = Imported { $count } districts into { $municipality }.
cli-offers-valid = { $file }: { $offers } offers of { $organisations } providers are valid; nothing written (dry run).
cli-offers-imported = Imported { $offers } offers, { $organisations } providers and { $locations } locations into { $municipality }.
cli-error-unknown-role = Unknown role '{ $role }': expected admin, coordinator, planner, partner_editor, navigator or viewer.
cli-error-no-municipality = The database has no municipality yet: run `kette municipality add SLUG NAME` first.
cli-error-nothing-imported = { $file }: nothing was imported.
cli-error-unknown-district = { $file }: unknown district key '{ $key }'
cli-error-no-organisation = Organisation { $id } does not exist in { $municipality }.
age-years = { $count } yrs
age-months = { $count } mo.
cli-index-written = { $file }: wrote { $rows } rows with { $columns } columns.
suppression-note = • = hidden to protect families: a number below 3, or a number from which one could be computed.
suppressed-title = hidden (confidentiality)

nav-monitoring = Monitoring
monitoring-title = Small-area monitoring
monitoring-lead = Indicators per district and year: definition, source and map. Computed indices come from traceable recipes (recipes/).
direction = Direction
direction-higher-is-worse = higher = worse
direction-higher-is-better = higher = better
direction-neutral = neutral
years = Years
source = Source
year = Year
map-show = Show map
map-title = Map: { $indicator }
map-no-value = no value
map-legend = Legend:
map-legend-help = Five equal groups (quintiles) of districts; darker = higher value.
map-higher-worse = Higher values mean more need for action.
map-ranking = Ranking of districts
rank = Rank
value = Value
map-class = Group
map-alt = The map shows the values of all districts in colour; the same values are in the ranking below the map.

cli-error-direction = Unknown direction '{ $direction }': expected higher_is_worse, higher_is_better or neutral.
cli-error-indicator-code = Invalid code '{ $code }': lower-case letters, digits and _, starting with a letter.
cli-indicator-saved = Saved indicator { $code } in { $municipality }.
cli-error-unknown-indicators = { $file }: unknown indicators { $codes } – define them first with `kette indicator add`.
cli-indicators-valid = { $file }: { $count } values are valid; nothing written (dry run).
cli-indicators-imported = Imported { $count } indicator values into { $municipality } (with provenance: file, checksum, time).
city-mean = Level mean
trend-per-year = Trend per year
small-base = small base: the denominator is below the indicator's minimum
district-indicators-help = "Level mean": average of all districts of this level in the row's latest year. Below rates with numerator and denominator: the 95 % confidence interval (Wilson).
download = Download
recipes-title = Index recipes
recipes-lead = A recipe describes a method (e.g. the MSS status index) step by step. Every change is saved as a new version, so any result can be recomputed.
recipe-name = Name
recipe-version = Version
recipe-saved = saved
recipe-new = New recipe
recipe-toml = Recipe (TOML)
recipe-run = Compute
recipe-no-data = This recipe lacks values of the indicators:
recipe-run-submit = Compute
recipe-edit = Edit recipe
recipe-save-version = Save as a new version
recipe-versions = Versions
recipe-rows = { $count } districts
error-recipe-id = The recipe needs an id of lower-case letters, digits and _.
table-scroll = Table, scrolls sideways
cli-crosswalk-written = { $file }: wrote { $links } links (area shares).
cli-error-date = '{ $value }' is not a date (YYYY-MM-DD).
numerator = Numerator
denominator = Denominator
spatial-level = Level
release-date = released
map-distribution = Distribution
map-distribution-help = Each dot a district, from low (left) to high values (right); dashed lines mark the limits of the five groups.
compare-with = Compare with
compare-submit = Compare
compare-and = and
population-total = Inhabitants
compare-help = The latest value of each, with its year; "Level mean" refers to the first district's year.
error-compare = Please choose two districts.
sensitivity-compare = Compare with
sensitivity-submit = Show sensitivity
sensitivity-title = Sensitivity
sensitivity-changes = { $count ->
    [one] 1 district changes class
   *[other] { $count } districts change class
}
sensitivity-column = Result
cli-error-crs = Coordinate system EPSG:{ $code } is not supported: 4326, 25832, 25833 or 3035.
cli-error-crs-unknown = { $file }: unknown coordinate system '{ $code }' – give --crs (4326, 25832, 25833 or 3035).
cli-error-gpkg-geometry = { $file } feature { $feature }: the geometry is not a (multi)polygon.
wizard-title = Import statistics
wizard-lead = Upload a table of indicator values (CSV, long or wide, also from Excel with semicolons and decimal commas). You first see a preview with every problem; nothing is saved until you confirm, and then all or nothing.
wizard-file = File (CSV)
wizard-year = Year
wizard-year-hint = only needed if the table has no year column
wizard-check = Check and preview
wizard-problems = The file cannot be imported as it is
wizard-no-file = Please choose a file.
wizard-layout = Layout
wizard-rows = { $count ->
    [one] 1 value
   *[other] { $count } values
}
wizard-warnings = Unusual values – they are imported all the same, please check:
wizard-unknown-keys = Unknown district keys – the import will be refused:
wizard-map = Map columns to indicators
wizard-column = In the file
wizard-values = Values
wizard-skip = do not import
wizard-sample = Preview of the first values
wizard-commit = Import
error-upload-too-large = The file is too large: at most { $megabytes } MB.
wizard-expired = The preview has expired; please upload the file again.
map-interactive = Load the interactive map (about 120 KB)
publish-column = Result column
publish-indicator = as indicator (code)
publish-submit = Save as indicator

# Finder (public)
finder-errors = Please check your entries
finder-age-any = any / not given
finder-age-expecting = We are expecting a baby
finder-age-baby = under 1 year
finder-near-hint = street or postcode, e.g. Müllerstraße or 13353
finder-q-hint = e.g. toddler group, midwife, homework help
finder-more = More search options
finder-radius = At most this far away
finder-radius-any = any distance
finder-topic = Topic
finder-language = Language spoken there
finder-new-search = New search
finder-place-unknown = We do not know this street or postcode, so the results are not sorted by distance.
finder-distance-from = Distance measured from: { $place }
finder-nothing = We found nothing that fits. Try fewer details or another word.
finder-what = What?
finder-when = When?
finder-where = Where?
finder-how = How do I get there?
finder-show-all-distances = Show all, however far
finder-show-further = Show offers further away too (up to { $radius })
finder-nearest-first-within = Nearest first, within { $radius }.
finder-nearest-first = Nearest first.
finder-ages = Age
finder-cost = Cost
finder-access = Access
finder-address-on-request = Address on request (protected place)
finder-back = Back to the results
finder-back-offer = Back to the offer
finder-easy-language = Read in Easy German (Leichte Sprache)
finder-standard-language = Read in standard language
finder-print = Print
finder-print-hint = Print this page with your browser's print function.
finder-not-translated = This text is only available in German.
finder-spoken = Languages spoken there
finder-internal = For professionals only
finder-no-note = No internal note.
finder-report-error = Report an error in this offer
referral-title = Referral sheet for the family
referral-privacy = No data about the family is kept, only an anonymous count (date, area, life phase, transition, topic, offer, outcome).
referral-language = The family's language
referral-submit = Create referral sheet
referral-sheet = Referral sheet
error-age-months = Please give the age in months from 0 to 324.
error-coordinates = Please give latitude (−90 to 90) and longitude (−180 to 180) together.
error-radius = The radius must be between 100 metres and 100 kilometres.
error-place-unknown = This street or postcode is not known in the directory.
footer-statement = Accessibility
footer-feedback = Give feedback
nav-synonyms = Synonyms
nav-feedback = Feedback

statement-title = Accessibility statement
statement-scope = This statement covers the public offer finder of the prevention chain { $municipality } (search, results, offer pages, print views, this statement and the feedback form).
statement-status-title = Compliance status
statement-status = The pages aim to meet BITV 2.0 and WCAG 2.1 level AA. They work without JavaScript, with keyboard and screen readers, with large text and in German, English, Turkish, Arabic and Ukrainian.
statement-limits-title = Content that is not accessible
statement-limit-translations = Offer descriptions are often available in German only; the page says so.
statement-limit-map = The map is an addition; all its information is also in the text list.
statement-limit-internal = The pages for professionals are available in German and English.
statement-method-title = How this statement was prepared
statement-method = Every change is checked automatically with axe-core in a real browser, in German and Arabic, and operated with the keyboard only.
statement-feedback-title = Report barriers
statement-feedback = If you notice a barrier, write to us. You do not need to give any personal data.
statement-enforcement-title = Enforcement procedure
statement-enforcement = If you do not get a satisfactory answer to your feedback, you can turn to the arbitration board under § 16 BGG or the responsible body of your federal state.

feedback-title = Give feedback
feedback-lead = Did you notice a barrier, is something wrong, or is an offer missing? Tell us.
feedback-privacy = Please do not write names, addresses or other personal data into the field. We store only your text and the page.
feedback-topic = What is it about?
feedback-topic-barrier = A barrier
feedback-topic-wrong-information = Wrong information
feedback-topic-missing-offer = A missing offer
feedback-topic-other = Something else
feedback-message = Your message
feedback-send = Send
feedback-thanks = Thank you! Your feedback has arrived.
feedback-error-topic = Please choose what it is about.
feedback-error-empty = Please write a message.
feedback-error-long = The message is too long (at most 5,000 characters).
feedback-inbox = Feedback
feedback-none = No feedback yet.
feedback-received = Received
feedback-page = Page

synonyms-title = Search synonyms
synonyms-lead = Words that should mean the same in the search. Whoever searches for one finds offers with any other.
synonyms-field = Synonym groups
synonyms-hint = One group per line, terms separated by commas, e.g.: Krabbelgruppe, Eltern-Kind-Gruppe, Spielgruppe
finder-age-years = { $count ->
    [one] 1 year
   *[other] { $count } years
}
finder-also-in = This offer is also available in:
finder-open-map-app = open in maps app
reindex-title = Search index
reindex-lead = The search follows every change at once. If the database was changed outside kette, this button rebuilds the search index from the database.
reindex-submit = Rebuild search index
reindex-done = { $count ->
    [one] Search index rebuilt with 1 offer.
   *[other] Search index rebuilt with { $count } offers.
}
cli-hsds-rejected = { $file }: { $invalid } of { $total } services break rules (listed above); nothing imported. With --partial the valid ones are imported.
cli-hsds-valid = { $file }: { $valid } of { $total } services valid; nothing written (--dry-run).
cli-hsds-imported = Imported { $offers } offers, { $organisations } organisations, { $locations } places into { $municipality } ({ $skipped } invalid skipped, { $seconds } s).
texts-title = Translations and note
texts-lead = Title and description in further languages and in Easy German (Leichte Sprache). Families see them in the finder in their language; empty fields remove a translation.
texts-easy-german = Easy German (Leichte Sprache)
texts-field-title = Title
texts-field-description = Description
texts-note = Internal note for professionals
texts-note-hint = Visible to signed-in professionals only, never public. Do not enter data about families.
referrals-title = Navigator log
referrals-lead = The navigators' contacts, counted anonymously: when, where, for which life phase, transition and topic, which offer was referred to and whether the family got there. No names, birth dates or free notes are kept.
referrals-count = Contacts

## Verification reminders (e-mail)
mail-reminder-subject = kette: please check { $count ->
    [one] 1 offer
   *[other] { $count } offers
  } of { $organisation }
mail-reminder-intro = Hello,

  in the offer directory of { $municipality }, offers of { $organisation } have not been confirmed for more than { $months } months. Families and navigators rely on current details. Please check whether they are still right, and confirm or change them:
mail-reminder-line-due = { $title } (last verified on { $verified })
mail-reminder-line-hidden-on = { $title } (last verified on { $verified }; no longer public from { $hidden })
mail-reminder-line-lapsed = { $title } (not public since { $since } until it is confirmed)
mail-reminder-line-unverified = { $title } (never confirmed)
mail-reminder-more = … and { $count } more (all in the verification list).
mail-reminder-action = To the verification list: { $url }
mail-reminder-footer = kette sent this message automatically. Offers are never deleted; once confirmed they appear in the finder again.

## Partner workflow: approval and verification
organisation = Organisation
error-login-required = Please sign in first.
error-conflict = This is no longer possible – the data has changed in the meantime.
nav-review = Approvals
nav-verification = Verification list
nav-account = My account
review-title = Approvals
review-lead = New offers and changes by partners become public only once you approve them. Until then families see the previous version.
review-lead-partner = Your new offers and changes still waiting for the coordinator's approval.
review-none = Nothing is waiting for approval.
review-open = { $count ->
    [one] 1 proposal waiting
   *[other] { $count } proposals waiting
  }
review-kind = Kind
review-kind-new = New offer
review-kind-change = Change
review-proposed-by = proposed by
review-proposed-at = proposed on
review-approved = Approved – the new version is public now.
review-rejected = Returned – the partner sees your reason.
review-to-offer = To the offer
review-change-title = Proposal
review-back = Back to the approvals
review-current-offer = see the current version
review-state-pending = Waiting for approval
review-state-approved = Approved
review-state-rejected = Returned
review-state-superseded = Replaced by a newer proposal
review-no-difference = The proposal equals the current version.
review-new-caption = Details of the new offer
review-change-caption = Changed details
review-field = Detail
review-before = before
review-after = proposed
review-approve = Approve
review-reason = Reason for the partner (when returning)
review-reject = Return
error-review-reason = Please give a reason so the partner can fix it.
review-settings-title = Settings: approval, verification, navigator service
review-approval-required = Publish new offers and changes by partners only after approval
review-verify-every-months = Have offers verified every … months
review-hide-after-days = Hide unconfirmed offers after a grace period of … days
review-hide-after-days-hint = Leave empty to keep overdue offers visible until you decide. Hidden offers are never deleted and return as soon as they are confirmed.
review-remind-every-days = Remind partners again after … days
error-review-months = Please give a number from 1 to 120 months.
error-review-days = Please give a number from 0 to 3650 days or leave the field empty.
error-review-remind = Please give a number from 1 to 365 days.
verification-title = Verification list
verification-lead = Offers should be confirmed every { $months } months: are times, place, contact and description still right?
verification-lead-hide = An offer not confirmed { $days } days after it fell due leaves the public finder – it is never deleted.
verification-lead-keep = Overdue offers stay visible until the coordinator decides.
verification-count = { $count ->
    [one] 1 offer to verify
   *[other] { $count } offers to verify
  }
verification-lapsed-count = { $count ->
    [one] 1 of them hidden
   *[other] { $count } of them hidden
  }
verification-none = All offers are confirmed.
verification-caption = Offers to verify, oldest first
verification-still-current = Still current
verification-edit = change
verification-state = State
verification-hidden-from = hidden from { $date }
verification-hidden-since = hidden since { $date }
verification-confirm = Confirm the selected as current
verification-confirmed = { $count ->
    [one] 1 offer confirmed.
   *[other] { $count } offers confirmed.
  }
verification-reminders = Reminders
verification-reminders-lead = kette reminds partners with offers to verify by e-mail, at most every { $days } days.
verification-no-mailer = No mail server configured: partners see their verification list after signing in; no e-mails are sent.
verification-remind-now = Remind now
verification-reminded = Reminders sent: { $sent }; without an e-mail address: { $noaddr }; failed: { $failed }.
verification-reminders-recent = Recent reminders
verification-sent-at = Time
verification-recipients = Recipients
verification-offers = Offers
verification-outcome = Outcome
verification-outcome-sent = sent
freshness-current = current
freshness-due = verification due
freshness-lapsed = hidden
freshness-unverified = never confirmed
approval-pending = waiting for approval
approval-approved = approved
approval-rejected = returned
account-title = My account
account-lead = kette sends reminders to this address when offers of your organisation need checking. It is used for nothing else.
account-email = E-mail address
offer-proposal-sent = Your change is submitted. It becomes public once the coordinator approves it.
offer-pending-new = This offer is waiting for the coordinator's approval and is not public yet.
offer-pending-change = A change to this offer is waiting for approval; the public still sees the previous version.
offer-rejected = Returned by the coordinator
offer-review-link = See the proposal
offer-not-public = This offer is currently not visible to the public.
offer-confirm-current = Details still right – confirm today
cli-error-email = '{ $email }' is not an e-mail address (expected e.g. name@example.org).
cli-error-password = The password for '{ $username }' is not accepted: { $reason }
password-too-short = It needs at least 10 characters.
password-too-long = It may have at most 256 characters.
password-contains-name = It must not contain the user name or the person's name.
password-common = It is on the list of commonly used or breached passwords.
password-guessable = It is easy to guess (a repeat, sequence, keyboard row, date or a single word). A few unrelated words are better.
cli-remind-no-mailer = No mail server given: set --smtp-url or KETTE_SMTP_URL (e.g. smtp://mail.example.org:587?tls=required).
cli-reminded = { $municipality }: sent { $sent } reminders about { $offers } offers; without an e-mail address: { $noaddr }; failed: { $failed }.
verification-without-address = { $count ->
    [one] 1 organisation with offers to verify has nobody kette can write to (no partner account with an e-mail address, no address of its own).
   *[other] { $count } organisations with offers to verify have nobody kette can write to (no partner account with an e-mail address, no address of their own).
  }
cli-hsds-tabular-rejected = { $folder }: { $errors } cells do not fit their column (see above); nothing imported.
cli-export-exists = { $path } exists already; please give a new name (kette overwrites no files).
cli-hsds-exported = Exported { $services } services to { $path } ({ $seconds } s).
cli-hsds-not-kept = { $file }: kette did not keep these HSDS fields because it has no place for them (number of records): { $fields }
finder-map-show = Show the results on a map
finder-map-hide = Hide the map
finder-map-title = Map of the results on this page
finder-map-caption = The numbers on the map are the numbers in the list.
finder-map-interactive = Load a map to pan and zoom
finder-map-number = Number on the map
referrals-unknown = not recorded
review-kind-texts = Translations
review-kind-place = Place
location-coordinates = Coordinates
yes = yes
no = no
texts-waiting = Your last translations are waiting for approval; the public still sees the previous ones. The form shows your proposal.
organisation-proposal-sent = Your change is submitted. It becomes public once the coordinator approves it.
place-waiting = Your last change to this place is waiting for approval; the public still sees the previous address. The form shows your proposal.
review-kind-organisation = Organisation details
organisation-waiting = Your last details are waiting for approval; the public still sees the previous ones. The form shows your proposal.
offer-form-waiting = Your last change is waiting for approval; the public still sees the previous version. The form shows your proposal.
cli-confidentiality-set = { $slug }: counts from { $min } are shown in public (smaller ones suppressed, with complementary cells); rounding to multiples of { $round }.
confidentiality-title = Statistical confidentiality
confidentiality-lead = What public pages, the API and exports show of small counts. Counts below the minimum are withheld, together with as many neighbouring cells as needed so that they cannot be recovered from totals. Planning and coordination always see the exact values.
confidentiality-min-count = Smallest count shown in public
confidentiality-round-to = Round shown counts to multiples of
confidentiality-round-hint = Leave empty for no rounding; 3 or 5 are usual.
error-confidentiality = Please give a whole number from 1 to 100 as the minimum and, for rounding, nothing or a whole number from 2 to 100.
cli-crosswalk-imported = Saved crosswalk { $from } → { $to }: { $links } links from { $sources } to { $targets } districts.
cli-error-no-districts = { $municipality } has no districts yet; run `kette import districts` first.
cli-error-which-version = There are several boundary versions ({ $versions }); give --to-version.
cli-error-no-crosswalk = There is no crosswalk from boundary version “{ $version }” into the stored districts; run `kette import crosswalk FILE --from-version { $version }` first.
cli-indicators-carried = Carried { $count } values from boundary version { $from } into { $written } values for boundary version { $to } and imported them (marked as carried).
cli-indicators-not-carried = not carried: { $code } { $key } { $year } – no values for { $missing }
carried-from = carried from boundary version { $version } (estimate via a crosswalk)
carried-note = ≈: published for another boundary version ({ $versions }) and carried into these districts with a crosswalk – an estimate that assumes even settlement.
wizard-version = Boundary version of the keys in the file
wizard-version-hint = Data for another boundary version is carried into the districts here with the stored crosswalk and marked as carried.
wizard-unknown-version = Unknown boundary version “{ $version }”: there is no crosswalk from it into the stored districts.
wizard-carried = The values are carried over the crosswalk (links / target districts):
boundaries-title = Boundary versions and crosswalks
boundaries-lead = When districts are redrawn, statistical offices publish their figures for the new boundaries. A crosswalk says which share of each area of the other version lies in which district here; values are carried with it and time series go on.
boundaries-stored = Boundary version of the stored districts:
boundaries-crosswalks = Stored crosswalks
boundaries-none = No crosswalk stored yet.
boundaries-from = Source boundary version
boundaries-to = Version here
boundaries-links = Links
boundaries-sources = Source areas
boundaries-targets = Districts
boundaries-saved-at = saved on
boundaries-method-area = area shares from geometries
boundaries-method-file = taken from a file
boundaries-use = Import values for another boundary version in the import wizard by choosing the version, or with `kette import indicators FILE --boundary-version VERSION`. Counts are distributed by the shares, rates with numerator and denominator recomputed from the carried counts, other values averaged by weight; a district only gets a value when every source area within it has one. Carried values are marked ≈ in the profile.
boundaries-upload = Upload a crosswalk
boundaries-upload-help = CSV with the columns from, to, weight: the key in the other version, the key of a district here and the share (0 to 1) of the source area lying in it; the shares of one source area add up to 1. `kette crosswalk OLD.geojson NEW.geojson` computes such a file from geometries. A new crosswalk for the same version replaces the old one.
boundaries-from-hint = e.g. lor-2021
boundaries-from-required = Please name the source boundary version.
boundaries-no-districts = No districts are stored yet.
boundaries-save = Check and save
error-phone = Please give a phone number of digits (spaces, + - / ( ) are allowed).
finder-tried = Searched for:
list-separator = {", "}
finder-did-you-mean = Did you mean:
finder-relax-title = With fewer conditions you find
finder-without-words = without the words “{ $words }”
finder-without-age = without the age
finder-any-distance = at any distance
finder-without-place = without the place
finder-without-district = in all districts
finder-without-topic = in all topics
finder-without-language = in any language
finder-without-cost = whatever the cost
finder-without-access = whatever the access
finder-topics-title = Offers by topic for this age and place
finder-ask-navigator = Personal help
finder-navigator-feedback = Is an offer missing? Tell us:
navigator-contact-lead = Navigators help you find the right offer, free of charge:
navigator-hours = Available
navigator-service-title = Navigator service for families
navigator-service-hint = Families see these contact details when a search finds nothing and on the referral sheet of an offer at a protected place.
navigator-service-name = Name of the service
navigator-service-phone = Phone
navigator-service-email = E-mail
navigator-service-hours = Availability (e.g. Mon–Fri 9 am–3 pm)
finder-protected-place = This place is protected and its address is not published. Get in touch to learn how to get there:
error-year = Please give a year as a number, e.g. 2023.
recipe-no-years = There is no year yet in which every input indicator of this recipe has values.
publish-column-choose = – choose a column –
distance-m = { $value } m
distance-km = { $value } km
home-waiting-title = What is waiting
home-waiting-none = Nothing waits here for your role; search and monitoring are in the menu above.
home-waiting-proposals = partner proposals to approve
home-waiting-own-proposals = own proposals waiting for approval
home-waiting-due = offers due for confirmation
home-waiting-feedback = unhandled feedback messages
home-waiting-failed-reminders = reminders not delivered
nav-work = Tasks
nav-settings = Administration
offer-hint-title = As families would call the offer, e.g. “Toddler group at the family centre”.
offer-hint-description = What happens there, for whom, what to bring? Short sentences help everyone, translators too.
offer-age-from = From what age
offer-age-to = Up to (not including) what age
offer-hint-age-from = Leave empty if there is no minimum age. For pregnant women: 0 years, 0 months.
offer-hint-age-to = The offer ends before this age: 3 years means “until the third birthday”. Leave empty if there is no limit.
offer-age-years = Years
offer-age-months = Months
offer-languages = Languages people are understood in there
offer-hint-languages = Families can search by their language.
offer-languages-other = Other languages (ISO 639 codes, e.g. hy, ku)
offer-hint-schedule = E.g. “Tue and Thu 9–11 am, not in school holidays”.
offer-hint-places = Where the offer takes place. If a place is missing, add it first.
offer-places-filter = Filter places
offer-places-none = No place matches.
offer-submit-proposal = Submit for approval
offer-submit-new-hint = Coordination checks your new offer; it becomes public only once approved. Until then you find it under “Tasks”.
offer-submit-change-hint = Coordination checks your change; until it is approved, families see the previous version.
offer-proposal-sent-new = Your new offer has been submitted. Coordination checks it; it becomes public only once approved.
error-rest-months = Please give 0 to 11 months (12 months are a year).
location-geocode-hint = Without coordinates, kette takes them from the street if places there are known (street centre; no outside service).
min-age-years = Minimum age (years)
min-age-rest-months = Minimum age (months)
max-age-years = Maximum age (years)
max-age-rest-months = Maximum age (months)
languages-other = Other languages
matrix-transitions = Transitions between life phases
filter-transition = Transition
finder-transition = Transition
finder-transition-hint = Offers that accompany a change, e.g. into daycare or school.
anchors-title = Anchor points
anchors-lead = Places families go to anyway – daycare, school, family centre – and which offers are within 1 km of them (straight line, about a quarter of an hour on foot).
anchors-count = { $count ->
    [one] { $count } anchor point
   *[other] { $count } anchor points
}
anchors-none = No anchor points here yet. Partners mark their places as anchor points when families go there anyway.
anchors-map-title = Map of the anchor points
anchors-map-caption = The numbers match the list.
anchors-no-coordinates = This place has no coordinates.
anchors-reachable = { $count ->
    [one] { $count } offer within 1 km
   *[other] { $count } offers within 1 km
}
nav-anchors = Anchor points
anchors-by-district = Anchor points per borough – choose one for the list and map
anchors-in-district = places families go to in this area and what is within reach
wizard-layout-long = long (one row per value)
wizard-layout-wide = wide (one column per indicator)
wizard-skipped-columns = Text columns skipped:
wizard-new-indicator = Create a new indicator
wizard-new-hint = Saved together with the values in one step; if the import fails, no indicator is created either.
wizard-unit-hint = e.g. %, count, per 1,000 inhabitants
wizard-new-name-missing = The new indicator needs a name.
wizard-nothing-chosen = Every column is left out – there is nothing to import. Map at least one column to an indicator.
wizard-unknown-district = Unknown district key “{ $key }”.
wizard-imported = { $count ->
    [one] { $count } value imported.
   *[other] { $count } values imported.
}
wizard-see-map = Map: { $indicator }
ingest-line = Line { $line }
ingest-column = column “{ $column }”
ingest-more = … and { $count } more problems
ingest-no-key-column = No column with the district key. Expected a heading such as Planungsraum, key, district or Schlüssel; the file has: { $found }.
ingest-no-year-column = No year column: please give the year in the field “Year”.
ingest-no-indicator-columns = No indicator columns: a wide table has a column of numbers per indicator, a long one the columns indicator and value.
ingest-unreadable-row = The row cannot be read ({ $detail }).
ingest-missing-key = The district key is missing.
ingest-key-too-long = A key has at most { $max } characters, found: “{ $found }”.
ingest-expected-year = Expected a year, found: “{ $found }”.
ingest-expected-number = Expected a number (12.5 or 12,5), found: “{ $found }”.
ingest-missing-code = The indicator code is missing.
ingest-code-too-long = An indicator code has at most { $max } characters, found: “{ $found }”.
ingest-denominator = The denominator must be greater than 0.
ingest-numerator = The numerator must be between 0 and the denominator.
ingest-duplicate = { $code } for { $key } in { $year } is already in line { $previous }.
steering-title = Steering: mission statement and goals
leitbild-title = Mission statement
leitbild-none = No mission statement saved yet.
leitbild-draft = draft, not yet adopted
leitbild-adopted = adopted on { $date }
leitbild-adopted-on = Adopted on (leave empty for a draft)
leitbild-edit = Edit the mission statement (as a new version)
leitbild-save = Save as a new version
goals-title = Goals
goals-rule = How the state is decided: the path runs straight from the baseline to the target. The latest published value is on track when it lags the path by at most the tolerance (a share of the whole way), at risk up to twice the tolerance, else off track. In the target year only reaching the target counts. For the whole municipality the districts' values are weighted by their population (numerators and denominators), else averaged.
goals-none = No goals yet.
goal = Goal
goal-area = Area
goal-whole-municipality = whole municipality
goal-path = Baseline and target
goal-latest-title = Latest value
goal-latest = { $value } ({ $year }; path: { $expected })
goal-state = State
goal-level = Level
goal-level-impact = Impact goal
goal-level-outcome = Outcome goal
goal-level-action = Action goal
goal-parent = Belongs to
goal-baseline-year = Baseline year
goal-baseline-value = Baseline value
goal-target-year = Target year
goal-target-value = Target value
goal-tolerance = Tolerance (% of the way)
goal-responsible = Responsible
goal-new = New goal
goal-save = Save goal
progress-reached = reached
progress-on-track = on track
progress-at-risk = at risk
progress-off-track = off track
progress-no-data = no data
error-goal-indicator = A target needs the indicator it is read from.
error-goal-years = The target year must come after the baseline year.
error-goal-past = The target year lies in the past.
error-goal-tolerance = The tolerance lies between 0 and 100 %.
error-goal-level = Outcome goals belong to impact goals, action goals to outcome goals.
error-goal-parent = Outcome and action goals belong to a goal above them.
error-goal-target-whole = Baseline and target each need a year and a value.
nav-steering = Steering
measures-title = Measures
measures-none = No measures yet.
measure = Measure
measure-status = Status
measure-status-idea = idea
measure-status-planned = planned
measure-status-running = running
measure-status-done = done
measure-status-stopped = stopped
measure-lead = Lead
measure-period = Period
measure-budget = Budget (EUR)
measure-starts-on = Start
measure-ends-on = End
measure-new = New measure
measure-save = Save measure
error-measure-dates = The end lies before the start.
kind-body-kind = Kinds of bodies
nav-bodies = Bodies
bodies-title = Bodies
bodies-intro = Steering group, working groups and network conference: meetings, minutes, decisions and tasks.
bodies-none = You are not in any body yet.
body = Body
body-kind = Kind
body-members = Members
body-name = Name of the body
body-new = New body
body-next-meeting = Next meeting
body-save = Create body
calendar-title = Calendar
calendar-intro = This body's meetings as a calendar subscription (iCalendar): add the link in Outlook, Thunderbird or on your phone as an internet calendar. Whoever has the link sees the meetings' titles, times and places — share it with members only.
calendar-link = Subscription link
calendar-download = Open calendar file (.ics)
calendar-renew = Create a new link
calendar-renew-hint = The old link stops working; every subscription must be added again.
meetings-title = Meetings
meetings-none = No meetings yet.
meetings-upcoming = Upcoming
meetings-past = Past
meeting-new = Plan a meeting
meeting-date = Day
meeting-starts = Starts (time)
meeting-ends = Ends (time)
meeting-place = Place
meeting-agenda = Agenda
meeting-agenda-hint = One agenda item per line.
meeting-agenda-none = No agenda entered.
meeting-save = Save meeting
meeting-attendance = Present
meeting-minutes = Minutes
meeting-minutes-hint = Markdown: # heading, **bold**, - list, [text](https://…). HTML is not accepted.
meeting-minutes-save = Save minutes and attendance
meeting-minutes-none = No minutes yet.
meeting-minutes-as-read = As members read it
meeting-minutes-updated = Last changed: { $moment }
meeting-has-minutes = minutes
meeting-decisions-count = { $count ->
    [one] 1 decision
   *[other] { $count } decisions
}
decisions-title = Decisions
decisions-none = No decisions yet.
decision-new = Record a decision
decision-text = Decision
decision-save = Save decision
tasks-title = Tasks
tasks-none = No tasks.
tasks-open = Open tasks
tasks-mine-title = My tasks
tasks-mine-intro = Tasks from the bodies you are a member of. An e-mail reminds you three days before the deadline.
tasks-all-open = All open tasks
task = Task
task-owner = Owner
task-due = Deadline
task-status = Status
task-status-open = open
task-status-done = done
task-status-dropped = dropped
task-overdue = overdue
task-no-owner = nobody (member left)
task-from-meeting = from the meeting
task-new = New task
task-save = Save task
member-name = Name
member-organisation = Organisation
member-no-organisation = none (administration, politics)
member-email = E-mail (for reminders)
member-role = Role in the body
member-role-chair = Chair
member-role-deputy = Deputy
member-role-member = Member
member-role-office = Office
member-role-guest = Guest
member-decides = Decides
member-decides-long = Can decide for their organisation
member-account = Account in kette
member-account-hint = With an account the member sees the body, keeps its meetings and finds their tasks under “My tasks”.
member-new = Add member
member-save = Save member
member-leaves = Leaves
member-left-on = left on { $date }
error-meeting-ends-before-start = The meeting ends before it starts.
error-meeting-too-long = A meeting lasts at most three days.
error-agenda-too-long = At most 40 agenda items.
error-minutes-html = The minutes contain HTML (for example <script>). Please write Markdown; nothing was saved.
error-minutes-link = A link in the minutes is not a web, mail or phone address; nothing was saved.
error-task-owner = A task needs an owner from the body's members.
error-task-due = A task needs a deadline.
error-time = Please give a time of day (HH:MM).
mail-task-subject = kette: deadline on { $due } – { $title }
mail-task-body = Hello,
    
    the task “{ $title }” of the body “{ $body }” is due on { $due }.
    
    Your tasks: { $url }
mail-task-footer = kette sent this reminder automatically, once per task three days before the deadline.
cli-reminded-tasks = { $municipality }: sent { $sent } deadline reminders about body tasks; failed: { $failed }.
meeting-minutes-problem = Line { $line }: { $what }
nav-proposals = Proposals
proposals-title = Proposals from the child's point of view
proposals-intro = Working groups submit proposals; the steering group scores them on weighted criteria and decides. Accepted proposals become measures.
proposals-ranking = Ranking of open proposals
proposals-rule = Total = weighted mean of the scores (0–5); the share shows how much each criterion contributes. Missing scores do not count as 0.
proposals-none-open = No open proposals.
proposals-decided = Decided
proposals-none-decided = Nothing decided yet.
proposal = Proposal
proposal-rank = Rank
proposal-total = Total
proposal-share = share
proposal-missing-scores = { $count ->
    [one] 1 score missing
   *[other] { $count } scores missing
}
proposal-new = Submit a proposal
proposal-problem = The problem as the child meets it
proposal-problem-hint = What does a child experience, where does the chain break?
proposal-body = Submitted by (body)
field-life-phase = Life phase
field-transition = Transition
proposal-benefit = Expected benefit
proposal-cost = Cost (EUR)
proposal-partners = Partners involved
proposal-submit = Submit proposal
proposal-criteria = Scoring criteria
proposal-weights = Weights (0–10)
proposal-weights-save = Save weights
proposal-scores = Scores
proposal-scores-save = Save scores
proposal-need-hint = Need: the needs analysis (the proposal's life phase and area) shows where the chain is thin.
proposal-decision = Decision
proposal-accept = Accept and create the measure
proposal-accept-hint = The measure takes title, problem, benefit, life phase, area and cost and is then listed as “planned” in steering.
proposal-reason = Reason for rejecting
proposal-reject = Reject
proposal-waiting = The steering group has not decided yet.
proposal-status-submitted = submitted
proposal-status-accepted = accepted
proposal-status-rejected = rejected
error-proposal-decided = This proposal is decided already.
error-proposal-reason = A rejection needs a reason.
error-score = A score lies between 0 and 5.
error-weight = A weight lies between 0 and 10.
cycle-title = Strategy cycle
cycle-intro = Build-up, implementation, consolidation: what each phase asks for and what makes it succeed — with date and evidence (decision, measure or document). What is open is marked “open”.
cycle-current = Current phase
cycle-current-short = current
cycle-none = No phase set yet.
cycle-since = since { $date }
cycle-since-label = Since
cycle-history = Earlier phases
cycle-change-phase = Change phase
cycle-phase = Phase
cycle-phase-save = Save phase
cycle-phase-build-up = Build-up
cycle-phase-implementation = Implementation
cycle-phase-consolidation = Consolidation
cycle-kind = Kind
cycle-kind-activity = Activities
cycle-kind-success-factor = Success factors
cycle-progress = { $done } of { $total } achieved
cycle-done = achieved
cycle-open = open
cycle-record = Record as achieved
cycle-edit-check = Change
cycle-done-on = Achieved on
cycle-evidence = Evidence
cycle-evidence-decision = Decision
cycle-evidence-measure = Measure
cycle-evidence-document = Document
cycle-evidence-url = Address of the document
cycle-note = Note
cycle-record-save = Record
cycle-uncheck = Reopen
cycle-rename = Rename
cycle-hide = Take off the list
cycle-add-item = Add item
error-code = The code consists of lower-case letters, digits and _.
error-cycle-evidence = Please choose the decision or the measure.
error-date-future = The date lies in the future.
steering-sections = Parts of steering
mail-survey-subject = Network self-assessment { $year } – { $municipality }
mail-survey-body = Hello,
    
    how well does the network of the prevention chain { $municipality } work together? Please rate twelve statements (about 3 minutes). Answers are anonymous: the link works once and is not stored with your answer; results show from 5 answers on.
    
    Your personal link: { $url }
mail-survey-footer = Please do not forward the link; every contact person gets their own.
nav-survey = Self-assessment
survey-title = Network self-assessment
survey-intro = Once a year the partners rate how far the success factors of network work hold — anonymously, by one-time links sent by e-mail. Results show per statement from 5 answers on.
survey-results = Results by year
survey-no-results = No answers yet.
survey-scale = Mean on a scale from 1 (does not hold) to 5 (fully holds), number of answers in brackets.
survey-factor = Statement
survey-mean = { $mean } ({ $count })
survey-too-few = fewer than 5 answers
survey-trend-up = better than the year before
survey-trend-down = worse than the year before
survey-trend-same = as the year before
survey-rounds = Survey rounds
survey-no-rounds = No survey yet.
survey-round-line = { $count ->
    [one] { $sent } links sent, 1 answer
   *[other] { $sent } links sent, { $count } answers
}
survey-round-open = running
survey-round-closed = closed
survey-close = Close
survey-open-round = Start a new round
survey-addresses = { $count ->
    [one] The links go to 1 address (partners' contact persons, body members from organisations, partner accounts).
   *[other] The links go to { $count } addresses (partners' contact persons, body members from organisations, partner accounts).
}
survey-year = Year
survey-send = Send the links
survey-sent = { $count ->
    [one] 1 link sent.
   *[other] { $count } links sent.
}
survey-form-title = Network self-assessment
survey-form-intro = How far do these statements hold for our network? 1 = does not hold, 5 = fully holds. Leave open what you cannot judge.
survey-scale-low = does not hold
survey-scale-high = fully holds
survey-cannot-judge = cannot judge
survey-anonymous = Your answer is anonymous: the link works once, and kette does not store which link an answer came from. No sign-in, no cookie.
survey-submit = Send answers
survey-thanks = Thank you! Your answers are saved.
survey-link-used = This link has been answered with already. Every link works once.
survey-link-closed = This survey has ended.
survey-link-unknown = kette does not know this link. Please check that it is complete.
survey-factor-smart-goals = We have agreed clear (SMART) goals together.
survey-factor-shared-vision = We have developed a shared vision.
survey-factor-reciprocity = Giving and taking in the network are balanced.
survey-factor-connectivity = The network's work connects with our own work.
survey-factor-visible-benefit = The network's benefit is visible to us.
survey-factor-trust = There is a culture of trust in the network.
survey-factor-contact-persons = Contact persons are named and known.
survey-factor-knowledge-transfer = Knowledge is passed on in the network.
survey-factor-conflict-handling = Conflicts are handled openly and fairly.
survey-factor-structure = The network's organisation structure is clear.
survey-factor-identity = The network has an agreed overall concept and its own identity.
survey-factor-documentation = Results of the work are documented.
error-survey-empty = Please rate at least one statement.
error-survey-scale = Please choose a value from 1 to 5.
error-survey-twice = Each statement once.
error-survey-no-addresses = There is no address kette can send links to (partners' contact persons with an e-mail).
error-survey-no-mailer = No mail server configured: the links can only go by e-mail, so that nobody knows whose link is whose.
error-survey-year-taken = There is a survey for this year already.
dashboard-title = Overview
dashboard-proposals-open = { $count ->
    [one] 1 open proposal
   *[other] { $count } open proposals
}
dashboard-tasks-open = { $count ->
    [one] 1 open task
   *[other] { $count } open tasks
}
dashboard-tasks-overdue = { $count } overdue
dashboard-decisions = { $count ->
    [one] 1 decision in the last twelve months
   *[other] { $count } decisions in the last twelve months
}
dashboard-cycle-open = Still open:
dashboard-survey-line = { $year }: mean { $mean } of 5; weakest: “{ $weakest }”
dashboard-gaps = Gaps in the chain
dashboard-no-gaps = Every life phase has offers in every field.
dashboard-gaps-count = { $count ->
    [one] 1 cell of the chain matrix without an offer:
   *[other] { $count } cells of the chain matrix without an offer:
}
measure-districts = Districts and areas
measure-districts-hint = No selection: the whole municipality. Choose several with Ctrl (Mac: Cmd).
measure-partners = Organisations taking part
measure-offers = Linked offers
measure-offers-none = No offers linked yet – search below.
measure-from-proposal = Accepted from the proposal
measure-edit = Edit the measure
measure-search = Search offers and organisations
measure-search-hint = Matches appear above as choices; nothing is saved until “Save measure”.
measure-search-button = Search
measure-search-nothing = Nothing found for “{ $q }”.
error-measure-lead-twice = The lead organisation is already the lead; do not also choose it as a partner.
goal-children = Sub-goals
goal-no-measures = No measure serves this goal yet.
goal-course = Course
goal-no-values = There are no published values for this goal; its state is “no data”.
goal-values-caption = Values the state is computed from
goal-expected = Path
goal-edit = Edit the goal
dashboard-survey-too-few = { $year }: too few answers yet to show results (five or more).
goal-responsible-body = Responsible body
cli-network-exported = { $file }: wrote the network of { $nodes } organisations and { $edges } ties.
cli-network-metrics = { $nodes } nodes, { $edges } edges, density { $density }, { $components } components. The ten with the highest betweenness (degree, betweenness, closeness):
kind-agreement-kind = Kinds of cooperation
error-agreement-parties = An agreement needs at least two different organisations – an organisation does not agree with itself.
error-agreement-duty-party = A duty belongs to one of the organisations that agreed.
error-agreement-duty-task = Please describe the duty.
network-title = The prevention chain's network
network-size = Size
network-connected = Organisations with ties
network-connected-of = { $connected } of { $all }
network-ties = Ties
network-isolated = Organisations without ties
network-sources = Two organisations are tied where they have an agreement in force, sit in the same body or carry a measure together.
network-ties-by-kind = Ties by kind
network-tie-kind = Kind
network-tie-shared-body = Shared body
network-tie-joint-measure = Joint measure
network-brokers = Brokers
network-brokers-rule = Betweenness: the share of shortest paths between two other organisations that pass through this one (0 to 1). Closeness: how close it is to all others, weighted after Wasserman and Faust where the network falls apart. Computed as networkx does.
network-none = No ties yet.
network-betweenness = Betweenness
network-closeness = Closeness
network-export = Download the network:
network-agreements = Cooperation agreements
network-agreements-none = No agreements yet.
network-agreement = Agreement
network-parties = Parties
network-not-in-force = not in force now
nav-network = Network
agreement-new = New cooperation agreement
agreement-edit = Edit the agreement
agreement-parties-none = No parties yet – search below.
agreement-search = Search organisations
agreement-since = In force since
agreement-until = In force until
agreement-duties = Who does what
agreement-task = Duty
agreement-contacts = Contact persons (one per line)
agreement-document = Document (web address)
agreement-save = Save the agreement
network-across-domains = Ties across domains (by the domain of most of an organisation's offers)
chain-next-title = What comes next?
chain-next-lead = These offers follow on well:
chain-before = What comes before
chain-offer-title = Steps of the chain
chain-offer-none = Not yet linked to another offer as a step.
chain-search = Find the next step (title or provider)
chain-choose-next = Which offer comes next?
chain-at-transition = At the transition
chain-within-phase = Within the life phase
chain-add = Link as the next step
chain-remove = Unlink
chain-remove-named = Unlink: { $title }
error-chain-self = An offer cannot come next after itself.
error-chain-duplicate = This step is linked already.
error-chain-cycle = This link would close a cycle: { $path }. The next steps would lead a family back to the start.
error-chain-choose = Please choose the offer that comes next.
chain-title = The chain: steps and transitions
chain-lead = Which offers follow one another as steps, and which transitions no offer and no link bridges.
chain-show = Show
chain-transitions = Transitions
chain-between = Between
chain-offers-naming = Offers at the transition
chain-links = Linked steps
chain-state = State
chain-bridged = bridged
chain-unbridged = not bridged
chain-unbridged-count = { $count ->
    [one] 1 transition is bridged by no offer and no link.
   *[other] { $count } transitions are bridged by no offer and no link.
}
chain-diagram = The chain as a picture
chain-diagram-hint = Columns are life phases, boxes linked offers (dashed: outside the area), arrows the steps; ✓ and ! show whether a transition is bridged. The tables say the same.
chain-no-links = No steps linked yet.
chain-from = From
chain-to = Next
chain-how-to-link = You link steps on the page of the offer the step follows.
chain-phases = Offers by life phase
chain-offers = Active offers
chain-offers-in-phase = { $count ->
    [one] 1 offer
   *[other] { $count } offers
}
chain-more-offers = { $count ->
    [one] + 1 more
   *[other] + { $count } more
}
network-tie-chain-link = Step of the chain
chain-offers-only = by offers only, no linked steps
contacts-by-month = By month
contacts-by-district = By borough (the family's, else the offer's)
contacts-by-life-phase = By life phase
contacts-by-transition = By transition
contacts-by-topic = By topic
contacts-by-offer = By offer referred to
contacts-by-outcome = By outcome
contactoutcome-unknown = not known yet
contactoutcome-reached = reached the offer
contactoutcome-not-reached = did not reach the offer
contact-saved = Contact counted.
contact-new = Log a contact
contact-offer-search = Find the offer referred to
contact-date = Date of the contact
contact-topic = Topic
contact-offer = Offer referred to
contact-no-offer = none (advice only)
contact-outcome = Outcome
contact-save = Count the contact
contact-follow-up = Follow-up
contact-follow-up-hint = Referrals of the last 90 days without an outcome. Record whether the family got there – nothing more is kept.
contact-follow-up-none = Nothing to follow up.
contact-counts = Counts
contact-from = From
contact-to = To
contact-total = Contacts in the period: { $count }
contact-small-withheld = small numbers are withheld to protect the families (<3)
contact-csv = Counts as CSV
error-contact-future = A contact is logged on or after the day it happened.
error-contact-old = Contacts are logged within a year.
error-contact-about = Please give the life phase, the topic or the offer.
contact-other-offers = all other offers
events-title = Events and trainings
events-lead = Specialist days, trainings, the yearly introduction for new staff, kick-offs and network conferences of the prevention chain. Participants are counted by organisation and profession, without names.
event-new = New event
events-feed = Subscribe to the calendar (public events):
events-feed-full = All events, internal ones too (secret link, do not share):
events-upcoming = Coming up
events-none = No events.
events-past = So far in { $year }
events-reach = { $participants } participations from { $organisations } partner organisations.
event = Event
event-when = When
event-participants = Participants
event-participants-total = Participants: { $count }
event-by-profession = Participations by profession
event-profession = Profession
event-internal = internal
event-place = Place
event-organiser = Organised by
event-no-partner = no partner organisation
event-edit = Edit the event
event-details = Details
event-kind = Kind
event-starts = Starts
event-ends = Ends
event-public = Public (visible to everyone and in the public calendar)
event-attendance = Participants by organisation and profession
event-attendance-hint = Numbers only, no names. One row per organisation and profession.
event-save = Save the event
eventkind-specialist-day = Specialist day
eventkind-training = Training
eventkind-introduction = Introduction for new staff
eventkind-kick-off = Kick-off
eventkind-network-conference = Network conference
eventkind-other = Other
profession-social-work = Social work
profession-education = Education (daycare, school)
profession-health = Health
profession-administration = Administration
profession-volunteer = Volunteers
profession-other = Other
error-event-end = The event ends after it starts.
error-event-long = An event lasts at most five days; a series is several events.
error-event-count = Please give a count from 1 to 5,000 in each row.
error-event-twice = Each organisation and profession once.
error-event-profession = Please choose a profession in each row.
error-datetime = Please give a date and time.
funding-title = Funding and consolidation
funding-lead = Who pays for offers, measures and coordination posts, for how long – and what ends in the next twelve months with nothing to follow.
funding-new = Record new funding
funding-edit = Edit the funding
funding-record = Funding
funding-radar = Radar: ends within the next twelve months
funding-radar-none = No funding ends within twelve months without a follow-up.
funding-radar-count = { $count ->
    [one] 1 offer, measure or post loses its money within twelve months with nothing to follow.
   *[other] { $count } offers, measures or posts lose their money within twelve months with nothing to follow.
}
funding-subject = What is funded
funding-subject-offer = Offer
funding-subject-measure = Measure
funding-subject-post = Coordination post
funding-post-title = Name of the post
funding-runs-out = Money ends on
funding-months-left = { $count ->
    [one] 1 month left
   *[other] { $count } months left
}
funding-at-stake = What is at stake
funding-referrals = { $count ->
    [one] 1 referral in 12 months
   *[other] { $count } referrals in 12 months
}
funding-places = { $count ->
    [one] 1 place
   *[other] { $count } places
}
funding-permanent = Offers on permanent funding
funding-permanent-hint = At mid-year, among offers whose funding is known; regular budgets count as permanent.
funding-offers-funded = Offers with known funding
funding-offers-permanent = of which permanent
funding-share = Share
funding-records = All funding records
funding-records-none = No funding recorded yet.
funding-offer-search = Find the offer
funding-offer-hint = Search for the offer above.
funding-save = Save the funding
error-funding-subject = Please choose what is funded (for an offer: the offer).
error-funding-end = Project money and donations end: please give the end date.
error-amount = Please give an amount in euros, e.g. 45,000.
engagement-title = Engagement: donations and volunteering
engagement-lead = What offers and measures need, what businesses, foundations, clubs and citizens give – and whether it arrives: offered, matched, delivered, thanked.
engagement-needs = Needs
engagement-needs-none = No needs recorded yet.
engagement-need = Need
engagement-for = For
engagement-kind = Kind of help
engagement-matching = Matching gifts
engagement-match = Match
engagement-met = met
engagement-need-new = Record a need
engagement-need-what = What would help?
engagement-need-save = Save the need
engagement-gifts = Help offered
engagement-gifts-none = Nothing offered yet.
engagement-gift = Help
engagement-giver = Who gives
engagement-giver-name = Name of the business, foundation or club
engagement-giver-name-hint = Citizens are not entered by name.
engagement-gift-what = What is offered?
engagement-amount = Amount (for donations of money)
engagement-hours = Hours (for volunteer time)
engagement-offered-on = Offered on
engagement-gift-new = Record help offered
engagement-gift-save = Save the help offered
engagement-status = State
gift-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
gift-mark-delivered = mark as delivered
gift-mark-thanked = mark as thanked
giftkind-money = Money
giftkind-in-kind = In kind
giftkind-time = Volunteer time
giverkind-business = Business
giverkind-foundation = Foundation
giverkind-club = Club
giverkind-citizen = Citizen
giftstatus-offered = offered
giftstatus-matched = matched
giftstatus-delivered = delivered
giftstatus-thanked = thanked
error-need-subject = A need belongs to exactly one offer or one measure.
error-gift-citizen-named = Citizens are not entered by name – please leave the name empty.
error-gift-hours = Please give the hours as a whole number.
error-gift-unmatched = Match it to a need first, then deliver and thank.
error-gift-kind = The need asks for another kind of help.
network-change = Change since { $date }
network-then = then
network-now = today
network-density = Density
network-components = Separate parts (singles included)
network-newly = { $count ->
    [one] 1 organisation newly tied:
   *[other] { $count } organisations newly tied:
}
network-lost = { $count ->
    [one] 1 organisation no longer tied:
   *[other] { $count } organisations no longer tied:
}
network-coverage = Life phases and transitions in the network
network-coverage-hint = How many of the organisations whose offers serve a life phase or transition are tied into the network.
network-coverage-of = Life phase or transition
network-serving = Organisations with offers
network-serving-connected = of which tied
cli-agreements-valid = { $file }: { $agreements } agreements with { $duties } duties are valid; nothing written (dry run).
cli-agreements-imported = { $added } agreements added and { $replaced } replaced, with { $duties } duties, in { $municipality }.
agreement-propose-change = Propose a change to the agreement
agreement-propose-change-short = propose a change
agreement-propose-new = Propose a new agreement
agreement-propose-hint = The coordination reviews and approves your proposal; until then the agreement stands as it is.
agreement-propose-send = Send the proposal
agreement-proposal-sent = Your proposal is with the coordination.
agreement-proposals = Partners' proposals
agreement-proposal = Proposal
agreement-proposal-by = by { $organisation }
agreement-proposal-change = change
agreement-proposal-new = new agreement
agreement-proposal-what = Kind
agreement-proposal-state = State
agreement-proposal-state-pending = awaiting approval
agreement-proposal-state-approved = approved
agreement-proposal-state-rejected = rejected
agreement-proposal-now = Now
agreement-proposal-proposed = Proposed
agreement-proposal-reason = Reason (needed to reject)
agreement-proposal-approve = Approve
agreement-proposal-reject = Reject
agreement-proposal-decided = This proposal has been decided already.
error-agreement-own-party = Your organisation stays a party to the agreement.
error-reject-reason = Please say why, so the partner can improve the proposal.
network-picture = The network as a picture
network-picture-hint = Tied organisations as dots, coloured by domain, sized by ties. With JavaScript the picture zooms and an organisation can be tapped; the tables below say the same.
network-no-domain = no offers
network-choose = Highlight an organisation
network-bridges = Bridges between domains
network-bridges-rule = Organisations tied to organisations of other domains, most domains first: they join health, youth welfare, education and social services.
network-own-domain = Own domain
network-other-domains = Tied to
network-ties-across = Ties across domains
cycle-events = Events of this phase
review-agreement-proposals = Proposals for cooperation agreements
engagement-partner-lead = Record what your offers need. The coordination matches donations and volunteer help to it.
cli-reach-network = { $file }: "{ $profile }" network from { $ways } ways: { $nodes } nodes, { $junctions } junctions, { $edges } edges, { $components } connected parts ({ $seconds } s).
cli-reach-missing-nodes = Note: { $count } node references are missing from the file (the extract's border); the ways are split there.
cli-reach-warning = Warning: { $warning }
cli-reach-kind = { $kind } ({ $destinations } destinations): { $five } % within 5 minutes, { $ten } % within 10, { $fifteen } % within 15, { $cutoff } % within { $minutes } minutes.
cli-reach-written = { $file }: wrote { $rows } rows for { $origins } origins ({ $seconds } s). Data © OpenStreetMap contributors (ODbL).
cli-reach-nearest-written = { $file }: wrote { $rows } rows ({ $nodes } nodes, { $edges } edges; { $seconds } s, of which reading { $read } s, search { $search } s).
cli-reach-graph-written = { $file }: wrote { $edges } edges and { $nodes } nodes. Data © OpenStreetMap contributors (ODbL).
needs-title = Supply and needs analysis
needs-lead = Where many children live, deprivation is high and the prevention chain is thin: offers per life phase and area against the number of children, weighted by a deprivation indicator. The gaps come first, the method below.
needs-level = Area level
needs-year = Population year
needs-indicator = Deprivation indicator
needs-indicator-none = none (all areas weighted alike)
needs-weight = Weight of deprivation
needs-weight-hint = 0 to 5; at 1 the children in the most deprived area count twice.
needs-per = Coverage per … children
needs-min-children = Gaps only from … children
needs-show = Show
needs-csv = Table as CSV
needs-errors = Some choices could not be read; the defaults apply instead.
needs-error-number = Please enter a number.
needs-error-range = Outside the allowed range (weight 0 to 5, coverage per at least 1 child, minimum from 0).
needs-how = How it is computed
needs-formula = Need = children of the life phase × (1 + { $weight } × deprivation rank). Coverage = offers in the area per { $per } weighted children. A gap is where at least one offer is missing to reach the municipality's median coverage; the list starts with the most offers missing.
needs-rank-from = Deprivation rank: the area's place by “{ $indicator }” ({ $year }), 0 = least, 1 = most deprived.
needs-rank-none = Without a deprivation indicator every area counts with the middle rank 0.5.
needs-estimate-hint = Children per life phase are estimated from the published age groups (spread evenly over their years). Active offers with a place in the area count; offers without a place count for no area.
needs-withheld-districts =
    { $count ->
    [one] In { $count } area figures are withheld to protect small numbers; it gets no value there.
   *[other] In { $count } areas figures are withheld to protect small numbers; they get no value there.
}
needs-gaps = Gaps, ordered by offers missing
needs-gaps-none = No gap by this computation.
needs-gaps-count =
    { $count ->
    [one] { $count } gap.
   *[other] { $count } gaps.
}
needs-gaps-shown =
    { $count ->
   *[other] The first { $count } are listed here, all of them in the CSV table.
}
needs-district = Area
needs-phase = Life phase
needs-children = Children
needs-offers = Offers
needs-missing = offers missing
needs-reasons = Reasons
needs-reason-no-offer = no offer of this life phase in the area
needs-reason-below-median = coverage { $coverage } below the median { $median }
needs-reason-deprivation = among the most deprived areas (rank { $rank } %)
needs-reason-many-children = many children of this life phase ({ $children })
needs-reason-few-places = { $places } places per 100 children, median { $median }
needs-matrix = Coverage by area and life phase
needs-matrix-hint = Per cell: coverage, below it offers · children. “–”: no children or no need; “protected”: figures withheld to protect small numbers.
needs-rank = Rank
needs-median = Median
needs-withheld = protected
needs-reason-far-to-walk = only { $share } % of the children within a 10-minute walk (estimate)
needs-walk-share = { $share } % on foot
needs-walk-estimate = “on foot”: share of the children who reach an offer of the life phase within a 10-minute walk – estimated while no street network is imported: straight line × 1.3 at 4.8 km/h, the children spread evenly over the area (200 m grid).
needs-transitions = Transitions without a bridge
needs-transitions-hint = Areas where no offer located there names the transition and no step of the chain starts or ends there; those with the most children of the following life phase first (in brackets). The first 20 are listed; each name leads to the area's chain.
needs-unbridged-none = In every area at least one offer or step bridges this transition.
needs-unbridged-count =
    { $count ->
    [one] { $count } of { $of } areas without a bridge:
   *[other] { $count } of { $of } areas without a bridge:
}
scenario-title = Scenarios
scenario-lead = “What if …”: add a planned offer or close an existing one and see how coverage, gaps and walking reach change before deciding. Scenarios change no offers.
scenario-none = No scenario yet.
scenario-name = Name
scenario-description = Description
scenario-changes = Changes
scenario-updated = Last changed
scenario-compare = Compare scenarios
scenario-compare-a = First scenario
scenario-compare-b = Second scenario
scenario-compare-button = Compare
scenario-compare-none = Please choose two scenarios.
scenario-compare-hint = Per life phase: today and with each scenario's changes, at the level and with the formula of the needs analysis.
scenario-today = Today
scenario-new = New scenario
scenario-create = Create scenario
scenario-changes-none = No change yet – add a planned offer or close an offer below.
scenario-remove = Remove
scenario-outcome = Outcome
scenario-outcome-hint = Today → with this scenario, level “{ $level }”; coverage computed as in the needs analysis, gaps measured against today's median (otherwise every closure would look like progress).
scenario-walk-estimate = Walks are estimated (straight line × 1.3 at 4.8 km/h).
scenario-summary = Per life phase, whole municipality
scenario-places-col = Places
scenario-gaps-col = Gaps
scenario-walk-col = Children within a 10-minute walk
scenario-per-100-col = Places per 100 children
scenario-gap-col = Gap
scenario-cells = Areas that change
scenario-cells-none = No area changes.
scenario-cells-count =
    { $count ->
    [one] { $count } area and life phase changes.
   *[other] { $count } areas and life phases change.
}
scenario-plan = Add a planned offer
scenario-label = Name
scenario-district = Area
scenario-district-hint = Key or exact name, e.g. from the suggestions.
scenario-places-field = Places (if known)
scenario-point = Location (optional)
scenario-point-hint = Latitude and longitude in degrees, e.g. 52.52 and 13.40. Without a location the offer stands at the centre of the area for the walking estimate.
scenario-lat = Latitude
scenario-lon = Longitude
scenario-plan-button = Add
scenario-close = Close an offer
scenario-close-search = Find an offer
scenario-close-none = No offer found.
scenario-closed-already = closes in this scenario
scenario-close-button = Close in this scenario
scenario-delete = Delete scenario
scenario-change-close = Closes: { $offer }
scenario-change-plan = Planned: { $label } in { $district } – { $phases }, { $places }, location { $at }
scenario-no-effect-offer = (does not count here: not active or without a place in an area)
scenario-no-effect-place = (cannot be placed in an area of this level – please give a location)
scenario-no-gap = none
scenario-gap-missing = { $missing } missing
scenario-places =
    { $count ->
    [one] { $count } place
   *[other] { $count } places
}
scenario-places-unknown = places unknown
scenario-at-centre = centre of the area
scenario-error-district-ambiguous = Several areas have this name – please give the key.
scenario-error-places = At most 100,000 places.
needs-scenarios-link = Scenarios: “what if …”
scenario-change-close-hidden = Closes: an offer you may not see
needs-follow-up = Follow-up
needs-gap-title = Gap
needs-gap-figures = Figures
needs-gap-coverage = Coverage
needs-gap-no-figures = There are no figures for this area and life phase that you may see.
needs-gap-missing = { $missing } offers are missing to reach the municipality's median.
needs-gap-not-now = By the default computation this is not a gap at present.
needs-gap-chain = The prevention chain in the area
needs-gap-profile = Area profile
needs-gap-follow-up = What happens next
needs-gap-measure = Measure
needs-gap-proposal = Proposal
needs-gap-no-comments = No comment yet.
needs-gap-untouched = No one has taken up this gap yet.
needs-gap-state = State
needs-gap-state-open = Open
needs-gap-state-addressed = Being addressed
needs-gap-state-no-action = Deliberately no action (with a reason)
needs-gap-about-this = about this area and life phase
needs-gap-new-proposal = Submit a new proposal for this gap
needs-gap-comment = Comment
needs-gap-save = Save
needs-gap-error-addressed = Please choose the measure or proposal that addresses the gap.
needs-gap-error-reason = Please give the reason why nothing is done.
needs-gap-proposal-problem = The needs analysis shows a gap for { $phase } in { $district }.
needs-gap-comments =
    { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
needs-followed = Gaps taken up
needs-followed-none = No gap has been commented on or linked to a measure yet. Each gap above leads to its page.
inventory-title = Inventory: offers per area
inventory-lead = Which offers exist per area – by life phase, field, transition or target group. An offer for several life phases counts in each.
inventory-dimension = Arrange by
inventory-summary = { $offers } offers with a place in { $areas } areas; none in { $without } areas.
inventory-hint = Active offers with a place you may see are counted; offers without a place count for no area. Each number leads to the list of offers.
inventory-map = Map
inventory-term = On the map
inventory-map-title = Offers per area: { $term }
inventory-map-hint = The table below holds the same numbers.
inventory-table = Table
inventory-all = All offers
inventory-whole = Whole municipality
needs-inventory-link = Inventory: which offers exist per area
cli-street-network-imported = { $file }: street network '{ $profile }' stored for { $municipality } – { $ways } ways, { $junctions } junctions, { $edges } edges ({ $seconds } s). Data © OpenStreetMap contributors, ODbL.
needs-walk-network = “on foot”: share of the children who reach an offer of the life phase within a 10-minute walk – measured on the street and path network (OpenStreetMap, © OpenStreetMap contributors, ODbL) at 4.8 km/h. An area's children are shared out over its residential buildings by floor area (footprint × storeys; in { $homes } of { $areas } areas), elsewhere evenly over a 200 m grid; points more than 500 m from any path do not count.
needs-reason-far-to-walk-network = only { $share } % of the children within a 10-minute walk (street network)
scenario-walk-network = Walks are measured on the street network (OpenStreetMap, © OpenStreetMap contributors, ODbL).
needs-far = Where the way is long
needs-far-hint-network = Areas and life phases with the most children who reach no offer of their life phase within a 10-minute walk – measured on the street network; the first 30. Each name leads to the gap's page.
needs-far-hint-estimate = Areas and life phases with the most children who reach no offer of their life phase within a 10-minute walk – estimated (straight line × 1.3) while no street network is imported; the first 30. Each name leads to the gap's page.
needs-far-5 = within 5 min
needs-far-10 = within 10 min
needs-far-15 = within 15 min
needs-far-beyond = Children beyond 10 min
walk-title = Within walking reach
walk-network = Measured on the street and path network from { $file } ({ $junctions } junctions, imported { $when }, checksum { $sha }) at 4.8 km/h. Data © OpenStreetMap contributors, ODbL.
walk-estimate = Estimated: straight line × 1.3 at 4.8 km/h while no street network is imported (kette import street-network).
walk-map-title = Share of children within a 10-minute walk: { $phase }
walk-map-hint = Share of the children who reach an offer of the life phase within a 10-minute walk. The table holds the same values and 5 and 15 minutes.
walk-table = { $phase }: children and shares within 5, 10 and 15 minutes on foot, fewest within 10 minutes first
needs-walk-link = Within walking reach: map and table per life phase
walk-runs = Saved results
walk-runs-hint = A saved result keeps the shares of every area of this level with how they were measured – for reports and later comparison. It is computed with the public's view of places; protected places do not shape it.
walk-runs-none = No result saved yet.
walk-run-label = Name of the result
walk-run-save = Save result
walk-method-network = measured on the street network
walk-method-estimate = estimated (straight line × 1.3)
walk-run-when = Saved
walk-run-method = Method
walk-run-checksum = checksum of the extract
walk-run-parameters = Parameters
walk-run-hint = Shares of each area's children who reach an offer of the life phase within 5, 10 and 15 minutes on foot, fewest within 10 minutes first. Street data © OpenStreetMap contributors, ODbL.
walk-network-upload = Import a street network
walk-network-hint = An OpenStreetMap extract cut to the municipality: PBF (e.g. from download.geofabrik.de, with osmium extract) or OSM XML, gzipped or not (.osm, .osm.gz, e.g. from Overpass or JOSM). It is read and built first; only a usable extract replaces the current one.
walk-network-file = File (.osm.pbf, .osm, .osm.gz)
walk-network-import = Import
walk-network-no-file = Please choose a file.
walk-network-refused = { $file } was not imported; the current street network stays: { $cause }
dashboard-needs-gaps =
    { $count ->
    [one] { $count } gap in the needs analysis, { $addressed } of them being addressed.
   *[other] { $count } gaps in the needs analysis, { $addressed } of them being addressed.
}
proposal-need-evidence = Needs analysis, { $phase } in { $district }: { $children } children, coverage { $coverage } (median { $median }), { $walk } within a 10-minute walk, offers missing: { $missing }.
index-note-components = Step { $step }, { $output }: variance explained per principal component { $explained }; loadings of the first: { $loadings }.
index-note-orientation = Step { $step }, { $output }: the score rises with { $anchor } (r = { $r }).
index-note-orientation-weak = Step { $step }, { $output }: the score hardly relates to the anchor { $anchor } (r = { $r }), so its direction is close to arbitrary. Choose an anchor that clearly relates to the index.
index-note-rows-without-value = Step { $step } ({ $kind }): { $missing } of { $rows } rows have no value in { $column }.
index-note-rows-without-value-inputs = Step { $step } ({ $kind }): { $missing } of { $rows } rows have no value in { $column }; missing there: { $inputs }.
index-notes-title = Notes on the computation
index-note-warning = Warning
needs-domain = Field
needs-domain-all = all fields
needs-domain-only = Only offers of the field “{ $domain }” count as supply, and as destinations of the walks. Need (children, deprivation) is unchanged; the standard (median) is taken from the same selection.
needs-domain-follow-up = The follow-up below is for the life phase in this area as a whole.
needs-error-domain = There is no such field; every offer is counted.
proposal-need-suggested = The needs analysis suggests { $score } of 5 for the need criterion ({ $because }).
proposal-need-rule = Rule: no offer 5; coverage under 50 % of the median 4, under 75 % 3, under 100 % 2, under 150 % 1, else 0; one point more each (at most 5) for an area in the most deprived quarter and when fewer than half of the children reach an offer within a 10-minute walk.
proposal-need-preselected = Not scored yet: the needs analysis' suggestion is preselected and counts only once the scores are saved.
need-score-no-offer = no offer of the life phase in the area
need-score-coverage = coverage { $share } % of the median
need-score-deprived = among the most deprived quarter of areas
need-score-far = only { $share } % of the children within a 10-minute walk
cli-census-imported = { $file }: census grid stored for { $municipality } – { $cells } cells in the districts (weight: { $weight }), { $outside } cells outside left out, { $withheld } with a count kept secret. Source: Statistical Offices of the Federation and the Länder, census (dl-de/by-2-0).
needs-walk-census = In { $areas } areas the children live where the census grid counts them (source: Statistical Offices of the Federation and the Länder, census, dl-de/by-2-0); cells with a count kept secret do not count.
walk-raster-title = Walk to the nearest offer: { $phase }
walk-raster-5 = up to 5 minutes
walk-raster-10 = 5 to 10 minutes
walk-raster-15 = 10 to 15 minutes
walk-raster-beyond = more than 15 minutes
walk-raster-off = off the streets
walk-raster-hint-network = Each square (about { $metres } m) shows the way over the street network that half of its children have at most, from where they live. The table below holds the shares per area.
walk-raster-hint-estimate = Each square (about { $metres } m) shows the estimated way (straight line × 1.3) that half of its children have at most, from where they live. The table below holds the shares per area.
walk-census-upload = Import the census grid
walk-census-hint = A grid table of the 2022 (or 2011) census as CSV, e.g. “Alter in 5 Altersklassen” or “Bevölkerungszahl” on the 100 m grid from zensus2022.de. The cells in the municipality's areas are stored; from then on the children live where the census counts them (weighted by the under-18s, else the inhabitants). A file with an unreadable row is refused whole.
walk-census-file = File (.csv)
walk-census-import = Import census grid
walk-census-refused = { $file } was not imported; the current census grid stays: { $cause }
walk-census = Census grid: { $file }, { $cells } cells in the areas, weight { $weight }, imported { $when }.
walk-census-people = inhabitants
walk-mode = Travelling
walk-mode-walking = on foot (4.8 km/h)
walk-mode-cycling = by bike (15 km/h)
walk-error-mode = Unknown way of travelling; walking is shown.
walk-cycling-network = By bike, measured on the cycling network from { $file } ({ $junctions } junctions, imported { $when }, checksum { $sha }) at 15 km/h; one-way streets apply. Data © OpenStreetMap contributors, ODbL.
walk-cycling-estimate = By bike, estimated: straight line × 1.3 at 15 km/h, until a cycling network is imported (profile “cycling”).
walk-map-title-cycling = Share of children within 10 minutes by bike: { $phase }
walk-map-hint-cycling = Share of children who reach an offer of the life phase within 10 minutes by bike. The table holds the same values and 5 and 15 minutes.
walk-raster-title-cycling = By bike to the nearest offer: { $phase }
walk-table-cycling = { $phase }: children and shares within 5, 10 and 15 minutes by bike, fewest within 10 minutes first
walk-network-profile = Network for
walk-runs-walking-only = Runs hold walks; for the bike, the view above applies.
