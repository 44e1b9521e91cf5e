"""Knowledge articles: LAST, service quality, the capability model, customers, complaints, access, principles."""

from __future__ import annotations

ARTICLES: list[dict[str, object]] = [
    {
        "slug": "last-method",
        "owner_team": "complaints",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "related": [("guide", "complaints-handling"), ("guide", "dealing-with-customer-types")],
        "ar": {
            "title": "طريقة LAST: الاستماع والاعتذار والحل والشكر",
            "summary": (
                "منهجية من أربع خطوات يطبقها كل موظف يتعامل مباشرة مع المراجعين، وخاصة عند الشكوى أو الاستياء: "
                "الاستماع، ثم الاعتذار، ثم الحل، ثم الشكر."
            ),
            "tags": ["LAST", "الشكاوى", "العميل الغاضب", "الاستماع", "رضا العملاء"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>اسم LAST مأخوذ من الحروف الأولى لأربع كلمات إنجليزية: <b>Listen</b> (الاستماع)، "
                        "و<b>Apologise</b> (الاعتذار)، و<b>Solve</b> (الحل)، و<b>Thank</b> (الشكر). تعتمدها مؤسسات "
                        "كثيرة حول العالم لكل موظف يتواصل مع العملاء مباشرة، وتدرّب موظفيها عليها تدريبًا دوريًا حتى "
                        "تصبح عادة. ولكل خطوة منها طريقة عمل واضحة.</p>"
                    ),
                ),
                ("heading", "١. الاستماع (Listen)"),
                (
                    "paragraph",
                    (
                        "<p>حين يتحدث المراجع فمهمتك أن تصغي. لا تقاطعه، ودعه يُكمل كلامه حتى النهاية، وتفاعل مع ما "
                        "يقول وأظهر اهتمامًا حقيقيًا بقضيته. وبعد أن ينتهي تمامًا، اسأله عن التفاصيل التي لم تتضح لك. "
                        "بذلك تكتمل الخطوة الأولى: استماع كامل ومهذب.</p>"
                    ),
                ),
                ("heading", "٢. الاعتذار (Apologise)"),
                (
                    "paragraph",
                    (
                        "<p>الاعتذار خطوة وقائية، وتزداد أهميتها إذا كان المتعامل غاضبًا أو يعتقد أن الجهة أخطأت في "
                        "حقه، حتى لو تبيّن لاحقًا أن الخطأ لم يكن من الجهة، أو أن التواصل معه لم يكن كما ينبغي. يحفظ "
                        "الموظف عبارات اعتذار معتمدة، ويجعل كلمة «لا» آخر خياراته، ويُظهر للمراجع أنه يحاول تلبية "
                        "طلبه فعلًا.</p>"
                    ),
                ),
                ("heading", "٣. الحل (Solve)"),
                (
                    "paragraph",
                    (
                        "<p>هذه هي الخطوة الحاسمة: أن يعالج الموظف طلب المراجع معالجة كاملة مرضية. وفيها تتمايز "
                        "الجهات؛ فالجهة التي تمنح موظفيها صلاحيات واضحة تنجح، والجهة التي تحصر كل قرار في الإدارة "
                        "العليا تُخفق، لأن موظف الخدمة الذي لا يملك صلاحية قد يضر بسمعة الجهة أكثر مما ينفعها.</p>"
                    ),
                ),
                ("heading", "٤. الشكر (Thank)"),
                (
                    "paragraph",
                    (
                        "<p>اشكر المراجع على مبادرته بالتواصل. فالدراسات تُظهر أن أغلب العملاء المستائين لا يخبرون "
                        "الجهة بتجربتهم أصلًا، ومن يفعل منهم يصبح شريكًا في النجاح لأنه أرشدنا إلى ما يحتاج إلى "
                        "إصلاح.</p>"
                    ),
                ),
                (
                    "callout",
                    (
                        "عبارات اعتذار وشكر مقترحة",
                        (
                            "<ul><li>«أعتذر عن الإزعاج الذي سببه لك هذا التأخير، ودعني أتابع طلبك "
                            "الآن».</li><li>«أتفهم تمامًا انزعاجك، وسأعمل على حل المشكلة معك».</li><li>«شكرًا لأنك "
                            "أخبرتنا، فملاحظتك تساعدنا على ألا يتكرر هذا مع غيرك».</li></ul>"
                        ),
                    ),
                ),
                ("heading", "من الطريقة إلى التقييم"),
                (
                    "paragraph",
                    (
                        "<p>لا تكتمل الفائدة من LAST إلا إذا قيس أثرها. ولذلك يُنصح بأن يرتبط التقييم السنوي لكل موظف "
                        "بمدى رضا المراجعين عن تعامله معهم، وهو ما يعكسه تقييم 360 درجة في هذه البوابة، إذ يشارك "
                        "العملاء في تقييم الموظف إلى جانب رئيسه وزملائه.</p>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "The LAST method: Listen, Apologise, Solve, Thank",
            "summary": (
                "A four-step method for every employee who deals directly with customers, especially when they "
                "complain or are unhappy: listen, then apologise, then solve, then thank."
            ),
            "tags": ["LAST", "complaints", "angry customer", "listening", "customer satisfaction"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>LAST takes its name from the first letters of four words: <b>Listen</b>, "
                        "<b>Apologise</b>, <b>Solve</b> and <b>Thank</b>. Many organisations around the world use it "
                        "for every employee who deals directly with customers, and train their staff in it regularly "
                        "until it becomes a habit. Each step has a clear way of working.</p>"
                    ),
                ),
                ("heading", "1. Listen"),
                (
                    "paragraph",
                    (
                        "<p>When the customer speaks, your job is to listen. Don't interrupt; let them finish "
                        "completely, respond to what they say and show real interest in their case. Once they have "
                        "finished, ask about any details that are still unclear. That completes the first step: "
                        "full, courteous listening.</p>"
                    ),
                ),
                ("heading", "2. Apologise"),
                (
                    "paragraph",
                    (
                        "<p>An apology is a preventive step, and it matters most when the customer is angry or "
                        "believes the agency has wronged them, even if it later turns out the agency was not at "
                        "fault or that communication simply fell short. Staff learn approved apology phrases, make "
                        "“no” their last option, and show the customer that they are genuinely trying to meet the "
                        "request.</p>"
                    ),
                ),
                ("heading", "3. Solve"),
                (
                    "paragraph",
                    (
                        "<p>This is the decisive step: the employee resolves the customer's request completely and "
                        "satisfactorily. It is where agencies differ. Agencies that give their staff clear authority "
                        "succeed, and agencies that keep every decision at the top fail, because a front-line "
                        "employee with no authority can do the agency's reputation more harm than good.</p>"
                    ),
                ),
                ("heading", "4. Thank"),
                (
                    "paragraph",
                    (
                        "<p>Thank the customer for taking the trouble to get in touch. Studies show that most "
                        "unhappy customers never tell the agency about their experience at all; those who do become "
                        "partners in our success, because they have shown us what needs fixing.</p>"
                    ),
                ),
                (
                    "callout",
                    (
                        "Suggested phrases for apologising and thanking",
                        (
                            "<ul><li>“I'm sorry for the inconvenience this delay has caused you; let me follow up "
                            "your request now.”</li><li>“I completely understand why you are upset, and I'll work "
                            "with you to solve the problem.”</li><li>“Thank you for telling us; your feedback helps "
                            "make sure this doesn't happen to anyone else.”</li></ul>"
                        ),
                    ),
                ),
                ("heading", "From method to evaluation"),
                (
                    "paragraph",
                    (
                        "<p>LAST only pays off fully when its effect is measured. The recommendation is therefore to "
                        "link each employee's annual evaluation to how satisfied customers are with the way they "
                        "were treated. The 360° evaluation in this portal reflects that: customers take part in "
                        "rating an employee alongside their manager and colleagues.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "slug": "what-service-quality-means",
        "owner_team": "quality",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "ما جودة الخدمة؟ وكيف يحكم عليها المراجع",
            "summary": (
                "جودة الخدمة هي الفرق بين الأداء الذي يلمسه المراجع والأداء الذي كان يتوقعه. تشرح هذه المقالة "
                "مستويات التوقع ومنطقة التسامح، والأبعاد الستة التي يحكم بها المستفيد على الخدمة."
            ),
            "tags": ["جودة الخدمة", "توقعات العملاء", "منطقة التسامح", "الاعتمادية", "الاستجابة", "استبيان الرضا"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>لا تُقاس جودة الخدمة بما تراه الجهة في نفسها، بل بمدى تطابق أدائها الفعلي مع ما ينتظره "
                        "منها المستفيد. ويمكن تلخيص ذلك في معادلة بسيطة:</p>"
                    ),
                ),
                (
                    "callout",
                    ("معادلة الجودة", "<p><b>جودة الخدمة = الأداء كما يدركه المراجع − الأداء الذي كان يتوقعه</b></p>"),
                ),
                (
                    "items",
                    [
                        ("خدمة عادية", "حين يتساوى ما لمسه المراجع مع ما كان يتوقعه مسبقًا."),
                        ("خدمة رديئة", "حين يقصر الأداء الفعلي عن مستوى التوقعات."),
                        ("خدمة متميزة", "حين يتجاوز الأداء الفعلي ما كان المستفيد يتوقعه."),
                    ],
                ),
                ("heading", "مستويات التوقع ومنطقة التسامح"),
                (
                    "items",
                    [
                        ("مستوى الخدمة المرغوبة", "ما يتمنى المراجع أن يحصل عليه."),
                        ("مستوى الخدمة الملائمة", "الحد الذي يراه المراجع مقبولًا."),
                        (
                            "منطقة التسامح",
                            (
                                "المدى الواقع بين المستويين؛ ما دام الأداء داخله فلن يضايق المراجع ولن يحكم على "
                                "الخدمة بأنها رديئة أو غير مقبولة."
                            ),
                        ),
                    ],
                ),
                ("heading", "ما الذي يصنع توقعات المراجع؟"),
                (
                    "items",
                    [
                        ("الوعود الصريحة", "ما تعلنه الجهة عن الخدمة: المدة والرسوم والمتطلبات."),
                        ("الوعود الضمنية", "ما يفهمه المراجع من مظهر المكان وطريقة عرض الخدمة، دون أن يُقال صراحة."),
                        ("تجربته السابقة مع الجهة", "ما لقيه في زياراته أو اتصالاته الماضية."),
                        ("تجربته مع جهات أخرى", "ما اعتاده من جهات تقدم خدمات مشابهة، في بلده أو خارجه."),
                        ("الظروف المؤقتة", "عوامل الموقف نفسه، كالازدحام في موسم معين أو عطل طارئ."),
                    ],
                ),
                ("heading", "ستة أبعاد يحكم بها المستفيد على الخدمة"),
                (
                    "items",
                    [
                        (
                            "الاعتمادية",
                            (
                                "أن تؤدي الجهة الخدمة كما وعدت، وأن يجد المراجع المستوى نفسه مهما تغيّرت الظروف، وفي "
                                "أي فرع أو قناة تعامل معها."
                            ),
                        ),
                        (
                            "الاستجابة",
                            (
                                "الاستعداد الدائم للخدمة، ومن علاماته: سرعة إنجاز المعاملة، والرد على الأسئلة، وعدم "
                                "الانشغال عن المراجع، وتعدد قنوات الحصول على الخدمة، وملاءمة أوقات تقديمها."
                            ),
                        ),
                        (
                            "الجدارة",
                            (
                                "أن يمتلك الموظفون المهارات اللازمة، وأن تتوفر لديهم المعلومات الكاملة عن الخدمات "
                                "والسياسات والبدائل."
                            ),
                        ),
                        (
                            "سهولة الوصول",
                            (
                                "أن يسهل الوصول إلى الخدمة: تواصل شخصي سريع، واتصال هاتفي ميسّر، وساعات عمل مناسبة، "
                                "وموقع ملائم، ومواقف للسيارات."
                            ),
                        ),
                        (
                            "الضمان",
                            (
                                "التزام الجهة بأن تحقق الخدمة الغرض منها دون مخاطر أو أخطاء، وبأن تصحح أي خلل فيها "
                                "دون أن يتحمل المراجع عبئه."
                            ),
                        ),
                        (
                            "الجوانب الملموسة",
                            (
                                "البيئة المادية للخدمة: مظهر المبنى وتصميمه الداخلي، ونظافة القاعات ونقاط الخدمة، "
                                "وهيئة الموظفين، ومستوى التقنية. وهي تعطي انطباعًا عن جودة الخدمة وتؤثر فيها مباشرة."
                            ),
                        ),
                    ],
                ),
                ("heading", "كيف نلبّي التوقعات؟"),
                (
                    "items",
                    [
                        ("الصواب من المرة الأولى", "أداء الخدمة على الوجه الصحيح منذ البداية."),
                        ("وعود واقعية", "ألا تعد الجهة إلا بما تستطيع الوفاء به."),
                        ("تواصل مستمر", "إبقاء المراجع على اطلاع بسير معاملته."),
                        ("حل سريع للمشكلات", "معالجة الأخطاء فور ظهورها."),
                        ("قياس دوري", "استطلاعات ودراسات منتظمة لآراء المراجعين."),
                    ],
                ),
                (
                    "paragraph",
                    (
                        "<p>الفشل في تحقيق التوقعات يكلّف الجهة ثقة المراجعين وولاءهم، أما تجاوزها فيكسبها رضاهم "
                        "ودعمهم. ولهذا تُبنى أسئلة استبيان رضا المراجعين في بوابة تميّز على الأبعاد الستة السابقة.</p>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "What service quality means, and how customers judge it",
            "summary": (
                "Service quality is the gap between the performance a customer experiences and the performance they "
                "expected. This article explains the levels of expectation, the zone of tolerance, and the six "
                "dimensions customers use to judge a service."
            ),
            "tags": [
                "service quality",
                "customer expectations",
                "zone of tolerance",
                "reliability",
                "responsiveness",
                "satisfaction survey",
            ],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Service quality is not measured by what the agency thinks of itself, but by how closely "
                        "its actual performance matches what the customer expects. It can be summed up in a simple "
                        "equation:</p>"
                    ),
                ),
                (
                    "callout",
                    (
                        "The quality equation",
                        (
                            "<p><b>Service quality = performance as the customer perceives it − the performance they "
                            "expected</b></p>"
                        ),
                    ),
                ),
                (
                    "items",
                    [
                        ("Ordinary service", "What the customer experienced equals what they expected beforehand."),
                        ("Poor service", "Actual performance falls short of expectations."),
                        ("Excellent service", "Actual performance exceeds what the customer expected."),
                    ],
                ),
                ("heading", "Levels of expectation and the zone of tolerance"),
                (
                    "items",
                    [
                        ("Desired level", "What the customer hopes to receive."),
                        ("Adequate level", "The level the customer considers acceptable."),
                        (
                            "Zone of tolerance",
                            (
                                "The range between the two levels; as long as performance stays within it, the "
                                "customer will not be annoyed or judge the service poor or unacceptable."
                            ),
                        ),
                    ],
                ),
                ("heading", "What shapes a customer's expectations?"),
                (
                    "items",
                    [
                        (
                            "Explicit promises",
                            "What the agency announces about the service: its duration, fees and requirements.",
                        ),
                        (
                            "Implicit promises",
                            (
                                "What the customer infers from the premises and the way the service is presented, "
                                "without being told."
                            ),
                        ),
                        ("Past experience with the agency", "What they met on previous visits or calls."),
                        (
                            "Experience with other agencies",
                            "What they are used to from agencies offering similar services, at home or abroad.",
                        ),
                        (
                            "Temporary circumstances",
                            "Factors in the situation itself, such as a seasonal rush or a sudden system fault.",
                        ),
                    ],
                ),
                ("heading", "Six dimensions customers use to judge a service"),
                (
                    "items",
                    [
                        (
                            "Reliability",
                            (
                                "The agency delivers the service as promised, and the customer finds the same level "
                                "whatever the circumstances, at any branch or channel."
                            ),
                        ),
                        (
                            "Responsiveness",
                            (
                                "A constant readiness to serve. Its signs: transactions completed quickly, questions "
                                "answered, staff not distracted from the customer, many channels to obtain the "
                                "service, and convenient service hours."
                            ),
                        ),
                        (
                            "Competence",
                            (
                                "Staff have the skills they need and complete information about the services, the "
                                "policies and the alternatives."
                            ),
                        ),
                        (
                            "Accessibility",
                            (
                                "The service is easy to reach: quick personal contact, easy phone access, suitable "
                                "working hours, a convenient location and parking."
                            ),
                        ),
                        (
                            "Assurance",
                            (
                                "The agency's commitment that the service achieves its purpose without risk or "
                                "error, and that any fault is corrected without the customer bearing the burden."
                            ),
                        ),
                        (
                            "Tangibles",
                            (
                                "The physical setting of the service: the building and its interior, clean service "
                                "points and halls, staff appearance and the level of technology. They signal the "
                                "quality of the service and affect it directly."
                            ),
                        ),
                    ],
                ),
                ("heading", "How do we meet expectations?"),
                (
                    "items",
                    [
                        ("Right first time", "Deliver the service correctly from the start."),
                        ("Realistic promises", "Promise only what the agency can deliver."),
                        ("Continuous communication", "Keep the customer informed of how their request is progressing."),
                        ("Quick problem-solving", "Fix mistakes as soon as they appear."),
                        ("Regular measurement", "Run regular surveys and studies of customers' views."),
                    ],
                ),
                (
                    "paragraph",
                    (
                        "<p>Failing to meet expectations costs the agency its customers' trust and loyalty; "
                        "exceeding them wins their satisfaction and support. That is why the questions in the "
                        "Tamayuz customer-satisfaction survey are built on the six dimensions above.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "slug": "capability-model",
        "owner_team": "hr",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "نموذج القدرات لتقديم خدمات استثنائية",
            "summary": (
                "الإطار الذي تُبنى عليه معايير أداء موظفي الخدمة وتقييمهم: خمس قدرات إنسانية تبدأ بالتعاطف وتنتهي "
                "بالثقة، وأربع قدرات تخصصية، ومبدأ العدالة والشمولية."
            ),
            "tags": ["نموذج القدرات", "الجدارات", "التعاطف", "التقييم", "العدالة والشمولية", "مقدم الخدمة"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>نموذج القدرات أحد المنطلقات الأساسية لتقديم خدمة حكومية استثنائية. ينبع من القيم "
                        "الوطنية، ويجمع نوعين من القدرات يحتاجهما كل مقدم خدمة: قدرات إنسانية تتدرج من التعاطف إلى "
                        "الثقة، وقدرات تخصصية تتعلق بأسلوب العمل، ويربط بينهما مبدأ العدالة والشمولية.</p>"
                    ),
                ),
                ("heading", "أولًا: القدرات الإنسانية"),
                ("paragraph", "<p>ترتيب هذه القدرات مقصود: يبدأ بالتعاطف وينتهي بالثقة، وكل قدرة تمهّد لما بعدها.</p>"),
                (
                    "items",
                    [
                        ("١. التعاطف", "أن تعيش تجربة المراجع معه، فتتابع طلبه بنفسك كأنه طلبك."),
                        (
                            "٢. الاهتمام",
                            "أن تتعامل مع المراجع بوعي في كل مراحل الخدمة، وتهيئ له بيئة إيجابية تُسهم في رضاه العام.",
                        ),
                        (
                            "٣. الرعاية",
                            "أن تتواصل مع المراجع تواصلًا مهنيًا بعد إنجاز خدمته، تأكيدًا لحرصك على خدمة تتجاوز تطلعاته.",
                        ),
                        (
                            "٤. الشراكة",
                            "أن يُشرك المراجعون في تطوير الخدمات واستحداث الجديد منها، حتى تلبي احتياجاتهم الحقيقية.",
                        ),
                        ("٥. الثقة", "المبدأ الذي تقوم عليه العلاقة المتبادلة بين الجهة والمراجع وكل الأطراف."),
                    ],
                ),
                ("heading", "ثانيًا: القدرات التخصصية"),
                (
                    "items",
                    [
                        ("التواصل باحترافية", "التعامل المهني المحترف مع جميع المراجعين، مواطنين ومقيمين."),
                        (
                            "المرونة والتكيف",
                            (
                                "مواكبة المتغيرات والتوجهات الجديدة في خدمة العملاء، والتعامل بمرونة عالية مع الجهة "
                                "والفريق والمراجعين."
                            ),
                        ),
                        ("التأثير الإيجابي", "سلوك إيجابي في أثناء تقديم الخدمة يعكس صورة حسنة عن الخدمات الحكومية."),
                        ("المبادرات المبتكرة", "تطوير منظومة خدمة العملاء بمبادرات شخصية ومؤسسية."),
                    ],
                ),
                ("heading", "مبدأ العدالة والشمولية"),
                (
                    "paragraph",
                    (
                        "<p>يسري هذا المبدأ على القدرات كلها: الخدمة نفسها لكل مراجع دون تمييز، مع تسهيل التجربة على "
                        "كبار السن والأشخاص ذوي الإعاقة وتقديمهم، ودون رفض أي متعامل أيًّا كان.</p>"
                    ),
                ),
                ("heading", "أمثلة على سلوك يمكن ملاحظته"),
                (
                    "items",
                    [
                        ("التعاطف", "يتابع الموظف طلب المراجع بنفسه، ويطمئنه على سيره دون أن يضطره إلى السؤال."),
                        ("الاهتمام", "يترك الموظف ما في يده عند وصول المراجع، ويصغي إليه حتى النهاية."),
                        ("الرعاية", "يتصل الموظف بالمراجع بعد إنجاز المعاملة ليتأكد من أن كل شيء تم كما ينبغي."),
                        ("الشراكة", "ينقل الموظف اقتراح المراجع لتحسين الخدمة إلى فريق الجودة."),
                        ("المبادرات المبتكرة", "يقترح الموظف تبسيط نموذج يتكرر فيه خطأ المراجعين."),
                    ],
                ),
                ("heading", "كيف يُستخدم النموذج في التقييم؟"),
                (
                    "paragraph",
                    (
                        "<p>يوصي الدليل الموحد بتقييم فريق الخدمة تقييمًا مستمرًا بأهداف ومقاييس أداء مستمدة من "
                        "الوثيقة الموحدة لخدمة العملاء. ولذلك يُبنى استبيان تقييم 360 درجة في البوابة من هذا النموذج "
                        "ومن التزامات الوثيقة تجاه المراجعين، فيقيّم كل طرف الموظف على السلوكيات نفسها.</p>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "The capability model for exceptional service",
            "summary": (
                "The framework behind performance standards and evaluations for service staff: five human "
                "capabilities running from empathy to trust, four specialist capabilities, and the principle of "
                "justice and inclusiveness."
            ),
            "tags": [
                "capability model",
                "competencies",
                "empathy",
                "evaluation",
                "justice and inclusiveness",
                "service provider",
            ],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>The capability model is one of the foundations of exceptional government service. It "
                        "grows out of national values and brings together two kinds of capability every service "
                        "provider needs: human capabilities that progress from empathy to trust, and specialist "
                        "capabilities about how the work is done, tied together by the principle of justice and "
                        "inclusiveness.</p>"
                    ),
                ),
                ("heading", "1. Human capabilities"),
                (
                    "paragraph",
                    (
                        "<p>Their order is deliberate: it starts with empathy and ends with trust, and each "
                        "capability prepares the way for the next.</p>"
                    ),
                ),
                (
                    "items",
                    [
                        (
                            "1. Empathy",
                            (
                                "Live the customer's experience with them, following their request yourself as if it "
                                "were your own."
                            ),
                        ),
                        (
                            "2. Attention",
                            (
                                "Engage with the customer mindfully at every stage of the service, creating a "
                                "positive setting that adds to their overall satisfaction."
                            ),
                        ),
                        (
                            "3. Care",
                            (
                                "Keep in professional contact with the customer after their service is complete, to "
                                "show you want a service that goes beyond their expectations."
                            ),
                        ),
                        (
                            "4. Partnership",
                            (
                                "Involve customers in improving services and designing new ones, so that services "
                                "meet their real needs."
                            ),
                        ),
                        (
                            "5. Trust",
                            (
                                "The principle on which the mutual relationship between the agency, the customer and "
                                "every party rests."
                            ),
                        ),
                    ],
                ),
                ("heading", "2. Specialist capabilities"),
                (
                    "items",
                    [
                        (
                            "Professional communication",
                            "Dealing professionally with every customer, citizens and residents alike.",
                        ),
                        (
                            "Flexibility and adaptation",
                            (
                                "Keeping up with changes and new trends in customer service, and working very "
                                "flexibly with the agency, the team and customers."
                            ),
                        ),
                        (
                            "Positive influence",
                            "Positive behaviour while serving that reflects well on government services.",
                        ),
                        (
                            "Innovative initiatives",
                            "Improving the customer-service system through personal and institutional initiatives.",
                        ),
                    ],
                ),
                ("heading", "The principle of justice and inclusiveness"),
                (
                    "paragraph",
                    (
                        "<p>This principle runs through all the capabilities: the same service for every customer "
                        "without discrimination, an easier experience and priority for older people and people with "
                        "disabilities, and no customer ever turned away.</p>"
                    ),
                ),
                ("heading", "Examples of observable behaviour"),
                (
                    "items",
                    [
                        (
                            "Empathy",
                            (
                                "The employee follows the customer's request personally and keeps them updated "
                                "without being asked."
                            ),
                        ),
                        (
                            "Attention",
                            (
                                "The employee puts aside what they are doing when the customer arrives and listens "
                                "to the end."
                            ),
                        ),
                        (
                            "Care",
                            (
                                "The employee calls the customer after the transaction to make sure everything went "
                                "as it should."
                            ),
                        ),
                        (
                            "Partnership",
                            (
                                "The employee passes a customer's suggestion for improving the service to the "
                                "quality team."
                            ),
                        ),
                        (
                            "Innovative initiatives",
                            "The employee proposes simplifying a form that customers keep filling in wrongly.",
                        ),
                    ],
                ),
                ("heading", "How the model is used in evaluation"),
                (
                    "paragraph",
                    (
                        "<p>The unified guide recommends evaluating the service team continuously against goals and "
                        "performance measures linked to the customer-service charter. The portal's 360° evaluation "
                        "questionnaire is therefore built from this model and from the charter's commitments, so "
                        "every evaluator rates the employee on the same behaviours.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "slug": "internal-and-external-customers",
        "owner_team": "quality",
        "channels": ["centre", "phone", "email"],
        "related": [("guide", "dealing-with-customer-types")],
        "ar": {
            "title": "من هو عميلك؟ العميل الداخلي والخارجي، والأفراد والمؤسسات",
            "summary": (
                "عميل أو مستفيد أو مراجع أو متعامل: أسماء لشخص واحد. تشرح المقالة الفرق بين العميل الداخلي والخارجي، "
                "وكيف تختلف حاجات المستفيدين الأفراد عن المؤسسات، ولماذا يفيد تصنيفهم."
            ),
            "tags": ["العملاء", "المستفيدون", "المراجعون", "العميل الداخلي", "قطاع الأعمال", "تصنيف المستفيدين"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>العميل هو الشخص الذي تخدمه الجهة، وهو أساس وجودها ومعيار نجاحها. وسواء سميناه عميلًا أو "
                        "مستفيدًا أو مراجعًا أو متعاملًا، فالمقصود واحد: المواطن أو المقيم الذي تتوجه إليه جهود تطوير "
                        "الخدمة الحكومية.</p>"
                    ),
                ),
                ("heading", "العميل الداخلي والعميل الخارجي"),
                (
                    "items",
                    [
                        ("العميل الخارجي", "من يطلب خدمات الجهة أو يتعامل معها من خارجها: الأفراد والمؤسسات."),
                        (
                            "العميل الداخلي",
                            (
                                "الزميل داخل الجهة الذي يعتمد على ما تنجزه ليؤدي مهامه، كموظف الكاونتر الذي ينتظر ردّ "
                                "القسم الفني على معاملة."
                            ),
                        ),
                    ],
                ),
                (
                    "paragraph",
                    (
                        "<p>إرضاء العميل الداخلي وتأهيله وتدريبه هو الطريق إلى التميز مع العميل الخارجي؛ فلن يحصل "
                        "المراجع على رد سريع إذا تأخر القسم الذي يعتمد عليه الكاونتر. ومع ذلك تبقى الغاية النهائية "
                        "خدمة العميل الخارجي.</p>"
                    ),
                ),
                ("heading", "الأفراد والمؤسسات: مقارنة"),
                (
                    "paragraph",
                    (
                        "<p>يمكن تقسيم المستفيدين حسب النوع أو الحجم أو الدخل أو المهنة أو الموقع الجغرافي، وأهم هذه "
                        "التقسيمات تقسيمهم إلى مستفيدين أفراد ومستفيدين من المؤسسات (قطاع الأعمال).</p>"
                    ),
                ),
                (
                    "items",
                    [
                        ("الحاجات", "الأفراد: بسيطة نسبيًا. المؤسسات: معقدة نسبيًا."),
                        ("الأعداد", "الأفراد: كبيرة. المؤسسات: محدودة."),
                        ("الانتشار الجغرافي", "الأفراد: منتشرون في كل مكان. المؤسسات: متمركزة في مناطق معينة."),
                        ("حجم المعاملات", "الأفراد: صغير نسبيًا. المؤسسات: كبير نسبيًا."),
                        ("ما يطلبونه من الخدمة", "الأفراد: السرعة والمعاملة الودية. المؤسسات: السرعة والكفاءة والدقة."),
                        ("طبيعة الخدمة", "الأفراد: موحدة نمطية. المؤسسات: تُكيَّف غالبًا حسب الحاجة."),
                        ("حجم المخاطرة", "الأفراد: منخفض. المؤسسات: مرتفع."),
                        ("طبيعة التواصل", "الأفراد: غير شخصي في الغالب. المؤسسات: شخصي في الغالب."),
                        ("الحساسية للرسوم والتكاليف", "الأفراد: مرتفعة نسبيًا. المؤسسات: متوسطة نسبيًا."),
                    ],
                ),
                ("heading", "لماذا نصنّف المستفيدين؟"),
                (
                    "items",
                    [
                        ("تصميم أفضل", "برامج خدمة فعالة تناسب كل فئة."),
                        ("أسلوب مناسب", "مدخل تواصل وتأثير يلائم كل قطاع."),
                        ("اكتشاف الفرص", "رصد تغيّر الحاجات مبكرًا."),
                        ("أولويات واضحة", "تحديد ما يُحسَّن أولًا."),
                        ("ولاء وثقة", "تعزيز انتماء المستفيدين إلى الجهة وثقتهم بها."),
                    ],
                ),
                (
                    "callout",
                    (
                        "رأي قطاع الأعمال",
                        (
                            "<p>أظهرت دراسة استشهد بها منهج التدريب أن غالبية المسؤولين الحكوميين راضون عن أداء "
                            "جهاتهم، في حين أن أغلب رجال وسيدات الأعمال غير راضين، بسبب طول الإجراءات وتعقيدها، "
                            "والمحسوبية في بعض الخدمات، وضعف استخدام التقنية. لذلك يستحق المستفيدون من قطاع الأعمال "
                            "استطلاعًا خاصًا لآرائهم.</p>"
                        ),
                    ),
                ),
            ],
        },
        "en": {
            "title": "Who is your customer? Internal and external, individuals and businesses",
            "summary": (
                "Customer, beneficiary, visitor or client: names for the same person. This article explains the "
                "difference between internal and external customers, how individual beneficiaries' needs differ from "
                "businesses', and why classifying them helps."
            ),
            "tags": [
                "customers",
                "beneficiaries",
                "visitors",
                "internal customer",
                "business sector",
                "classifying beneficiaries",
            ],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>The customer is the person the agency serves: the reason it exists and the measure of "
                        "its success. Whether we call them a customer, a beneficiary, a visitor or a client, we mean "
                        "the same person: the citizen or resident at whom every effort to improve government "
                        "services is aimed.</p>"
                    ),
                ),
                ("heading", "Internal and external customers"),
                (
                    "items",
                    [
                        (
                            "External customer",
                            (
                                "Anyone outside the agency who requests its services or deals with it: individuals "
                                "and businesses."
                            ),
                        ),
                        (
                            "Internal customer",
                            (
                                "A colleague inside the agency who depends on what you deliver to do their job, such "
                                "as a counter employee waiting for the technical section's answer on a request."
                            ),
                        ),
                    ],
                ),
                (
                    "paragraph",
                    (
                        "<p>Satisfying, preparing and training internal customers is the route to excellence with "
                        "external customers: a visitor will not get a quick answer if the section the counter "
                        "depends on is slow. The final aim, however, remains serving the external customer.</p>"
                    ),
                ),
                ("heading", "Individuals and businesses compared"),
                (
                    "paragraph",
                    (
                        "<p>Beneficiaries can be grouped by type, size, income, occupation or location. The most "
                        "important grouping divides them into individual beneficiaries and business (organisational) "
                        "beneficiaries.</p>"
                    ),
                ),
                (
                    "items",
                    [
                        ("Needs", "Individuals: relatively simple. Businesses: relatively complex."),
                        ("Numbers", "Individuals: large. Businesses: limited."),
                        ("Geography", "Individuals: spread everywhere. Businesses: concentrated in certain areas."),
                        ("Transaction size", "Individuals: relatively small. Businesses: relatively large."),
                        (
                            "What they want from the service",
                            "Individuals: speed and friendly treatment. Businesses: speed, efficiency and accuracy.",
                        ),
                        (
                            "Nature of the service",
                            "Individuals: standard and uniform. Businesses: often tailored to need.",
                        ),
                        ("Risk", "Individuals: low. Businesses: high."),
                        ("Communication", "Individuals: mostly impersonal. Businesses: mostly personal."),
                        ("Sensitivity to fees and costs", "Individuals: relatively high. Businesses: moderate."),
                    ],
                ),
                ("heading", "Why classify beneficiaries?"),
                (
                    "items",
                    [
                        ("Better design", "Effective service programmes that suit each group."),
                        ("The right approach", "A way of communicating and persuading that fits each segment."),
                        ("Spotting opportunities", "Noticing early when needs change."),
                        ("Clear priorities", "Deciding what to improve first."),
                        ("Loyalty and trust", "Strengthening beneficiaries' attachment to and trust in the agency."),
                    ],
                ),
                (
                    "callout",
                    (
                        "What businesses think",
                        (
                            "<p>A study cited in the training curriculum found that most government officials are "
                            "satisfied with their agencies' performance, while most businessmen and businesswomen "
                            "are not, because of long, complicated procedures, favouritism in some services, and "
                            "little use of technology. Business beneficiaries therefore deserve a survey of their "
                            "own.</p>"
                        ),
                    ),
                ),
            ],
        },
    },
    {
        "slug": "why-dissatisfied-customers-stay-silent",
        "owner_team": "complaints",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "related": [("guide", "complaints-handling")],
        "ar": {
            "title": "لماذا يصمت معظم المراجعين غير الراضين؟",
            "summary": (
                "من بين كل عشرة عملاء مستائين يتقدّم واحد تقريبًا بشكوى أو بلاغ. لماذا يصمت الباقون، وما الذي يخسره "
                "صمتهم، وكيف تجعل الجهة الشكوى أسهل وتقلل أسبابها."
            ),
            "tags": ["الشكاوى", "البلاغات", "رضا العملاء", "تواصل", "المستفيدون"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>يُقدَّر أن مراجعًا واحدًا فقط من كل عشرة مراجعين غير راضين يتقدّم بشكواه ويطلب المساعدة. أما "
                        "التسعة الباقون فلا يُتعبون أنفسهم بإبلاغ الجهة: ينصرفون بصمت، وقد لا يعودون إلى القناة "
                        "نفسها، ويحملون عنها انطباعًا سيئًا ينقلونه إلى غيرهم. وكان العميل الساخط قديمًا يحدّث ما بين "
                        "تسعة أشخاص وعشرين شخصًا عن تجربته، أما اليوم فيمكن أن تصل تجربته عبر وسائل التواصل الاجتماعي "
                        "إلى الآلاف.</p>"
                    ),
                ),
                ("heading", "أسباب الصمت"),
                (
                    "items",
                    [
                        ("لا ثقة في الاستجابة", "يعتقد المراجع أن الإدارة لن تهتم بإزالة سبب شكواه."),
                        ("لا يعرف الطريق", "لا يعرف كيف يقدّم الشكوى ولا إلى من يتوجه بها."),
                        ("الشكوى لا تستحق العناء", "يرى أن ما سيبذله من وقت وجهد أكبر مما سيجنيه."),
                        ("البديل أسهل", "يلجأ إلى قناة أو مصدر آخر بدل المطالبة بإصلاح الخلل."),
                    ],
                ),
                ("heading", "ماذا يعني ذلك لنا؟"),
                (
                    "paragraph",
                    (
                        "<p>إذا اقتصرت خدمة العملاء على معالجة شكاوى من يشتكي، فإننا نخدم عُشر المستائين فقط. لذلك لا "
                        "ينبغي أن ننتظر حتى يبحث المراجع عن الخدمة بنفسه، ولا أن تكون خدمة العملاء مهمة قسم بعينه: "
                        "إنها واجب كل موظف، من المدير العام إلى حارس المبنى، وفلسفة عامة تلتزم بها الجهة كلها في كل "
                        "وقت.</p>"
                    ),
                ),
                ("heading", "كيف نجعل الشكوى أسهل؟"),
                (
                    "items",
                    [
                        ("لوحات واضحة", "لوحات بعدة لغات في مراكز الخدمة تشرح طرق تقديم الشكاوى والمقترحات."),
                        ("قنوات معلنة", "طرق الشكوى منشورة على الموقع الإلكتروني وحسابات التواصل الاجتماعي."),
                        ("تطبيق «تواصل»", "تشجيع المراجعين على استخدام التطبيق الوطني لتقديم الشكوى ومتابعتها."),
                        ("باب المدير مفتوح", "إمكانية مقابلة مدير المركز بسهولة."),
                        ("الشكر لا الدفاع", "شكر من يشتكي على مبادرته، كما في طريقة LAST."),
                        ("حث على الإبلاغ المبكر", "دعوة المراجعين إلى الإبلاغ عن أي مشكلة فور وقوعها."),
                    ],
                ),
                ("heading", "ماذا تفعل الجهة لإدارة الشكاوى بفاعلية؟"),
                (
                    "items",
                    [
                        ("نظام داخلي", "إجراءات مكتوبة لاستقبال الشكاوى ومعالجتها."),
                        ("تحليل مستمر", "متابعة الشكاوى ومصادرها ومدى التقدم في معالجتها."),
                        ("قياس الرضا", "دراسات منتظمة لرضا المراجعين عن أسلوب الخدمة ومقترحاتهم."),
                        ("تدريب الموظفين", "تدريب على فنون الإنصات للشكاوى والرد عليها."),
                        ("صلاحيات أوسع", "تمكين الموظفين من حل المشكلات دون الرجوع في كل صغيرة."),
                        ("التحقق من الرضا", "التأكد من رضا المراجع عن الطريقة التي حُلّت بها مشكلته."),
                    ],
                ),
                ("heading", "وكيف نقلل أسباب الشكوى أصلًا؟"),
                (
                    "items",
                    [
                        ("فهم التوقعات", "السعي الجاد إلى معرفة ما ينتظره المراجعون."),
                        ("دراسة مجالات الشكوى", "تحديد المجالات التي تتكرر فيها الشكاوى ودراستها بتأنٍّ."),
                        ("تطوير الإجراءات", "تبسيط الإجراءات التي تولّد الأخطاء والتأخير."),
                        ("التزامات واضحة", "إعلان مدد الخدمة ومعاييرها والوفاء بها."),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Why do most dissatisfied customers stay silent?",
            "summary": (
                "Only about one in ten unhappy customers makes a complaint or report. Why do the rest stay silent, "
                "what does their silence cost, and how can an agency make complaining easier and reduce the reasons "
                "for it?"
            ),
            "tags": ["complaints", "reports", "customer satisfaction", "Tawasul", "beneficiaries"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>It is estimated that only one in every ten dissatisfied customers complains and asks for "
                        "help. The other nine don't take the trouble to tell the agency: they leave quietly, may not "
                        "come back to the same channel, and carry away a bad impression that they pass on to others. "
                        "An unhappy customer used to tell between nine and twenty people about their experience; "
                        "today, through social media, it can reach thousands.</p>"
                    ),
                ),
                ("heading", "Reasons for silence"),
                (
                    "items",
                    [
                        (
                            "No faith in a response",
                            "The customer believes management will not bother to remove the cause of the complaint.",
                        ),
                        ("Not knowing the way", "They don't know how to complain or whom to turn to."),
                        (
                            "Not worth the effort",
                            "They feel the time and effort it takes outweigh what they would gain.",
                        ),
                        (
                            "An easier alternative",
                            "They turn to another channel or source instead of asking for a fix.",
                        ),
                    ],
                ),
                ("heading", "What this means for us"),
                (
                    "paragraph",
                    (
                        "<p>If customer service only handles complaints from those who complain, we serve just a "
                        "tenth of the unhappy customers. So we should not wait until customers come looking for "
                        "help, and customer service should not be one department's job: it is every employee's duty, "
                        "from the director general to the building guard, and a philosophy the whole agency holds to "
                        "at all times.</p>"
                    ),
                ),
                ("heading", "How do we make complaining easier?"),
                (
                    "items",
                    [
                        (
                            "Clear signs",
                            (
                                "Signs in several languages in service centres explaining how to submit complaints "
                                "and suggestions."
                            ),
                        ),
                        (
                            "Published channels",
                            "The ways to complain are published on the website and social-media accounts.",
                        ),
                        (
                            "The Tawasul app",
                            "Encourage customers to use the national app to submit and track complaints.",
                        ),
                        ("An open door", "Customers can meet the centre manager easily."),
                        (
                            "Thanks, not defence",
                            "Thank the customer who complains for speaking up, as in the LAST method.",
                        ),
                        ("Early reporting", "Invite customers to report any problem as soon as it happens."),
                    ],
                ),
                ("heading", "What does an agency do to manage complaints well?"),
                (
                    "items",
                    [
                        ("An internal system", "Written procedures for receiving and resolving complaints."),
                        ("Continuous analysis", "Tracking complaints, their sources and progress in resolving them."),
                        (
                            "Measuring satisfaction",
                            "Regular studies of customers' satisfaction with the service and of their suggestions.",
                        ),
                        ("Training staff", "Training in listening to complaints and responding to them."),
                        (
                            "More authority",
                            "Empowering staff to solve problems without referring every small matter upwards.",
                        ),
                        (
                            "Checking satisfaction",
                            "Making sure the customer is satisfied with how their problem was solved.",
                        ),
                    ],
                ),
                ("heading", "And how do we reduce the reasons for complaints?"),
                (
                    "items",
                    [
                        ("Understand expectations", "Make a real effort to learn what customers expect."),
                        ("Study complaint areas", "Identify where complaints recur and study them carefully."),
                        ("Improve procedures", "Simplify procedures that generate mistakes and delays."),
                        ("Clear commitments", "Publish service times and standards, and keep to them."),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "serving-older-people-and-people-with-disabilities",
        "owner_team": "centres",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "related": [("charter", "charter"), ("guide", "service-centre-etiquette")],
        "ar": {
            "title": "خدمة كبار السن والأشخاص ذوي الإعاقة",
            "summary": (
                "تلتزم الوثيقة الموحدة بالمساواة بين المراجعين مع أولوية لكبار السن والأشخاص ذوي الإعاقة. هذه "
                "المقالة تحوّل ذلك الالتزام إلى ممارسات عملية في المركز وعلى الهاتف وفي القنوات الرقمية."
            ),
            "tags": ["كبار السن", "ذوو الإعاقة", "الأولوية", "سهولة الوصول", "العدالة والشمولية"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>من التزامات الوثيقة الموحدة لخدمة العملاء أن يُعامل المراجعون جميعًا بالمساواة، وأن يُقدَّم "
                        "كبار السن والأشخاص ذوو الإعاقة. ويطلب الدليل الموحد من الجهات ومن الموظفين أن يسهّلوا تجربة "
                        "هذه الفئة، انطلاقًا من مبدأ العدالة والشمولية في تقديم الخدمة. والعدالة هنا لا تعني معاملة "
                        "الجميع بالطريقة نفسها تمامًا، بل أن يحصل كل مراجع على الخدمة نفسها، وإن احتاج بعضهم إلى طريق "
                        "أيسر للوصول إليها.</p>"
                    ),
                ),
                ("heading", "في مركز الخدمة"),
                (
                    "items",
                    [
                        (
                            "الأولوية في الدور",
                            "قدّم كبير السن أو صاحب الإعاقة دون أن يضطر إلى طلب ذلك، واشرح للمنتظرين السبب بلطف إن لزم.",
                        ),
                        ("اذهب إليه", "إذا صعب عليه الوصول إلى الكاونتر فاخرج إليه أو اخدمه في مكان جلوسه."),
                        ("وجّه كلامك إليه", "خاطب المراجع نفسه لا مرافقه، إلا إذا طلب هو غير ذلك."),
                        (
                            "تحدث بوضوح",
                            "تكلم ببطء ووضوح ووجهك إليه، دون رفع الصوت، فبعض ضعاف السمع يعتمدون على قراءة الشفاه.",
                        ),
                        ("ساعد في النماذج", "اعرض المساعدة في تعبئة النماذج، واقرأ عليه ما يلزم توقيعه."),
                        ("امنحه الوقت", "لا تستعجله، وتأكد من أنه فهم الخطوات قبل انصرافه."),
                        ("أعطه ملخصًا مكتوبًا", "سلّمه ما تم وما بقي والموعد المتوقع مكتوبًا بخط واضح."),
                    ],
                ),
                ("heading", "على الهاتف وفي القنوات الرقمية"),
                (
                    "items",
                    [
                        ("صبر إضافي", "امنح المتصل وقتًا أطول، وكرر المعلومة المهمة بصياغة أخرى إذا لزم."),
                        ("قناة بديلة", "اعرض الاتصال المرئي أو الهاتفي على من يصعب عليه الحضور."),
                        ("مواقع ميسّرة", "ينبغي أن تلائم الخدمات الإلكترونية جميع فئات المجتمع، ومنهم ذوو الإعاقة."),
                        ("لغتان", "تُقدَّم الخدمات باللغتين العربية والإنجليزية."),
                    ],
                ),
                ("heading", "مسؤولية الجهة"),
                (
                    "items",
                    [
                        ("المكان", "مداخل ومواقف ودورات مياه وممرات مهيأة، ومقاعد قريبة من الكاونتر."),
                        ("الإجراءات", "مسار أولوية واضح في نظام الانتظار، ومعروف لكل الموظفين."),
                        ("التدريب", "تدريب الموظفين على التعامل اللائق مع مختلف أنواع الإعاقة."),
                    ],
                ),
                (
                    "callout",
                    (
                        "لفتة صغيرة تبقى في الذاكرة",
                        (
                            "<p>تتناقل الناس أحيانًا صورة موظف انحنى ليساعد رجلًا مسنًّا في أمر بسيط عجز عنه. لم تكن "
                            "الخدمة معقدة، لكنها قالت الكثير عن الجهة التي يعمل فيها. هذا ما نعنيه بالرعاية: أن ترى "
                            "الإنسان قبل المعاملة.</p>"
                        ),
                    ),
                ),
            ],
        },
        "en": {
            "title": "Serving older people and people with disabilities",
            "summary": (
                "The unified charter commits to equal treatment for all customers, with priority for older people "
                "and people with disabilities. This article turns that commitment into practical steps at the "
                "service centre, on the phone and in digital channels."
            ),
            "tags": [
                "older people",
                "people with disabilities",
                "priority",
                "accessibility",
                "justice and inclusiveness",
            ],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Among the commitments of the unified customer-service charter is that all customers are "
                        "treated equally and that older people and people with disabilities are served first. The "
                        "unified guide asks agencies and staff to make the experience easier for them, in line with "
                        "the principle of justice and inclusiveness in service. Justice here does not mean treating "
                        "everyone in exactly the same way; it means every customer gets the same service, even if "
                        "some need an easier route to reach it.</p>"
                    ),
                ),
                ("heading", "At the service centre"),
                (
                    "items",
                    [
                        (
                            "Priority in the queue",
                            (
                                "Serve the older or disabled customer first without making them ask, and explain the "
                                "reason politely to others waiting if needed."
                            ),
                        ),
                        (
                            "Go to them",
                            (
                                "If reaching the counter is hard for them, come out to them or serve them where they "
                                "are seated."
                            ),
                        ),
                        ("Speak to them", "Address the customer, not their companion, unless they ask otherwise."),
                        (
                            "Speak clearly",
                            (
                                "Speak slowly and clearly while facing them, without raising your voice; some people "
                                "with hearing loss rely on lip-reading."
                            ),
                        ),
                        ("Help with forms", "Offer to help fill in forms, and read out anything they need to sign."),
                        (
                            "Give them time",
                            "Don't rush them, and check they have understood the steps before they leave.",
                        ),
                        (
                            "Give a written summary",
                            "Hand them, in clear writing, what has been done, what remains and the expected date.",
                        ),
                    ],
                ),
                ("heading", "On the phone and in digital channels"),
                (
                    "items",
                    [
                        (
                            "Extra patience",
                            "Give callers more time, and repeat important information in other words if needed.",
                        ),
                        (
                            "An alternative channel",
                            "Offer a video or phone call to customers who find it hard to come in.",
                        ),
                        (
                            "Accessible websites",
                            (
                                "Electronic services should suit every group in society, including people with "
                                "disabilities."
                            ),
                        ),
                        ("Two languages", "Services are provided in both Arabic and English."),
                    ],
                ),
                ("heading", "The agency's responsibility"),
                (
                    "items",
                    [
                        (
                            "The premises",
                            "Accessible entrances, parking, toilets and corridors, and seating close to the counter.",
                        ),
                        ("Procedures", "A clear priority route in the queuing system, known to every member of staff."),
                        ("Training", "Training staff to deal appropriately with different kinds of disability."),
                    ],
                ),
                (
                    "callout",
                    (
                        "A small gesture people remember",
                        (
                            "<p>Every so often a photo goes round of an employee bending down to help an elderly man "
                            "with some small thing he could not manage himself. The service was not complicated, but "
                            "it said a great deal about the organisation behind it. That is what we mean by care: "
                            "seeing the person before the transaction.</p>"
                        ),
                    ),
                ),
            ],
        },
    },
    {
        "slug": "ten-principles-of-excellent-service",
        "owner_team": "quality",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "المبادئ العشرة للتميز في خدمة المراجعين وفكرة الجائزة",
            "summary": (
                "عشرة مبادئ عملية يستطيع كل موظف حكومي تطبيقها ليحقق التميز في خدمة المستفيدين، وفكرة جائزة خدمة "
                "العملاء التي تخلق تنافسًا إيجابيًا بين الجهات الحكومية."
            ),
            "tags": ["المبادئ العشرة", "جائزة خدمة العملاء", "ثقافة خدمة العملاء", "التميز", "المراجعون"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>في مؤتمر عن ثقافة خدمة العملاء في القطاع الحكومي، نظّمه معهد الإدارة العامة بدعوة من "
                        "وزارة الخدمة المدنية في المملكة العربية السعودية، أكّد المشاركون أن هذا المفهوم ما زال جديدًا "
                        "على كثير من موظفي القطاع العام، وأن التسمية لا تغيّر شيئًا: عميلًا كان أو مستفيدًا أو مراجعًا، "
                        "فالمعنيّ هو المواطن أو المقيم. كما لاحظوا أن المراجع صار يقارن خدماتنا بأفضل الخدمات "
                        "الحكومية في العالم، فارتفع سقف توقعاته. ومن المؤتمر خرجت عشرة مبادئ يمكن لكل موظف أن يطبقها "
                        "في عمله اليومي.</p>"
                    ),
                ),
                ("heading", "المبادئ العشرة"),
                (
                    "items",
                    [
                        ("١. خصوصية التعامل", "أن يشعر المراجع بأنه مهم، وأن له عند الجهة قيمة حقيقية."),
                        ("٢. اللقاء الأول", "اللقاء الأول يصنع الانطباع الأول عن الجهة وموظفيها، فأحسِن البداية."),
                        ("٣. الحديث الودي", "حوار ودود وألفة وابتسامة، وتجنب اللغة الجافة المتكلفة أو المتعالية."),
                        ("٤. المعاملة الخاصة", "عبارات بسيطة تُشعر المراجع بأن ما تفعله هو من أجله."),
                        ("٥. الاهتمام والتواصل", "التواصل مع المراجع والإصغاء إلى ملاحظاته ومقترحاته على الخدمة."),
                        ("٦. التفكير الإيجابي", "حسن الظن بالمراجع والتفاؤل في التعامل معه."),
                        ("٧. التعلم المستمر", "البحث الدائم عن أفضل الطرق لخدمة المراجع وتطوير العلاقة معه."),
                        ("٨. الحماس والمتابعة", "تلبية متطلبات المراجع، وملاحظة ما يحبه وما يزعجه."),
                        ("٩. الصواب من المرة الأولى", "تقديم الخدمة بلا أخطاء قدر الإمكان، وإصلاح الخطأ بسرعة إن وقع."),
                        ("١٠. الأثر الطيب", "أن يغادر المراجع بانطباع إيجابي يزيد رضاه ويديم ثقته بالجهة."),
                    ],
                ),
                ("heading", "من المبادئ إلى الجائزة"),
                (
                    "paragraph",
                    (
                        "<p>من تطلعات المؤتمر أن تنشأ بيئة تنافسية بين الجهات الحكومية الخدمية ترتقي بالعمل الحكومي، "
                        "وأن تُمنح جائزة لخدمة العملاء للموظف المتميز وللجهات الحكومية المتميزة في خدمة المراجعين. "
                        "وتدعم بوابة تميّز هذه الفكرة: فالترشيحات للجائزة تستند إلى التزامات الوثيقة الموحدة ونموذج "
                        "القدرات ونتائج رضا المراجعين.</p>"
                    ),
                ),
                ("heading", "تطلعات أخرى"),
                (
                    "items",
                    [
                        ("نشر الثقافة", "أن تصبح خدمة العملاء ثقافة يمارسها مقدمو الخدمة ويطالب بها متلقوها."),
                        (
                            "تغيير الصورة النمطية",
                            (
                                "الانتقال من مراجع لا خيار له إلا قبول ما يُقدَّم إليه، إلى مستفيد له حق في خدمة بأرقى "
                                "المستويات."
                            ),
                        ),
                        (
                            "الإنصات أولًا",
                            "الإصغاء إلى المواطنين والتعلم منهم هو المبدأ الأول في كل مستويات العمل الحكومي.",
                        ),
                        ("خدمات إلكترونية للجميع", "خدمات رقمية تلائم كل فئات المجتمع، ومنهم ذوو الإعاقة."),
                        ("قيادات قدوة", "قيادات مؤهلة تجعل خدمة العملاء جزءًا أصيلًا من ثقافة الجهة."),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Ten principles of excellent service, and the idea of an award",
            "summary": (
                "Ten practical principles any government employee can apply to deliver excellent service, and the "
                "idea of a customer-service award that creates healthy competition between government agencies."
            ),
            "tags": ["ten principles", "customer-service award", "customer-service culture", "excellence", "visitors"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>At a conference on customer-service culture in the public sector, organised by the "
                        "Institute of Public Administration at the invitation of Saudi Arabia's Ministry of Civil "
                        "Service, participants stressed that the idea is still new to many public employees, and "
                        "that the name changes nothing: customer, beneficiary or visitor, it means the citizen or "
                        "resident. They also noted that customers now compare our services with the best government "
                        "services in the world, which has raised their expectations. The conference produced ten "
                        "principles every employee can apply in daily work.</p>"
                    ),
                ),
                ("heading", "The ten principles"),
                (
                    "items",
                    [
                        (
                            "1. A personal touch",
                            "The customer feels they matter and that the agency genuinely values them.",
                        ),
                        (
                            "2. The first meeting",
                            (
                                "The first meeting creates the first impression of the agency and its staff, so "
                                "start well."
                            ),
                        ),
                        (
                            "3. Friendly conversation",
                            "Warm dialogue, rapport and a smile; avoid stiff, stilted or condescending language.",
                        ),
                        (
                            "4. Special treatment",
                            "Simple phrases that make the customer feel that what you do is for them.",
                        ),
                        (
                            "5. Attention and contact",
                            (
                                "Keep in touch with the customer and listen to their comments and suggestions about "
                                "the service."
                            ),
                        ),
                        ("6. Positive thinking", "Think well of the customer and approach them with optimism."),
                        (
                            "7. Continuous learning",
                            "Keep looking for better ways to serve customers and develop the relationship.",
                        ),
                        (
                            "8. Enthusiasm and follow-through",
                            "Meet the customer's requirements and notice what they like and what bothers them.",
                        ),
                        (
                            "9. Right first time",
                            "Deliver the service without errors as far as possible, and fix any mistake quickly.",
                        ),
                        (
                            "10. A good impression",
                            (
                                "The customer leaves with a positive impression that increases satisfaction and "
                                "keeps their trust."
                            ),
                        ),
                    ],
                ),
                ("heading", "From principles to an award"),
                (
                    "paragraph",
                    (
                        "<p>One of the conference's aims was a competitive environment between government service "
                        "agencies that raises the standard of public work, with a customer-service award for the "
                        "distinguished employee and for distinguished government agencies. Tamayuz supports this "
                        "idea: award nominations rest on the unified charter's commitments, the capability model and "
                        "customer-satisfaction results.</p>"
                    ),
                ),
                ("heading", "Other aims"),
                (
                    "items",
                    [
                        (
                            "Spreading the culture",
                            "Customer service becomes a culture that providers practise and recipients expect.",
                        ),
                        (
                            "Changing the stereotype",
                            (
                                "Moving from a visitor with no choice but to accept what is offered to a beneficiary "
                                "with a right to the highest standard of service."
                            ),
                        ),
                        (
                            "Listening first",
                            (
                                "Listening to citizens and learning from them is the first principle at every level "
                                "of government."
                            ),
                        ),
                        (
                            "E-services for everyone",
                            "Digital services that suit every group in society, including people with disabilities.",
                        ),
                        (
                            "Leaders as role models",
                            "Qualified leaders who make customer service a core part of the agency's culture.",
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "evaluating-service-staff-360",
        "owner_team": "hr",
        "audience": "staff",
        "agency": "civil-service-bureau",
        "channels": [],
        "related": [("charter", "charter")],
        "ar": {
            "title": "تقييم موظفي الخدمة بأسلوب 360 درجة: من يقيّم ولماذا",
            "summary": (
                "ملاحظة داخلية للمشرفين والموارد البشرية: لماذا نقيّم موظفي الخدمة من خمس زوايا، وما الذي يُقاس، وكيف "
                "نربط النتائج بالتحفيز والتطوير دون أن تفقد عدالتها."
            ),
            "tags": ["تقييم 360", "تقييم الأداء", "التحفيز", "نموذج القدرات", "الموارد البشرية", "مقدم الخدمة"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>التقييم العادل والموضوعي واحد من خمسة عناصر لأي برنامج فعال لإدارة العنصر البشري في خدمة "
                        "المراجعين، إلى جانب استقطاب أفضل الكفاءات، وتنمية المهارات، ومكافأة الأداء المتميز، "
                        "والمحافظة على الموظفين. ولا يكون التقييم عادلًا إذا اعتمد على رأي واحد.</p>"
                    ),
                ),
                ("heading", "من يقيّم الموظف؟"),
                (
                    "items",
                    [
                        ("العملاء", "أصدق من يحكم على المعاملة التي تلقوها فعلًا."),
                        ("الرؤساء", "يرون الالتزام بالإجراءات والأهداف والانضباط."),
                        ("الزملاء", "يرون روح الفريق والتعاون وتبادل المعرفة."),
                        ("الموظف نفسه", "التقييم الذاتي يكشف مدى وعيه بنقاط قوته وما يحتاج إلى تطوير."),
                        ("المرؤوسون", "لمن يشرف على غيره: يرون أسلوبه في القيادة والدعم."),
                    ],
                ),
                ("heading", "ما الذي يُقاس؟"),
                (
                    "paragraph",
                    (
                        "<p>يوصي الدليل الموحد بتقييم فريق الخدمة تقييمًا مستمرًا بأهداف ومقاييس أداء مستمدة من "
                        "الوثيقة الموحدة لخدمة العملاء. لذلك يُبنى الاستبيان من <b>نموذج القدرات</b> (التعاطف، "
                        "والاهتمام، والرعاية، والشراكة، والثقة، ثم القدرات التخصصية) ومن <b>التزامات الوثيقة</b> "
                        "تجاه المراجعين. ويُستحسن أن يرتبط التقييم السنوي لكل موظف بمدى رضا المراجعين عن تعامله "
                        "معهم.</p>"
                    ),
                ),
                ("heading", "لماذا نقيّم؟"),
                (
                    "items",
                    [
                        ("فرص التحسين", "معرفة ما يحتاج إلى تطوير في أداء كل موظف."),
                        ("مكافآت موضوعية", "منح الحوافز والمكافآت على أسس واضحة."),
                        ("المسار الوظيفي", "تخطيط الترقيات والتنقلات بطريقة موضوعية."),
                        ("تصحيح تصميم الوظيفة", "اكتشاف ما في الوظيفة نفسها من خلل."),
                        ("اختيار أفضل", "تحسين معايير الاختيار والتعيين مستقبلًا."),
                    ],
                ),
                ("heading", "قواعد التحفيز المرتبط بالتقييم"),
                (
                    "items",
                    [
                        ("ربط المكافأة بالأداء", "يحصل على الحافز من حقق النتيجة، لا من طال انتظاره."),
                        ("العدالة والموضوعية", "المعايير نفسها على الجميع، ومعلنة مسبقًا."),
                        (
                            "الجمع بين المادي والمعنوي",
                            "المكافأة المالية وحدها لا تكفي؛ الشكر العلني والتقدير لهما أثر كبير.",
                        ),
                        ("الفورية", "الحافز الذي يأتي مباشرة بعد الأداء الجيد أبلغ أثرًا."),
                        (
                            "التقطع",
                            "حوافز غير متوقعة بين حين وآخر تحافظ على الدافعية أكثر من حافز ثابت يتحول إلى عادة.",
                        ),
                        ("التغذية الراجعة المستمرة", "لا ينتظر الموظف نهاية العام ليعرف أين يقف."),
                        ("أهداف قابلة للتحقيق", "هدف بعيد المنال يُحبط ولا يحفّز."),
                        ("التمكين", "منح الصلاحيات وتحميل المسؤولية والمشاركة في القرار."),
                    ],
                ),
                (
                    "callout",
                    (
                        "لماذا يتراجع أداء الخدمة؟",
                        (
                            "<p>غالبًا لأحد سببين: أن الموظف لم يفهم مستوى الأداء الذي تنتظره منه الإدارة أو "
                            "المراجعون، أو أنه لم يلقَ تقديرًا لجهده فأصابه الإحباط. والتقييم الجيد يعالج السببين معًا: "
                            "يوضّح التوقعات، ويكافئ من يستحق.</p>"
                        ),
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>وتشير دراسة استشهد بها منهج التدريب إلى أن أضعف ما في الجهات الحكومية: مكافأة المتميزين "
                        "في خدمة المراجعين، واستطلاع آرائهم، والتدريب على التعامل معهم، ووجود معايير لقياس جودة "
                        "الخدمة. وهذه بالضبط هي الفجوات التي صُمّمت البوابة لسدّها.</p>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "360° evaluation of service staff: who rates, and why",
            "summary": (
                "An internal note for supervisors and HR: why service staff are evaluated from five angles, what is "
                "measured, and how results are linked to motivation and development without losing their fairness."
            ),
            "tags": [
                "360 evaluation",
                "performance evaluation",
                "motivation",
                "capability model",
                "human resources",
                "service provider",
            ],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Fair, objective evaluation is one of five elements of any effective programme for "
                        "managing people in customer service, alongside attracting the best talent, developing "
                        "skills, rewarding excellent performance and retaining staff. An evaluation cannot be fair "
                        "if it rests on a single opinion.</p>"
                    ),
                ),
                ("heading", "Who evaluates the employee?"),
                (
                    "items",
                    [
                        ("Customers", "The most reliable judges of the treatment they actually received."),
                        ("Supervisors", "They see adherence to procedures, targets and discipline."),
                        ("Peers", "They see team spirit, cooperation and knowledge sharing."),
                        (
                            "The employee",
                            "Self-assessment shows how aware they are of their strengths and of what needs developing.",
                        ),
                        (
                            "Subordinates",
                            "For those who supervise others: they see their way of leading and supporting.",
                        ),
                    ],
                ),
                ("heading", "What is measured?"),
                (
                    "paragraph",
                    (
                        "<p>The unified guide recommends evaluating the service team continuously against goals and "
                        "performance measures linked to the customer-service charter. The questionnaire is therefore "
                        "built from the <b>capability model</b> (empathy, attention, care, partnership and trust, "
                        "then the specialist capabilities) and from the <b>unified charter's commitments</b> to "
                        "customers. Each employee's annual evaluation should also be linked to how satisfied "
                        "customers are with the way they were treated.</p>"
                    ),
                ),
                ("heading", "Why evaluate?"),
                (
                    "items",
                    [
                        ("Improvement opportunities", "Learn what each employee needs to develop."),
                        ("Objective rewards", "Grant incentives and rewards on clear grounds."),
                        ("Career paths", "Plan promotions and transfers objectively."),
                        ("Fixing job design", "Spot what is wrong with the job itself."),
                        ("Better selection", "Improve selection and hiring criteria for the future."),
                    ],
                ),
                ("heading", "Motivation rules linked to evaluation"),
                (
                    "items",
                    [
                        (
                            "Link reward to performance",
                            "The incentive goes to whoever achieved the result, not whoever has waited longest.",
                        ),
                        ("Fairness and objectivity", "The same criteria for everyone, announced in advance."),
                        (
                            "Mix material and moral rewards",
                            "Money alone is not enough; public thanks and recognition have a strong effect.",
                        ),
                        (
                            "Promptness",
                            "An incentive that comes straight after good performance has the greatest effect.",
                        ),
                        (
                            "Intermittency",
                            (
                                "Occasional, unexpected incentives sustain motivation better than a fixed one that "
                                "becomes routine."
                            ),
                        ),
                        (
                            "Continuous feedback",
                            "Staff should not wait until the end of the year to know where they stand.",
                        ),
                        ("Achievable goals", "A goal out of reach frustrates rather than motivates."),
                        ("Empowerment", "Give authority, assign responsibility and involve staff in decisions."),
                    ],
                ),
                (
                    "callout",
                    (
                        "Why does service performance drop?",
                        (
                            "<p>Usually for one of two reasons: the employee has not understood the level of "
                            "performance management or customers expect, or their effort has gone unrecognised and "
                            "they have become discouraged. Good evaluation tackles both: it makes expectations clear "
                            "and rewards those who deserve it.</p>"
                        ),
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>A study cited in the training curriculum found that government agencies are weakest at "
                        "rewarding staff who excel with customers, surveying customers' views, training staff to "
                        "deal with customers, and having standards to measure service quality. These are exactly the "
                        "gaps the portal was designed to close.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "slug": "self-talk-and-service-attitude",
        "owner_team": "hr",
        "audience": "staff",
        "channels": ["centre", "phone", "video", "chat"],
        "related": [("guide", "dealing-with-customer-types")],
        "ar": {
            "title": "الحديث الذاتي واتجاهات الموظف: كيف تحمي خدمتك من المزاج السيئ",
            "summary": (
                "ملاحظة عملية لموظفي الخط الأمامي: كيف يؤثر حوارك الداخلي في طريقة خدمتك للمراجعين، وما الممارسات "
                "السلبية التي ينتجها، وكيف تتخلص منها وتستخدم لغة إيجابية."
            ),
            "tags": ["الحديث الذاتي", "الاتجاهات الإيجابية", "ضغوط العمل", "اللغة الإيجابية", "موظف الخدمة"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>الحديث الذاتي هو ما يقوله موظف الخدمة لنفسه في داخله عن شعوره تجاه رؤسائه وزملائه وكل من "
                        "يتعامل معهم في عمله. ولهذا الحوار الصامت أثر مباشر في نبرة صوته وملامح وجهه وصبره على "
                        "المراجع التالي.</p>"
                    ),
                ),
                (
                    "items",
                    [
                        (
                            "حديث ذاتي سلبي",
                            "«مزاجي سيئ اليوم»، «لا شيء يسير كما ينبغي»، «هؤلاء المراجعون لا يرضيهم شيء».",
                        ),
                        (
                            "حديث ذاتي إيجابي",
                            (
                                "«يبدو يومًا جيدًا»، «أستطيع حل ما يعرض عليّ من مشكلات»، «رضا المراجع رضا لي»، «وظيفتي "
                                "وُجدت لخدمته»."
                            ),
                        ),
                    ],
                ),
                ("heading", "ممارسات تنتج عن الاتجاهات السلبية"),
                (
                    "items",
                    [
                        ("اللامبالاة", "تجاهل المراجع وعدم الاكتراث بحاجته."),
                        (
                            "الآلية والبرود",
                            "أداء متطلبات الوظيفة لا متطلبات المراجع، فتخلو المعاملة من الود والاحترام.",
                        ),
                        ("التسويف", "الاختباء وراء الإجراءات واللوائح للمماطلة في إنجاز المعاملة."),
                        ("السلبية والتقاعس", "غياب المبادرة، فلا يعمل الموظف إلا إذا طُلب منه."),
                        ("التمييز", "تغيّر معاملة المراجع بحسب جنسيته أو دينه أو جنسه أو غير ذلك."),
                        ("التحقير", "التقليل من شأن المراجع أو معاملته بازدراء."),
                    ],
                ),
                ("heading", "كيف تتخلص منها؟"),
                (
                    "items",
                    [
                        (
                            "أوقف الحديث السلبي",
                            "انتبه إلى العبارات التي تكررها لنفسك، واستبدل بها عبارات واقعية إيجابية.",
                        ),
                        ("لا تتفاعل مع الغضب بغضب", "غضب المراجع موجّه إلى المشكلة، فلا تجعله معركة شخصية."),
                        ("تعامل مع الضغوط", "خذ راحتك المقررة خارج منطقة الخدمة، واطلب الدعم من مشرفك عند الحاجة."),
                        ("درّب لسانك", "تجنب الكلمات السلبية مثل «مستحيل» و«ليس من شأني» و«ارجع لاحقًا»."),
                    ],
                ),
                ("heading", "اللغة الإيجابية في مثال"),
                (
                    "items",
                    [
                        ("بلا لغة إيجابية", "«لا أستطيع إصدار الشهادة الآن، النظام متوقف»."),
                        (
                            "بلغة إيجابية",
                            "«سأسجّل طلبك الآن، وستصدر الشهادة فور عودة النظام، وسنرسل لك رسالة عندما تصبح جاهزة».",
                        ),
                    ],
                ),
                (
                    "callout",
                    (
                        "الحضور المطمئن",
                        (
                            "<p>أفضل موظفي الخدمة هم من يحافظون على هدوئهم حين يكون المراجع غاضبًا أو قلقًا، بل ينقلون "
                            "إليه شيئًا من هذا الهدوء. في تلك اللحظة تكون أنت طوق النجاة لشخص يشعر أن مشكلته أكبر من "
                            "قدرته.</p>"
                        ),
                    ),
                ),
            ],
        },
        "en": {
            "title": "Self-talk and service attitude: protecting your service from a bad mood",
            "summary": (
                "A practical note for front-line staff: how your inner dialogue shapes the way you serve customers, "
                "the negative practices it produces, and how to get rid of them and use positive language."
            ),
            "tags": ["self-talk", "positive attitude", "work pressure", "positive language", "service employee"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Self-talk is the conversation a service employee has with themselves about how they feel "
                        "towards their managers, their colleagues and everyone they deal with at work. This silent "
                        "dialogue directly affects their tone of voice, their expression and their patience with the "
                        "next customer.</p>"
                    ),
                ),
                (
                    "items",
                    [
                        (
                            "Negative self-talk",
                            (
                                "“I'm in a bad mood today”, “Nothing is going right”, “These customers are never "
                                "satisfied”."
                            ),
                        ),
                        (
                            "Positive self-talk",
                            (
                                "“It looks like a good day”, “I can solve whatever problems come my way”, “The "
                                "customer's satisfaction is my satisfaction”, “My job exists to serve them”."
                            ),
                        ),
                    ],
                ),
                ("heading", "Practices that come from negative attitudes"),
                (
                    "items",
                    [
                        ("Indifference", "Ignoring the customer and not caring about their need."),
                        (
                            "Robotic coldness",
                            (
                                "Serving the job's requirements rather than the customer's, so the exchange loses "
                                "warmth and respect."
                            ),
                        ),
                        ("Stalling", "Hiding behind procedures and regulations to delay the transaction."),
                        ("Passivity", "No initiative: the employee only acts when told to."),
                        (
                            "Discrimination",
                            "Treating customers differently by nationality, religion, gender or anything else.",
                        ),
                        ("Contempt", "Belittling the customer or treating them with disdain."),
                    ],
                ),
                ("heading", "How to get rid of them"),
                (
                    "items",
                    [
                        (
                            "Stop the negative talk",
                            "Notice the phrases you repeat to yourself and replace them with realistic, positive ones.",
                        ),
                        (
                            "Don't meet anger with anger",
                            "The customer's anger is aimed at the problem; don't make it a personal fight.",
                        ),
                        (
                            "Handle pressure",
                            (
                                "Take your scheduled break outside the service area, and ask your supervisor for "
                                "support when you need it."
                            ),
                        ),
                        (
                            "Train your tongue",
                            "Avoid negative words such as “impossible”, “not my problem” and “come back later”.",
                        ),
                    ],
                ),
                ("heading", "Positive language: an example"),
                (
                    "items",
                    [
                        ("Without positive language", "“I can't issue the certificate now, the system is down.”"),
                        (
                            "With positive language",
                            (
                                "“I'll register your request now; the certificate will be issued as soon as the "
                                "system is back, and we'll text you when it's ready.”"
                            ),
                        ),
                    ],
                ),
                (
                    "callout",
                    (
                        "A reassuring presence",
                        (
                            "<p>The best service staff keep calm when a customer is angry or anxious, and even pass "
                            "some of that calm on. At that moment you are the lifeline for someone who feels their "
                            "problem is bigger than they can handle.</p>"
                        ),
                    ),
                ),
            ],
        },
    },
]
