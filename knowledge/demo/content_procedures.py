"""Service procedures of the demo agencies, public and staff-only, in Arabic and English."""

from __future__ import annotations

CHARTER = ("charter", "charter")
INTERNAL_FEES_AR = "لا ينطبق (إجراء داخلي)"
INTERNAL_FEES_EN = "Not applicable (internal procedure)"

PROCEDURES: list[dict[str, object]] = [
    # --- public services -------------------------------------------------------------------
    {
        "slug": "book-centre-appointment",
        "owner_team": "centres",
        "agency": "e-government",
        "channels": ["centre", "phone", "chat"],
        "beneficiaries": "everyone",
        "service_level_days": None,
        "related": [CHARTER],
        "ar": {
            "title": "حجز موعد في مركز خدمة العملاء",
            "summary": ("احجز موعد زيارتك لمركز الخدمة مسبقًا، فتختصر وقت الانتظار وتُنجز معاملتك في زيارة واحدة."),
            "tags": ["موعد", "مواعيد", "حجز موعد", "مراكز الخدمة"],
            "service_name": "حجز موعد لزيارة مركز خدمة",
            "steps": [
                (
                    "اختر الخدمة",
                    "حدّد المعاملة التي تريد إنجازها؛ فلكل خدمة مدتها ووثائقها، وتظهر لك متطلباتها قبل تأكيد الحجز.",
                ),
                ("اختر المركز والوقت", "اختر المركز الأقرب إليك، ثم اليوم والساعة المناسبين من المواعيد المتاحة."),
                (
                    "أدخل بيانات التواصل",
                    "اكتب رقم هاتفك وعنوان بريدك الإلكتروني بدقة، فعليهما تصلك رسالة التأكيد والتذكير.",
                ),
                (
                    "استلم رسالة التأكيد",
                    "تصلك رسالة نصية فيها رقم الحجز وتاريخ الموعد ومكانه وقائمة الوثائق المطلوبة.",
                ),
                (
                    "احضر في موعدك",
                    "احضر قبل الموعد بعشر دقائق ومعك الوثائق الأصلية، وأبرز رقم الحجز عند مكتب الاستقبال.",
                ),
            ],
            "documents": [
                "بطاقة الهوية سارية المفعول",
                "رقم الحجز الوارد في رسالة التأكيد",
                "وثائق المعاملة المطلوبة كما تظهر عند الحجز",
            ],
            "fees": "مجانًا",
            "service_level": "تأكيد فوري برسالة نصية",
            "body": [
                ("heading", "تعديل الموعد أو إلغاؤه"),
                (
                    "paragraph",
                    "<p>إذا تعذّر عليك الحضور فعدّل موعدك أو ألغِه من الرابط الوارد في رسالة التأكيد، "
                    "ليستفيد مراجع آخر من الوقت المحجوز.</p>",
                ),
                (
                    "callout",
                    (
                        "لا تستطيع الحجز إلكترونيًا؟",
                        "<p>اتصل بمركز الاتصال وسيحجز لك الموظف الموعد أثناء المكالمة، "
                        "أو اطلب المساعدة من موظف الدردشة الحية على الموقع.</p>",
                    ),
                ),
            ],
        },
        "en": {
            "title": "Booking an appointment at a customer service centre",
            "summary": (
                "Book your visit to a service centre in advance to cut your waiting time and complete your "
                "transaction in a single visit."
            ),
            "tags": ["appointment", "appointments", "booking", "service centres"],
            "service_name": "Booking an appointment to visit a service centre",
            "steps": [
                (
                    "Choose the service",
                    "Select the transaction you need; each service has its own duration and documents, and its "
                    "requirements are shown before you confirm.",
                ),
                (
                    "Choose the centre and time",
                    "Pick the centre nearest to you, then a day and time from the open slots.",
                ),
                (
                    "Enter your contact details",
                    "Type your phone number and email address carefully: the confirmation and reminder are sent there.",
                ),
                (
                    "Receive the confirmation",
                    "A text message gives you the booking number, the date and place, and the list of documents to "
                    "bring.",
                ),
                (
                    "Come on time",
                    "Arrive ten minutes early with the original documents and show your booking number at reception.",
                ),
            ],
            "documents": [
                "A valid identity card",
                "The booking number from the confirmation message",
                "The documents for the transaction, as listed when you book",
            ],
            "fees": "Free",
            "service_level": "Instant confirmation by text message",
            "body": [
                ("heading", "Changing or cancelling an appointment"),
                (
                    "paragraph",
                    "<p>If you cannot come, change or cancel your appointment with the link in the confirmation "
                    "message so that another customer can use the slot.</p>",
                ),
                (
                    "callout",
                    (
                        "Cannot book online?",
                        "<p>Call the contact centre and the agent will book the appointment for you during the call, "
                        "or ask the live-chat agent on the website for help.</p>",
                    ),
                ),
            ],
        },
    },
    {
        "slug": "file-complaint-tawasul",
        "owner_team": "complaints",
        "agency": "e-government",
        "channels": ["centre", "phone", "email", "chat"],
        "beneficiaries": "everyone",
        "service_level_days": 5,
        "related": [CHARTER],
        "ar": {
            "title": "تقديم شكوى أو مقترح عبر تطبيق «تواصل»",
            "summary": (
                "قدّم شكواك أو ملاحظتك أو مقترحك بشأن أي خدمة حكومية من خلال تطبيق «تواصل»، وتابع حالتها حتى إغلاقها."
            ),
            "tags": ["شكوى", "شكاوى", "تواصل", "مقترحات", "بلاغ"],
            "service_name": "الشكاوى والمقترحات عبر النظام الوطني «تواصل»",
            "steps": [
                (
                    "ادخل إلى «تواصل»",
                    "حمّل التطبيق على هاتفك أو افتحه من البوابة الإلكترونية، ثم سجّل الدخول بهويتك الإلكترونية.",
                ),
                (
                    "اختر الجهة ونوع الطلب",
                    "حدّد الجهة الحكومية المعنية، ثم اختر نوع الطلب: شكوى أو مقترح أو استفسار أو شكر.",
                ),
                (
                    "اشرح ما حدث",
                    "اذكر التاريخ والمكان أو القناة ورقم المعاملة إن وُجد، وما الحل الذي تنتظره.",
                ),
                ("أرفق ما يدعم طلبك", "يمكنك إرفاق صورة أو مستند يوضح المشكلة، وهذا اختياري."),
                (
                    "احتفظ بالرقم المرجعي",
                    "يصلك رقم مرجعي فور الإرسال، وبه تتابع حالة الشكوى داخل التطبيق.",
                ),
                (
                    "تابع الرد",
                    "تُحال الشكوى إلى الوحدة المختصة، ويصلك الرد وإشعار بكل تحديث في التطبيق أو برسالة نصية.",
                ),
            ],
            "documents": [
                "لا يلزم تقديم وثائق؛ تكفي تفاصيل الشكوى",
                "رقم المعاملة أو الحجز إن كانت الشكوى تخص معاملة بعينها",
                "صور أو مستندات داعمة (اختياري)",
            ],
            "fees": "مجانًا",
            "service_level": "إشعار بالاستلام فورًا، ورد خلال 5 أيام عمل",
            "body": [
                (
                    "paragraph",
                    "<p>لا يُشترط أن تسجّل الشكوى بنفسك؛ فموظف المركز أو مركز الاتصال يستطيع تسجيلها "
                    "نيابةً عنك في «تواصل» وإعطاءك رقمها المرجعي. وإن فضّلت عرضها مباشرةً فمن حقك "
                    "طلب مقابلة مدير المركز.</p>",
                ),
                (
                    "callout",
                    (
                        "كيف نتعامل مع شكواك",
                        "<p>نستقبل كل شكوى بصدر رحب، ونعالجها بمصداقية ومسؤولية وكفاءة، "
                        "ونبحث عن حلول مبتكرة لما يعترض حلّها.</p>",
                    ),
                ),
            ],
        },
        "en": {
            "title": "Filing a complaint or suggestion through the Tawasul app",
            "summary": (
                "Submit your complaint, comment or suggestion about any government service through the Tawasul "
                "app and follow it until it is closed."
            ),
            "tags": ["complaint", "complaints", "tawasul", "suggestions", "report"],
            "service_name": "Complaints and suggestions through the national Tawasul system",
            "steps": [
                (
                    "Open Tawasul",
                    "Download the app on your phone or open it from the e-government portal, then sign in with "
                    "your electronic identity.",
                ),
                (
                    "Choose the agency and request type",
                    "Select the government agency concerned, then the type of request: complaint, suggestion, "
                    "enquiry or compliment.",
                ),
                (
                    "Explain what happened",
                    "Give the date, the place or channel, the transaction number if there is one, and the solution "
                    "you expect.",
                ),
                ("Attach supporting material", "You may attach a photo or document that shows the problem (optional)."),
                (
                    "Keep the reference number",
                    "You receive a reference number as soon as you submit, and you use it to follow the complaint "
                    "in the app.",
                ),
                (
                    "Follow the reply",
                    "The complaint goes to the responsible unit; you get the reply and a notice of every update in "
                    "the app or by text message.",
                ),
            ],
            "documents": [
                "No documents are needed; the details of the complaint are enough",
                "The transaction or booking number if the complaint concerns a specific transaction",
                "Supporting photos or documents (optional)",
            ],
            "fees": "Free",
            "service_level": "Immediate acknowledgement, reply within 5 working days",
            "body": [
                (
                    "paragraph",
                    "<p>You do not have to enter the complaint yourself: a centre or contact-centre employee can "
                    "record it in Tawasul for you and give you its reference number. If you prefer to raise it in "
                    "person, you are entitled to ask to meet the centre manager.</p>",
                ),
                (
                    "callout",
                    (
                        "How we handle your complaint",
                        "<p>We welcome every complaint and handle it with credibility, responsibility and efficiency, "
                        "looking for innovative ways past whatever stands in the way of a solution.</p>",
                    ),
                ),
            ],
        },
    },
    {
        "slug": "request-service-certificate",
        "owner_team": "centres",
        "agency": "civil-service-bureau",
        "channels": ["centre", "email"],
        "beneficiaries": "individuals",
        "service_level_days": 3,
        "ar": {
            "title": "طلب شهادة خدمة لموظف حكومي",
            "summary": (
                "يحصل موظفو الجهات الحكومية الحاليون والسابقون على شهادة تبيّن مدة خدمتهم "
                "ومسمّاهم الوظيفي وجهة عملهم، بالعربية أو بالإنجليزية."
            ),
            "tags": ["شهادة", "شهادة خدمة", "شهادة لمن يهمه الأمر", "موظف حكومي"],
            "service_name": "إصدار شهادة خدمة (لمن يهمه الأمر)",
            "steps": [
                (
                    "قدّم الطلب",
                    "املأ نموذج الطلب في مركز خدمة الديوان، أو أرسله بالبريد الإلكتروني إلى عنوان الخدمات.",
                ),
                (
                    "حدّد لغة الشهادة والجهة الموجَّهة إليها",
                    "اختر إصدار الشهادة بالعربية أو بالإنجليزية، واذكر الجهة التي ستقدّمها إليها إن أردت.",
                ),
                (
                    "راجع بياناتك",
                    "يتحقق الموظف من بياناتك الوظيفية في السجلات، وقد يتصل بك لاستيضاح فترة خدمة سابقة.",
                ),
                ("استلم الإشعار", "تصلك رسالة نصية أو رسالة بريد إلكتروني عند جاهزية الشهادة."),
                (
                    "استلم الشهادة",
                    "تُرسل إليك الشهادة إلكترونيًا مع رمز تحقق، أو تستلمها مطبوعةً من المركز.",
                ),
            ],
            "documents": [
                "بطاقة الهوية",
                "الرقم الوظيفي إن كان متاحًا",
                "تفويض مكتوب مع نسخة من هوية صاحب الشهادة إذا قدّم الطلب شخص آخر نيابةً عنه",
            ],
            "fees": "مجانًا",
            "service_level": "٣ أيام عمل",
            "body": [
                (
                    "callout",
                    (
                        "وجدت خطأً في الشهادة؟",
                        "<p>أبلغنا فور ملاحظتك أي خطأ في الاسم أو التواريخ أو المسمى الوظيفي، "
                        "وسنصحّح الشهادة ونعيد إصدارها دون رسوم.</p>",
                    ),
                ),
            ],
        },
        "en": {
            "title": "Requesting a service certificate for a government employee",
            "summary": (
                "Current and former government employees can obtain a certificate stating their length of service, "
                "job title and employer, in Arabic or in English."
            ),
            "tags": ["certificate", "service certificate", "to whom it may concern", "government employee"],
            "service_name": "Issuing a service certificate (to whom it may concern)",
            "steps": [
                (
                    "Submit the request",
                    "Fill in the request form at the Bureau's service centre, or send it by email to the services "
                    "address.",
                ),
                (
                    "Choose the language and the addressee",
                    "Ask for the certificate in Arabic or in English, and name the organisation it is addressed to if "
                    "you wish.",
                ),
                (
                    "Check your details",
                    "The employee verifies your employment record and may call you to clarify an earlier period of "
                    "service.",
                ),
                ("Receive the notice", "A text message or email tells you when the certificate is ready."),
                (
                    "Receive the certificate",
                    "The certificate is sent to you electronically with a verification code, or you collect a printed "
                    "copy at the centre.",
                ),
            ],
            "documents": [
                "Identity card",
                "Employee number, if available",
                "A written authorisation and a copy of the holder's ID if someone else applies on their behalf",
            ],
            "fees": "Free",
            "service_level": "3 working days",
            "body": [
                (
                    "callout",
                    (
                        "Found an error in the certificate?",
                        "<p>Tell us as soon as you notice any error in the name, dates or job title, and we will "
                        "correct and reissue the certificate free of charge.</p>",
                    ),
                ),
            ],
        },
    },
    {
        "slug": "update-personal-data",
        "owner_team": "centres",
        "agency": "social-insurance",
        "channels": ["centre", "phone", "email", "chat"],
        "beneficiaries": "individuals",
        "service_level_days": 2,
        "related": [CHARTER],
        "ar": {
            "title": "تحديث البيانات الشخصية وبيانات التواصل",
            "summary": (
                "أبلغ الهيئة بأي تغيير في عنوانك أو رقم هاتفك أو حالتك الاجتماعية أو حسابك المصرفي، "
                "لتصلك مستحقاتك وإشعاراتك دون تأخير."
            ),
            "tags": ["تحديث البيانات", "البيانات الشخصية", "تغيير العنوان", "رقم الهاتف"],
            "service_name": "تحديث بيانات المؤمَّن عليه أو المتقاعد",
            "steps": [
                (
                    "حدّد ما تغيّر",
                    "اختر نوع التحديث: رقم الهاتف، أو البريد الإلكتروني، أو العنوان، أو الحالة الاجتماعية، "
                    "أو الحساب المصرفي.",
                ),
                (
                    "املأ النموذج ببيانات صحيحة",
                    "اكتب البيانات الجديدة كاملةً ودقيقة، فأي خطأ فيها قد يؤخر صرف مستحقاتك.",
                ),
                ("أرفق ما يثبت التغيير", "أرفق المستند المناسب لنوع التحديث كما في قائمة الوثائق أدناه."),
                (
                    "أكّد هويتك",
                    "يصلك رمز تحقق على رقمك المسجَّل؛ وإذا كان الرقم نفسه هو ما تغيّر فأكمل الطلب في المركز "
                    "أو عبر اتصال مرئي.",
                ),
                ("استلم التأكيد", "تصلك رسالة نصية عند اعتماد التحديث، ويظهر في ملفك فورًا."),
            ],
            "documents": [
                "بطاقة الهوية",
                "شهادة من البنك برقم الحساب الجديد (عند تغيير الحساب المصرفي)",
                "عقد الزواج أو وثيقة الطلاق أو شهادة الوفاة (عند تغيّر الحالة الاجتماعية)",
                "ما يثبت العنوان الجديد، كعقد الإيجار أو فاتورة الكهرباء (عند تغيير العنوان)",
            ],
            "fees": "مجانًا",
            "service_level": "خلال يومي عمل",
            "body": [
                (
                    "paragraph",
                    "<p>الإبلاغ الفوري عن تغيّر البيانات الشخصية من التزامات المتعامل في الوثيقة الموحدة "
                    "لخدمة العملاء؛ فالبيانات القديمة قد تعني رسائل لا تصلك أو دفعات تُرسل إلى حساب مغلق.</p>",
                ),
            ],
        },
        "en": {
            "title": "Updating personal and contact details",
            "summary": (
                "Tell the Authority about any change in your address, phone number, marital status or bank account "
                "so that your payments and notices reach you without delay."
            ),
            "tags": ["data update", "personal data", "change of address", "phone number"],
            "service_name": "Updating the details of an insured person or pensioner",
            "steps": [
                (
                    "Choose what has changed",
                    "Select the type of update: phone number, email address, home address, marital status or bank "
                    "account.",
                ),
                (
                    "Fill in the form correctly",
                    "Enter the new details completely and accurately; any error can delay your payments.",
                ),
                ("Attach proof of the change", "Attach the document that matches the update, as listed below."),
                (
                    "Confirm your identity",
                    "A verification code is sent to your registered number; if that number is what changed, finish "
                    "the request at a centre or by video call.",
                ),
                (
                    "Receive the confirmation",
                    "A text message tells you when the update is approved; it shows in your file at once.",
                ),
            ],
            "documents": [
                "Identity card",
                "A bank letter showing the new account number (for a change of bank account)",
                "Marriage contract, divorce document or death certificate (for a change of marital status)",
                "Proof of the new address, such as a tenancy contract or electricity bill (for a change of address)",
            ],
            "fees": "Free",
            "service_level": "Within 2 working days",
            "body": [
                (
                    "paragraph",
                    "<p>Reporting changes in your personal details straight away is one of the customer's "
                    "obligations in the unified customer-service charter: out-of-date details can mean messages "
                    "that never reach you or payments sent to a closed account.</p>",
                ),
            ],
        },
    },
    {
        "slug": "renew-residence-permit",
        "owner_team": "centres",
        "agency": "residency-passports",
        "channels": ["centre", "phone", "chat"],
        "beneficiaries": "individuals",
        "service_level_days": 5,
        "ar": {
            "title": "تجديد تصريح الإقامة",
            "summary": (
                "جدّد تصريح إقامتك قبل انتهائه إلكترونيًا أو في أحد مراكز الخدمة، "
                "بعد التأكد من سريان جواز السفر واستيفاء الوثائق."
            ),
            "tags": ["إقامة", "تجديد الإقامة", "جواز السفر", "وثائق"],
            "service_name": "تجديد تصريح الإقامة للمقيمين",
            "steps": [
                (
                    "تحقّق من جواز السفر",
                    "يجب أن يكون الجواز ساريًا ستة أشهر على الأقل؛ فإن قاربت صلاحيته على الانتهاء فجدّده أولًا.",
                ),
                (
                    "أكمل الفحص الطبي إن لزم",
                    "بعض أنواع الإقامة تتطلب فحصًا طبيًا محدَّثًا، وتظهر هذه المعلومة في بطاقة الخدمة.",
                ),
                (
                    "قدّم الطلب",
                    "يقدّم الطلبَ صاحبُ العمل أو الكفيل أو المقيم نفسه بحسب نوع الإقامة، إلكترونيًا أو في المركز.",
                ),
                ("ادفع الرسوم", "يُعرض المبلغ المستحق قبل الدفع، ويمكن الدفع إلكترونيًا أو في المركز."),
                (
                    "استلم التصريح",
                    "يصلك إشعار بالموافقة، ويُحدَّث التصريح إلكترونيًا، وتُسلَّم البطاقة الجديدة إن وجدت.",
                ),
            ],
            "documents": [
                "جواز سفر ساري المفعول ستة أشهر على الأقل",
                "صورة شخصية حديثة بخلفية بيضاء",
                "بطاقة الهوية الحالية",
                "شهادة الفحص الطبي إذا كان نوع الإقامة يتطلبها",
                "عقد العمل أو ما يثبت صلة القرابة، بحسب نوع الإقامة",
            ],
            "fees": "تختلف بحسب نوع الإقامة ومدتها، ويُعرض المبلغ قبل الدفع",
            "service_level": "5 أيام عمل",
            "body": [
                (
                    "callout",
                    (
                        "ابدأ مبكرًا",
                        "<p>ننصح ببدء التجديد قبل انتهاء الإقامة بثلاثين يومًا على الأقل، "
                        "تجنبًا لأي غرامات تأخير أو انقطاع في الخدمات المرتبطة بالإقامة.</p>",
                    ),
                ),
                (
                    "paragraph",
                    "<p>تُقدَّم هذه الخدمة باللغتين العربية والإنجليزية في جميع القنوات؛ "
                    "اطلب من الموظف متابعة معاملتك بالإنجليزية إن كانت أيسر لك.</p>",
                ),
            ],
        },
        "en": {
            "title": "Renewing a residence permit",
            "summary": (
                "Renew your residence permit before it expires, online or at a service centre, after making sure "
                "your passport is valid and your documents are complete."
            ),
            "tags": ["residence", "residence renewal", "passport", "documents"],
            "service_name": "Residence permit renewal for residents",
            "steps": [
                (
                    "Check your passport",
                    "The passport must be valid for at least six months; if it is about to expire, renew it first.",
                ),
                (
                    "Complete the medical check if needed",
                    "Some residence types need an up-to-date medical check; the service card says so.",
                ),
                (
                    "Submit the application",
                    "Depending on the residence type, the employer, the sponsor or the resident applies, online or at "
                    "a centre.",
                ),
                ("Pay the fee", "The amount due is shown before payment; you can pay online or at the centre."),
                (
                    "Receive the permit",
                    "You receive an approval notice, the permit is updated electronically and any new card is handed "
                    "over.",
                ),
            ],
            "documents": [
                "A passport valid for at least six months",
                "A recent personal photo with a white background",
                "The current identity card",
                "A medical certificate if the residence type requires one",
                "An employment contract or proof of family relationship, depending on the residence type",
            ],
            "fees": "Depends on the residence type and length; the amount is shown before payment",
            "service_level": "5 working days",
            "body": [
                (
                    "callout",
                    (
                        "Start early",
                        "<p>We recommend starting the renewal at least thirty days before your residence expires, "
                        "to avoid late fines or interruptions to services linked to your residence.</p>",
                    ),
                ),
                (
                    "paragraph",
                    "<p>This service is offered in Arabic and English on every channel; ask the employee to "
                    "handle your transaction in English if that is easier for you.</p>",
                ),
            ],
        },
    },
    {
        "slug": "request-centre-manager-meeting",
        "owner_team": "centres",
        "agency": "municipal-services",
        "channels": ["centre", "phone", "email"],
        "beneficiaries": "everyone",
        "service_level_days": 2,
        "related": [CHARTER],
        "ar": {
            "title": "طلب مقابلة مدير مركز الخدمة",
            "summary": ("إذا أردت عرض شكوى أو ملاحظة على المسؤول مباشرةً، فمن حقك أن تطلب مقابلة مدير المركز بسهولة."),
            "tags": ["مدير المركز", "مقابلة", "شكوى", "ملاحظات"],
            "service_name": "مقابلة مدير مركز خدمة العملاء",
            "steps": [
                (
                    "اطلب المقابلة",
                    "أخبر أي موظف في المركز أو موظف الاستقبال برغبتك، أو اتصل بالمركز، "
                    "أو أرسل طلبك بالبريد الإلكتروني.",
                ),
                (
                    "اذكر الموضوع باختصار",
                    "يكفي أن تذكر موضوع المقابلة ورقم المعاملة إن وُجد، ولا يلزمك تبرير طلبك.",
                ),
                (
                    "حدّد الوقت",
                    "إن كان المدير في المركز فستقابله في اليوم نفسه متى أمكن، وإلا يُحدَّد لك موعد قريب وتُبلَّغ به.",
                ),
                (
                    "اعرض ملاحظتك",
                    "يستمع إليك المدير ويدوّن ملاحظتك، ويعطيك رقمًا مرجعيًا إن سُجّلت شكوى رسمية.",
                ),
                (
                    "استلم النتيجة",
                    "يصلك ما تقرر بشأن ملاحظتك برسالة نصية أو بريد إلكتروني، ضمن مستوى الخدمة المعلن.",
                ),
            ],
            "documents": [
                "بطاقة الهوية",
                "رقم المعاملة أو الشكوى السابقة إن وُجد",
                "أي مستندات تتعلق بالموضوع",
            ],
            "fees": "مجانًا",
            "service_level": "في اليوم نفسه متى أمكن، وإلا خلال يومي عمل",
            "body": [
                (
                    "paragraph",
                    "<p>طلب مقابلة المدير حق لكل مراجع، ولا يؤثر في سير معاملته ولا في طريقة خدمته. "
                    "وتبقى الشكوى عبر تطبيق «تواصل» متاحةً لمن يفضّل تقديمها إلكترونيًا.</p>",
                ),
            ],
        },
        "en": {
            "title": "Requesting a meeting with the service centre manager",
            "summary": (
                "If you want to raise a complaint or comment directly with the person in charge, you are entitled "
                "to ask to meet the centre manager, and it should be easy to do."
            ),
            "tags": ["centre manager", "meeting", "complaint", "feedback"],
            "service_name": "Meeting the customer service centre manager",
            "steps": [
                (
                    "Ask for the meeting",
                    "Tell any employee or the receptionist at the centre, call the centre, or send your request by "
                    "email.",
                ),
                (
                    "Give the subject briefly",
                    "State what the meeting is about and any transaction number; you do not have to justify the "
                    "request.",
                ),
                (
                    "Agree the time",
                    "If the manager is at the centre you will be seen the same day where possible; otherwise you are "
                    "given an early appointment and told about it.",
                ),
                (
                    "Raise your point",
                    "The manager listens, notes your feedback and gives you a reference number if a formal complaint "
                    "is recorded.",
                ),
                (
                    "Receive the outcome",
                    "The decision on your feedback reaches you by text message or email, within the published service "
                    "level.",
                ),
            ],
            "documents": [
                "Identity card",
                "The number of the transaction or earlier complaint, if any",
                "Any documents related to the matter",
            ],
            "fees": "Free",
            "service_level": "Same day where possible, otherwise within 2 working days",
            "body": [
                (
                    "paragraph",
                    "<p>Asking to meet the manager is every customer's right and does not affect how your "
                    "transaction is handled or how you are served. Complaints through the Tawasul app remain "
                    "available if you prefer to file online.</p>",
                ),
            ],
        },
    },
    {
        "slug": "priority-service-elderly-disabilities",
        "owner_team": "centres",
        "agency": "social-insurance",
        "channels": ["centre", "phone", "video"],
        "beneficiaries": "individuals",
        "service_level_days": None,
        "related": [CHARTER],
        "ar": {
            "title": "خدمة الأولوية لكبار السن والأشخاص ذوي الإعاقة",
            "summary": (
                "يُقدَّم كبار السن والأشخاص ذوو الإعاقة في الدور، ويحصلون على مساعدة إضافية في المراكز "
                "وعبر الهاتف والاتصال المرئي."
            ),
            "tags": ["أولوية", "كبار السن", "ذوو الإعاقة", "سهولة الوصول"],
            "service_name": "تقديم الخدمة بأولوية لكبار السن والأشخاص ذوي الإعاقة",
            "steps": [
                (
                    "عرّف بنفسك عند الوصول",
                    "أخبر موظف الاستقبال، أو اختر «خدمة الأولوية» من جهاز التذاكر، وسيوجهك إلى المكتب المخصص.",
                ),
                (
                    "تُخدَم قبل الدور",
                    "تُنجز معاملتك في مكتب الأولوية أو لدى أول موظف متاح، دون الانتظار في الصف العام.",
                ),
                (
                    "اطلب المساعدة التي تحتاجها",
                    "يساعدك الموظف في تعبئة النماذج وقراءتها، ويمكن أن يرافقك أحد أفراد أسرتك.",
                ),
                (
                    "إن تعذّر عليك الحضور",
                    "اتصل بمركز الاتصال أو احجز اتصالًا مرئيًا، وسيُنجز ما يمكن إنجازه عن بُعد.",
                ),
            ],
            "documents": [
                "بطاقة الهوية",
                "بطاقة الإعاقة أو ما يثبت الحالة إن وُجد (لا يُشترط إذا كانت الحاجة ظاهرة)",
                "وثائق المعاملة نفسها",
            ],
            "fees": "مجانًا",
            "service_level": "أولوية فورية عند الوصول",
            "body": [
                (
                    "paragraph",
                    "<p>المساواة بين جميع العملاء مع تقديم كبار السن وذوي الإعاقة التزام صريح في الوثيقة الموحدة "
                    "لخدمة العملاء، وعلى كل موظف أن ييسّر تجربة هذه الفئات في كل قناة.</p>",
                ),
            ],
        },
        "en": {
            "title": "Priority service for the elderly and people with disabilities",
            "summary": (
                "Elderly people and people with disabilities are served ahead of the queue and get extra help at "
                "centres, by phone and by video call."
            ),
            "tags": ["priority", "elderly", "people with disabilities", "accessibility"],
            "service_name": "Priority service for the elderly and people with disabilities",
            "steps": [
                (
                    "Let us know when you arrive",
                    "Tell the receptionist, or choose “Priority service” on the ticket machine, and you will be "
                    "directed to the dedicated desk.",
                ),
                (
                    "You are served first",
                    "Your transaction is handled at the priority desk or by the first free employee, without waiting "
                    "in the general queue.",
                ),
                (
                    "Ask for the help you need",
                    "The employee helps you fill in and read the forms, and a family member may accompany you.",
                ),
                (
                    "If you cannot come in",
                    "Call the contact centre or book a video call, and whatever can be done remotely will be done.",
                ),
            ],
            "documents": [
                "Identity card",
                "A disability card or proof of the condition, if available (not required when the need is evident)",
                "The documents for the transaction itself",
            ],
            "fees": "Free",
            "service_level": "Immediate priority on arrival",
            "body": [
                (
                    "paragraph",
                    "<p>Equal treatment of all customers, with priority for the elderly and people with "
                    "disabilities, is an explicit commitment of the unified customer-service charter, and every "
                    "employee must make the experience easier for them on every channel.</p>",
                ),
            ],
        },
    },
    {
        "slug": "request-service-in-english",
        "owner_team": "centres",
        "agency": "residency-passports",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "beneficiaries": "everyone",
        "service_level_days": None,
        "ar": {
            "title": "طلب تقديم الخدمة باللغة الإنجليزية",
            "summary": (
                "تُقدَّم الخدمات الحكومية باللغتين العربية والإنجليزية؛ اطلب الإنجليزية في أي قناة وسيخدمك موظف يتحدثها."
            ),
            "tags": ["اللغة الإنجليزية", "لغة الخدمة", "المقيمون", "ثنائية اللغة"],
            "service_name": "تقديم الخدمة باللغة الإنجليزية",
            "steps": [
                (
                    "في مركز الخدمة",
                    "اطلب الإنجليزية من موظف الاستقبال أو اخترها في جهاز التذاكر، فتُوجَّه إلى موظف يتحدثها.",
                ),
                ("عبر الهاتف", "اختر اللغة الإنجليزية من قائمة الرد الآلي قبل تحويلك إلى الموظف."),
                (
                    "عبر البريد الإلكتروني أو الدردشة",
                    "اكتب رسالتك بالإنجليزية، وسيصلك الرد بالإنجليزية أيضًا.",
                ),
                (
                    "النماذج والشهادات",
                    "اطلب النسخة الإنجليزية من النموذج أو الشهادة متى كانت متاحة.",
                ),
                (
                    "إن لم يتوفر موظف في الحال",
                    "يُعرض عليك انتظار قصير تُبلَّغ بمدته، أو اتصال لاحق في وقت تختاره.",
                ),
            ],
            "documents": ["لا وثائق إضافية؛ تكفي وثائق المعاملة نفسها"],
            "fees": "مجانًا",
            "service_level": "فورًا، أو في موعد يُتفق عليه إن لم يتوفر موظف في الحال",
        },
        "en": {
            "title": "Asking for a service in English",
            "summary": (
                "Government services are offered in Arabic and English; ask for English on any channel and an "
                "English-speaking employee will serve you."
            ),
            "tags": ["english", "service language", "residents", "bilingual"],
            "service_name": "Receiving a service in English",
            "steps": [
                (
                    "At a service centre",
                    "Ask the receptionist for English or choose it on the ticket machine, and you will be directed to "
                    "an employee who speaks it.",
                ),
                ("By phone", "Choose English from the automated menu before you are put through to an agent."),
                ("By email or chat", "Write your message in English and the reply will be in English too."),
                ("Forms and certificates", "Ask for the English version of the form or certificate where one exists."),
                (
                    "If nobody is free at once",
                    "You are offered a short wait, with its expected length, or a call back at a time you choose.",
                ),
            ],
            "documents": ["No extra documents; the transaction's own documents are enough"],
            "fees": "Free",
            "service_level": "Immediately, or at an agreed time if no employee is free at once",
        },
    },
    {
        "slug": "video-call-appointment",
        "owner_team": "digital",
        "agency": "civil-service-bureau",
        "channels": ["video"],
        "beneficiaries": "everyone",
        "service_level_days": 2,
        "related": [CHARTER],
        "ar": {
            "title": "حجز استشارة عبر الاتصال المرئي",
            "summary": (
                "أنجز استفسارك أو معاملتك وجهًا لوجه مع موظف الديوان عبر اتصال مرئي في موعد مسبق، دون أن تزور المركز."
            ),
            "tags": ["اتصال مرئي", "مكالمة فيديو", "موعد", "خدمة عن بعد"],
            "service_name": "الخدمة عبر الاتصال المرئي",
            "steps": [
                (
                    "احجز الموعد",
                    "اختر موضوع الاستشارة واليوم والوقت المناسبين من البوابة الإلكترونية أو عبر مركز الاتصال.",
                ),
                (
                    "استلم رابط الاتصال",
                    "يصلك الرابط برسالة بريد إلكتروني ورسالة نصية، مع تذكير قبل الموعد.",
                ),
                (
                    "جهّز جهازك",
                    "جرّب الكاميرا والميكروفون والاتصال بالإنترنت قبل الموعد، واختر مكانًا هادئًا جيد الإضاءة.",
                ),
                (
                    "انضم في الوقت المحدد",
                    "يبدأ الموظف الاتصال بالتحية ويتحقق من هويتك، ثم يشرح لك الإجراءات ويجيب عن أسئلتك.",
                ),
                (
                    "استلم الملخص",
                    "بعد الاتصال يصلك بالبريد الإلكتروني ملخص بما تم والخطوات التالية والمدة المتوقعة لإنجازها.",
                ),
            ],
            "documents": [
                "بطاقة الهوية لإبرازها أمام الكاميرا عند التحقق",
                "المستندات المتعلقة بالاستفسار بصيغة إلكترونية لمشاركتها عند الحاجة",
            ],
            "fees": "مجانًا",
            "service_level": "موعد خلال يومَي عمل من تاريخ الطلب",
        },
        "en": {
            "title": "Booking a consultation by video call",
            "summary": (
                "Settle your enquiry or transaction face to face with a Bureau employee over a pre-booked video "
                "call, without visiting the centre."
            ),
            "tags": ["video call", "video", "appointment", "remote service"],
            "service_name": "Service by video call",
            "steps": [
                (
                    "Book the appointment",
                    "Choose the subject, day and time on the e-government portal or through the contact centre.",
                ),
                (
                    "Receive the link",
                    "The link arrives by email and text message, with a reminder before the appointment.",
                ),
                (
                    "Prepare your device",
                    "Test the camera, microphone and internet connection beforehand, and choose a quiet, "
                    "well-lit place.",
                ),
                (
                    "Join on time",
                    "The employee opens the call with a greeting and checks your identity, then explains the "
                    "procedure and answers your questions.",
                ),
                (
                    "Receive the summary",
                    "After the call you receive by email a summary of what was done, the next steps and when they "
                    "are expected to be completed.",
                ),
            ],
            "documents": [
                "Your identity card, to show to the camera for verification",
                "Documents related to your enquiry in electronic form, to share if needed",
            ],
            "fees": "Free",
            "service_level": "An appointment within 2 working days of the request",
        },
    },
    {
        "slug": "report-public-facility-issue",
        "owner_team": "contact_centre",
        "agency": "municipal-services",
        "channels": ["phone", "email", "chat"],
        "beneficiaries": "everyone",
        "service_level_days": 3,
        "ar": {
            "title": "تقديم بلاغ عن خلل في مرفق عام",
            "summary": ("أبلغ عن إنارة معطلة أو حفرة في الطريق أو تراكم للنفايات، وتابع معالجة بلاغك حتى إغلاقه."),
            "tags": ["بلاغ", "بلاغات", "المرافق العامة", "النظافة", "الطرق"],
            "service_name": "استقبال بلاغات المرافق العامة",
            "steps": [
                (
                    "قدّم البلاغ",
                    "اتصل بمركز الاتصال، أو استخدم الدردشة الحية على موقع الوزارة، أو أرسل بريدًا إلكترونيًا.",
                ),
                (
                    "حدّد الموقع بدقة",
                    "اذكر المنطقة والشارع وأقرب معلم، أو أرسل الموقع على الخريطة.",
                ),
                ("أرفق صورة", "الصورة ليست شرطًا، لكنها تساعد فريق المعاينة على تقدير الأولوية."),
                ("استلم رقم البلاغ", "يعطيك الموظف رقمًا مرجعيًا تتابع به حالة البلاغ."),
                (
                    "المعاينة والمعالجة",
                    "يعاين الفريق المختص الموقع، ويُجري الإصلاح أو يحدد موعدًا له إن احتاج إلى أعمال أكبر.",
                ),
                (
                    "إشعار الإغلاق",
                    "تصلك رسالة نصية عند إغلاق البلاغ، مع رابط لتقييم الخدمة.",
                ),
            ],
            "documents": [
                "لا يلزم تقديم وثائق",
                "صورة للموقع (اختيارية وتسرّع المعالجة)",
                "رقم هاتف للتواصل عند الحاجة إلى توضيح",
            ],
            "fees": "مجانًا",
            "service_level": "معاينة الموقع خلال ٣ أيام عمل",
            "body": [
                (
                    "callout",
                    (
                        "الحالات الطارئة",
                        "<p>إذا كان الخلل يشكّل خطرًا مباشرًا على الأرواح، كسلك كهربائي مكشوف أو تسرّب، "
                        "فاتصل بأرقام الطوارئ أولًا ثم قدّم البلاغ.</p>",
                    ),
                ),
            ],
        },
        "en": {
            "title": "Reporting a fault in a public facility",
            "summary": (
                "Report a broken street light, a pothole or uncollected waste, and follow your report until it is "
                "closed."
            ),
            "tags": ["report", "reports", "public facilities", "cleanliness", "roads"],
            "service_name": "Receiving reports about public facilities",
            "steps": [
                (
                    "Make the report",
                    "Call the contact centre, use the live chat on the Ministry's website, or send an email.",
                ),
                (
                    "Give the exact location",
                    "State the area, the street and the nearest landmark, or send the location on a map.",
                ),
                ("Attach a photo", "A photo is not required, but it helps the inspection team set the priority."),
                ("Receive the report number", "The employee gives you a reference number to follow the report."),
                (
                    "Inspection and repair",
                    "The responsible team inspects the site and carries out the repair, or schedules it if bigger "
                    "works are needed.",
                ),
                (
                    "Closure notice",
                    "A text message tells you when the report is closed, with a link to rate the service.",
                ),
            ],
            "documents": [
                "No documents are needed",
                "A photo of the site (optional, speeds up the work)",
                "A phone number in case clarification is needed",
            ],
            "fees": "Free",
            "service_level": "Site inspection within 3 working days",
            "body": [
                (
                    "callout",
                    (
                        "Emergencies",
                        "<p>If the fault puts lives at immediate risk, such as an exposed electric cable or a leak, "
                        "call the emergency numbers first and then make the report.</p>",
                    ),
                ),
            ],
        },
    },
    {
        "slug": "register-new-employee",
        "owner_team": "digital",
        "agency": "social-insurance",
        "channels": ["centre", "email", "chat"],
        "beneficiaries": "businesses",
        "service_level_days": 1,
        "ar": {
            "title": "تسجيل موظف جديد في التأمين الاجتماعي",
            "summary": (
                "يسجّل صاحب العمل موظفيه الجدد لدى الهيئة فور مباشرتهم العمل، "
                "حتى تُحتسب اشتراكاتهم وتُحفظ حقوقهم التأمينية."
            ),
            "tags": ["أصحاب العمل", "تسجيل موظف", "اشتراكات", "الشركات"],
            "service_name": "تسجيل المؤمَّن عليهم لدى صاحب العمل",
            "steps": [
                (
                    "ادخل إلى خدمات أصحاب العمل",
                    "سجّل الدخول إلى حساب المنشأة في الخدمات الإلكترونية للهيئة.",
                ),
                (
                    "أدخل بيانات الموظف",
                    "اكتب الاسم ورقم الهوية وتاريخ مباشرة العمل والأجر الشهري كما في العقد.",
                ),
                ("أرفق عقد العمل", "أرفق نسخة واضحة من العقد الموقّع وهوية الموظف."),
                (
                    "راجع الطلب وأرسله",
                    "تأكد من صحة البيانات قبل الإرسال، فهي أساس احتساب الاشتراكات والمستحقات لاحقًا.",
                ),
                (
                    "استلم التأكيد",
                    "يصل التأكيد إلى حساب المنشأة، ويتلقى الموظف رسالة نصية بتسجيله.",
                ),
            ],
            "documents": [
                "نسخة من عقد العمل الموقّع",
                "بطاقة هوية الموظف أو جواز سفره",
                "السجل التجاري للمنشأة ورقمها لدى الهيئة",
            ],
            "fees": "مجانًا (تُحتسب الاشتراكات الشهرية وفق الأجر المسجّل)",
            "service_level": "يوم عمل واحد",
            "body": [
                (
                    "paragraph",
                    "<p>يساعدك موظف الدردشة الحية خطوةً بخطوة، ويرسل لك الرابط المباشر لصفحة التسجيل. "
                    "وللمنشآت التي تسجّل عددًا كبيرًا من الموظفين دفعةً واحدة، يمكن إرسال الملف بالبريد الإلكتروني.</p>",
                ),
            ],
        },
        "en": {
            "title": "Registering a new employee for social insurance",
            "summary": (
                "Employers register their new staff with the Authority as soon as they start work, so that their "
                "contributions are counted and their insurance rights protected."
            ),
            "tags": ["employers", "employee registration", "contributions", "businesses"],
            "service_name": "Registering insured employees by the employer",
            "steps": [
                ("Open the employer services", "Sign in to the establishment's account in the Authority's e-services."),
                (
                    "Enter the employee's details",
                    "Enter the name, ID number, start date and monthly wage exactly as in the contract.",
                ),
                ("Attach the contract", "Attach a clear copy of the signed contract and the employee's ID."),
                (
                    "Review and submit",
                    "Check the details before sending: contributions and later entitlements are calculated from them.",
                ),
                (
                    "Receive the confirmation",
                    "The confirmation arrives in the establishment's account and the employee gets a text message.",
                ),
            ],
            "documents": [
                "A copy of the signed employment contract",
                "The employee's identity card or passport",
                "The establishment's commercial registration and its number with the Authority",
            ],
            "fees": "Free (monthly contributions are calculated from the registered wage)",
            "service_level": "1 working day",
            "body": [
                (
                    "paragraph",
                    "<p>The live-chat agent can guide you step by step and send you the direct link to the "
                    "registration page. Establishments registering many employees at once can send the file by "
                    "email.</p>",
                ),
            ],
        },
    },
    {
        "slug": "publish-service-card",
        "owner_team": "knowledge",
        "agency": "e-government",
        "channels": ["email"],
        "beneficiaries": "government",
        "service_level_days": 5,
        "related": [CHARTER],
        "ar": {
            "title": "نشر بطاقة خدمة حكومية أو تحديثها على البوابة الوطنية",
            "summary": (
                "تطلب الجهات الحكومية نشر وصف خدماتها أو تعديله على البوابة، ليجد المتعاملون معلومات واضحة "
                "عن كل خدمة ومتطلباتها."
            ),
            "tags": ["بطاقة الخدمة", "دليل الخدمات", "الجهات الحكومية", "البوابة الوطنية"],
            "service_name": "نشر بطاقات الخدمات وتحديثها",
            "steps": [
                (
                    "املأ نموذج بطاقة الخدمة",
                    "يكتب منسق الجهة اسم الخدمة ووصفها وخطواتها ووثائقها ورسومها ومستوى الخدمة وقنواتها، "
                    "بالعربية والإنجليزية.",
                ),
                (
                    "احصل على الاعتماد الداخلي",
                    "يعتمد البطاقةَ مدير الإدارة المالكة للخدمة قبل إرسالها.",
                ),
                (
                    "أرسل الطلب",
                    "أرسل البطاقة وخطاب الاعتماد بالبريد الإلكتروني إلى فريق إدارة المعرفة في الهيئة.",
                ),
                (
                    "المراجعة",
                    "يراجع الفريق وضوح اللغة واتساق المعلومات بين اللغتين، وقد يعيد البطاقة بملاحظات.",
                ),
                ("النشر", "تُنشر البطاقة على البوابة، ويصل المنسق إشعار برابطها."),
            ],
            "documents": [
                "نموذج بطاقة الخدمة مكتملًا بالعربية والإنجليزية",
                "خطاب اعتماد من مدير الإدارة المالكة للخدمة",
                "جدول الرسوم المعتمد إن كانت للخدمة رسوم",
            ],
            "fees": "مجانًا",
            "service_level": "5 أيام عمل من استلام طلب مكتمل",
            "body": [
                (
                    "paragraph",
                    "<p>توفير معلومات واضحة عن كل خدمة ومتطلباتها التزام من التزامات الوثيقة الموحدة، "
                    "وعلى الجهات أن تراجع بطاقاتها وأسئلتها الشائعة دوريًا وتحدّثها كلما تغيّر إجراء أو رسم.</p>",
                ),
            ],
        },
        "en": {
            "title": "Publishing or updating a government service card on the national portal",
            "summary": (
                "Government agencies ask for their service descriptions to be published or changed on the portal, "
                "so customers find clear information on every service and its requirements."
            ),
            "tags": ["service card", "service directory", "government agencies", "national portal"],
            "service_name": "Publishing and updating service cards",
            "steps": [
                (
                    "Fill in the service card template",
                    "The agency's coordinator writes the service name, description, steps, documents, fees, service "
                    "level and channels, in Arabic and English.",
                ),
                (
                    "Get internal approval",
                    "The director of the department that owns the service approves the card before it is sent.",
                ),
                (
                    "Send the request",
                    "Email the card and the approval letter to the Authority's knowledge management team.",
                ),
                (
                    "Review",
                    "The team checks the clarity of the language and the consistency of both versions, and may "
                    "return the card with comments.",
                ),
                ("Publication", "The card is published on the portal and the coordinator receives its link."),
            ],
            "documents": [
                "The service card template, completed in Arabic and English",
                "An approval letter from the director of the department that owns the service",
                "The approved fee schedule, if the service has fees",
            ],
            "fees": "Free",
            "service_level": "5 working days from receipt of a complete request",
            "body": [
                (
                    "paragraph",
                    "<p>Clear information on every service and its requirements is one of the unified charter's "
                    "commitments, and agencies must review their service cards and FAQs regularly and update them "
                    "whenever a procedure or fee changes.</p>",
                ),
            ],
        },
    },
    # --- internal staff procedures -----------------------------------------------------------
    {
        "slug": "escalate-complaint",
        "owner_team": "complaints",
        "agency": "residency-passports",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "beneficiaries": "everyone",
        "service_level_days": 1,
        "audience": "staff",
        "related": [CHARTER],
        "ar": {
            "title": "تصعيد شكوى عميل",
            "summary": (
                "متى وكيف يرفع موظف الخط الأمامي شكوى المراجع إلى المشرف أو وحدة الشكاوى حين يتعذّر حلها في الحال."
            ),
            "tags": ["تصعيد", "شكوى", "شكاوى", "إجراء داخلي"],
            "service_name": "تصعيد الشكاوى داخليًا",
            "steps": [
                (
                    "استمع واعتذر أولًا",
                    "أنصت إلى المراجع دون مقاطعة، واعتذر عن الإزعاج إن لزم، وحاول الحل في حدود صلاحياتك.",
                ),
                (
                    "قرّر التصعيد",
                    "صعّد الشكوى إذا تجاوز حلها صلاحياتك، أو تكررت، أو تعلقت بخصوصية البيانات أو بسلوك موظف، "
                    "أو طلب العميل ذلك صراحة.",
                ),
                (
                    "سجّل الشكوى كاملة",
                    "دوّن في النظام بيانات التواصل ورقم المعاملة وما حدث وما جرّبته وما يطلبه العميل، "
                    "ثم أعطه الرقم المرجعي.",
                ),
                (
                    "أخبر العميل بما سيحدث",
                    "وضّح له الجهة التي ستُحال إليها الشكوى والمدة المتوقعة للرد، ولا تعده بنتيجة لا تملكها.",
                ),
                (
                    "سلّم الحالة للمشرف",
                    "أبلغ المشرف المناوب أو وحدة الشكاوى في يوم العمل نفسه، بملخص مكتوب يغني العميل عن إعادة قصته.",
                ),
                (
                    "تابع حتى الإغلاق",
                    "تأكد من وصول الرد إلى العميل، وسجّل النتيجة وسبب الشكوى لتحليل الشكاوى المتكررة.",
                ),
            ],
            "documents": [
                "الرقم المرجعي للشكوى",
                "ملخص الحالة والإجراءات التي اتُّخذت",
                "أي مستندات أو صور قدّمها العميل",
            ],
            "fees": INTERNAL_FEES_AR,
            "service_level": "الإحالة في يوم العمل نفسه",
            "body": [
                (
                    "callout",
                    (
                        "تذكّر",
                        "<p>لا تُلقِ اللوم على زملائك أو على الإجراءات أمام العميل؛ تحمّل المسؤولية باسم الجهة، "
                        "واشرح بشفافية سبب تعذّر الحل الفوري والبدائل المتاحة.</p>",
                    ),
                ),
            ],
        },
        "en": {
            "title": "Escalating a customer complaint",
            "summary": (
                "When and how a front-line employee passes a customer's complaint to the supervisor or the "
                "complaints unit when it cannot be solved on the spot."
            ),
            "tags": ["escalation", "complaint", "complaints", "internal procedure"],
            "service_name": "Internal complaint escalation",
            "steps": [
                (
                    "Listen and apologise first",
                    "Hear the customer out without interrupting, apologise for the trouble if appropriate, and try to "
                    "solve it within your authority.",
                ),
                (
                    "Decide to escalate",
                    "Escalate if the solution is beyond your authority, the complaint is recurring, it concerns data "
                    "privacy or an employee's conduct, or the customer explicitly asks.",
                ),
                (
                    "Record the complaint in full",
                    "Enter the contact details, transaction number, what happened, what you tried and what the "
                    "customer asks for, then give them the reference number.",
                ),
                (
                    "Tell the customer what happens next",
                    "Explain who the complaint goes to and when to expect a reply; never promise an outcome you do "
                    "not control.",
                ),
                (
                    "Hand over to the supervisor",
                    "Inform the duty supervisor or the complaints unit on the same working day, with a written "
                    "summary so the customer does not have to tell the story again.",
                ),
                (
                    "Follow up until closure",
                    "Make sure the customer received the reply, and record the outcome and cause for the analysis of "
                    "recurring complaints.",
                ),
            ],
            "documents": [
                "The complaint reference number",
                "A summary of the case and the actions taken",
                "Any documents or photos the customer provided",
            ],
            "fees": INTERNAL_FEES_EN,
            "service_level": "Handed over on the same working day",
            "body": [
                (
                    "callout",
                    (
                        "Remember",
                        "<p>Never blame colleagues or procedures in front of the customer; take responsibility on "
                        "behalf of the agency, and explain openly why no immediate solution is possible and what the "
                        "alternatives are.</p>",
                    ),
                ),
            ],
        },
    },
    {
        "slug": "transfer-phone-call",
        "owner_team": "contact_centre",
        "agency": "municipal-services",
        "channels": ["phone"],
        "beneficiaries": "everyone",
        "service_level_days": None,
        "audience": "staff",
        "ar": {
            "title": "تحويل مكالمة إلى زميل مختص",
            "summary": (
                "خطوات تحويل المتصل إلى موظف آخر دون أن يشعر بأنه تُرك أو اضطر إلى إعادة طلبه، "
                "ومعها قواعد وضع المكالمة على الانتظار."
            ),
            "tags": ["تحويل المكالمة", "الانتظار", "مركز الاتصال", "إجراء داخلي"],
            "service_name": "تحويل المكالمات الهاتفية",
            "steps": [
                (
                    "تأكد أن التحويل ضروري",
                    "حاول تلبية الطلب من المكالمة الأولى؛ ولا تحوّل إلا إذا كان الموضوع من اختصاص زميل آخر.",
                ),
                (
                    "اشرح السبب واذكر الاسم",
                    "أخبر المتصل لماذا ستحوّله، وإلى من: اسم الزميل وقسمه.",
                ),
                ("استأذن المتصل", "لا تحوّل المكالمة قبل موافقة المتصل."),
                (
                    "مهّد لزميلك",
                    "أخبر الزميل باسم المتصل وموضوعه وما قمت به، ليستقبله مستعدًا دون أن يكرر العميل كلامه.",
                ),
                (
                    "إن لم يرد الزميل",
                    "تعود المكالمة إليك: اعتذر للمتصل، واعرض عليه اتصالًا لاحقًا في وقت يناسبه، وسجّل ذلك.",
                ),
                ("وثّق التحويل", "سجّل في نظام المكالمات سبب التحويل والموظف الذي استلم المكالمة."),
            ],
            "documents": ["اسم المتصل ورقم معاملته إن وُجد", "ملخص موجز للطلب وما تم فيه"],
            "fees": INTERNAL_FEES_AR,
            "service_level": "أثناء المكالمة نفسها",
            "body": [
                ("heading", "وضع المتصل على الانتظار"),
                (
                    "items",
                    [
                        ("استأذن أولًا", "اسأل المتصل إن كان يمانع الانتظار، وأخبره بالمدة التقديرية."),
                        ("لا تطل الغياب", "إن طالت المدة عن تقديرك فعد إليه وأخبره بالمستجدات."),
                        ("اشكره عند عودتك", "ابدأ بشكره على انتظاره قبل أن تكمل الخدمة."),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Transferring a call to a specialist colleague",
            "summary": (
                "How to pass a caller to another employee without leaving them feeling abandoned or making them "
                "repeat their request, with the rules for putting a call on hold."
            ),
            "tags": ["call transfer", "hold", "contact centre", "internal procedure"],
            "service_name": "Transferring phone calls",
            "steps": [
                (
                    "Make sure a transfer is needed",
                    "Try to meet the request on the first call; transfer only if the matter belongs to a colleague.",
                ),
                (
                    "Explain why and name the colleague",
                    "Tell the caller why you are transferring them and to whom: the colleague's name and department.",
                ),
                ("Ask the caller's permission", "Do not transfer the call until the caller agrees."),
                (
                    "Brief your colleague",
                    "Give the colleague the caller's name, the subject and what you have done, so they are ready and "
                    "the customer need not repeat themselves.",
                ),
                (
                    "If the colleague does not answer",
                    "The call comes back to you: apologise, offer a call back at a time that suits the caller, and "
                    "record it.",
                ),
                ("Log the transfer", "Record in the call system the reason and the employee who took the call."),
            ],
            "documents": [
                "The caller's name and transaction number, if any",
                "A short summary of the request and what was done",
            ],
            "fees": INTERNAL_FEES_EN,
            "service_level": "During the same call",
            "body": [
                ("heading", "Putting a caller on hold"),
                (
                    "items",
                    [
                        (
                            "Ask first",
                            "Ask whether the caller minds waiting, and tell them roughly how long it will be.",
                        ),
                        ("Do not stay away long", "If it takes longer than you said, come back and give an update."),
                        ("Thank them on your return", "Start by thanking the caller for waiting before you continue."),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "hand-over-email-thread",
        "owner_team": "digital",
        "agency": "social-insurance",
        "channels": ["email"],
        "beneficiaries": "everyone",
        "service_level_days": 1,
        "audience": "staff",
        "ar": {
            "title": "تسليم مراسلة بريد إلكتروني إلى زميل",
            "summary": ("كيف تنقل مراسلة عميل إلى زميل أو موظف مختص دون أن يضيع الرد أو يتجاوز مستوى الخدمة المعتمد."),
            "tags": ["البريد الإلكتروني", "رسائل", "تسليم العمل", "إجراء داخلي"],
            "service_name": "تسليم مراسلات البريد الإلكتروني",
            "steps": [
                (
                    "أشرك زميلًا من البداية",
                    "أضف أحد أعضاء فريقك في نسخة الرسالة منذ ردك الأول، حتى يستمر العمل إذا غبت.",
                ),
                (
                    "حصر المراسلات المفتوحة",
                    "قبل الإجازة أو عند تغيير المهام، اجمع الرسائل التي لم تُغلق بعد وحدّد لكل منها زميلًا يتابعها.",
                ),
                (
                    "حوّل السلسلة كاملة مع ملاحظة تسليم",
                    "أرسل المراسلة بمرفقاتها، واكتب في أعلاها ملخص الطلب وما وُعد به العميل وموعد الرد المستحق.",
                ),
                (
                    "أبلغ العميل",
                    "أخبر العميل باسم الموظف الذي سيتابع طلبه ومسمّاه الوظيفي ووسيلة التواصل معه.",
                ),
                (
                    "التزم بمهلة الرد",
                    "يرد الزميل الجديد ضمن اتفاقية مستوى الخدمة للجهة، أو خلال 24 ساعة إن لم تحدد الجهة مهلة.",
                ),
            ],
            "documents": [
                "سلسلة الرسائل كاملة مع المرفقات",
                "ملاحظة تسليم: ملخص الطلب، وما وُعد به العميل، وموعد الرد المستحق",
            ],
            "fees": INTERNAL_FEES_AR,
            "service_level": "قبل نهاية يوم العمل، وضمن مهلة الرد المعتمدة",
            "body": [
                (
                    "callout",
                    (
                        "البيانات السرية",
                        "<p>لا تناقش المعلومات السرية في البريد الإلكتروني ولا تنقلها في ملاحظة التسليم؛ "
                        "أشر إلى مكانها في النظام، ووجّه العميل إلى قناة آمنة عند الحاجة.</p>",
                    ),
                ),
            ],
        },
        "en": {
            "title": "Handing over an email thread to a colleague",
            "summary": (
                "How to pass a customer's email thread to a colleague or specialist without losing the reply or "
                "missing the agreed service level."
            ),
            "tags": ["email", "messages", "handover", "internal procedure"],
            "service_name": "Handing over email correspondence",
            "steps": [
                (
                    "Copy a colleague from the start",
                    "Copy a member of your team from your first reply, so the work continues if you are away.",
                ),
                (
                    "List the open threads",
                    "Before leave or a change of duties, gather the threads that are still open and assign each one "
                    "to a colleague.",
                ),
                (
                    "Forward the whole thread with a handover note",
                    "Send the thread with its attachments, and put at the top a summary of the request, what the "
                    "customer was promised and when the reply is due.",
                ),
                (
                    "Tell the customer",
                    "Let the customer know the name and job title of the employee who will follow the request and "
                    "how to reach them.",
                ),
                (
                    "Keep to the reply deadline",
                    "The new owner replies within the agency's service-level agreement, or within 24 hours if the "
                    "agency has set none.",
                ),
            ],
            "documents": [
                "The complete thread with its attachments",
                "A handover note: summary of the request, what the customer was promised and when the reply is due",
            ],
            "fees": INTERNAL_FEES_EN,
            "service_level": "Before the end of the working day, and within the agreed reply time",
            "body": [
                (
                    "callout",
                    (
                        "Confidential data",
                        "<p>Never discuss confidential information by email or copy it into the handover note; point "
                        "to where it is kept in the system, and direct the customer to a secure channel if needed.</p>",
                    ),
                ),
            ],
        },
    },
    {
        "slug": "record-satisfaction-survey",
        "owner_team": "quality",
        "agency": "civil-service-bureau",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "beneficiaries": "everyone",
        "service_level_days": 1,
        "audience": "staff",
        "related": [CHARTER],
        "ar": {
            "title": "تسجيل استبيان رضا المتعاملين",
            "summary": (
                "خطوات دعوة المتعامل إلى تقييم الخدمة بعد إنجازها وتسجيل إجابته بدقة، "
                "فنتائج الاستبيان تدخل في قياس جودة الخدمة وتقييم الأداء."
            ),
            "tags": ["استبيان", "رضا المتعاملين", "قياس الجودة", "إجراء داخلي"],
            "service_name": "تسجيل نتائج استبيان رضا المتعاملين",
            "steps": [
                (
                    "ادعُ المتعامل بعد إنهاء الخدمة",
                    "اطلب منه بلطف تقييم الخدمة بعد أن تسأله إن كان يحتاج إلى شيء آخر، ولا تلحّ عليه.",
                ),
                (
                    "اختر وسيلة الاستبيان المناسبة للقناة",
                    "الجهاز اللوحي عند المكتب في المركز، والتقييم الآلي في نهاية المكالمة، ورابط برسالة نصية "
                    "أو بريد إلكتروني لبقية القنوات.",
                ),
                (
                    "اربط التقييم بالمعاملة",
                    "تأكد من تسجيل رقم المعاملة والقناة ورقمك الوظيفي مع التقييم.",
                ),
                (
                    "سجّل الملاحظات كما قيلت",
                    "إذا أبدى المتعامل ملاحظة أو مقترحًا شفهيًا فسجّله بأمانة في خانة المقترحات.",
                ),
                (
                    "لا تتدخل في الإجابة",
                    "لا تملأ الاستبيان نيابةً عن المتعامل، ولا تعدّل تقييمه، ولا تطّلع على إجاباته أثناء تعبئتها.",
                ),
                (
                    "تابع التقييمات المنخفضة",
                    "يحيل النظام كل تقييم منخفض إلى المشرف، فيتواصل مع المتعامل خلال يوم عمل ليفهم ما حدث.",
                ),
            ],
            "documents": [
                "رقم المعاملة",
                "الرقم الوظيفي ورمز القناة",
                "ملاحظات المتعامل ومقترحاته كما وردت",
            ],
            "fees": INTERNAL_FEES_AR,
            "service_level": "تسجيل فوري، ومتابعة التقييمات المنخفضة خلال يوم عمل",
            "body": [
                ("heading", "ماذا يقيس الاستبيان؟"),
                (
                    "items",
                    [
                        ("الاعتمادية", "هل أُنجزت الخدمة بشكل صحيح من أول مرة؟"),
                        ("الاستجابة", "سرعة الخدمة والإجابة عن الأسئلة وتعدد القنوات وملاءمة الأوقات."),
                        ("الكفاءة", "معرفة الموظف بالإجراءات وقدرته على الحل."),
                        ("سهولة الوصول", "الوصول إلى الخدمة حضوريًا أو هاتفيًا، والمواعيد والموقع والمواقف."),
                        ("الجوانب الملموسة", "نظافة المكان وترتيبه ومظهر الموظفين والتقنيات المستخدمة."),
                    ],
                ),
                (
                    "paragraph",
                    "<p>تدخل نتائج الاستبيان في التقييم السنوي للموظفين وفي مقاييس الأداء المرتبطة بالوثيقة "
                    "الموحدة لخدمة العملاء، لذلك يجب أن تبقى أمينة وكاملة.</p>",
                ),
            ],
        },
        "en": {
            "title": "Recording a customer-satisfaction survey",
            "summary": (
                "How to invite the customer to rate the service once it is complete and record the answer "
                "accurately, since survey results feed into service-quality measurement and performance reviews."
            ),
            "tags": ["survey", "customer satisfaction", "quality measurement", "internal procedure"],
            "service_name": "Recording customer-satisfaction survey results",
            "steps": [
                (
                    "Invite the customer when the service is over",
                    "After asking whether they need anything else, politely ask them to rate the service, without "
                    "pressing.",
                ),
                (
                    "Use the survey method that fits the channel",
                    "The tablet at the desk in a centre, the automated rating at the end of a call, and a link by text "
                    "message or email for the other channels.",
                ),
                (
                    "Link the rating to the transaction",
                    "Make sure the transaction number, the channel and your employee number are recorded with it.",
                ),
                (
                    "Record comments as given",
                    "If the customer makes a spoken comment or suggestion, record it faithfully in the suggestions "
                    "field.",
                ),
                (
                    "Stay out of the answer",
                    "Never fill in the survey for the customer, change their rating, or look at their answers while "
                    "they fill it in.",
                ),
                (
                    "Follow up low ratings",
                    "The system sends every low rating to the supervisor, who contacts the customer within one working "
                    "day to understand what happened.",
                ),
            ],
            "documents": [
                "The transaction number",
                "Employee number and channel code",
                "The customer's comments and suggestions as given",
            ],
            "fees": INTERNAL_FEES_EN,
            "service_level": "Recorded immediately; low ratings followed up within 1 working day",
            "body": [
                ("heading", "What does the survey measure?"),
                (
                    "items",
                    [
                        ("Reliability", "Was the service done right the first time?"),
                        ("Responsiveness", "Speed, answers to questions, a choice of channels and convenient hours."),
                        ("Competence", "The employee's knowledge of the procedures and ability to solve the problem."),
                        ("Accessibility", "Reaching the service in person or by phone, hours, location and parking."),
                        ("Tangibles", "Clean, tidy premises, staff appearance and the technology in use."),
                    ],
                ),
                (
                    "paragraph",
                    "<p>Survey results feed into staff's annual evaluation and into the performance measures linked "
                    "to the unified customer-service charter, so they must stay honest and complete.</p>",
                ),
            ],
        },
    },
]
