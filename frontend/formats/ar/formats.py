"""Arabic formats for the portal (Django's own ``ar`` module supplies the rest).

Dates read "5 مارس 2026": day, month name, year, without the comma Django's ``ar`` format
puts before the year. Numbers use the Arabic thousands separator and decimal mark, which
``frontend.formatting`` turns into "," and "." when the site writes Western digits."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATETIME_FORMAT = "j F Y H:i"
DECIMAL_SEPARATOR = "\u066b"  # ٫ ARABIC DECIMAL SEPARATOR
THOUSAND_SEPARATOR = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR
NUMBER_GROUPING = 3
