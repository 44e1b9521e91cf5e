"""Arabic number formats for the portal (Django's own ``ar`` module supplies the dates).

Gulf Arabic writes numbers with the Arabic thousands separator and decimal mark, and
digits in Arabic-Indic shapes (``frontend.formatting.localize_digits`` does the digits)."""

DECIMAL_SEPARATOR = "\u066b"  # ٫ ARABIC DECIMAL SEPARATOR
THOUSAND_SEPARATOR = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR
NUMBER_GROUPING = 3
