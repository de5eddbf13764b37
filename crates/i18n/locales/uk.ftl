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
finder-how = Як потрапити?
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
referral-privacy = Жодних даних про сім’ю не зберігається, лише анонімний підрахунок (дата, район, етап життя, тема, послуга).
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
referrals-title = Направлення
