"""Version 1 of the competency framework: the capability model of the unified
customer-service guide (chapter 3), ten competencies with two behavioural statements each,
worded for the employee ("I …") and for the other raters ("He/She …"), in the project's
own words."""

from django.db import migrations

# (code, name_ar, name_en, [(item_code, self_ar, self_en, others_ar, others_en), ...])
CAPABILITY_MODEL = [
    (
        "empathy",
        "التعاطف",
        "Empathy",
        [
            (
                "empathy-1",
                "أضع نفسي مكان العميل وأتابع طلبه حتى يكتمل.",
                "I put myself in the customer's place and follow their request through to the end.",
                "يضع نفسه مكان العميل ويتابع طلبه حتى يكتمل.",
                "He/She puts themselves in the customer's place and follows the request through to the end.",
            ),
            (
                "empathy-2",
                "أُظهر للعميل أنني أفهم مشاعره وظروفه قبل أن أعرض الحل.",
                "I show customers that I understand how they feel and what they face before offering a solution.",
                "يُظهر للعميل أنه يفهم مشاعره وظروفه قبل أن يعرض الحل.",
                "He/She shows customers that he/she understands their feelings and situation before offering a solution.",
            ),
        ],
    ),
    (
        "attention",
        "الاهتمام",
        "Attention",
        [
            (
                "attention-1",
                "أمنح العميل انتباهي الكامل طوال الخدمة دون انشغال بأمور أخرى.",
                "I give the customer my full attention throughout the service, without distractions.",
                "يمنح العميل انتباهه الكامل طوال الخدمة دون انشغال بأمور أخرى.",
                "He/She gives the customer full attention throughout the service, without distractions.",
            ),
            (
                "attention-2",
                "أحرص على أن تكون بيئة الخدمة مريحة ومرحّبة بالعميل.",
                "I make sure the service setting is comfortable and welcoming for the customer.",
                "يحرص على أن تكون بيئة الخدمة مريحة ومرحّبة بالعميل.",
                "He/She makes sure the service setting is comfortable and welcoming for the customer.",
            ),
        ],
    ),
    (
        "care",
        "الرعاية",
        "Care",
        [
            (
                "care-1",
                "أتواصل مع العميل بعد إنجاز الخدمة لأتأكد من أن حاجته قُضيت.",
                "I contact the customer after the service is done to confirm their need was met.",
                "يتواصل مع العميل بعد إنجاز الخدمة ليتأكد من أن حاجته قُضيت.",
                "He/She contacts the customer after the service is done to confirm the need was met.",
            ),
            (
                "care-2",
                "أبذل جهدًا إضافيًا ليخرج العميل بتجربة تفوق توقعاته.",
                "I make an extra effort so the customer leaves with an experience beyond what they expected.",
                "يبذل جهدًا إضافيًا ليخرج العميل بتجربة تفوق توقعاته.",
                "He/She makes an extra effort so the customer leaves with an experience beyond expectations.",
            ),
        ],
    ),
    (
        "partnership",
        "الشراكة",
        "Partnership",
        [
            (
                "partnership-1",
                "أطلب آراء العملاء وأنقلها إلى من يطوّر الخدمات.",
                "I ask customers for their views and pass them on to those who improve our services.",
                "يطلب آراء العملاء وينقلها إلى من يطوّر الخدمات.",
                "He/She asks customers for their views and passes them on to those who improve our services.",
            ),
            (
                "partnership-2",
                "أُشرك العميل في اختيار الحل الأنسب له.",
                "I involve the customer in choosing the solution that suits them best.",
                "يُشرك العميل في اختيار الحل الأنسب له.",
                "He/She involves the customer in choosing the solution that suits them best.",
            ),
        ],
    ),
    (
        "trust",
        "الثقة",
        "Trust",
        [
            (
                "trust-1",
                "أفي بما أعد به العميل وأخبره بصدق بما يمكن وما لا يمكن.",
                "I keep my promises to customers and tell them honestly what can and cannot be done.",
                "يفي بما يعد به العميل ويخبره بصدق بما يمكن وما لا يمكن.",
                "He/She keeps promises to customers and tells them honestly what can and cannot be done.",
            ),
            (
                "trust-2",
                "أحافظ على سرية بيانات العميل وخصوصيته.",
                "I protect the confidentiality and privacy of customers' data.",
                "يحافظ على سرية بيانات العميل وخصوصيته.",
                "He/She protects the confidentiality and privacy of customers' data.",
            ),
        ],
    ),
    (
        "professional-communication",
        "التواصل باحترافية",
        "Professional communication",
        [
            (
                "professional-communication-1",
                "أشرح خطوات الخدمة ومتطلباتها بلغة واضحة ومهذبة.",
                "I explain the steps and requirements of a service in clear, courteous language.",
                "يشرح خطوات الخدمة ومتطلباتها بلغة واضحة ومهذبة.",
                "He/She explains the steps and requirements of a service in clear, courteous language.",
            ),
            (
                "professional-communication-2",
                "أستمع إلى العميل دون مقاطعة وألخّص ما اتفقنا عليه قبل الختام.",
                "I listen to the customer without interrupting and sum up what we agreed before closing.",
                "يستمع إلى العميل دون مقاطعة ويلخّص ما اتُّفق عليه قبل الختام.",
                "He/She listens to the customer without interrupting and sums up what was agreed before closing.",
            ),
        ],
    ),
    (
        "flexibility-adaptation",
        "المرونة والتكيف",
        "Flexibility and adaptation",
        [
            (
                "flexibility-adaptation-1",
                "أتكيّف بسرعة مع الإجراءات والأنظمة الجديدة.",
                "I adapt quickly to new procedures and systems.",
                "يتكيّف بسرعة مع الإجراءات والأنظمة الجديدة.",
                "He/She adapts quickly to new procedures and systems.",
            ),
            (
                "flexibility-adaptation-2",
                "أغيّر أسلوبي بما يناسب كل عميل وكل موقف.",
                "I change my approach to suit each customer and each situation.",
                "يغيّر أسلوبه بما يناسب كل عميل وكل موقف.",
                "He/She changes his/her approach to suit each customer and each situation.",
            ),
        ],
    ),
    (
        "positive-influence",
        "التأثير الإيجابي",
        "Positive influence",
        [
            (
                "positive-influence-1",
                "أحافظ على هدوئي وإيجابيتي حتى مع العملاء الغاضبين.",
                "I stay calm and positive, even with angry customers.",
                "يحافظ على هدوئه وإيجابيته حتى مع العملاء الغاضبين.",
                "He/She stays calm and positive, even with angry customers.",
            ),
            (
                "positive-influence-2",
                "أعكس بسلوكي صورة طيبة عن الخدمة الحكومية وأشجّع زملائي على ذلك.",
                "My conduct gives a good image of government service, and I encourage colleagues to do the same.",
                "يعكس بسلوكه صورة طيبة عن الخدمة الحكومية ويشجّع زملاءه على ذلك.",
                "His/Her conduct gives a good image of government service, and he/she encourages colleagues to do the same.",
            ),
        ],
    ),
    (
        "innovative-initiatives",
        "المبادرات المبتكرة",
        "Innovative initiatives",
        [
            (
                "innovative-initiatives-1",
                "أقترح أفكارًا عملية لتحسين الخدمة أو تسريعها.",
                "I suggest practical ideas to improve or speed up the service.",
                "يقترح أفكارًا عملية لتحسين الخدمة أو تسريعها.",
                "He/She suggests practical ideas to improve or speed up the service.",
            ),
            (
                "innovative-initiatives-2",
                "أبادر بحل المشكلات المتكررة دون انتظار توجيه.",
                "I take the initiative to fix recurring problems without waiting to be told.",
                "يبادر بحل المشكلات المتكررة دون انتظار توجيه.",
                "He/She takes the initiative to fix recurring problems without waiting to be told.",
            ),
        ],
    ),
    (
        "justice-inclusiveness",
        "العدالة والشمولية",
        "Justice and inclusiveness",
        [
            (
                "justice-inclusiveness-1",
                "أعامل جميع العملاء بالمساواة دون تمييز.",
                "I treat all customers equally, without discrimination.",
                "يعامل جميع العملاء بالمساواة دون تمييز.",
                "He/She treats all customers equally, without discrimination.",
            ),
            (
                "justice-inclusiveness-2",
                "أقدّم كبار السن وذوي الإعاقة وأيسّر لهم الحصول على الخدمة.",
                "I give priority to older people and people with disabilities and make the service easy for them.",
                "يقدّم كبار السن وذوي الإعاقة وييسّر لهم الحصول على الخدمة.",
                "He/She gives priority to older people and people with disabilities and makes the service easy for them.",
            ),
        ],
    ),
]


def seed(apps, schema_editor):
    Framework = apps.get_model("evaluations", "Framework")
    Competency = apps.get_model("evaluations", "Competency")
    Item = apps.get_model("evaluations", "Item")
    if Framework.objects.exists():
        return
    framework = Framework.objects.create(
        version=1, name_ar="نموذج القدرات لتقديم خدمات استثنائية", name_en="Capability model for exceptional service"
    )
    for position, (code, name_ar, name_en, items) in enumerate(CAPABILITY_MODEL):
        competency = Competency.objects.create(
            framework=framework, code=code, name_ar=name_ar, name_en=name_en, sort_order=position
        )
        for item_position, (item_code, self_ar, self_en, others_ar, others_en) in enumerate(items):
            Item.objects.create(
                competency=competency,
                code=item_code,
                self_ar=self_ar,
                self_en=self_en,
                others_ar=others_ar,
                others_en=others_en,
                sort_order=item_position,
            )


def unseed(apps, schema_editor):
    apps.get_model("evaluations", "Framework").objects.filter(version=1, cycles__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0003_customer_rating")]

    operations = [migrations.RunPython(seed, unseed)]
