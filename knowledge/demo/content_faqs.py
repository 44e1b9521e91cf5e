"""Frequently asked questions of the public and of staff, in Arabic and English."""

from __future__ import annotations

ALL_CHANNELS = ["centre", "phone", "email", "video", "chat"]
CHARTER = ("charter", "charter")

FAQS: list[dict[str, object]] = [
    # --- complaints and suggestions -----------------------------------------------------------
    {
        "slug": "how-to-file-a-complaint",
        "owner_team": "complaints",
        "topic": "complaints",
        "agency": "e-government",
        "channels": ["centre", "phone", "email", "chat"],
        "related": [("procedure", "file-complaint-tawasul"), CHARTER],
        "ar": {
            "title": "كيف أقدّم شكوى على خدمة حكومية؟",
            "summary": "يمكنك تقديم الشكوى عبر تطبيق «تواصل» أو في المركز أو عبر الهاتف، وتحصل دائمًا على رقم مرجعي.",
            "tags": ["شكوى", "شكاوى", "تواصل", "بلاغ"],
            "answer": (
                "<p>الطريق الأسرع هو تطبيق <strong>«تواصل»</strong>، النظام الوطني للشكاوى والمقترحات: "
                "تختار الجهة، وتصف ما حدث، وتحصل على رقم مرجعي تتابع به شكواك.</p>"
                "<p>وإن لم تستخدم التطبيق فلديك خيارات أخرى:</p>"
                "<ul><li>أخبر أي موظف في مركز الخدمة، وسيسجّل الشكوى نيابةً عنك.</li>"
                "<li>اتصل بمركز الاتصال أو راسل الجهة بالبريد الإلكتروني أو عبر الدردشة الحية.</li>"
                "<li>اطلب مقابلة مدير المركز إن فضّلت عرض الشكوى عليه مباشرةً.</li></ul>"
            ),
        },
        "en": {
            "title": "How do I complain about a government service?",
            "summary": (
                "You can complain through the Tawasul app, at a centre or by phone, and you always get a "
                "reference number."
            ),
            "tags": ["complaint", "complaints", "tawasul", "report"],
            "answer": (
                "<p>The quickest way is the <strong>Tawasul</strong> app, the national complaints and suggestions "
                "system: choose the agency, describe what happened, and you get a reference number to follow your "
                "complaint.</p>"
                "<p>If you do not use the app, you have other options:</p>"
                "<ul><li>Tell any employee at the service centre, who will record the complaint for you.</li>"
                "<li>Call the contact centre, or write to the agency by email or live chat.</li>"
                "<li>Ask to meet the centre manager if you prefer to raise it with them directly.</li></ul>"
            ),
        },
    },
    {
        "slug": "follow-up-a-complaint",
        "owner_team": "complaints",
        "topic": "complaints",
        "agency": "e-government",
        "channels": ["phone", "email", "chat"],
        "related": [("procedure", "file-complaint-tawasul")],
        "ar": {
            "title": "كيف أتابع شكواي بعد تقديمها؟",
            "summary": "تابع الشكوى برقمها المرجعي في تطبيق «تواصل» أو عبر مركز الاتصال، وتصلك الإشعارات برسائل نصية.",
            "tags": ["متابعة الشكوى", "رقم مرجعي", "شكاوى", "تواصل"],
            "answer": (
                "<p>احتفظ بالرقم المرجعي الذي يصلك عند تقديم الشكوى، فهو مفتاح المتابعة.</p>"
                "<ul><li>في تطبيق «تواصل» تظهر حالة الشكوى والجهة التي تعالجها وكل رد عليها.</li>"
                "<li>يصلك إشعار برسالة نصية أو بريد إلكتروني عند كل تحديث.</li>"
                "<li>يمكنك أيضًا الاتصال بمركز الاتصال وذكر الرقم المرجعي لمعرفة المستجدات.</li></ul>"
                "<p>إذا تجاوزت الشكوى المدة المعلنة للرد دون جواب فأخبرنا، وستُصعَّد إلى المسؤول.</p>"
            ),
        },
        "en": {
            "title": "How do I follow up my complaint after filing it?",
            "summary": (
                "Follow the complaint with its reference number in the Tawasul app or through the contact centre; "
                "notices arrive by text message."
            ),
            "tags": ["complaint follow-up", "reference number", "complaints", "tawasul"],
            "answer": (
                "<p>Keep the reference number you receive when you file the complaint: it is the key to following "
                "it up.</p>"
                "<ul><li>The Tawasul app shows the complaint's status, the unit handling it and every reply.</li>"
                "<li>You get a text message or email at every update.</li>"
                "<li>You can also call the contact centre and quote the reference number for news.</li></ul>"
                "<p>If the complaint passes the published reply time without an answer, tell us and it will be "
                "escalated to the person in charge.</p>"
            ),
        },
    },
    {
        "slug": "unhappy-with-complaint-reply",
        "owner_team": "complaints",
        "topic": "complaints",
        "agency": "municipal-services",
        "channels": ["centre", "phone"],
        "related": [("procedure", "request-centre-manager-meeting")],
        "ar": {
            "title": "ماذا أفعل إن لم يُرضِني الرد على شكواي؟",
            "summary": (
                "اطلب توضيح أسباب القرار والبدائل المتاحة، ويمكنك طلب مقابلة مدير المركز أو الرد على الشكوى نفسها."
            ),
            "tags": ["الرد على الشكوى", "مدير المركز", "شكوى", "اعتراض"],
            "answer": (
                "<p>من حقك أن تعرف لماذا تعذّر الحل الذي طلبته؛ فإذا لم يمكن حل المشكلة كما تريد، "
                "فعلى الموظف أن يشرح الأسباب بشفافية ويقترح عليك حلولًا بديلة.</p>"
                "<p>إن بقيت غير راضٍ فاكتب ملاحظتك ردًا على الشكوى نفسها في «تواصل» لتُعاد دراستها، "
                "أو اطلب مقابلة مدير المركز لعرض الأمر عليه مباشرةً.</p>"
            ),
        },
        "en": {
            "title": "What can I do if I am not satisfied with the reply to my complaint?",
            "summary": (
                "Ask for the reasons and the alternatives; you can also ask to meet the centre manager or reply to "
                "the complaint itself."
            ),
            "tags": ["complaint reply", "centre manager", "complaint", "objection"],
            "answer": (
                "<p>You are entitled to know why the solution you asked for was not possible: when a problem cannot "
                "be solved the way you want, the employee must explain the reasons openly and suggest "
                "alternatives.</p>"
                "<p>If you are still not satisfied, add your comment as a reply to the same complaint in Tawasul "
                "so it is looked at again, or ask to meet the centre manager and raise it in person.</p>"
            ),
        },
    },
    {
        "slug": "how-complaints-are-handled",
        "owner_team": "complaints",
        "topic": "complaints",
        "channels": ALL_CHANNELS,
        "related": [CHARTER],
        "ar": {
            "title": "كيف تتعامل الجهات الحكومية مع الشكاوى؟",
            "summary": "تُعالج الشكاوى وفق أربع قيم معلنة في الوثيقة الموحدة: المصداقية والمسؤولية والكفاءة والابتكار.",
            "tags": ["قيم الشكاوى", "الوثيقة", "شكاوى", "معالجة الشكاوى"],
            "answer": (
                "<p>تلتزم الجهات في الوثيقة الموحدة لخدمة العملاء بأربع قيم عند التعامل مع الشكاوى:</p>"
                "<ul><li><strong>المصداقية:</strong> الشفافية والعدل والإنصاف مع كل متعامل.</li>"
                "<li><strong>المسؤولية:</strong> استلام الشكوى والتعامل معها فورًا.</li>"
                "<li><strong>الكفاءة:</strong> الاستجابة لكل حالة دون تأخير.</li>"
                "<li><strong>الابتكار:</strong> البحث عن أفكار جديدة لتجاوز ما يعيق الحل.</li></ul>"
            ),
        },
        "en": {
            "title": "How do government agencies handle complaints?",
            "summary": (
                "Complaints are handled by four values set out in the unified charter: credibility, responsibility, "
                "efficiency and innovation."
            ),
            "tags": ["complaint values", "charter", "complaints", "complaint handling"],
            "answer": (
                "<p>In the unified customer-service charter, agencies commit to four values when handling "
                "complaints:</p>"
                "<ul><li><strong>Credibility:</strong> transparency, fairness and equity towards every customer.</li>"
                "<li><strong>Responsibility:</strong> receiving the complaint and acting on it at once.</li>"
                "<li><strong>Efficiency:</strong> responding to every case without delay.</li>"
                "<li><strong>Innovation:</strong> looking for fresh ideas to overcome whatever blocks a "
                "solution.</li></ul>"
            ),
        },
    },
    {
        "slug": "share-a-suggestion-or-survey",
        "owner_team": "quality",
        "topic": "complaints",
        "agency": "civil-service-bureau",
        "channels": ALL_CHANNELS,
        "related": [CHARTER],
        "ar": {
            "title": "كيف أقدّم مقترحًا لتحسين الخدمة أو أشارك في الاستبيان؟",
            "summary": "نرحب بمقترحاتك عبر «تواصل» أو أي قناة، وندعوك إلى تقييم الخدمة بعد كل معاملة.",
            "tags": ["مقترحات", "استبيان", "رضا العملاء", "ملاحظات"],
            "answer": (
                "<p>مقترحاتك والمشاركة في الاستبيانات جزء مما نرجوه من المستفيدين في الوثيقة الموحدة، "
                "لأنها تدلّنا على ما يحتاج إلى تحسين.</p>"
                "<ul><li>قدّم المقترح في تطبيق «تواصل» باختيار نوع الطلب «مقترح»، أو اذكره للموظف في أي قناة.</li>"
                "<li>بعد إنجاز معاملتك تُدعى إلى تقييم قصير: على الجهاز اللوحي في المركز، أو في نهاية المكالمة، "
                "أو برابط في رسالة نصية.</li></ul>"
                "<p>لا يطّلع الموظف على إجاباتك ولا يعدّلها، والتقييمات المنخفضة يتابعها المشرف.</p>"
            ),
        },
        "en": {
            "title": "How can I suggest an improvement or take part in a survey?",
            "summary": (
                "We welcome suggestions through Tawasul or any channel, and invite you to rate the service after "
                "every transaction."
            ),
            "tags": ["suggestions", "survey", "customer satisfaction", "feedback"],
            "answer": (
                "<p>Sharing suggestions and taking part in surveys are among the things the unified charter asks of "
                "customers, because they show us where to improve.</p>"
                "<ul><li>Submit a suggestion in the Tawasul app by choosing the request type “suggestion”, or tell "
                "the employee on any channel.</li>"
                "<li>When your transaction is complete you are invited to a short rating: on the tablet at the "
                "centre, at the end of the call, or through a link in a text message.</li></ul>"
                "<p>Employees do not see or change your answers, and low ratings are followed up by a "
                "supervisor.</p>"
            ),
        },
    },
    {
        "slug": "is-a-small-problem-worth-reporting",
        "owner_team": "complaints",
        "topic": "complaints",
        "agency": "municipal-services",
        "channels": ["phone", "chat"],
        "related": [("procedure", "report-public-facility-issue")],
        "ar": {
            "title": "هل تستحق مشكلة صغيرة أن أقدّم بشأنها شكوى أو بلاغًا؟",
            "summary": "نعم؛ فأغلب المتعاملين غير الراضين لا يشتكون، وكل شكوى أو بلاغ يساعدنا على إصلاح الخدمة للجميع.",
            "tags": ["بلاغ", "شكوى", "ملاحظات", "تحسين الخدمة"],
            "answer": (
                "<p>نعم. تشير التجربة إلى أن نحو عميل واحد فقط من كل عشرة عملاء غير راضين يتقدم بشكوى، "
                "أما الباقون فيسكتون لأنهم يظنون أن الشكوى لن تغيّر شيئًا أو لا يعرفون طريقها.</p>"
                "<p>المشكلة التي تبدو لك صغيرة قد تتكرر مع مراجعين كثيرين، وبلاغك هو ما يتيح لنا إصلاحها. "
                "ولن يستغرق الأمر منك سوى دقائق عبر الهاتف أو الدردشة الحية.</p>"
            ),
        },
        "en": {
            "title": "Is a small problem worth a complaint or report?",
            "summary": (
                "Yes: most dissatisfied customers never complain, and every complaint or report helps us fix the "
                "service for everyone."
            ),
            "tags": ["report", "complaint", "feedback", "service improvement"],
            "answer": (
                "<p>Yes. Experience shows that only about one in ten dissatisfied customers complains; the rest stay "
                "silent because they think it will change nothing or do not know how to go about it.</p>"
                "<p>A problem that seems small to you may be happening to many other customers, and your report is "
                "what lets us fix it. It takes only a few minutes by phone or live chat.</p>"
            ),
        },
    },
    # --- appointments and visits -------------------------------------------------------------
    {
        "slug": "do-i-need-an-appointment",
        "owner_team": "centres",
        "topic": "appointments",
        "agency": "e-government",
        "channels": ["centre", "phone", "chat"],
        "related": [("procedure", "book-centre-appointment")],
        "ar": {
            "title": "هل أحتاج إلى موعد مسبق لزيارة مركز الخدمة؟",
            "summary": "الحجز المسبق ليس شرطًا لأغلب الخدمات، لكنه يختصر الانتظار ويضمن جاهزية وثائقك.",
            "tags": ["موعد", "مواعيد", "حجز", "زيارة المركز"],
            "answer": (
                "<p>تستقبل مراكز الخدمة المراجعين بموعد أو من دونه في أغلب الخدمات، "
                "لكن أصحاب المواعيد يُخدَمون في الوقت المحجوز دون انتظار طويل.</p>"
                "<p>عند الحجز تظهر لك الوثائق المطلوبة للمعاملة، وتصلك رسالة نصية بالتأكيد والتذكير، "
                "فتأتي مستعدًا وتُنجز معاملتك في زيارة واحدة. ويمكنك الحجز إلكترونيًا أو عبر مركز الاتصال.</p>"
            ),
        },
        "en": {
            "title": "Do I need an appointment to visit a service centre?",
            "summary": (
                "Booking is not required for most services, but it cuts your wait and makes sure your documents "
                "are ready."
            ),
            "tags": ["appointment", "appointments", "booking", "centre visit"],
            "answer": (
                "<p>Service centres receive customers with or without an appointment for most services, but those "
                "with a booking are served at their booked time without a long wait.</p>"
                "<p>When you book, the documents the transaction needs are shown, and a text message confirms and "
                "reminds you, so you come prepared and finish in a single visit. You can book online or through the "
                "contact centre.</p>"
            ),
        },
    },
    {
        "slug": "change-or-cancel-appointment",
        "owner_team": "centres",
        "topic": "appointments",
        "agency": "e-government",
        "channels": ["centre", "phone", "chat"],
        "related": [("procedure", "book-centre-appointment")],
        "ar": {
            "title": "كيف أغيّر موعدي أو ألغيه؟",
            "summary": "استخدم الرابط الوارد في رسالة تأكيد الموعد، أو اتصل بمركز الاتصال واذكر رقم الحجز.",
            "tags": ["تغيير الموعد", "إلغاء الموعد", "مواعيد", "حجز"],
            "answer": (
                "<ol><li>افتح الرابط الموجود في رسالة التأكيد النصية.</li>"
                "<li>اختر «تعديل» لاختيار يوم ووقت آخرين، أو «إلغاء» إن لم تعد بحاجة إلى الموعد.</li>"
                "<li>تصلك رسالة جديدة بالموعد المعدّل أو بتأكيد الإلغاء.</li></ol>"
                "<p>إن لم تجد الرسالة فاتصل بمركز الاتصال أو اكتب في الدردشة الحية رقم هويتك، "
                "وسيعدّل الموظف الموعد لك. نرجو إلغاء الموعد مبكرًا ليستفيد منه مراجع آخر.</p>"
            ),
        },
        "en": {
            "title": "How do I change or cancel my appointment?",
            "summary": (
                "Use the link in your confirmation message, or call the contact centre and give your booking number."
            ),
            "tags": ["reschedule appointment", "cancel appointment", "appointments", "booking"],
            "answer": (
                "<ol><li>Open the link in the confirmation text message.</li>"
                "<li>Choose “Change” to pick another day and time, or “Cancel” if you no longer need the "
                "appointment.</li>"
                "<li>A new message confirms the new time or the cancellation.</li></ol>"
                "<p>If you cannot find the message, call the contact centre or give your ID number in the live chat, "
                "and the agent will change the appointment for you. Please cancel early so another customer can "
                "use the slot.</p>"
            ),
        },
    },
    {
        "slug": "service-by-video-call",
        "owner_team": "digital",
        "topic": "appointments",
        "agency": "civil-service-bureau",
        "channels": ["video"],
        "related": [("procedure", "video-call-appointment")],
        "ar": {
            "title": "هل يمكن أن أُخدم عبر مكالمة فيديو بدل زيارة المركز؟",
            "summary": "نعم، في الخدمات التي لا تتطلب الحضور، بموعد مسبق تحجزه إلكترونيًا أو عبر مركز الاتصال.",
            "tags": ["اتصال مرئي", "مكالمة فيديو", "موعد", "خدمة عن بعد"],
            "answer": (
                "<p>نعم. يتيح الاتصال المرئي أن تتحدث مع الموظف وجهًا لوجه من بيتك أو مكتبك، "
                "ويُستخدم للاستشارات والمعاملات التي لا تحتاج إلى توقيع أو بصمة حضوريًا.</p>"
                "<p>لا يتم الاتصال المرئي إلا <strong>بموعد مسبق</strong> توافق عليه، ويصلك الرابط "
                "بالبريد الإلكتروني ورسالة نصية. وبعد الاتصال يصلك ملخص بما تم والخطوات التالية.</p>"
            ),
        },
        "en": {
            "title": "Can I be served by video call instead of visiting a centre?",
            "summary": (
                "Yes, for services that do not need you in person, with an appointment booked online or through the "
                "contact centre."
            ),
            "tags": ["video call", "video", "appointment", "remote service"],
            "answer": (
                "<p>Yes. A video call lets you talk face to face with an employee from home or work, and is used for "
                "consultations and transactions that do not need a signature or fingerprint in person.</p>"
                "<p>Video calls take place only <strong>by prior appointment</strong> that you agree to; the link "
                "arrives by email and text message. After the call you receive a summary of what was done and the "
                "next steps.</p>"
            ),
        },
    },
    {
        "slug": "prepare-for-a-video-call",
        "owner_team": "digital",
        "topic": "appointments",
        "agency": "civil-service-bureau",
        "channels": ["video"],
        "related": [("procedure", "video-call-appointment")],
        "ar": {
            "title": "ما الذي أجهّزه قبل موعد الاتصال المرئي؟",
            "summary": "جهاز مجرَّب، ومكان هادئ جيد الإضاءة، وبطاقة هويتك، والمستندات المتعلقة بطلبك.",
            "tags": ["اتصال مرئي", "مكالمة فيديو", "التحضير", "موعد"],
            "answer": (
                "<ul><li>جرّب الكاميرا والميكروفون والاتصال بالإنترنت قبل الموعد بوقت كافٍ.</li>"
                "<li>اختر مكانًا هادئًا جيد الإضاءة، بحيث يظهر وجهك بوضوح.</li>"
                "<li>جهّز بطاقة هويتك لإبرازها عند التحقق، ونسخًا إلكترونية من المستندات المتعلقة بطلبك.</li>"
                "<li>انضم في الوقت المحدد؛ فالموظف يكون جاهزًا قبل الموعد ولا يُنهي الاتصال قبلك.</li></ul>"
            ),
        },
        "en": {
            "title": "What should I prepare before a video-call appointment?",
            "summary": (
                "A tested device, a quiet well-lit place, your identity card and the documents related to your request."
            ),
            "tags": ["video call", "video", "preparation", "appointment"],
            "answer": (
                "<ul><li>Test your camera, microphone and internet connection well before the appointment.</li>"
                "<li>Choose a quiet, well-lit place where your face can be seen clearly.</li>"
                "<li>Have your identity card ready to show for verification, and electronic copies of the documents "
                "related to your request.</li>"
                "<li>Join on time; the employee is ready before the appointment and never ends the call before "
                "you.</li></ul>"
            ),
        },
    },
    {
        "slug": "meet-the-centre-manager",
        "owner_team": "centres",
        "topic": "appointments",
        "agency": "municipal-services",
        "channels": ["centre", "phone"],
        "related": [("procedure", "request-centre-manager-meeting"), CHARTER],
        "ar": {
            "title": "هل يحق لي مقابلة مدير مركز الخدمة؟",
            "summary": "نعم، يحق لكل مراجع طلب مقابلة مدير المركز لعرض شكوى أو ملاحظة، ويجب أن يكون ذلك سهلًا.",
            "tags": ["مدير المركز", "مقابلة", "شكوى", "مراكز الخدمة"],
            "answer": (
                "<p>نعم. على الجهات أن تتيح لعملائها مقابلة مدير المركز بسهولة إن أرادوا تقديم شكوى "
                "أو ملاحظات بأنفسهم.</p>"
                "<p>اطلب ذلك من أي موظف في المركز أو من الاستقبال، ولا يلزمك تبرير الطلب. "
                "إن كان المدير موجودًا فستقابله في اليوم نفسه متى أمكن، وإلا يُحدَّد لك موعد خلال يومَي عمل.</p>"
            ),
        },
        "en": {
            "title": "Am I entitled to meet the service centre manager?",
            "summary": (
                "Yes: every customer may ask to meet the centre manager to raise a complaint or comment, and it "
                "should be easy to arrange."
            ),
            "tags": ["centre manager", "meeting", "complaint", "service centres"],
            "answer": (
                "<p>Yes. Agencies must make it easy for customers to meet the centre manager if they want to make a "
                "complaint or comment in person.</p>"
                "<p>Ask any employee at the centre or at reception; you do not have to give a reason. If the manager "
                "is in, you will be seen the same day where possible; otherwise you get an appointment within 2 "
                "working days.</p>"
            ),
        },
    },
    # --- documents and requirements --------------------------------------------------------------
    {
        "slug": "what-to-bring-to-a-centre",
        "owner_team": "centres",
        "topic": "documents",
        "channels": ["centre"],
        "related": [("procedure", "book-centre-appointment"), CHARTER],
        "ar": {
            "title": "ما الوثائق التي أحضرها معي إلى مركز الخدمة؟",
            "summary": "بطاقة الهوية دائمًا، ثم وثائق المعاملة كما تظهر في صفحة الخدمة أو في رسالة تأكيد الموعد.",
            "tags": ["وثائق", "مستندات", "متطلبات الخدمة", "زيارة المركز"],
            "answer": (
                "<p>لكل خدمة قائمة وثائق منشورة في صفحة إجراءاتها، وتصلك القائمة نفسها في رسالة تأكيد الموعد. "
                "وبوجه عام أحضر:</p>"
                "<ul><li>بطاقة الهوية سارية المفعول (وجواز السفر لخدمات الإقامة).</li>"
                "<li>الوثائق الأصلية المطلوبة للمعاملة، ونسخًا منها إن طُلبت.</li>"
                "<li>رقم الحجز أو رقم المعاملة السابقة إن وُجد.</li></ul>"
                "<p>إحضار الوثائق كاملة وصحيحة من التزامات المراجع في الوثيقة الموحدة، "
                "وهو ما يتيح إنجاز المعاملة من الزيارة الأولى.</p>"
            ),
        },
        "en": {
            "title": "Which documents should I bring to a service centre?",
            "summary": (
                "Always your identity card, then the transaction's documents as listed on the service page or in "
                "your appointment confirmation."
            ),
            "tags": ["documents", "papers", "service requirements", "centre visit"],
            "answer": (
                "<p>Every service has a list of documents published on its procedure page, and the same list "
                "arrives in your appointment confirmation. In general, bring:</p>"
                "<ul><li>A valid identity card (and your passport for residence services).</li>"
                "<li>The original documents the transaction needs, with copies if requested.</li>"
                "<li>Your booking number, or the number of an earlier transaction if there is one.</li></ul>"
                "<p>Bringing complete, correct documents is one of the customer's obligations in the unified "
                "charter, and it lets the transaction be finished on the first visit.</p>"
            ),
        },
    },
    {
        "slug": "my-personal-data-changed",
        "owner_team": "centres",
        "topic": "documents",
        "agency": "social-insurance",
        "channels": ["centre", "phone", "email", "chat"],
        "related": [("procedure", "update-personal-data"), CHARTER],
        "ar": {
            "title": "تغيّر عنواني أو رقم هاتفي، فماذا أفعل؟",
            "summary": "أبلغ الجهة فورًا بطلب تحديث البيانات، حتى تصلك الرسائل والمستحقات دون انقطاع.",
            "tags": ["تحديث البيانات", "تغيير العنوان", "رقم الهاتف", "البيانات الشخصية"],
            "answer": (
                "<p>الإبلاغ الفوري عن أي تغيير في بياناتك الشخصية من واجبات المتعامل في الوثيقة الموحدة؛ "
                "فالبيانات القديمة قد تعني رسائل لا تصلك أو دفعات تتأخر.</p>"
                "<p>قدّم طلب تحديث البيانات إلكترونيًا أو في المركز، وأرفق ما يثبت التغيير عند الحاجة "
                "(مثل شهادة البنك عند تغيير الحساب). وإذا كان رقم الهاتف نفسه هو ما تغيّر، "
                "فأكمل الطلب في المركز أو عبر اتصال مرئي لأن رمز التحقق يُرسل إلى الرقم القديم.</p>"
            ),
        },
        "en": {
            "title": "My address or phone number has changed. What should I do?",
            "summary": (
                "Tell the agency straight away with a data-update request so that messages and payments keep "
                "reaching you."
            ),
            "tags": ["data update", "change of address", "phone number", "personal data"],
            "answer": (
                "<p>Reporting any change in your personal details straight away is one of the customer's duties in "
                "the unified charter; out-of-date details can mean messages that never arrive or late payments.</p>"
                "<p>Submit a data-update request online or at a centre, attaching proof of the change where needed "
                "(such as a bank letter for a new account). If it is your phone number that changed, finish the "
                "request at a centre or by video call, because the verification code goes to the old number.</p>"
            ),
        },
    },
    {
        "slug": "residence-renewal-documents",
        "owner_team": "centres",
        "topic": "documents",
        "agency": "residency-passports",
        "channels": ["centre", "chat"],
        "related": [("procedure", "renew-residence-permit")],
        "ar": {
            "title": "ما الوثائق المطلوبة لتجديد الإقامة؟",
            "summary": "جواز سفر ساري ستة أشهر على الأقل، وصورة حديثة، والهوية الحالية، وما يتطلبه نوع الإقامة.",
            "tags": ["تجديد الإقامة", "إقامة", "وثائق", "جواز السفر"],
            "answer": (
                "<ul><li>جواز سفر ساري المفعول لمدة لا تقل عن ستة أشهر.</li>"
                "<li>صورة شخصية حديثة بخلفية بيضاء.</li>"
                "<li>بطاقة الهوية الحالية.</li>"
                "<li>عقد العمل أو ما يثبت صلة القرابة، بحسب نوع الإقامة.</li>"
                "<li>شهادة الفحص الطبي إذا كان نوع الإقامة يتطلبها.</li></ul>"
                "<p>تُنجز المعاملة خلال 5 أيام عمل من اكتمال الطلب، وننصح بالبدء قبل انتهاء الإقامة بثلاثين يومًا.</p>"
            ),
        },
        "en": {
            "title": "Which documents do I need to renew my residence permit?",
            "summary": (
                "A passport valid for at least six months, a recent photo, your current ID, and whatever your "
                "residence type requires."
            ),
            "tags": ["residence renewal", "residence", "documents", "passport"],
            "answer": (
                "<ul><li>A passport valid for at least six months.</li>"
                "<li>A recent personal photo with a white background.</li>"
                "<li>Your current identity card.</li>"
                "<li>An employment contract or proof of family relationship, depending on the residence type.</li>"
                "<li>A medical certificate if the residence type requires one.</li></ul>"
                "<p>The transaction is completed within 5 working days of a complete application; we recommend "
                "starting thirty days before your residence expires.</p>"
            ),
        },
    },
    {
        "slug": "error-in-an-issued-document",
        "owner_team": "centres",
        "topic": "documents",
        "agency": "civil-service-bureau",
        "channels": ["centre", "email"],
        "related": [("procedure", "request-service-certificate")],
        "ar": {
            "title": "وجدت خطأً في شهادة أو وثيقة استلمتها، فما العمل؟",
            "summary": "أبلغ الجهة فور ملاحظتك الخطأ، وتُصحَّح الوثيقة ويعاد إصدارها دون رسوم إن كان الخطأ من الجهة.",
            "tags": ["خطأ في الوثيقة", "تصحيح", "شهادة", "وثائق"],
            "answer": (
                "<p>أبلغنا فورًا عبر المركز أو البريد الإلكتروني، واذكر رقم المعاملة وموضع الخطأ، "
                "وأرفق صورة من الوثيقة وما يثبت البيان الصحيح.</p>"
                "<p>إذا كان الخطأ من جهتنا فنعتذر عنه، ونصحّح الوثيقة ونعيد إصدارها دون رسوم، "
                "ونخبرك بالمدة المتوقعة. والإبلاغ السريع عن الأخطاء من واجبات المتعامل في الوثيقة الموحدة، "
                "لأنه يمنع انتقال الخطأ إلى معاملات أخرى.</p>"
            ),
        },
        "en": {
            "title": "I found an error in a certificate or document I received. What now?",
            "summary": (
                "Tell the agency as soon as you notice; if the error is ours, the document is corrected and reissued "
                "free of charge."
            ),
            "tags": ["document error", "correction", "certificate", "documents"],
            "answer": (
                "<p>Tell us straight away at the centre or by email, giving the transaction number and where the "
                "error is, and attach a copy of the document and proof of the correct details.</p>"
                "<p>If the error is ours, we apologise, correct and reissue the document free of charge, and tell "
                "you how long it will take. Reporting errors quickly is one of the customer's duties in the unified "
                "charter, because it stops the error spreading to other transactions.</p>"
            ),
        },
    },
    {
        "slug": "missing-document-at-the-visit",
        "owner_team": "centres",
        "topic": "documents",
        "agency": "residency-passports",
        "channels": ["centre", "email"],
        "ar": {
            "title": "نسيت إحدى الوثائق المطلوبة، فهل أعود من البداية؟",
            "summary": "ليس دائمًا؛ يحدد لك الموظف ما ينقص بالضبط، ويُبقي الطلب مفتوحًا متى أمكن لتستكمله لاحقًا.",
            "tags": ["وثائق ناقصة", "مستندات", "متطلبات", "مراجعة المركز"],
            "answer": (
                "<p>يشرح لك الموظف الوثيقة الناقصة بالتحديد وسبب الحاجة إليها، ولا يكتفي بردّك.</p>"
                "<ul><li>إن أمكن قبول الوثيقة إلكترونيًا، يبقى طلبك مفتوحًا وتُرسلها بالبريد الإلكتروني "
                "مع رقم المعاملة.</li>"
                "<li>وإن لزم إبراز الأصل، يحجز لك الموظف موعدًا قريبًا لتستكمل المعاملة دون انتظار جديد.</li></ul>"
                "<p>راجع قائمة الوثائق في صفحة الخدمة قبل زيارتك القادمة لتتجنب تكرار ذلك.</p>"
            ),
        },
        "en": {
            "title": "I forgot one of the required documents. Do I have to start again?",
            "summary": (
                "Not always: the employee tells you exactly what is missing and, where possible, keeps the request "
                "open for you to complete later."
            ),
            "tags": ["missing documents", "papers", "requirements", "centre visit"],
            "answer": (
                "<p>The employee tells you exactly which document is missing and why it is needed, rather than "
                "simply turning you away.</p>"
                "<ul><li>If the document can be accepted electronically, your request stays open and you send it "
                "by email with the transaction number.</li>"
                "<li>If the original must be shown, the employee books you an early appointment to finish the "
                "transaction without queuing again.</li></ul>"
                "<p>Check the document list on the service page before your next visit to avoid a repeat.</p>"
            ),
        },
    },
    # --- reply times and service levels ------------------------------------------------------------
    {
        "slug": "email-reply-time",
        "owner_team": "digital",
        "topic": "response-times",
        "agency": "social-insurance",
        "channels": ["email"],
        "related": [CHARTER],
        "ar": {
            "title": "متى يصلني الرد على رسالتي الإلكترونية؟",
            "summary": "خلال المدة المحددة في اتفاقية مستوى الخدمة للجهة، أو خلال ٢٤ ساعة إن لم تحدد الجهة مدة.",
            "tags": ["البريد الإلكتروني", "مدة الرد", "رسائل", "مستوى الخدمة"],
            "answer": (
                "<p>تلتزم كل جهة بالرد على الرسائل الإلكترونية ضمن اتفاقية مستوى الخدمة الخاصة بها، "
                "فإن لم تكن قد حددت مدة فالرد يكون خلال <strong>٢٤ ساعة</strong>.</p>"
                "<p>يجيب الرد عن جميع أسئلتك، ويحمل اسم الموظف ومسمّاه الوظيفي وإدارته ورقم التواصل معه. "
                "وقد يتصل بك الموظف هاتفيًا بدل الرد المكتوب إن كان ذلك أنسب لطلبك.</p>"
            ),
        },
        "en": {
            "title": "When will I get a reply to my email?",
            "summary": (
                "Within the time set in the agency's service-level agreement, or within 24 hours if the agency has "
                "set none."
            ),
            "tags": ["email", "reply time", "messages", "service level"],
            "answer": (
                "<p>Every agency must answer emails within its own service-level agreement; if it has not set one, "
                "the reply comes within <strong>24 hours</strong>.</p>"
                "<p>The reply answers all your questions and carries the employee's name, job title, department and "
                "contact number. The employee may call you instead of writing if that suits your request "
                "better.</p>"
            ),
        },
    },
    {
        "slug": "what-happens-after-service",
        "owner_team": "quality",
        "topic": "response-times",
        "channels": ALL_CHANNELS,
        "related": [CHARTER],
        "ar": {
            "title": "ماذا يحدث بعد أن أقدّم طلبي؟",
            "summary": "يخبرك الموظف بما تم والمدة المتوقعة للإنجاز، ثم تصلك المستجدات برسائل نصية أو بريد إلكتروني.",
            "tags": ["بعد الخدمة", "متابعة الطلب", "رسائل نصية", "مدة الإنجاز"],
            "answer": (
                "<p>قبل أن تنتهي خدمتك يوضّح لك الموظف:</p>"
                "<ul><li>الخطوات التي اتُّخذت في معاملتك حتى الآن.</li>"
                "<li>الوقت المتوقع لإنجازها.</li>"
                "<li>هل تحتاج إلى شيء آخر، قبل أن يختم الخدمة.</li></ul>"
                "<p>بعد ذلك تتابع الجهة طلبك وتبلغك بكل جديد عبر الرسائل النصية أو البريد الإلكتروني، "
                "ضمن مستوى الخدمة المعلن في صفحة كل إجراء.</p>"
            ),
        },
        "en": {
            "title": "What happens after I submit my request?",
            "summary": (
                "The employee tells you what was done and when to expect completion, then updates reach you by text "
                "message or email."
            ),
            "tags": ["after service", "request follow-up", "text messages", "completion time"],
            "answer": (
                "<p>Before your service ends, the employee tells you:</p>"
                "<ul><li>The steps taken on your transaction so far.</li>"
                "<li>When it is expected to be completed.</li>"
                "<li>Whether you need anything else, before closing the service.</li></ul>"
                "<p>The agency then follows your request and tells you of every development by text message or "
                "email, within the service level published on each procedure page.</p>"
            ),
        },
    },
    {
        "slug": "where-is-the-service-level",
        "owner_team": "knowledge",
        "topic": "response-times",
        "agency": "e-government",
        "channels": ALL_CHANNELS,
        "related": [("procedure", "publish-service-card")],
        "ar": {
            "title": "ما المقصود بمستوى الخدمة، وأين أجده؟",
            "summary": "هو المدة التي تلتزم الجهة بإنجاز الخدمة خلالها، وتجده في صفحة إجراءات كل خدمة.",
            "tags": ["مستوى الخدمة", "اتفاقية مستوى الخدمة", "مدة الإنجاز", "أيام عمل"],
            "answer": (
                "<p>مستوى الخدمة (أو اتفاقية مستوى الخدمة) هو الوقت الذي تتعهد الجهة بإنجاز المعاملة خلاله، "
                "ويُحسب غالبًا بأيام العمل، أي دون عطلة نهاية الأسبوع والإجازات الرسمية.</p>"
                "<p>تجده في صفحة إجراءات كل خدمة بجانب الرسوم والوثائق المطلوبة، ويبدأ احتسابه من اكتمال طلبك "
                "بجميع وثائقه.</p>"
            ),
        },
        "en": {
            "title": "What is a service level, and where do I find it?",
            "summary": (
                "It is the time within which the agency commits to complete the service, shown on each service's "
                "procedure page."
            ),
            "tags": ["service level", "service-level agreement", "completion time", "working days"],
            "answer": (
                "<p>The service level (or service-level agreement) is the time within which the agency undertakes "
                "to complete the transaction, usually counted in working days, that is without weekends and public "
                "holidays.</p>"
                "<p>You find it on each service's procedure page next to the fees and required documents, and it "
                "counts from the day your request is complete with all its documents.</p>"
            ),
        },
    },
    {
        "slug": "request-late-beyond-service-level",
        "owner_team": "complaints",
        "topic": "response-times",
        "agency": "municipal-services",
        "channels": ["phone", "chat"],
        "related": [("procedure", "file-complaint-tawasul")],
        "ar": {
            "title": "تجاوزت معاملتي المدة المعلنة، فماذا أفعل؟",
            "summary": "اسأل عن سبب التأخير برقم المعاملة، وإن لم تتلقَّ جوابًا مقنعًا فقدّم شكوى عبر «تواصل».",
            "tags": ["تأخير", "مستوى الخدمة", "متابعة المعاملة", "شكوى"],
            "answer": (
                "<ol><li>اتصل بمركز الاتصال أو استخدم الدردشة الحية واذكر رقم معاملتك؛ "
                "سيبيّن لك الموظف أين وصلت ولماذا تأخرت والموعد الجديد المتوقع.</li>"
                "<li>إن كان التأخير بسبب نقص في الوثائق فسيخبرك بما يلزم بالتحديد.</li>"
                "<li>إن لم تجد تفسيرًا مقنعًا فقدّم شكوى عبر «تواصل»؛ فالاستجابة دون تأخير من قيم "
                "التعامل مع الشكاوى.</li></ol>"
            ),
        },
        "en": {
            "title": "My transaction has passed the published time. What should I do?",
            "summary": (
                "Ask about the delay with your transaction number, and if the answer does not satisfy you, complain "
                "through Tawasul."
            ),
            "tags": ["delay", "service level", "transaction follow-up", "complaint"],
            "answer": (
                "<ol><li>Call the contact centre or use the live chat and give your transaction number; the agent "
                "will tell you where it stands, why it is late and the new expected date.</li>"
                "<li>If the delay is due to missing documents, you will be told exactly what is needed.</li>"
                "<li>If there is no convincing explanation, complain through Tawasul; responding without delay is "
                "one of the complaint-handling values.</li></ol>"
            ),
        },
    },
    {
        "slug": "how-fast-are-calls-answered",
        "owner_team": "contact_centre",
        "topic": "response-times",
        "agency": "municipal-services",
        "channels": ["phone"],
        "ar": {
            "title": "كم أنتظر حتى يُرد على مكالمتي؟",
            "summary": "يُجاب الاتصال بأسرع ما يمكن، والهدف أن يُنجز طلبك في المكالمة الأولى دون معاودة الاتصال.",
            "tags": ["مركز الاتصال", "مدة الانتظار", "مكالمة", "سرعة الرد"],
            "answer": (
                "<p>يلتزم موظفو مركز الاتصال بالرد السريع على المكالمات وعدم إطالة انتظار المتصل، "
                "ويسعون إلى تلبية طلبك كاملًا من <strong>المكالمة الأولى</strong>.</p>"
                "<p>في أوقات الذروة قد تنتظر قليلًا في قائمة الانتظار الآلية؛ ويمكنك بدلًا من ذلك "
                "استخدام الدردشة الحية أو ترك رقمك ليعاود الموظف الاتصال بك.</p>"
            ),
        },
        "en": {
            "title": "How long will I wait for my call to be answered?",
            "summary": (
                "Calls are answered as fast as possible, and the aim is to complete your request on the first call."
            ),
            "tags": ["contact centre", "waiting time", "call", "answer speed"],
            "answer": (
                "<p>Contact-centre staff are committed to answering calls quickly and not keeping callers waiting, "
                "and they aim to meet your request in full on the <strong>first call</strong>.</p>"
                "<p>At peak times you may wait a little in the automated queue; instead, you can use the live chat "
                "or leave your number for the agent to call you back.</p>"
            ),
        },
    },
    # --- priority and accessibility ----------------------------------------------------------------
    {
        "slug": "priority-for-elderly-and-disabled",
        "owner_team": "centres",
        "topic": "accessibility",
        "agency": "social-insurance",
        "channels": ["centre", "phone", "video"],
        "related": [("procedure", "priority-service-elderly-disabilities"), CHARTER],
        "ar": {
            "title": "هل لكبار السن والأشخاص ذوي الإعاقة أولوية في الخدمة؟",
            "summary": "نعم، فالوثيقة الموحدة تنص على المساواة بين العملاء مع تقديم كبار السن وذوي الإعاقة.",
            "tags": ["أولوية", "كبار السن", "ذوو الإعاقة", "سهولة الوصول"],
            "answer": (
                "<p>نعم. من التزامات الجهات الحكومية معاملة جميع العملاء بالمساواة "
                "<strong>مع إعطاء الأولوية لكبار السن والأشخاص ذوي الإعاقة</strong>.</p>"
                "<ul><li>في المركز: أخبر الاستقبال أو اختر «خدمة الأولوية» من جهاز التذاكر لتُخدم قبل الدور.</li>"
                "<li>يساعدك الموظف في تعبئة النماذج، ويمكن أن يرافقك أحد أفراد أسرتك.</li>"
                "<li>إن صعب عليك الحضور فاستخدم الهاتف أو احجز اتصالًا مرئيًا.</li></ul>"
            ),
        },
        "en": {
            "title": "Do elderly people and people with disabilities get priority?",
            "summary": (
                "Yes: the unified charter requires equal treatment of customers with priority for the elderly and "
                "people with disabilities."
            ),
            "tags": ["priority", "elderly", "people with disabilities", "accessibility"],
            "answer": (
                "<p>Yes. Government agencies are committed to treating all customers equally <strong>while giving "
                "priority to the elderly and people with disabilities</strong>.</p>"
                "<ul><li>At a centre: tell reception or choose “Priority service” on the ticket machine to be served "
                "ahead of the queue.</li>"
                "<li>The employee helps you fill in forms, and a family member may accompany you.</li>"
                "<li>If coming in is difficult, use the phone or book a video call.</li></ul>"
            ),
        },
    },
    {
        "slug": "service-in-english",
        "owner_team": "centres",
        "topic": "accessibility",
        "agency": "residency-passports",
        "channels": ALL_CHANNELS,
        "related": [("procedure", "request-service-in-english")],
        "ar": {
            "title": "هل يمكن أن أُخدم باللغة الإنجليزية؟",
            "summary": "نعم، على الجهات تقديم خدماتها باللغتين العربية والإنجليزية في جميع القنوات.",
            "tags": ["اللغة الإنجليزية", "لغة الخدمة", "ثنائية اللغة", "المقيمون"],
            "answer": (
                "<p>نعم. تلتزم الجهات الحكومية بتقديم الخدمات <strong>بالعربية والإنجليزية</strong>، "
                "وبطاقات أسماء الموظفين في المراكز مكتوبة باللغتين.</p>"
                "<ul><li>في المركز: اطلب الإنجليزية من الاستقبال أو اخترها في جهاز التذاكر.</li>"
                "<li>عبر الهاتف: اختر الإنجليزية من قائمة الرد الآلي.</li>"
                "<li>عبر البريد الإلكتروني والدردشة: اكتب بالإنجليزية وسيصلك الرد بها.</li></ul>"
            ),
        },
        "en": {
            "title": "Can I be served in English?",
            "summary": "Yes: agencies must offer their services in Arabic and English on every channel.",
            "tags": ["english", "service language", "bilingual", "residents"],
            "answer": (
                "<p>Yes. Government agencies are committed to providing services <strong>in Arabic and "
                "English</strong>, and staff name badges at centres are written in both languages.</p>"
                "<ul><li>At a centre: ask reception for English or choose it on the ticket machine.</li>"
                "<li>By phone: choose English from the automated menu.</li>"
                "<li>By email and chat: write in English and the reply will be in English.</li></ul>"
            ),
        },
    },
    {
        "slug": "cannot-visit-a-centre",
        "owner_team": "digital",
        "topic": "accessibility",
        "agency": "e-government",
        "channels": ["phone", "email", "video", "chat"],
        "related": [("procedure", "video-call-appointment")],
        "ar": {
            "title": "لا أستطيع الحضور إلى المركز، فما البدائل المتاحة؟",
            "summary": "أنجز معاملتك عبر الهاتف أو البريد الإلكتروني أو الدردشة الحية أو الاتصال المرئي.",
            "tags": ["خدمة عن بعد", "قنوات التواصل", "اتصال مرئي", "سهولة الوصول"],
            "answer": (
                "<p>تتعهد الجهات بتقديم خدماتها عبر قنوات سهلة الوصول قدر الإمكان، "
                "فلا يلزم الحضور لكثير من المعاملات:</p>"
                "<ul><li><strong>الاتصال المرئي:</strong> موعد وجهًا لوجه مع الموظف من منزلك.</li>"
                "<li><strong>الهاتف:</strong> لمعظم الاستفسارات ولحجز المواعيد وتسجيل الشكاوى.</li>"
                "<li><strong>البريد الإلكتروني:</strong> لإرسال الطلبات والوثائق، مع رد ضمن مستوى الخدمة.</li>"
                "<li><strong>الدردشة الحية:</strong> موظف يرشدك ويرسل لك رابط الخدمة مباشرةً.</li></ul>"
            ),
        },
        "en": {
            "title": "I cannot come to a centre. What are my alternatives?",
            "summary": "Complete your transaction by phone, email, live chat or video call.",
            "tags": ["remote service", "contact channels", "video call", "accessibility"],
            "answer": (
                "<p>Agencies undertake to offer their services through channels that are as easy to reach as "
                "possible, so many transactions need no visit:</p>"
                "<ul><li><strong>Video call:</strong> a face-to-face appointment with an employee from home.</li>"
                "<li><strong>Phone:</strong> for most enquiries, booking appointments and recording complaints.</li>"
                "<li><strong>Email:</strong> to send requests and documents, with a reply within the service "
                "level.</li>"
                "<li><strong>Live chat:</strong> an agent guides you and sends you the service link directly.</li></ul>"
            ),
        },
    },
    {
        "slug": "equal-treatment-for-everyone",
        "owner_team": "quality",
        "topic": "accessibility",
        "channels": ALL_CHANNELS,
        "related": [CHARTER],
        "ar": {
            "title": "هل يُعامَل جميع المراجعين بالطريقة نفسها؟",
            "summary": "نعم، يقوم تقديم الخدمة على العدالة والشمولية دون تمييز، ولك أن تشتكي إن شعرت بغير ذلك.",
            "tags": ["المساواة", "العدالة", "عدم التمييز", "حقوق العملاء"],
            "answer": (
                "<p>نعم. تقوم الخدمة الحكومية على مبدأ <strong>العدالة والشمولية</strong>: "
                "لا يرفض الموظف خدمة أي عميل، ولا تختلف معاملته باختلاف الجنسية أو المظهر أو غير ذلك. "
                "والأولوية الوحيدة المعلنة هي لكبار السن والأشخاص ذوي الإعاقة.</p>"
                "<p>إن شعرت بأنك عوملت بتمييز فقدّم شكوى عبر «تواصل» أو اطلب مقابلة مدير المركز.</p>"
            ),
        },
        "en": {
            "title": "Are all customers treated the same way?",
            "summary": (
                "Yes: service rests on justice and inclusiveness without discrimination, and you can complain if "
                "you feel otherwise."
            ),
            "tags": ["equality", "justice", "non-discrimination", "customer rights"],
            "answer": (
                "<p>Yes. Government service rests on the principle of <strong>justice and inclusiveness</strong>: no "
                "employee may refuse to serve a customer, and nobody is treated differently because of nationality, "
                "appearance or anything else. The only published priority is for the elderly and people with "
                "disabilities.</p>"
                "<p>If you feel you were treated unfairly, complain through Tawasul or ask to meet the centre "
                "manager.</p>"
            ),
        },
    },
    # --- privacy and data protection ----------------------------------------------------------------
    {
        "slug": "how-is-my-data-protected",
        "owner_team": "quality",
        "topic": "privacy",
        "channels": ALL_CHANNELS,
        "related": [CHARTER],
        "ar": {
            "title": "كيف تُحفظ خصوصية بياناتي الشخصية؟",
            "summary": "تلتزم الجهات بسرية بياناتك ومعاملاتك في كل قناة، ولا يُطلب منك إلا ما تحتاجه الخدمة.",
            "tags": ["الخصوصية", "سرية البيانات", "البيانات الشخصية", "حماية البيانات"],
            "answer": (
                "<p>الالتزام بالخصوصية والسرية في التعامل معك ومع بياناتك من التزامات الوثيقة الموحدة لخدمة العملاء. "
                "وعمليًا يعني ذلك:</p>"
                "<ul><li>لا يناقش الموظف معاملتك أمام الآخرين، ولا يطّلع عليها إلا من يحتاج إليها لإنجازها.</li>"
                "<li>يتحقق الموظف من هويتك قبل أن يفصح عن أي تفاصيل عبر الهاتف أو الاتصال المرئي.</li>"
                "<li>لا تُناقش المعلومات السرية عبر البريد الإلكتروني.</li></ul>"
            ),
        },
        "en": {
            "title": "How is the privacy of my personal data protected?",
            "summary": (
                "Agencies keep your data and transactions confidential on every channel and ask only for what the "
                "service needs."
            ),
            "tags": ["privacy", "data confidentiality", "personal data", "data protection"],
            "answer": (
                "<p>Privacy and confidentiality in dealing with you and your data are commitments of the unified "
                "customer-service charter. In practice this means:</p>"
                "<ul><li>Employees do not discuss your transaction in front of others, and only those who need it "
                "to do the work can see it.</li>"
                "<li>Employees check your identity before giving any details by phone or video call.</li>"
                "<li>Confidential information is not discussed by email.</li></ul>"
            ),
        },
    },
    {
        "slug": "confidential-details-by-email",
        "owner_team": "digital",
        "topic": "privacy",
        "agency": "social-insurance",
        "channels": ["email"],
        "ar": {
            "title": "لماذا رفض الموظف مناقشة تفاصيل حسابي عبر البريد الإلكتروني؟",
            "summary": (
                "لأن البريد الإلكتروني ليس قناة مناسبة للمعلومات السرية، فيوجهك الموظف إلى قناة آمنة "
                "بعد التحقق من هويتك."
            ),
            "tags": ["البريد الإلكتروني", "معلومات سرية", "الخصوصية", "رسائل"],
            "answer": (
                "<p>من قواعد التعامل عبر البريد الإلكتروني ألا يناقش الموظف المعلومات السرية فيه، "
                "كأرقام الحسابات وتفاصيل المستحقات والبيانات الصحية؛ "
                "فالرسالة قد يُعاد توجيهها أو تصل إلى غير صاحبها.</p>"
                "<p>سيرد عليك الموظف برسالة عامة ويقترح طريقة آمنة: الدخول إلى حسابك في الخدمات الإلكترونية، "
                "أو اتصالًا هاتفيًا بعد التحقق من هويتك، أو زيارة المركز.</p>"
            ),
        },
        "en": {
            "title": "Why did the employee refuse to discuss my account details by email?",
            "summary": (
                "Email is not a suitable channel for confidential information, so the employee directs you to a "
                "secure channel after checking your identity."
            ),
            "tags": ["email", "confidential information", "privacy", "messages"],
            "answer": (
                "<p>One of the rules for email is that employees never discuss confidential information in it, such "
                "as account numbers, payment details or health data; a message can be forwarded or reach the wrong "
                "person.</p>"
                "<p>The employee will reply with a general message and suggest a secure route: signing in to your "
                "e-services account, a phone call after your identity is checked, or a visit to the centre.</p>"
            ),
        },
    },
    {
        "slug": "privacy-at-the-counter",
        "owner_team": "centres",
        "topic": "privacy",
        "agency": "residency-passports",
        "channels": ["centre"],
        "ar": {
            "title": "هل سيسمع الآخرون تفاصيل معاملتي عند مكتب الخدمة؟",
            "summary": "يحافظ الموظف على خصوصية الخدمة بصوت هادئ ومسافة مناسبة، ويمكنك طلب مكان أكثر خصوصية.",
            "tags": ["الخصوصية", "مكتب الخدمة", "مراكز الخدمة", "سرية"],
            "answer": (
                "<p>على الموظف أن يحافظ على خصوصية تقديم الخدمة: يتحدث بصوت هادئ وواضح دون رفعه، "
                "ولا يذكر بياناتك بصوت مسموع، ولا يترك أوراقك أو شاشته مكشوفة لغيرك.</p>"
                "<p>إن كانت معاملتك حساسة فاطلب إكمالها في مكتب منفصل أو في غرفة المقابلات إن وُجدت، "
                "وسيرتب الموظف ذلك متى أمكن.</p>"
            ),
        },
        "en": {
            "title": "Will other people hear the details of my transaction at the counter?",
            "summary": (
                "Employees protect the privacy of the service with a calm voice and suitable distance, and you can "
                "ask for a more private place."
            ),
            "tags": ["privacy", "service counter", "service centres", "confidentiality"],
            "answer": (
                "<p>Employees must keep the service private: they speak calmly and clearly without raising their "
                "voice, do not read out your details, and do not leave your papers or their screen open to "
                "others.</p>"
                "<p>If your transaction is sensitive, ask to finish it at a separate desk or in an interview room "
                "where there is one, and the employee will arrange it where possible.</p>"
            ),
        },
    },
    {
        "slug": "why-am-i-asked-my-name",
        "owner_team": "contact_centre",
        "topic": "privacy",
        "agency": "municipal-services",
        "channels": ["phone", "chat"],
        "ar": {
            "title": "لماذا يسألني موظف مركز الاتصال عن اسمي وبياناتي؟",
            "summary": "ليخاطبك باسمك ويخدمك شخصيًا، ثم ليتحقق من هويتك قبل الحديث عن أي معاملة تخصك.",
            "tags": ["مركز الاتصال", "التحقق من الهوية", "الخصوصية", "مكالمة"],
            "answer": (
                "<p>يبدأ الموظف المكالمة بالتحية وذكر اسمه وإدارته، ثم يسألك عن اسمك ليتمكن من خدمتك "
                "ومخاطبتك به.</p>"
                "<p>أما إذا كان طلبك يتعلق بمعاملة أو بيانات شخصية فسيطرح عليك أسئلة تحقق إضافية، "
                "كرقم الهوية أو رقم المعاملة؛ فهذا إجراء لحمايتك، حتى لا تُكشف بياناتك لمن ينتحل شخصيتك.</p>"
            ),
        },
        "en": {
            "title": "Why does the contact-centre agent ask for my name and details?",
            "summary": (
                "To address you by name and serve you personally, and then to check your identity before "
                "discussing any transaction of yours."
            ),
            "tags": ["contact centre", "identity check", "privacy", "call"],
            "answer": (
                "<p>The agent opens the call with a greeting, their own name and department, then asks your name so "
                "they can serve you and address you by it.</p>"
                "<p>If your request concerns a transaction or personal data, you will be asked extra verification "
                "questions, such as your ID or transaction number; this protects you, so that your data is not "
                "given to someone pretending to be you.</p>"
            ),
        },
    },
    # --- contact channels -----------------------------------------------------------------------------
    {
        "slug": "which-channels-can-i-use",
        "owner_team": "communications",
        "topic": "channels",
        "agency": "e-government",
        "channels": ALL_CHANNELS,
        "related": [CHARTER],
        "ar": {
            "title": "ما قنوات التواصل المتاحة مع الجهات الحكومية؟",
            "summary": "خمس قنوات: مراكز الخدمة، والهاتف، والبريد الإلكتروني، والاتصال المرئي، والدردشة الحية.",
            "tags": ["قنوات التواصل", "مراكز الخدمة", "مركز الاتصال", "الخدمات الإلكترونية"],
            "answer": (
                "<ul><li><strong>مراكز خدمة العملاء:</strong> للمعاملات التي تتطلب الحضور أو إبراز الأصول.</li>"
                "<li><strong>مركز الاتصال:</strong> للاستفسارات وحجز المواعيد وتسجيل الشكاوى.</li>"
                "<li><strong>البريد الإلكتروني:</strong> للطلبات المكتوبة، مع رد ضمن مستوى الخدمة أو خلال 24 ساعة.</li>"
                "<li><strong>الاتصال المرئي:</strong> خدمة وجهًا لوجه عن بعد بموعد مسبق.</li>"
                "<li><strong>الدردشة الحية:</strong> موظف على الموقع يجيبك فورًا ويرسل لك الروابط المباشرة.</li></ul>"
                "<p>ويبقى تطبيق «تواصل» القناة الوطنية للشكاوى والمقترحات.</p>"
            ),
        },
        "en": {
            "title": "Which channels can I use to contact government agencies?",
            "summary": "Five channels: service centres, phone, email, video call and live chat.",
            "tags": ["contact channels", "service centres", "contact centre", "e-services"],
            "answer": (
                "<ul><li><strong>Customer service centres:</strong> for transactions that need you in person or "
                "original documents.</li>"
                "<li><strong>Contact centre:</strong> for enquiries, booking appointments and recording "
                "complaints.</li>"
                "<li><strong>Email:</strong> for written requests, with a reply within the service level or within "
                "24 hours.</li>"
                "<li><strong>Video call:</strong> face-to-face service at a distance, by prior appointment.</li>"
                "<li><strong>Live chat:</strong> an agent on the website who answers at once and sends you direct "
                "links.</li></ul>"
                "<p>The Tawasul app remains the national channel for complaints and suggestions.</p>"
            ),
        },
    },
    {
        "slug": "is-live-chat-a-real-person",
        "owner_team": "digital",
        "topic": "channels",
        "agency": "e-government",
        "channels": ["chat"],
        "ar": {
            "title": "هل أتحدث في الدردشة الحية مع موظف حقيقي؟",
            "summary": "نعم، يرد عليك موظف يعرّف بنفسه باسمه ويتابع طلبك حتى نهايته.",
            "tags": ["الدردشة الحية", "محادثة", "موظف", "الموقع الإلكتروني"],
            "answer": (
                "<p>نعم. حين تُدار الدردشة الحية بموظفين يبدأ الموظف بتحيتك وذكر اسمه، ثم يركّز على طلبك "
                "ويرد بسرعة.</p>"
                "<p>ومن مزايا الدردشة أن الموظف يستطيع إرسال رابط يوصلك مباشرةً إلى صفحة إنجاز معاملتك. "
                "وفي النهاية يسألك إن كنت تحتاج إلى خدمة أخرى، ويشكرك، ويختم المحادثة بشكل رسمي.</p>"
            ),
        },
        "en": {
            "title": "Am I talking to a real person in the live chat?",
            "summary": (
                "Yes: an agent who introduces themselves by name answers you and stays with your request to the end."
            ),
            "tags": ["live chat", "chat", "agent", "website"],
            "answer": (
                "<p>Yes. When live chat is run by staff, the agent greets you and gives their name, then focuses on "
                "your request and replies quickly.</p>"
                "<p>One advantage of chat is that the agent can send you a link that takes you straight to the page "
                "where you complete your transaction. At the end they ask if you need anything else, thank you and "
                "close the conversation formally.</p>"
            ),
        },
    },
    {
        "slug": "why-was-i-put-on-hold",
        "owner_team": "contact_centre",
        "topic": "channels",
        "agency": "municipal-services",
        "channels": ["phone"],
        "related": [("procedure", "transfer-phone-call")],
        "ar": {
            "title": "لماذا وضعني الموظف على الانتظار أثناء المكالمة؟",
            "summary": "ليتحقق من معلومة أو يراجع معاملتك، وعليه أن يستأذنك ويخبرك بمدة الانتظار المتوقعة.",
            "tags": ["الانتظار", "مكالمة", "مركز الاتصال", "تعليق المكالمة"],
            "answer": (
                "<p>يضعك الموظف على الانتظار عادةً ليتأكد من معلومة بدل أن يعطيك جوابًا غير دقيق، "
                "أو ليراجع معاملتك في النظام.</p>"
                "<ul><li>يجب أن <strong>يستأذنك أولًا</strong> ويخبرك بالمدة التقديرية للانتظار.</li>"
                "<li>يشكرك على انتظارك حين يعود إليك.</li>"
                "<li>إن طالت المدة فمن حقك أن تطلب اتصالًا لاحقًا بدل الانتظار.</li></ul>"
            ),
        },
        "en": {
            "title": "Why was I put on hold during my call?",
            "summary": (
                "To check a fact or look at your transaction; the agent must ask your permission and tell you how "
                "long it should take."
            ),
            "tags": ["hold", "call", "contact centre", "waiting"],
            "answer": (
                "<p>Agents usually put you on hold to check a fact rather than give you an inaccurate answer, or to "
                "look at your transaction in the system.</p>"
                "<ul><li>They must <strong>ask your permission first</strong> and tell you roughly how long the wait "
                "will be.</li>"
                "<li>They thank you for waiting when they come back.</li>"
                "<li>If it takes long, you may ask for a call back instead of waiting.</li></ul>"
            ),
        },
    },
    {
        "slug": "why-was-my-call-transferred",
        "owner_team": "contact_centre",
        "topic": "channels",
        "agency": "municipal-services",
        "channels": ["phone"],
        "related": [("procedure", "transfer-phone-call")],
        "ar": {
            "title": "لماذا حُوّلت مكالمتي إلى موظف آخر، وماذا لو لم يرد؟",
            "summary": "تُحوَّل المكالمة إلى الموظف المختص بعد شرح السبب وأخذ إذنك، وإن لم يرد تعود إلى الموظف الأول.",
            "tags": ["تحويل المكالمة", "مكالمة", "مركز الاتصال", "موظف مختص"],
            "answer": (
                "<p>يحوّلك الموظف حين يكون طلبك من اختصاص زميل آخر أقدر على حله. وقبل التحويل عليه أن:</p>"
                "<ol><li>يشرح لك سبب التحويل، ويذكر اسم الموظف الذي سيتحدث معك.</li>"
                "<li>يطلب إذنك بالتحويل.</li>"
                "<li>يُطلع زميله على اسمك وموضوع طلبك، حتى لا تضطر إلى إعادة شرحه.</li></ol>"
                "<p>وإذا لم يرد الموظف الآخر تعود المكالمة إلى الموظف الأول، فيكمل معك أو يرتب اتصالًا لاحقًا.</p>"
            ),
        },
        "en": {
            "title": "Why was my call transferred, and what if nobody answers?",
            "summary": (
                "Calls are transferred to the right specialist after the reason is explained and you agree; if "
                "nobody answers, the call returns to the first agent."
            ),
            "tags": ["call transfer", "call", "contact centre", "specialist"],
            "answer": (
                "<p>The agent transfers you when your request belongs to a colleague better placed to solve it. "
                "Before transferring, they must:</p>"
                "<ol><li>Explain why, and give the name of the employee you will speak to.</li>"
                "<li>Ask your permission to transfer.</li>"
                "<li>Brief the colleague on your name and request, so you do not have to explain it again.</li></ol>"
                "<p>If the other employee does not answer, the call comes back to the first agent, who continues "
                "with you or arranges a call back.</p>"
            ),
        },
    },
    {
        "slug": "centre-opening-hours",
        "owner_team": "centres",
        "topic": "channels",
        "channels": ["centre", "phone", "email", "chat"],
        "related": [CHARTER],
        "ar": {
            "title": "متى تفتح مراكز الخدمة، وهل أستطيع التواصل خارج أوقات الدوام؟",
            "summary": "أوقات كل مركز منشورة في صفحة الجهة، وتبقى القنوات الإلكترونية متاحة لتلقي طلباتك في أي وقت.",
            "tags": ["أوقات الدوام", "ساعات العمل", "مراكز الخدمة", "قنوات التواصل"],
            "answer": (
                "<p>تتعهد الجهات بتقديم خدماتها في أوقات مناسبة للعملاء، وتنشر أوقات عمل كل مركز "
                "ومركز الاتصال في صفحتها وفي صفحة حجز المواعيد. ويحضر الموظفون قبل افتتاح المركز "
                "بربع ساعة لتبدأ الخدمة في موعدها.</p>"
                "<p>خارج أوقات الدوام يمكنك إرسال بريد إلكتروني أو تقديم شكوى عبر «تواصل» أو حجز موعد إلكترونيًا، "
                "وتُحتسب مدة الرد من أول يوم عمل.</p>"
            ),
        },
        "en": {
            "title": "When are service centres open, and can I get in touch outside working hours?",
            "summary": (
                "Each centre's hours are published on the agency's page, and the online channels take your requests "
                "at any time."
            ),
            "tags": ["opening hours", "working hours", "service centres", "contact channels"],
            "answer": (
                "<p>Agencies undertake to serve customers at convenient times, and publish the hours of each centre "
                "and of the contact centre on their page and on the appointment-booking page. Staff arrive a quarter "
                "of an hour before opening so that service starts on time.</p>"
                "<p>Outside working hours you can send an email, complain through Tawasul or book an appointment "
                "online; the reply time counts from the first working day.</p>"
            ),
        },
    },
    {
        "slug": "writing-an-email-to-an-agency",
        "owner_team": "digital",
        "topic": "channels",
        "agency": "social-insurance",
        "channels": ["email"],
        "ar": {
            "title": "ماذا أكتب في رسالتي الإلكترونية ليصلني رد كامل؟",
            "summary": "عنوان واضح، ورقم المعاملة، وسؤالك بدقة، وطريقة التواصل المفضلة لديك، دون بيانات سرية.",
            "tags": ["البريد الإلكتروني", "رسالة", "رسائل", "مراسلة الجهة"],
            "answer": (
                "<ul><li>اكتب عنوانًا يصف موضوع الرسالة، مثل «استفسار عن تحديث الحساب المصرفي».</li>"
                "<li>اذكر اسمك الكامل ورقم المعاملة أو الملف إن وُجد.</li>"
                "<li>اطرح أسئلتك بوضوح، ويُفضَّل ترقيمها ليجيب الموظف عنها جميعًا.</li>"
                "<li>أرفق ما يلزم من وثائق، وتجنب إرسال كلمات المرور أو أرقام البطاقات المصرفية.</li>"
                "<li>اذكر إن كنت تفضّل الرد هاتفيًا.</li></ul>"
            ),
        },
        "en": {
            "title": "What should I write in my email to get a complete reply?",
            "summary": (
                "A clear subject, your transaction number, your precise question and your preferred contact method, "
                "without confidential data."
            ),
            "tags": ["email", "message", "messages", "writing to the agency"],
            "answer": (
                "<ul><li>Write a subject line that describes the matter, such as “Question about updating my bank "
                "account”.</li>"
                "<li>Give your full name and the transaction or file number, if any.</li>"
                "<li>Ask your questions clearly, ideally numbered, so the employee answers them all.</li>"
                "<li>Attach the documents needed, and never send passwords or bank card numbers.</li>"
                "<li>Say if you would prefer a reply by phone.</li></ul>"
            ),
        },
    },
    # --- staff practice (staff only) ----------------------------------------------------------------------
    {
        "slug": "staff-when-i-do-not-know-the-answer",
        "owner_team": "knowledge",
        "topic": "staff-practice",
        "channels": ["centre", "phone", "chat"],
        "audience": "staff",
        "ar": {
            "title": "ماذا أقول للعميل حين لا أعرف الإجابة؟",
            "summary": "قل بصراحة إنك ستتحقق من المعلومة، ولا تخمّن أبدًا؛ فالمعلومة الخاطئة أسوأ من الانتظار القصير.",
            "tags": ["ممارسات الموظفين", "الإجابة عن الاستفسارات", "دقة المعلومات", "مقدم الخدمة"],
            "answer": (
                "<p>أخبر العميل بأدب أنك تحتاج إلى التأكد من المعلومة قبل أن تجيبه، مثلًا: "
                "«أريد أن أتأكد لك من هذه النقطة حتى أعطيك معلومة دقيقة».</p>"
                "<ul><li>في الهاتف: استأذنه في الانتظار وأخبره بالمدة، أو اعرض أن تعاود الاتصال به.</li>"
                "<li>راجع دليل الإجراءات أو الأسئلة الشائعة، أو اسأل المشرف أو الزميل المختص.</li>"
                "<li>إن احتاج الأمر وقتًا أطول فسجّل الطلب وأخبره متى سيصله الرد وكيف.</li></ul>"
                "<p>لا تخمّن ولا ترتجل إجابة؛ فالمعلومة غير الدقيقة قد تكلّف العميل زيارة أخرى.</p>"
            ),
        },
        "en": {
            "title": "What do I say to a customer when I do not know the answer?",
            "summary": (
                "Say honestly that you will check, and never guess: wrong information is worse than a short wait."
            ),
            "tags": ["staff practice", "answering enquiries", "accurate information", "service provider"],
            "answer": (
                "<p>Tell the customer politely that you need to check before you answer, for example: “I would like "
                "to confirm this point for you so that I give you accurate information.”</p>"
                "<ul><li>On the phone: ask permission to put them on hold and say for how long, or offer to call "
                "back.</li>"
                "<li>Check the procedure guide or the FAQs, or ask your supervisor or the specialist colleague.</li>"
                "<li>If it will take longer, record the request and tell them when and how the answer will "
                "reach them.</li></ul>"
                "<p>Do not guess or improvise; inaccurate information can cost the customer another visit.</p>"
            ),
        },
    },
    {
        "slug": "staff-customer-insults-me",
        "owner_team": "hr",
        "topic": "staff-practice",
        "channels": ["centre", "phone", "video", "chat"],
        "audience": "staff",
        "ar": {
            "title": "ماذا أفعل إذا أساء إليّ مراجع لفظيًا؟",
            "summary": "حافظ على هدوئك ولا ترد الإساءة، ثم أبلغ مسؤولك المباشر بما حدث.",
            "tags": ["الإساءة اللفظية", "ممارسات الموظفين", "المسؤول المباشر", "مراجع غاضب"],
            "answer": (
                "<ol><li>حافظ على هدوئك ونبرة صوتك المتزنة، ولا تأخذ الإساءة على محمل شخصي ولا تردّها.</li>"
                "<li>حاول امتصاص الغضب بالإصغاء، ووجّه الحديث إلى ما يمكن فعله لحل مشكلته.</li>"
                "<li>إن استمرت الإساءة فاطلب بلطف الاستعانة بزميل أو بالمشرف.</li>"
                "<li>أبلغ <strong>مسؤولك المباشر</strong> بما حدث في اليوم نفسه، "
                "مع الوقت ورقم المعاملة أو المكالمة.</li></ol>"
                "<p>الإبلاغ ليس شكوى على العميل بقدر ما هو حماية لك ولزملائك، وهو ما توجّه به إرشادات "
                "خدمة العملاء الموحدة.</p>"
            ),
        },
        "en": {
            "title": "What do I do if a customer is verbally abusive to me?",
            "summary": "Stay calm and do not respond in kind, then report what happened to your direct supervisor.",
            "tags": ["verbal abuse", "staff practice", "direct supervisor", "angry customer"],
            "answer": (
                "<ol><li>Keep calm and keep your tone even; do not take the abuse personally or return it.</li>"
                "<li>Try to absorb the anger by listening, and steer the conversation to what can be done about the "
                "problem.</li>"
                "<li>If the abuse continues, politely call in a colleague or the supervisor.</li>"
                "<li>Report what happened to your <strong>direct supervisor</strong> the same day, with the time and "
                "the transaction or call number.</li></ol>"
                "<p>Reporting is less a complaint about the customer than protection for you and your colleagues, as "
                "the unified customer-service guidelines direct.</p>"
            ),
        },
    },
    {
        "slug": "staff-handling-an-angry-customer",
        "owner_team": "quality",
        "topic": "staff-practice",
        "channels": ["centre", "phone", "video"],
        "audience": "staff",
        "related": [("procedure", "escalate-complaint")],
        "ar": {
            "title": "كيف أتعامل مع عميل غاضب يشتكي؟",
            "summary": "اتبع طريقة LAST: الاستماع، ثم الاعتذار، ثم الحل، ثم الشكر.",
            "tags": ["عميل غاضب", "LAST", "شكوى", "ممارسات الموظفين"],
            "answer": (
                "<ol><li><strong>الاستماع:</strong> دع العميل يكمل حديثه دون مقاطعة، وأظهر اهتمامًا صادقًا، "
                "ثم اسأل عمّا لم يتضح.</li>"
                "<li><strong>الاعتذار:</strong> اعتذر عن الإزعاج الذي مرّ به، حتى لو لم يثبت الخطأ بعد، "
                "واجعل الرفض آخر خياراتك.</li>"
                "<li><strong>الحل:</strong> ركّز على ما يمكن فعله، وأشرك العميل في اختيار الحل، "
                "وصعّد الحالة إن تجاوزت صلاحياتك.</li>"
                "<li><strong>الشكر:</strong> اشكره على إبلاغك، فأغلب العملاء غير الراضين لا يتكلمون.</li></ol>"
                "<p>ولا تلقِ اللوم على العميل ولا تأخذ غضبه بصفة شخصية.</p>"
            ),
        },
        "en": {
            "title": "How do I handle an angry customer who is complaining?",
            "summary": "Follow the LAST method: Listen, Apologise, Solve, Thank.",
            "tags": ["angry customer", "LAST", "complaint", "staff practice"],
            "answer": (
                "<ol><li><strong>Listen:</strong> let the customer finish without interrupting, show genuine "
                "interest, then ask about anything unclear.</li>"
                "<li><strong>Apologise:</strong> apologise for the trouble they have had, even before any fault is "
                "established, and make “no” your last option.</li>"
                "<li><strong>Solve:</strong> focus on what can be done, involve the customer in choosing the "
                "solution, and escalate if it is beyond your authority.</li>"
                "<li><strong>Thank:</strong> thank them for telling you, since most unhappy customers never "
                "speak up.</li></ol>"
                "<p>Never blame the customer, and do not take their anger personally.</p>"
            ),
        },
    },
    {
        "slug": "staff-owning-a-mistake",
        "owner_team": "quality",
        "topic": "staff-practice",
        "channels": ["centre", "phone", "email"],
        "audience": "staff",
        "related": [CHARTER],
        "ar": {
            "title": "أخطأ زميل في معاملة عميل، فماذا أقول له؟",
            "summary": "تحمّل المسؤولية باسم الجهة واعتذر وابدأ بالإصلاح، دون أن تلوم زميلك أو الإجراءات.",
            "tags": ["تحمل المسؤولية", "الأخطاء", "ممارسات الموظفين", "العمل بروح الفريق"],
            "answer": (
                "<p>في نظر العميل أنت الجهة كلها؛ لذلك تحمّل مسؤولية الخطأ وأظهر رغبتك في إصلاحه، "
                "وابتعد عن عبارات مثل «هذا ليس خطئي» أو «النظام هكذا».</p>"
                "<ul><li>اعتذر بوضوح، واشرح ما ستفعله الآن لتصحيح المعاملة ومتى تكتمل.</li>"
                "<li>أصلح ما تستطيع بنفسك، وأحِل الباقي إلى المختص مع ملخص كامل.</li>"
                "<li>أبلغ زميلك أو المشرف لاحقًا، بعيدًا عن العميل، ليُعالج سبب الخطأ.</li></ul>"
            ),
        },
        "en": {
            "title": "A colleague made a mistake on a customer's transaction. What do I tell the customer?",
            "summary": (
                "Take responsibility on behalf of the agency, apologise and start putting it right, without blaming "
                "your colleague or the procedures."
            ),
            "tags": ["taking responsibility", "mistakes", "staff practice", "teamwork"],
            "answer": (
                "<p>To the customer you are the whole agency, so take responsibility for the mistake and show you "
                "want to fix it; avoid phrases like “that was not me” or “the system is like that”.</p>"
                "<ul><li>Apologise clearly, and explain what you will do now to correct the transaction and when it "
                "will be complete.</li>"
                "<li>Fix what you can yourself, and pass the rest to the specialist with a full summary.</li>"
                "<li>Tell your colleague or supervisor afterwards, away from the customer, so the cause can be "
                "dealt with.</li></ul>"
            ),
        },
    },
    {
        "slug": "staff-email-reply-format",
        "owner_team": "digital",
        "topic": "staff-practice",
        "channels": ["email"],
        "audience": "staff",
        "related": [("procedure", "hand-over-email-thread")],
        "ar": {
            "title": "كيف أكتب الرد على رسالة عميل بالبريد الإلكتروني؟",
            "summary": "عنوان واضح، وتحية بلقب العميل واسمه، ونص يجيب عن كل سؤال، وتوقيع كامل، مع إشراك زميل.",
            "tags": ["البريد الإلكتروني", "كتابة الرسائل", "ممارسات الموظفين", "رسائل"],
            "answer": (
                "<ol><li><strong>العنوان:</strong> محدد ومتصل بموضوع الطلب.</li>"
                "<li><strong>التحية:</strong> «السيد/السيدة» ثم اسم العميل ثم «المحترم/ة»، أو «عميلنا العزيز»، "
                "ثم السلام وشكره على التواصل.</li>"
                "<li><strong>النص:</strong> واضح ومختصر ويجيب عن جميع الأسئلة؛ وإن كان جزء منه من اختصاص غيرك "
                "فأرسله إلى الموظف المختص.</li>"
                "<li><strong>التوقيع:</strong> تحية ختامية واسمك ومسمّاك الوظيفي وإدارتك وأرقام التواصل.</li></ol>"
                "<p>اكتب بلغة رسمية خالية من الأخطاء ومن العامية، وأشرك أحد أعضاء فريقك في النسخة، "
                "ولا تناقش المعلومات السرية بالبريد. والرد ضمن مستوى الخدمة للجهة، أو خلال 24 ساعة إن لم يُحدد.</p>"
            ),
        },
        "en": {
            "title": "How do I write a reply to a customer's email?",
            "summary": (
                "A clear subject, a greeting with the customer's title and name, a body that answers every question, "
                "a full signature, and a colleague in copy."
            ),
            "tags": ["email", "writing messages", "staff practice", "messages"],
            "answer": (
                "<ol><li><strong>Subject:</strong> specific and tied to the request.</li>"
                "<li><strong>Greeting:</strong> “Mr/Ms” and the customer's name with the Arabic courtesy "
                "“al-Muhtaram/a”, or “Dear customer”, then a greeting and thanks for getting in touch.</li>"
                "<li><strong>Body:</strong> clear, concise and answering every question; if part of it belongs to "
                "someone else, send it to the specialist employee.</li>"
                "<li><strong>Signature:</strong> a closing greeting with your name, job title, department and "
                "contact numbers.</li></ol>"
                "<p>Write in formal language free of errors and slang, copy a member of your team, and never discuss "
                "confidential information by email. Reply within the agency's service level, or within 24 hours if "
                "none is set.</p>"
            ),
        },
    },
    {
        "slug": "staff-how-am-i-evaluated",
        "owner_team": "hr",
        "topic": "staff-practice",
        "channels": ALL_CHANNELS,
        "audience": "staff",
        "related": [("procedure", "record-satisfaction-survey"), CHARTER],
        "ar": {
            "title": "كيف يُقيَّم أدائي بصفتي موظفًا في خدمة العملاء؟",
            "summary": (
                "تقييم 360 درجة من العملاء والمشرف والزملاء والمرؤوسين والتقييم الذاتي، "
                "بمقاييس مرتبطة بالوثيقة الموحدة."
            ),
            "tags": ["تقييم الأداء", "تقييم 360", "نموذج القدرات", "ممارسات الموظفين"],
            "answer": (
                "<p>يقوم التقييم على مبدأ أن الأداء يراه أكثر من طرف، لذلك تُجمع آراء:</p>"
                "<ul><li>العملاء، من خلال استبيانات الرضا بعد الخدمة.</li>"
                "<li>المشرف المباشر.</li><li>الزملاء.</li><li>المرؤوسين إن وُجدوا.</li>"
                "<li>تقييمك الذاتي.</li></ul>"
                "<p>تُبنى الأسئلة على نموذج القدرات (التعاطف والاهتمام والرعاية والشراكة والثقة، "
                "ثم القدرات التخصصية) وعلى التزامات الوثيقة الموحدة. والهدف اكتشاف فرص التطوير، "
                "وربط الحوافز والترقيات بأسس موضوعية، ويرتبط تقييمك السنوي برضا المتعاملين عنك.</p>"
            ),
        },
        "en": {
            "title": "How is my performance as a customer-service employee evaluated?",
            "summary": (
                "A 360-degree evaluation by customers, supervisor, peers, subordinates and yourself, with measures "
                "linked to the unified charter."
            ),
            "tags": ["performance evaluation", "360 evaluation", "capability model", "staff practice"],
            "answer": (
                "<p>The evaluation rests on the idea that performance is seen by more than one party, so views are "
                "gathered from:</p>"
                "<ul><li>Customers, through satisfaction surveys after service.</li>"
                "<li>Your direct supervisor.</li><li>Your peers.</li><li>Your subordinates, if any.</li>"
                "<li>Your own self-assessment.</li></ul>"
                "<p>The questions are built on the capability model (empathy, attention, care, partnership and "
                "trust, then the specialist capabilities) and on the unified charter's commitments. The aim is to "
                "find development opportunities and base incentives and promotions on objective grounds, and your "
                "annual evaluation is linked to customers' satisfaction with you.</p>"
            ),
        },
    },
    {
        "slug": "staff-before-the-centre-opens",
        "owner_team": "centres",
        "topic": "staff-practice",
        "channels": ["centre"],
        "audience": "staff",
        "ar": {
            "title": "ما الذي عليّ فعله قبل افتتاح مركز الخدمة؟",
            "summary": "احضر قبل الافتتاح بربع ساعة، وشغّل الأنظمة، وتأكد من مظهرك وبطاقتك التعريفية ونظافة مكتبك.",
            "tags": ["قبل الخدمة", "مراكز الخدمة", "ممارسات الموظفين", "الزي الرسمي"],
            "answer": (
                "<ul><li>احضر قبل موعد تقديم الخدمة بـ15 دقيقة، لتكون في مكانك قبل وصول أول مراجع.</li>"
                "<li>افتح الأنظمة الإلكترونية وتأكد من عملها قبل الافتتاح.</li>"
                "<li>التزم بالزي الرسمي، وضع بطاقتك التعريفية التي تُظهر اسمك ومسمّاك بالعربية والإنجليزية.</li>"
                "<li>رتّب مكتبك ونظّفه، وضع إشارة واضحة على أي مكتب لن يكون عليه موظف.</li>"
                "<li>أبقِ هاتفك الشخصي بعيدًا، وخذ فترات الراحة خارج مساحات الخدمة.</li></ul>"
            ),
        },
        "en": {
            "title": "What must I do before the service centre opens?",
            "summary": (
                "Arrive a quarter of an hour early, start the systems, and check your appearance, name badge and desk."
            ),
            "tags": ["before service", "service centres", "staff practice", "uniform"],
            "answer": (
                "<ul><li>Arrive 15 minutes before service starts, so you are in place before the first "
                "customer.</li>"
                "<li>Open the electronic systems and make sure they work before opening.</li>"
                "<li>Wear the official uniform and your name badge showing your name and title in Arabic and "
                "English.</li>"
                "<li>Tidy and clean your desk, and clearly mark any desk that will be unstaffed.</li>"
                "<li>Keep your personal phone away, and take breaks outside the service areas.</li></ul>"
            ),
        },
    },
]
