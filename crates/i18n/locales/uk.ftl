# kette – українська (публічні сторінки; інші сторінки показуються німецькою)
app-name = kette
skip-to-content = Перейти до змісту
nav-main = Головне меню
nav-home = На головну сторінку
nav-search = Знайти послуги
nav-offers = Послуги
nav-organisations = Організації
nav-districts = Райони
nav-district = Район
nav-login = Увійти
nav-logout = Вийти
nav-monitoring = Моніторинг
nav-vocabulary = Словник
nav-synonyms = Синоніми
nav-feedback = Відгуки
language = Мова
fictional = вигаданий
demo-note = Демо зі справжніми відкритими даними Берліна. Облікові записи та особи вигадані.
footer-api = Відкритий інтерфейс (OpenAPI)
footer-statement = Доступність
footer-feedback = Залишити відгук

search-title = Знайдіть послуги для сімей
search-lead = Скажіть нам, скільки років вашій дитині, де ви живете і що шукаєте.
search-age = Скільки років вашій дитині?
search-where = Де ви живете?
search-what = Що ви шукаєте?
search-submit = Шукати
search-results = Результати
offers-found = { $count ->
    [one] { $count } послуга
    [few] { $count } послуги
   *[other] { $count } послуг
}
offer-where = Де?
confidential = конфіденційна адреса

filter-any = усі
filter-cost = Вартість
filter-district = Район
filter-life-phase = Етап життя
field-access = Доступ
field-age = Вік
field-contact-email = Ел. пошта
field-contact-phone = Телефон
field-cost = Вартість
field-languages = Мови
field-last-verified = Востаннє перевірено
field-website = Вебсайт
pager = Сторінки
pager-prev = Попередня сторінка
pager-next = Наступна сторінка
pager-page = Сторінка
cost-free = безкоштовно
cost-reduced = зі знижкою (Bildung und Teilhabe)
cost-fee = платно
access-open = відкрито, без реєстрації
access-registration = за реєстрацією
access-referral = за направленням
offerstatus-draft = чернетка
offerstatus-active = активна
offerstatus-paused = призупинена
offerstatus-ended = завершена
age-years = { $count } р.
age-months = { $count } міс.
finder-age-years = { $count ->
    [one] { $count } рік
    [few] { $count } роки
   *[other] { $count } років
}

finder-errors = Будь ласка, перевірте ваші дані
finder-age-any = неважливо / не вказано
finder-age-expecting = Ми чекаємо на дитину
finder-age-baby = до 1 року
finder-near-hint = вулиця або поштовий індекс, напр. Müllerstraße або 13353
finder-q-hint = напр. група для малюків, акушерка, допомога з домашніми завданнями
finder-more = Інші параметри пошуку
finder-radius = Щонайбільше на такій відстані
finder-radius-any = неважливо
finder-topic = Тема
finder-language = Мова, якою там говорять
finder-new-search = Новий пошук
finder-place-unknown = Ми не знаємо цієї вулиці чи поштового індексу, тому результати не впорядковані за відстанню.
finder-distance-from = Відстань виміряно від: { $place }
finder-nothing = Ми не знайшли нічого відповідного. Спробуйте вказати менше даних або інше слово.
finder-what = Що?
finder-when = Коли?
finder-where = Де?
finder-how = Як туди дістатися?
finder-show-all-distances = Показати всі, незалежно від відстані
finder-show-further = Показати й віддаленіші (до { $radius })
finder-nearest-first-within = Спочатку найближчі, у радіусі { $radius }.
finder-nearest-first = Спочатку найближчі.
finder-ages = Вік
finder-cost = Вартість
finder-access = Доступ
finder-address-on-request = Адреса на запит (захищене місце)
finder-back = Назад до результатів
finder-back-offer = Назад до послуги
finder-easy-language = Читати простою німецькою (Leichte Sprache)
finder-standard-language = Читати звичайною мовою
finder-print = Друкувати
finder-print-hint = Надрукуйте цю сторінку за допомогою функції друку вашого браузера.
finder-not-translated = Цей текст доступний лише німецькою.
finder-spoken = Мови, якими там говорять
finder-internal = Лише для фахівців
finder-no-note = Немає внутрішньої нотатки.
finder-report-error = Повідомити про помилку в цій послузі
referral-title = Направлення для сім’ї
referral-privacy = Жодних даних про сім’ю не зберігається, лише анонімний підрахунок (дата, район, життєва фаза, перехід, тема, пропозиція, результат).
referral-language = Мова сім’ї
referral-submit = Створити направлення
referral-sheet = Направлення

statement-title = Заява про доступність
statement-scope = Ця заява стосується публічного пошуку послуг ланцюга профілактики { $municipality } (пошук, результати, сторінки послуг, версії для друку, ця заява та форма відгуку).
statement-status-title = Стан відповідності
statement-status = Сторінки мають відповідати вимогам BITV 2.0 та WCAG 2.1 рівня AA. Вони працюють без JavaScript, з клавіатурою та програмами зчитування з екрана, зі збільшеним шрифтом і німецькою, англійською, турецькою, арабською та українською мовами.
statement-limits-title = Недоступний вміст
statement-limit-translations = Описи послуг часто доступні лише німецькою; сторінка це позначає.
statement-limit-map = Мапа є доповненням; уся її інформація є також у текстовому списку.
statement-limit-internal = Сторінки для фахівців доступні німецькою та англійською.
statement-method-title = Як підготовлено цю заяву
statement-method = Кожна зміна автоматично перевіряється за допомогою axe-core у справжньому браузері, німецькою та арабською, і тестується лише з клавіатурою.
statement-feedback-title = Повідомити про бар’єри
statement-feedback = Якщо ви помітили бар’єр, напишіть нам. Для цього не потрібно вказувати особисті дані.
statement-enforcement-title = Процедура врегулювання
statement-enforcement = Якщо ви не отримали задовільної відповіді на свій відгук, ви можете звернутися до органу врегулювання згідно з § 16 BGG або до відповідного органу вашої федеральної землі.

feedback-title = Залишити відгук
feedback-lead = Помітили бар’єр, неправильну інформацію чи відсутню послугу? Напишіть нам.
feedback-privacy = Будь ласка, не пишіть у поле імена, адреси чи інші особисті дані. Ми зберігаємо лише ваш текст і сторінку.
feedback-topic = Про що йдеться?
feedback-topic-barrier = Бар’єр
feedback-topic-wrong-information = Неправильна інформація
feedback-topic-missing-offer = Відсутня послуга
feedback-topic-other = Щось інше
feedback-message = Ваше повідомлення
feedback-send = Надіслати
feedback-thanks = Дякуємо! Ваш відгук надійшов.
feedback-error-topic = Будь ласка, виберіть тему.
feedback-error-empty = Будь ласка, напишіть повідомлення.
feedback-error-long = Повідомлення задовге (щонайбільше 5000 символів).

error-title = Помилка
error-internal = Щось пішло не так. Будь ласка, спробуйте пізніше.
error-not-found = Такої сторінки не існує.
error-forbidden = У вас немає на це дозволу.
error-bad-request = Запит недійсний.
error-csrf = Термін дії форми минув. Будь ласка, перезавантажте сторінку і надішліть її ще раз.
error-age-years = Будь ласка, вкажіть вік числом від 0 до 27 років.
error-age-months = Будь ласка, вкажіть вік у місяцях від 0 до 324.
error-whole-number = Будь ласка, вкажіть ціле число.
error-choice = Будь ласка, виберіть одне із запропонованих значень.
error-coordinates = Будь ласка, вкажіть широту (−90 до 90) і довготу (−180 до 180) разом.
error-radius = Радіус має бути від 100 метрів до 100 кілометрів.
error-query-range = Значення поза дозволеним діапазоном.
error-place-unknown = Ця вулиця або поштовий індекс невідомі в довіднику.
finder-also-in = Ця послуга доступна також мовами:
finder-open-map-app = відкрити в застосунку мап
referrals-title = Журнал лоцманів
nav-account = Мій обліковий запис
nav-review = Схвалення
nav-verification = Список перевірки
finder-map-show = Показати результати на карті
finder-map-hide = Сховати карту
finder-map-title = Карта результатів на цій сторінці
finder-map-caption = Номери на карті відповідають номерам у списку.
finder-map-interactive = Завантажити карту з переміщенням і масштабуванням
finder-map-number = Номер на карті
login-throttled = Забагато невдалих спроб. Спробуйте ще раз через { $minutes } хв.
finder-tried = Шукали:
list-separator = {", "}
finder-did-you-mean = Можливо, ви мали на увазі:
finder-relax-title = З меншою кількістю умов ви знайдете
finder-without-words = без слів «{ $words }»
finder-without-age = без зазначення віку
finder-any-distance = на будь-якій відстані
finder-without-place = без місця
finder-without-district = в усіх районах
finder-without-topic = в усіх темах
finder-without-language = будь-якою мовою
finder-without-cost = незалежно від вартості
finder-without-access = незалежно від доступу
finder-topics-title = Пропозиції за темою для цього віку й місця
finder-ask-navigator = Особиста допомога
finder-navigator-feedback = Бракує пропозиції? Повідомте нам:
navigator-contact-lead = Лоцмани безкоштовно допоможуть вам знайти відповідну пропозицію:
navigator-hours = Час зв’язку
navigator-service-title = Лоцманська служба для сімей
navigator-service-hint = Сім’ї бачать ці контактні дані, коли пошук нічого не знаходить, і в направленні на пропозицію в захищеному місці.
navigator-service-name = Назва служби
navigator-service-phone = Телефон
navigator-service-email = Електронна пошта
navigator-service-hours = Час зв’язку (напр. Пн–Пт 9–15)
finder-protected-place = Це місце захищене, його адреса не публікується. Зв’яжіться, щоб дізнатися, як туди дістатися:
breadcrumbs = Навігаційний ланцюжок
home-title = Ланцюг профілактики
home-lead = Усі пропозиції партнерів упродовж життя – від вагітності до початку професійного шляху.
figure-offers = Пропозиції
figure-organisations = Організації
figure-districts = Соціальні райони
matrix-title = Ланцюг з першого погляду
matrix-help = Кількість активних пропозицій за етапом життя та сферою. Червоний 0 позначає прогалину в ланцюгу.
matrix-life-phase = Етап життя
matrix-total = Разом
matrix-gap = Прогалина: немає пропозиції
offers-title = Пропозиції
offer-new = Нова пропозиція
offer-edit = Редагувати пропозицію
offer-history = Історія змін
anchor-point = Опорна точка
filter-text = Пошуковий запит
filter-age = Вік дитини
filter-age-hint = у роках, напр. 2 або 1,5
filter-domain = Сфера
filter-target-group = Цільова група
filter-status = Статус
filter-apply = Фільтрувати
filter-reset = Скинути фільтри
field-life-phases = Етапи життя
field-domains = Сфери
field-target-groups = Цільові групи
field-transitions = Переходи
field-prevention-level = Рівень профілактики
field-schedule = Час
field-capacity = Місця
field-funding = Фінансування
field-funding-until = обмежено до
title = Назва
description = Опис
life-phases = Етапи життя
min-age-months = Мінімальний вік (місяці)
max-age-months = Максимальний вік (місяці, не включно)
domains = Сфери
target-groups = Цільові групи
transitions = Переходи
languages = Мови (коди, напр. de, tr, ar)
cost = Вартість
access = Доступ
prevention-level = Рівень профілактики
schedule = Час
capacity = Місця
reach-per-year = Охоплено учасників на рік
location-ids = Місця
funding-kind = Фінансування
funding-source = Донор
funding-amount-eur = Сума на рік (EUR)
funding-until = Фінансування обмежене до
contact-email = Електронна пошта
contact-phone = Телефон
website = Вебсайт
last-verified-on = Востаннє перевірено
status = Статус
form-save = Зберегти
form-has-errors = Будь ласка, виправте позначені дані
preventionlevel-universal = універсальна (усі сім’ї)
preventionlevel-selective = селективна (сім’ї у складних обставинах)
preventionlevel-indicated = індикативна
fundingkind-regular = Регулярне фінансування
fundingkind-project = Проєктне фінансування
fundingkind-donation = Пожертви
fundingkind-mixed = Змішане фінансування
organisationkind-public-office = Державна установа
organisationkind-welfare-association = Благодійна асоціація
organisationkind-school = Школа
organisationkind-kita = Засновник дитсадків
organisationkind-health = Охорона здоров’я
organisationkind-club = Об’єднання
organisationkind-business = Підприємство
organisationkind-church = Церква
organisationkind-initiative = Ініціатива
organisationkind-other = Інше
role-admin = Адміністрування
role-coordinator = Координація
role-planner = Планування
role-partner-editor = Редакція організації
role-navigator = Лоцман
role-viewer = Доступ для читання
organisations-title = Організації та партнери зі співпраці
organisations-found = { $count ->
    [one] { $count } організація
    [few] { $count } організації
   *[other] { $count } організацій
}
organisation-name = Назва
organisation-kind = Тип
organisation-locations = Місця
organisation-contacts = Контактні особи
districts-title = Соціальні райони
districts-lead = Планувальні райони міста з населенням, показниками та пропозиціями.
district-key = Код
district-name = Назва
district-subareas = Підрайони
district-map = Карта
district-map-hint = Точки показують місця пропозицій.
district-no-geometry = Для цього соціального району немає площі.
district-chain = Пропозиції за етапом життя
district-population = Населення за віком (31.12.)
district-population-note = Джерело: статистика реєстру населення, Статистичне управління Берлін-Бранденбург.
district-indicators = Показники
district-indicators-note = Значення на 31.12. року; джерело: моніторинг соціального розвитку міста.
district-no-indicators = Для цього рівня показники не опубліковані; вони є для кожного планувального району.
district-all-offers = Усі пропозиції в цьому соціальному районі
age-group = Вік (роки)
indicator = Показник
unit = Одиниця
map-of = Карта: { $name }
login-title = Увійти
login-username = Ім’я користувача
login-password = Пароль
login-submit = Увійти
login-failed = Ім’я користувача або пароль неправильні.
error-choose-organisation = Спершу оберіть організацію.
error-required = Будь ласка, заповніть.
error-too-long = Текст задовгий.
error-unknown-term = Невідомий запис.
error-life-phase-or-age = Оберіть принаймні один етап життя або вкажіть вік.
error-age-range = Вік має бути від 0 до 324 місяців.
error-age-order = Максимальний вік не може бути меншим за мінімальний.
error-language-code = Використовуйте коди мов, як-от de, tr або ar.
error-not-negative = Сума не може бути від’ємною.
error-funding-until-regular = Регулярне фінансування не має дати завершення.
error-email = Вкажіть дійсну адресу електронної пошти.
error-url = Вебадреса починається з https:// або http://.
error-location-not-own = Це місце не належить вашій організації.
error-number = Вкажіть число.
error-date = Вкажіть дату (РРРР-ММ-ДД).
edit = редагувати
saved = Збережено.
organisation-edit = Редагувати дані організації
contacts-hint = Визначені контактні особи для співпраці в мережі. Порожні рядки ігноруються.
contact-person = Контактна особа
contact-name = Ім’я
contact-role = Посада
location-new = Додати місце
location-edit = Редагувати місце
location-name = Назва місця
location-street = Вулиця та номер будинку
location-postcode = Поштовий індекс
location-city = Місто
location-lat = Широта (WGS84, напр. 52,52)
location-lon = Довгота (WGS84, напр. 13,40)
location-district-hint = Соціальний район визначається за координатами.
location-confidential = Конфіденційна адреса (бачать лише фахівці, що увійшли)
vocabulary-title = Словник ланцюга профілактики
vocabulary-lead = Етапи життя, сфери, цільові групи та переходи цієї громади: перейменовуйте та доповнюйте. Коди лишаються, щоб наявні пропозиції зберегли свою прив’язку.
kind-life-phase = Етапи життя
kind-domain = Сфери
kind-target-group = Цільові групи
kind-transition = Переходи
term-code = Код
term-label-de = Назва (німецькою)
term-label-en = Назва (англійською)
term-add = Додати
error-coordinates-pair = Вкажіть широту й довготу разом.
error-latitude = Широта має бути від -90 до 90.
error-longitude = Довгота має бути від -180 до 180.
error-postcode = Поштовий індекс складається з п’яти цифр.
error-unknown-district = Такого соціального району немає.
error-term-code = Код складається з малих латинських літер, цифр і _ та починається з літери.
error-term-exists = Такий код уже існує.
error-unknown = Невідоме посилання.
error-immutable = Це значення не можна змінити.
suppression-note = • = приховано для захисту сімей: число менше 3 або число, з якого його можна обчислити.
suppressed-title = приховано (конфіденційність)
monitoring-title = Моніторинг малих територій
monitoring-lead = Показники за соціальним районом і роком: визначення, джерело й карта. Обчислені індекси походять із простежуваних рецептів (recipes/).
direction = Напрям
direction-higher-is-worse = вище = гірше
direction-higher-is-better = вище = краще
direction-neutral = нейтрально
years = Роки
source = Джерело
year = Рік
map-show = Показати карту
map-title = Карта: { $indicator }
map-no-value = немає значення
map-legend = Легенда:
map-legend-help = П’ять рівних груп (квінтилів) соціальних районів; темніше = вище значення.
map-higher-worse = Вищі значення означають більшу потребу в діях.
map-ranking = Рейтинг соціальних районів
rank = Місце
value = Значення
map-class = Група
map-alt = Карта показує значення всіх соціальних районів кольором; ті самі значення є в рейтингу під картою.
city-mean = Середнє рівня
trend-per-year = Тренд на рік
small-base = мала база: знаменник нижчий за мінімум показника
district-indicators-help = «Середнє рівня»: середнє всіх соціальних районів цього рівня за останній рік рядка. Під частками з чисельником і знаменником наведено 95-відсотковий довірчий інтервал (Вільсона).
download = Завантажити
recipes-title = Рецепти індексів
recipes-lead = Рецепт описує метод (напр. індекс статусу MSS) крок за кроком. Кожна зміна зберігається як нова версія; так кожен результат можна перерахувати.
recipe-name = Назва
recipe-version = Версія
recipe-saved = збережено
recipe-new = Новий рецепт
recipe-toml = Рецепт (TOML)
recipe-run = Обчислити
recipe-no-data = Для цього рецепта бракує значень показників:
recipe-run-submit = Обчислити
recipe-edit = Редагувати рецепт
recipe-save-version = Зберегти як нову версію
recipe-versions = Версії
recipe-rows = { $count ->
    [one] { $count } соціальний район
    [few] { $count } соціальні райони
   *[other] { $count } соціальних районів
}
error-recipe-id = Рецепту потрібен id з малих латинських літер, цифр і _.
table-scroll = Таблиця, прокручується вбік
numerator = Чисельник
denominator = Знаменник
spatial-level = Рівень
release-date = опубліковано
map-distribution = Розподіл
map-distribution-help = Кожна точка – соціальний район, від низьких (ліворуч) до високих значень (праворуч); пунктиром – межі п’яти груп.
compare-with = Порівняти з
compare-submit = Порівняти
compare-and = і
population-total = Населення
compare-help = Щоразу найновіше значення з його роком; «Середнє рівня» стосується року першого соціального району.
error-compare = Оберіть два соціальні райони.
sensitivity-compare = Порівняти з
sensitivity-submit = Показати чутливість
sensitivity-title = Чутливість
sensitivity-changes = { $count ->
    [one] { $count } соціальний район змінює клас
    [few] { $count } соціальні райони змінюють клас
   *[other] { $count } соціальних районів змінюють клас
}
sensitivity-column = Результат
wizard-title = Імпорт статистики
wizard-lead = Завантажте таблицю зі значеннями показників (CSV, довгий або широкий формат, також з Excel із крапкою з комою та десятковою комою). Спершу ви побачите попередній перегляд з усіма проблемами; збереження відбувається лише після вашого підтвердження – усе або нічого.
wizard-file = Файл (CSV)
wizard-year = Рік
wizard-year-hint = потрібно, лише якщо в таблиці немає стовпця з роком
wizard-check = Перевірити й показати попередній перегляд
wizard-problems = Файл не можна імпортувати в такому вигляді
wizard-no-file = Оберіть файл.
wizard-layout = Структура
wizard-rows = { $count ->
    [one] { $count } значення
    [few] { $count } значення
   *[other] { $count } значень
}
wizard-warnings = Незвичні значення – їх буде прийнято, але перевірте:
wizard-unknown-keys = Невідомі коди соціальних районів – у такому вигляді імпорт буде відхилено:
wizard-map = Зіставте стовпці з показниками
wizard-column = У файлі
wizard-values = Значення
wizard-skip = не імпортувати
wizard-sample = Попередній перегляд перших значень
wizard-commit = Імпортувати
error-upload-too-large = Файл завеликий: щонайбільше { $megabytes } МБ.
wizard-expired = Термін дії попереднього перегляду минув; завантажте файл ще раз.
map-interactive = Завантажити інтерактивну карту (близько 120 КБ)
publish-column = Стовпець результату
publish-indicator = як показник (код)
publish-submit = Зберегти як показник
feedback-inbox = Відгуки
feedback-none = Ще немає відгуків.
feedback-received = Отримано
feedback-page = Сторінка
synonyms-title = Синоніми для пошуку
synonyms-lead = Слова, що в пошуку мають означати те саме. Хто шукає одне з них, знаходить пропозиції з будь-яким іншим.
synonyms-field = Групи синонімів
synonyms-hint = Одна група на рядок, терміни через кому, напр.: Krabbelgruppe, Eltern-Kind-Gruppe, Spielgruppe
reindex-title = Пошуковий індекс
reindex-lead = Пошук одразу враховує кожну зміну. Якщо базу даних змінили поза kette, ця кнопка заново будує пошуковий індекс з бази даних.
reindex-submit = Перебудувати пошуковий індекс
reindex-done = { $count ->
    [one] Пошуковий індекс перебудовано: { $count } пропозиція.
    [few] Пошуковий індекс перебудовано: { $count } пропозиції.
   *[other] Пошуковий індекс перебудовано: { $count } пропозицій.
}
texts-title = Переклади й нотатка
texts-lead = Назва й опис іншими мовами та простою німецькою. Сім’ї бачать їх у пошуку своєю мовою; порожні поля видаляють переклад.
texts-easy-german = Проста німецька (Leichte Sprache)
texts-field-title = Назва
texts-field-description = Опис
texts-note = Внутрішня нотатка для фахівців
texts-note-hint = Бачать лише фахівці, що увійшли; ніколи не публікується. Не вносьте даних про сім’ї.
referrals-lead = Контакти лоцманів, анонімно підраховані: коли, де, для якої життєвої фази, переходу й теми, до якої пропозиції направлено і чи дійшла сім’я. Імена, дати народження чи вільні нотатки не зберігаються.
referrals-count = Контакти
organisation = Організація
error-login-required = Спершу увійдіть.
error-conflict = Так уже не вийде – дані тим часом змінилися.
review-title = Погодження
review-lead = Нові пропозиції та зміни організацій стають публічними лише після вашого погодження. До того сім’ї бачать попередню версію.
review-lead-partner = Ваші нові пропозиції та зміни, що ще чекають на погодження координації.
review-none = Нічого не чекає на погодження.
review-open = { $count ->
    [one] { $count } пропозиція змін чекає
    [few] { $count } пропозиції змін чекають
   *[other] { $count } пропозицій змін чекають
}
review-kind = Тип
review-kind-new = Нова пропозиція
review-kind-change = Зміна
review-proposed-by = подав(ла)
review-proposed-at = подано
review-approved = Погоджено – нова версія тепер публічна.
review-rejected = Повернуто – організація бачить ваше обґрунтування.
review-to-offer = До пропозиції
review-change-title = Пропозиція змін
review-back = Назад до погоджень
review-current-offer = переглянути поточну версію
review-state-pending = Чекає на погодження
review-state-approved = Погоджено
review-state-rejected = Повернуто
review-state-superseded = Замінено новішою пропозицією
review-no-difference = Пропозиція збігається з поточною версією.
review-new-caption = Дані нової пропозиції
review-change-caption = Змінені дані
review-field = Поле
review-before = було
review-after = нове
review-approve = Погодити
review-reason = Обґрунтування для організації (при поверненні)
review-reject = Повернути
error-review-reason = Обґрунтуйте повернення, щоб організація могла виправити.
review-settings-title = Налаштування: погодження, перевірка, лоцманська служба
review-approval-required = Публікувати нові пропозиції та зміни організацій лише після погодження
review-verify-every-months = Перевіряти пропозиції кожні … місяців
review-hide-after-days = Приховувати непідтверджені пропозиції через … днів після терміну
review-hide-after-days-hint = Залиште порожнім, якщо прострочені пропозиції мають лишатися видимими, доки ви не вирішите. Приховані пропозиції ніколи не видаляються й знову з’являються, щойно їх підтвердять.
review-remind-every-days = Повторно нагадувати організаціям через … днів
error-review-months = Вкажіть число від 1 до 120 місяців.
error-review-days = Вкажіть число від 0 до 3650 днів або залиште поле порожнім.
error-review-remind = Вкажіть число від 1 до 365 днів.
verification-title = Список перевірки
verification-lead = Пропозиції слід підтверджувати кожні { $months } міс.: чи досі правильні час, місце, контакти й опис?
verification-lead-hide = Якщо пропозицію не підтвердять через { $days } дн. після терміну, вона зникає з публічного довідника – але ніколи не видаляється.
verification-lead-keep = Прострочені пропозиції лишаються видимими, доки не вирішить координація.
verification-count = { $count ->
    [one] { $count } пропозиція для перевірки
    [few] { $count } пропозиції для перевірки
   *[other] { $count } пропозицій для перевірки
}
verification-lapsed-count = { $count ->
    [one] з них { $count } прихована
    [few] з них { $count } приховані
   *[other] з них { $count } прихованих
}
verification-none = Усі пропозиції підтверджено.
verification-caption = Пропозиції для перевірки, найстаріші спершу
verification-still-current = Досі актуально
verification-edit = змінити
verification-state = Стан
verification-hidden-from = приховано з { $date }
verification-hidden-since = приховано від { $date }
verification-confirm = Підтвердити вибрані як актуальні
verification-confirmed = { $count ->
    [one] Підтверджено { $count } пропозицію.
    [few] Підтверджено { $count } пропозиції.
   *[other] Підтверджено { $count } пропозицій.
}
verification-reminders = Нагадування
verification-reminders-lead = kette нагадує організаціям із пропозиціями для перевірки електронною поштою, щонайбільше раз на { $days } дн.
verification-no-mailer = Поштовий сервер не налаштовано: організації бачать свій список перевірки після входу, листи не надсилаються.
verification-remind-now = Нагадати зараз
verification-reminded = Надіслано нагадувань: { $sent }; без адреси: { $noaddr }; не вдалося: { $failed }.
verification-reminders-recent = Останні нагадування
verification-sent-at = Час
verification-recipients = Одержувачі
verification-offers = Пропозиції
verification-outcome = Результат
verification-outcome-sent = надіслано
freshness-current = актуально
freshness-due = потрібна перевірка
freshness-lapsed = приховано
freshness-unverified = ще не підтверджено
approval-pending = чекає на погодження
approval-approved = погоджено
approval-rejected = повернуто
account-title = Мій обліковий запис
account-lead = На цю адресу kette надсилає нагадування, коли пропозиції вашої організації треба перевірити. Більше ні для чого вона не використовується.
account-email = Адреса електронної пошти
offer-proposal-sent = Вашу зміну подано. Вона стане публічною, щойно координація її погодить.
offer-pending-new = Ця пропозиція чекає на погодження координації й ще не публічна.
offer-pending-change = Зміна цієї пропозиції чекає на погодження; публічною ще є попередня версія.
offer-rejected = Повернуто координацією
offer-review-link = Переглянути пропозицію змін
offer-not-public = Ця пропозиція зараз не видна публічно.
offer-confirm-current = Дані досі правильні – підтвердити сьогодні
password-too-short = Потрібно щонайменше 10 символів.
password-too-long = Щонайбільше 256 символів.
password-contains-name = Не може містити ім’я користувача чи ім’я особи.
password-common = Є в списку поширених або викрадених паролів.
password-guessable = Легко вгадати (повтор, послідовність, ряд клавіатури, дата чи одне слово). Краще кілька не пов’язаних між собою слів.
verification-without-address = { $count ->
    [one] { $count } організація з пропозиціями для перевірки не має нікого, кому kette може написати (немає облікового запису з e-mail, немає адреси в організації).
    [few] { $count } організації з пропозиціями для перевірки не мають нікого, кому kette може написати (немає облікового запису з e-mail, немає адреси в організації).
   *[other] { $count } організацій з пропозиціями для перевірки не мають нікого, кому kette може написати (немає облікового запису з e-mail, немає адреси в організації).
}
referrals-unknown = не вказано
review-kind-texts = Переклади
review-kind-place = Місце
location-coordinates = Координати
yes = так
no = ні
texts-waiting = Ваші останні подані переклади чекають на погодження; публічними ще є попередні. Форма показує вашу пропозицію.
organisation-proposal-sent = Вашу зміну подано. Вона стане публічною, щойно координація її погодить.
place-waiting = Ваша остання зміна цього місця чекає на погодження; публічною ще є попередня адреса. Форма показує вашу пропозицію.
review-kind-organisation = Дані організації
organisation-waiting = Ваші останні подані дані чекають на погодження; публічними ще є попередні. Форма показує вашу пропозицію.
offer-form-waiting = Ваша остання подана зміна чекає на погодження; публічною ще є попередня версія. Форма показує вашу пропозицію.
confidentiality-title = Статистична конфіденційність
confidentiality-lead = Що публічні сторінки, API та експорти показують з малих чисел. Числа, менші за мінімум, приховуються, а також стільки сусідніх клітинок, щоб їх не можна було обчислити із сум. Планування й координація завжди бачать точні значення.
confidentiality-min-count = Найменше публічно показане число
confidentiality-round-to = Округлювати показані числа до кратних
confidentiality-round-hint = Залиште порожнім без округлення; зазвичай 3 або 5.
error-confidentiality = Вкажіть як мінімум ціле число від 1 до 100, а для округлення – порожнє поле або ціле число від 2 до 100.
carried-from = перераховано з територіального поділу { $version } (оцінка через таблицю відповідності)
carried-note = ≈: опубліковано для іншого територіального поділу ({ $versions }) і перераховано на ці соціальні райони через таблицю відповідності – оцінка, що припускає рівномірне заселення.
wizard-version = Територіальний поділ кодів у файлі
wizard-version-hint = Для даних іншого територіального поділу значення перераховуються через збережену таблицю відповідності на тутешні соціальні райони й позначаються як перераховані.
wizard-unknown-version = Невідомий територіальний поділ «{ $version }»: немає таблиці відповідності з нього до збережених соціальних районів.
wizard-carried = Значення перераховуються через таблицю відповідності (зв’язки / цільові соціальні райони):
boundaries-title = Територіальні поділи й таблиці відповідності
boundaries-lead = Коли соціальні райони перекроюють, статистичні служби публікують дані для нового поділу. Таблиця відповідності вказує, яка частка кожної території іншого поділу лежить у якому тутешньому соціальному районі; так значення перераховуються, і часові ряди тривають.
boundaries-stored = Територіальний поділ збережених соціальних районів:
boundaries-crosswalks = Збережені таблиці відповідності
boundaries-none = Ще не збережено жодної таблиці відповідності.
boundaries-from = Поділ джерела
boundaries-to = Поділ тут
boundaries-links = Зв’язки
boundaries-sources = Території джерела
boundaries-targets = Соціальні райони
boundaries-saved-at = збережено
boundaries-method-area = Частки площі з геометрій
boundaries-method-file = взято з файлу
boundaries-use = Значення іншого поділу імпортуйте в майстрі імпорту, обравши поділ, або командою `kette import indicators ФАЙЛ --boundary-version ПОДІЛ`. Кількості розподіляються за частками, частки з чисельником і знаменником перераховуються з перерахованих чисел, інші значення усереднюються зважено; соціальний район отримує значення, лише якщо його мають усі території джерела в ньому. Перераховані значення в профілі позначено ≈.
boundaries-upload = Завантажити таблицю відповідності
boundaries-upload-help = CSV зі стовпцями from, to, weight: код в іншому поділі, код тутешнього соціального району та частка (від 0 до 1) території джерела в ньому; частки однієї території джерела разом дають 1. `kette crosswalk СТАРИЙ.geojson НОВИЙ.geojson` обчислює такий файл із геометрій. Нова таблиця для того самого поділу замінює стару.
boundaries-from-hint = напр. lor-2021
boundaries-from-required = Вкажіть територіальний поділ джерела.
boundaries-no-districts = Ще не збережено жодного соціального району.
boundaries-save = Перевірити й зберегти
error-phone = Вкажіть номер телефону з цифр (дозволено пробіли, + - / ( )).
error-year = Вкажіть рік числом, напр. 2023.
recipe-no-years = Для цього рецепта ще немає року, у якому всі вхідні показники мають значення.
publish-column-choose = – оберіть стовпець –
distance-m = { $value } м
distance-km = { $value } км
home-waiting-title = Що чекає
home-waiting-none = Для вашої ролі тут нічого не чекає; пошук і моніторинг – у меню вгорі.
home-waiting-proposals = пропозицій змін від організацій чекають погодження
home-waiting-own-proposals = власних пропозицій змін чекають погодження
home-waiting-due = пропозицій треба підтвердити
home-waiting-feedback = необроблених відгуків
home-waiting-failed-reminders = нагадувань не доставлено
nav-work = Завдання
nav-settings = Адміністрування
offer-hint-title = Так, як сім’ї назвали б пропозицію, напр. «Група для малюків у сімейному центрі».
offer-hint-description = Що там відбувається, для кого, що взяти з собою? Короткі речення допомагають усім, також перекладачам.
offer-age-from = З якого віку
offer-age-to = До якого віку (не включно)
offer-hint-age-from = Залиште порожнім, якщо мінімального віку немає. Для вагітних: 0 років, 0 місяців.
offer-hint-age-to = Пропозиція закінчується до цього віку: 3 роки означає «до третього дня народження». Залиште порожнім, якщо межі немає.
offer-age-years = Роки
offer-age-months = Місяці
offer-languages = Мови, якими там розуміють
offer-hint-languages = Сім’ї можуть шукати за своєю мовою.
offer-languages-other = Інші мови (коди ISO 639, напр. hy, ku)
offer-hint-schedule = Напр. «Вт і Чт 9–11, не під час шкільних канікул».
offer-hint-places = Де відбувається пропозиція. Якщо місця бракує, спершу додайте його.
offer-places-filter = Фільтрувати місця
offer-places-none = Жодне місце не відповідає введеному.
offer-submit-proposal = Подати на погодження
offer-submit-new-hint = Координація перевірить вашу нову пропозицію; публічною вона стане лише після погодження. До того ви знайдете її в «Завданнях».
offer-submit-change-hint = Координація перевірить вашу зміну; до погодження сім’ї бачать попередню версію.
offer-proposal-sent-new = Вашу нову пропозицію подано. Координація її перевіряє; публічною вона стане лише після погодження.
error-rest-months = Вкажіть від 0 до 11 місяців (12 місяців – це рік).
location-geocode-hint = Без координат kette визначає їх за вулицею, якщо там уже відомі місця (середина вулиці; без зовнішніх служб).
min-age-years = Мінімальний вік (роки)
min-age-rest-months = Мінімальний вік (місяці)
max-age-years = Максимальний вік (роки)
max-age-rest-months = Максимальний вік (місяці)
languages-other = Інші мови
matrix-transitions = Переходи між етапами життя
filter-transition = Перехід
finder-transition = Перехід
finder-transition-hint = Пропозиції, що супроводжують зміну, напр. до дитсадка чи школи.
anchors-title = Опорні точки
anchors-lead = Місця, які сім’ї й так відвідують, – дитсадок, школа, сімейний центр, – і які пропозиції досяжні звідти в межах 1 км (по прямій, близько чверті години пішки).
anchors-count = { $count ->
    [one] { $count } опорна точка
    [few] { $count } опорні точки
   *[other] { $count } опорних точок
}
anchors-none = Тут ще немає опорних точок. Організації позначають свої місця як опорні точки, якщо сім’ї й так їх відвідують.
anchors-map-title = Карта опорних точок
anchors-map-caption = Номери відповідають списку.
anchors-no-coordinates = Для цього місця немає координат.
anchors-reachable = { $count ->
    [one] { $count } пропозиція в межах 1 км
    [few] { $count } пропозиції в межах 1 км
   *[other] { $count } пропозицій в межах 1 км
}
nav-anchors = Опорні точки
anchors-by-district = Опорні точки за округами – оберіть округ для списку й карти
anchors-in-district = місця сімей у цьому районі та що звідти досяжне
wizard-layout-long = довгий (рядок на значення)
wizard-layout-wide = широкий (стовпець на показник)
wizard-skipped-columns = Пропущені текстові стовпці:
wizard-new-indicator = Створити новий показник
wizard-new-hint = Зберігається разом зі значеннями за один крок; якщо імпорт не вдасться, показник теж не буде створено.
wizard-unit-hint = напр. %, кількість, на 1 000 мешканців
wizard-new-name-missing = Новому показнику потрібна назва.
wizard-nothing-chosen = Усі стовпці пропущено – імпортувати нічого. Зіставте принаймні один стовпець із показником.
wizard-unknown-district = Невідомий код соціального району «{ $key }».
wizard-imported = { $count ->
    [one] Імпортовано { $count } значення.
    [few] Імпортовано { $count } значення.
   *[other] Імпортовано { $count } значень.
}
wizard-see-map = Карта: { $indicator }
ingest-line = Рядок { $line }
ingest-column = стовпець «{ $column }»
ingest-more = … і ще { $count } проблем
ingest-no-key-column = Немає стовпця з кодом соціального району. Очікується заголовок на кшталт Planungsraum, Schlüssel, Gebiet або key; у файлі: { $found }.
ingest-no-year-column = Немає стовпця з роком: вкажіть рік у полі «Рік».
ingest-no-indicator-columns = Немає стовпців показників: широка таблиця має стовпець чисел на кожен показник, довга – стовпці показник і значення.
ingest-unreadable-row = Рядок не читається ({ $detail }).
ingest-missing-key = Бракує коду соціального району.
ingest-key-too-long = Код має щонайбільше { $max } символів, знайдено: «{ $found }».
ingest-expected-year = Очікується рік, знайдено: «{ $found }».
ingest-expected-number = Очікується число (12,5 або 12.5), знайдено: «{ $found }».
ingest-missing-code = Бракує коду показника.
ingest-code-too-long = Код показника має щонайбільше { $max } символів, знайдено: «{ $found }».
ingest-denominator = Знаменник має бути більшим за 0.
ingest-numerator = Чисельник має бути між 0 і знаменником.
ingest-duplicate = { $code } для { $key } за { $year } рік уже є в рядку { $previous }.
steering-title = Управління: місія та цілі
leitbild-title = Місія
leitbild-none = Місію ще не збережено.
leitbild-draft = чернетка, ще не ухвалена
leitbild-adopted = ухвалено { $date }
leitbild-adopted-on = Дата ухвалення (залиште порожнім для чернетки)
leitbild-edit = Редагувати місію (як нову версію)
leitbild-save = Зберегти як нову версію
goals-title = Цілі
goals-rule = Як визначається стан: шлях веде прямою від базового значення до цільового. Найновіше опубліковане значення відповідає плану, якщо відстає від шляху щонайбільше на допуск (частку всього шляху), під загрозою – до подвійного допуску, інакше – поза планом. У цільовому році важить лише, чи ціль досягнуто. Для всієї громади значення районів зважуються за населенням (чисельник і знаменник), інакше усереднюються.
goals-none = Цілей ще немає.
goal = Ціль
goal-area = Територія
goal-whole-municipality = уся громада
goal-path = Базове й цільове значення
goal-latest-title = Найновіше значення
goal-latest = { $value } ({ $year }; шлях: { $expected })
goal-state = Стан
goal-level = Рівень
goal-level-impact = Ціль впливу
goal-level-outcome = Ціль результату
goal-level-action = Ціль дії
goal-parent = Належить до
goal-baseline-year = Базовий рік
goal-baseline-value = Базове значення
goal-target-year = Цільовий рік
goal-target-value = Цільове значення
goal-tolerance = Допуск (% шляху)
goal-responsible = Відповідальні
goal-new = Нова ціль
goal-save = Зберегти ціль
progress-reached = досягнуто
progress-on-track = за планом
progress-at-risk = під загрозою
progress-off-track = поза планом
progress-no-data = немає даних
error-goal-indicator = Цільове значення потребує показника, з якого воно читається.
error-goal-years = Цільовий рік має бути після базового.
error-goal-past = Цільовий рік уже минув.
error-goal-tolerance = Допуск – від 0 до 100 %.
error-goal-level = Цілі результату належать до цілей впливу, цілі дії – до цілей результату.
error-goal-parent = Цілі результату й дії належать до вищої цілі.
error-goal-target-whole = Базове й цільове значення потребують року та значення.
nav-steering = Управління
measures-title = Заходи
measures-none = Заходів ще немає.
measure = Захід
measure-status = Стан
measure-status-idea = ідея
measure-status-planned = заплановано
measure-status-running = триває
measure-status-done = завершено
measure-status-stopped = припинено
measure-lead = Провідна організація
measure-period = Період
measure-budget = Бюджет (EUR)
measure-starts-on = Початок
measure-ends-on = Кінець
measure-new = Новий захід
measure-save = Зберегти захід
error-measure-dates = Кінець раніше за початок.
kind-body-kind = Види органів
nav-bodies = Органи
bodies-title = Органи
bodies-intro = Керівна група, робочі групи та конференція мережі: засідання, протоколи, рішення й завдання.
bodies-none = Ви ще не входите до жодного органу.
body = Орган
body-kind = Вид
body-members = Члени
body-name = Назва органу
body-new = Новий орган
body-next-meeting = Наступне засідання
body-save = Створити орган
calendar-title = Календар
calendar-intro = Засідання цього органу як підписка на календар (iCalendar): додайте посилання в Outlook, Thunderbird або на телефоні як інтернет-календар. Хто має посилання, бачить назви, час і місце засідань — передавайте його лише членам.
calendar-link = Посилання для підписки
calendar-download = Відкрити файл календаря (.ics)
calendar-renew = Створити нове посилання
calendar-renew-hint = Старе посилання перестане працювати; усі підписки треба буде додати знову.
meetings-title = Засідання
meetings-none = Засідань ще немає.
meetings-upcoming = Майбутні
meetings-past = Минулі
meeting-new = Запланувати засідання
meeting-date = День
meeting-starts = Початок (час)
meeting-ends = Кінець (час)
meeting-place = Місце
meeting-agenda = Порядок денний
meeting-agenda-hint = Один пункт порядку денного в рядку.
meeting-agenda-none = Порядок денний не внесено.
meeting-save = Зберегти засідання
meeting-attendance = Присутні
meeting-minutes = Протокол
meeting-minutes-hint = Markdown: # заголовок, **жирний**, - список, [текст](https://…). HTML не приймається.
meeting-minutes-save = Зберегти протокол і присутність
meeting-minutes-none = Протоколу ще немає.
meeting-minutes-as-read = Як це бачать члени
meeting-minutes-updated = Востаннє змінено: { $moment }
meeting-has-minutes = протокол
meeting-decisions-count = { $count ->
    [one] { $count } рішення
    [few] { $count } рішення
   *[other] { $count } рішень
}
decisions-title = Рішення
decisions-none = Рішень ще немає.
decision-new = Записати рішення
decision-text = Рішення
decision-save = Зберегти рішення
tasks-title = Завдання
tasks-none = Завдань немає.
tasks-open = Відкриті завдання
tasks-mine-title = Мої завдання
tasks-mine-intro = Завдання з органів, членом яких ви є. За три дні до строку нагадає електронний лист.
tasks-all-open = Усі відкриті завдання
task = Завдання
task-owner = Відповідальний
task-due = Строк
task-status = Стан
task-status-open = відкрите
task-status-done = виконане
task-status-dropped = скасоване
task-overdue = прострочене
task-no-owner = ніхто (член вибув)
task-from-meeting = із засідання
task-new = Нове завдання
task-save = Зберегти завдання
member-name = Ім’я
member-organisation = Організація
member-no-organisation = немає (адміністрація, політика)
member-email = Ел. пошта (для нагадувань)
member-role = Роль в органі
member-role-chair = Голова
member-role-deputy = Заступник
member-role-member = Член
member-role-office = Секретаріат
member-role-guest = Гість
member-decides = Ухвалює рішення
member-decides-long = Може ухвалювати рішення від імені своєї організації
member-account = Обліковий запис у kette
member-account-hint = З обліковим записом член бачить орган, веде засідання й знаходить свої завдання в «Мої завдання».
member-new = Додати члена
member-save = Зберегти члена
member-leaves = Вибуває
member-left-on = вибув { $date }
error-meeting-ends-before-start = Засідання закінчується раніше, ніж починається.
error-meeting-too-long = Засідання триває щонайбільше три дні.
error-agenda-too-long = Щонайбільше 40 пунктів порядку денного.
error-minutes-html = Протокол містить HTML (наприклад, <script>). Пишіть Markdown; нічого не збережено.
error-minutes-link = Посилання в протоколі не є веб-, поштовою чи телефонною адресою; нічого не збережено.
error-task-owner = Завданню потрібен відповідальний із членів органу.
error-task-due = Завданню потрібен строк.
error-time = Вкажіть час (ГГ:ХХ).
meeting-minutes-problem = Рядок { $line }: { $what }
nav-proposals = Пропозиції
proposals-title = Пропозиції з погляду дитини
proposals-intro = Робочі групи подають пропозиції; керівна група оцінює їх за зваженими критеріями й ухвалює рішення. Прийняті пропозиції стають заходами.
proposals-ranking = Рейтинг відкритих пропозицій
proposals-rule = Загальна оцінка = зважене середнє оцінок (0–5); частка показує внесок кожного критерію. Відсутні оцінки не рахуються як 0.
proposals-none-open = Відкритих пропозицій немає.
proposals-decided = Вирішені
proposals-none-decided = Ще нічого не вирішено.
proposal = Пропозиція
proposal-rank = Місце
proposal-total = Загалом
proposal-share = частка
proposal-missing-scores = { $count ->
    [one] бракує { $count } оцінки
    [few] бракує { $count } оцінок
   *[other] бракує { $count } оцінок
}
proposal-new = Подати пропозицію
proposal-problem = Проблема з погляду дитини
proposal-problem-hint = Що переживає дитина, де обривається ланцюг?
proposal-body = Подано (орган)
field-life-phase = Життєвий етап
field-transition = Перехід
proposal-benefit = Очікувана користь
proposal-cost = Витрати (EUR)
proposal-partners = Залучені партнери
proposal-submit = Подати пропозицію
proposal-criteria = Критерії оцінювання
proposal-weights = Ваги (0–10)
proposal-weights-save = Зберегти ваги
proposal-scores = Оцінки
proposal-scores-save = Зберегти оцінки
proposal-need-hint = Потреба: аналіз потреб (життєвий етап і територія пропозиції) показує, де ланцюг слабкий.
proposal-decision = Рішення
proposal-accept = Прийняти й створити захід
proposal-accept-hint = Захід переймає назву, проблему, користь, життєвий етап, територію й витрати та з’являється в управлінні як «заплановано».
proposal-reason = Причина відхилення
proposal-reject = Відхилити
proposal-waiting = Керівна група ще не ухвалила рішення.
proposal-status-submitted = подано
proposal-status-accepted = прийнято
proposal-status-rejected = відхилено
error-proposal-decided = Щодо цієї пропозиції вже ухвалено рішення.
error-proposal-reason = Відхилення потребує причини.
error-score = Оцінка — від 0 до 5.
error-weight = Вага — від 0 до 10.
cycle-title = Стратегічний цикл
cycle-intro = Розбудова, впровадження, закріплення: що потрібно на кожному етапі й що сприяє успіху — з датою та підтвердженням (рішення, захід або документ). Невиконане позначено «відкрито».
cycle-current = Поточний етап
cycle-current-short = поточний
cycle-none = Етап ще не визначено.
cycle-since = з { $date }
cycle-since-label = З
cycle-history = Попередні етапи
cycle-change-phase = Змінити етап
cycle-phase = Етап
cycle-phase-save = Зберегти етап
cycle-phase-build-up = Розбудова
cycle-phase-implementation = Впровадження
cycle-phase-consolidation = Закріплення
cycle-kind = Вид
cycle-kind-activity = Дії
cycle-kind-success-factor = Чинники успіху
cycle-progress = Досягнуто { $done } з { $total }
cycle-done = досягнуто
cycle-open = відкрито
cycle-record = Записати як досягнуте
cycle-edit-check = Змінити
cycle-done-on = Дата досягнення
cycle-evidence = Підтвердження
cycle-evidence-decision = Рішення
cycle-evidence-measure = Захід
cycle-evidence-document = Документ
cycle-evidence-url = Адреса документа
cycle-note = Примітка
cycle-record-save = Записати
cycle-uncheck = Знову відкрити
cycle-rename = Перейменувати
cycle-hide = Прибрати зі списку
cycle-add-item = Додати пункт
error-code = Код складається з малих літер, цифр і _.
error-cycle-evidence = Виберіть рішення або захід.
error-date-future = Дата в майбутньому.
steering-sections = Розділи управління
nav-survey = Самооцінка
survey-title = Самооцінка мережі
survey-intro = Раз на рік партнери оцінюють, наскільки виконуються чинники успіху мережевої роботи, — анонімно, через одноразові посилання електронною поштою. Результати з’являються для кожного твердження лише від 5 відповідей.
survey-results = Результати за роками
survey-no-results = Відповідей ще немає.
survey-scale = Середнє за шкалою від 1 (не відповідає) до 5 (повністю відповідає), кількість відповідей у дужках.
survey-factor = Твердження
survey-mean = { $mean } ({ $count })
survey-too-few = менше 5 відповідей
survey-trend-up = краще, ніж торік
survey-trend-down = гірше, ніж торік
survey-trend-same = як торік
survey-rounds = Раунди опитування
survey-no-rounds = Опитувань ще не було.
survey-round-line = { $count ->
    [one] надіслано посилань: { $sent }, { $count } відповідь
    [few] надіслано посилань: { $sent }, { $count } відповіді
   *[other] надіслано посилань: { $sent }, { $count } відповідей
}
survey-round-open = триває
survey-round-closed = завершено
survey-close = Завершити
survey-open-round = Почати новий раунд
survey-addresses = { $count ->
    [one] Посилання надійдуть на { $count } адресу (контактні особи партнерів, члени органів від організацій, облікові записи партнерів).
    [few] Посилання надійдуть на { $count } адреси (контактні особи партнерів, члени органів від організацій, облікові записи партнерів).
   *[other] Посилання надійдуть на { $count } адрес (контактні особи партнерів, члени органів від організацій, облікові записи партнерів).
}
survey-year = Рік
survey-send = Надіслати посилання
survey-sent = { $count ->
    [one] Надіслано { $count } посилання.
    [few] Надіслано { $count } посилання.
   *[other] Надіслано { $count } посилань.
}
survey-form-title = Самооцінка мережі
survey-form-intro = Наскільки ці твердження відповідають нашій мережі? 1 = не відповідає, 5 = повністю відповідає. Те, що не можете оцінити, залиште.
survey-scale-low = не відповідає
survey-scale-high = повністю відповідає
survey-cannot-judge = не можу оцінити
survey-anonymous = Ваша відповідь анонімна: посилання діє один раз, і kette не зберігає, з якого посилання прийшла відповідь. Без входу, без cookie.
survey-submit = Надіслати відповіді
survey-thanks = Дякуємо! Ваші відповіді збережено.
survey-link-used = За цим посиланням уже відповіли. Кожне посилання діє один раз.
survey-link-closed = Це опитування завершено.
survey-link-unknown = kette не знає цього посилання. Перевірте, чи воно повне.
survey-factor-smart-goals = Ми разом визначили чіткі (SMART) цілі.
survey-factor-shared-vision = Ми виробили спільне бачення.
survey-factor-reciprocity = У мережі давати й отримувати збалансовано.
survey-factor-connectivity = Робота в мережі поєднується з нашою власною роботою.
survey-factor-visible-benefit = Користь мережі для нас помітна.
survey-factor-trust = У мережі панує культура довіри.
survey-factor-contact-persons = Контактні особи визначені й відомі.
survey-factor-knowledge-transfer = У мережі передаються знання.
survey-factor-conflict-handling = Конфлікти розв’язуються відкрито й чесно.
survey-factor-structure = Організаційна структура мережі зрозуміла.
survey-factor-identity = Мережа має узгоджену загальну концепцію та власну ідентичність.
survey-factor-documentation = Результати роботи документуються.
error-survey-empty = Оцініть принаймні одне твердження.
error-survey-scale = Виберіть значення від 1 до 5.
error-survey-twice = Кожне твердження лише один раз.
error-survey-no-addresses = Немає адреси, на яку kette може надіслати посилання (контактні особи партнерів з ел. поштою).
error-survey-no-mailer = Поштовий сервер не налаштовано: посилання можна надсилати лише поштою, щоб ніхто не знав, чиє яке посилання.
error-survey-year-taken = На цей рік опитування вже є.
dashboard-title = Огляд
dashboard-proposals-open = { $count ->
    [one] { $count } відкрита пропозиція
    [few] { $count } відкриті пропозиції
   *[other] { $count } відкритих пропозицій
}
dashboard-tasks-open = { $count ->
    [one] { $count } відкрите завдання
    [few] { $count } відкриті завдання
   *[other] { $count } відкритих завдань
}
dashboard-tasks-overdue = { $count } прострочено
dashboard-decisions = { $count ->
    [one] { $count } рішення за останні дванадцять місяців
    [few] { $count } рішення за останні дванадцять місяців
   *[other] { $count } рішень за останні дванадцять місяців
}
dashboard-cycle-open = Ще відкрито:
dashboard-survey-line = { $year }: середнє { $mean } з 5; найслабше: «{ $weakest }»
dashboard-gaps = Прогалини ланцюга
dashboard-no-gaps = Кожен життєвий етап має послуги в кожній сфері.
dashboard-gaps-count = { $count ->
    [one] { $count } клітинка матриці ланцюга без послуг:
    [few] { $count } клітинки матриці ланцюга без послуг:
   *[other] { $count } клітинок матриці ланцюга без послуг:
}
measure-districts = Округи та райони
measure-districts-hint = Без вибору: уся громада. Кілька — з клавішею Ctrl (Mac: Cmd).
measure-partners = Залучені організації
measure-offers = Пов’язані пропозиції
measure-offers-none = Ще немає пов’язаних пропозицій – шукайте нижче.
measure-from-proposal = Походить із пропозиції
measure-edit = Редагувати захід
measure-search = Шукати пропозиції та організації
measure-search-hint = Збіги з’являться вище як варіанти; збереження — лише кнопкою «Зберегти захід».
measure-search-button = Шукати
measure-search-nothing = Нічого не знайдено для «{ $q }».
error-measure-lead-twice = Провідна організація вже вказана як провідна; не обирайте її ще й як учасника.
goal-children = Підцілі
goal-no-measures = Цій меті ще не служить жоден захід.
goal-course = Перебіг
goal-no-values = Для цієї мети немає опублікованих значень; її стан — «немає даних».
goal-values-caption = Значення, з яких обчислено стан
goal-expected = Шлях
goal-edit = Редагувати мету
dashboard-survey-too-few = { $year }: ще замало відповідей, щоб показати результати (від п’яти).
goal-responsible-body = Відповідальний орган
kind-agreement-kind = Види співпраці
error-agreement-parties = Угода потребує щонайменше двох різних організацій – організація не домовляється сама з собою.
error-agreement-duty-party = Завдання належить одній з організацій-сторін.
error-agreement-duty-task = Будь ласка, опишіть завдання.
network-title = Мережа ланцюга профілактики
network-size = Розмір
network-connected = Пов’язані організації
network-connected-of = { $connected } з { $all }
network-ties = Зв’язки
network-isolated = Організації без зв’язків
network-sources = Дві організації пов’язані, якщо мають чинну угоду, засідають в одному органі або разом здійснюють захід.
network-ties-by-kind = Зв’язки за видом
network-tie-kind = Вид
network-tie-shared-body = Спільний орган
network-tie-joint-measure = Спільний захід
network-brokers = Посередники
network-brokers-rule = Посередництво: частка найкоротших шляхів між двома іншими організаціями, що проходять через цю (0–1). Близькість: наскільки вона близька до всіх інших (за Вассерманом і Фаустом). Обчислено як у networkx.
network-none = Ще немає зв’язків.
network-betweenness = Посередництво
network-closeness = Близькість
network-export = Завантажити мережу:
network-agreements = Угоди про співпрацю
network-agreements-none = Ще немає угод.
network-agreement = Угода
network-parties = Сторони
network-not-in-force = зараз не діє
nav-network = Мережа
agreement-new = Нова угода про співпрацю
agreement-edit = Редагувати угоду
agreement-parties-none = Ще немає сторін – шукайте нижче.
agreement-search = Шукати організації
agreement-since = Діє з
agreement-until = Діє до
agreement-duties = Хто що робить
agreement-task = Завдання
agreement-contacts = Контактні особи (по одній у рядку)
agreement-document = Документ (вебадреса)
agreement-save = Зберегти угоду
network-across-domains = Зв’язки між сферами (за сферою більшості пропозицій організації)
chain-next-title = Що далі?
chain-next-lead = Ці пропозиції добре продовжують:
chain-before = Що перед цим
chain-offer-title = Кроки ланцюга
chain-offer-none = Ще не пов’язано з іншою пропозицією як крок.
chain-search = Знайти наступний крок (назва або організація)
chain-choose-next = Яка пропозиція йде далі?
chain-at-transition = На переході
chain-within-phase = У межах життєвої фази
chain-add = Пов’язати як наступний крок
chain-remove = Від’єднати
chain-remove-named = Від’єднати: { $title }
error-chain-self = Пропозиція не може йти після самої себе.
error-chain-duplicate = Цей крок уже пов’язано.
error-chain-cycle = Цей зв’язок замкнув би коло: { $path }.
error-chain-choose = Будь ласка, виберіть пропозицію, що йде далі.
chain-title = Ланцюг: кроки й переходи
chain-lead = Які пропозиції йдуть одна за одною і які переходи нічим не перекриті.
chain-show = Показати
chain-transitions = Переходи
chain-between = Між
chain-offers-naming = Пропозиції на переході
chain-links = Пов’язані кроки
chain-state = Стан
chain-bridged = перекрито
chain-unbridged = не перекрито
chain-unbridged-count = { $count ->
    [one] 1 перехід не перекрито.
   *[other] { $count } переходів не перекрито.
}
chain-diagram = Ланцюг як зображення
chain-diagram-hint = Стовпці — життєві фази, прямокутники — пов’язані пропозиції, стрілки — кроки. Таблиці кажуть те саме.
chain-no-links = Ще немає пов’язаних кроків.
chain-from = Від
chain-to = Далі
chain-how-to-link = Кроки пов’язують на сторінці пропозиції, після якої йде крок.
chain-phases = Пропозиції за життєвими фазами
chain-offers = Активні пропозиції
chain-offers-in-phase = { $count ->
    [one] 1 пропозиція
   *[other] { $count } пропозицій
}
chain-more-offers = { $count ->
    [one] + ще 1
   *[other] + ще { $count }
}
network-tie-chain-link = Крок ланцюга
chain-offers-only = лише пропозиціями, без пов’язаних кроків
contacts-by-month = За місяцем
contacts-by-district = За районом
contacts-by-life-phase = За життєвою фазою
contacts-by-transition = За переходом
contacts-by-topic = За темою
contacts-by-offer = За пропозицією
contacts-by-outcome = За результатом
contactoutcome-unknown = ще невідомо
contactoutcome-reached = дійшли до пропозиції
contactoutcome-not-reached = не дійшли до пропозиції
contact-saved = Контакт зараховано.
contact-new = Записати контакт
contact-offer-search = Знайти пропозицію
contact-date = Дата контакту
contact-topic = Тема
contact-offer = Пропозиція
contact-no-offer = немає (лише порада)
contact-outcome = Результат
contact-save = Зарахувати контакт
contact-follow-up = Відстеження
contact-follow-up-hint = Направлення за останні 90 днів без результату.
contact-follow-up-none = Нічого відстежувати.
contact-counts = Підрахунок
contact-from = Від
contact-to = До
contact-total = Контакти за період: { $count }
contact-small-withheld = малі числа приховано для захисту сімей (<3)
contact-csv = Підрахунок як CSV
error-contact-future = Контакт записують у день або після дня, коли він відбувся.
error-contact-old = Контакти записують протягом року.
error-contact-about = Вкажіть життєву фазу, тему або пропозицію.
contact-other-offers = усі інші пропозиції
events-title = Заходи та навчання
events-lead = Фахові дні, навчання, щорічне введення для нових фахівців, старти та конференції мережі.
event-new = Новий захід
events-feed = Підписатися на календар (публічні заходи):
events-feed-full = Усі заходи (секретне посилання, не поширюйте):
events-upcoming = Незабаром
events-none = Немає заходів.
events-past = Досі у { $year }
events-reach = { $participants } участей з { $organisations } партнерських організацій.
event = Захід
event-when = Коли
event-participants = Учасники
event-participants-total = Учасники: { $count }
event-by-profession = Участь за професією
event-profession = Професія
event-internal = внутрішній
event-place = Місце
event-organiser = Організатор
event-no-partner = не партнерська організація
event-edit = Редагувати захід
event-details = Відомості
event-kind = Вид
event-starts = Початок
event-ends = Кінець
event-public = Публічний
event-attendance = Учасники за організацією та професією
event-attendance-hint = Лише кількість, без імен.
event-save = Зберегти захід
eventkind-specialist-day = Фаховий день
eventkind-training = Навчання
eventkind-introduction = Введення для нових фахівців
eventkind-kick-off = Стартовий захід
eventkind-network-conference = Мережева конференція
eventkind-other = Інше
profession-social-work = Соціальна робота
profession-education = Педагогіка
profession-health = Здоров’я
profession-administration = Адміністрація
profession-volunteer = Волонтери
profession-other = Інше
error-event-end = Захід закінчується після початку.
error-event-long = Захід триває щонайбільше п’ять днів.
error-event-count = Кількість від 1 до 5000 у кожному рядку.
error-event-twice = Кожна організація й професія один раз.
error-event-profession = Виберіть професію в кожному рядку.
error-datetime = Вкажіть дату й час.
funding-title = Фінансування та сталість
funding-lead = Хто фінансує пропозиції, заходи й посади координації і як довго.
funding-new = Записати нове фінансування
funding-edit = Редагувати фінансування
funding-record = Фінансування
funding-radar = Радар: закінчується протягом дванадцяти місяців
funding-radar-none = Жодне фінансування не закінчується без продовження.
funding-radar-count = { $count ->
    [one] 1 запис під загрозою.
   *[other] { $count } записів під загрозою.
}
funding-subject = Що фінансується
funding-subject-offer = Пропозиція
funding-subject-measure = Захід
funding-subject-post = Посада координації
funding-post-title = Назва посади
funding-runs-out = Гроші закінчуються
funding-months-left = { $count ->
    [one] залишився 1 місяць
   *[other] залишилось { $count } місяців
}
funding-at-stake = Що під загрозою
funding-referrals = { $count ->
    [one] 1 направлення за 12 місяців
   *[other] { $count } направлень за 12 місяців
}
funding-places = { $count ->
    [one] 1 місце
   *[other] { $count } місць
}
funding-permanent = Пропозиції з постійним фінансуванням
funding-permanent-hint = Станом на середину року; регулярний бюджет вважається постійним.
funding-offers-funded = Пропозиції з відомим фінансуванням
funding-offers-permanent = з них постійно
funding-share = Частка
funding-records = Усі записи фінансування
funding-records-none = Ще немає записів.
funding-offer-search = Знайти пропозицію
funding-offer-hint = Знайдіть пропозицію вище.
funding-save = Зберегти фінансування
error-funding-subject = Виберіть, що фінансується.
error-funding-end = Проєктні кошти й пожертви закінчуються: вкажіть дату.
error-amount = Вкажіть суму в євро.
engagement-title = Залучення: пожертви та волонтерство
engagement-lead = Чого потребують пропозиції, хто що дає і чи доходить це.
engagement-needs = Потреби
engagement-needs-none = Ще немає потреб.
engagement-need = Потреба
engagement-for = Для
engagement-kind = Вид допомоги
engagement-matching = Відповідні дари
engagement-match = Зіставити
engagement-met = задоволено
engagement-need-new = Записати потребу
engagement-need-what = Що допомогло б?
engagement-need-save = Зберегти потребу
engagement-gifts = Запропонована допомога
engagement-gifts-none = Ще нічого не запропоновано.
engagement-gift = Допомога
engagement-giver = Хто дає
engagement-giver-name = Назва організації
engagement-giver-name-hint = Громадян не записують на ім’я.
engagement-gift-what = Що пропонується?
engagement-amount = Сума (для грошових пожертв)
engagement-hours = Години (для волонтерства)
engagement-offered-on = Запропоновано
engagement-gift-new = Записати допомогу
engagement-gift-save = Зберегти допомогу
engagement-status = Стан
gift-hours = { $count ->
    [one] 1 година
   *[other] { $count } годин
}
gift-mark-delivered = позначити як передане
gift-mark-thanked = позначити як подякували
giftkind-money = Гроші
giftkind-in-kind = Речі
giftkind-time = Волонтерський час
giverkind-business = Підприємство
giverkind-foundation = Фонд
giverkind-club = Об’єднання
giverkind-citizen = Громадянин
giftstatus-offered = запропоновано
giftstatus-matched = зіставлено
giftstatus-delivered = передано
giftstatus-thanked = подякували
error-need-subject = Потреба належить одній пропозиції або одному заходу.
error-gift-citizen-named = Громадян не записують на ім’я.
error-gift-hours = Вкажіть години цілим числом.
error-gift-unmatched = Спершу зіставте з потребою.
error-gift-kind = Потреба просить іншого виду допомоги.
network-change = Зміни з { $date }
network-then = тоді
network-now = сьогодні
network-density = Щільність
network-components = Окремі частини
network-newly = { $count ->
    [one] 1 організація нова в мережі:
   *[other] { $count } організацій нові в мережі:
}
network-lost = { $count ->
    [one] 1 організація більше не в мережі:
   *[other] { $count } організацій більше не в мережі:
}
network-coverage = Життєві фази й переходи в мережі
network-coverage-hint = Скільки організацій, що обслуговують фазу чи перехід, пов’язані з мережею.
network-coverage-of = Фаза або перехід
network-serving = Організації з пропозиціями
network-serving-connected = з них пов’язані
agreement-propose-change = Запропонувати зміну угоди
agreement-propose-change-short = запропонувати зміну
agreement-propose-new = Запропонувати нову угоду
agreement-propose-hint = Координація перевіряє й затверджує вашу пропозицію.
agreement-propose-send = Надіслати пропозицію
agreement-proposal-sent = Ваша пропозиція в координації.
agreement-proposals = Пропозиції партнерів
agreement-proposal = Пропозиція
agreement-proposal-by = від { $organisation }
agreement-proposal-change = зміна
agreement-proposal-new = нова угода
agreement-proposal-what = Вид
agreement-proposal-state = Стан
agreement-proposal-state-pending = очікує затвердження
agreement-proposal-state-approved = затверджено
agreement-proposal-state-rejected = відхилено
agreement-proposal-now = Зараз
agreement-proposal-proposed = Запропоновано
agreement-proposal-reason = Причина (потрібна для відхилення)
agreement-proposal-approve = Затвердити
agreement-proposal-reject = Відхилити
agreement-proposal-decided = Цю пропозицію вже вирішено.
error-agreement-own-party = Ваша організація залишається стороною угоди.
error-reject-reason = Будь ласка, вкажіть причину.
network-picture = Мережа як зображення
network-picture-hint = Пов’язані організації як точки; таблиці кажуть те саме.
network-no-domain = без пропозицій
network-choose = Виділити організацію
network-bridges = Мости між сферами
network-bridges-rule = Організації, пов’язані з організаціями інших сфер.
network-own-domain = Власна сфера
network-other-domains = Пов’язана з
network-ties-across = Зв’язки між сферами
cycle-events = Заходи цієї фази
review-agreement-proposals = Пропозиції щодо угод про співпрацю
engagement-partner-lead = Запишіть, чого потребують ваші пропозиції.
needs-title = Аналіз пропозиції та потреб
needs-lead = Де живе багато дітей, нужденність висока, а ланцюг профілактики слабкий: пропозиції за життєвою фазою та районом проти кількості дітей, зважені показником нужденності.
needs-level = Рівень території
needs-year = Рік населення
needs-indicator = Показник нужденності
needs-indicator-none = жоден (усі території з однаковою вагою)
needs-weight = Вага нужденності
needs-weight-hint = Від 0 до 5; при 1 діти в найбільш нужденній території рахуються двічі.
needs-per = Покриття на … дітей
needs-min-children = Прогалини лише від … дітей
needs-show = Показати
needs-csv = Таблиця як CSV
needs-errors = Деякі значення не вдалося прочитати; замість них діють типові.
needs-error-number = Будь ласка, введіть число.
needs-error-range = Поза дозволеними межами (вага від 0 до 5, покриття щонайменше на 1 дитину, мінімум від 0).
needs-how = Як рахується
needs-formula = Потреба = діти життєвої фази × (1 + { $weight } × ранг нужденності). Покриття = пропозиції в районі на { $per } зважених дітей. Прогалина — де бракує щонайменше однієї пропозиції до міської медіани.
needs-rank-from = Ранг нужденності: місце території за «{ $indicator }» ({ $year }), 0 — найменше, 1 — найбільше.
needs-rank-none = Без показника нужденності кожна територія має середній ранг 0,5.
needs-estimate-hint = Кількість дітей за фазою оцінено з опублікованих вікових груп. Враховуються активні пропозиції з місцем у районі.
needs-withheld-districts =
    { $count ->
    [one] У { $count } території дані приховано для захисту малих чисел.
    [few] У { $count } територіях дані приховано для захисту малих чисел.
   *[other] У { $count } територіях дані приховано для захисту малих чисел.
}
needs-gaps = Прогалини за кількістю відсутніх пропозицій
needs-gaps-none = За цим розрахунком прогалин немає.
needs-gaps-count =
    { $count ->
    [one] { $count } прогалина.
    [few] { $count } прогалини.
   *[other] { $count } прогалин.
}
needs-gaps-shown =
    { $count ->
   *[other] Тут перші { $count }, усі — у таблиці CSV.
}
needs-district = Територія
needs-phase = Життєва фаза
needs-children = Діти
needs-offers = Пропозиції
needs-missing = бракує пропозицій
needs-reasons = Причини
needs-reason-no-offer = у районі немає пропозицій для цієї фази
needs-reason-below-median = покриття { $coverage } нижче медіани { $median }
needs-reason-deprivation = серед найбільш нужденних територій (ранг { $rank } %)
needs-reason-many-children = багато дітей цієї фази ({ $children })
needs-reason-few-places = { $places } місць на 100 дітей, медіана { $median }
needs-matrix = Покриття за територією та фазою
needs-matrix-hint = У клітинці: покриття, під ним пропозиції · діти.
needs-rank = Ранг
needs-median = Медіана
needs-withheld = захищено
needs-reason-far-to-walk = лише { $share } % дітей у межах 10 хвилин пішки (оцінка)
needs-walk-share = { $share } % пішки
needs-walk-estimate = «пішки»: частка дітей, які за 10 хвилин пішки дістаються пропозиції цієї фази, – оцінка, поки мережу вулиць не завантажено: пряма × 1,3 при 4,8 км/год.
needs-transitions = Переходи без містка
needs-transitions-hint = Райони, де жодна пропозиція не називає перехід і жоден крок ланцюга там не починається; спершу ті, де найбільше дітей наступної фази.
needs-unbridged-none = У кожному районі щонайменше одна пропозиція чи крок долає цей перехід.
needs-unbridged-count =
    { $count ->
    [one] { $count } з { $of } районів без містка:
    [few] { $count } з { $of } районів без містка:
   *[other] { $count } з { $of } районів без містка:
}
scenario-title = Сценарії
scenario-lead = «А що, як …»: додайте запланований захід або закрийте наявний і ще до рішення подивіться, як зміняться охоплення, прогалини та пішохідна доступність. Сценарії не змінюють заходів.
scenario-none = Ще немає сценаріїв.
scenario-name = Назва
scenario-description = Опис
scenario-changes = Зміни
scenario-updated = Змінено
scenario-compare = Порівняти сценарії
scenario-compare-a = Перший сценарій
scenario-compare-b = Другий сценарій
scenario-compare-button = Порівняти
scenario-compare-none = Оберіть два сценарії.
scenario-compare-hint = Для кожного життєвого етапу: сьогодні та зі змінами кожного сценарію, на рівні й за формулою аналізу потреб.
scenario-today = Сьогодні
scenario-new = Новий сценарій
scenario-create = Створити сценарій
scenario-changes-none = Ще немає змін – нижче додайте запланований захід або закрийте захід.
scenario-remove = Прибрати
scenario-outcome = Результат
scenario-outcome-hint = Сьогодні → з цим сценарієм, рівень «{ $level }»; охоплення обчислено як в аналізі потреб, прогалини виміряно відносно сьогоднішньої медіани (інакше кожне закриття виглядало б як поступ).
scenario-walk-estimate = Пішохідні шляхи оцінено (пряма × 1,3 при 4,8 км/год).
scenario-summary = За життєвими етапами, уся громада
scenario-places-col = Місця
scenario-gaps-col = Прогалини
scenario-walk-col = Діти в межах 10 хв пішки
scenario-per-100-col = Місць на 100 дітей
scenario-gap-col = Прогалина
scenario-cells = Райони, що змінюються
scenario-cells-none = Жоден район не змінюється.
scenario-cells-count =
    { $count ->
    [one] Змінюється { $count } поєднання району та етапу.
    [few] Змінюються { $count } поєднання району та етапу.
   *[other] Змінюється { $count } поєднань району та етапу.
}
scenario-plan = Додати запланований захід
scenario-label = Назва
scenario-district = Район
scenario-district-hint = Код або точна назва, напр. зі списку підказок.
scenario-places-field = Місця (якщо відомо)
scenario-point = Розташування (необов’язково)
scenario-point-hint = Широта й довгота в градусах, напр. 52,52 і 13,40. Без розташування для оцінки пішохідного шляху захід стоїть у центрі району.
scenario-lat = Широта
scenario-lon = Довгота
scenario-plan-button = Додати
scenario-close = Закрити захід
scenario-close-search = Знайти захід
scenario-close-none = Захід не знайдено.
scenario-closed-already = закривається в цьому сценарії
scenario-close-button = Закрити в цьому сценарії
scenario-delete = Видалити сценарій
scenario-change-close = Закривається: { $offer }
scenario-change-plan = Заплановано: { $label } у { $district } – { $phases }, { $places }, розташування { $at }
scenario-no-effect-offer = (тут не враховується: неактивний або без місця в районі)
scenario-no-effect-place = (на цьому рівні не належить до жодного району – вкажіть розташування)
scenario-no-gap = немає
scenario-gap-missing = бракує { $missing }
scenario-places =
    { $count ->
    [one] { $count } місце
    [few] { $count } місця
   *[other] { $count } місць
}
scenario-places-unknown = кількість місць невідома
scenario-at-centre = центр району
scenario-error-district-ambiguous = Так називаються кілька районів – вкажіть код.
scenario-error-places = Щонайбільше 100 000 місць.
needs-scenarios-link = Сценарії: «а що, як …»
scenario-change-close-hidden = Закривається: захід, який вам не можна бачити
needs-follow-up = Стан
needs-gap-title = Прогалина
needs-gap-figures = Дані
needs-gap-coverage = Охоплення
needs-gap-no-figures = Для цього району й етапу немає даних, які вам можна бачити.
needs-gap-missing = До медіани громади бракує { $missing } заходів.
needs-gap-not-now = За стандартним розрахунком зараз це не прогалина.
needs-gap-chain = Ланцюг профілактики в районі
needs-gap-profile = Профіль району
needs-gap-follow-up = Що далі
needs-gap-measure = Захід
needs-gap-proposal = Пропозиція
needs-gap-no-comments = Ще немає коментарів.
needs-gap-untouched = Цією прогалиною ще ніхто не займався.
needs-gap-state = Стан
needs-gap-state-open = Відкрита
needs-gap-state-addressed = Розв’язується
needs-gap-state-no-action = Свідомо без дій (з поясненням)
needs-gap-about-this = щодо цього району й етапу
needs-gap-new-proposal = Подати нову пропозицію щодо цієї прогалини
needs-gap-comment = Коментар
needs-gap-save = Зберегти
needs-gap-error-addressed = Оберіть захід або пропозицію, що розв’язує прогалину.
needs-gap-error-reason = Поясніть, чому нічого не робиться.
needs-gap-proposal-problem = Аналіз потреб показує прогалину для етапу «{ $phase }» у районі { $district }.
needs-gap-comments =
    { $count ->
    [one] { $count } коментар
    [few] { $count } коментарі
   *[other] { $count } коментарів
}
needs-followed = Прогалини в роботі
needs-followed-none = Ще жодну прогалину не прокоментовано й не пов’язано із заходом. Кожна прогалина вище веде на свою сторінку.
inventory-title = Наявне: заходи за районами
inventory-lead = Які заходи є в кожному районі – за життєвим етапом, сферою, переходом або цільовою групою. Захід для кількох етапів враховується в кожному.
inventory-dimension = Групувати за
inventory-summary = { $offers } заходів із місцем у { $areas } районах; у { $without } районах – жодного.
inventory-hint = Враховано активні заходи з місцем, яке вам можна бачити; заходи без місця не належать жодному району. Кожне число веде до списку заходів.
inventory-map = Мапа
inventory-term = На мапі
inventory-map-title = Заходи за районами: { $term }
inventory-map-hint = Таблиця нижче містить ті самі числа.
inventory-table = Таблиця
inventory-all = Усі заходи
inventory-whole = Уся громада
needs-inventory-link = Наявне: які заходи є в кожному районі
needs-walk-network = «пішки»: частка дітей, які досягають заходу свого етапу за 10 хвилин пішки – виміряно на мережі вулиць і доріжок (OpenStreetMap, © учасники OpenStreetMap, ODbL) при 4,8 км/год. Дітей району розподілено між його житловими будинками за площею (площа забудови × поверхи; у { $homes } з { $areas } районів), деінде рівномірно по сітці 200 м; точки далі 500 м від будь-якої доріжки не враховуються.
needs-reason-far-to-walk-network = лише { $share } % дітей у межах 10 хвилин пішки (мережа вулиць)
scenario-walk-network = Пішохідні шляхи виміряно на мережі вулиць (OpenStreetMap, © учасники OpenStreetMap, ODbL).
needs-far = Де шлях далекий
needs-far-hint-network = Райони й етапи з найбільшою кількістю дітей, які не досягають жодного заходу свого етапу за 10 хвилин пішки – виміряно на мережі вулиць; перші 30. Кожна назва веде на сторінку прогалини.
needs-far-hint-estimate = Райони й етапи з найбільшою кількістю дітей, які не досягають жодного заходу свого етапу за 10 хвилин пішки – оцінено (пряма × 1,3), доки мережу вулиць не імпортовано; перші 30. Кожна назва веде на сторінку прогалини.
needs-far-5 = за 5 хв
needs-far-10 = за 10 хв
needs-far-15 = за 15 хв
needs-far-beyond = Дітей далі 10 хв
walk-title = Пішки досяжно
walk-network = Виміряно на мережі вулиць і доріжок із { $file } ({ $junctions } вузлів, імпортовано { $when }, контрольна сума { $sha }) при 4,8 км/год. Дані © учасники OpenStreetMap, ODbL.
walk-estimate = Оцінено: пряма × 1,3 при 4,8 км/год, доки мережу вулиць не імпортовано (kette import street-network).
walk-map-title = Частка дітей у межах 10 хвилин пішки: { $phase }
walk-map-hint = Частка дітей, які досягають заходу свого етапу за 10 хвилин пішки. Таблиця містить ті самі значення, а також 5 і 15 хвилин.
walk-table = { $phase }: діти та частки в межах 5, 10 і 15 хвилин пішки, найменші за 10 хвилин спершу
needs-walk-link = Пішки досяжно: мапа й таблиця за етапами
walk-runs = Збережені результати
walk-runs-hint = Збережений результат фіксує частки всіх районів цього рівня разом зі способом вимірювання – для звітів і подальших порівнянь. Його обчислено з публічним поглядом на місця; захищені місця не впливають.
walk-runs-none = Ще немає збережених результатів.
walk-run-label = Назва результату
walk-run-save = Зберегти результат
walk-method-network = виміряно на мережі вулиць
walk-method-estimate = оцінено (пряма × 1,3)
walk-run-when = Збережено
walk-run-method = Спосіб
walk-run-checksum = контрольна сума витягу
walk-run-parameters = Параметри
walk-run-hint = Частки дітей кожного району, які досягають заходу свого етапу за 5, 10 і 15 хвилин пішки, найменші за 10 хвилин спершу. Дані вулиць © учасники OpenStreetMap, ODbL.
walk-network-upload = Імпортувати мережу вулиць
walk-network-hint = Витяг OpenStreetMap, обрізаний до громади: PBF (напр. з download.geofabrik.de за допомогою osmium extract) або OSM XML, стиснений чи ні (.osm, .osm.gz, напр. з Overpass або JOSM). Спершу його прочитано й побудовано; лише придатний витяг замінює поточний.
walk-network-file = Файл (.osm.pbf, .osm, .osm.gz)
walk-network-import = Імпортувати
walk-network-no-file = Оберіть файл.
walk-network-refused = { $file } не імпортовано; чинна мережа вулиць лишається: { $cause }
dashboard-needs-gaps =
    { $count ->
    [one] { $count } прогалина в аналізі потреб, з них розв’язується { $addressed }.
    [few] { $count } прогалини в аналізі потреб, з них розв’язується { $addressed }.
   *[other] { $count } прогалин в аналізі потреб, з них розв’язується { $addressed }.
}
proposal-need-evidence = Аналіз потреб, { $phase } у { $district }: { $children } дітей, охоплення { $coverage } (медіана { $median }), { $walk } у межах 10 хвилин пішки, бракує заходів: { $missing }.
index-note-components = Крок { $step }, { $output }: пояснена дисперсія за головними компонентами { $explained }; навантаження першої: { $loadings }.
index-note-orientation = Крок { $step }, { $output }: значення зростає разом із { $anchor } (r = { $r }).
index-note-orientation-weak = Крок { $step }, { $output }: значення майже не пов’язане з опорою { $anchor } (r = { $r }), тож його напрям майже довільний. Оберіть опору, яка чітко пов’язана з індексом.
index-note-rows-without-value = Крок { $step } ({ $kind }): { $missing } з { $rows } рядків не мають значення в { $column }.
index-note-rows-without-value-inputs = Крок { $step } ({ $kind }): { $missing } з { $rows } рядків не мають значення в { $column }; там бракує: { $inputs }.
index-notes-title = Примітки до обчислення
index-note-warning = Попередження
needs-domain = Сфера діяльності
needs-domain-all = усі сфери діяльності
needs-domain-only = Пропозицією, а також метою пішої доступності вважаються лише пропозиції сфери «{ $domain }». Потреба (діти, неблагополуччя) не змінюється; еталон (медіана) береться з того самого вибору.
needs-domain-follow-up = Опрацювання нижче стосується етапу життя в цьому районі загалом.
needs-error-domain = Такої сфери немає; враховано всі пропозиції.
proposal-need-suggested = Аналіз потреб пропонує { $score } з 5 за критерієм потреби ({ $because }).
proposal-need-rule = Правило: немає пропозиції — 5; охоплення менше 50 % медіани — 4, менше 75 % — 3, менше 100 % — 2, менше 150 % — 1, інакше 0; ще по одному балу (не більше 5) за район у найбільш неблагополучній чверті та якщо менше половини дітей дістаються пропозиції за 10 хвилин пішки.
proposal-need-preselected = Ще не оцінено: пропозицію аналізу потреб вибрано заздалегідь, вона враховується лише після збереження оцінок.
need-score-no-offer = у районі немає пропозиції для цього етапу життя
need-score-coverage = охоплення { $share } % медіани
need-score-deprived = серед найбільш неблагополучної чверті районів
need-score-far = лише { $share } % дітей у межах 10 хвилин пішки
needs-walk-census = У { $areas } районах діти живуть там, де їх враховує сітка перепису (джерело: статистичні служби Федерації та земель, перепис, dl-de/by-2-0); клітинки із засекреченою кількістю не враховуються.
walk-raster-title = Пішки до найближчої пропозиції: { $phase }
walk-raster-5 = до 5 хвилин
walk-raster-10 = від 5 до 10 хвилин
walk-raster-15 = від 10 до 15 хвилин
walk-raster-beyond = понад 15 хвилин
walk-raster-off = поза дорогами
walk-raster-hint-network = Кожен квадрат (близько { $metres } м) показує шлях вулицями, який щонайбільше має половина його дітей від місця проживання. Таблиця нижче містить частки за районами.
walk-raster-hint-estimate = Кожен квадрат (близько { $metres } м) показує оцінений шлях (пряма × 1,3), який щонайбільше має половина його дітей від місця проживання. Таблиця нижче містить частки за районами.
walk-census-upload = Імпортувати сітку перепису
walk-census-hint = Таблиця сітки перепису 2022 (або 2011) у форматі CSV, напр. «Alter in 5 Altersklassen» або «Bevölkerungszahl» у 100-метровій сітці з zensus2022.de. Зберігаються клітинки в районах громади; відтак діти живуть там, де їх враховує перепис (з вагою кількості осіб до 18 років, інакше — мешканців). Файл із нечитабельним рядком відхиляється повністю.
walk-census-file = Файл (.csv)
walk-census-import = Імпортувати сітку перепису
walk-census-refused = { $file } не імпортовано; чинною лишається поточна сітка перепису: { $cause }
walk-census = Сітка перепису: { $file }, { $cells } клітинок у районах, вага { $weight }, імпортовано { $when }.
walk-census-people = мешканці
walk-mode = Пересування
walk-mode-walking = пішки (4,8 км/год)
walk-mode-cycling = велосипедом (15 км/год)
walk-error-mode = Невідомий спосіб пересування; показано пішу доступність.
walk-cycling-network = Велосипедом, виміряно на велосипедній мережі з { $file } ({ $junctions } вузлів, імпортовано { $when }, контрольна сума { $sha }) при 15 км/год; діють односторонні вулиці. Дані © учасники OpenStreetMap, ODbL.
walk-cycling-estimate = Велосипедом, оцінка: пряма × 1,3 при 15 км/год, доки не імпортовано велосипедну мережу (профіль «cycling»).
walk-map-title-cycling = Частка дітей у межах 10 хвилин велосипедом: { $phase }
walk-map-hint-cycling = Частка дітей, які дістаються пропозиції для етапу життя за 10 хвилин велосипедом. Таблиця містить ті самі значення та 5 і 15 хвилин.
walk-raster-title-cycling = Велосипедом до найближчої пропозиції: { $phase }
walk-table-cycling = { $phase }: діти та частки в межах 5, 10 і 15 хвилин велосипедом, найменші за 10 хвилин спочатку
walk-network-profile = Мережа для
walk-runs-walking-only = Зберігаються результати для пішої доступності; для велосипеда діє перегляд вище.
