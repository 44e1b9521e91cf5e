"""``manage.py flush_buffers``: save the buffered page reads, search logs and clicks now.

The server saves them by itself every few seconds and at a clean shutdown; this is for
operators (before a backup or a report) and, with ``REDIS_URL`` set, saves what every
worker process buffered."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from portal import buffered_writes


class Command(BaseCommand):
    help = "Save the buffered page read counts, search logs and result clicks to the database now."

    def handle(self, *args, **options) -> None:
        saved = buffered_writes.flush()
        if not saved:
            self.stdout.write("Nothing was buffered.")
        for stream, count in sorted(saved.items()):
            self.stdout.write(f"{stream}: {count} saved")
