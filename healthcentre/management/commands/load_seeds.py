from django.core.management.base import BaseCommand
from django.db import transaction

from healthcentre.models import Province
from healthcentre.seeding import load_all


class Command(BaseCommand):
    help = "Load the records told by the seed articles (seeds/), through the import code. Safe to repeat."

    def handle(self, *args, **options):
        if not Province.objects.exists():
            from django.core.management import call_command

            call_command("load_divisions", stdout=self.stdout)
        with transaction.atomic():
            load_all(self.stdout)
