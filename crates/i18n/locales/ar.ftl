# kette – العربية (الصفحات العامة؛ الصفحات الأخرى تظهر بالألمانية)
app-name = kette
skip-to-content = انتقل إلى المحتوى
nav-main = القائمة الرئيسية
nav-home = إلى الصفحة الرئيسية
nav-search = ابحث عن خدمات
nav-offers = الخدمات
nav-organisations = الجهات المقدّمة
nav-districts = الأحياء
nav-district = الحي
nav-login = تسجيل الدخول
nav-logout = تسجيل الخروج
nav-monitoring = الرصد
nav-vocabulary = المصطلحات
nav-synonyms = المرادفات
nav-feedback = الملاحظات
language = اللغة
fictional = خيالي
demo-note = عرض تجريبي ببيانات برلين المفتوحة الحقيقية. الحسابات والأشخاص خياليون.
footer-api = واجهة برمجية مفتوحة (OpenAPI)
footer-statement = إمكانية الوصول
footer-feedback = أرسل ملاحظة

search-title = ابحث عن خدمات للعائلات
search-lead = أخبرنا كم عمر طفلك، وأين تسكن، وعمّا تبحث.
search-age = كم عمر طفلك؟
search-where = أين تسكن؟
search-what = عمّا تبحث؟
search-submit = ابحث
search-results = النتائج
offers-found = { $count ->
    [zero] لا توجد خدمات
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
    [many] { $count } خدمة
   *[other] { $count } خدمة
}
offer-where = أين؟
confidential = عنوان سري

filter-any = الكل
filter-cost = التكلفة
filter-district = الحي
filter-life-phase = مرحلة العمر
field-access = طريقة الالتحاق
field-age = العمر
field-contact-email = البريد الإلكتروني
field-contact-phone = الهاتف
field-cost = التكلفة
field-languages = اللغات
field-last-verified = آخر تحقق في
field-website = الموقع الإلكتروني
pager = الصفحات
pager-prev = الصفحة السابقة
pager-next = الصفحة التالية
pager-page = صفحة
cost-free = مجاني
cost-reduced = مخفّض (Bildung und Teilhabe)
cost-fee = برسوم
access-open = مفتوح، بدون تسجيل
access-registration = بالتسجيل
access-referral = بالإحالة
offerstatus-draft = مسودة
offerstatus-active = نشط
offerstatus-paused = متوقف مؤقتًا
offerstatus-ended = منتهٍ
age-years = { $count } سنة
age-months = { $count } شهر
finder-age-years = { $count ->
    [one] سنة واحدة
    [two] سنتان
    [few] { $count } سنوات
   *[other] { $count } سنة
}

finder-errors = يرجى التحقق من المعلومات
finder-age-any = لا يهم / غير محدد
finder-age-expecting = نحن ننتظر طفلًا
finder-age-baby = أقل من سنة
finder-near-hint = الشارع أو الرمز البريدي، مثل Müllerstraße أو 13353
finder-q-hint = مثل مجموعة الرضّع، قابلة، مساعدة في الواجبات
finder-more = خيارات بحث إضافية
finder-radius = على مسافة لا تزيد عن
finder-radius-any = لا يهم
finder-topic = الموضوع
finder-language = اللغة المستخدمة هناك
finder-new-search = بحث جديد
finder-place-unknown = لا نعرف هذا الشارع أو الرمز البريدي، لذلك النتائج غير مرتبة حسب المسافة.
finder-distance-from = المسافة محسوبة من: { $place }
finder-nothing = لم نجد شيئًا مناسبًا. جرّب معلومات أقل أو كلمة أخرى.
finder-what = ماذا؟
finder-when = متى؟
finder-where = أين؟
finder-how = كيف أصل إلى هناك؟
finder-show-all-distances = اعرض الكل مهما كانت المسافة
finder-show-further = اعرض أيضاً العروض الأبعد (حتى { $radius })
finder-nearest-first-within = الأقرب أولاً، ضمن مسافة { $radius }.
finder-nearest-first = الأقرب أولاً.
finder-ages = العمر
finder-cost = التكلفة
finder-access = طريقة الالتحاق
finder-address-on-request = العنوان عند الطلب (مكان محمي)
finder-back = العودة إلى النتائج
finder-back-offer = العودة إلى الخدمة
finder-easy-language = اقرأ بالألمانية المبسطة (Leichte Sprache)
finder-standard-language = اقرأ باللغة العادية
finder-print = طباعة
finder-print-hint = اطبع هذه الصفحة باستخدام وظيفة الطباعة في متصفحك.
finder-not-translated = هذا النص متوفر بالألمانية فقط.
finder-spoken = اللغات المستخدمة هناك
finder-internal = للمختصين فقط
finder-no-note = لا توجد ملاحظة داخلية.
finder-report-error = أبلغ عن خطأ في هذه الخدمة
referral-title = ورقة إحالة للعائلة
referral-privacy = لا تُحفظ أي بيانات عن العائلة، فقط عدّ مجهول الهوية (التاريخ، الحي، المرحلة العمرية، الانتقال، الموضوع، العرض، النتيجة).
referral-language = لغة العائلة
referral-submit = أنشئ ورقة الإحالة
referral-sheet = ورقة إحالة

statement-title = بيان إمكانية الوصول
statement-scope = ينطبق هذا البيان على أداة البحث العامة عن الخدمات في سلسلة الوقاية { $municipality } (البحث، النتائج، صفحات الخدمات، صفحات الطباعة، هذا البيان ونموذج الملاحظات).
statement-status-title = حالة التوافق
statement-status = تهدف الصفحات إلى استيفاء متطلبات BITV 2.0 و WCAG 2.1 بمستوى AA. تعمل بدون JavaScript، وبلوحة المفاتيح وقارئات الشاشة، وبخط كبير، وباللغات الألمانية والإنجليزية والتركية والعربية والأوكرانية.
statement-limits-title = محتوى غير متاح بالكامل
statement-limit-translations = أوصاف الخدمات غالبًا متوفرة بالألمانية فقط، وتشير الصفحة إلى ذلك.
statement-limit-map = الخريطة إضافة فقط، وكل معلوماتها موجودة أيضًا كنص في القائمة.
statement-limit-internal = صفحات المختصين متوفرة بالألمانية والإنجليزية.
statement-method-title = كيف أُعدّ هذا البيان
statement-method = تُفحص كل تغييرات الصفحات تلقائيًا باستخدام axe-core في متصفح حقيقي، بالألمانية والعربية، وتُستخدم بلوحة المفاتيح فقط.
statement-feedback-title = أبلغ عن العوائق
statement-feedback = إذا لاحظت عائقًا، فاكتب لنا. لا تحتاج إلى إعطاء أي بيانات شخصية.
statement-enforcement-title = إجراء التحكيم
statement-enforcement = إذا لم تحصل على رد مرضٍ على ملاحظتك، يمكنك التوجه إلى هيئة التحكيم وفق المادة 16 من قانون BGG أو إلى الجهة المختصة في ولايتك.

feedback-title = أرسل ملاحظة
feedback-lead = هل لاحظت عائقًا، أو معلومة خاطئة، أو خدمة ناقصة؟ اكتب لنا.
feedback-privacy = يرجى عدم كتابة أسماء أو عناوين أو بيانات شخصية أخرى في الحقل. نحفظ فقط نصك والصفحة.
feedback-topic = ما الموضوع؟
feedback-topic-barrier = عائق
feedback-topic-wrong-information = معلومة خاطئة
feedback-topic-missing-offer = خدمة ناقصة
feedback-topic-other = شيء آخر
feedback-message = رسالتك
feedback-send = إرسال
feedback-thanks = شكرًا لك! وصلت ملاحظتك.
feedback-error-topic = يرجى اختيار الموضوع.
feedback-error-empty = يرجى كتابة رسالة.
feedback-error-long = الرسالة طويلة جدًا (5000 حرف كحد أقصى).

error-title = خطأ
error-internal = حدث خطأ ما. يرجى المحاولة لاحقًا.
error-not-found = هذه الصفحة غير موجودة.
error-forbidden = ليست لديك صلاحية لذلك.
error-bad-request = الطلب غير صالح.
error-csrf = انتهت صلاحية النموذج. يرجى إعادة تحميل الصفحة وإرساله مرة أخرى.
error-age-years = يرجى إدخال العمر كرقم من 0 إلى 27 سنة.
error-age-months = يرجى إدخال العمر بالأشهر من 0 إلى 324.
error-whole-number = يرجى إدخال عدد صحيح.
error-choice = يرجى اختيار إحدى القيم المعروضة.
error-coordinates = يرجى إدخال خط العرض (−90 إلى 90) وخط الطول (−180 إلى 180) معًا.
error-radius = يجب أن يكون نصف القطر بين 100 متر و100 كيلومتر.
error-query-range = القيمة خارج النطاق المسموح.
error-place-unknown = هذا الشارع أو الرمز البريدي غير معروف في الدليل.
finder-also-in = هذه الخدمة متوفرة أيضًا باللغات:
finder-open-map-app = افتح في تطبيق الخرائط
referrals-title = سجل المرشدين
nav-account = حسابي
nav-review = الموافقات
nav-verification = قائمة المراجعة
finder-map-show = عرض النتائج على الخريطة
finder-map-hide = إخفاء الخريطة
finder-map-title = خريطة نتائج هذه الصفحة
finder-map-caption = الأرقام على الخريطة هي نفس الأرقام في القائمة.
finder-map-interactive = تحميل خريطة قابلة للتحريك والتكبير
finder-map-number = الرقم على الخريطة
login-throttled = محاولات فاشلة كثيرة. يرجى المحاولة مرة أخرى بعد { $minutes } دقيقة.
finder-tried = تم البحث عن:
list-separator = {"، "}
finder-did-you-mean = هل تقصد:
finder-relax-title = مع شروط أقل تجد
finder-without-words = بدون الكلمات «{ $words }»
finder-without-age = بدون تحديد العمر
finder-any-distance = على أي مسافة
finder-without-place = بدون تحديد المكان
finder-without-district = في جميع الأحياء
finder-without-topic = في جميع المواضيع
finder-without-language = بأي لغة
finder-without-cost = بغض النظر عن التكلفة
finder-without-access = بغض النظر عن طريقة الوصول
finder-topics-title = العروض حسب الموضوع لهذا العمر وهذا المكان
finder-ask-navigator = مساعدة شخصية
finder-navigator-feedback = هل ينقص عرض ما؟ أخبرنا:
navigator-contact-lead = يساعدك المرشدون مجانًا في العثور على العرض المناسب:
navigator-hours = أوقات التواصل
navigator-service-title = خدمة الإرشاد للعائلات
navigator-service-hint = ترى العائلات بيانات الاتصال هذه عندما لا يجد البحث شيئًا وفي ورقة الإحالة لعرض في مكان محمي.
navigator-service-name = اسم الخدمة
navigator-service-phone = الهاتف
navigator-service-email = البريد الإلكتروني
navigator-service-hours = أوقات التواصل (مثلًا الإثنين–الجمعة 9–15)
finder-protected-place = هذا المكان محمي ولا يُنشر عنوانه. تواصلوا معنا لتعرفوا كيف تصلون إليه:
breadcrumbs = مسار التنقل
home-title = سلسلة الوقاية
home-lead = جميع عروض الشركاء على امتداد مسار الحياة – من الحمل حتى بداية الحياة المهنية.
figure-offers = عرض
figure-organisations = جهة مقدمة
figure-districts = منطقة اجتماعية
matrix-title = السلسلة في لمحة
matrix-help = عدد العروض النشطة لكل مرحلة عمرية ومجال عمل. يشير الرقم 0 الأحمر إلى ثغرة في السلسلة.
matrix-life-phase = المرحلة العمرية
matrix-total = المجموع
matrix-gap = ثغرة: لا يوجد عرض
offers-title = العروض
offer-new = عرض جديد
offer-edit = تعديل العرض
offer-history = سجل التغييرات
anchor-point = نقطة ارتكاز
filter-text = كلمة البحث
filter-age = عمر الطفل
filter-age-hint = بالسنوات، مثلًا 2 أو 1.5
filter-domain = مجال العمل
filter-target-group = الفئة المستهدفة
filter-status = الحالة
filter-apply = تصفية
filter-reset = إعادة ضبط التصفية
field-life-phases = المراحل العمرية
field-domains = مجالات العمل
field-target-groups = الفئات المستهدفة
field-transitions = مراحل الانتقال
field-prevention-level = مستوى الوقاية
field-schedule = الأوقات
field-capacity = الأماكن
field-funding = التمويل
field-funding-until = محدد حتى
title = العنوان
description = الوصف
life-phases = المراحل العمرية
min-age-months = أدنى عمر (بالأشهر)
max-age-months = أعلى عمر (بالأشهر، غير مشمول)
domains = مجالات العمل
target-groups = الفئات المستهدفة
transitions = مراحل الانتقال
languages = اللغات (رموز، مثلًا de، tr، ar)
cost = التكلفة
access = طريقة الوصول
prevention-level = مستوى الوقاية
schedule = الأوقات
capacity = الأماكن
reach-per-year = عدد المشاركين سنويًا
location-ids = الأماكن
funding-kind = التمويل
funding-source = الجهة الممولة
funding-amount-eur = المبلغ سنويًا (يورو)
funding-until = التمويل محدد حتى
contact-email = البريد الإلكتروني
contact-phone = الهاتف
website = الموقع الإلكتروني
last-verified-on = آخر تحقق في
status = الحالة
form-save = حفظ
form-has-errors = يرجى تصحيح البيانات المعلَّمة
preventionlevel-universal = شامل (جميع العائلات)
preventionlevel-selective = انتقائي (عائلات في ظروف صعبة)
preventionlevel-indicated = موجَّه
fundingkind-regular = تمويل منتظم
fundingkind-project = تمويل مشروع
fundingkind-donation = تبرعات
fundingkind-mixed = تمويل مختلط
organisationkind-public-office = جهة حكومية
organisationkind-welfare-association = جمعية رعاية
organisationkind-school = مدرسة
organisationkind-kita = جهة مشغلة لدور الحضانة
organisationkind-health = قطاع الصحة
organisationkind-club = جمعية
organisationkind-business = شركة
organisationkind-church = كنيسة
organisationkind-initiative = مبادرة
organisationkind-other = أخرى
role-admin = الإدارة
role-coordinator = التنسيق
role-planner = التخطيط
role-partner-editor = تحرير الجهة المقدمة
role-navigator = مرشد/مرشدة
role-viewer = صلاحية القراءة
organisations-title = الجهات المقدمة وشركاء التعاون
organisations-found = { $count ->
    [one] جهة واحدة
   *[other] { $count } جهات
}
organisation-name = الاسم
organisation-kind = النوع
organisation-locations = الأماكن
organisation-contacts = جهات الاتصال
districts-title = المناطق الاجتماعية
districts-lead = مناطق التخطيط في المدينة مع السكان والمؤشرات والعروض.
district-key = الرمز
district-name = الاسم
district-subareas = المناطق الفرعية
district-map = الخريطة
district-map-hint = تُظهر النقاط أماكن العروض.
district-no-geometry = لا تتوفر مساحة لهذه المنطقة الاجتماعية.
district-chain = العروض حسب المرحلة العمرية
district-population = السكان حسب العمر (31.12.)
district-population-note = المصدر: إحصاء سجل السكان، مكتب الإحصاء برلين-براندنبورغ.
district-indicators = المؤشرات
district-indicators-note = القيم في 31.12. من السنة؛ المصدر: رصد التنمية الحضرية الاجتماعية.
district-no-indicators = لا توجد مؤشرات منشورة لهذا المستوى؛ فهي متوفرة لكل منطقة تخطيط.
district-all-offers = جميع العروض في هذه المنطقة الاجتماعية
age-group = العمر (بالسنوات)
indicator = المؤشر
unit = الوحدة
map-of = خريطة { $name }
login-title = تسجيل الدخول
login-username = اسم المستخدم
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-failed = اسم المستخدم أو كلمة المرور غير صحيحة.
error-choose-organisation = يرجى اختيار جهة مقدمة أولًا.
error-required = يرجى ملء هذا الحقل.
error-too-long = النص طويل جدًا.
error-unknown-term = إدخال غير معروف.
error-life-phase-or-age = يرجى اختيار مرحلة عمرية واحدة على الأقل أو إدخال عمر.
error-age-range = يجب أن يكون العمر بين 0 و324 شهرًا.
error-age-order = لا يجوز أن يكون أعلى عمر أقل من أدنى عمر.
error-language-code = يرجى استخدام رموز لغات مثل de أو tr أو ar.
error-not-negative = لا يجوز أن يكون المبلغ سالبًا.
error-funding-until-regular = التمويل المنتظم ليس له تاريخ انتهاء.
error-email = يرجى إدخال بريد إلكتروني صالح.
error-url = يبدأ عنوان الموقع بـ https:// أو http://.
error-location-not-own = هذا المكان لا يتبع جهتكم.
error-number = يرجى إدخال رقم.
error-date = يرجى إدخال تاريخ (YYYY-MM-DD).
edit = تعديل
saved = تم الحفظ.
organisation-edit = تعديل بيانات الجهة المقدمة
contacts-hint = جهات اتصال محددة للتعاون في الشبكة. يتم تجاهل الأسطر الفارغة.
contact-person = جهة الاتصال
contact-name = الاسم
contact-role = الوظيفة
location-new = إضافة مكان
location-edit = تعديل المكان
location-name = اسم المكان
location-street = الشارع ورقم المبنى
location-postcode = الرمز البريدي
location-city = المدينة
location-lat = خط العرض (WGS84، مثلًا 52.52)
location-lon = خط الطول (WGS84، مثلًا 13.40)
location-district-hint = تُحدَّد المنطقة الاجتماعية من الإحداثيات.
location-confidential = عنوان سري (يراه فقط المختصون المسجلون)
vocabulary-title = مفردات سلسلة الوقاية
vocabulary-lead = المراحل العمرية ومجالات العمل والفئات المستهدفة ومراحل الانتقال في هذه البلدية: أعيدوا تسميتها وأضيفوا إليها. تبقى الرموز كما هي حتى تحتفظ العروض الحالية بتصنيفها.
kind-life-phase = المراحل العمرية
kind-domain = مجالات العمل
kind-target-group = الفئات المستهدفة
kind-transition = مراحل الانتقال
term-code = الرمز
term-label-de = التسمية (بالألمانية)
term-label-en = التسمية (بالإنجليزية)
term-add = إضافة
error-coordinates-pair = يرجى إدخال خط العرض وخط الطول معًا.
error-latitude = يجب أن يكون خط العرض بين -90 و90.
error-longitude = يجب أن يكون خط الطول بين -180 و180.
error-postcode = يتكون الرمز البريدي من خمسة أرقام.
error-unknown-district = هذه المنطقة الاجتماعية غير موجودة.
error-term-code = يتكون الرمز من أحرف لاتينية صغيرة وأرقام و_ ويبدأ بحرف.
error-term-exists = هذا الرمز موجود بالفعل.
error-unknown = مرجع غير معروف.
error-immutable = لا يمكن تغيير هذه القيمة.
suppression-note = • = مخفي لحماية العائلات: رقم أقل من 3 أو رقم يمكن حسابه منه.
suppressed-title = مخفي (السرية)
monitoring-title = الرصد على مستوى المناطق الصغيرة
monitoring-lead = المؤشرات لكل منطقة اجتماعية وسنة: التعريف والمصدر والخريطة. المؤشرات المركبة المحسوبة مأخوذة من وصفات قابلة للتتبع (recipes/).
direction = الاتجاه
direction-higher-is-worse = أعلى = أسوأ
direction-higher-is-better = أعلى = أفضل
direction-neutral = محايد
years = السنوات
source = المصدر
year = السنة
map-show = عرض الخريطة
map-title = خريطة: { $indicator }
map-no-value = لا توجد قيمة
map-legend = مفتاح الخريطة:
map-legend-help = خمس مجموعات متساوية الحجم (خُمسيات) من المناطق الاجتماعية؛ الأغمق = قيمة أعلى.
map-higher-worse = تعني القيم الأعلى حاجة أكبر إلى التدخل.
map-ranking = ترتيب المناطق الاجتماعية
rank = الترتيب
value = القيمة
map-class = المجموعة
map-alt = تُظهر الخريطة قيم جميع المناطق الاجتماعية بالألوان؛ والقيم نفسها موجودة في الترتيب أسفل الخريطة.
city-mean = متوسط المستوى
trend-per-year = الاتجاه سنويًا
small-base = قاعدة صغيرة: المقام أقل من الحد الأدنى للمؤشر
district-indicators-help = «متوسط المستوى»: متوسط جميع المناطق الاجتماعية في هذا المستوى في آخر سنة من السطر. تحت النسب ذات البسط والمقام يظهر فاصل الثقة 95٪ (ويلسون).
download = تنزيل
recipes-title = وصفات المؤشرات المركبة
recipes-lead = تصف الوصفة طريقة حساب (مثل مؤشر الحالة في MSS) خطوة بخطوة. يُحفظ كل تغيير كنسخة جديدة؛ وهكذا يمكن إعادة حساب كل نتيجة.
recipe-name = الاسم
recipe-version = النسخة
recipe-saved = محفوظ
recipe-new = وصفة جديدة
recipe-toml = الوصفة (TOML)
recipe-run = احسب
recipe-no-data = تنقص هذه الوصفة قيم المؤشرات التالية:
recipe-run-submit = احسب
recipe-edit = تعديل الوصفة
recipe-save-version = حفظ كنسخة جديدة
recipe-versions = النسخ
recipe-rows = { $count ->
    [one] منطقة اجتماعية واحدة
   *[other] { $count } منطقة اجتماعية
}
error-recipe-id = تحتاج الوصفة إلى id من أحرف لاتينية صغيرة وأرقام و_.
table-scroll = جدول، قابل للتمرير جانبيًا
numerator = البسط
denominator = المقام
spatial-level = المستوى
release-date = نُشر
map-distribution = التوزيع
map-distribution-help = كل نقطة منطقة اجتماعية، من القيم المنخفضة إلى القيم المرتفعة؛ الخطوط المتقطعة حدود المجموعات الخمس.
compare-with = قارن مع
compare-submit = قارن
compare-and = و
population-total = السكان
compare-help = في كل مرة أحدث قيمة مع سنتها؛ «متوسط المستوى» يخص سنة المنطقة الاجتماعية الأولى.
error-compare = يرجى اختيار منطقتين اجتماعيتين.
sensitivity-compare = قارن مع
sensitivity-submit = عرض الحساسية
sensitivity-title = الحساسية
sensitivity-changes = { $count ->
    [one] منطقة اجتماعية واحدة تغيّر فئتها
   *[other] { $count } منطقة اجتماعية تغيّر فئتها
}
sensitivity-column = النتيجة
wizard-title = استيراد الإحصاءات
wizard-lead = ارفعوا جدولًا بقيم المؤشرات (CSV، طويل أو عريض، وأيضًا من Excel بفاصلة منقوطة وفاصلة عشرية). سترون أولًا معاينة بجميع المشكلات؛ ولا يُحفظ شيء إلا بعد تأكيدكم، وعندها كل شيء أو لا شيء.
wizard-file = الملف (CSV)
wizard-year = السنة
wizard-year-hint = مطلوبة فقط إذا لم يكن في الجدول عمود للسنة
wizard-check = فحص وعرض المعاينة
wizard-problems = لا يمكن استيراد الملف بهذا الشكل
wizard-no-file = يرجى اختيار ملف.
wizard-layout = البنية
wizard-rows = { $count ->
    [one] قيمة واحدة
   *[other] { $count } قيمة
}
wizard-warnings = قيم لافتة – ستُستورد مع ذلك، يرجى التحقق منها:
wizard-unknown-keys = رموز مناطق اجتماعية غير معروفة – يُرفض الاستيراد بهذا الشكل:
wizard-map = ربط الأعمدة بالمؤشرات
wizard-column = في الملف
wizard-values = القيم
wizard-skip = لا تستورد
wizard-sample = معاينة القيم الأولى
wizard-commit = استيراد
error-upload-too-large = الملف كبير جدًا: الحد الأقصى { $megabytes } ميغابايت.
wizard-expired = انتهت صلاحية المعاينة؛ يرجى رفع الملف مرة أخرى.
map-interactive = تحميل الخريطة التفاعلية (نحو 120 كيلوبايت)
publish-column = عمود النتيجة
publish-indicator = كمؤشر (رمز)
publish-submit = حفظ كمؤشر
feedback-inbox = الملاحظات
feedback-none = لا توجد ملاحظات بعد.
feedback-received = تاريخ الاستلام
feedback-page = الصفحة
synonyms-title = المرادفات للبحث
synonyms-lead = كلمات يجب أن تعني الشيء نفسه في البحث. من يبحث عن إحداها يجد العروض التي تحتوي أيًا من الأخرى.
synonyms-field = مجموعات المرادفات
synonyms-hint = مجموعة واحدة في كل سطر، والكلمات مفصولة بفواصل، مثلًا: Krabbelgruppe, Eltern-Kind-Gruppe, Spielgruppe
reindex-title = فهرس البحث
reindex-lead = يتبع البحث كل تغيير فورًا. إذا تغيّرت قاعدة البيانات خارج kette، يعيد هذا الزر بناء فهرس البحث من قاعدة البيانات.
reindex-submit = إعادة بناء فهرس البحث
reindex-done = { $count ->
    [one] أُعيد بناء فهرس البحث بعرض واحد.
   *[other] أُعيد بناء فهرس البحث بـ { $count } عرض.
}
texts-title = الترجمات والملاحظة
texts-lead = العنوان والوصف بلغات أخرى وباللغة الألمانية المبسطة. تراها العائلات في أداة البحث بلغتها؛ الحقول الفارغة تحذف الترجمة.
texts-easy-german = اللغة الألمانية المبسطة (Leichte Sprache)
texts-field-title = العنوان
texts-field-description = الوصف
texts-note = ملاحظة داخلية للمختصين
texts-note-hint = يراها فقط المختصون المسجلون، ولا تُنشر أبدًا. لا تدخلوا بيانات العائلات.
referrals-lead = تواصلات المرشدين، تُعدّ دون هوية: متى وأين، لأي مرحلة عمرية وانتقال وموضوع، وإلى أي عرض أُحيلت العائلة وهل وصلت إليه. لا تُحفظ أسماء أو تواريخ ميلاد أو ملاحظات حرة.
referrals-count = التواصلات
organisation = الجهة المقدمة
error-login-required = يرجى تسجيل الدخول أولًا.
error-conflict = لم يعد هذا ممكنًا بهذا الشكل – تغيّرت البيانات في هذه الأثناء.
review-title = الموافقات
review-lead = لا تصبح العروض الجديدة وتغييرات الجهات المقدمة علنية إلا بعد موافقتكم. وحتى ذلك الحين ترى العائلات النسخة السابقة.
review-lead-partner = عروضكم الجديدة وتغييراتكم التي ما زالت تنتظر موافقة التنسيق.
review-none = لا شيء ينتظر الموافقة.
review-open = { $count ->
    [one] اقتراح واحد ينتظر
   *[other] { $count } اقتراحات تنتظر
}
review-kind = النوع
review-kind-new = عرض جديد
review-kind-change = تغيير
review-proposed-by = مقدَّم من
review-proposed-at = مقدَّم في
review-approved = تمت الموافقة – النسخة الجديدة علنية الآن.
review-rejected = أُعيد – ترى الجهة المقدمة تعليلكم.
review-to-offer = إلى العرض
review-change-title = اقتراح
review-back = العودة إلى الموافقات
review-current-offer = عرض النسخة الحالية
review-state-pending = ينتظر الموافقة
review-state-approved = تمت الموافقة
review-state-rejected = أُعيد
review-state-superseded = استُبدل باقتراح أحدث
review-no-difference = يطابق الاقتراح النسخة الحالية.
review-new-caption = بيانات العرض الجديد
review-change-caption = البيانات المعدّلة
review-field = البيان
review-before = سابقًا
review-after = جديد
review-approve = الموافقة
review-reason = تعليل للجهة المقدمة (عند الإعادة)
review-reject = إعادة
error-review-reason = يرجى تعليل الإعادة حتى تتمكن الجهة المقدمة من التحسين.
review-settings-title = الإعدادات: الموافقة، التحقق، خدمة الإرشاد
review-approval-required = عدم نشر العروض الجديدة وتغييرات الجهات المقدمة إلا بعد الموافقة
review-verify-every-months = طلب التحقق من العروض كل … شهرًا
review-hide-after-days = إخفاء العروض غير المؤكدة بعد … يومًا من المهلة
review-hide-after-days-hint = اتركوه فارغًا إذا أردتم أن تبقى العروض المتأخرة ظاهرة حتى تقرروا. العروض المخفية لا تُحذف أبدًا وتظهر مجددًا بمجرد تأكيدها.
review-remind-every-days = تذكير الجهات المقدمة مجددًا بعد … يومًا
error-review-months = يرجى إدخال رقم من 1 إلى 120 شهرًا.
error-review-days = يرجى إدخال رقم من 0 إلى 3650 يومًا أو ترك الحقل فارغًا.
error-review-remind = يرجى إدخال رقم من 1 إلى 365 يومًا.
verification-title = قائمة التحقق
verification-lead = يجب تأكيد العروض كل { $months } شهرًا: هل ما زالت الأوقات والمكان ووسيلة الاتصال والوصف صحيحة؟
verification-lead-hide = إذا لم يُؤكَّد عرض بعد { $days } يومًا من موعد استحقاقه، فلن يظهر بعد ذلك في الدليل العام – ولا يُحذف أبدًا.
verification-lead-keep = تبقى العروض المتأخرة ظاهرة حتى يقرر التنسيق.
verification-count = { $count ->
    [one] عرض واحد للتحقق
   *[other] { $count } عروض للتحقق
}
verification-lapsed-count = { $count ->
    [one] منها عرض واحد مخفي
   *[other] منها { $count } مخفية
}
verification-none = جميع العروض مؤكدة.
verification-caption = العروض المطلوب التحقق منها، الأقدم أولًا
verification-still-current = ما زال صحيحًا
verification-edit = تغيير
verification-state = الحالة
verification-hidden-from = مخفي ابتداءً من { $date }
verification-hidden-since = مخفي منذ { $date }
verification-confirm = تأكيد المحدد على أنه حالي
verification-confirmed = { $count ->
    [one] تم تأكيد عرض واحد.
   *[other] تم تأكيد { $count } عروض.
}
verification-reminders = التذكيرات
verification-reminders-lead = يذكّر kette الجهات المقدمة التي لديها عروض للتحقق عبر البريد الإلكتروني، مرة كل { $days } يومًا على الأكثر.
verification-no-mailer = لم يُضبط خادم بريد: ترى الجهات المقدمة قائمة التحقق بعد تسجيل الدخول، ولا تُرسل رسائل بريد.
verification-remind-now = التذكير الآن
verification-reminded = التذكيرات المرسلة: { $sent }؛ بدون بريد إلكتروني: { $noaddr }؛ فشلت: { $failed }.
verification-reminders-recent = آخر التذكيرات
verification-sent-at = الوقت
verification-recipients = المستلمون
verification-offers = العروض
verification-outcome = النتيجة
verification-outcome-sent = أُرسل
freshness-current = حالي
freshness-due = التحقق مستحق
freshness-lapsed = مخفي
freshness-unverified = لم يُؤكَّد قط
approval-pending = ينتظر الموافقة
approval-approved = تمت الموافقة
approval-rejected = أُعيد
account-title = حسابي
account-lead = يرسل kette إلى هذا العنوان تذكيرات عندما يجب التحقق من عروض جهتكم. ولا يُستخدم لأي شيء آخر.
account-email = البريد الإلكتروني
offer-proposal-sent = تم تقديم تغييركم. سيصبح علنيًا بمجرد موافقة التنسيق عليه.
offer-pending-new = ينتظر هذا العرض موافقة التنسيق وليس علنيًا بعد.
offer-pending-change = تغيير على هذا العرض ينتظر الموافقة؛ والعلني ما زال النسخة السابقة.
offer-rejected = أعاده التنسيق
offer-review-link = عرض الاقتراح
offer-not-public = هذا العرض غير ظاهر للعموم حاليًا.
offer-confirm-current = البيانات ما زالت صحيحة – التأكيد اليوم
password-too-short = تحتاج إلى 10 أحرف على الأقل.
password-too-long = يجب ألا تزيد على 256 حرفًا.
password-contains-name = يجب ألا تحتوي على اسم المستخدم أو اسم الشخص.
password-common = موجودة في قائمة كلمات المرور الشائعة أو المسروقة.
password-guessable = يسهل تخمينها (تكرار، تسلسل، صف لوحة مفاتيح، تاريخ أو كلمة واحدة). الأفضل بضع كلمات لا علاقة بينها.
verification-without-address = { $count ->
    [one] جهة مقدمة واحدة لديها عروض للتحقق ليس لديها من يمكن لـ kette مراسلته (لا حساب جهة ببريد إلكتروني، ولا عنوان لدى الجهة).
   *[other] { $count } جهات مقدمة لديها عروض للتحقق ليس لديها من يمكن لـ kette مراسلته (لا حساب جهة ببريد إلكتروني، ولا عنوان لدى الجهة).
}
referrals-unknown = غير محدد
review-kind-texts = الترجمات
review-kind-place = المكان
location-coordinates = الإحداثيات
yes = نعم
no = لا
texts-waiting = ترجماتكم المقدمة مؤخرًا تنتظر الموافقة؛ والعلنية ما زالت السابقة. يعرض النموذج اقتراحكم.
organisation-proposal-sent = تم تقديم تغييركم. سيصبح علنيًا بمجرد موافقة التنسيق عليه.
place-waiting = تغييركم الأخير على هذا المكان ينتظر الموافقة؛ والعنوان العلني ما زال السابق. يعرض النموذج اقتراحكم.
review-kind-organisation = بيانات الجهة المقدمة
organisation-waiting = بياناتكم المقدمة مؤخرًا تنتظر الموافقة؛ والعلنية ما زالت السابقة. يعرض النموذج اقتراحكم.
offer-form-waiting = تغييركم الأخير ينتظر الموافقة؛ والعلني ما زال النسخة السابقة. يعرض النموذج اقتراحكم.
confidentiality-title = السرية الإحصائية
confidentiality-lead = ما تعرضه الصفحات العامة وواجهة API والتصديرات من الأعداد الصغيرة. تُخفى الأعداد الأصغر من الحد الأدنى، ومعها ما يكفي من الخلايا المجاورة حتى لا يمكن استنتاجها من المجاميع. يرى التخطيط والتنسيق دائمًا القيم الدقيقة.
confidentiality-min-count = أصغر عدد يُعرض للعموم
confidentiality-round-to = تقريب الأعداد المعروضة إلى مضاعفات
confidentiality-round-hint = اتركوه فارغًا لعدم التقريب؛ الشائع 3 أو 5.
error-confidentiality = يرجى إدخال عدد صحيح من 1 إلى 100 كحد أدنى، وللتقريب إما الترك فارغًا أو عدد صحيح من 2 إلى 100.
carried-from = محوَّل من الحدود الإدارية { $version } (تقدير عبر جدول مطابقة)
carried-note = ≈: نُشر لحدود إدارية أخرى ({ $versions }) وحُوِّل إلى هذه المناطق الاجتماعية عبر جدول مطابقة – تقدير يفترض توزيعًا متساويًا للسكان.
wizard-version = الحدود الإدارية لرموز الملف
wizard-version-hint = في بيانات لحدود إدارية أخرى تُحوَّل القيم عبر جدول المطابقة المحفوظ إلى المناطق الاجتماعية هنا وتُعلَّم بأنها محوَّلة.
wizard-unknown-version = حدود إدارية غير معروفة «{ $version }»: لا يوجد جدول مطابقة منها إلى المناطق الاجتماعية المحفوظة.
wizard-carried = تُحوَّل القيم عبر جدول المطابقة (روابط / مناطق اجتماعية مستهدفة):
boundaries-title = الحدود الإدارية وجداول المطابقة
boundaries-lead = عندما يُعاد تقسيم المناطق الاجتماعية، تنشر مكاتب الإحصاء أرقامها للحدود الجديدة. يحدد جدول المطابقة أي حصة من كل منطقة في الحدود الأخرى تقع في أي منطقة اجتماعية هنا؛ وبذلك تُحوَّل القيم وتستمر السلاسل الزمنية.
boundaries-stored = الحدود الإدارية للمناطق الاجتماعية المحفوظة:
boundaries-crosswalks = جداول المطابقة المحفوظة
boundaries-none = لم يُحفظ أي جدول مطابقة بعد.
boundaries-from = الحدود الإدارية للمصدر
boundaries-to = الحدود الإدارية هنا
boundaries-links = الروابط
boundaries-sources = مناطق المصدر
boundaries-targets = المناطق الاجتماعية
boundaries-saved-at = حُفظ في
boundaries-method-area = حصص المساحة من الأشكال الهندسية
boundaries-method-file = مأخوذ من ملف
boundaries-use = تستوردون قيم حدود إدارية أخرى في معالج الاستيراد باختيار الحدود الإدارية أو بالأمر `kette import indicators FILE --boundary-version VERSION`. تُوزَّع الأعداد حسب الحصص، وتُعاد حساب النسب ذات البسط والمقام من الأعداد المحوَّلة، وتؤخذ للقيم الأخرى متوسطات مرجحة؛ ولا تحصل منطقة اجتماعية على قيمة إلا إذا كانت لكل مناطق المصدر الواقعة فيها قيمة. تُعلَّم القيم المحوَّلة في الملف الشخصي بالرمز ≈.
boundaries-upload = رفع جدول مطابقة
boundaries-upload-help = ملف CSV بالأعمدة from وto وweight: الرمز في الحدود الأخرى، ورمز منطقة اجتماعية هنا، والحصة (من 0 إلى 1) من منطقة المصدر الواقعة فيها؛ ومجموع حصص منطقة المصدر الواحدة 1. يحسب الأمر `kette crosswalk OLD.geojson NEW.geojson` مثل هذا الملف من الأشكال الهندسية. جدول جديد للحدود نفسها يحل محل القديم.
boundaries-from-hint = مثلًا lor-2021
boundaries-from-required = يرجى إدخال الحدود الإدارية للمصدر.
boundaries-no-districts = لم تُحفظ أي مناطق اجتماعية بعد.
boundaries-save = فحص وحفظ
error-phone = يرجى إدخال رقم هاتف من أرقام (المسافات و+ - / ( ) مسموح بها).
error-year = يرجى إدخال السنة كرقم، مثلًا 2023.
recipe-no-years = لا توجد بعد سنة لهذه الوصفة تتوفر فيها قيم لجميع مؤشرات الإدخال.
publish-column-choose = – اختر عمودًا –
distance-m = { $value } م
distance-km = { $value } كم
home-waiting-title = ما ينتظر
home-waiting-none = لا شيء ينتظر هنا لدوركم؛ البحث والرصد في القائمة أعلاه.
home-waiting-proposals = اقتراحات الجهات المقدمة بانتظار الموافقة
home-waiting-own-proposals = اقتراحاتكم بانتظار الموافقة
home-waiting-due = عروض حان موعد تأكيدها
home-waiting-feedback = ملاحظات لم تُعالج
home-waiting-failed-reminders = تذكيرات لم تُسلَّم
nav-work = المهام
nav-settings = الإدارة
offer-hint-title = كما تسمي العائلات العرض، مثلًا «مجموعة لعب للصغار في مركز الأسرة».
offer-hint-description = ماذا يحدث هناك، ولمن، وماذا يجب إحضاره؟ الجمل القصيرة تساعد الجميع، والمترجمين أيضًا.
offer-age-from = من أي عمر
offer-age-to = حتى أي عمر (غير مشمول)
offer-hint-age-from = اتركوه فارغًا إذا لم يكن هناك حد أدنى للعمر. للحوامل: 0 سنة، 0 شهر.
offer-hint-age-to = ينتهي العرض قبل هذا العمر: 3 سنوات تعني «حتى عيد الميلاد الثالث». اتركوه فارغًا إذا لم يكن هناك حد.
offer-age-years = سنوات
offer-age-months = أشهر
offer-languages = اللغات التي يُفهم بها هناك
offer-hint-languages = يمكن للعائلات البحث حسب لغتها.
offer-languages-other = لغات أخرى (رموز ISO 639، مثلًا hy، ku)
offer-hint-schedule = مثلًا «الثلاثاء والخميس 9–11، ليس في العطل المدرسية».
offer-hint-places = مكان العرض. إذا كان مكان ما ناقصًا، فأضيفوه أولًا.
offer-places-filter = تصفية الأماكن
offer-places-none = لا يوجد مكان يطابق هذا الإدخال.
offer-submit-proposal = إرسال للموافقة
offer-submit-new-hint = يتحقق التنسيق من عرضكم الجديد؛ ولا يصبح علنيًا إلا بعد الموافقة. حتى ذلك الحين تجدونه تحت «المهام».
offer-submit-change-hint = يتحقق التنسيق من تغييركم؛ وحتى الموافقة ترى العائلات النسخة السابقة.
offer-proposal-sent-new = تم إرسال عرضكم الجديد. يتحقق منه التنسيق؛ ولا يصبح علنيًا إلا بعد الموافقة.
error-rest-months = يرجى إدخال 0 إلى 11 شهرًا (12 شهرًا تساوي سنة).
location-geocode-hint = بدون إحداثيات يحددها kette من الشارع إذا كانت فيه أماكن معروفة (منتصف الشارع؛ بلا خدمة خارجية).
min-age-years = أدنى عمر (سنوات)
min-age-rest-months = أدنى عمر (أشهر)
max-age-years = أعلى عمر (سنوات)
max-age-rest-months = أعلى عمر (أشهر)
languages-other = لغات أخرى
matrix-transitions = الانتقالات بين المراحل العمرية
filter-transition = الانتقال
finder-transition = الانتقال
finder-transition-hint = عروض ترافق مرحلة التغيير، مثل الانتقال إلى الحضانة أو المدرسة.
anchors-title = نقاط الارتكاز
anchors-lead = أماكن تقصدها العائلات على أي حال – الحضانة، المدرسة، مركز الأسرة – والعروض التي يمكن الوصول إليها منها في حدود 1 كم (خط مستقيم، نحو ربع ساعة سيرًا).
anchors-count = { $count ->
    [one] نقطة ارتكاز واحدة
   *[other] { $count } نقطة ارتكاز
}
anchors-none = لا توجد نقاط ارتكاز هنا بعد. تعلّم الجهات المقدمة أماكنها كنقاط ارتكاز عندما تقصدها العائلات على أي حال.
anchors-map-title = خريطة نقاط الارتكاز
anchors-map-caption = الأرقام مطابقة للقائمة.
anchors-no-coordinates = لا توجد إحداثيات لهذا المكان.
anchors-reachable = { $count ->
    [one] عرض واحد في حدود 1 كم
   *[other] { $count } عرض في حدود 1 كم
}
nav-anchors = نقاط الارتكاز
anchors-by-district = نقاط الارتكاز حسب المنطقة – اختاروا منطقة لعرض القائمة والخريطة
anchors-in-district = أماكن العائلات في هذه المنطقة وما يمكن الوصول إليه منها
wizard-layout-long = طويل (سطر لكل قيمة)
wizard-layout-wide = عريض (عمود لكل مؤشر)
wizard-skipped-columns = أعمدة نصية تم تخطيها:
wizard-new-indicator = إنشاء مؤشر جديد
wizard-new-hint = يُحفظ مع القيم في خطوة واحدة؛ وإذا فشل الاستيراد فلا يُنشأ المؤشر أيضًا.
wizard-unit-hint = مثلًا %، عدد، لكل 1000 نسمة
wizard-new-name-missing = يحتاج المؤشر الجديد إلى اسم.
wizard-nothing-chosen = تم استبعاد جميع الأعمدة – لا يوجد ما يُستورد. اربطوا عمودًا واحدًا على الأقل بمؤشر.
wizard-unknown-district = رمز منطقة اجتماعية غير معروف «{ $key }».
wizard-imported = { $count ->
    [one] تم استيراد قيمة واحدة.
   *[other] تم استيراد { $count } قيمة.
}
wizard-see-map = خريطة: { $indicator }
ingest-line = السطر { $line }
ingest-column = العمود «{ $column }»
ingest-more = … و{ $count } مشكلات أخرى
ingest-no-key-column = لا يوجد عمود لرمز المنطقة الاجتماعية. المتوقع عنوان مثل Planungsraum أو Schlüssel أو Gebiet أو key؛ وفي الملف: { $found }.
ingest-no-year-column = لا يوجد عمود للسنة: يرجى إدخال السنة في حقل «السنة».
ingest-no-indicator-columns = لا توجد أعمدة مؤشرات: الجدول العريض فيه عمود أرقام لكل مؤشر، والطويل فيه عمودا المؤشر والقيمة.
ingest-unreadable-row = لا يمكن قراءة السطر ({ $detail }).
ingest-missing-key = رمز المنطقة الاجتماعية مفقود.
ingest-key-too-long = الرمز لا يتجاوز { $max } حرفًا، وُجد: «{ $found }».
ingest-expected-year = المتوقع سنة، وُجد: «{ $found }».
ingest-expected-number = المتوقع رقم (12.5 أو 12,5)، وُجد: «{ $found }».
ingest-missing-code = رمز المؤشر مفقود.
ingest-code-too-long = رمز المؤشر لا يتجاوز { $max } حرفًا، وُجد: «{ $found }».
ingest-denominator = يجب أن يكون المقام أكبر من 0.
ingest-numerator = يجب أن يكون البسط بين 0 والمقام.
ingest-duplicate = { $code } للرمز { $key } في سنة { $year } موجود بالفعل في السطر { $previous }.
steering-title = التوجيه: الرؤية والأهداف
leitbild-title = بيان الرؤية
leitbild-none = لم يُحفظ بيان رؤية بعد.
leitbild-draft = مسودة، لم يُعتمد بعد
leitbild-adopted = اعتُمد في { $date }
leitbild-adopted-on = تاريخ الاعتماد (اتركوه فارغًا للمسودة)
leitbild-edit = تعديل بيان الرؤية (كنسخة جديدة)
leitbild-save = حفظ كنسخة جديدة
goals-title = الأهداف
goals-rule = كيف تُحدَّد الحالة: يمتد المسار في خط مستقيم من القيمة الأساسية إلى القيمة المستهدفة. تكون أحدث قيمة منشورة ضمن الخطة إذا تأخرت عن المسار بما لا يزيد على هامش التسامح (حصة من المسافة كلها)، ومعرضة للخطر حتى ضعف الهامش، وإلا فهي خارج الخطة. في سنة الهدف لا يُحسب إلا بلوغ الهدف. للبلدية كلها تُرجَّح قيم المناطق بعدد سكانها (البسط والمقام)، وإلا يؤخذ متوسطها.
goals-none = لا توجد أهداف بعد.
goal = الهدف
goal-area = المنطقة
goal-whole-municipality = البلدية كلها
goal-path = القيمة الأساسية والمستهدفة
goal-latest-title = أحدث قيمة
goal-latest = { $value } ({ $year }؛ المسار: { $expected })
goal-state = الحالة
goal-level = المستوى
goal-level-impact = هدف الأثر
goal-level-outcome = هدف النتيجة
goal-level-action = هدف العمل
goal-parent = يتبع الهدف
goal-baseline-year = سنة الأساس
goal-baseline-value = القيمة الأساسية
goal-target-year = سنة الهدف
goal-target-value = القيمة المستهدفة
goal-tolerance = هامش التسامح (٪ من المسافة)
goal-responsible = الجهة المسؤولة
goal-new = هدف جديد
goal-save = حفظ الهدف
progress-reached = تحقق
progress-on-track = ضمن الخطة
progress-at-risk = معرض للخطر
progress-off-track = خارج الخطة
progress-no-data = لا توجد بيانات
error-goal-indicator = تحتاج القيمة المستهدفة إلى المؤشر الذي تُقرأ منه.
error-goal-years = يجب أن تأتي سنة الهدف بعد سنة الأساس.
error-goal-past = سنة الهدف في الماضي.
error-goal-tolerance = هامش التسامح بين 0 و100٪.
error-goal-level = أهداف النتيجة تتبع أهداف الأثر، وأهداف العمل تتبع أهداف النتيجة.
error-goal-parent = أهداف النتيجة والعمل تتبع هدفًا أعلى.
error-goal-target-whole = تحتاج القيمة الأساسية والمستهدفة كل منهما إلى سنة وقيمة.
nav-steering = التوجيه
measures-title = الإجراءات
measures-none = لا توجد إجراءات بعد.
measure = الإجراء
measure-status = الحالة
measure-status-idea = فكرة
measure-status-planned = مخطط له
measure-status-running = جارٍ
measure-status-done = منجز
measure-status-stopped = متوقف
measure-lead = الجهة القائدة
measure-period = الفترة
measure-budget = الميزانية (يورو)
measure-starts-on = البداية
measure-ends-on = النهاية
measure-new = إجراء جديد
measure-save = حفظ الإجراء
error-measure-dates = النهاية قبل البداية.
kind-body-kind = أنواع الهيئات
nav-bodies = الهيئات
bodies-title = الهيئات
bodies-intro = مجموعة التوجيه ومجموعات العمل ومؤتمر الشبكة: الاجتماعات والمحاضر والقرارات والمهام.
bodies-none = لست عضوًا في أي هيئة بعد.
body = الهيئة
body-kind = النوع
body-members = الأعضاء
body-name = اسم الهيئة
body-new = هيئة جديدة
body-next-meeting = الاجتماع القادم
body-save = إنشاء الهيئة
calendar-title = التقويم
calendar-intro = اجتماعات هذه الهيئة كاشتراك في التقويم (iCalendar): أضف الرابط في Outlook أو Thunderbird أو على هاتفك كتقويم إنترنت. من يملك الرابط يرى عناوين الاجتماعات وأوقاتها وأماكنها – شاركه مع الأعضاء فقط.
calendar-link = رابط الاشتراك
calendar-download = فتح ملف التقويم (.ics)
calendar-renew = إنشاء رابط جديد
calendar-renew-hint = يتوقف الرابط القديم عن العمل؛ ويجب إضافة كل الاشتراكات من جديد.
meetings-title = الاجتماعات
meetings-none = لا توجد اجتماعات بعد.
meetings-upcoming = القادمة
meetings-past = السابقة
meeting-new = تخطيط اجتماع
meeting-date = اليوم
meeting-starts = البداية (الوقت)
meeting-ends = النهاية (الوقت)
meeting-place = المكان
meeting-agenda = جدول الأعمال
meeting-agenda-hint = بند واحد من جدول الأعمال في كل سطر.
meeting-agenda-none = لم يُدخَل جدول أعمال.
meeting-save = حفظ الاجتماع
meeting-attendance = الحاضرون
meeting-minutes = المحضر
meeting-minutes-hint = Markdown: ‏# عنوان، **عريض**، - قائمة، [نص](https://…). لا يُقبل HTML.
meeting-minutes-save = حفظ المحضر والحضور
meeting-minutes-none = لا يوجد محضر بعد.
meeting-minutes-as-read = كما يقرؤه الأعضاء
meeting-minutes-updated = آخر تعديل: { $moment }
meeting-has-minutes = محضر
meeting-decisions-count = { $count ->
    [one] قرار واحد
    [two] قراران
    [few] { $count } قرارات
   *[other] { $count } قرار
}
decisions-title = القرارات
decisions-none = لا توجد قرارات بعد.
decision-new = تسجيل قرار
decision-text = القرار
decision-save = حفظ القرار
tasks-title = المهام
tasks-none = لا توجد مهام.
tasks-open = المهام المفتوحة
tasks-mine-title = مهامي
tasks-mine-intro = مهام من الهيئات التي أنت عضو فيها. تذكّرك رسالة بريد إلكتروني قبل الموعد النهائي بثلاثة أيام.
tasks-all-open = كل المهام المفتوحة
task = المهمة
task-owner = المسؤول
task-due = الموعد النهائي
task-status = الحالة
task-status-open = مفتوحة
task-status-done = منجزة
task-status-dropped = ملغاة
task-overdue = متأخرة
task-no-owner = لا أحد (غادر العضو)
task-from-meeting = من الاجتماع
task-new = مهمة جديدة
task-save = حفظ المهمة
member-name = الاسم
member-organisation = الجهة
member-no-organisation = لا شيء (الإدارة، السياسة)
member-email = البريد الإلكتروني (للتذكيرات)
member-role = الدور في الهيئة
member-role-chair = الرئاسة
member-role-deputy = النائب
member-role-member = عضو
member-role-office = الأمانة
member-role-guest = ضيف
member-decides = يقرّر
member-decides-long = يستطيع اتخاذ القرار باسم جهته
member-account = الحساب في kette
member-account-hint = بالحساب يرى العضو الهيئة ويدير اجتماعاتها ويجد مهامه في „مهامي“.
member-new = إضافة عضو
member-save = حفظ العضو
member-leaves = يغادر
member-left-on = غادر في { $date }
error-meeting-ends-before-start = ينتهي الاجتماع قبل أن يبدأ.
error-meeting-too-long = لا يستمر الاجتماع أكثر من ثلاثة أيام.
error-agenda-too-long = 40 بندًا على الأكثر في جدول الأعمال.
error-minutes-html = يحتوي المحضر على HTML (مثل <script>). يرجى الكتابة بـ Markdown؛ لم يُحفظ شيء.
error-minutes-link = رابط في المحضر ليس عنوان ويب أو بريد أو هاتف؛ لم يُحفظ شيء.
error-task-owner = تحتاج المهمة إلى مسؤول من أعضاء الهيئة.
error-task-due = تحتاج المهمة إلى موعد نهائي.
error-time = يرجى إدخال وقت (HH:MM).
meeting-minutes-problem = السطر { $line }: { $what }
nav-proposals = المقترحات
proposals-title = مقترحات من منظور الطفل
proposals-intro = تقدّم مجموعات العمل مقترحات؛ وتقيّمها مجموعة التوجيه وفق معايير مرجّحة وتقرّر. تصبح المقترحات المقبولة إجراءات.
proposals-ranking = ترتيب المقترحات المفتوحة
proposals-rule = المجموع = المتوسط المرجّح للتقييمات (0–5)؛ وتُظهر الحصة مساهمة كل معيار. لا تُحسب التقييمات الناقصة صفرًا.
proposals-none-open = لا توجد مقترحات مفتوحة.
proposals-decided = تم البتّ فيها
proposals-none-decided = لم يُبتّ في شيء بعد.
proposal = المقترح
proposal-rank = الترتيب
proposal-total = المجموع
proposal-share = الحصة
proposal-missing-scores = { $count ->
    [one] ينقص تقييم واحد
    [two] ينقص تقييمان
    [few] تنقص { $count } تقييمات
   *[other] ينقص { $count } تقييم
}
proposal-new = تقديم مقترح
proposal-problem = المشكلة كما يعيشها الطفل
proposal-problem-hint = ماذا يعيش الطفل، وأين تنقطع السلسلة؟
proposal-body = مقدَّم من (الهيئة)
field-life-phase = مرحلة الحياة
field-transition = الانتقال
proposal-benefit = الفائدة المتوقعة
proposal-cost = التكلفة (يورو)
proposal-partners = الشركاء المشاركون
proposal-submit = تقديم المقترح
proposal-criteria = معايير التقييم
proposal-weights = الأوزان (0–10)
proposal-weights-save = حفظ الأوزان
proposal-scores = التقييم
proposal-scores-save = حفظ التقييم
proposal-need-hint = الحاجة: يُظهر تحليل الاحتياجات (مرحلة الحياة ومنطقة المقترح) أين تكون السلسلة ضعيفة.
proposal-decision = القرار
proposal-accept = القبول وإنشاء الإجراء
proposal-accept-hint = يأخذ الإجراء العنوان والمشكلة والفائدة ومرحلة الحياة والمنطقة والتكلفة، ويظهر بعدها „مخطط“ في التوجيه.
proposal-reason = سبب الرفض
proposal-reject = رفض
proposal-waiting = لم تقرّر مجموعة التوجيه بعد.
proposal-status-submitted = مقدَّم
proposal-status-accepted = مقبول
proposal-status-rejected = مرفوض
error-proposal-decided = تم البتّ في هذا المقترح بالفعل.
error-proposal-reason = يحتاج الرفض إلى سبب.
error-score = يقع التقييم بين 0 و5.
error-weight = يقع الوزن بين 0 و10.
cycle-title = دورة الاستراتيجية
cycle-intro = التأسيس والتنفيذ والترسيخ: ما تتطلبه كل مرحلة وما يسهم في نجاحها – مع التاريخ والدليل (قرار أو إجراء أو وثيقة). ما لم يُنجز بعد مُعلَّم بـ„مفتوح“.
cycle-current = المرحلة الحالية
cycle-current-short = الحالية
cycle-none = لم تُحدَّد مرحلة بعد.
cycle-since = منذ { $date }
cycle-since-label = منذ
cycle-history = المراحل السابقة
cycle-change-phase = تغيير المرحلة
cycle-phase = المرحلة
cycle-phase-save = حفظ المرحلة
cycle-phase-build-up = التأسيس
cycle-phase-implementation = التنفيذ
cycle-phase-consolidation = الترسيخ
cycle-kind = النوع
cycle-kind-activity = الأنشطة
cycle-kind-success-factor = عوامل النجاح
cycle-progress = تحقق { $done } من { $total }
cycle-done = تحقق
cycle-open = مفتوح
cycle-record = تسجيله كمُنجز
cycle-edit-check = تغيير
cycle-done-on = تاريخ الإنجاز
cycle-evidence = الدليل
cycle-evidence-decision = قرار
cycle-evidence-measure = إجراء
cycle-evidence-document = وثيقة
cycle-evidence-url = عنوان الوثيقة
cycle-note = ملاحظة
cycle-record-save = تسجيل
cycle-uncheck = إعادة الفتح
cycle-rename = إعادة التسمية
cycle-hide = إزالة من القائمة
cycle-add-item = إضافة بند
error-code = يتكوّن الرمز من أحرف صغيرة وأرقام و_.
error-cycle-evidence = يرجى اختيار القرار أو الإجراء.
error-date-future = التاريخ في المستقبل.
steering-sections = أقسام التوجيه
nav-survey = التقييم الذاتي
survey-title = التقييم الذاتي للشبكة
survey-intro = مرة في السنة يقيّم الشركاء مدى تحقق عوامل نجاح العمل الشبكي – بشكل مجهول عبر روابط لمرة واحدة تُرسل بالبريد الإلكتروني. تظهر النتائج لكل عبارة ابتداءً من 5 إجابات.
survey-results = النتائج حسب السنة
survey-no-results = لا توجد إجابات بعد.
survey-scale = المتوسط على مقياس من 1 (لا ينطبق) إلى 5 (ينطبق تمامًا)، وعدد الإجابات بين قوسين.
survey-factor = العبارة
survey-mean = { $mean } ({ $count })
survey-too-few = أقل من 5 إجابات
survey-trend-up = أفضل من السنة السابقة
survey-trend-down = أسوأ من السنة السابقة
survey-trend-same = كما في السنة السابقة
survey-rounds = جولات الاستبيان
survey-no-rounds = لا يوجد استبيان بعد.
survey-round-line = { $count ->
    [one] أُرسل { $sent } رابط، إجابة واحدة
    [two] أُرسل { $sent } رابط، إجابتان
    [few] أُرسل { $sent } رابط، { $count } إجابات
   *[other] أُرسل { $sent } رابط، { $count } إجابة
}
survey-round-open = جارية
survey-round-closed = منتهية
survey-close = إنهاء
survey-open-round = بدء جولة جديدة
survey-addresses = تُرسل الروابط إلى { $count } عنوان (جهات اتصال الشركاء، وأعضاء الهيئات من الجهات، وحسابات الشركاء).
survey-year = السنة
survey-send = إرسال الروابط
survey-sent = { $count ->
    [one] أُرسل رابط واحد.
    [two] أُرسل رابطان.
    [few] أُرسلت { $count } روابط.
   *[other] أُرسل { $count } رابط.
}
survey-form-title = التقييم الذاتي للشبكة
survey-form-intro = إلى أي حد تنطبق هذه العبارات على شبكتنا؟ 1 = لا تنطبق، 5 = تنطبق تمامًا. اترك ما لا تستطيع تقييمه.
survey-scale-low = لا تنطبق
survey-scale-high = تنطبق تمامًا
survey-cannot-judge = لا أستطيع التقييم
survey-anonymous = إجابتك مجهولة: الرابط صالح مرة واحدة، ولا يحفظ kette من أي رابط جاءت الإجابة. لا تسجيل دخول ولا ملفات تعريف ارتباط.
survey-submit = إرسال الإجابات
survey-thanks = شكرًا لك! تم حفظ إجاباتك.
survey-link-used = تمت الإجابة عبر هذا الرابط بالفعل. كل رابط صالح مرة واحدة.
survey-link-closed = انتهى هذا الاستبيان.
survey-link-unknown = لا يعرف kette هذا الرابط. يرجى التحقق من أنه كامل.
survey-factor-smart-goals = حدّدنا معًا أهدافًا واضحة (SMART).
survey-factor-shared-vision = طوّرنا رؤية مشتركة.
survey-factor-reciprocity = الأخذ والعطاء في الشبكة متوازنان.
survey-factor-connectivity = يتّسق عمل الشبكة مع عملنا الخاص.
survey-factor-visible-benefit = فائدة الشبكة واضحة لنا.
survey-factor-trust = تسود الشبكة ثقافة الثقة.
survey-factor-contact-persons = جهات الاتصال محددة ومعروفة.
survey-factor-knowledge-transfer = تُنقل المعرفة داخل الشبكة.
survey-factor-conflict-handling = تُعالج النزاعات بانفتاح وإنصاف.
survey-factor-structure = الهيكل التنظيمي للشبكة واضح.
survey-factor-identity = للشبكة مفهوم شامل متفق عليه وهوية خاصة.
survey-factor-documentation = تُوثَّق نتائج العمل.
error-survey-empty = يرجى تقييم عبارة واحدة على الأقل.
error-survey-scale = يرجى اختيار قيمة من 1 إلى 5.
error-survey-twice = كل عبارة مرة واحدة فقط.
error-survey-no-addresses = لا يوجد عنوان يمكن لـ kette إرسال الروابط إليه (جهات اتصال الشركاء ذات البريد الإلكتروني).
error-survey-no-mailer = لم يُعدّ خادم بريد: لا يمكن إرسال الروابط إلا بالبريد الإلكتروني كي لا يعرف أحد لمن كل رابط.
error-survey-year-taken = يوجد استبيان لهذه السنة بالفعل.
dashboard-title = نظرة عامة
dashboard-proposals-open = { $count ->
    [one] مقترح مفتوح واحد
    [two] مقترحان مفتوحان
    [few] { $count } مقترحات مفتوحة
   *[other] { $count } مقترحًا مفتوحًا
}
dashboard-tasks-open = { $count ->
    [one] مهمة مفتوحة واحدة
    [two] مهمتان مفتوحتان
    [few] { $count } مهام مفتوحة
   *[other] { $count } مهمة مفتوحة
}
dashboard-tasks-overdue = { $count } متأخرة
dashboard-decisions = { $count ->
    [one] قرار واحد في الأشهر الاثني عشر الأخيرة
    [two] قراران في الأشهر الاثني عشر الأخيرة
    [few] { $count } قرارات في الأشهر الاثني عشر الأخيرة
   *[other] { $count } قرارًا في الأشهر الاثني عشر الأخيرة
}
dashboard-cycle-open = ما زال مفتوحًا:
dashboard-survey-line = { $year }: المتوسط { $mean } من 5؛ الأضعف: „{ $weakest }“
dashboard-gaps = ثغرات السلسلة
dashboard-no-gaps = لكل مرحلة حياة خدمات في كل مجال.
dashboard-gaps-count = { $count ->
    [one] خانة واحدة في مصفوفة السلسلة بلا خدمة:
    [two] خانتان في مصفوفة السلسلة بلا خدمة:
    [few] { $count } خانات في مصفوفة السلسلة بلا خدمة:
   *[other] { $count } خانة في مصفوفة السلسلة بلا خدمة:
}
measure-districts = المناطق والأحياء
measure-districts-hint = بدون اختيار: البلدية كلها. لاختيار عدة عناصر استخدم Ctrl (ماك: Cmd).
measure-partners = المنظمات المشاركة
measure-offers = العروض المرتبطة
measure-offers-none = لا توجد عروض مرتبطة بعد – ابحث أدناه.
measure-from-proposal = ناتج عن المقترح
measure-edit = تعديل الإجراء
measure-search = ابحث عن العروض والمنظمات
measure-search-hint = تظهر النتائج أعلاه كخيارات؛ لا يُحفظ شيء حتى «حفظ الإجراء».
measure-search-button = بحث
measure-search-nothing = لا نتائج لـ «{ $q }».
error-measure-lead-twice = المنظمة القائدة مذكورة بالفعل كقائدة؛ لا تخترها كمشاركة أيضاً.
goal-children = الأهداف الفرعية
goal-no-measures = لا يوجد إجراء يخدم هذا الهدف بعد.
goal-course = المسار
goal-no-values = لا توجد قيم منشورة لهذا الهدف؛ حالته «لا بيانات».
goal-values-caption = القيم التي تُحسب منها الحالة
goal-expected = المسار المخطط
goal-edit = تعديل الهدف
dashboard-survey-too-few = { $year }: الإجابات ما زالت أقل من أن تُعرض النتائج (خمس على الأقل).
goal-responsible-body = الهيئة المسؤولة
kind-agreement-kind = أنواع التعاون
error-agreement-parties = تحتاج الاتفاقية إلى منظمتين مختلفتين على الأقل – لا تتفق منظمة مع نفسها.
error-agreement-duty-party = تعود المهمة إلى إحدى المنظمات المتفقة.
error-agreement-duty-task = يرجى وصف المهمة.
network-title = شبكة سلسلة الوقاية
network-size = الحجم
network-connected = المنظمات المرتبطة
network-connected-of = { $connected } من { $all }
network-ties = الروابط
network-isolated = منظمات بلا روابط
network-sources = ترتبط منظمتان حيث تكون بينهما اتفاقية سارية أو تجلسان في الهيئة نفسها أو تحملان إجراءً معاً.
network-ties-by-kind = الروابط حسب النوع
network-tie-kind = النوع
network-tie-shared-body = هيئة مشتركة
network-tie-joint-measure = إجراء مشترك
network-brokers = المنظمات الوسيطة
network-brokers-rule = البينية: حصة أقصر المسارات بين منظمتين أخريين التي تمر عبر هذه المنظمة (0 إلى 1). القرب: مدى قربها من الجميع (وفق Wasserman وFaust). تُحسب كما في networkx.
network-none = لا توجد روابط بعد.
network-betweenness = البينية
network-closeness = القرب
network-export = تنزيل الشبكة:
network-agreements = اتفاقيات التعاون
network-agreements-none = لا توجد اتفاقيات بعد.
network-agreement = الاتفاقية
network-parties = الأطراف
network-not-in-force = غير سارية حالياً
nav-network = الشبكة
agreement-new = اتفاقية تعاون جديدة
agreement-edit = تعديل الاتفاقية
agreement-parties-none = لا أطراف بعد – ابحث أدناه.
agreement-search = ابحث عن المنظمات
agreement-since = سارية منذ
agreement-until = سارية حتى
agreement-duties = من يفعل ماذا
agreement-task = المهمة
agreement-contacts = جهات الاتصال (واحدة في كل سطر)
agreement-document = المستند (عنوان ويب)
agreement-save = حفظ الاتفاقية
network-across-domains = الروابط عبر مجالات العمل (حسب مجال معظم عروض المنظمة)
chain-next-title = ما الخطوة التالية؟
chain-next-lead = هذه العروض تأتي بعد ذلك بشكل جيد:
chain-before = ما الذي يأتي قبل ذلك
chain-offer-title = خطوات السلسلة
chain-offer-none = لم يُربط بعد بعرض آخر كخطوة.
chain-search = ابحث عن الخطوة التالية (العنوان أو الجهة)
chain-choose-next = أي عرض يأتي بعد ذلك؟
chain-at-transition = عند الانتقال
chain-within-phase = ضمن المرحلة العمرية
chain-add = اربط كخطوة تالية
chain-remove = إلغاء الربط
chain-remove-named = إلغاء الربط: { $title }
error-chain-self = لا يمكن أن يأتي العرض بعد نفسه.
error-chain-duplicate = هذه الخطوة مربوطة بالفعل.
error-chain-cycle = هذا الربط سيغلق دائرة: { $path }.
error-chain-choose = يرجى اختيار العرض الذي يأتي بعد ذلك.
chain-title = السلسلة: الخطوات والانتقالات
chain-lead = أي العروض تتبع بعضها كخطوات، وأي الانتقالات لا يربطها عرض أو رابط.
chain-show = عرض
chain-transitions = الانتقالات
chain-between = بين
chain-offers-naming = العروض عند الانتقال
chain-links = الخطوات المربوطة
chain-state = الحالة
chain-bridged = مربوط
chain-unbridged = غير مربوط
chain-unbridged-count = { $count ->
    [one] انتقال واحد غير مربوط.
   *[other] { $count } انتقالات غير مربوطة.
}
chain-diagram = السلسلة كصورة
chain-diagram-hint = الأعمدة مراحل عمرية، والمربعات عروض مربوطة، والأسهم خطوات. الجداول تقول الشيء نفسه.
chain-no-links = لا توجد خطوات مربوطة بعد.
chain-from = من
chain-to = بعد ذلك
chain-how-to-link = تربط الخطوات في صفحة العرض الذي تأتي الخطوة بعده.
chain-phases = العروض حسب المرحلة العمرية
chain-offers = العروض النشطة
chain-offers-in-phase = { $count ->
    [one] عرض واحد
   *[other] { $count } عروض
}
chain-more-offers = { $count ->
    [one] + 1 آخر
   *[other] + { $count } أخرى
}
network-tie-chain-link = خطوة في السلسلة
chain-offers-only = بالعروض فقط، دون خطوات مربوطة
contacts-by-month = حسب الشهر
contacts-by-district = حسب الحي
contacts-by-life-phase = حسب المرحلة العمرية
contacts-by-transition = حسب الانتقال
contacts-by-topic = حسب الموضوع
contacts-by-offer = حسب العرض المحال إليه
contacts-by-outcome = حسب النتيجة
contactoutcome-unknown = غير معروف بعد
contactoutcome-reached = وصلت إلى العرض
contactoutcome-not-reached = لم تصل إلى العرض
contact-saved = تم عدّ التواصل.
contact-new = تسجيل تواصل
contact-offer-search = ابحث عن العرض المحال إليه
contact-date = تاريخ التواصل
contact-topic = الموضوع
contact-offer = العرض المحال إليه
contact-no-offer = لا شيء (استشارة فقط)
contact-outcome = النتيجة
contact-save = عدّ التواصل
contact-follow-up = المتابعة
contact-follow-up-hint = الإحالات في آخر 90 يومًا دون نتيجة.
contact-follow-up-none = لا شيء للمتابعة.
contact-counts = الأعداد
contact-from = من
contact-to = إلى
contact-total = التواصلات في الفترة: { $count }
contact-small-withheld = الأعداد الصغيرة محجوبة لحماية العائلات (<3)
contact-csv = الأعداد بصيغة CSV
error-contact-future = يُسجّل التواصل في يومه أو بعده.
error-contact-old = تُسجّل التواصلات خلال سنة.
error-contact-about = يرجى ذكر المرحلة العمرية أو الموضوع أو العرض.
contact-other-offers = كل العروض الأخرى
events-title = الفعاليات والتدريبات
events-lead = أيام متخصصة وتدريبات وتعريف سنوي للعاملين الجدد ومؤتمرات الشبكة.
event-new = فعالية جديدة
events-feed = الاشتراك في التقويم (الفعاليات العامة):
events-feed-full = كل الفعاليات (رابط سري، لا تشاركه):
events-upcoming = قريبًا
events-none = لا توجد فعاليات.
events-past = حتى الآن في { $year }
events-reach = { $participants } مشاركة من { $organisations } منظمة شريكة.
event = الفعالية
event-when = متى
event-participants = المشاركون
event-participants-total = المشاركون: { $count }
event-by-profession = المشاركات حسب المهنة
event-profession = المهنة
event-internal = داخلي
event-place = المكان
event-organiser = الجهة المنظمة
event-no-partner = لا منظمة شريكة
event-edit = تعديل الفعالية
event-details = التفاصيل
event-kind = النوع
event-starts = البداية
event-ends = النهاية
event-public = عامة
event-attendance = المشاركون حسب المنظمة والمهنة
event-attendance-hint = أعداد فقط، بلا أسماء.
event-save = حفظ الفعالية
eventkind-specialist-day = يوم متخصص
eventkind-training = تدريب
eventkind-introduction = تعريف العاملين الجدد
eventkind-kick-off = فعالية انطلاق
eventkind-network-conference = مؤتمر الشبكة
eventkind-other = أخرى
profession-social-work = العمل الاجتماعي
profession-education = التربية
profession-health = الصحة
profession-administration = الإدارة
profession-volunteer = المتطوعون
profession-other = أخرى
error-event-end = تنتهي الفعالية بعد بدايتها.
error-event-long = تستمر الفعالية خمسة أيام على الأكثر.
error-event-count = عدد من 1 إلى 5000 في كل صف.
error-event-twice = كل منظمة ومهنة مرة واحدة.
error-event-profession = اختر مهنة في كل صف.
error-datetime = يرجى إدخال التاريخ والوقت.
funding-title = التمويل والاستدامة
funding-lead = من يموّل العروض والإجراءات ووظائف التنسيق ولأي مدة.
funding-new = تسجيل تمويل جديد
funding-edit = تعديل التمويل
funding-record = التمويل
funding-radar = الرادار: ما ينتهي خلال اثني عشر شهرًا
funding-radar-none = لا تمويل ينتهي خلال اثني عشر شهرًا دون متابعة.
funding-radar-count = { $count ->
    [one] عنصر واحد معرّض للخطر.
   *[other] { $count } عناصر معرّضة للخطر.
}
funding-subject = ما يُموَّل
funding-subject-offer = عرض
funding-subject-measure = إجراء
funding-subject-post = وظيفة تنسيق
funding-post-title = اسم الوظيفة
funding-runs-out = ينتهي المال في
funding-months-left = { $count ->
    [one] بقي شهر واحد
   *[other] بقي { $count } أشهر
}
funding-at-stake = ما هو على المحك
funding-referrals = { $count ->
    [one] إحالة واحدة في 12 شهرًا
   *[other] { $count } إحالات في 12 شهرًا
}
funding-places = { $count ->
    [one] مكان واحد
   *[other] { $count } أماكن
}
funding-permanent = العروض ذات التمويل الدائم
funding-permanent-hint = في منتصف كل سنة؛ الميزانية المنتظمة تُعد دائمة.
funding-offers-funded = عروض بتمويل معروف
funding-offers-permanent = منها دائم
funding-share = النسبة
funding-records = كل سجلات التمويل
funding-records-none = لا توجد سجلات تمويل بعد.
funding-offer-search = ابحث عن العرض
funding-offer-hint = ابحث عن العرض أعلاه.
funding-save = حفظ التمويل
error-funding-subject = يرجى اختيار ما يُموَّل.
error-funding-end = أموال المشاريع والتبرعات تنتهي: أدخل تاريخ الانتهاء.
error-amount = يرجى إدخال مبلغ باليورو.
engagement-title = المشاركة: التبرعات والتطوع
engagement-lead = ما تحتاجه العروض وما يقدمه الداعمون وهل يصل.
engagement-needs = الاحتياجات
engagement-needs-none = لا احتياجات بعد.
engagement-need = الحاجة
engagement-for = لـ
engagement-kind = نوع المساعدة
engagement-matching = عطايا مناسبة
engagement-match = ربط
engagement-met = تمت تلبيتها
engagement-need-new = تسجيل حاجة
engagement-need-what = ما الذي سيساعد؟
engagement-need-save = حفظ الحاجة
engagement-gifts = المساعدة المقدمة
engagement-gifts-none = لم يُقدَّم شيء بعد.
engagement-gift = المساعدة
engagement-giver = من يعطي
engagement-giver-name = اسم الجهة
engagement-giver-name-hint = لا يُسجَّل المواطنون بأسمائهم.
engagement-gift-what = ما المعروض؟
engagement-amount = المبلغ (للتبرعات المالية)
engagement-hours = الساعات (للتطوع)
engagement-offered-on = تاريخ العرض
engagement-gift-new = تسجيل مساعدة
engagement-gift-save = حفظ المساعدة
engagement-status = الحالة
gift-hours = { $count ->
    [one] ساعة واحدة
   *[other] { $count } ساعات
}
gift-mark-delivered = وضع علامة تم التسليم
gift-mark-thanked = وضع علامة تم الشكر
giftkind-money = مال
giftkind-in-kind = تبرع عيني
giftkind-time = وقت تطوعي
giverkind-business = شركة
giverkind-foundation = مؤسسة
giverkind-club = جمعية
giverkind-citizen = مواطن
giftstatus-offered = معروض
giftstatus-matched = مربوط
giftstatus-delivered = تم التسليم
giftstatus-thanked = تم الشكر
error-need-subject = الحاجة تخص عرضًا واحدًا أو إجراءً واحدًا.
error-gift-citizen-named = لا يُسجَّل المواطنون بأسمائهم.
error-gift-hours = أدخل الساعات كعدد صحيح.
error-gift-unmatched = اربطها بحاجة أولًا.
error-gift-kind = الحاجة تطلب نوعًا آخر من المساعدة.
network-change = التغيّر منذ { $date }
network-then = آنذاك
network-now = اليوم
network-density = الكثافة
network-components = أجزاء منفصلة
network-newly = { $count ->
    [one] منظمة واحدة ارتبطت حديثًا:
   *[other] { $count } منظمات ارتبطت حديثًا:
}
network-lost = { $count ->
    [one] منظمة واحدة لم تعد مرتبطة:
   *[other] { $count } منظمات لم تعد مرتبطة:
}
network-coverage = المراحل العمرية والانتقالات في الشبكة
network-coverage-hint = كم من المنظمات التي تخدم مرحلة أو انتقالًا مرتبطة بالشبكة.
network-coverage-of = المرحلة أو الانتقال
network-serving = منظمات لديها عروض
network-serving-connected = منها مرتبطة
agreement-propose-change = اقتراح تعديل على الاتفاق
agreement-propose-change-short = اقتراح تعديل
agreement-propose-new = اقتراح اتفاق جديد
agreement-propose-hint = يراجع فريق التنسيق اقتراحك ويوافق عليه.
agreement-propose-send = إرسال الاقتراح
agreement-proposal-sent = اقتراحك لدى فريق التنسيق.
agreement-proposals = اقتراحات الشركاء
agreement-proposal = اقتراح
agreement-proposal-by = من { $organisation }
agreement-proposal-change = تعديل
agreement-proposal-new = اتفاق جديد
agreement-proposal-what = النوع
agreement-proposal-state = الحالة
agreement-proposal-state-pending = بانتظار الموافقة
agreement-proposal-state-approved = تمت الموافقة
agreement-proposal-state-rejected = مرفوض
agreement-proposal-now = الآن
agreement-proposal-proposed = المقترح
agreement-proposal-reason = السبب (مطلوب للرفض)
agreement-proposal-approve = موافقة
agreement-proposal-reject = رفض
agreement-proposal-decided = تم البت في هذا الاقتراح بالفعل.
error-agreement-own-party = تبقى منظمتك طرفًا في الاتفاق.
error-reject-reason = يرجى ذكر السبب.
network-picture = الشبكة كصورة
network-picture-hint = المنظمات المرتبطة كنقاط؛ الجداول تقول الشيء نفسه.
network-no-domain = بلا عروض
network-choose = إبراز منظمة
network-bridges = جسور بين المجالات
network-bridges-rule = منظمات مرتبطة بمنظمات من مجالات أخرى.
network-own-domain = المجال الخاص
network-other-domains = مرتبطة بـ
network-ties-across = روابط عبر المجالات
cycle-events = فعاليات هذه المرحلة
review-agreement-proposals = اقتراحات اتفاقات التعاون
engagement-partner-lead = سجّل ما تحتاجه عروضك.
needs-title = تحليل العرض والاحتياج
needs-lead = حيث يعيش كثير من الأطفال ويرتفع الحرمان وتضعف سلسلة الوقاية: العروض لكل مرحلة عمرية ومنطقة مقابل عدد الأطفال، موزونًا بمؤشر للحرمان.
needs-level = مستوى المنطقة
needs-year = سنة السكان
needs-indicator = مؤشر الحرمان
needs-indicator-none = لا شيء (كل المناطق بوزن متساوٍ)
needs-weight = وزن الحرمان
needs-weight-hint = من 0 إلى 5؛ عند 1 يُحسب أطفال المنطقة الأشد حرمانًا مرتين.
needs-per = التغطية لكل … طفل
needs-min-children = الفجوات فقط ابتداءً من … طفل
needs-show = عرض
needs-csv = الجدول بصيغة CSV
needs-errors = تعذرت قراءة بعض الاختيارات؛ تُطبق القيم الافتراضية بدلًا منها.
needs-error-number = يرجى إدخال رقم.
needs-error-range = خارج النطاق المسموح (الوزن من 0 إلى 5، التغطية لكل طفل واحد على الأقل، الحد الأدنى من 0).
needs-how = طريقة الحساب
needs-formula = الاحتياج = أطفال المرحلة العمرية × (1 + { $weight } × رتبة الحرمان). التغطية = العروض في المنطقة لكل { $per } طفل موزون. الفجوة حيث ينقص عرض واحد على الأقل لبلوغ الوسيط في المدينة.
needs-rank-from = رتبة الحرمان: موقع المنطقة وفق «{ $indicator }» ({ $year })، 0 = الأقل، 1 = الأشد حرمانًا.
needs-rank-none = بدون مؤشر للحرمان تُحسب كل منطقة بالرتبة الوسطى 0.5.
needs-estimate-hint = يُقدَّر عدد الأطفال لكل مرحلة من الفئات العمرية المنشورة. تُحتسب العروض النشطة التي لها مكان في المنطقة.
needs-withheld-districts =
    { $count ->
   *[other] في { $count } منطقة حُجبت أرقام لحماية الأعداد الصغيرة.
}
needs-gaps = الفجوات مرتبة حسب العروض الناقصة
needs-gaps-none = لا فجوات وفق هذا الحساب.
needs-gaps-count =
    { $count ->
   *[other] { $count } فجوة.
}
needs-gaps-shown =
    { $count ->
   *[other] أول { $count } هنا، وجميعها في جدول CSV.
}
needs-district = المنطقة
needs-phase = المرحلة العمرية
needs-children = الأطفال
needs-offers = العروض
needs-missing = العروض الناقصة
needs-reasons = الأسباب
needs-reason-no-offer = لا يوجد عرض لهذه المرحلة في المنطقة
needs-reason-below-median = التغطية { $coverage } أقل من الوسيط { $median }
needs-reason-deprivation = ضمن أشد المناطق حرمانًا (الرتبة { $rank } %)
needs-reason-many-children = عدد كبير من أطفال هذه المرحلة ({ $children })
needs-reason-few-places = { $places } مكانًا لكل 100 طفل، الوسيط { $median }
needs-matrix = التغطية حسب المنطقة والمرحلة
needs-matrix-hint = في كل خلية: التغطية، وتحتها العروض · الأطفال.
needs-rank = الرتبة
needs-median = الوسيط
needs-withheld = محمي
needs-reason-far-to-walk = { $share } % فقط من الأطفال على بعد 10 دقائق سيرًا (تقدير)
needs-walk-share = { $share } % سيرًا
needs-walk-estimate = «سيرًا»: نسبة الأطفال الذين يصلون إلى عرض للمرحلة خلال 10 دقائق سيرًا – تقدير ما دامت شبكة الطرق غير محمّلة: خط مستقيم × 1.3 بسرعة 4.8 كم/س.
needs-transitions = انتقالات بلا جسر
needs-transitions-hint = مناطق لا يذكر فيها أي عرض هذا الانتقال ولا تبدأ فيها أي خطوة من السلسلة؛ الأكثر أطفالًا في المرحلة التالية أولًا.
needs-unbridged-none = في كل منطقة يجسر عرض أو خطوة واحدة على الأقل هذا الانتقال.
needs-unbridged-count =
    { $count ->
   *[other] { $count } من { $of } منطقة بلا جسر:
}
scenario-title = السيناريوهات
scenario-lead = «ماذا لو …»: أضف عرضًا مخططًا له أو أغلق عرضًا قائمًا وشاهد قبل اتخاذ القرار كيف تتغير التغطية والفجوات والوصول سيرًا على الأقدام. السيناريوهات لا تغيّر أي عرض.
scenario-none = لا يوجد سيناريو بعد.
scenario-name = الاسم
scenario-description = الوصف
scenario-changes = التغييرات
scenario-updated = آخر تعديل
scenario-compare = مقارنة السيناريوهات
scenario-compare-a = السيناريو الأول
scenario-compare-b = السيناريو الثاني
scenario-compare-button = قارن
scenario-compare-none = يرجى اختيار سيناريوهين.
scenario-compare-hint = لكل مرحلة عمرية: الوضع اليوم ومع تغييرات كل سيناريو، على مستوى تحليل الاحتياجات وبصيغته.
scenario-today = اليوم
scenario-new = سيناريو جديد
scenario-create = إنشاء سيناريو
scenario-changes-none = لا تغيير بعد – أضف أدناه عرضًا مخططًا له أو أغلق عرضًا.
scenario-remove = إزالة
scenario-outcome = النتيجة
scenario-outcome-hint = اليوم ← مع هذا السيناريو، المستوى «{ $level }»؛ تُحسب التغطية كما في تحليل الاحتياجات، وتُقاس الفجوات بالوسيط الحالي (وإلا لبدا كل إغلاق تقدمًا).
scenario-walk-estimate = مسافات المشي تقديرية (الخط المستقيم × 1.3 بسرعة 4.8 كم/س).
scenario-summary = لكل مرحلة عمرية، البلدية كلها
scenario-places-col = الأماكن
scenario-gaps-col = الفجوات
scenario-walk-col = الأطفال على بعد 10 دقائق سيرًا
scenario-per-100-col = أماكن لكل 100 طفل
scenario-gap-col = الفجوة
scenario-cells = المناطق التي تتغير
scenario-cells-none = لا تتغير أي منطقة.
scenario-cells-count =
    { $count ->
   *[other] عدد المناطق والمراحل العمرية التي تتغير: { $count }.
}
scenario-plan = إضافة عرض مخطط له
scenario-label = التسمية
scenario-district = المنطقة
scenario-district-hint = الرمز أو الاسم الدقيق، مثلًا من قائمة الاقتراحات.
scenario-places-field = عدد الأماكن (إن كان معروفًا)
scenario-point = الموقع (اختياري)
scenario-point-hint = خط العرض وخط الطول بالدرجات، مثلًا 52.52 و13.40. بدون موقع يُعتبر العرض في وسط المنطقة لتقدير المشي.
scenario-lat = خط العرض
scenario-lon = خط الطول
scenario-plan-button = إضافة
scenario-close = إغلاق عرض
scenario-close-search = ابحث عن عرض
scenario-close-none = لم يُعثر على عرض.
scenario-closed-already = يُغلق في هذا السيناريو
scenario-close-button = أغلق في هذا السيناريو
scenario-delete = حذف السيناريو
scenario-change-close = يُغلق: { $offer }
scenario-change-plan = مخطط له: { $label } في { $district } – { $phases }، { $places }، الموقع { $at }
scenario-no-effect-offer = (لا يُحتسب هنا: غير نشط أو بلا مكان في منطقة)
scenario-no-effect-place = (لا يمكن وضعه في منطقة من هذا المستوى – يرجى إدخال موقع)
scenario-no-gap = لا شيء
scenario-gap-missing = ينقص { $missing }
scenario-places =
    { $count ->
   *[other] عدد الأماكن: { $count }
}
scenario-places-unknown = عدد الأماكن غير معروف
scenario-at-centre = وسط المنطقة
scenario-error-district-ambiguous = هناك عدة مناطق بهذا الاسم – يرجى إدخال الرمز.
scenario-error-places = 100,000 مكان كحد أقصى.
needs-scenarios-link = السيناريوهات: «ماذا لو …»
scenario-change-close-hidden = يُغلق: عرض لا يحق لك رؤيته
needs-follow-up = المتابعة
needs-gap-title = فجوة
needs-gap-figures = الأرقام
needs-gap-coverage = التغطية
needs-gap-no-figures = لا توجد أرقام لهذه المنطقة والمرحلة العمرية يحق لك رؤيتها.
needs-gap-missing = ينقص { $missing } عرضًا للوصول إلى وسيط البلدية.
needs-gap-not-now = وفق الحساب الافتراضي ليست هذه فجوة حاليًا.
needs-gap-chain = سلسلة الوقاية في المنطقة
needs-gap-profile = ملف المنطقة
needs-gap-follow-up = ما الخطوة التالية
needs-gap-measure = الإجراء
needs-gap-proposal = المقترح
needs-gap-no-comments = لا تعليق بعد.
needs-gap-untouched = لم يتناول أحد هذه الفجوة بعد.
needs-gap-state = الحالة
needs-gap-state-open = مفتوحة
needs-gap-state-addressed = قيد المعالجة
needs-gap-state-no-action = لا إجراء عن قصد (مع التعليل)
needs-gap-about-this = حول هذه المنطقة والمرحلة
needs-gap-new-proposal = تقديم مقترح جديد لهذه الفجوة
needs-gap-comment = تعليق
needs-gap-save = حفظ
needs-gap-error-addressed = يرجى اختيار الإجراء أو المقترح الذي يعالج الفجوة.
needs-gap-error-reason = يرجى ذكر سبب عدم اتخاذ أي إجراء.
needs-gap-proposal-problem = يُظهر تحليل الاحتياجات فجوة لمرحلة { $phase } في { $district }.
needs-gap-comments =
    { $count ->
   *[other] عدد التعليقات: { $count }
}
needs-followed = الفجوات التي تمت متابعتها
needs-followed-none = لم يُعلَّق على أي فجوة ولم تُربط بإجراء بعد. كل فجوة أعلاه تقود إلى صفحتها.
inventory-title = الجرد: العروض حسب المنطقة
inventory-lead = العروض الموجودة في كل منطقة – حسب المرحلة العمرية أو المجال أو الانتقال أو الفئة المستهدفة. العرض الموجَّه لعدة مراحل يُحتسب في كل منها.
inventory-dimension = التصنيف حسب
inventory-summary = { $offers } عرضًا له مكان في { $areas } منطقة؛ ولا شيء في { $without } منطقة.
inventory-hint = تُحتسب العروض النشطة ذات المكان الذي يحق لك رؤيته؛ العروض بلا مكان لا تُحتسب لأي منطقة. كل رقم يقود إلى قائمة العروض.
inventory-map = الخريطة
inventory-term = على الخريطة
inventory-map-title = العروض حسب المنطقة: { $term }
inventory-map-hint = يتضمن الجدول أدناه الأرقام نفسها.
inventory-table = الجدول
inventory-all = كل العروض
inventory-whole = البلدية كلها
needs-inventory-link = الجرد: العروض الموجودة في كل منطقة
needs-walk-network = «سيرًا على الأقدام»: نسبة الأطفال الذين يصلون إلى عرض للمرحلة العمرية خلال 10 دقائق مشيًا – مقيسة على شبكة الشوارع والممرات (OpenStreetMap، © مساهمو OpenStreetMap، ODbL) بسرعة 4.8 كم/س. يُوزَّع أطفال المنطقة على مبانيها السكنية حسب المساحة (مساحة القاعدة × الطوابق؛ في { $homes } من { $areas } منطقة)، وفي غيرها بالتساوي على شبكة 200 م؛ لا تُحتسب النقاط التي تبعد أكثر من 500 م عن أي ممر.
needs-reason-far-to-walk-network = { $share } % فقط من الأطفال على بعد 10 دقائق سيرًا (شبكة الشوارع)
scenario-walk-network = مسافات المشي مقيسة على شبكة الشوارع (OpenStreetMap، © مساهمو OpenStreetMap، ODbL).
needs-far = حيث الطريق طويل
needs-far-hint-network = المناطق والمراحل العمرية التي تضم أكبر عدد من الأطفال الذين لا يصلون إلى أي عرض لمرحلتهم خلال 10 دقائق سيرًا – مقيسة على شبكة الشوارع؛ أول 30. كل اسم يقود إلى صفحة الفجوة.
needs-far-hint-estimate = المناطق والمراحل العمرية التي تضم أكبر عدد من الأطفال الذين لا يصلون إلى أي عرض لمرحلتهم خلال 10 دقائق سيرًا – تقديرية (الخط المستقيم × 1.3) ما دامت شبكة الشوارع غير مستوردة؛ أول 30. كل اسم يقود إلى صفحة الفجوة.
needs-far-5 = خلال 5 د
needs-far-10 = خلال 10 د
needs-far-15 = خلال 15 د
needs-far-beyond = أطفال أبعد من 10 د
walk-title = في متناول المشي
walk-network = مقيسة على شبكة الشوارع والممرات من { $file } ({ $junctions } تقاطعًا، استُوردت { $when }، المجموع الاختباري { $sha }) بسرعة 4.8 كم/س. البيانات © مساهمو OpenStreetMap، ODbL.
walk-estimate = تقديري: الخط المستقيم × 1.3 بسرعة 4.8 كم/س ما دامت شبكة الشوارع غير مستوردة (kette import street-network).
walk-map-title = نسبة الأطفال على بعد 10 دقائق سيرًا: { $phase }
walk-map-hint = نسبة الأطفال الذين يصلون إلى عرض للمرحلة العمرية خلال 10 دقائق سيرًا. يتضمن الجدول القيم نفسها و5 و15 دقيقة.
walk-table = { $phase }: الأطفال ونسبهم خلال 5 و10 و15 دقيقة سيرًا، الأقل خلال 10 دقائق أولًا
needs-walk-link = في متناول المشي: خريطة وجدول لكل مرحلة عمرية
walk-runs = النتائج المحفوظة
walk-runs-hint = تحتفظ النتيجة المحفوظة بنسب كل مناطق هذا المستوى مع طريقة قياسها – للتقارير والمقارنات اللاحقة. تُحسب بالعرض العام للأماكن؛ ولا تؤثر فيها الأماكن المحمية.
walk-runs-none = لم تُحفظ أي نتيجة بعد.
walk-run-label = اسم النتيجة
walk-run-save = حفظ النتيجة
walk-method-network = مقيسة على شبكة الشوارع
walk-method-estimate = تقديرية (الخط المستقيم × 1.3)
walk-run-when = حُفظت
walk-run-method = الطريقة
walk-run-checksum = المجموع الاختباري للمستخلص
walk-run-parameters = المعاملات
walk-run-hint = نسب أطفال كل منطقة الذين يصلون إلى عرض للمرحلة خلال 5 و10 و15 دقيقة سيرًا، الأقل خلال 10 دقائق أولًا. بيانات الشوارع © مساهمو OpenStreetMap، ODbL.
walk-network-upload = استيراد شبكة الشوارع
walk-network-hint = مستخلص OpenStreetMap مقصوص على البلدية: بصيغة PBF (مثلًا من download.geofabrik.de باستخدام osmium extract) أو بصيغة OSM XML مضغوطًا أو غير مضغوط (.osm، .osm.gz، مثلًا من Overpass أو JOSM). يُقرأ ويُبنى أولًا؛ ولا يحل محل الحالي إلا مستخلص صالح للاستخدام.
walk-network-file = الملف (.osm.pbf، .osm، .osm.gz)
walk-network-import = استيراد
walk-network-no-file = يرجى اختيار ملف.
walk-network-refused = لم يُستورد { $file }؛ تبقى شبكة الشوارع الحالية: { $cause }
dashboard-needs-gaps =
    { $count ->
   *[other] عدد الفجوات في تحليل الاحتياجات: { $count }، قيد المعالجة منها: { $addressed }.
}
proposal-need-evidence = تحليل الاحتياجات، { $phase } في { $district }: { $children } طفل، التغطية { $coverage } (الوسيط { $median })، { $walk } خلال 10 دقائق سيرًا، العروض الناقصة: { $missing }.
index-note-components = الخطوة { $step }، { $output }: التباين المفسَّر لكل مكوّن رئيسي { $explained }؛ تشبعات المكوّن الأول: { $loadings }.
index-note-orientation = الخطوة { $step }، { $output }: ترتفع القيمة مع { $anchor } (r = { $r }).
index-note-orientation-weak = الخطوة { $step }، { $output }: لا ترتبط القيمة تقريبًا بالمرساة { $anchor } (r = { $r })، فاتجاهها شبه اعتباطي. اختر مرساة ترتبط بوضوح بالمؤشر.
index-note-rows-without-value = الخطوة { $step } ({ $kind }): { $missing } من { $rows } صفًا بلا قيمة في { $column }.
index-note-rows-without-value-inputs = الخطوة { $step } ({ $kind }): { $missing } من { $rows } صفًا بلا قيمة في { $column }؛ الناقص هناك: { $inputs }.
index-notes-title = ملاحظات على الحساب
index-note-warning = تحذير
needs-domain = مجال العمل
needs-domain-all = جميع مجالات العمل
needs-domain-only = لا تُحتسب عرضًا، ولا وجهاتٍ للمشي، إلا عروض مجال العمل «{ $domain }». تبقى الحاجة (الأطفال، الحرمان) كما هي؛ ويُؤخذ المعيار (الوسيط) من الاختيار نفسه.
needs-domain-follow-up = المتابعة أدناه تخص مرحلة الحياة في هذه المنطقة ككل.
needs-error-domain = لا يوجد مجال عمل كهذا؛ تُحتسب جميع العروض.
proposal-need-suggested = يقترح تحليل الاحتياجات { $score } من 5 لمعيار الحاجة ({ $because }).
proposal-need-rule = القاعدة: لا عرض 5؛ تغطية دون 50 % من الوسيط 4، ودون 75 % 3، ودون 100 % 2، ودون 150 % 1، وإلا 0؛ ونقطة إضافية لكل من (بحد أقصى 5): منطقة ضمن الربع الأكثر حرمانًا، وبلوغ أقل من نصف الأطفال عرضًا خلال 10 دقائق سيرًا.
proposal-need-preselected = لم يُقيَّم بعد: اقتراح تحليل الاحتياجات محدد مسبقًا ولا يُحتسب إلا بعد حفظ التقييم.
need-score-no-offer = لا عرض لمرحلة الحياة في المنطقة
need-score-coverage = التغطية { $share } % من الوسيط
need-score-deprived = ضمن الربع الأكثر حرمانًا من المناطق
need-score-far = فقط { $share } % من الأطفال على بعد 10 دقائق سيرًا
needs-walk-census = في { $areas } منطقة يسكن الأطفال حيث تعدّهم شبكة التعداد السكاني (المصدر: المكاتب الإحصائية للاتحاد والولايات، التعداد، dl-de/by-2-0)؛ ولا تُحتسب الخلايا التي يُحفظ عددها سرًا.
