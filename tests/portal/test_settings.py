from django.conf import settings


def test_arabic_is_the_default_language():
    assert settings.LANGUAGE_CODE == "ar"
    assert [code for code, _ in settings.LANGUAGES] == ["ar", "en"]


def test_wagtail_content_languages_match_the_interface_languages():
    assert settings.WAGTAIL_I18N_ENABLED is True
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["ar", "en"]
