"""The seven etiquette guides (five channels, complaints, customer types), in the portal's own words."""

from __future__ import annotations

GUIDES: list[dict[str, object]] = [
    {
        "slug": "service-centre-etiquette",
        "owner_team": "centres",
        "guide_kind": "centre",
        "channels": ["centre"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "إتيكيت التعامل في مراكز خدمة العملاء",
            "summary": (
                "ما يلتزم به موظف الخدمة في المركز قبل استقبال المراجعين وفي أثناء إنجاز معاملاتهم وبعد انصرافهم: "
                "المظهر والحضور المبكر، والاستقبال والتحية، ولغة الجسد، ودقة المعلومة، وتحمّل المسؤولية، ومتابعة "
                "الطلب."
            ),
            "tags": ["مراكز الخدمة", "الإتيكيت", "استقبال المراجعين", "المظهر المهني", "اتفاقية مستوى الخدمة"],
            "intro": (
                "<p>مركز الخدمة هو المكان الذي يلتقي فيه المراجع بالجهة الحكومية وجهًا لوجه، وفيه يتكوّن انطباعه الأول "
                "عنها خلال دقائق. يجمع هذا الدليل القواعد العملية التي يطبّقها كل موظف يقف على الكاونتر، مرتبةً حسب "
                "مراحل الزيارة: الاستعداد قبل فتح الأبواب، ثم خدمة المتعامل، ثم إغلاق المعاملة "
                "ومتابعتها.</p><p>القواعد مكتوبة على هيئة قائمة تحقق، فيستطيع الموظف أن يراجع نفسه بها، ويستطيع "
                "المشرف أن يستخدمها في الملاحظة الميدانية والتقييم.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "قبل تقديم الخدمة: الاستعداد والمظهر",
                    "items": [
                        ("do", "ارتدِ الزي الرسمي المهني المعتمد في جهتك طوال ساعات العمل."),
                        (
                            "do",
                            "ضع بطاقتك التعريفية في مكان ظاهر بحيث يُقرأ اسمك ومسماك الوظيفي بالعربية والإنجليزية.",
                            "إذا لم تصرف لك الجهة بطاقة شخصية فاستعمل اللوحة التعريفية الموضوعة على المكتب الأمامي.",
                        ),
                        (
                            "do",
                            "احضر إلى مكتبك قبل بدء استقبال المراجعين بخمس عشرة دقيقة على الأقل.",
                            "الهدف أن تكون في مكانك قبل وصول أول متعامل، وأن تكون الأنظمة الإلكترونية قد فُتحت وجُهّزت.",
                        ),
                        ("do", "تأكد من نظافة مكتب الخدمة وترتيبه وجاهزية النماذج والأدوات قبل النداء على أول رقم."),
                        ("do", "ضع لافتة واضحة على أي مكتب يخلو من موظفه لأي سبب، حتى لا يقف أمامه أحد منتظرًا."),
                        ("dont", "لا تترك المراجعين ينتظرون طويلًا دون سبب، أو دون أن تخبرهم بما يؤخر دورهم."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "في أثناء تقديم الخدمة: الاستقبال والتعامل",
                    "items": [
                        (
                            "do",
                            "استقبل المراجع بوجه بشوش، وابدأه بالتحية واقفًا أو جالسًا، ثم اعرض عليه المساعدة.",
                            "مثال: «السلام عليكم، صباح الخير، تفضّل، كيف أستطيع خدمتك؟»",
                        ),
                        (
                            "do",
                            "عامل جميع المراجعين باحترام ولطف وعدل، وقدّم كبار السن والأشخاص ذوي الإعاقة.",
                            (
                                "العدالة والشمولية مبدأ أساسي في تقديم الخدمة الحكومية: الخدمة نفسها للجميع، مع "
                                "أولوية لمن يحتاجها."
                            ),
                        ),
                        ("do", "أظهر استعدادك ورغبتك في الخدمة، ولا تمتنع عن خدمة أي مراجع أيًّا كان."),
                        ("do", "حافظ على التواصل البصري مع المتعامل، وعلى ملامح وجه ودودة، وجلسة معتدلة."),
                        ("do", "تحدّث بصوت واضح هادئ وبلغة سليمة مفهومة، ولا ترفع صوتك."),
                        ("dont", "لا تنشغل عن المراجع بأمر جانبي، كالتجمع والحديث مع الزملاء أو الرد على المكالمات."),
                        ("dont", "لا تستخدم هاتفك الذكي الشخصي أو أي جهاز خاص في أثناء خدمة العملاء."),
                        (
                            "dont",
                            "لا تأكل ولا تمضغ العلكة ولا تدخّن، بما في ذلك السجائر الإلكترونية، في أثناء تقديم الخدمة.",
                        ),
                        (
                            "dont",
                            "لا تقضِ فترة الراحة داخل منطقة مكاتب الخدمة.",
                            "استرح خارج مساحة الخدمة حفاظًا على الطابع الرسمي للمكان.",
                        ),
                        ("do", "حدّد حاجة المتعامل بدقة، ثم اشرح له خطوات المعاملة ومتطلبات كل مرحلة منها بوضوح."),
                        (
                            "do",
                            (
                                "إذا لم تكن متأكدًا من الإجابة فأخبر المراجع بأنك تحتاج إلى التحقق أولًا، ثم عد إليه "
                                "بالمعلومة الصحيحة."
                            ),
                            "لا تخمّن أبدًا: المعلومة الخاطئة أو الناقصة تكلّف المراجع زيارة أخرى وتهزّ ثقته بالجهة.",
                        ),
                        ("do", "تحمّل مسؤولية أي خطأ يقع في المعاملة، وأظهر رغبة صادقة في تصحيحه."),
                        ("dont", "لا تُلقِ اللوم على زملائك أو على الإجراءات أمام المراجع."),
                        ("do", "تواصل بإيجابية واحترافية، واستعمل عبارات تركز على ما يمكن فعله."),
                        ("do", "احفظ خصوصية المراجع، فلا يطّلع غيره على بياناته أو تفاصيل معاملته."),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "بعد تقديم الخدمة: الإغلاق والمتابعة",
                    "items": [
                        ("do", "أخبر المتعامل بالخطوات التي اتُّخذت في معاملته وبالموعد المتوقع لإنجازها."),
                        (
                            "do",
                            "اختم اللقاء بصورة إيجابية، واسأل المراجع إن كان يحتاج إلى خدمة أخرى.",
                            "ثم ودّعه بعبارة لطيفة مثل «سعدت بخدمتك» أو «أتمنى لك يومًا سعيدًا».",
                        ),
                        (
                            "do",
                            (
                                "تابع الطلب وأبلغ المتعامل بالمستجدات برسالة نصية أو بريد إلكتروني أو غيرهما، ضمن "
                                "المدة المحددة في اتفاقية مستوى الخدمة."
                            ),
                        ),
                        ("dont", "لا تنهِ الخدمة قبل أن يعرف المراجع ما الخطوة التالية ومتى يتوقع النتيجة."),
                    ],
                },
                {
                    "stage": "general",
                    "heading": "في كل الأوقات",
                    "items": [
                        (
                            "do",
                            "كن ملمًّا بالإجراءات والأنظمة المتعلقة بالخدمات التي تقدمها، وقادرًا على الإجابة عن الأسئلة.",
                        ),
                        ("do", "إذا تعرّضت لإساءة لفظية من أحد المراجعين فلا تردّ بالمثل، وأبلغ مسؤولك المباشر بما حدث."),
                        (
                            "do",
                            "التزم بمدونة قواعد السلوك الوظيفي وأخلاقيات الوظيفة العامة المعتمدة في الخدمة المدنية.",
                        ),
                    ],
                },
            ],
            "body": [
                ("heading", "عبارات تصنع الفرق"),
                (
                    "paragraph",
                    (
                        "<p>الكلمة التي تختارها تغيّر طريقة تلقي المراجع للخبر نفسه. هذه بدائل مقترحة لعبارات شائعة "
                        "على الكاونتر:</p>"
                    ),
                ),
                (
                    "items",
                    [
                        ("بدلًا من «لا أعرف»", "قل: «اسمح لي أن أتحقق من ذلك، وأعود إليك خلال دقائق»."),
                        (
                            "بدلًا من «هذا ليس من اختصاصي»",
                            "قل: «سأوصلك بالزميل المختص، وأشرح له طلبك حتى لا تضطر إلى إعادته».",
                        ),
                        ("بدلًا من «النظام لا يسمح»", "قل: «ما يمكننا فعله الآن هو...»، ثم اعرض البديل المتاح."),
                        ("بدلًا من «ارجع غدًا»", "قل: «ستكون معاملتك جاهزة يوم ... وسنرسل لك رسالة فور إنجازها»."),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Service centre etiquette",
            "summary": (
                "What service-centre staff do before customers arrive, while serving them and after they leave: "
                "appearance and early arrival, greeting, body language, accurate information, owning mistakes, and "
                "follow-up."
            ),
            "tags": [
                "service centres",
                "etiquette",
                "greeting customers",
                "professional appearance",
                "service-level agreement",
            ],
            "intro": (
                "<p>The service centre is where customers meet a government agency face to face, and their first "
                "impression forms within minutes. This guide gathers the practical rules every counter employee "
                "applies, in the order of a visit: getting ready before the doors open, serving the customer, then "
                "closing the transaction and following it up.</p><p>The rules are written as a checklist, so staff "
                "can check themselves against it and supervisors can use it for floor observation and evaluation.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "Before service: preparation and appearance",
                    "items": [
                        ("do", "Wear your agency's official, professional uniform throughout working hours."),
                        (
                            "do",
                            (
                                "Wear your name badge where it can be seen, showing your name and job title in "
                                "Arabic and English."
                            ),
                            "If your agency has not issued a personal badge, use the name plate on the front desk.",
                        ),
                        (
                            "do",
                            "Be at your desk at least fifteen minutes before the centre starts receiving customers.",
                            (
                                "The aim is to be in place before the first customer arrives, with the electronic "
                                "systems already open and ready."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Make sure your desk is clean and tidy and your forms and tools are ready before "
                                "calling the first number."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Put a clear sign on any desk left unstaffed for any reason, so nobody queues in "
                                "front of it."
                            ),
                        ),
                        (
                            "dont",
                            (
                                "Don't leave customers waiting a long time without reason, or without telling them "
                                "what is holding things up."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "During service: greeting and conduct",
                    "items": [
                        (
                            "do",
                            (
                                "Welcome the customer with a smile, greet them first, standing or seated, and offer "
                                "your help."
                            ),
                            "For example: “Peace be upon you, good morning, please have a seat. How can I help you?”",
                        ),
                        (
                            "do",
                            (
                                "Treat every customer with respect, courtesy and fairness, and serve older people "
                                "and people with disabilities first."
                            ),
                            (
                                "Justice and inclusiveness are a core principle of government service: the same "
                                "service for everyone, with priority for those who need it."
                            ),
                        ),
                        ("do", "Show that you are ready and willing to help, and never refuse to serve any customer."),
                        ("do", "Keep eye contact with the customer, a friendly expression and an upright posture."),
                        ("do", "Speak in a calm, clear voice and in correct, plain language; never raise your voice."),
                        (
                            "dont",
                            (
                                "Don't get distracted by side matters, such as chatting in groups with colleagues or "
                                "taking calls."
                            ),
                        ),
                        ("dont", "Don't use your personal smartphone or any private device while serving customers."),
                        ("dont", "Don't eat, chew gum or smoke, including e-cigarettes, while serving customers."),
                        (
                            "dont",
                            "Don't take your breaks inside the service-desk area.",
                            "Rest outside the service area to keep the place formal.",
                        ),
                        (
                            "do",
                            (
                                "Identify exactly what the customer needs, then explain the steps of the transaction "
                                "and what each step requires."
                            ),
                        ),
                        (
                            "do",
                            (
                                "If you are not sure of an answer, tell the customer you need to check first, then "
                                "come back with the correct information."
                            ),
                            (
                                "Never guess: wrong or incomplete information costs the customer another visit and "
                                "shakes their trust in the agency."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Take responsibility for any mistake in the transaction and show a genuine wish to "
                                "put it right."
                            ),
                        ),
                        ("dont", "Don't blame your colleagues or the procedures in front of the customer."),
                        (
                            "do",
                            "Communicate positively and professionally, using phrases that focus on what can be done.",
                        ),
                        (
                            "do",
                            (
                                "Protect the customer's privacy: nobody else should see their data or the details of "
                                "their transaction."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "After service: closing and follow-up",
                    "items": [
                        (
                            "do",
                            (
                                "Tell the customer which steps have been taken on their request and when it is "
                                "expected to be completed."
                            ),
                        ),
                        (
                            "do",
                            "Close the meeting positively and ask whether the customer needs any other service.",
                            (
                                "Then say goodbye warmly, for example “It was a pleasure to serve you” or “Have a "
                                "good day”."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Follow up the request and keep the customer informed by text message, email or "
                                "another channel, within the time set in the service-level agreement."
                            ),
                        ),
                        (
                            "dont",
                            (
                                "Don't end the service before the customer knows the next step and when to expect "
                                "the result."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "general",
                    "heading": "At all times",
                    "items": [
                        (
                            "do",
                            (
                                "Know the procedures and regulations for the services you provide, and be able to "
                                "answer questions."
                            ),
                        ),
                        (
                            "do",
                            (
                                "If a customer abuses you verbally, don't respond in kind; report what happened to "
                                "your direct manager."
                            ),
                        ),
                        ("do", "Follow the civil-service code of conduct and the ethics of public office."),
                    ],
                },
            ],
            "body": [
                ("heading", "Phrases that make a difference"),
                (
                    "paragraph",
                    (
                        "<p>The words you choose change how a customer receives the same news. Here are suggested "
                        "alternatives to common counter phrases:</p>"
                    ),
                ),
                (
                    "items",
                    [
                        (
                            "Instead of “I don't know”",
                            "Say: “Let me check that for you; I'll be back with you in a few minutes.”",
                        ),
                        (
                            "Instead of “That's not my job”",
                            (
                                "Say: “I'll put you through to the colleague who handles this, and explain your "
                                "request so you don't have to repeat it.”"
                            ),
                        ),
                        (
                            "Instead of “The system doesn't allow it”",
                            "Say: “What we can do now is...”, then offer the available alternative.",
                        ),
                        (
                            "Instead of “Come back tomorrow”",
                            (
                                "Say: “Your request will be ready on ..., and we'll send you a message as soon as it "
                                "is done.”"
                            ),
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "call-centre-etiquette",
        "owner_team": "contact_centre",
        "guide_kind": "phone",
        "channels": ["phone"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "إتيكيت التعامل عبر مركز الاتصال",
            "summary": (
                "كيف يخدم موظف مركز الاتصال المتصلين: سرعة الرد، والسعي إلى الحل من المكالمة الأولى، والتحية "
                "والتعريف بالنفس، والإنصات، ووضع المتصل على الانتظار، وتحويل المكالمة، وإنهاؤها باحتراف."
            ),
            "tags": ["مركز الاتصال", "الإتيكيت", "المكالمات الهاتفية", "الانتظار", "تحويل المكالمات"],
            "intro": (
                "<p>الهاتف من أكثر القنوات التي يلجأ إليها المتعاملون، والمتصل لا يرى وجهك: صوتك واختيارك للكلمات "
                "وسرعة استجابتك هي كل ما يحكم به على الجهة. لذلك يحتاج موظف مركز الاتصال إلى إتقان فن المكالمة من "
                "أول رنّة إلى أن يُغلق المتصل الخط.</p><p>يضع هذا الدليل هدفين أمام كل موظف: أن يُرد على المتصل بسرعة، "
                "وأن يُنجز طلبه من المكالمة الأولى كلما أمكن ذلك.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "قبل الرد",
                    "items": [
                        ("do", "ردّ على المكالمة بسرعة، ولا تترك الهاتف يرن طويلًا."),
                        (
                            "do",
                            (
                                "كن جاهزًا للإجابة: الأنظمة مفتوحة، ومعلومات الخدمات ومستجداتها في متناول يدك قبل بدء "
                                "مناوبتك."
                            ),
                        ),
                        ("do", "تفرّغ للمكالمة تمامًا، وأغلق ما يشغلك عنها قبل أن تبدأ."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "في أثناء المكالمة",
                    "items": [
                        (
                            "do",
                            "ابدأ بالتحية، ثم عرّف بنفسك وبالجهة أو الإدارة التي تعمل فيها.",
                            "مثال: «السلام عليكم، مساء الخير، معك سارة من مركز الاتصال في هيئة التأمين الاجتماعي».",
                        ),
                        (
                            "do",
                            "اسأل المتصل عن اسمه بلطف لتخاطبه به، ثم اعرض عليه المساعدة.",
                            "مثال: «هل تسمح لي بمعرفة اسمك الكريم حتى أتمكن من خدمتك؟ تفضّل، كيف أستطيع مساعدتك؟»",
                        ),
                        ("do", "أنصت جيدًا، وتفاعل مع كلام المتصل باهتمام، وراعِ مشاعره."),
                        ("dont", "لا تقاطع المتصل ولا تستعجله قبل أن يُكمل شرح طلبه."),
                        ("do", "استخدم لغة رسمية مبسطة وواضحة يفهمها الجميع، وكن لبقًا في عباراتك."),
                        ("dont", "لا تستعمل الألفاظ الدارجة، ولا المصطلحات التقنية التي يصعب على عامة الناس فهمها."),
                        ("dont", "لا تنشغل بأي مهمة أخرى في أثناء حديثك مع المتصل."),
                        ("do", "دوّن بيانات المعاملة وملخص الطلب في النظام، واحفظ المعلومات بدقة وسرية."),
                        ("do", "بادر واقترح الحل بإيجابية، واسعَ إلى إنجاز الطلب في المكالمة نفسها."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "عند وضع المتصل على الانتظار",
                    "items": [
                        (
                            "do",
                            "استأذن المتصل قبل وضعه على الانتظار، وأخبره بالمدة التقريبية التي ستحتاجها.",
                            "مثال: «هل تسمح لي بوضعك على الانتظار نحو دقيقتين ريثما أراجع طلبك؟»",
                        ),
                        ("dont", "لا تضع المتصل على الانتظار دون استئذانه، ولا تتركه مدة أطول مما أخبرته بها."),
                        ("do", "اشكر المتصل على صبره وانتظاره عند عودتك إليه."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "عند تحويل المكالمة إلى موظف آخر",
                    "items": [
                        ("do", "اشرح للمتصل سبب تحويله إلى موظف مختص، وأخبره باسم الزميل الذي ستحوّله إليه."),
                        ("do", "اطلب إذن المتصل قبل التحويل."),
                        (
                            "do",
                            (
                                "عرّف الزميل بهوية المتصل وموضوع طلبه قبل إتمام التحويل، ليكون مستعدًا فلا يضطر العميل "
                                "إلى إعادة قصته."
                            ),
                        ),
                        (
                            "do",
                            "إذا لم يرد الزميل فإن المكالمة تعود إليك، فتُكمل خدمة المتصل بنفسك.",
                            "لا يُترك المتصل معلّقًا، ولا يُقطع الاتصال بسبب تحويل لم يكتمل.",
                        ),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "عند إنهاء المكالمة",
                    "items": [
                        ("do", "لخّص للمتصل ما طلبه لتتأكد من أنك فهمته كاملًا، وأخبره بالإجراءات التي اتُّخذت لتلبيته."),
                        ("do", "اشكر المتصل على اتصاله، واعتذر عن طول الوقت إذا امتدت المكالمة."),
                        ("do", "اسأله إن كان هناك أمر آخر تستطيع مساعدته فيه."),
                        ("dont", "لا تُغلق الخط قبل أن يُنهي المتصل المكالمة من طرفه."),
                    ],
                },
            ],
            "body": [
                (
                    "callout",
                    (
                        "الانتظار والتحويل في سطرين",
                        (
                            "<p><b>الانتظار:</b> استئذان، ثم مدة متوقعة، ثم شكر عند العودة.<br><b>التحويل:</b> سبب "
                            "واسم، ثم إذن، ثم تعريف الزميل بالمتصل وطلبه، وإن لم يرد الزميل عادت المكالمة إليك.</p>"
                        ),
                    ),
                )
            ],
        },
        "en": {
            "title": "Call centre etiquette",
            "summary": (
                "How contact-centre staff serve callers: answering fast, aiming to resolve on the first call, "
                "greeting and introducing yourself, listening, putting callers on hold, transferring calls, and "
                "ending calls professionally."
            ),
            "tags": ["call centre", "etiquette", "phone calls", "hold", "call transfer"],
            "intro": (
                "<p>The phone is one of the channels customers use most, and a caller cannot see your face: your "
                "voice, your choice of words and how quickly you respond are all they judge the agency by. "
                "Contact-centre staff therefore need to master the whole call, from the first ring until the caller "
                "hangs up.</p><p>This guide sets every agent two goals: answer callers quickly, and complete their "
                "request on the first call whenever possible.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "Before answering",
                    "items": [
                        ("do", "Answer the call quickly; don't let the phone ring for long."),
                        (
                            "do",
                            (
                                "Be ready to answer: systems open, and service information and updates at hand "
                                "before your shift starts."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Give the call your full attention, and close whatever might distract you before you "
                                "start."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "During the call",
                    "items": [
                        (
                            "do",
                            "Start with a greeting, then give your name and the agency or department you work for.",
                            (
                                "For example: “Peace be upon you, good evening, this is Sara at the Social Insurance "
                                "Authority contact centre.”"
                            ),
                        ),
                        (
                            "do",
                            "Politely ask the caller's name so you can address them by it, then offer your help.",
                            "For example: “May I have your name so I can assist you? Please go ahead, how can I help?”",
                        ),
                        (
                            "do",
                            "Listen carefully, respond with genuine interest and be mindful of the caller's feelings.",
                        ),
                        (
                            "dont",
                            "Don't interrupt or rush the caller before they have finished explaining their request.",
                        ),
                        (
                            "do",
                            (
                                "Use plain, clear, formal language that everyone understands, and choose courteous "
                                "phrases."
                            ),
                        ),
                        ("dont", "Don't use slang, or technical terms that the general public finds hard to follow."),
                        ("dont", "Don't work on any other task while you are talking to the caller."),
                        (
                            "do",
                            (
                                "Record the transaction details and a summary of the request in the system, "
                                "accurately and confidentially."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Take the initiative, propose a solution positively, and aim to complete the request "
                                "on the same call."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "Putting a caller on hold",
                    "items": [
                        (
                            "do",
                            (
                                "Ask the caller's permission before putting them on hold, and tell them roughly how "
                                "long it will take."
                            ),
                            "For example: “May I put you on hold for about two minutes while I check your request?”",
                        ),
                        (
                            "dont",
                            "Don't put a caller on hold without asking, or leave them waiting longer than you said.",
                        ),
                        ("do", "Thank the caller for their patience when you come back to them."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "Transferring a call to a colleague",
                    "items": [
                        (
                            "do",
                            (
                                "Explain to the caller why you are transferring them to a specialist, and tell them "
                                "the colleague's name."
                            ),
                        ),
                        ("do", "Ask the caller's permission before you transfer."),
                        (
                            "do",
                            (
                                "Brief your colleague on who is calling and what the request is before completing "
                                "the transfer, so they are ready and the customer doesn't have to repeat their story."
                            ),
                        ),
                        (
                            "do",
                            (
                                "If your colleague does not answer, the call comes back to you and you continue "
                                "serving the caller yourself."
                            ),
                            (
                                "A caller is never left hanging, and no call is dropped because a transfer did not "
                                "go through."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "Ending the call",
                    "items": [
                        (
                            "do",
                            (
                                "Summarise what the caller asked for, to confirm you understood it fully, and tell "
                                "them what has been done about it."
                            ),
                        ),
                        ("do", "Thank the caller for calling, and apologise for the time taken if the call ran long."),
                        ("do", "Ask whether there is anything else you can help with."),
                        ("dont", "Don't hang up before the caller has ended the call on their side."),
                    ],
                },
            ],
            "body": [
                (
                    "callout",
                    (
                        "Hold and transfer in two lines",
                        (
                            "<p><b>Hold:</b> ask permission, give the expected wait, thank the caller on "
                            "return.<br><b>Transfer:</b> give the reason and the colleague's name, ask permission, "
                            "brief the colleague; if nobody answers, the call comes back to you.</p>"
                        ),
                    ),
                )
            ],
        },
    },
    {
        "slug": "email-etiquette",
        "owner_team": "digital",
        "guide_kind": "email",
        "channels": ["email"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "إتيكيت الرد على رسائل البريد الإلكتروني",
            "summary": (
                "متى وكيف يُرد على رسائل المتعاملين: مهلة الرد (حسب اتفاقية مستوى الخدمة، أو 24 ساعة إن لم تحدد الجهة "
                "مهلة)، وبنية الرسالة الجيدة من العنوان إلى التوقيع، وما لا يُكتب في البريد أبدًا."
            ),
            "tags": ["البريد الإلكتروني", "الإتيكيت", "الرسائل", "مهلة الرد", "اتفاقية مستوى الخدمة"],
            "intro": (
                "<p>يزداد عدد المراجعين الذين يفضّلون مراسلة الجهة بالبريد الإلكتروني لطلب الخدمات والاستفسار عنها، "
                "ومع كثرة الرسائل الواردة يصبح الرد عليها عبئًا كبيرًا إن لم يتبع الجميع طريقة واحدة واضحة. يحدد هذا "
                "الدليل تلك الطريقة حتى يحصل كل متعامل على رد كامل وفي وقته.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "قبل كتابة الرد",
                    "items": [
                        (
                            "do",
                            (
                                "ردّ على الرسالة خلال المهلة المحددة في اتفاقية مستوى الخدمة لدى جهتك، وخلال 24 ساعة "
                                "إذا لم تحدد الجهة مهلة."
                            ),
                            (
                                "إذا كان إنجاز الطلب يحتاج إلى وقت أطول فأرسل ضمن المهلة ردًّا يبيّن ما تم والموعد "
                                "المتوقع للإنجاز."
                            ),
                        ),
                        ("do", "اقرأ الرسالة بعناية حتى آخرها، وتأكد من أنك فهمت ما يطلبه المتعامل بالضبط."),
                        (
                            "do",
                            "حدّد النقاط التي يجب أن يغطيها ردك، واختر أنسب وسيلة للرد: رسالة إلكترونية أم اتصال هاتفي.",
                        ),
                        ("do", "أشرك أحد أعضاء فريقك في الرد (بنسخة من الرسالة) حتى يستمر العمل إذا غبت."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "كتابة الرد: بنية الرسالة",
                    "items": [
                        ("do", "العنوان: اكتب موضوعًا محددًا يدل على مضمون الرسالة ويرتبط بطلب المتعامل."),
                        (
                            "do",
                            (
                                "التحية: اكتب اللقب ثم اسم المتعامل متبوعًا بكلمة «المحترم» أو «المحترمة»، أو «عميلنا "
                                "العزيز»، ثم السلام والشكر على تواصله."
                            ),
                            "مثال: «السيد/ أحمد علي المحترم، السلام عليكم ورحمة الله وبركاته، نشكرك على تواصلك معنا».",
                        ),
                        ("do", "النص: اكتب ردًّا واضحًا موجزًا يجيب عن كل سؤال طرحه المتعامل، دون إغفال أي نقطة."),
                        ("do", "إذا كان الطلب من اختصاص موظف آخر، فأرسل الرسالة إلى الموظف المختص مباشرة."),
                        ("do", "التوقيع: اختم بعبارة تحية لائقة، ثم اسمك ومسماك الوظيفي وإدارتك وأرقام التواصل."),
                        (
                            "do",
                            "استخدم لغة رسمية واضحة خالية من الأخطاء الإملائية والنحوية، وحجم خط مناسب سهل القراءة.",
                        ),
                    ],
                },
                {
                    "stage": "general",
                    "heading": "ما يجب تجنبه في البريد الإلكتروني",
                    "items": [
                        ("dont", "لا تكتب عبارات تحتمل أكثر من معنى أو يمكن أن يُساء فهمها."),
                        ("dont", "لا تستعمل الألفاظ العامية في مراسلات الجهة."),
                        (
                            "dont",
                            "لا تناقش المعلومات السرية أو البيانات الحساسة عبر البريد الإلكتروني.",
                            "إذا تطلبت المعاملة بيانات سرية فوجّه المتعامل إلى القناة المعتمدة لذلك في جهتك.",
                        ),
                        ("dont", "لا تستخدم خطًّا صغيرًا يصعب قراءته أو ألوانًا وتنسيقات تشتت القارئ."),
                    ],
                },
            ],
            "body": [
                ("heading", "نموذج رد مقترح"),
                (
                    "callout",
                    (
                        "الموضوع: طلب تحديث بيانات الاشتراك رقم ...",
                        (
                            "<p>السيد/ أحمد علي المحترم،</p><p>السلام عليكم ورحمة الله وبركاته، وبعد، نشكرك على "
                            "تواصلك معنا.</p><p>بخصوص طلبك تحديث بيانات الاشتراك، يسعدنا إفادتك بأن الطلب قد سُجّل، "
                            "وسيُنجز خلال ثلاثة أيام عمل. ولإتمامه نرجو تزويدنا بصورة من ...</p><p>وتفضلوا بقبول فائق "
                            "الاحترام،<br>الاسم، المسمى الوظيفي، الإدارة، رقم الهاتف</p>"
                        ),
                    ),
                ),
            ],
        },
        "en": {
            "title": "Email etiquette",
            "summary": (
                "When and how to answer customers' emails: the reply deadline (the service-level agreement, or 24 "
                "hours if the agency sets none), the structure of a good email from subject line to signature, and "
                "what never to put in an email."
            ),
            "tags": ["email", "etiquette", "messages", "reply time", "service-level agreement"],
            "intro": (
                "<p>More and more customers prefer to email the agency to request services and ask questions, and "
                "with so many messages arriving, answering them becomes a heavy load unless everyone follows one "
                "clear method. This guide sets out that method, so every customer gets a complete reply on time.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "Before you write",
                    "items": [
                        (
                            "do",
                            (
                                "Reply within the deadline in your agency's service-level agreement, or within 24 "
                                "hours if the agency has set none."
                            ),
                            (
                                "If completing the request takes longer, send a reply within the deadline saying "
                                "what has been done and when it is expected to be completed."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Read the message carefully to the end and make sure you understand exactly what the "
                                "customer is asking."
                            ),
                        ),
                        (
                            "do",
                            (
                                "List the points your reply must cover, and choose the best way to reply: email or a "
                                "phone call."
                            ),
                        ),
                        ("do", "Copy a member of your team on your replies so the work carries on if you are away."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "Writing the reply: the structure of the message",
                    "items": [
                        (
                            "do",
                            (
                                "Subject line: write a specific subject that says what the message is about and "
                                "matches the request."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Greeting: address the customer by title and name (in Arabic followed by "
                                "“al-Muhtaram” or “al-Muhtarama”; in English, “Dear Mr/Ms ...”), or write “Dear "
                                "customer”, then greet them and thank them for getting in touch."
                            ),
                            "For example: “Dear Mr Ahmed Ali, peace be upon you. Thank you for contacting us.”",
                        ),
                        (
                            "do",
                            (
                                "Body: write a clear, concise reply that answers every question the customer asked, "
                                "leaving nothing out."
                            ),
                        ),
                        (
                            "do",
                            (
                                "If the request belongs to another employee, send the message straight to the "
                                "colleague responsible."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Signature: close with a suitable sign-off, then your name, job title, department "
                                "and contact numbers."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Use clear, formal language free of spelling and grammar mistakes, in a readable "
                                "font size."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "general",
                    "heading": "What to avoid in email",
                    "items": [
                        ("dont", "Don't write phrases that could be read more than one way or easily misunderstood."),
                        ("dont", "Don't use slang in the agency's correspondence."),
                        (
                            "dont",
                            "Don't discuss confidential information or sensitive data by email.",
                            (
                                "If the transaction needs confidential data, direct the customer to the channel your "
                                "agency has approved for it."
                            ),
                        ),
                        (
                            "dont",
                            (
                                "Don't use a font that is too small to read, or colours and formatting that distract "
                                "the reader."
                            ),
                        ),
                    ],
                },
            ],
            "body": [
                ("heading", "A model reply"),
                (
                    "callout",
                    (
                        "Subject: Request to update subscription details no. ...",
                        (
                            "<p>Dear Mr Ahmed Ali,</p><p>Peace be upon you. Thank you for contacting "
                            "us.</p><p>Regarding your request to update your subscription details, we are pleased to "
                            "confirm that it has been registered and will be completed within three working days. To "
                            "complete it, please send us a copy of ...</p><p>Kind regards,<br>Name, job title, "
                            "department, phone number</p>"
                        ),
                    ),
                ),
            ],
        },
    },
    {
        "slug": "video-call-etiquette",
        "owner_team": "digital",
        "guide_kind": "video",
        "channels": ["video"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "إتيكيت خدمة العملاء عبر الاتصال المرئي",
            "summary": (
                "كيف يستعد الموظف لمكالمة الفيديو مع المراجع وكيف يديرها: موعد مسبق، واختبار النظام، ومكان هادئ جيد "
                "الإضاءة، وخلفية رسمية، ووجه ظاهر كاملًا، ونظر إلى الكاميرا، وعدم إنهاء الاتصال قبل العميل."
            ),
            "tags": ["الاتصال المرئي", "مكالمة الفيديو", "الإتيكيت", "القنوات الافتراضية"],
            "intro": (
                "<p>تتيح خدمة العملاء عبر الاتصال المرئي أن يلتقي الموظف بالمتعامل وجهًا لوجه وهو في بيته أو مكتبه، "
                "وأن يقرأ تعابير وجهه فيفهمه أفضل مما يتيحه الهاتف. لكن الكاميرا تنقل كل شيء: المكان والمظهر ولغة "
                "الجسد، ولذلك يحتاج هذا اللقاء إلى استعداد لا يقل عن استعداد الكاونتر.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "قبل الاتصال المرئي",
                    "items": [
                        ("do", "حدّد مع المتعامل موعدًا مسبقًا، وتأكد من أنه يقبل التواصل بالصوت والصورة."),
                        (
                            "do",
                            (
                                "اختبر النظام والحاسوب والكاميرا والصوت قبل الموعد، وجهّز أمامك كل الأوراق والأدوات "
                                "التي ستحتاجها."
                            ),
                        ),
                        ("do", "اختر مكانًا هادئًا جيد الإضاءة بعيدًا عن الضوضاء والمقاطعات."),
                        ("do", "اعتنِ بمظهرك ليكون أنيقًا مرتبًا، كما لو كنت في مركز الخدمة."),
                        ("do", "استخدم خلفية رسمية مناسبة، أو الخلفية الافتراضية الموحدة المعتمدة في جهتك."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "في أثناء الاتصال المرئي",
                    "items": [
                        ("do", "أبقِ الكاميرا مفتوحة طوال المحادثة، وتأكد من أن وجهك يظهر كاملًا."),
                        ("do", "رحّب بالمتعامل وحيّه بابتسامة."),
                        (
                            "do",
                            "تحدث بنبرة هادئة، وانظر إلى الكاميرا لا إلى صورتك على الشاشة.",
                            "النظر إلى عدسة الكاميرا هو ما يشعر المتعامل بالتواصل البصري.",
                        ),
                        ("do", "كن مستعدًا للإجابة ومُلمًّا بتفاصيل الخدمة التي يسأل عنها."),
                        ("do", "سهّل الإجراءات على المتعامل قدر الإمكان، وأرشده إلى ما يلزم خطوة بخطوة."),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "عند إنهاء الاتصال",
                    "items": [
                        ("do", "لخّص ما تم الاتفاق عليه، واسأل المتعامل إن كان يحتاج إلى خدمة أخرى."),
                        ("dont", "لا تُنهِ الاتصال قبل أن ينهيه المتعامل."),
                    ],
                },
            ],
        },
        "en": {
            "title": "Video-call customer service etiquette",
            "summary": (
                "How staff prepare for and run a video call with a customer: a prior appointment, a system test, a "
                "quiet, well-lit place, a formal background, the whole face in view, eyes on the camera, and never "
                "ending the call before the customer."
            ),
            "tags": ["video call", "etiquette", "virtual channels"],
            "intro": (
                "<p>Video-call service lets staff meet customers face to face while they are at home or at work, and "
                "read their expressions to understand them better than a phone call allows. But the camera shows "
                "everything: the room, your appearance and your body language, so this meeting needs as much "
                "preparation as the counter.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "Before the video call",
                    "items": [
                        (
                            "do",
                            (
                                "Agree an appointment with the customer in advance, and make sure they are happy to "
                                "talk by video."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Test the system, computer, camera and sound before the appointment, and have all "
                                "the papers and tools you will need in front of you."
                            ),
                        ),
                        ("do", "Choose a quiet, well-lit place away from noise and interruptions."),
                        ("do", "Take care that you look smart and tidy, just as you would at the service centre."),
                        (
                            "do",
                            (
                                "Use a suitable formal background, or the standard virtual background approved by "
                                "your agency."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "During the video call",
                    "items": [
                        (
                            "do",
                            "Keep your camera on for the whole conversation, and make sure your whole face is visible.",
                        ),
                        ("do", "Welcome the customer and greet them with a smile."),
                        (
                            "do",
                            "Speak calmly and look at the camera, not at your own image on the screen.",
                            "Looking at the lens is what gives the customer a sense of eye contact.",
                        ),
                        ("do", "Be ready to answer and know the details of the service they are asking about."),
                        (
                            "do",
                            (
                                "Make the procedure as easy as possible for the customer, guiding them through it "
                                "step by step."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "Ending the call",
                    "items": [
                        ("do", "Summarise what was agreed, and ask whether the customer needs any other service."),
                        ("dont", "Don't end the call before the customer does."),
                    ],
                },
            ],
        },
    },
    {
        "slug": "live-chat-etiquette",
        "owner_team": "digital",
        "guide_kind": "chat",
        "channels": ["chat"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "إتيكيت الدردشة الحية مع العملاء",
            "summary": (
                "قواعد الموظف الذي يدير الدردشة الحية على موقع الجهة (لا المساعد الآلي): ما يحتاجه من مهارات، وكيف "
                "يرحّب ويركّز ويرد بسرعة ويرسل الروابط المباشرة، وكيف يختم المحادثة."
            ),
            "tags": ["الدردشة الحية", "المحادثة الفورية", "الإتيكيت", "الموقع الإلكتروني", "القنوات الافتراضية"],
            "intro": (
                "<p>تعالج الدردشة الحية مشكلة التأخر في الرد على استفسارات المراجعين، وتمنحهم دعمًا مباشرًا في أي وقت، "
                "وخاصة وهم يتصفحون الموقع الإلكتروني. وهي تضيف إلى الموقع لمسة إنسانية تطمئن المتعامل إلى أن هناك من "
                "يرافقه حتى يُتم معاملته.</p><p>على الجهة أن تجعل نافذة الدردشة سهلة العثور عليها في موقعها. وتنطبق "
                "قواعد هذا الدليل عندما يدير الدردشة موظف، لا نظام ذكاء اصطناعي.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "قبل بدء المناوبة: ما يحتاجه موظف الدردشة",
                    "items": [
                        ("do", "أتقن الجوانب التقنية، واعرف كيف تتنقل بسرعة في موقع الجهة لتصل إلى ما يحتاجه العميل."),
                        ("do", "كن على معرفة تامة بجميع الخدمات التي تقدمها الجهة وإجراءاتها."),
                        ("do", "اكتب بلغة خالية من الأخطاء الإملائية، وراجع ردك قبل إرساله."),
                        ("do", "طوّر سرعتك في الكتابة والرد، فالسرعة جوهر هذه القناة."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "في أثناء المحادثة",
                    "items": [
                        (
                            "do",
                            "رحّب بالعميل واذكر اسمك، ثم اعرض عليه المساعدة.",
                            "مثال: «أهلًا بك، معك خالد من فريق خدمة العملاء، كيف أستطيع مساعدتك؟»",
                        ),
                        ("do", "ركّز تمامًا على ما يطلبه العميل، واسعَ إلى تقديم الحل المناسب."),
                        ("do", "ردّ بسرعة، ولا تترك المتعامل ينتظر دون إجابة."),
                        (
                            "do",
                            "أرسل الرابط المباشر للصفحة أو الخدمة المطلوبة، حتى يصل العميل فورًا إلى حيث يُنجز معاملته.",
                        ),
                        ("dont", "لا تطلب من العميل بيانات سرية لا تحتاجها الخدمة عبر نافذة الدردشة."),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "عند إنهاء المحادثة",
                    "items": [
                        ("do", "اسأل العميل: هل يحتاج إلى خدمة أخرى؟"),
                        ("do", "اشكره على زيارة الموقع وتواصله عبر الدردشة الحية."),
                        ("do", "اختم المحادثة بعبارة رسمية لائقة."),
                    ],
                },
            ],
        },
        "en": {
            "title": "Live chat etiquette",
            "summary": (
                "Rules for the employee who runs live chat on the agency's website (not the automated assistant): "
                "the skills it needs, how to greet, focus, reply fast and send direct links, and how to close the "
                "conversation."
            ),
            "tags": ["live chat", "instant messaging", "etiquette", "website", "virtual channels"],
            "intro": (
                "<p>Live chat solves the problem of slow replies to customers' questions and gives them direct "
                "support at any time, especially while they are browsing the website. It adds a human touch to the "
                "site and reassures customers that someone is with them until they complete their "
                "transaction.</p><p>Agencies must make the chat window easy to find on their website. The rules in "
                "this guide apply when the chat is run by a member of staff, not by an artificial-intelligence "
                "system.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "Before your shift: what a chat agent needs",
                    "items": [
                        (
                            "do",
                            (
                                "Master the technical side, and know how to move quickly around the agency's website "
                                "to find what the customer needs."
                            ),
                        ),
                        ("do", "Know all the agency's services and their procedures thoroughly."),
                        ("do", "Write without spelling mistakes, and check your reply before sending it."),
                        ("do", "Build up your typing and reply speed: speed is the essence of this channel."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "During the conversation",
                    "items": [
                        (
                            "do",
                            "Welcome the customer, give your name, then offer your help.",
                            (
                                "For example: “Welcome, this is Khalid from the customer service team. How can I "
                                "help you?”"
                            ),
                        ),
                        ("do", "Focus fully on what the customer is asking for, and work towards the right solution."),
                        ("do", "Reply quickly; don't leave the customer waiting without an answer."),
                        (
                            "do",
                            (
                                "Send the direct link to the page or service needed, so the customer goes straight "
                                "to where they can complete it."
                            ),
                        ),
                        (
                            "dont",
                            (
                                "Don't ask the customer, in the chat window, for confidential data the service does "
                                "not need."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "Closing the conversation",
                    "items": [
                        ("do", "Ask the customer whether they would like any other service."),
                        ("do", "Thank them for visiting the website and for using live chat."),
                        ("do", "Close the conversation with a suitable formal sign-off."),
                    ],
                },
            ],
        },
    },
    {
        "slug": "complaints-handling",
        "owner_team": "complaints",
        "guide_kind": "complaints",
        "channels": ["centre", "phone", "email", "video", "chat"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "دليل التعامل مع الشكاوى والبلاغات",
            "summary": (
                "كيف تعرّف الجهة المتعاملين بطرق تقديم الشكوى (ومنها تطبيق «تواصل»)، وكيف يستقبل الموظف الشكوى أو "
                "البلاغ ويعالجه: الإرشادات الأربع، والقواعد السلوكية، وطريقة LAST، ولماذا يشكو العملاء ولماذا يصمت "
                "أكثرهم."
            ),
            "tags": ["الشكاوى", "البلاغات", "تواصل", "LAST", "رضا العملاء", "العميل الغاضب"],
            "intro": (
                "<p>رضا المراجعين هو المقياس الحقيقي لفاعلية مراكز الخدمة الحكومية، ومعرفة مواطن رضاهم واستيائهم شرط "
                "لتحسين الخدمة. والشكوى ليست خصمًا للموظف ولا للجهة، بل معلومة ثمينة: فالمتعامل الذي يشكو يمنحنا فرصة "
                "لإصلاح الخطأ قبل أن يتكرر مع غيره.</p><p>يتذكر العملاء عادةً كيف تصرّفنا حين وقع الخطأ أكثر مما "
                "يتذكرون الخدمة التي سارت على ما يرام. لذلك يجمع هذا الدليل ما على الجهة فعله لتسهيل الشكوى، وما على "
                "الموظف فعله عند استقبالها ومعالجتها.</p>"
            ),
            "stages": [
                {
                    "stage": "general",
                    "heading": "تعريف المتعاملين بطرق تقديم الشكوى",
                    "items": [
                        (
                            "do",
                            (
                                "ضع لوحات إرشادية بعدة لغات في أماكن بارزة من مراكز الخدمة، تشرح كيف تُقدَّم الشكاوى "
                                "والمقترحات."
                            ),
                        ),
                        (
                            "do",
                            (
                                "انشر طرق تقديم الشكوى على الموقع الإلكتروني للجهة وفي حساباتها على وسائل التواصل "
                                "الاجتماعي."
                            ),
                        ),
                        (
                            "do",
                            "شجّع المراجعين على استخدام التطبيق الوطني «تواصل» لتقديم الشكاوى والمقترحات.",
                            "يحفظ التطبيق مسار الشكوى ويتيح تتبعها، فيعزز الشفافية والثقة بين المتعامل والجهة.",
                        ),
                        ("do", "أتِح للمراجع أن يقابل مدير المركز بسهولة إذا أراد تقديم شكوى أو ملاحظة مباشرة."),
                        ("dont", "لا تصرف المراجع عن تقديم شكواه، ولا توحِ له بأن الشكوى بلا فائدة."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "عند استقبال الشكوى: الإرشادات الأربع",
                    "items": [
                        (
                            "do",
                            (
                                "الإدراك: اعترف بوجود المشكلة، واضبط انفعالك، واعتذر إن لزم الأمر، ثم طمئن العميل "
                                "إلى أنك فهمت مشكلته وأنك تبحث عن سبل حلها."
                            ),
                            "راعِ حالة المتعامل النفسية، واحتوِ الموقف قبل أن يتصاعد.",
                        ),
                        (
                            "do",
                            (
                                "الحل: إذا لم تتضح لك المشكلة فاطلب من العميل معلومات إضافية بلباقة، ثم اعرض عليه "
                                "الحلول المناسبة."
                            ),
                        ),
                        ("do", "التوجيه: إذا تعذّر الحل فاشرح الأسباب بشفافية تامة، ووجّه العميل إلى البدائل المتاحة."),
                        ("do", "الصبر: تحلَّ بالصبر، وتفهّم موقف العميل، وحافظ على نبرة صوت متزنة طوال الحديث."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "القواعد السلوكية في أثناء معالجة الشكوى",
                    "items": [
                        ("do", "امتصّ غضب المستفيد بالإنصات الجيد له حتى يفرغ من كلامه."),
                        ("do", "اعتذر عن وقوع المشكلة، ولو لم تكن أنت سببها."),
                        ("do", "انظر إلى المشكلة من زاوية العميل، فما يبدو لك صغيرًا قد يكون كبيرًا عنده."),
                        ("do", "ركّز على ما يمكن فعله، لا على ما لا يمكن."),
                        ("do", "استجب فورًا، ولا تؤجل ما يمكن إنجازه الآن."),
                        ("do", "أشرك المستفيد في البحث عن الحل، واسأله عمّا يراه مناسبًا."),
                        (
                            "do",
                            (
                                "امنح المستفيد ما تستطيع من تسهيلات إضافية تخفف عنه أثر المشكلة، في حدود صلاحياتك "
                                "والأنظمة."
                            ),
                        ),
                        ("dont", "لا تأخذ الأمر على محمل شخصي؛ فالغضب موجّه إلى المشكلة لا إليك."),
                        ("dont", "لا تلُم المستفيد ولا تحمّله مسؤولية المشكلة."),
                        ("dont", "لا تردّ على الإساءة بمثلها.", "إذا تعرّضت لتطاول لفظي فأبلغ مسؤولك المباشر بما حدث."),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "طريقة LAST في أربع خطوات",
                    "items": [
                        (
                            "do",
                            (
                                "الاستماع (Listen): دع العميل يتحدث حتى ينتهي دون مقاطعة، وأظهر اهتمامًا صادقًا "
                                "بقضيته، ثم اسأله عمّا لم يتضح لك."
                            ),
                        ),
                        (
                            "do",
                            (
                                "الاعتذار (Apologise): قدّم اعتذارًا مهذبًا، خاصة إذا كان العميل غاضبًا أو يرى أن الجهة "
                                "أخطأت بحقه، واجعل «لا» آخر خياراتك."
                            ),
                        ),
                        ("do", "الحل (Solve): عالج الطلب حلًّا كاملًا يرضي العميل؛ وهنا تظهر قيمة الصلاحيات الممنوحة لك."),
                        (
                            "do",
                            (
                                "الشكر (Thank): اشكر العميل على مبادرته بالتواصل، فأغلب غير الراضين لا يخبرون الجهة "
                                "بتجربتهم."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "بعد المعالجة",
                    "items": [
                        ("do", "تابع الشكوى حتى تتأكد من اتخاذ الإجراء المناسب بشأنها، وأبلغ صاحبها بالنتيجة."),
                        ("do", "تحقق من رضا العميل عن الطريقة التي عولجت بها مشكلته."),
                        ("do", "سجّل الشكوى وسببها ومصدرها في النظام، حتى تُحلَّل الشكاوى دوريًا وتُعالج أسبابها الجذرية."),
                        ("dont", "لا تغلق الشكوى في النظام قبل أن يُبلَّغ صاحبها بما تم."),
                    ],
                },
            ],
            "body": [
                ("heading", "لماذا يشكو العملاء؟"),
                (
                    "items",
                    [
                        ("توقعات لم تتحقق", "حصل المراجع على أقل مما وُعد به أو مما كان ينتظره."),
                        ("ضعف الثقة أو المصداقية", "وعود لم يُوفَ بها، أو معلومات متضاربة من موظفين مختلفين."),
                        ("الحالة المزاجية", "مزاج العميل أو الموظف في ذلك اليوم قد يحوّل موقفًا عاديًا إلى شكوى."),
                        ("مقاومة التغيير", "إجراء جديد أو قناة جديدة لم يعتدها المتعامل بعد."),
                        ("التمييز بين العملاء", "شعور المراجع بأن غيره يُقدَّم عليه أو يعامل معاملة أفضل."),
                        ("البطء والتأخير", "طول الانتظار أو تأخر إنجاز المعاملة عن موعدها."),
                        ("الخدمة الآلية", "معاملة روتينية باردة خالية من الاهتمام الإنساني."),
                        ("نقص المعلومات", "لم يعرف المتعامل المتطلبات أو الخطوات أو سبب الرفض."),
                    ],
                ),
                ("heading", "ولماذا يصمت أكثرهم؟"),
                (
                    "paragraph",
                    (
                        "<p>تشير التقديرات إلى أن عميلًا واحدًا تقريبًا من كل عشرة عملاء غير راضين يتقدّم بشكوى، أما "
                        "التسعة الباقون فيرحلون بصمت، وقد ينقلون انطباعًا سيئًا إلى غيرهم. أبرز أسباب صمتهم:</p>"
                    ),
                ),
                (
                    "items",
                    [
                        ("لا يثقون بجدوى الشكوى", "يعتقدون أن الإدارة لن تهتم بإزالة سبب المشكلة."),
                        ("لا يعرفون الطريق", "لا يعرفون كيف يشتكون ولا إلى من يتوجهون."),
                        ("لا تستحق العناء", "يرون أن الشكوى لن تعوّض الوقت والجهد اللذين ستستهلكهما."),
                        ("يسهل عليهم البديل", "يلجؤون إلى قناة أو مصدر آخر بدل المطالبة بالإصلاح."),
                    ],
                ),
                (
                    "callout",
                    (
                        "تذكّر",
                        (
                            "<p>اجعل التعبير عن عدم الرضا سهلًا على المراجعين. قد لا يكون سماع الشكوى مريحًا، لكنه "
                            "الفرصة الوحيدة لإصلاح ما لم نكن نعلم بوجوده. وكل مشكلة، صغرت أو كبرت، مهمة في نظر "
                            "صاحبها.</p>"
                        ),
                    ),
                ),
                ("heading", "قيمنا في التعامل مع الشكاوى"),
                (
                    "items",
                    [
                        ("المصداقية", "شفافية وعدل وإنصاف مع كل متعامل."),
                        ("المسؤولية", "استلام الشكوى والبدء في معالجتها فورًا."),
                        ("الكفاءة", "الاستجابة لكل حالة دون تأخير."),
                        ("الابتكار", "أفكار جديدة لتجاوز ما يعيق حل الشكاوى."),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Handling complaints and reports",
            "summary": (
                "How the agency tells customers the ways to complain (including the Tawasul app), and how staff "
                "receive and resolve a complaint or report: the four guidelines, the behavioural rules, the LAST "
                "method, why customers complain and why most of them stay silent."
            ),
            "tags": ["complaints", "reports", "Tawasul", "LAST", "customer satisfaction", "angry customer"],
            "intro": (
                "<p>Customer satisfaction is the real measure of how effective a government service centre is, and "
                "knowing where customers are satisfied or dissatisfied is a condition for improving the service. A "
                "complaint is not the enemy of the employee or the agency but valuable information: a customer who "
                "complains gives us a chance to fix a mistake before it happens to someone else.</p><p>Customers "
                "usually remember how we behaved when something went wrong more than the service that went smoothly. "
                "This guide therefore brings together what the agency must do to make complaining easy, and what "
                "staff must do when they receive and resolve a complaint.</p>"
            ),
            "stages": [
                {
                    "stage": "general",
                    "heading": "Telling customers how to complain",
                    "items": [
                        (
                            "do",
                            (
                                "Put up signs in several languages in prominent places in service centres, "
                                "explaining how to submit complaints and suggestions."
                            ),
                        ),
                        (
                            "do",
                            "Publish the ways to complain on the agency's website and on its social-media accounts.",
                        ),
                        (
                            "do",
                            "Encourage customers to use the national Tawasul app to submit complaints and suggestions.",
                            (
                                "The app keeps a record of the complaint and lets the customer track it, which "
                                "builds transparency and trust between the customer and the agency."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Make it easy for customers to meet the centre manager if they want to complain or "
                                "comment in person."
                            ),
                        ),
                        (
                            "dont",
                            "Don't discourage a customer from complaining, or suggest that complaining is pointless.",
                        ),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "Receiving a complaint: the four guidelines",
                    "items": [
                        (
                            "do",
                            (
                                "Awareness: acknowledge that there is a problem, keep your emotions in check, "
                                "apologise if needed, then reassure the customer that you understand the problem and "
                                "are looking for ways to solve it."
                            ),
                            (
                                "Take the customer's state of mind into account, and contain the situation before it "
                                "escalates."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Solution: if the problem is not clear, politely ask the customer for more "
                                "information, then offer suitable solutions."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Direction: if no solution is possible, explain the reasons with full transparency "
                                "and point the customer to the alternatives available."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Patience: be patient, understand the customer's position, and keep a steady tone of "
                                "voice throughout."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "Behavioural rules while handling a complaint",
                    "items": [
                        ("do", "Absorb the customer's anger by listening well until they have finished."),
                        ("do", "Apologise that the problem happened, even if you did not cause it."),
                        (
                            "do",
                            (
                                "Look at the problem from the customer's point of view: what seems small to you may "
                                "be big to them."
                            ),
                        ),
                        ("do", "Focus on what can be done, not on what cannot."),
                        ("do", "Respond immediately; don't postpone what can be done now."),
                        ("do", "Involve the customer in finding the solution, and ask what they would consider fair."),
                        (
                            "do",
                            (
                                "Offer whatever extra help you can to ease the effect of the problem, within your "
                                "authority and the regulations."
                            ),
                        ),
                        ("dont", "Don't take it personally: the anger is aimed at the problem, not at you."),
                        ("dont", "Don't blame the customer or make them responsible for the problem."),
                        (
                            "dont",
                            "Don't answer abuse with abuse.",
                            "If you are verbally abused, report what happened to your direct manager.",
                        ),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "The LAST method in four steps",
                    "items": [
                        (
                            "do",
                            (
                                "Listen: let the customer speak until they have finished, without interrupting; show "
                                "genuine interest in their case, then ask about anything that is still unclear."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Apologise: offer a courteous apology, especially if the customer is angry or feels "
                                "the agency has wronged them, and make “no” your last option."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Solve: resolve the request completely and to the customer's satisfaction; this is "
                                "where the authority you have been given shows its value."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Thank: thank the customer for taking the trouble to get in touch, because most "
                                "dissatisfied customers never tell the agency about their experience."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "after",
                    "heading": "After resolving the complaint",
                    "items": [
                        (
                            "do",
                            (
                                "Follow the complaint up until you are sure the right action has been taken, and "
                                "tell the customer the outcome."
                            ),
                        ),
                        ("do", "Check that the customer is satisfied with the way their problem was handled."),
                        (
                            "do",
                            (
                                "Record the complaint, its cause and its source in the system, so complaints are "
                                "analysed regularly and their root causes are dealt with."
                            ),
                        ),
                        (
                            "dont",
                            "Don't close the complaint in the system before the customer has been told what was done.",
                        ),
                    ],
                },
            ],
            "body": [
                ("heading", "Why do customers complain?"),
                (
                    "items",
                    [
                        (
                            "Unmet expectations",
                            "The customer received less than they were promised or than they expected.",
                        ),
                        (
                            "Low trust or credibility",
                            "Promises that were not kept, or conflicting information from different staff.",
                        ),
                        (
                            "Mood",
                            (
                                "The customer's or the employee's mood that day can turn an ordinary situation into "
                                "a complaint."
                            ),
                        ),
                        ("Resistance to change", "A new procedure or a new channel the customer is not yet used to."),
                        (
                            "Discrimination between customers",
                            "The customer feels that others are served first or treated better.",
                        ),
                        ("Slowness and delay", "A long wait, or a transaction completed later than promised."),
                        ("Robotic service", "Cold, routine treatment with no human attention."),
                        (
                            "Missing information",
                            "The customer did not know the requirements, the steps, or why a request was refused.",
                        ),
                    ],
                ),
                ("heading", "And why do most stay silent?"),
                (
                    "paragraph",
                    (
                        "<p>Estimates suggest that only about one in ten dissatisfied customers makes a complaint; "
                        "the other nine leave quietly and may pass a bad impression on to others. The main reasons "
                        "they stay silent:</p>"
                    ),
                ),
                (
                    "items",
                    [
                        (
                            "No faith that it helps",
                            "They believe management will not bother to remove the cause of the problem.",
                        ),
                        ("They don't know how", "They don't know how to complain or whom to turn to."),
                        ("Not worth the effort", "They feel a complaint will not repay the time and effort it takes."),
                        ("An easy alternative", "They turn to another channel or source instead of asking for a fix."),
                    ],
                ),
                (
                    "callout",
                    (
                        "Remember",
                        (
                            "<p>Make it easy for customers to say they are not satisfied. Hearing a complaint may "
                            "not be pleasant, but it is the only chance to fix what we did not know was wrong. And "
                            "every problem, large or small, matters to the person who has it.</p>"
                        ),
                    ),
                ),
                ("heading", "Our complaint-handling values"),
                (
                    "items",
                    [
                        ("Credibility", "Transparency, fairness and equity towards every customer."),
                        ("Responsibility", "Complaints are received and acted on immediately."),
                        ("Efficiency", "Every case gets a response without delay."),
                        ("Innovation", "Fresh ideas to overcome whatever stands in the way of resolving complaints."),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "dealing-with-customer-types",
        "owner_team": "quality",
        "guide_kind": "customer_types",
        "channels": ["centre", "phone", "video", "chat"],
        "related": [("charter", "charter")],
        "ar": {
            "title": "دليل التعامل مع أنماط العملاء",
            "summary": (
                "كيف تتعرّف على النمط السلوكي للمراجع وتختار الأسلوب المناسب لخدمته: الأنماط العشرة وصفاتها، والأنماط "
                "الأربعة الصعبة من المستفيدين وطرق التعامل معها، والعميل الداخلي والخارجي، وقاعدة 80/20."
            ),
            "tags": ["أنماط العملاء", "العميل الصعب", "العميل الغاضب", "المستفيدون", "قاعدة 80/20", "العميل الداخلي"],
            "intro": (
                "<p>لا يتشابه المراجعون في طباعهم ولا في طريقة حديثهم ولا في حاجاتهم، واختلاف الناس أمر طبيعي لا "
                "ينبغي أن يضايق مقدم الخدمة. والمهارة الحقيقية لا تظهر مع العميل الهادئ المتعاون، بل مع صاحب الطباع "
                "الحادة.</p><p>نجاحك في خدمة المتعامل لا يقوم على فهم حاجته فقط، بل على تمييز نمطه السلوكي واختيار "
                "المدخل المناسب له. وخبرتك العملية هي أهم ما يعينك على هذا التمييز. يقدّم هذا الدليل قواعد عامة، ثم "
                "وصفًا للأنماط وطرق خدمة كل منها.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "قبل أن تبدأ: اقرأ المتعامل",
                    "items": [
                        (
                            "do",
                            (
                                "اسعَ إلى فهم المتعامل أولًا، ثم ابدأ خدمته؛ فمعرفة نمطه معرفة صحيحة هي ما يحدد "
                                "الأسلوب المناسب له."
                            ),
                        ),
                        (
                            "do",
                            (
                                "انتبه إلى المؤشرات التي تدلك على نمط العميل: طريقة مشيه وحركته، ومظهره، وتعابير "
                                "وجهه ويديه، وأسلوب حديثه ونبرة صوته."
                            ),
                        ),
                        (
                            "dont",
                            "لا تحكم على العميل من مؤشر واحد، ولا تلصق به صفة ثابتة.",
                            "قد يتغير سلوك الشخص نفسه بتغير ظروفه ووقته وحالته المزاجية، فغيّر أسلوبك معه تبعًا لذلك.",
                        ),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "في أثناء الخدمة",
                    "items": [
                        (
                            "do",
                            "كيّف أسلوبك مع النمط الذي أمامك، وجرّب مداخل مختلفة للتأثير حتى تصل إلى الاستجابة المطلوبة.",
                        ),
                        ("do", "افصل بين كرامتك الشخصية وهدفك المهني؛ فضيقك من طباع عميل ما لا يبرر التقصير في خدمته."),
                        ("do", "حافظ على هدوئك مع العميل المتوتر أو الغاضب؛ فهدوؤك ينتقل إليه."),
                        ("dont", "لا ترفض خدمة أي نمط من العملاء، ولا تفاضل بينهم في جودة الخدمة."),
                    ],
                },
                {
                    "stage": "general",
                    "heading": "الغاية من التصنيف",
                    "items": [
                        (
                            "do",
                            (
                                "استخدم تصنيف العملاء لفهم صفاتهم ودوافعهم وتقديم الخدمة المتميزة للجميع، لا "
                                "للمفاضلة بينهم."
                            ),
                        ),
                        ("do", "عامل زملاءك الذين يعتمدون على عملك معاملة العملاء؛ فهم عملاؤك الداخليون."),
                    ],
                },
            ],
            "body": [
                ("heading", "الأنماط السلوكية العشرة وكيف تخدم كلًّا منها"),
                (
                    "items",
                    [
                        (
                            "العميل السلبي (الاتكالي)",
                            (
                                "صفاته: يعتمد على غيره، متقلب المزاج، خجول، يكثر من الأسئلة ويستمع بانتباه، بطيء في "
                                "حسم قراره أو إجابته، قليل التركيز لانشغال ذهنه بأكثر من أمر، ويرى أن تفاعلك معه "
                                "يخفف عنه عبء القرار. كيف تخدمه: كن صبورًا، وقدّم المعلومة خطوة بخطوة، وأجب عن أسئلته "
                                "كلها، ثم لخّص له الخيارات واقترح الأنسب مع ترك القرار له."
                            ),
                        ),
                        (
                            "العميل المتشكك",
                            (
                                "صفاته: لا يثق بمقدم الخدمة ويطلب الدليل على كل شيء، في حديثه شيء من السخرية، يصعب "
                                "عليه تحديد ما يريد، وصعب المراس. كيف تخدمه: قدّم الحقائق موثقة من الأنظمة والرسوم "
                                "المنشورة والنماذج الرسمية، ولا تنفعل من سخريته، ولا تعِد بما لا تستطيع، وساعده على "
                                "تحديد طلبه بأسئلة محددة."
                            ),
                        ),
                        (
                            "العميل الثرثار",
                            (
                                "صفاته: كثير الكلام، وأحيانًا بلا فائدة، مجامل ومرح، يلفت الانتباه بكثرة حديثه، "
                                "وينتقل بين موضوعات كثيرة في وقت واحد. كيف تخدمه: استمع إليه بلطف، ثم أعد الحديث "
                                "بلباقة إلى موضوع المعاملة، واستخدم أسئلة محددة إجابتها قصيرة، دون أن تقطع حديثه "
                                "بجفاء، مراعيًا وقت المراجعين الآخرين."
                            ),
                        ),
                        (
                            "العميل المغرور (المتعالي)",
                            (
                                "صفاته: يرى أن على الآخرين انتظاره، ويعدّ نفسه متميزًا مسيطرًا واثقًا، قليل الصبر، لا "
                                "يصغي ويكثر المقاطعة، ويعطّل سير العمل لظنه أنه يعرف كل شيء. كيف تخدمه: أظهر له "
                                "الاحترام والتقدير دون تنازل عن الإجراءات، وكن مختصرًا دقيقًا، وتجنب الجدال، واعرض "
                                "الإجراء على أنه نظام يسري على الجميع."
                            ),
                        ),
                        (
                            "العميل المتردد",
                            (
                                "صفاته: يتكل على غيره في اتخاذ القرار، غير حاسم، يصعب أن تأخذ منه جوابًا، ولا يستقر "
                                "على رأي. كيف تخدمه: قلّل الخيارات أمامه، واعرض ميزة كل خيار بوضوح، وقدّم له توصية "
                                "مهنية، وامنحه وقتًا معقولًا، ثم لخّص له ما اختاره."
                            ),
                        ),
                        (
                            "العميل الغاضب",
                            (
                                "صفاته: سريع الاستثارة والغضب، وقد يميل إلى التهجم على الآخرين والإساءة إليهم، ويصعب "
                                "إرضاؤه. كيف تخدمه: حافظ على هدوئك، واستمع إليه دون مقاطعة، ولا تأخذ الأمر على محمل "
                                "شخصي، واعتذر عن الإزعاج، وركّز على ما يمكن فعله (طريقة LAST). وإذا تحوّل غضبه إلى "
                                "إساءة لفظية فأبلغ مسؤولك المباشر."
                            ),
                        ),
                        (
                            "العميل المشاهد (المستطلع)",
                            (
                                "صفاته: لا يبحث عن شيء محدد، ويحب الاطلاع على الخدمات المعروضة، ويفضّل ألا يُراقَب لكنه "
                                "يريد الاهتمام في الوقت نفسه. كيف تخدمه: رحّب به واترك له مساحة، وكن قريبًا عند حاجته، "
                                "وقدّم له معلومات عامة ومطبوعات أو روابط، دون أن تضغط عليه."
                            ),
                        ),
                        (
                            "العميل المتروّي",
                            (
                                "هكذا يسميه المنهج التدريبي، وإن كانت صفاته أقرب إلى المندفع: يحسم قراره بسرعة، "
                                "عاطفي في اختياره، يهتم بالشكل أكثر من المضمون، ويختار ما يعجبه. كيف تخدمه: تأكد من "
                                "أنه فهم المتطلبات والشروط قبل أن يقرر، ونبّهه بلطف إلى التفاصيل المهمة كالرسوم "
                                "والمواعيد والوثائق، ثم أكّد له ما اختاره كتابةً."
                            ),
                        ),
                        (
                            "العميل العنيد",
                            (
                                "صفاته: نشيط إيجابي مستقل، يتخذ قراره وحده ويتمسك به، ويتجنب تجربة الجديد. كيف "
                                "تخدمه: احترم استقلاليته، واعرض عليه المعلومات والخيارات ودعه يصل إلى القرار بنفسه، "
                                "واستند إلى الحقائق، وتجنب المواجهة."
                            ),
                        ),
                        (
                            "العميل المفكّر الصامت",
                            (
                                "صفاته: هادئ في حديثه، كثير الإنصات، يصعب أن تعرف ما يفكر فيه، ويقارن بين الخيارات "
                                "المطروحة قبل أن يحدد موقفه. كيف تخدمه: قدّم معلومات دقيقة مفصلة ومقارنات واضحة، "
                                "وامنحه وقتًا للتفكير، واسأله بلطف أسئلة مفتوحة لتعرف رأيه، ولا تستعجله."
                            ),
                        ),
                    ],
                ),
                ("heading", "الأنماط الأربعة الصعبة من المستفيدين"),
                (
                    "items",
                    [
                        (
                            "المستفيد كثير المطالب",
                            (
                                "صفاته: متحفظ في حديثه، يطلب دائمًا ما هو أفضل من الخدمة أو أسلوب المعاملة، يمل "
                                "بسرعة، لا يقبل أي تبرير لخطأ أو تقصير، لا يحب الدخول في التفاصيل، قوي الشخصية يشعر "
                                "بأهميته. التعامل معه: الوضوح والتحديد، والثقة بالنفس والمهنية، وسرعة الاستجابة دون "
                                "إطالة في التفاصيل، ونبرة صوت واضحة قوية، وعرض الحقائق بتسلسل منطقي، وتجنب الأسئلة "
                                "الشخصية أو غير الضرورية."
                            ),
                        ),
                        (
                            "المستفيد الاجتماعي (المؤثر)",
                            (
                                "صفاته: متفائل طموح، يثق بالآخرين بسرعة، لا يكترث كثيرًا بالوقت، ودود دافئ المشاعر، "
                                "صادق الالتزام، يميل إلى الأحاديث الجانبية والشخصية. التعامل معه: عبّر عن مشاعرك "
                                "الإيجابية تجاهه، وتحدث بنبرة حيوية متحمسة ولغة جسد معبرة، وعامله بود ولطف، واعرض "
                                "عليه الخيارات بصورة مشجعة، واسأله عن رأيه في طرق تقديم الخدمة، وشاركه الحديث عن "
                                "أهدافه باعتدال، ولا تتجاهله أو تتظاهر بالانشغال عنه."
                            ),
                        ),
                        (
                            "المستفيد المتوازن (المعتدل)",
                            (
                                "صفاته: هادئ لا يحب التغيير، بسيط غير متكلف، واسع الصدر يتقبل تبرير الخطأ، لكنه حساس "
                                "لأسلوب المعاملة، يهتم بالنتائج أكثر من الوسائل، ويبقى وفيًّا ما لم تقع مشكلات كبيرة. "
                                "التعامل معه: أظهر له الود والصداقة، وكن هادئًا في تصرفك متحمسًا في حديثك، وبسّط لغة "
                                "جسدك ونبرة صوتك وإشارات يدك، واعتدل في ردود فعلك، واستمع إليه بصبر، وقدّم حلولًا "
                                "منطقية مقنعة مدعومة بالأدلة والضمانات، وامنحه وقتًا كافيًا للتفكير، وأظهر له التقدير "
                                "والاهتمام."
                            ),
                        ),
                        (
                            "المستفيد الشاكي",
                            (
                                "صفاته: يدقق في التفاصيل، يشعر بأهميته ويطلب معاملة خاصة، سريع الغضب ورد الفعل، لا "
                                "يُظهر تقديرًا للخدمة ولا لمقدمها، متمسك برأيه قليل المرونة، يلوّح بالشكوى دائمًا، "
                                "ومتمسك بالقواعد والإجراءات تمسكًا شديدًا. التعامل معه: كن ملمًّا بالخدمة وإجراءاتها، "
                                "ومستعدًا دائمًا للمساعدة، وحازمًا بأدب، وواضحًا مباشرًا في حديثك، وتسلّح بالحقائق، وأتِح "
                                "له التعبير عن رأيه، وقلّل من إشارات اليد حتى لا تستفزه، واستند إلى الأنظمة والوثائق "
                                "والأدلة."
                            ),
                        ),
                    ],
                ),
                ("heading", "العميل الداخلي والعميل الخارجي"),
                (
                    "paragraph",
                    (
                        "<p>كل من تتعامل معه في عملك عميل، سواء جاء من خارج الجهة أو من داخلها. <b>العميل "
                        "الخارجي</b> هو المراجع أو المستفيد الذي يطلب خدمات الجهة. و<b>العميل الداخلي</b> هو الزميل "
                        "في جهتك الذي يعتمد على ما تنجزه ليؤدي مهامه. إرضاء العميل الداخلي وتأهيله وتدريبه طريق إلى "
                        "التميز في خدمة العميل الخارجي، لكن الغاية النهائية تبقى دائمًا خدمة المستفيد الخارجي.</p>"
                    ),
                ),
                ("heading", "قاعدة 80/20"),
                (
                    "paragraph",
                    (
                        "<p>تقول القاعدة إن نحو 80% من حجم أعمالك يأتي من 20% من عملائك، وإن 20% من العملاء يقفون "
                        "وراء 80% من المشكلات، وإن 80% من وقت العمل يذهب إلى 20% من المهام. وتفيدك في تحليل عملائك "
                        "لمعرفة: الفئات الأكثر أهمية لنشاط الجهة، والفئات التي تحتاج إلى خدمات محددة، والفئات الأكثر "
                        "حساسية لمستوى الخدمة. والغرض من ذلك ليس التمييز بين الناس، بل الاستمرار في تقديم خدمة "
                        "متميزة للجميع بفهم صفات كل فئة ودوافعها.</p>"
                    ),
                ),
            ],
        },
        "en": {
            "title": "Dealing with customer types",
            "summary": (
                "How to recognise a customer's behavioural type and choose the right way to serve them: the ten "
                "types and their traits, the four difficult beneficiary types and how to handle them, internal and "
                "external customers, and the 80/20 rule."
            ),
            "tags": [
                "customer types",
                "difficult customers",
                "angry customer",
                "beneficiaries",
                "80/20 rule",
                "internal customer",
            ],
            "intro": (
                "<p>Customers differ in temperament, in the way they talk and in what they need, and these "
                "differences are natural; they should not irritate the person serving them. Real skill does not show "
                "with the calm, cooperative customer but with the one who has a sharp temper.</p><p>Serving a "
                "customer well depends not only on understanding their need but on recognising their behavioural "
                "type and choosing the right approach for it. Your practical experience is what helps you most in "
                "telling types apart. This guide gives general rules, then describes each type and how to serve "
                "it.</p>"
            ),
            "stages": [
                {
                    "stage": "before",
                    "heading": "Before you start: read the customer",
                    "items": [
                        (
                            "do",
                            (
                                "Try to understand the customer before you engage; diagnosing their type correctly "
                                "tells you the right approach."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Watch for the signs that point to a customer's type: how they walk and move, their "
                                "appearance, their facial expressions and hand gestures, and their way of speaking "
                                "and tone of voice."
                            ),
                        ),
                        (
                            "dont",
                            "Don't judge a customer by a single sign, or attach a fixed label to them.",
                            (
                                "The same person may behave differently as their circumstances, timing and mood "
                                "change, so adjust your approach accordingly."
                            ),
                        ),
                    ],
                },
                {
                    "stage": "during",
                    "heading": "During service",
                    "items": [
                        (
                            "do",
                            (
                                "Adapt your style to the type in front of you, and try different approaches until "
                                "you get the response you need."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Keep your personal dignity separate from your professional goal: being irritated by "
                                "a customer's temperament never justifies serving them less well."
                            ),
                        ),
                        ("do", "Stay calm with a tense or angry customer; your calm passes on to them."),
                        (
                            "dont",
                            "Don't refuse to serve any type of customer, or vary the quality of service between them.",
                        ),
                    ],
                },
                {
                    "stage": "general",
                    "heading": "Why we classify customers",
                    "items": [
                        (
                            "do",
                            (
                                "Use customer types to understand people's traits and motives and give excellent "
                                "service to everyone, never to rank them."
                            ),
                        ),
                        (
                            "do",
                            (
                                "Treat colleagues who depend on your work as customers too: they are your internal "
                                "customers."
                            ),
                        ),
                    ],
                },
            ],
            "body": [
                ("heading", "The ten behavioural types and how to serve each"),
                (
                    "items",
                    [
                        (
                            "The passive (dependent) customer",
                            (
                                "Traits: relies on others, moody, shy, asks many questions and listens attentively, "
                                "slow to settle on a decision or an answer, easily distracted because their mind is "
                                "on several things, and feels that your involvement lightens the weight of the "
                                "decision. How to serve them: be patient, give information one step at a time, "
                                "answer all their questions, then summarise the options and recommend the most "
                                "suitable one while leaving the decision to them."
                            ),
                        ),
                        (
                            "The sceptical customer",
                            (
                                "Traits: does not trust the service provider and asks for proof of everything, "
                                "speaks with a touch of sarcasm, finds it hard to say what they want, and is hard to "
                                "deal with. How to serve them: back up the facts with the regulations, published "
                                "fees and official forms, don't react to the sarcasm, never promise what you cannot "
                                "deliver, and help them pin down their request with specific questions."
                            ),
                        ),
                        (
                            "The talkative customer",
                            (
                                "Traits: talks a lot, sometimes to no purpose, is complimentary and humorous, draws "
                                "attention by talking, and jumps between many topics at once. How to serve them: "
                                "listen kindly, then tactfully bring the conversation back to the transaction, use "
                                "specific questions with short answers, and never cut them off rudely, while keeping "
                                "other customers' time in mind."
                            ),
                        ),
                        (
                            "The arrogant (superior) customer",
                            (
                                "Traits: expects others to wait for them, sees themselves as special, dominant and "
                                "confident, is impatient, does not listen and interrupts often, and holds up the "
                                "work because they believe they know everything. How to serve them: show respect and "
                                "appreciation without bending the procedures, be brief and precise, avoid arguments, "
                                "and present the procedure as a rule that applies to everyone."
                            ),
                        ),
                        (
                            "The hesitant customer",
                            (
                                "Traits: relies on others to decide, is indecisive, hard to get an answer from, and "
                                "cannot settle on an opinion. How to serve them: narrow down the options, explain "
                                "the advantage of each clearly, give a professional recommendation, allow reasonable "
                                "time, then summarise what they have chosen."
                            ),
                        ),
                        (
                            "The angry customer",
                            (
                                "Traits: quickly provoked and angered, may lash out at or insult others, and is hard "
                                "to satisfy. How to serve them: stay calm, listen without interrupting, don't take "
                                "it personally, apologise for the inconvenience, and focus on what can be done (the "
                                "LAST method). If the anger turns into verbal abuse, report it to your direct "
                                "manager."
                            ),
                        ),
                        (
                            "The onlooker (browsing) customer",
                            (
                                "Traits: is not looking for anything specific, likes to see what services are on "
                                "offer, prefers not to be watched yet still wants attention. How to serve them: "
                                "welcome them and give them space, stay close in case they need you, and offer "
                                "general information, leaflets or links without pressing them."
                            ),
                        ),
                        (
                            "The “deliberate” customer",
                            (
                                "This is the training curriculum's name for the type, although its traits describe "
                                "an impulsive customer: decides quickly, chooses emotionally, cares more about form "
                                "than substance, and picks whatever appeals to them. How to serve them: make sure "
                                "they understand the requirements and conditions before deciding, gently point out "
                                "the important details such as fees, dates and documents, then confirm their choice "
                                "in writing."
                            ),
                        ),
                        (
                            "The stubborn customer",
                            (
                                "Traits: active, positive and independent; makes decisions alone and sticks to them, "
                                "and avoids trying anything new. How to serve them: respect their independence, set "
                                "out the information and options and let them reach the decision themselves, rely on "
                                "facts, and avoid confrontation."
                            ),
                        ),
                        (
                            "The silent thinker",
                            (
                                "Traits: speaks quietly, listens a great deal, is hard to read, and compares the "
                                "options on offer before taking a position. How to serve them: give accurate, "
                                "detailed information and clear comparisons, allow time to think, gently ask open "
                                "questions to learn their view, and don't rush them."
                            ),
                        ),
                    ],
                ),
                ("heading", "The four difficult beneficiary types"),
                (
                    "items",
                    [
                        (
                            "The demanding beneficiary",
                            (
                                "Traits: reserved in conversation, always asks for better service or better "
                                "treatment, bores quickly, accepts no excuse for any mistake or shortfall, dislikes "
                                "details, and has a strong personality with a sense of importance. How to handle "
                                "them: be clear and specific, confident and professional, respond quickly without "
                                "dwelling on details, use a clear, firm tone, present the facts in a logical order, "
                                "and avoid personal or unnecessary questions."
                            ),
                        ),
                        (
                            "The social (influencer) beneficiary",
                            (
                                "Traits: optimistic and ambitious, trusts others quickly, does not mind much about "
                                "time, friendly and warm, sincere in commitments, and enjoys side conversations and "
                                "personal talk. How to handle them: express your positive feelings towards them, "
                                "speak with a lively, enthusiastic tone and expressive body language, be warm and "
                                "friendly, present the options in an encouraging way, ask for their opinion on how "
                                "the service is delivered, talk about their goals in moderation, and never ignore "
                                "them or pretend to be busy."
                            ),
                        ),
                        (
                            "The balanced (moderate) beneficiary",
                            (
                                "Traits: calm and dislikes change, simple and unpretentious, broad-minded and "
                                "accepts an explanation for a mistake, yet sensitive to how they are treated; cares "
                                "about results more than methods, and stays loyal unless serious problems arise. How "
                                "to handle them: show friendliness, be calm in manner but enthusiastic in speech, "
                                "keep your body language, tone and gestures simple, react in moderation, listen "
                                "patiently, offer logical, convincing solutions backed by evidence and guarantees, "
                                "give them enough time to think, and show appreciation and interest."
                            ),
                        ),
                        (
                            "The complainer",
                            (
                                "Traits: scrutinises details, feels important and wants special treatment, quick to "
                                "anger and react, shows no appreciation for the service or the person providing it, "
                                "holds firmly to their opinion, constantly threatens to complain, and clings "
                                "strictly to rules and procedures. How to handle them: know the service and its "
                                "procedures well, always be ready to help, be firm but polite, clear and direct, arm "
                                "yourself with facts, let them express their view, use few hand gestures so as not "
                                "to provoke them, and rely on the regulations, documents and evidence."
                            ),
                        ),
                    ],
                ),
                ("heading", "Internal and external customers"),
                (
                    "paragraph",
                    (
                        "<p>Everyone you deal with at work is a customer, whether they come from outside the agency "
                        "or inside it. The <b>external customer</b> is the member of the public or beneficiary who "
                        "asks for the agency's services. The <b>internal customer</b> is the colleague in your "
                        "agency who depends on what you deliver to do their own job. Satisfying, preparing and "
                        "training internal customers is a route to excellent service for external customers, but the "
                        "final aim is always to serve the external customer.</p>"
                    ),
                ),
                ("heading", "The 80/20 rule"),
                (
                    "paragraph",
                    (
                        "<p>The rule says that about 80% of your workload comes from 20% of your customers, 80% of "
                        "problems are caused by 20% of customers, and 80% of working time goes on 20% of tasks. It "
                        "helps you analyse your customers to find the groups that matter most to the agency's work, "
                        "the groups that need specific services, and the groups most sensitive to the level of "
                        "service. The purpose is not to discriminate between people but to keep giving everyone "
                        "excellent service by understanding each group's traits and motives.</p>"
                    ),
                ),
            ],
        },
    },
]
