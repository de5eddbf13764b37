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
referral-privacy = لا تُحفظ أي بيانات عن العائلة، فقط عدّ مجهول الهوية (التاريخ، الحي، مرحلة العمر، الموضوع، الخدمة).
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
referrals-title = الإحالات
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
