"""News and announcements for 2026: the charter, training, the award and the 360 evaluation cycle."""

from __future__ import annotations

import datetime

ANNOUNCEMENTS: list[dict[str, object]] = [
    {
        "slug": "unified-charter-on-the-portal",
        "date": datetime.date(2026, 1, 18),
        "owner_team": "communications",
        "channels": [],
        "ar": {
            "title": "الوثيقة الموحدة لخدمة العملاء متاحة الآن على بوابة تميّز",
            "summary": (
                "نُشرت الوثيقة الموحدة لخدمة العملاء على البوابة بالعربية والإنجليزية، لتكون المرجع المشترك لكل "
                "الجهات المشاركة في تعاملها مع المراجعين عبر جميع القنوات."
            ),
            "tags": ["الوثيقة", "إطلاق", "حقوق العملاء", "واجبات العملاء"],
            "body": (
                "<p>يسرّ إدارة الاتصال المؤسسي أن تعلن نشر <b>الوثيقة الموحدة لخدمة العملاء</b> على بوابة تميّز، "
                "باللغتين العربية والإنجليزية. تجمع الوثيقة في صفحة واحدة ما تلتزم به الجهات تجاه كل مراجع، وما "
                "ترجوه منه في المقابل.</p><p>تتضمن الوثيقة:</p><ul><li>الغاية منها: تعزيز ثقة المتعاملين ورضاهم، "
                "وتعريفهم بحقوقهم وواجباتهم، والتطوير المستمر للخدمات.</li><li>أربع قيم لموظفينا، وعشرة التزامات "
                "تجاه المراجعين، منها الأولوية لكبار السن والأشخاص ذوي الإعاقة وحماية خصوصية "
                "البيانات.</li><li>ثمانية أمور نرجوها من المراجعين، كتقديم البيانات الصحيحة وإحضار الوثائق "
                "المطلوبة.</li><li>أربع قيم نعالج بها الشكاوى: المصداقية والمسؤولية والكفاءة "
                "والابتكار.</li></ul><p>نرجو من جميع موظفي الخدمة قراءة الوثيقة، ومن مديري المراكز عرضها في أماكن "
                "بارزة. وستُبنى عليها أهداف الأداء ومقاييسه في دورات التقييم القادمة.</p>"
            ),
        },
        "en": {
            "title": "The unified customer-service charter is now on the Tamayuz portal",
            "summary": (
                "The unified customer-service charter has been published on the portal in Arabic and English, as the "
                "shared reference for every participating agency in dealing with customers on every channel."
            ),
            "tags": ["charter", "launch", "customer rights", "customer duties"],
            "body": (
                "<p>The Corporate Communications Department is pleased to announce that the <b>unified "
                "customer-service charter</b> is now published on the Tamayuz portal in Arabic and English. It "
                "brings together, on one page, what agencies commit to for every customer and what they ask of "
                "customers in return.</p><p>The charter covers:</p><ul><li>Its purpose: building customers' trust "
                "and satisfaction, telling them their rights and duties, and continuously improving "
                "services.</li><li>Four values of our staff, and ten commitments to customers, including priority "
                "for older people and people with disabilities and the privacy of their data.</li><li>Eight things "
                "we ask of customers, such as giving correct information and bringing the required "
                "documents.</li><li>Four values for handling complaints: credibility, responsibility, efficiency and "
                "innovation.</li></ul><p>All service staff are asked to read the charter, and centre managers to "
                "display it prominently. Performance goals and measures in the coming evaluation cycles will be "
                "built on it.</p>"
            ),
        },
    },
    {
        "slug": "customer-service-excellence-course-2026",
        "date": datetime.date(2026, 2, 15),
        "owner_team": "communications",
        "channels": ["centre", "phone"],
        "ar": {
            "title": "فتح التسجيل في دورة «التميز في خدمة العملاء» (4 أيام، 20 ساعة)",
            "summary": (
                "دورة تدريبية لموظفي مراكز الخدمة ومراكز الاتصال، من 15 إلى 18 مارس 2026، تتناول أنماط العملاء "
                "والشكاوى وجودة الخدمة ومهارات التواصل. التسجيل عبر إدارة الموارد البشرية حتى 5 مارس."
            ),
            "tags": ["التدريب", "دورة تدريبية", "التميز في خدمة العملاء", "أنماط العملاء"],
            "body": (
                "<p>تعلن إدارة الاتصال المؤسسي، بالتعاون مع إدارة الموارد البشرية، فتح باب التسجيل في دورة "
                "<b>«التميز في خدمة العملاء»</b> لموظفي الخط الأمامي في مراكز الخدمة ومراكز "
                "الاتصال.</p><p><b>المدة:</b> أربعة أيام بواقع 20 ساعة تدريبية، من الأحد 15 مارس إلى الأربعاء 18 "
                "مارس 2026. يتضمن كل يوم جلستين مدة كل منهما 150 دقيقة، تفصل بينهما استراحة قصيرة.</p><p><b>الوحدات "
                "التدريبية:</b></p><ol><li>التعامل مع الأنماط المختلفة من العملاء، وإدارة الشكاوى.</li><li>التميز في "
                "إرضاء المستفيدين: تطوير الخدمات، وجودة الخدمة وتوقعات المراجعين.</li><li>إدارة العنصر البشري في "
                "خدمة العملاء: التحفيز والتقييم العادل.</li><li>مهارات التواصل السلوكية، وخدمة المستفيدين في القطاع "
                "الحكومي.</li></ol><p>تعتمد الدورة على التطبيق العملي، وتتضمن عشرة أنشطة جماعية وفردية. يُرجى التسجيل "
                "عبر إدارة الموارد البشرية في جهتك قبل 5 مارس 2026، علمًا بأن المقاعد محدودة.</p>"
            ),
        },
        "en": {
            "title": "Registration open: “Excellence in Customer Service” course (4 days, 20 hours)",
            "summary": (
                "A training course for service-centre and contact-centre staff, 15 to 18 March 2026, covering "
                "customer types, complaints, service quality and communication skills. Register through Human "
                "Resources by 5 March."
            ),
            "tags": ["training", "training course", "customer service excellence", "customer types"],
            "body": (
                "<p>The Corporate Communications Department, together with the Human Resources Department, announces "
                "that registration is open for the <b>“Excellence in Customer Service”</b> course for front-line "
                "staff in service centres and contact centres.</p><p><b>Duration:</b> four days, 20 training hours, "
                "from Sunday 15 March to Wednesday 18 March 2026. Each day has two sessions of 150 minutes, with a "
                "short break between them.</p><p><b>Units:</b></p><ol><li>Dealing with different customer types, and "
                "managing complaints.</li><li>Excellence in satisfying beneficiaries: developing services, service "
                "quality and customer expectations.</li><li>Managing people in customer service: motivation and fair "
                "evaluation.</li><li>Behavioural communication skills, and serving beneficiaries in "
                "government.</li></ol><p>The course is hands-on and includes ten group and individual activities. "
                "Please register through your agency's Human Resources department before 5 March 2026; places are "
                "limited.</p>"
            ),
        },
    },
    {
        "slug": "customer-service-award-2026-nominations",
        "date": datetime.date(2026, 4, 12),
        "owner_team": "communications",
        "channels": [],
        "ar": {
            "title": "فتح باب الترشيح لجائزة التميز في خدمة العملاء بين الجهات الحكومية 2026",
            "summary": (
                "تنطلق الدورة الأولى من جائزة خدمة العملاء بفئتين: الموظف المتميز، والجهة الحكومية المتميزة. تُقبل "
                "الترشيحات عبر البوابة حتى 30 يونيو 2026."
            ),
            "tags": ["جائزة خدمة العملاء", "الترشيحات", "التميز", "الجهات الحكومية"],
            "body": (
                "<p>انطلاقًا من الحرص على إيجاد بيئة تنافسية إيجابية بين الجهات الحكومية الخدمية، يُفتح باب الترشيح "
                "للدورة الأولى من <b>جائزة التميز في خدمة العملاء</b>، بفئتين:</p><ul><li><b>الموظف المتميز في خدمة "
                "المراجعين:</b> يرشّحه مديره المباشر أو زملاؤه، ويُدعم الترشيح بنتائج تقييم 360 درجة وبملاحظات "
                "المراجعين.</li><li><b>الجهة الحكومية المتميزة:</b> تتقدّم بها الجهة نفسها، وتُقيَّم على مدى التزامها "
                "بالوثيقة الموحدة لخدمة العملاء، ونتائج استبيانات رضا المراجعين، وسرعة معالجة "
                "الشكاوى.</li></ul><p>تستند معايير التقييم إلى التزامات الوثيقة الموحدة ونموذج القدرات (التعاطف، "
                "والاهتمام، والرعاية، والشراكة، والثقة، والقدرات التخصصية). تُقدَّم الترشيحات عبر بوابة تميّز حتى <b>30 "
                "يونيو 2026</b>، ويُعلن الفائزون في الربع الأخير من العام.</p>"
            ),
        },
        "en": {
            "title": "Nominations open for the 2026 inter-agency Customer Service Excellence Award",
            "summary": (
                "The first Customer Service Award has two categories: distinguished employee and distinguished "
                "government agency. Nominations are accepted through the portal until 30 June 2026."
            ),
            "tags": ["customer-service award", "nominations", "excellence", "government agencies"],
            "body": (
                "<p>To build a healthy competitive spirit between government service agencies, nominations are now "
                "open for the first <b>Customer Service Excellence Award</b>, in two "
                "categories:</p><ul><li><b>Distinguished employee in customer service:</b> nominated by their direct "
                "manager or colleagues, with the nomination supported by 360° evaluation results and customers' "
                "comments.</li><li><b>Distinguished government agency:</b> submitted by the agency itself and "
                "assessed on its adherence to the unified customer-service charter, its customer-satisfaction survey "
                "results and how quickly it resolves complaints.</li></ul><p>The criteria rest on the unified "
                "charter's commitments and the capability model (empathy, attention, care, partnership, trust and "
                "the specialist capabilities). Nominations can be submitted through the Tamayuz portal until <b>30 "
                "June 2026</b>, and the winners will be announced in the last quarter of the year.</p>"
            ),
        },
    },
    {
        "slug": "digital-channel-etiquette-guides",
        "date": datetime.date(2026, 6, 7),
        "owner_team": "communications",
        "channels": ["email", "video", "chat"],
        "ar": {
            "title": "أدلة جديدة لإتيكيت القنوات الرقمية: البريد الإلكتروني والاتصال المرئي والدردشة الحية",
            "summary": (
                "نُشرت على البوابة ثلاثة أدلة عملية لموظفي القنوات الرقمية، من بينها قاعدة الرد على رسائل البريد "
                "الإلكتروني خلال مهلة اتفاقية مستوى الخدمة أو خلال 24 ساعة."
            ),
            "tags": ["الإتيكيت", "البريد الإلكتروني", "الاتصال المرئي", "الدردشة الحية", "القنوات الافتراضية"],
            "body": (
                "<p>مع تزايد عدد المراجعين الذين يفضّلون التواصل عن بعد، نشرت البوابة ثلاثة أدلة جديدة في قسم أدلة "
                "الإتيكيت:</p><ul><li><b>البريد الإلكتروني:</b> الرد خلال المهلة المحددة في اتفاقية مستوى الخدمة، أو "
                "خلال 24 ساعة إذا لم تحدد الجهة مهلة، مع بنية واضحة للرسالة من العنوان إلى "
                "التوقيع.</li><li><b>الاتصال المرئي:</b> موعد مسبق، واختبار للنظام، ومكان هادئ وخلفية رسمية، وعدم "
                "إنهاء الاتصال قبل المراجع.</li><li><b>الدردشة الحية:</b> ترحيب بالاسم، ورد سريع، وروابط مباشرة "
                "للخدمة المطلوبة، وختام رسمي.</li></ul><p>ندعو فرق القنوات الرقمية إلى مراجعة الأدلة وإرسال "
                "ملاحظاتهم إلى فريق إدارة المعرفة.</p>"
            ),
        },
        "en": {
            "title": "New etiquette guides for digital channels: email, video call and live chat",
            "summary": (
                "Three practical guides for digital-channel staff are now on the portal, including the rule to "
                "answer emails within the service-level agreement, or within 24 hours."
            ),
            "tags": ["etiquette", "email", "video call", "live chat", "virtual channels"],
            "body": (
                "<p>As more customers prefer to deal with us remotely, the portal has published three new guides in "
                "the etiquette section:</p><ul><li><b>Email:</b> reply within the deadline in the service-level "
                "agreement, or within 24 hours if the agency has set none, with a clear structure from subject line "
                "to signature.</li><li><b>Video call:</b> a prior appointment, a system test, a quiet place and a "
                "formal background, and never ending the call before the customer.</li><li><b>Live chat:</b> a "
                "greeting with your name, quick replies, direct links to the service needed, and a formal "
                "close.</li></ul><p>Digital-channel teams are invited to review the guides and send their comments "
                "to the Knowledge Management Team.</p>"
            ),
        },
    },
    {
        "slug": "360-evaluation-cycle-2026",
        "date": datetime.date(2026, 9, 13),
        "owner_team": "communications",
        "audience": "staff",
        "channels": [],
        "ar": {
            "title": "انطلاق دورة تقييم 360 درجة لموظفي الخدمة لعام 2026",
            "summary": (
                "تبدأ دورة التقييم في 20 سبتمبر وتستمر حتى 15 أكتوبر 2026. يشارك في تقييم كل موظف العملاء والرؤساء "
                "والزملاء والمرؤوسون، إضافة إلى تقييمه الذاتي."
            ),
            "tags": ["تقييم 360", "تقييم الأداء", "الموارد البشرية", "نموذج القدرات"],
            "body": (
                "<p>تُفتح دورة <b>تقييم 360 درجة</b> لموظفي الخدمة يوم الأحد 20 سبتمبر 2026، وتُغلق يوم الخميس 15 "
                "أكتوبر 2026.</p><p><b>من يقيّم؟</b> المراجعون الذين تعامل معهم الموظف، ورئيسه المباشر، وزملاؤه، "
                "ومرؤوسوه إن وُجدوا، إلى جانب تقييمه الذاتي.</p><p><b>على ماذا يقوم الاستبيان؟</b> على نموذج القدرات "
                "(التعاطف، والاهتمام، والرعاية، والشراكة، والثقة، والقدرات التخصصية) وعلى التزامات الوثيقة الموحدة "
                "لخدمة العملاء.</p><p>تُعامل الإجابات الفردية بسرية تامة، ولا تُعرض النتائج إلا مجمّعة. وتُستخدم النتائج "
                "لوضع خطط التطوير الفردية، ولدعم الترشيحات لجائزة التميز في خدمة العملاء. يُرجى من المشرفين التأكد من "
                "أن موظفيهم أكملوا التقييم الذاتي قبل الموعد النهائي.</p>"
            ),
        },
        "en": {
            "title": "The 2026 360° evaluation cycle for service staff begins",
            "summary": (
                "The evaluation cycle runs from 20 September to 15 October 2026. Each employee is rated by "
                "customers, supervisors, peers and subordinates, as well as by themselves."
            ),
            "tags": ["360 evaluation", "performance evaluation", "human resources", "capability model"],
            "body": (
                "<p>The <b>360° evaluation</b> cycle for service staff opens on Sunday 20 September 2026 and closes "
                "on Thursday 15 October 2026.</p><p><b>Who evaluates?</b> Customers the employee has served, their "
                "direct manager, their peers and their subordinates, if any, alongside their own "
                "self-assessment.</p><p><b>What is the questionnaire based on?</b> The capability model (empathy, "
                "attention, care, partnership, trust and the specialist capabilities) and the commitments of the "
                "unified customer-service charter.</p><p>Individual answers are treated in strict confidence, and "
                "results are only shown in aggregate. They are used to draw up individual development plans and to "
                "support nominations for the Customer Service Excellence Award. Supervisors are asked to make sure "
                "their staff complete the self-assessment before the deadline.</p>"
            ),
        },
    },
]
