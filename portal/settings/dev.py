"""Local development: DEBUG on, a throwaway secret key, demo mode on."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
TAMAYUZ_DEMO_MODE = env_bool("TAMAYUZ_DEMO_MODE", True)
# No mail server locally: verification mails go to the console, and sign-in is not blocked on them.
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")
