"""Knowledge content: reference data (channels, topics) and page types."""

from .learning import CompetencyTag  # noqa: F401
from .pages import (  # noqa: F401
    AnnouncementPage,
    ArticleIndexPage,
    CharterPage,
    EtiquetteGuidePage,
    FAQIndexPage,
    FAQPage,
    GuideIndexPage,
    HomePage,
    KnowledgeArticlePage,
    KnowledgePage,
    KnowledgePageTag,
    NewsIndexPage,
    ProcedureIndexPage,
    RelatedPage,
    ServiceProcedurePage,
)
from .reads import PageReadCount  # noqa: F401
from .reference import Channel, Topic  # noqa: F401
