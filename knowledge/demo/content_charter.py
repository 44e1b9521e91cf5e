"""The unified customer-service charter, restated in the portal's own words."""

from __future__ import annotations

CHARTER: list[dict[str, object]] = [
    {
        "slug": "charter",
        "owner_team": "quality",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "ar": {
            "title": "الوثيقة الموحدة لخدمة العملاء",
            "summary": (
                "ما تلتزم به الجهات الحكومية تجاه كل عميل، وما نرجوه من المتعاملين، "
                "والقيم التي نعالج بها الشكاوى، في وثيقة واحدة لكل القنوات."
            ),
            "tags": ["الوثيقة", "حقوق العملاء", "واجبات العملاء"],
            "sections": [
                {
                    "kind": "purpose",
                    "heading": "لماذا هذه الوثيقة؟",
                    "intro": (
                        "<p>تجمع هذه الوثيقة المبادئ التي تقدّم بها الجهات الحكومية خدماتها، "
                        "حتى يلقى المراجع التجربة نفسها أينما تعامل: في المركز أو عبر الهاتف أو عبر القنوات الرقمية.</p>"
                    ),
                    "items": [
                        (
                            "الثقة والرضا",
                            "أن يطمئن العملاء إلى الخدمات الحكومية وأن تكون كل زيارة أو مكالمة تجربة تستحق التقدير.",
                        ),
                        ("الحقوق والواجبات", "أن يعرف كل متعامل ما له من حقوق وما عليه من التزامات."),
                        ("التحسين المستمر", "أن نطوّر خدماتنا باستمرار لتواكب احتياجات المستفيدين."),
                    ],
                },
                {
                    "kind": "values",
                    "heading": "قيم موظفينا",
                    "intro": "<p>أربع قيم يحملها كل موظف يقدّم الخدمة للجمهور.</p>",
                    "items": [
                        ("تلبية احتياجات العملاء", "علاقة مهنية راقية مع العميل تقوم على التعاون وحسن التعامل."),
                        ("الموظف المؤهل", "معرفة كاملة بالإجراءات والسياسات تتيح إنجاز المعاملة بكفاءة."),
                        ("التعاون", "نعمل فريقًا واحدًا لنفهم حاجة العميل ونقدّم له أفضل ما لدينا."),
                        ("التطوير المستمر", "نطوّر مهاراتنا دائمًا لنرتقي بتجربة المستفيد."),
                    ],
                },
                {
                    "kind": "duties",
                    "heading": "التزامنا تجاهكم",
                    "intro": "<p>عشرة التزامات نتعهّد بها لكل عميل في جميع القنوات.</p>",
                    "items": [
                        ("الاحترام", "نعاملكم بتقدير ولباقة مهنية وودّ."),
                        ("الاهتمام الكامل", "نمنحكم انتباهنا كاملًا ونسعى إلى خدمة تلبي توقعاتكم."),
                        (
                            "المساواة مع أولوية لمن يحتاجها",
                            "نعامل الجميع بالعدل، ونقدّم كبار السن والأشخاص ذوي الإعاقة.",
                        ),
                        ("تقدير وقتكم", "ننجز معاملاتكم في أقصر وقت ممكن."),
                        ("الخصوصية", "نحفظ سرية بياناتكم الشخصية ومعاملاتكم."),
                        ("سهولة الوصول", "نقدّم الخدمة في أوقات تناسبكم وعبر قنوات يسهل الوصول إليها."),
                        ("فريق مؤهل", "يخدمكم موظفون مدرَّبون ومتمكّنون."),
                        ("معلومات واضحة", "نوضّح لكل خدمة خطواتها ومتطلباتها ووثائقها."),
                        ("شكاوى تُستقبل بترحاب", "نتلقى شكاواكم وملاحظاتكم بصدر رحب ونعالجها بسرعة."),
                        ("الإصغاء لآرائكم", "نستمع إلى مقترحاتكم لأنها تساعدنا على تحسين خدماتنا."),
                    ],
                },
                {
                    "kind": "obligations",
                    "heading": "ما نرجوه منكم",
                    "intro": "<p>الخدمة المتميزة شراكة؛ ولذلك نرجو من عملائنا ثمانية أمور.</p>",
                    "items": [
                        ("احترام قيم المجتمع", "مراعاة عادات المجتمع وتقاليده في أماكن الخدمة."),
                        ("الاحترام المتبادل", "التعامل مع موظفينا بتقدير لجهودهم."),
                        ("بيانات صحيحة", "تعبئة النماذج ببيانات دقيقة وكاملة."),
                        ("الوثائق المطلوبة", "إحضار جميع الوثائق والمستندات اللازمة للخدمة."),
                        ("الوضوح", "الإجابة بشفافية عن أسئلة فريق الخدمة."),
                        (
                            "الإبلاغ الفوري",
                            "إخبارنا مباشرة عند ملاحظة أي خطأ أو عند تغيّر بياناتكم الشخصية.",
                        ),
                        ("المقترحات", "مشاركتنا أفكاركم لتحسين الخدمة."),
                        ("الاستبيانات", "المشاركة في استطلاعات الرضا حتى نعرف أين نتحسّن."),
                    ],
                },
                {
                    "kind": "complaint_values",
                    "heading": "قيمنا في التعامل مع الشكاوى",
                    "intro": "<p>كل شكوى فرصة للتحسين، ونتعامل معها وفق أربع قيم.</p>",
                    "items": [
                        ("المصداقية", "الشفافية والعدل والإنصاف مع كل متعامل."),
                        ("المسؤولية", "استلام الشكوى والبدء في معالجتها فورًا."),
                        ("الكفاءة", "الرد على كل حالة دون تأخير."),
                        ("الابتكار", "أفكار جديدة لتجاوز العقبات التي تحول دون حل الشكاوى."),
                    ],
                },
            ],
        },
        "en": {
            "title": "The unified customer-service charter",
            "summary": (
                "What government agencies promise every customer, what we ask of customers in return, "
                "and the values we apply to complaints, in one charter for every channel."
            ),
            "tags": ["charter", "customer rights", "customer duties"],
            "sections": [
                {
                    "kind": "purpose",
                    "heading": "Why this charter?",
                    "intro": (
                        "<p>The charter sets out the principles behind every government service, so that a "
                        "customer gets the same experience at a service centre, on the phone or online.</p>"
                    ),
                    "items": [
                        (
                            "Trust and satisfaction",
                            "Customers can rely on government services and every visit or call is worth their time.",
                        ),
                        (
                            "Rights and duties",
                            "Every customer knows what they are entitled to and what is expected of them.",
                        ),
                        ("Continuous improvement", "We keep improving our services as our customers' needs change."),
                    ],
                },
                {
                    "kind": "values",
                    "heading": "Our staff's values",
                    "intro": "<p>Four values every member of staff brings to the counter, the phone and the screen.</p>",
                    "items": [
                        (
                            "Meeting customers' needs",
                            "A courteous, professional relationship with each customer, built on cooperation.",
                        ),
                        (
                            "Qualified staff",
                            "Full knowledge of the procedures and policies, so each request is handled efficiently.",
                        ),
                        ("Cooperation", "We work as one team to understand what the customer needs and deliver it."),
                        (
                            "Continuous development",
                            "We keep building our skills to give customers a better experience.",
                        ),
                    ],
                },
                {
                    "kind": "duties",
                    "heading": "Our duty to you",
                    "intro": "<p>Ten commitments we make to every customer, on every channel.</p>",
                    "items": [
                        ("Respect", "We treat you with courtesy, warmth and professional manners."),
                        ("Full attention", "You have our whole attention and a service that meets your expectations."),
                        (
                            "Equal treatment, with priority where it is needed",
                            "Everyone is treated fairly; older people and people with disabilities are served first.",
                        ),
                        ("Your time matters", "We complete your request as quickly as possible."),
                        ("Privacy", "Your personal data and your transactions stay confidential."),
                        ("Easy access", "Services at convenient times, through channels that are easy to reach."),
                        ("A qualified team", "You are served by trained, capable staff."),
                        (
                            "Clear information",
                            "Each service's steps, requirements and documents are explained clearly.",
                        ),
                        (
                            "Complaints welcome",
                            "We receive your complaints and comments openly and resolve them quickly.",
                        ),
                        ("Listening to you", "Your suggestions help us improve, so we listen to them carefully."),
                    ],
                },
                {
                    "kind": "obligations",
                    "heading": "What we ask of you",
                    "intro": "<p>Excellent service is a partnership, so we ask eight things of our customers.</p>",
                    "items": [
                        (
                            "Respect society's values",
                            "Observe the community's customs and traditions in service areas.",
                        ),
                        ("Mutual respect", "Treat our staff with the respect their work deserves."),
                        ("Correct data", "Fill in forms with accurate, complete information."),
                        ("Required documents", "Bring every document the service needs."),
                        ("Openness", "Answer the service team's questions transparently."),
                        (
                            "Report at once",
                            "Tell us straight away about any error or any change in your personal details.",
                        ),
                        ("Suggestions", "Share your ideas for improving the service."),
                        ("Surveys", "Take part in satisfaction surveys so we know where to improve."),
                    ],
                },
                {
                    "kind": "complaint_values",
                    "heading": "Our complaint-handling values",
                    "intro": "<p>Every complaint is a chance to improve, and we handle it by four values.</p>",
                    "items": [
                        ("Credibility", "Transparency, fairness and equity towards every customer."),
                        ("Responsibility", "Complaints are received and acted on immediately."),
                        ("Efficiency", "Every case gets a response without delay."),
                        ("Innovation", "Fresh ideas to overcome whatever stands in the way of a solution."),
                    ],
                },
            ],
        },
    }
]
